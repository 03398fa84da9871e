"""``govdisclose calendar``: the working-day calendar (工作日历).

Commands::

    govdisclose calendar day DATE [--calendar FILE]... [--provisional] [--format text|json]
    govdisclose calendar notice FILE [AMENDMENT]... [--partial REASON] [--output F]
                                [--to toml|json]
    govdisclose calendar add FILE [AMENDMENT]... [--partial REASON]
    govdisclose calendar list [--calendar FILE]... [--provisional] [--format text|json]
    govdisclose calendar remove YEAR
    govdisclose calendar example
    govdisclose calendar ics YEAR [--output FILE]

``day`` says what a date is — working day, weekend, statutory holiday, swapped rest day (调休) or
make-up working day (调休上班) — with its festival, the State Council notice it comes from, and
the working days before and after it.  ``DATE`` is ``YYYY-MM-DD`` (or ``2024/10/8``,
``2024年10月8日``, ``20241008``: :func:`~govdisclose.cli.common.parse_date_option`) or
``today`` (China Standard Time).  ``--calendar FILE`` adds a year's arrangement from its
notice (TOML or JSON, see ``calendar example``); ``--provisional`` estimates years
without a notice and marks the answer as an estimate.  A year without an arrangement is a
one-line error, exit code 2.

A new year takes two commands: save the State Council's notice (the text pasted from the
website, or the saved web page) and run ``calendar add 通知.txt``; every later command uses the
stored year (``calendar list`` shows where each year comes from, ``calendar remove`` drops it).
``calendar notice`` writes the arrangement file form instead (TOML or JSON), to check it,
share it or pass it with ``--calendar``.  Amending notices (2015, 2019, 2020) follow the year's
notice.  A notice that does not list every festival is refused unless ``--partial REASON``
says why; results computed through a partial year are marked partial.  The store is the user
data directory (platformdirs), or ``GOVDISCLOSE_DATA_DIR`` when set.

``calendar ics`` writes the yearly schedule of recurring duties (the annual report, the
major-decision catalogue, quarterly progress reports, the yearly review of document
attributes) as all-day iCalendar events.
"""

from __future__ import annotations

import argparse
import calendar as calendar_module
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._dates import DATE_FORMATS
from .._errors import InputError, UnknownYearError
from . import EXIT_OK, command_group
from .common import (
    add_calendar_options,
    add_format_option,
    add_output_option,
    calendar_from_args,
    calendar_layers,
    data_directory,
    file_format,
    output_path,
    parse_date_option,
    parse_month_day_option,
    write_output,
    write_result,
    write_text,
    year_number,
)

if TYPE_CHECKING:
    from ..calendar import Arrangement


def _neighbour(step: Callable[[dt.date], dt.date], day: dt.date) -> dt.date | None:
    try:
        return step(day)
    except UnknownYearError:
        return None


def _run_day(args: argparse.Namespace) -> int:
    day = parse_date_option(args.date, "DATE")
    cal = calendar_from_args(args)
    info = cal.day_info(day)
    following = _neighbour(cal.next_workday, day)
    preceding = _neighbour(cal.previous_workday, day)
    # An estimate is marked wherever it appears: also in the neighbours of an official day.
    before_estimated = bool(preceding and cal.estimated_years(preceding, day))
    after_estimated = bool(following and cal.estimated_years(day, following))

    def text() -> str:
        lines = [
            f"{day.isoformat()} 星期{'一二三四五六日'[day.weekday()]} {day:%A}",
            f"类型 / kind:          {info.kind.label} {info.kind.code}",
            f"工作日 / working day: {'是 yes' if info.workday else '否 no'}",
        ]
        if info.holiday:
            lines.append(f"节日 / holiday:       {info.holiday.label} {info.holiday.code}")
        if info.for_holiday:
            lines.append(f"补班 / makes up for:  {info.for_holiday.label} {info.for_holiday.code}")
        lines.append(f"依据 / source:        {info.source}")
        if info.partial:
            arrangement = cal.arrangement(day.year)
            reason = arrangement.partial_reason if arrangement else ""
            lines.append(
                f"部分安排 / partial:   是 yes — 该年安排未列全节日 (the year's arrangement lacks "
                f"festivals): {reason}"
            )
        if info.provisional:
            lines.append(
                "暂估 / provisional:   是 yes — 尚无国务院办公厅通知，按放假办法暂估，未计调休 "
                "(no notice yet: estimated from the statutory holidays, without swapped days)"
            )
        unknown = "未知 unknown (no arrangement for that year)"
        mark = " (暂估 PROVISIONAL)"
        before = f"{preceding}{mark if before_estimated else ''}" if preceding else unknown
        after = f"{following}{mark if after_estimated else ''}" if following else unknown
        lines.append(f"前一工作日 / previous working day: {before}")
        lines.append(f"后一工作日 / next working day:     {after}")
        return "\n".join(lines) + "\n"

    def data() -> dict[str, object]:
        from .._converter import unstructure

        return {
            **unstructure(info),
            "next_workday": following.isoformat() if following else None,
            "previous_workday": preceding.isoformat() if preceding else None,
            "neighbours_provisional": before_estimated or after_estimated,
        }

    write_result(args, data, text)
    return EXIT_OK


_ARRANGEMENT_SUFFIXES = (".toml", ".json")


def _read_input(args: argparse.Namespace) -> Arrangement:
    """The arrangement of ``FILE`` (a notice, or an arrangement file) and its amendments."""
    from ..calendar import load_arrangement, read_notice_files

    path: Path = args.file
    if path.suffix.lower() in _ARRANGEMENT_SUFFIXES:
        if args.amendments or args.partial:
            raise InputError(
                f"{path}: an arrangement file takes no amending notice or --partial (write "
                'them into the file: partial = true, partial_reason = "…") '
                "(安排文件不接受调整通知或 --partial)"
            )
        return load_arrangement(path)
    return read_notice_files(path, *args.amendments, partial=args.partial)


def _summary(arrangement: Arrangement) -> str:
    first: dict[str, dt.date] = {}
    for day, festival in sorted(arrangement.holidays.items()):
        first.setdefault(festival.label, day)
    festivals = list(first)
    mark = f"; 部分安排 PARTIAL: {arrangement.partial_reason}" if arrangement.partial else ""
    return (
        f"{arrangement.year}: {arrangement.source} — {len(festivals)} festivals "
        f"({'、'.join(festivals)}), {len(arrangement.days_off)} days off, "
        f"{len(arrangement.makeup_workdays)} make-up working days{mark}"
    )


def _run_notice(args: argparse.Namespace) -> int:
    from ..calendar import dump_arrangement

    output = output_path(args, args.file, *args.amendments)
    arrangement = _read_input(args)
    write_output(dump_arrangement(arrangement, format=file_format(args)), output)
    if output is not None:
        write_text(f"已写入 written: {output} ({_summary(arrangement)})\n", None)
    return EXIT_OK


def _run_add(args: argparse.Namespace) -> int:
    from ..calendar import WorkCalendar, official_years, store_arrangement

    arrangement = _read_input(args)
    directory = data_directory()
    # The year must agree with its neighbours (a December day worked in one, off in the other).
    WorkCalendar.from_user_data(directory=directory).with_arrangement(arrangement)
    path = store_arrangement(arrangement, directory)
    lines = [f"已保存 stored: {_summary(arrangement)}", f"  → {path}"]
    if arrangement.year in official_years():
        lines.append(
            f"  (replaces the bundled {arrangement.year} arrangement in every later command; "
            f"`govdisclose calendar remove {arrangement.year}` restores it)"
        )
    write_text("\n".join(lines) + "\n", None)
    return EXIT_OK


def _run_remove(args: argparse.Namespace) -> int:
    from ..calendar import remove_arrangement

    text = str(args.year).strip()
    if not text.isdigit() or len(text) != 4:
        raise InputError(f"YEAR: expected a year such as 2027, got {text!r} (年份无效)")
    path = remove_arrangement(int(text), data_directory())
    write_text(f"已删除 removed: {path}\n", None)
    return EXIT_OK


def _run_list(args: argparse.Namespace) -> int:
    from ..calendar import PROVISIONAL_YEARS, load_arrangement, official_years, stored_files

    cal = calendar_from_args(args)
    directory = data_directory()
    origins: dict[int, tuple[str, str]] = {year: ("bundled", "") for year in official_years()}
    for year, path in stored_files(directory).items():
        origins[year] = ("user file", str(path))
    for origin, path in calendar_layers(list(args.calendar or [])):
        year = load_arrangement(path).year
        origins[year] = (origin, str(path))
    rows = []
    for year in sorted(origins):
        kind, where = origins[year]
        arrangement = cal.arrangement(year)
        assert arrangement is not None
        rows.append(
            {
                "year": year,
                "origin": kind,
                "path": where or None,
                "notice": arrangement.source,
                "partial": arrangement.partial,
                "partial_reason": arrangement.partial_reason,
            }
        )
    low, high = PROVISIONAL_YEARS
    estimated = [y for y in range(low, high + 1) if y not in origins]
    data = {
        "years": rows,
        "store": str(directory),
        "provisional": bool(args.provisional),
        "provisional_years": estimated if args.provisional else [],
    }

    def text() -> str:
        lines = ["年份 year  来源 origin              依据 notice / file"]
        for row in rows:
            mark = f"  【部分 PARTIAL: {row['partial_reason']}】" if row["partial"] else ""
            where = f"  {row['path']}" if row["path"] else ""
            lines.append(f"{row['year']}       {row['origin']:<22} {row['notice']}{where}{mark}")
        if estimated:
            span = f"{estimated[0]}–{estimated[-1]}" if len(estimated) > 1 else str(estimated[0])
            if args.provisional:
                lines.append(f"{span}  provisional estimate (暂估, --provisional)")
            else:
                lines.append(f"暂估 provisional estimates with --provisional: {span}")
        lines.append(f"保存位置 store: {directory}")
        return "\n".join(lines) + "\n"

    write_result(args, data, text)
    return EXIT_OK


def _run_example(args: argparse.Namespace) -> int:
    from importlib import resources

    text = (resources.files("govdisclose") / "data" / "arrangement-example.toml").read_text(
        encoding="utf-8"
    )
    sys.stdout.write(text)
    return EXIT_OK


def _ics(args: argparse.Namespace) -> int:
    from ..deadlines._schedule import obligations, to_ics

    review: tuple[int, int] = (12, 31)
    if args.attribute_review is not None:
        review = parse_month_day_option(args.attribute_review, "--attribute-review")
        if review == (2, 29) and not calendar_module.isleap(args.year):
            raise InputError(
                f"--attribute-review: {args.attribute_review} is not a day of {args.year} "
                f"({args.year}年没有2月29日)"
            )
    items = obligations(
        args.year,
        calendar=calendar_from_args(args),
        attribute_review=review,
        authority=args.authority,
    )
    write_output(to_ics(items), output_path(args, *args.calendar))  # CRLF line ends kept
    return EXIT_OK


def _register_notice_commands(calendar_subparsers: Any) -> None:
    for name, helps, description in (
        (
            "notice",
            "读取国务院办公厅节假日安排通知，写出安排文件 / read the State Council's notice, "
            "write the arrangement file",
            "读取《国务院办公厅关于YYYY年部分节假日安排的通知》（网页复制的文本或保存的网页），"
            "写出 --calendar 可用的安排文件。/ Read the notice (text pasted from the website, "
            "UTF-8 or GB18030, or the saved web page) and write the arrangement file that "
            "--calendar reads.",
        ),
        (
            "add",
            "保存某年的节假日安排（通知或安排文件），此后各命令自动使用 / store a year's "
            "arrangement (a notice or an arrangement file) for every later command",
            "读取通知或安排文件并保存到用户数据目录，此后各命令无需参数即使用。/ Read a "
            "notice or an arrangement file and store it in the user data directory; every "
            "later command uses it.",
        ),
    ):
        parser = calendar_subparsers.add_parser(name, help=helps, description=description)
        parser.add_argument(
            "file",
            metavar="FILE",
            type=Path,
            help="通知文本（.txt）或网页（.html）；add 也接受安排文件（.toml/.json）/ the "
            "notice (.txt or .html); add also takes an arrangement file (.toml/.json)",
        )
        parser.add_argument(
            "amendments",
            metavar="AMENDMENT",
            nargs="*",
            type=Path,
            help="对该年安排的调整通知，依次适用 / amending notices, applied in order",
        )
        parser.add_argument(
            "--partial",
            metavar="REASON",
            help="通知未列全节日时说明原因（结果将标注为部分安排）/ accept a notice lacking "
            "festivals, saying why (results are marked partial)",
        )
        if name == "notice":
            add_output_option(parser, {"json": "json", "": "toml"})
            parser.set_defaults(handler=_run_notice)
        else:
            parser.set_defaults(handler=_run_add)
    listing = calendar_subparsers.add_parser(
        "list",
        help="列出已知年份及其来源 / each year known and where it comes from",
        description="列出日历已知的年份及来源（内置、用户文件、暂估）。/ List the years the "
        "calendar knows and where each comes from (bundled, user file, provisional).",
    )
    add_calendar_options(listing)
    add_format_option(listing)
    listing.set_defaults(handler=_run_list)
    remove = calendar_subparsers.add_parser(
        "remove",
        help="删除已保存的某年安排 / remove a stored year",
        description="删除用 calendar add 保存的某年安排。/ Remove a year stored with calendar add.",
    )
    remove.add_argument("year", metavar="YEAR", help="年份 / the year, e.g. 2027")
    remove.set_defaults(handler=_run_remove)
    example = calendar_subparsers.add_parser(
        "example",
        help="显示安排文件示例（2026年真实通知）/ print the example arrangement file",
        description="显示安排文件示例（2026年真实通知），可复制修改。/ Print the example "
        "arrangement file (the real 2026 notice), to copy and edit.",
    )
    example.set_defaults(handler=_run_example)


def register(subparsers: Any) -> None:
    """Add the ``calendar`` group and its subcommands."""
    calendar_subparsers = command_group(
        subparsers,
        "calendar",
        title="子命令 / subcommands",
        metavar="SUBCOMMAND",
        description="工作日历：国务院办公厅节假日安排、调休与工作日。"
        " / The working-day calendar: State Council holiday arrangements, swapped days.",
    )
    day = calendar_subparsers.add_parser(
        "day",
        help="某日是否工作日及其依据 / what a date is (working day, holiday …) and why",
        description="显示某日的类型、节日、依据通知及前后工作日。/ Show a date's kind, festival, "
        "source notice and the working days around it.",
    )
    day.add_argument(
        "date", metavar="DATE", help=f"日期或 today / a date ({DATE_FORMATS}) or today"
    )
    add_calendar_options(day)
    add_format_option(day)
    day.set_defaults(handler=_run_day)
    _register_notice_commands(calendar_subparsers)
    ics = calendar_subparsers.add_parser(
        "ics",
        help="年度政务公开工作日程（iCalendar）/ the year's recurring obligations as iCalendar",
        description="年度报告、重大行政决策事项目录、季度工作进展、公开属性年度自查 → .ics / the "
        "annual report, major-decision catalogue, quarterly progress reports and the yearly "
        "review of document attributes as all-day iCalendar events",
    )
    ics.add_argument("year", type=year_number(), metavar="YEAR", help="年份 / the year")
    add_output_option(ics)
    ics.add_argument(
        "--attribute-review",
        metavar="MM-DD",
        help="公开属性年度自查日期（默认12-31）/ day of the yearly review (default 12-31)",
    )
    ics.add_argument(
        "--authority",
        action="store_true",
        help="年度报告按主管部门3月31日 / annual report by 31 March (an authority)",
    )
    add_calendar_options(ics)
    ics.set_defaults(handler=_ics)
