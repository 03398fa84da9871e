"""``govdisclose requests``: a requests ledger (依申请公开台账) — status, and the year's counts.

Commands::

    govdisclose requests status LEDGER [--as-of DATE] [--explain] [--format text|json]
                                [--ics FILE] [--sheet NAME] [--calendar FILE]...
                                [--provisional] [--output FILE]
    govdisclose requests counts LEDGER --year YEAR [--format text|json] [--sheet NAME]

``LEDGER`` is an ``.xlsx``, ``.csv`` or ``.json`` ledger (see
:mod:`govdisclose.requests`).  ``status`` gives each request received by ``--as-of`` its
current reply deadline with the working days left or overdue (``--explain``: every day
counted), or for an answered one whether it was on time or late by how many working days;
a summary; the findings of reading the file and of the checks.  ``--ics FILE`` writes the
open deadlines as an iCalendar file for staff calendars (when none is open, no file is written
and standard error says so; never the file of ``--output``).  ``counts`` prints tables 三 and 四
of the annual report and the information-processing fees paid in the year (section 六).

Exit codes: 0 nothing overdue; 1 some open request is overdue; 2 unusable input — a file
that cannot be read, a request of the file that could not be loaded (each is a located
finding in the output), a deadline in a year without a holiday arrangement (give
``--calendar FILE`` or ``--provisional``), a bad option.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .._dates import DATE_FORMATS
from . import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, command_group
from .common import (
    add_as_of_option,
    add_calendar_options,
    add_format_option,
    add_limit_option,
    add_output_option,
    calendar_from_args,
    findings_text,
    limits_from,
    output_path,
    parse_date_option,
    write_output,
    write_result,
    year_number,
)


def _status(args: argparse.Namespace) -> int:
    from ..requests import LEDGER_LIMITS, ledger_status, read_ledger

    as_of = parse_date_option(args.as_of, "--as-of")
    output = output_path(args, args.ledger, also=("--ics", args.ics))
    calendar = calendar_from_args(args)
    reading = read_ledger(args.ledger, sheet=args.sheet, limits=limits_from(args, LEDGER_LIMITS))
    status = ledger_status(
        reading.ledger,
        as_of,
        calendar=calendar,
        locations=reading.locations,
        explain=args.explain,
    )
    write_result(
        args,
        lambda: {**status.to_json(explain=args.explain), "report": reading.report + status.report},
        lambda: status.to_text(explain=args.explain) + findings_text(reading.report),
        output,
    )
    if args.ics is not None:
        if any(s.due is not None and s.state.code != "answered" for s in status.requests):
            write_output(status.to_ics(), args.ics)
        else:
            print(
                f"govdisclose: no open request has a deadline; {args.ics} not written "
                f"(没有未办结申请的期限，未写出日历文件)",
                file=sys.stderr,
            )
    if not reading.ok or any(f.code == "requests.unknown-year" for f in status.report.findings):
        return EXIT_USAGE
    return EXIT_FINDINGS if status.overdue_count else EXIT_OK


def _counts(args: argparse.Namespace) -> int:
    from ..requests import LEDGER_LIMITS, TABLE3_COLUMNS, TABLE3_ROWS, read_ledger, year_counts

    output = output_path(args, args.ledger)
    reading = read_ledger(args.ledger, sheet=args.sheet, limits=limits_from(args, LEDGER_LIMITS))
    counts = year_counts(reading.ledger, args.year, report=reading.report)

    def text() -> str:
        lines = [f"{args.year}年 表三 table 三 ({', '.join(TABLE3_COLUMNS)})"]
        lines += [
            f"  {row}: {' '.join(str(counts.table3[row][c]) for c in TABLE3_COLUMNS)}"
            for row in TABLE3_ROWS
        ]
        lines.append("表四 table 四 (upheld corrected other_result pending total)")
        lines += [
            f"  {group}: {' '.join(str(v) for v in cells.values())}"
            for group, cells in counts.table4.items()
        ]
        lines.append(f"信息处理费 fees collected: {counts.fees_collected_yuan} 元")
        return "\n".join(lines) + "\n" + findings_text(reading.report)

    write_result(args, counts, text, output)
    return EXIT_OK if reading.ok else EXIT_USAGE


def _ledger_command(sub: Any, name: str, **kwargs: Any) -> argparse.ArgumentParser:
    """A command reading a ledger: ``LEDGER``, ``--sheet``, ``--format`` and ``--output``."""
    parser: argparse.ArgumentParser = sub.add_parser(name, **kwargs)
    parser.add_argument(
        "ledger", metavar="LEDGER", type=Path, help="台账 / ledger (.xlsx .csv .json)"
    )
    parser.add_argument("--sheet", metavar="NAME", help="工作表名 / the sheet of a workbook")
    add_format_option(parser)
    add_output_option(parser)
    add_limit_option(parser)
    return parser


def register(subparsers: Any) -> None:
    """Add the ``requests`` command group."""
    sub = command_group(
        subparsers,
        "requests",
        description="依申请公开台账：办理期限、逾期情况和年度统计 / a requests ledger: "
        "deadlines, overdue requests and the year's counts (条例第三十条至第三十四条; "
        f"国办函〔2020〕109号; 国办公开办函〔2021〕30号). 日期 / DATE: {DATE_FORMATS}",
    )

    status = _ledger_command(
        sub,
        "status",
        help="某日的办理情况 / what is due and overdue on a day",
        description="每件申请的答复期限、剩余或逾期工作日 / each request's reply deadline, "
        "working days left or overdue; answered ones on time or late",
    )
    add_as_of_option(status, "查看日期（默认北京时间今天）/ the day")
    status.add_argument(
        "--explain", action="store_true", help="逐日说明期限 / explain each deadline day by day"
    )
    status.add_argument(
        "--ics",
        metavar="FILE",
        type=Path,
        help="写出未办结期限的日历 / write open deadlines (.ics)",
    )
    add_calendar_options(status)
    status.set_defaults(handler=_status)

    counts = _ledger_command(
        sub,
        "counts",
        help="年度报告表三、表四 / tables 三 and 四 of a year",
        description="年度报告表三、表四和收取的信息处理费 / tables 三 and 四 of the annual "
        "report and the fees collected (section 六)",
    )
    counts.add_argument(
        "--year", required=True, type=year_number(), metavar="YEAR", help="年度 / the year"
    )
    counts.set_defaults(handler=_counts)
