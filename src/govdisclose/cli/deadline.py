"""``govdisclose deadline``: explained deadlines.

Commands::

    govdisclose deadline proactive FORMED [--rule TEXT] [--service-level N]
    govdisclose deadline request RECEIVED [--extended [N]] [--supplemented DATE]
                                 [--pause SENT ANSWERED]...
    govdisclose deadline opinion DETECTED [--major]
    govdisclose deadline annual-report YEAR [--authority]
    govdisclose deadline meeting MEETING [--days N]

Each ``deadline`` command takes ``--format text|json``, ``--calendar FILE`` (repeatable) and
``--provisional``.  JSON is one object with ``due`` (ISO 8601: a date, or a date-time with
``+08:00``), ``provisional`` and the ``explanation`` steps; ``deadline opinion`` prints the
48-hour response, with a major emergency's 5-hour release and 24-hour press conference in its
``related`` list.  The date a deadline runs from is the command's argument, as the date of
``calendar day`` is; the other dates are options.  Dates are read by
:func:`~govdisclose.cli.common.parse_date_option` (``2024-10-08``, ``2024/10/8``,
``2024年10月8日``, ``20241008``, a date-time, ``today`` …), ``DETECTED`` by
:func:`~govdisclose.cli.common.parse_datetime_option` (also ``now``).  A bad date, a period
reaching a year without a holiday arrangement, or one running past 9999-12-31 is a one-line
error with exit code 2.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from .._dates import DATE_FORMATS
from .._errors import InputError
from . import EXIT_OK, command_group
from .common import (
    add_calendar_options,
    add_format_option,
    calendar_from_args,
    parse_date_option,
    parse_datetime_option,
    whole_number,
    write_result,
    year_number,
)

#: The time limit ``deadline proactive`` uses without ``--rule`` (条例 第二十六条).
DEFAULT_RULE = "信息形成或变更之日起20个工作日内"


def _emit(deadlines: Sequence[Any], args: argparse.Namespace) -> int:
    # JSON: one object with a ``due`` field, the first deadline; the others (a major
    # emergency's 5 h release and 24 h press conference) under ``related``.
    first, *related = deadlines

    def data() -> object:
        from .._converter import unstructure

        return {**unstructure(first), "related": unstructure(related)} if related else first

    write_result(args, data, lambda: "\n\n".join(d.describe() for d in deadlines) + "\n")
    return EXIT_OK


def _proactive(args: argparse.Namespace) -> int:
    from ..deadlines import proactive_deadline

    formed = parse_date_option(args.formed, "FORMED")
    deadline = proactive_deadline(
        formed,
        args.rule,
        service_level_workdays=args.service_level,
        calendar=calendar_from_args(args),
    )
    return _emit([deadline], args)


def _request(args: argparse.Namespace) -> int:
    from ..deadlines import request_reply_deadline

    received = parse_date_option(args.received, "RECEIVED")
    supplemented = (
        parse_date_option(args.supplemented, "--supplemented")
        if args.supplemented is not None
        else None
    )
    pauses = [
        (parse_date_option(sent, "--pause SENT"), parse_date_option(answered, "--pause ANSWERED"))
        for sent, answered in args.pause or ()
    ]
    deadline = request_reply_deadline(
        received,
        extended=args.extended,
        supplemented=supplemented,
        pauses=pauses,
        calendar=calendar_from_args(args),
    )
    return _emit([deadline], args)


def _opinion(args: argparse.Namespace) -> int:
    from ..deadlines import opinion_response_deadline

    detected = parse_datetime_option(args.detected, "DETECTED")
    return _emit(opinion_response_deadline(detected, major=args.major), args)


def _annual_report(args: argparse.Namespace) -> int:
    from ..deadlines import annual_report_deadline

    return _emit([annual_report_deadline(args.year, authority=args.authority)], args)


def _meeting(args: argparse.Namespace) -> int:
    from ..deadlines import meeting_invitation_deadline

    meeting = parse_date_option(args.meeting, "MEETING")
    return _emit([meeting_invitation_deadline(meeting, args.days)], args)


def _service_level(text: str) -> int:
    from .._model import check_service_level

    try:
        return check_service_level(whole_number(1)(text), where="--service-level")
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _extension(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        dated = "-" in text[1:]  # a date: --extended took the argument meant as RECEIVED
        hint = "; put the date first: request RECEIVED --extended" if dated else ""
        zh = "应为工作日数；日期写在前面" if dated else "应为工作日数"
        raise argparse.ArgumentTypeError(
            f"not a number of working days: {text!r}{hint} ({zh})"
        ) from None
    return days


def _common(parser: argparse.ArgumentParser, *, calendar: bool = True) -> None:
    add_format_option(parser)
    if calendar:
        add_calendar_options(parser)


def register(subparsers: Any) -> None:
    """Add the ``deadline`` command group."""
    sub = command_group(
        subparsers,
        "deadline",
        title="期限 / deadlines",
        metavar="KIND",
        description="计算政务公开期限并逐步说明 / compute disclosure deadlines, explained step by "
        "step (条例第二十六条、第三十条至第三十四条、第四十九条; 390号; 国办发〔2016〕61号、80号). "
        f"日期 / DATE: {DATE_FORMATS}",
    )

    proactive = sub.add_parser(
        "proactive",
        help="主动公开期限 / when proactive information must be published",
        description="主动公开期限 / proactive disclosure deadline from a time-limit text",
    )
    proactive.add_argument(
        "formed",
        metavar="FORMED",
        help="信息形成或变更之日 / day the information was formed or changed",
    )
    proactive.add_argument(
        "--rule",
        default=DEFAULT_RULE,
        metavar="TEXT",
        help=f"公开时限原文 / the time-limit text (default {DEFAULT_RULE})",
    )
    proactive.add_argument(
        "--service-level",
        type=_service_level,
        metavar="N",
        help="“及时公开”类时限的服务承诺工作日数 / service level in working "
        "days for a 'promptly' rule",
    )
    _common(proactive)
    proactive.set_defaults(handler=_proactive)

    request = sub.add_parser(
        "request",
        help="依申请公开答复期限 / reply deadline for a request (第三十三条)",
        description="依申请公开答复期限：收到申请后20个工作日，可延长至多20个工作日，征求意见时间"
        "不计入 / reply within 20 working days; extension up to 20; consultation time excluded",
    )
    request.add_argument(
        "received", metavar="RECEIVED", help="收到申请之日（第三十一条）/ receipt date"
    )
    request.add_argument(
        "--extended",
        nargs="?",
        const=True,
        default=False,
        type=_extension,
        metavar="N",
        help="经批准延长（默认20个工作日）/ approved extension (20 working days, or N ≤ 20)",
    )
    request.add_argument(
        "--supplemented",
        metavar="DATE",
        help="收到补正申请之日，期限重新起算 / receipt of the supplemented request",
    )
    request.add_argument(
        "--pause",
        nargs=2,
        action="append",
        metavar=("SENT", "ANSWERED"),
        help="征求意见：发出日 答复日（可重复）/ consultation sent and answered (repeatable)",
    )
    _common(request)
    request.set_defaults(handler=_request)

    opinion = sub.add_parser(
        "opinion",
        help="政务舆情回应时限 / public-opinion response (48 h; 5 h / 24 h if major)",
        description="政务舆情48小时内回应；特别重大、重大突发事件5小时内发布权威信息、24小时内"
        "举行新闻发布会。未注明时区的时间按北京时间理解 / a time without an offset is China "
        "Standard Time",
    )
    opinion.add_argument(
        "detected",
        metavar="DETECTED",
        help="发现舆情的时间 / when it was detected (2024-10-01T08:30[+08:00], or now)",
    )
    opinion.add_argument(
        "--major",
        action="store_true",
        help="特别重大、重大突发事件 / a particularly major or major emergency",
    )
    _common(opinion, calendar=False)
    opinion.set_defaults(handler=_opinion)

    report = sub.add_parser(
        "annual-report",
        help="年度报告公布期限（第四十九条）/ annual report deadline",
        description="上一年度政府信息公开工作年度报告：部门1月31日前，主管部门3月31日前。"
        "The report on the previous year's disclosure work: by 31 January, by 31 March for a "
        "disclosure authority.",
    )
    report.add_argument(
        "year", type=year_number(), metavar="YEAR", help="公布年份 / year of publication"
    )
    report.add_argument(
        "--authority",
        action="store_true",
        help="政府信息公开工作主管部门（3月31日）/ a disclosure authority",
    )
    _common(report, calendar=False)
    report.set_defaults(handler=_annual_report)

    meeting = sub.add_parser(
        "meeting",
        help="会议通知邀请最迟日期 / latest day to send meeting invitations",
        description="会议提前一周发通知邀请 / send meeting invitations at least 7 calendar "
        "days ahead",
    )
    meeting.add_argument("meeting", metavar="MEETING", help="会议日期 / the meeting's date")
    meeting.add_argument(
        "--days",
        type=whole_number(1),
        default=7,
        metavar="N",
        help="提前天数（默认7）/ calendar days ahead (default 7)",
    )
    _common(meeting, calendar=False)
    meeting.set_defaults(handler=_meeting)
