"""``govdisclose calendar``: the working-day calendar (工作日历).

Commands::

    govdisclose calendar day DATE [--calendar FILE]... [--provisional] [--format text|json]

``day`` says what a date is — working day, weekend, statutory holiday, swapped rest day (调休) or
make-up working day (调休上班) — with its festival, the State Council notice it comes from, and
the working days before and after it.  ``DATE`` is ``YYYY-MM-DD`` (or ``2024/10/8``,
``2024年10月8日``, ``20241008``: :func:`~govdisclose.cli.common.parse_date_option`) or
``today`` (China Standard Time).  ``--calendar FILE`` adds a year's arrangement from its
notice (TOML or JSON, see ``data/arrangement-example.toml``); ``--provisional`` estimates years
without a notice and marks the answer as an estimate.  A year without an arrangement is a
one-line error, exit code 2.

``calendar ics`` is defined with the deadline commands (:mod:`govdisclose.cli.deadline`)
and added here by :func:`add_subcommands`; :func:`register` returns the group's subparsers
object.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any

from .._dates import DATE_FORMATS
from .._errors import UnknownYearError
from . import COMMANDS
from .common import (
    add_calendar_options,
    add_format_option,
    calendar_from_args,
    dump_json,
    parse_date_option,
    write_text,
)

_WEEKDAYS = (
    ("星期一", "Monday"),
    ("星期二", "Tuesday"),
    ("星期三", "Wednesday"),
    ("星期四", "Thursday"),
    ("星期五", "Friday"),
    ("星期六", "Saturday"),
    ("星期日", "Sunday"),
)


def parse_day(text: str) -> dt.date:
    """A date as every date option reads it (:func:`~govdisclose.cli.common.parse_date_option`)
    or ``today`` (in China Standard Time); :class:`~govdisclose._errors.InputError` else."""
    return parse_date_option(text, "DATE")


def _neighbour(step: Callable[[dt.date], dt.date], day: dt.date) -> dt.date | None:
    try:
        return step(day)
    except UnknownYearError:
        return None


def _run_day(args: argparse.Namespace) -> int:
    day = parse_day(args.date)
    cal = calendar_from_args(args)
    info = cal.day_info(day)
    following = _neighbour(cal.next_workday, day)
    preceding = _neighbour(cal.previous_workday, day)
    # An estimate is marked wherever it appears: also in the neighbours of an official day.
    before_estimated = bool(preceding and cal.estimated_years(preceding, day))
    after_estimated = bool(following and cal.estimated_years(day, following))
    neighbours_estimated = before_estimated or after_estimated
    if args.format == "json":
        data = info.to_dict()
        data["next_workday"] = following.isoformat() if following else None
        data["previous_workday"] = preceding.isoformat() if preceding else None
        data["neighbours_provisional"] = neighbours_estimated
        write_text(dump_json(data), None, json=True)
        return 0
    zh, en = _WEEKDAYS[day.weekday()]
    lines = [
        f"{day.isoformat()} {zh} {en}",
        f"类型 / kind:          {info.kind.label} {info.kind.code}",
        f"工作日 / working day: {'是 yes' if info.workday else '否 no'}",
    ]
    if info.holiday:
        lines.append(f"节日 / holiday:       {info.holiday.label} {info.holiday.code}")
    if info.for_holiday:
        lines.append(f"补班 / makes up for:  {info.for_holiday.label} {info.for_holiday.code}")
    lines.append(f"依据 / source:        {info.source}")
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
    write_text("\n".join(lines) + "\n", None)
    return 0


def add_subcommands(calendar_subparsers: Any) -> None:
    """Add the subcommands other modules define for the ``calendar`` group (``ics``)."""
    from .deadline import register_ics

    register_ics(calendar_subparsers)


def register(subparsers: Any) -> Any:
    """Add the ``calendar`` group and its subcommands; return the group's subparsers object."""
    group = subparsers.add_parser(
        "calendar",
        help=COMMANDS["calendar"],
        description="工作日历：国务院办公厅节假日安排、调休与工作日。"
        " / The working-day calendar: State Council holiday arrangements, swapped days.",
    )
    group.set_defaults(handler=lambda _args: _usage(group))
    calendar_subparsers = group.add_subparsers(
        title="子命令 / subcommands", dest="calendar_command", metavar="SUBCOMMAND"
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
    add_subcommands(calendar_subparsers)
    return calendar_subparsers


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2
