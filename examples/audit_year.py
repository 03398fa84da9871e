"""A bureau's yearly audit of its publication log, written as a Markdown summary.

When it compiles its annual report (due 31 January, 条例 第四十九条), a county bureau checks
that what it published last year was published on time.  Its CMS exports a publication log —
one row per piece of information, with the catalogue item, the day the information was formed
and the day it was published — and this script audits it with
:func:`govdisclose.audit_file` and writes a summary for the annual report:

* totals and the on-time rate (of the records that can be judged);
* a table by first-level item;
* every late or overdue record, with its due date and the working days late;
* what could not be judged, and why (a "promptly" item without a service level …);
* records to check in the CMS (bad dates, unknown items) and records formed in another year.

A local catalogue (``--catalogue``, JSON) replaces the standard of its domain: that is where a
bureau sets its service levels for "promptly" items.

Usage::

    python examples/audit_year.py LOG.csv --year 2024 [--as-of 2025-01-31]
                                  [--catalogue county.catalogue.json] [--output summary.md]

``--as-of`` defaults to 31 January of the next year (or today, if that is still ahead).
Exit status: 0 nothing late or overdue, 1 late or overdue records, 2 unusable input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from govdisclose import (
    REASONS,
    AuditResult,
    Catalogue,
    GovdiscloseError,
    InputError,
    RecordResult,
    Status,
    audit_file,
    loads,
)

CHINA = dt.timezone(dt.timedelta(hours=8))
_COUNTED = ("on_time", "late", "overdue", "pending", "not_assessable")


class Collector:
    """Keeps the records the summary lists one by one (the audit itself keeps none)."""

    def __init__(self, year: int) -> None:
        self.year = year
        self.late: list[RecordResult] = []
        self.to_fix: list[RecordResult] = []
        self.other_year: list[RecordResult] = []

    def __call__(self, record: RecordResult) -> None:
        if record.status in (Status.LATE, Status.OVERDUE):
            self.late.append(record)
        elif record.status is Status.INVALID or record.reason in ("unknown_item", "ambiguous_item"):
            self.to_fix.append(record)
        if record.formed is not None and record.formed.year != self.year:
            self.other_year.append(record)


def _row(*cells: object) -> str:
    return "| " + " | ".join("" if c is None else str(c).replace("|", "\\|") for c in cells) + " |"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    return [_row(*header), _row(*("---" for _ in header)), *(_row(*r) for r in rows), ""]


def summary(result: AuditResult, records: Collector, *, log: str, catalogue: str | None) -> str:
    """The Markdown summary of one year's audit."""
    totals = result.totals
    judged = totals.on_time + totals.late + totals.overdue
    rate = f"{totals.on_time / judged:.0%}" if judged else "—"
    lines = [
        f"# {records.year}年度政务公开记录审计 / Publication-log audit {records.year}",
        "",
        f"- 公开记录 log: `{log}`（{result.records}条 records）",
        f"- 截至 as of: {result.as_of.isoformat()}",
        f"- 目录 catalogue: {catalogue or '标准目录 the standard catalogues'}",
        f"- 按时公开率 on-time rate: **{rate}**（{totals.on_time}/{judged}，"
        "不含待公开和无法判定 / of the records that can be judged）",
        "",
        "## 合计 Totals",
        "",
    ]
    counts = [(s.label, s.code, getattr(totals, s.code)) for s in Status if s.code in _COUNTED]
    counts.append((Status.INVALID.label, Status.INVALID.code, result.invalid))
    lines += _table(["状态", "status", "条数 records"], counts)
    lines += ["## 按一级事项 By first-level item", ""]
    lines += _table(
        ["领域", "一级事项", "按时", "逾期", "超期", "待公开", "无法判定"],
        [
            [s.domain.label, s.first_level.label, *(getattr(s.counts, c) for c in _COUNTED)]
            for s in result.first_levels
        ],
    )
    lines += ["## 逾期公开和超期未公开 Late and overdue", ""]
    if records.late:
        lines += _table(
            [
                "行 line",
                "事项 item",
                "标题 title",
                "形成 formed",
                "应公开 due",
                "公开 published",
                "状态",
                "工作日 working days",
            ],
            [
                [
                    r.line,
                    f"{r.item}（{r.item_id}）",
                    r.title,
                    r.formed,
                    r.due,
                    r.published or "未公开",
                    r.status.label,
                    r.late_workdays or r.overdue_workdays,
                ]
                for r in records.late
            ],
        )
    else:
        lines += ["无 None.", ""]
    lines += ["## 无法判定 Not assessable", ""]
    reasons = [
        [s.name, s.time_limit, f"{REASONS[reason][0]} / {REASONS[reason][1]}", count]
        for s in result.items
        for reason, count in s.reasons.items()
        if reason not in ("unknown_item", "ambiguous_item")
    ]
    lines += (
        _table(["事项 item", "公开时限 time limit", "原因 reason", "条数"], reasons)
        if reasons
        else ["无 None.", ""]
    )
    lines += ["## 需核对的记录 Records to check", ""]
    fix = [
        [r.line, r.item, r.title, "; ".join(r.problems) or REASONS[r.reason or "unknown_item"][0]]
        for r in records.to_fix
    ]
    fix += [
        [r.line, r.item, r.title, f"形成于{r.formed.year}年 formed in {r.formed.year}"]
        for r in records.other_year
        if r.formed is not None
    ]
    lines += (
        _table(["行 line", "事项 item", "标题 title", "问题 problem"], fix)
        if fix
        else ["无 None.", ""]
    )
    return "\n".join(lines)


def _default_as_of(year: int) -> dt.date:
    return min(dt.date(year + 1, 1, 31), dt.datetime.now(CHINA).date())


def _read_catalogue(path: Path) -> Catalogue:
    try:
        return loads(path.read_bytes(), Catalogue)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror} (无法读取目录)") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("log", type=Path, help="the publication log (CSV or JSON Lines)")
    parser.add_argument("--year", type=int, required=True, help="the year audited")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, help="audit date (YYYY-MM-DD)")
    parser.add_argument("--catalogue", type=Path, help="a local catalogue (JSON)")
    parser.add_argument("--output", "-o", type=Path, help="write the summary here (Markdown)")
    args = parser.parse_args(argv)
    records = Collector(args.year)
    try:
        catalogues = [_read_catalogue(args.catalogue)] if args.catalogue else None
        result = audit_file(
            args.log,
            as_of=args.as_of or _default_as_of(args.year),
            catalogues=catalogues,
            on_record=records,
        )
        text = summary(
            result,
            records,
            log=args.log.name,
            catalogue=args.catalogue.name if args.catalogue else None,
        )
        if args.output:
            args.output.write_text(text, encoding="utf-8")
    except GovdiscloseError as exc:
        print(f"audit_year: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"audit_year: error: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return 2
    if args.output is None:
        print(text)
    else:
        totals = result.totals
        print(
            f"{args.output}: {result.records} records, {totals.on_time} on time, "
            f"{totals.late} late, {totals.overdue} overdue, {result.invalid} invalid"
        )
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
