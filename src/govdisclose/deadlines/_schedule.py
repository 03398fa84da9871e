r"""A year's recurring disclosure obligations, and an iCalendar file of them.

:func:`obligations` lists the dated duties that come back every year, built with
:mod:`dateutil.rrule`:

* ``annual_report`` — last year's annual report (年度报告) by **31 January**
  (《政府信息公开条例》第四十九条; the governments' disclosure authorities: 31 March, with
  ``authority=True``);
* ``major_decision_catalogue`` — the year's major-administrative-decision catalogue
  (重大行政决策事项目录) by the **end of March** (a Shanghai 2024 key-points requirement,
  reference 003; other places may have their own);
* ``quarterly_progress`` — a progress report at the **end of each quarter** (每季度末报送工作进展,
  豫应急办〔2020〕62号, reference 004: a Henan requirement to the provincial department);
* ``attribute_review`` — the yearly review of documents marked 依申请公开 and 不予公开
  (390号 四(一)4).  The notice says "every year" without a date: the default here is
  **31 December**, change it with ``attribute_review=(month, day)``.

Each obligation says what the holiday calendar makes of its day (a working day, a weekend, a
holiday); the dates themselves are fixed and do not move (no official text moves them).  A
year without an official holiday arrangement raises
:class:`~govdisclose._errors.UnknownYearError` unless the calendar is provisional; then each
obligation is marked provisional.

:func:`to_ics` writes an RFC 5545 iCalendar text: CRLF line endings, lines folded at 75
octets without splitting a UTF-8 character, a UID and DTSTAMP per event, all-day events
(``DTSTART;VALUE=DATE``).

>>> from govdisclose.deadlines._schedule import fold_line, ics_escape
>>> ics_escape("报告,季度;自查")
'报告\\,季度\\;自查'
>>> folded = fold_line("SUMMARY:" + "年度报告" * 10)
>>> [len(piece.encode("utf-8")) for piece in folded.split("\r\n")]
[74, 55]

More information:

* 《中华人民共和国政府信息公开条例》第四十九条
* 应急厅函〔2019〕390号 四(一)4; 豫应急办〔2020〕62号
* RFC 5545, Internet Calendaring and Scheduling Core Object Specification (iCalendar)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs
from dateutil import rrule

from ..__about__ import __version__
from .._dates import check_datetime, shift_date, to_zone
from .._errors import InputError
from .._output import output
from ..calendar._workcalendar import DayKind, WorkCalendar, check_calendar

#: The default day of the yearly review of 依申请公开/不予公开 documents (no official date).
DEFAULT_ATTRIBUTE_REVIEW = (12, 31)

_FIXED = "日期固定，不因节假日顺延 / the date is fixed and not moved for holidays"


@output()
@attrs.frozen
class Obligation:
    """One dated recurring duty.

    ``code`` is stable (``annual_report``, ``quarterly_progress``, ``attribute_review``,
    ``major_decision_catalogue``); ``summary`` is the short Chinese title shown in calendars;
    ``description`` explains it in both languages; ``source`` names where it comes from;
    ``day_note`` says what the holiday calendar makes of the day; ``provisional`` is true when
    that year's calendar was only estimated.
    """

    code: str
    date: dt.date
    summary: str
    description: str
    source: str
    day_note: str
    provisional: bool = False


#: The duties on dates a rule of :mod:`dateutil.rrule` gives each year: code, rule, Chinese
#: summary, English description, source (``{year}``, ``{last}`` year, ``{quarter}``, ``{due}``
#: are filled in).  The annual report's month depends on ``authority``.
_RECURRING: tuple[tuple[str, dict[str, Any], str, str, str], ...] = (
    (
        "annual_report",
        {"freq": rrule.YEARLY, "bymonthday": -1},
        "公布{last}年度政府信息公开工作年度报告",
        "publish the annual report on {last} (by {due:%d %B})",
        "《中华人民共和国政府信息公开条例》第四十九条",
    ),
    (
        "major_decision_catalogue",
        {"freq": rrule.YEARLY, "bymonth": 3, "bymonthday": -1},
        "发布{year}年度重大行政决策事项目录",
        "publish this year's major-administrative-decision catalogue (by end of March; "
        "a Shanghai requirement, check the local one)",
        "上海市2024年政务公开工作要点（参考文件003）",
    ),
    (
        "quarterly_progress",
        {"freq": rrule.MONTHLY, "bymonth": (3, 6, 9, 12), "bymonthday": -1},
        "报送第{quarter}季度基层政务公开标准化规范化工作进展",
        "report progress for quarter {quarter} (each quarter's end; a Henan requirement to "
        "the provincial department)",
        "豫应急办〔2020〕62号：每季度末报送工作进展（参考文件004）",
    ),
)


def _day_note(calendar: WorkCalendar, day: dt.date) -> tuple[str, bool]:
    info = calendar.day_info(day)
    if info.kind is DayKind.MAKEUP_WORKDAY:
        festival = info.for_holiday
        what = "周末调休上班日 make-up working day"
    elif info.kind.workday:
        festival = None
        what = "工作日 working day"
    elif info.holiday is not None:
        festival = info.holiday
        what = "放假 day off"
    else:
        festival = None
        what = f"{info.kind.label} {info.kind.code.replace('_', ' ')}"
    if festival is not None:
        what = f"{festival.label}{what}（{festival.code.replace('_', ' ')}）"
    if info.provisional:
        what += "（暂估 estimated）"
    return what, info.provisional


def obligations(
    year: int,
    *,
    calendar: WorkCalendar | None = None,
    attribute_review: tuple[int, int] = DEFAULT_ATTRIBUTE_REVIEW,
    authority: bool = False,
) -> list[Obligation]:
    """The recurring obligations of ``year``, in date order.

    ``attribute_review`` is the (month, day) of the yearly review of 依申请公开/不予公开
    documents; ``authority`` moves the annual report to 31 March (the governments' disclosure
    authorities).  ``calendar`` (default :func:`~govdisclose.calendar.default_calendar`)
    describes each day.
    """
    calendar = check_calendar(calendar, where="calendar")
    raw: list[tuple[str, dt.date, str, str, str]] = []
    for code, spec, summary, english, source in _RECURRING:
        if code == "annual_report":
            spec = {**spec, "bymonth": 3 if authority else 1}
        first, last = dt.datetime(year, 1, 1), dt.datetime(year, 12, 31)
        for moment in rrule.rrule(dtstart=first, until=last, **spec):
            due = moment.date()
            fill = {"year": year, "last": year - 1, "quarter": (due.month - 1) // 3 + 1, "due": due}
            raw.append((code, due, summary.format(**fill), english.format(**fill), source))
    note = "" if attribute_review != DEFAULT_ATTRIBUTE_REVIEW else "；默认日期 default date"
    raw.append(
        (
            "attribute_review",
            dt.date(year, *attribute_review),
            "对依申请公开、不予公开的文件进行年度全面自查",
            "yearly review of documents marked on-request or not-disclosed; the notice gives "
            f"no date{note}",
            "应急厅函〔2019〕390号 四(一)4",
        )
    )
    result = []
    for code, due, summary, english, source in sorted(raw, key=lambda r: (r[1], r[0])):
        day_note, estimate = _day_note(calendar, due)
        estimate = estimate or due.year in tuple(calendar.estimated_years(due, due))
        result.append(
            Obligation(
                code=code,
                date=due,
                summary=summary,
                description=f"{summary} / {english}. 依据 source: {source}. "
                f"{due:%Y-%m-%d}: {day_note}；{_FIXED}",
                source=source,
                day_note=day_note,
                provisional=estimate,
            )
        )
    return result


def ics_escape(text: str) -> str:
    """Escape an iCalendar TEXT value: backslash, semicolon, comma and newline (RFC 5545 3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold_line(line: str, limit: int = 75) -> str:
    """Fold a content line into pieces of at most ``limit`` octets of UTF-8 (RFC 5545 3.1).

    Continuation pieces start with one space, which counts toward the limit; a character is
    never split across pieces.  Pieces are joined with CRLF + space.  ``limit`` is at least 5
    (a space and the longest UTF-8 character).
    """
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    budget = limit
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > budget:
            pieces.append("".join(current))
            current, size, budget = [], 0, limit - 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _stamp(value: dt.datetime | None) -> str:
    moment = dt.datetime.now(dt.timezone.utc) if value is None else check_datetime(value, "stamp")
    if moment.utcoffset() is None:
        raise InputError("the DTSTAMP time must be timezone-aware (时间戳须带时区)", path="stamp")
    return to_zone(moment, dt.timezone.utc, path="stamp").strftime("%Y%m%dT%H%M%SZ")


def to_ics(
    items: Iterable[Obligation],
    *,
    stamp: dt.datetime | None = None,
    name: str = "政务公开工作日程",
) -> str:
    """An iCalendar (RFC 5545) text with one all-day event per obligation.

    ``stamp`` is the DTSTAMP (default: now); pass one for reproducible output.  A provisional
    obligation's summary starts with 【暂估】 and its description says PROVISIONAL.
    """
    stamp_text = _stamp(stamp)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//govdisclose//govdisclose {__version__}//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ics_escape(name)}",
    ]
    for item in items:
        summary = f"【暂估】{item.summary}" if item.provisional else item.summary
        description = item.description
        if item.provisional:
            description = (
                "暂估 PROVISIONAL: 该年节假日安排尚未公布，日期性质为估算 / the year's holiday "
                f"arrangement is not published; the day note is an estimate.\n{description}"
            )
        lines += [
            "BEGIN:VEVENT",
            f"UID:{item.date:%Y%m%d}-{item.code}@govdisclose",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{item.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{shift_date(item.date, 1, path='items'):%Y%m%d}",
            f"SUMMARY:{ics_escape(summary)}",
            f"DESCRIPTION:{ics_escape(description)}",
            "CATEGORIES:政务公开",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)
