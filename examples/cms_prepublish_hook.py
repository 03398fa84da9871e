"""A CMS pre-publish hook: check a policy document's record and its text before it goes live.

A county bureau's website CMS calls this hook when an editor presses "publish".  It gets the
document's record (the JSON the CMS keeps: id, title, issue date, disclosure attribute,
marking, review, interpretation …, see the ``document-record`` JSON Schema) and the document's
text, and answers **publish** or **block**:

* the record is checked as if the document were published today on the government website
  (:func:`govdisclose.validate_document`): a document marked 不予公开 must not be
  published, the marking must match the attribute, a policy that needs an interpretation is
  published with it (三同步) …;
* the text is scanned for identity-card, mobile and bank card numbers
  (:func:`govdisclose.scan_text`), which must not be published (先审查、后公开).

Error findings block publication — except lateness: a document already past its 20 working
days is still better published now than later, so ``document.published-late`` is reported as a
warning.  Warnings are shown but do not block.

Usage::

    python examples/cms_prepublish_hook.py RECORD.json TEXT.txt [--date YYYY-MM-DD] [--json]

Exit status: 0 publish, 1 block, 2 unusable input (unreadable file, not a record).  With
``--json`` the verdict is printed as JSON for the CMS: ``{"verdict", "blocking", "warnings",
"masked_text"}``; ``masked_text`` is the text with the numbers masked, for the editor to
review and use instead.

From Python, call :func:`check`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from govdisclose import (
    DocumentRecord,
    Finding,
    GovdiscloseError,
    InputError,
    Report,
    Severity,
    mask_text,
    scan_text,
    structure,
    validate_document,
)

#: Error codes that are reported but do not block: publishing late beats not publishing.
NOT_BLOCKING = frozenset({"document.published-late", "document.publication-overdue"})

CHINA = dt.timezone(dt.timedelta(hours=8))


def as_published(record: Mapping[str, Any], day: dt.date) -> dict[str, Any]:
    """The record as it will be once the CMS publishes it on ``day`` on the government website."""
    out = dict(record)
    out.setdefault("published", day.isoformat())
    if out["published"] is None:
        out["published"] = day.isoformat()
    channels = list(out.get("channels") or [])
    if "government_website" not in channels and "政府网站" not in channels:
        channels.append("government_website")
    out["channels"] = channels
    return out


def check(record: Mapping[str, Any], text: str, *, day: dt.date) -> dict[str, Any]:
    """The verdict on publishing ``record`` with ``text`` on ``day``.

    Raises :class:`~govdisclose.GovdiscloseError` when the record cannot be read.
    """
    structure(as_published(record, day), DocumentRecord)  # an unusable record is an error
    report = validate_document(as_published(record, day), as_of=day)
    report += scan_text(text, subject=report.subject).report()
    blocking = [
        f for f in report.findings if f.severity is Severity.ERROR and f.code not in NOT_BLOCKING
    ]
    warnings = [f for f in report.findings if f not in blocking]
    return {
        "verdict": "block" if blocking else "publish",
        "blocking": [_brief(f) for f in blocking],
        "warnings": [_brief(f) for f in warnings],
        "masked_text": mask_text(text),
        "report": report,
    }


def _brief(finding: Finding) -> dict[str, str]:
    return {
        "code": finding.code,
        "path": finding.path,
        "message": f"{finding.message_zh} / {finding.message_en}",
    }


def _today() -> dt.date:
    return dt.datetime.now(CHINA).date()


def _read_record(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file (文件不存在)") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{path}: not a JSON document record: {exc} (无法读取文件记录)") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: a document record is a JSON object (文件记录应为JSON对象)")
    return data


def _text_verdict(verdict: dict[str, Any]) -> str:
    report: Report = verdict["report"]
    head = "可以发布 PUBLISH" if verdict["verdict"] == "publish" else "不得发布 BLOCK"
    counts = (
        f"{len(verdict['blocking'])} 项阻止发布 blocking, {len(verdict['warnings'])} 项提醒 "
        f"warning(s)"
    )
    lines = [f"{head} — {report.subject}: {counts}"]
    for title, entries in (("阻止发布 blocking", "blocking"), ("提醒 warnings", "warnings")):
        if verdict[entries]:
            lines.append(f"{title}:")
            lines.extend(f"  {e['code']}  {e['path']}  {e['message']}" for e in verdict[entries])
    return "\n".join(lines)


def _read_text(path: Path) -> str:
    """The document's text: UTF-8 (with or without BOM), else GB18030."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror} (无法读取文件)") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: neither UTF-8 nor GB18030 (无法识别编码)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("record", type=Path, help="the document record (JSON)")
    parser.add_argument("text", type=Path, help="the document's text (UTF-8 or GB18030)")
    parser.add_argument(
        "--date",
        type=dt.date.fromisoformat,
        help="publication day (default: today in China)",
    )
    parser.add_argument("--json", action="store_true", help="print the verdict as JSON")
    args = parser.parse_args(argv)
    try:
        record = _read_record(args.record)
        text = _read_text(args.text)
        verdict = check(record, text, day=args.date or _today())
    except GovdiscloseError as exc:
        print(f"cms_prepublish_hook: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        out = {k: v for k, v in verdict.items() if k != "report"}
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(_text_verdict(verdict))
    return 0 if verdict["verdict"] == "publish" else 1


if __name__ == "__main__":
    sys.exit(main())
