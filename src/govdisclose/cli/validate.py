"""``govdisclose validate``: check a catalogue or policy-document records against the 390 rules.

``govdisclose validate FILE`` reads FILE — a catalogue (JSON; XLSX/CSV when the table
importer is installed), one document record (a JSON object) or a JSON list of records — and
prints every finding (:mod:`govdisclose.checks`).  The kind is read from the shape (an object
with ``items`` is a catalogue; an object with document fields, or a list, is records) or
given with ``--kind``.  FILE may also name a bundled standard (``work-safety``,
``disaster-relief``).

Options: ``--level county|township`` (every item applies at that level; also the level for
``--against-standard``), ``--against-standard`` (compare a local catalogue with the standard
it localises; a table's rows the reader refused are matched by their names), ``--as-of
DATE`` (records: the day "not yet published" is judged on; default today), ``--calendar
FILE`` / ``--provisional`` (the working-day calendar), ``--format text|json``.

Exit codes: 0 no error findings (warnings and info allowed), 1 error findings, 2 unusable input
(missing file, not JSON, neither a catalogue nor records) — a one-line message, never a
traceback.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .._errors import InputError
from .._vocabulary import Domain
from ..findings import Report
from . import COMMANDS, EXIT_FINDINGS, EXIT_OK
from .common import (
    LEVEL_CHOICES,
    add_as_of_option,
    add_calendar_options,
    add_format_option,
    add_limit_option,
    calendar_from_args,
    limits_from,
    parse_date_option,
    write_result,
)

#: Fields only a document record has (a catalogue has ``items``).
_DOCUMENT_FIELDS = frozenset(
    {"attribute", "marking", "issued", "document_number", "published", "not_disclosed_basis"}
)


def detect_kind(data: object) -> str | None:
    """``catalogue``, ``document`` (one record), ``documents`` (a list) or ``None``.

    >>> detect_kind({"title": "X", "items": []}), detect_kind([{"id": "1"}])
    ('catalogue', 'documents')
    >>> detect_kind({"id": "1", "title": "X", "issued": "2024-05-06"}), detect_kind([])
    ('document', None)
    """
    if isinstance(data, list):
        return "documents" if data else None  # an empty list holds nothing to check
    if isinstance(data, Mapping):
        if "items" in data:
            return "catalogue"
        if _DOCUMENT_FIELDS & set(data) or {"id", "title"} <= set(data):
            return "document"
    return None


#: What ``validate`` reads as JSON: ``.json`` files, and files named without a suffix.
_JSON_SUFFIXES = (".json", "")


def _unusable(report: Report, code: str) -> bool:
    return any(f.code == code and f.path == "$" for f in report.findings)


def _validate_catalogue(
    args: argparse.Namespace, data: Any, name: str, refused: Report | None = None
) -> Report:
    from ..checks import compare_with_standard, validate_catalogue

    report = validate_catalogue(data, level=args.level, subject=name)
    if _unusable(report, "catalogue.not-a-catalogue"):
        raise InputError(f"{name}: not a catalogue (不是目录数据): {report.findings[0].message_en}")
    if args.against_standard:  # its reading findings are the validation's: listed once
        found = set(report.findings)
        # a table's refused rows: their standard items are not missing either
        unread = refused.findings if refused else ()
        compared = compare_with_standard(data, level=args.level, unread=unread).findings
        report = Report((*report.findings, *(f for f in compared if f not in found)))
    return Report(report.findings, name)


def _validate_documents(args: argparse.Namespace, data: Any, kind: str, name: str) -> Report:
    from ..checks import validate_document, validate_documents

    if args.against_standard or args.level:
        raise InputError("--level and --against-standard apply to catalogues only (仅用于目录)")
    check = validate_documents if kind == "documents" else validate_document
    report = check(
        data, as_of=args.as_of, calendar=calendar_from_args(args), provisional=args.provisional
    )
    if _unusable(report, "document.not-a-record"):
        raise InputError(f"{name}: not a document record (不是文件记录)")
    return Report(report.findings, name)


def _run(args: argparse.Namespace) -> int:
    # checked first, whatever the file turns out to be
    args.as_of = parse_date_option(args.as_of, "--as-of")
    name: str = args.file
    path = Path(name)
    table: Any = None
    kind: str | None
    domain = Domain.parse(name, default=None)
    if domain is not None and not path.is_file():
        from .._standard import standard

        data: Any = standard(domain)
        kind = "catalogue"
    elif path.suffix.lower() not in _JSON_SUFFIXES and path.is_file():
        from .._catalogue_files import read_catalogue  # a table, or refused (.xls …)

        table = read_catalogue(path, domain=args.domain, level=args.level, limits=limits_from(args))
        data = table.catalogue
        kind = "catalogue"
    else:
        from .._files import read_json_file

        data = read_json_file(path)
        kind = detect_kind(data) if args.kind == "auto" else args.kind
        if kind == "document" and isinstance(data, list):
            kind = "documents"
        if kind is None:
            raise InputError(
                f"{name}: neither a catalogue (an object with items) nor document records "
                f"(an object with attribute/issued…, or a list of them); use --kind "
                f"(既不是目录也不是文件记录)"
            )
    if kind == "catalogue":
        report = _validate_catalogue(args, data, name, table.report if table else None)
    else:
        report = _validate_documents(args, data, kind, name)
    if table is not None:  # its findings, then the checks' naming the cell and the item
        report = table.locate(Report(table.report.findings + report.findings, name))
    write_result(args, report, lambda: report.to_text() + "\n")
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``validate`` to the command line."""
    parser = subparsers.add_parser(
        "validate",
        help=COMMANDS["validate"],
        description=(
            "检查公开标准目录（八要素、词表、渠道、时限、层级，可与标准目录比对）或政策文件记录"
            "（公开属性、标注、审查、20个工作日内公开、三同步）。Check a catalogue or policy-"
            "document records against 应急厅函〔2019〕390号.  Exit 0: no errors; 1: errors "
            "found; 2: unusable input."
        ),
    )
    parser.add_argument(
        "file",
        metavar="FILE",
        help="目录（JSON/XLSX/CSV）、文件记录（JSON对象或数组），或标准目录名 / a catalogue, "
        "document record(s), or work-safety / disaster-relief",
    )
    parser.add_argument(
        "--kind",
        choices=["auto", "catalogue", "document"],
        default="auto",
        help="输入类型（默认按内容判断）/ what FILE holds (default: detect)",
    )
    parser.add_argument(
        "--level",
        choices=LEVEL_CHOICES,
        help="检查每个事项是否适用于该层级 / check every item applies at this level",
    )
    parser.add_argument(
        "--domain",
        choices=["work-safety", "disaster-relief", "work_safety", "disaster_relief"],
        metavar="DOMAIN",
        help="表格所属领域（表格未写明时）/ the domain of a table that does not name it "
        "(work-safety, disaster-relief)",
    )
    parser.add_argument(
        "--against-standard",
        action="store_true",
        help="与标准目录比对（缺项、渠道、时限…）/ compare with the standard catalogue",
    )
    add_as_of_option(
        parser, "判断是否逾期的日期（默认北京时间今天）/ judge overdue publication on DATE"
    )
    add_calendar_options(parser)
    add_format_option(parser)
    add_limit_option(parser)
    parser.set_defaults(handler=_run)
