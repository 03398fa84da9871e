"""A year's holiday arrangement (节假日安排), as the State Council's notice gives it, and its files.

Each year the General Office of the State Council publishes 国务院办公厅关于YYYY年部分节假日安排的
通知: for every festival, the days off (放假调休) and the weekend days that are worked instead
(调休上班).  :class:`Arrangement` holds one such notice:

* ``days_off`` — **every** day of every holiday break, weekend days inside a break included
  (2026 春节: 2026-02-15 … 2026-02-23, nine days).  Listing the weekend days is harmless (they are
  rest days anyway) and lets each day carry its festival.
* ``makeup_workdays`` — the weekend days declared working days.  A make-up day, or a day off,
  may lie in the last December of the previous year: 2005-12-31 (a Saturday) was worked for
  New Year 2006 and belongs to the 2006 arrangement.
* ``holidays`` — optional: which festival each listed day belongs to (date → :class:`Festival`),
  for days off and make-up days alike.
* ``notice_title``, ``notice_number``, ``notice_date`` — where the arrangement comes from.
* ``partial``, ``partial_reason`` — an arrangement that knowingly lacks festivals says so, and
  why.  Otherwise a file or notice must list every festival of the 《全国年节及纪念日放假办法》
  in force for its year with its statutory days (:func:`completeness_problems`): a 2027 file
  that lists only 国庆节 is refused, not read as a year with a working Spring Festival.

A user who has a newer notice (say 2027's) reads it with
:func:`~govdisclose.calendar.read_notice` (``govdisclose calendar notice`` / ``calendar add``),
or writes it in a small TOML or JSON file and loads it with :func:`load_arrangement`; see
``govdisclose calendar example`` (the real 2026 notice, ``data/arrangement-example.toml``) and
the JSON Schema ``schemas/arrangement.schema.json`` (the functions that read and write files
are in ``govdisclose.calendar._arrangement_files``, exported here).  The file lists one entry per
festival, as the notice does; a date is ``YYYY-MM-DD`` and an inclusive range
``YYYY-MM-DD/YYYY-MM-DD``::

    year = 2026
    notice_title = "国务院办公厅关于2026年部分节假日安排的通知"
    [[holidays]]
    festival = "spring_festival"
    days_off = ["2026-02-15/2026-02-23"]
    makeup_workdays = ["2026-02-14", "2026-02-28"]

>>> from govdisclose.calendar._arrangement import arrangement_from_document
>>> arr = arrangement_from_document({
...     "year": 2026, "notice_title": "国务院办公厅关于2026年部分节假日安排的通知",
...     "partial": True, "partial_reason": "元旦 only, for this example",
...     "holidays": [{"festival": "元旦", "days_off": ["2026-01-01/2026-01-03"],
...                   "makeup_workdays": ["2026-01-04"]}]})
>>> [d.isoformat() for d in arr.days_off], arr.makeup_workdays[0].isoformat()
(['2026-01-01', '2026-01-02', '2026-01-03'], '2026-01-04')
>>> arrangement_from_document({"year": 2026, "notice_title": "x",
...     "holidays": [{"days_off": ["2026-01-01"], "makeup_workdays": ["2026-01-05"]}]},
...     where="mine.json")
Traceback (most recent call last):
...
govdisclose._errors.CalendarDataError: mine.json: $.holidays[0].makeup_workdays[0]: 2026-01-05 ...
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

import attrs

from .._dates import is_int
from .._errors import CalendarDataError, short_repr

# The file form (it imports this module's model where it is used, not at its top).
from ._arrangement_files import MAX_FILE_BYTES as MAX_FILE_BYTES
from ._arrangement_files import MAX_RANGE_DAYS as MAX_RANGE_DAYS
from ._arrangement_files import (
    arrangement_from_document,
    arrangement_to_document,
    dump_arrangement,
    load_arrangement,
)
from ._festivals import Festival, required_festivals, statutory_days, statutory_holidays

__all__ = [
    "Arrangement",
    "arrangement_from_document",
    "arrangement_to_document",
    "completeness_problems",
    "dump_arrangement",
    "load_arrangement",
]

#: The years an arrangement may be for (the State Council's notices began in 1999).
YEARS = (1950, 2199)

_WEEKDAYS = ("a Monday", "a Tuesday", "a Wednesday", "a Thursday", "a Friday")


def _day(value: object, path: str) -> date:
    """A listed day: a :class:`datetime.date`, not a date-time or text."""
    if type(value) is not date:
        raise CalendarDataError(
            f"{path}: expected a datetime.date, got {short_repr(value)} (应为日期)"
        )
    return value


def _list(value: object, path: str) -> list[object]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise CalendarDataError(f"{path}: expected a list of dates, got {short_repr(value)}")
    return list(value)


def _days_off(value: Iterable[date]) -> tuple[date, ...]:
    return tuple(
        sorted({_day(d, f"$.days_off[{i}]") for i, d in enumerate(_list(value, "$.days_off"))})
    )


def _makeup(value: Iterable[date]) -> tuple[date, ...]:
    days = _list(value, "$.makeup_workdays")
    return tuple(sorted({_day(d, f"$.makeup_workdays[{i}]") for i, d in enumerate(days)}))


def _mapping(value: object, path: str) -> Mapping[object, object]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise CalendarDataError(f"{path}: expected a mapping of dates, got {short_repr(value)}")
    return value


def _festivals(value: Mapping[date, Festival | str] | None) -> Mapping[date, Festival]:
    """Date → festival; a festival may be given by code or Chinese name."""
    items = {}
    for d, f in _mapping(value, "$.holidays").items():
        day = _day(d, "$.holidays (a key)")
        items[day] = Festival.parse(f, path=f"$.holidays[{day}]")
    return MappingProxyType(dict(sorted(items.items())))


def _sources(value: Mapping[date, str] | None) -> Mapping[date, str]:
    items = {}
    for d, text in _mapping(value, "$.day_sources").items():
        day = _day(d, "$.day_sources (a key)")
        if not isinstance(text, str):
            raise CalendarDataError(
                f"$.day_sources[{day}]: expected text, got {short_repr(text)} (应为文本)"
            )
        items[day] = text
    return MappingProxyType(dict(sorted(items.items())))


def _year(instance: Any, attribute: Any, value: Any) -> None:
    if not is_int(value) or not YEARS[0] <= value <= YEARS[1]:
        raise CalendarDataError(
            f"$.year: expected a year {YEARS[0]}–{YEARS[1]}, got {short_repr(value)} (年份无效)"
        )


def _text(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) and not (value is None and attribute.name == "notice_number"):
        raise CalendarDataError(
            f"$.{attribute.name}: expected text, got {short_repr(value)} (应为文本)"
        )


def _notice_date(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        _day(value, "$.notice_date")


def _partial(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, bool):
        raise CalendarDataError(f"$.partial: expected true or false, got {short_repr(value)}")


def _partial_reason(instance: Any, attribute: Any, value: Any) -> None:
    if instance.partial and (not isinstance(value, str) or not value.strip()):
        raise CalendarDataError(
            "$.partial_reason: a partial arrangement says why it is partial "
            f"(部分安排须说明原因), got {short_repr(value)}"
        )
    if not instance.partial and value is not None:
        raise CalendarDataError(
            "$.partial_reason: given, but the arrangement is not partial (partial = false) "
            "(非部分安排不应填写原因)"
        )


@attrs.frozen
class Arrangement:
    """One year's holiday arrangement; construction checks it (see the module reference).

    ``day_sources`` names a later notice for particular days (the official data uses it for
    国办发明电〔2019〕3号, which lengthened 2019's Labour Day, and 〔2020〕1号, which extended
    2020's Spring Festival); it is empty for arrangements read from files.

    ``partial`` marks an arrangement known to lack festivals (``partial_reason`` says why):
    files and notices must otherwise be complete (:func:`completeness_problems`), and every
    result computed through a partial year is marked partial.
    """

    year: int = attrs.field(validator=_year)
    days_off: tuple[date, ...] = attrs.field(converter=_days_off)
    makeup_workdays: tuple[date, ...] = attrs.field(converter=_makeup)
    holidays: Mapping[date, Festival] = attrs.field(factory=dict, converter=_festivals)
    notice_title: str = attrs.field(default="", validator=_text)
    notice_number: str | None = attrs.field(default=None, validator=_text)
    notice_date: date | None = attrs.field(default=None, validator=_notice_date)
    day_sources: Mapping[date, str] = attrs.field(factory=dict, converter=_sources, repr=False)
    partial: bool = attrs.field(default=False, validator=_partial)
    partial_reason: str | None = attrs.field(default=None, validator=_partial_reason)

    def __attrs_post_init__(self) -> None:
        entries = [(d, False, f"$.days_off[{i}]") for i, d in enumerate(self.days_off)]
        entries += [
            (d, True, f"$.makeup_workdays[{i}]") for i, d in enumerate(self.makeup_workdays)
        ]
        problems = _semantic_problems(self.year, entries)
        listed = set(self.days_off) | set(self.makeup_workdays)
        problems += [
            f"$.holidays[{d.isoformat()}]: {d.isoformat()} is neither a day off nor a make-up "
            "day of this arrangement (节日标注的日期不在安排中)"
            for d in self.holidays
            if d not in listed
        ]
        if problems:
            raise _error(f"arrangement for {self.year}", problems)

    @property
    def source(self) -> str:
        """The notice as one string: ``title（number）`` (or the title alone)."""
        return (
            f"{self.notice_title}（{self.notice_number}）"
            if self.notice_number
            else self.notice_title
        )

    def window(self) -> tuple[date, date]:
        """The dates a notice for :attr:`year` may list: from 1 December of the year before."""
        return date(self.year - 1, 12, 1), date(self.year, 12, 31)


def completeness_problems(arrangement: Arrangement) -> list[str]:
    """What an arrangement lacks under the 《全国年节及纪念日放假办法》 in force for its year.

    Every festival of that text must be listed (four until 2007, seven from 2008:
    :func:`~govdisclose.calendar._festivals.required_festivals`) — a festival whose
    statutory days all fall on another's (中秋 on 10/1 in 2020) is listed with it — and each
    festival's statutory days (:func:`~govdisclose.calendar._festivals.statutory_days`) must
    be days off (one on a weekend that is not worked is off anyway, even if not listed: the
    bundled data leaves out 2012-06-23, a Saturday of 端午).  An empty list means complete.

    >>> from datetime import date
    >>> arr = Arrangement(2027, [date(2027, 10, d) for d in range(1, 8)], [],
    ...                   holidays={date(2027, 10, 1): "国庆节"})
    >>> completeness_problems(arr)[0]
    'missing 元旦 new_years_day: every arrangement for 2027 lists it (缺少元旦的放假安排)'
    """
    year = arrangement.year
    listed = set(arrangement.holidays.values())
    worked = set(arrangement.makeup_workdays)
    off = (
        set(arrangement.days_off)
        | {d for days in statutory_days(year).values() for d in days if d.weekday() >= 5} - worked
    )
    by_date = statutory_holidays(year)
    problems: list[str] = []
    for festival in required_festivals(year):
        days = statutory_days(year).get(festival, ())
        merged = bool(days) and all(by_date.get(d) in listed - {festival} for d in days)
        if festival not in listed and not (merged and all(d in off for d in days)):
            problems.append(
                f"missing {festival.label} {festival.code}: every arrangement for {year} "
                f"lists it (缺少{festival.label}的放假安排)"
            )
            continue
        missing = [d.isoformat() for d in days if d not in off]
        if missing:
            problems.append(
                f"{festival.label} {festival.code}: the statutory day(s) {', '.join(missing)} "
                f"are not days off (法定节假日未列为放假日)"
            )
    return problems


def _semantic_problems(year: int, entries: list[tuple[date, bool, str]]) -> list[str]:
    """Problems of the listed dates: outside the window, both off and worked, weekday make-up."""
    problems: list[str] = []
    first, last = date(year - 1, 12, 1), date(year, 12, 31)
    seen: dict[date, tuple[bool, str]] = {}
    for day, makeup, path in entries:
        iso = day.isoformat()
        if not first <= day <= last:
            problems.append(
                f"{path}: {iso} is not in {year} (a {year} arrangement lists dates from "
                f"{first.isoformat()} to {last.isoformat()}) (日期不在该年度安排范围内)"
            )
        if makeup and day.weekday() < 5:
            problems.append(
                f"{path}: {iso} is {_WEEKDAYS[day.weekday()]}, not a weekend day "
                "(调休上班日必须是周六或周日)"
            )
        if day in seen:
            other_makeup, other_path = seen[day]
            if other_makeup != makeup:
                problems.append(
                    f"{path}: {iso} is both a day off and a make-up working day (also at "
                    f"{other_path}) (同一天不能既放假又上班)"
                )
            else:
                problems.append(f"{path}: {iso} is listed twice (also at {other_path}) (日期重复)")
        else:
            seen[day] = (makeup, path)
    return problems


def _error(where: str, problems: list[str]) -> CalendarDataError:
    if len(problems) == 1:
        return CalendarDataError(f"{where}: {problems[0]}")
    details = "\n".join(f"  - {p}" for p in problems)
    return CalendarDataError(
        f"{where}: {len(problems)} problems in the holiday arrangement "
        f"(节假日安排有{len(problems)}处错误):\n{details}"
    )
