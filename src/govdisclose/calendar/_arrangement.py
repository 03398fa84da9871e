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
the JSON Schema ``schemas/arrangement.schema.json`` (:mod:`govdisclose.calendar._arrangement_files`
reads and writes the files).  The file lists one entry per festival, as the notice does, and
one more for the days a later notice decided (with that notice as its ``source``); a date is
``YYYY-MM-DD`` and an inclusive range ``YYYY-MM-DD/YYYY-MM-DD``::

    year = 2026
    notice_title = "国务院办公厅关于2026年部分节假日安排的通知"
    [[holidays]]
    festival = "spring_festival"
    days_off = ["2026-02-15/2026-02-23"]
    makeup_workdays = ["2026-02-14", "2026-02-28"]

>>> from datetime import date
>>> from govdisclose.calendar import Arrangement
>>> arr = Arrangement(2026, [date(2026, 1, d) for d in (1, 2, 3)], [date(2026, 1, 4)],
...                   holidays={date(2026, 1, 1): "元旦"}, notice_title="国务院办公厅关于…",
...                   partial=True, partial_reason="元旦 only, for this example")
>>> arr.holidays[date(2026, 1, 1)].code, arr.makeup_workdays
('new_years_day', (datetime.date(2026, 1, 4),))
>>> Arrangement(2026, [date(2026, 1, 1)], [date(2026, 1, 5)])
Traceback (most recent call last):
...
govdisclose.CalendarDataError: arrangement for 2026: $.makeup_workdays[0]: 2026-01-05 ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

import attrs

from .._dates import is_int
from .._errors import CalendarDataError, short_repr
from ._festivals import Festival, required_festivals, statutory_days, statutory_holidays

#: The years an arrangement may be for (the State Council's notices began in 1999).
YEARS = (1950, 2199)

#: The weekdays' names, Monday first (as :meth:`datetime.date.weekday` counts).
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _day(value: object, path: str) -> date:
    """A listed day: a :class:`datetime.date`, not a date-time or text."""
    if type(value) is not date:
        raise CalendarDataError(
            f"{path}: expected a datetime.date, got {short_repr(value)} (应为日期)"
        )
    return value


def _dates(value: Iterable[date], path: str) -> tuple[date, ...]:
    """A list of days: sorted, without repeats."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise CalendarDataError(f"{path}: expected a list of dates, got {short_repr(value)}")
    return tuple(sorted({_day(d, f"{path}[{i}]") for i, d in enumerate(value)}))


def _by_day(value: Mapping[date, Any] | None, path: str, read: Any) -> Mapping[date, Any]:
    """A mapping date → value (``read(value, path)``), read-only and sorted."""
    if value is None:
        value = {}
    if not isinstance(value, Mapping):
        raise CalendarDataError(f"{path}: expected a mapping of dates, got {short_repr(value)}")
    items = {}
    for d, item in value.items():
        day = _day(d, f"{path} (a key)")
        items[day] = read(item, f"{path}[{day}]")
    return MappingProxyType(dict(sorted(items.items())))


def _days_off(value: Iterable[date]) -> tuple[date, ...]:
    return _dates(value, "$.days_off")


def _makeup(value: Iterable[date]) -> tuple[date, ...]:
    return _dates(value, "$.makeup_workdays")


def _holidays(value: Mapping[date, Festival | str] | None) -> Mapping[date, Festival]:
    return _by_day(value, "$.holidays", lambda item, path: Festival.parse(item, path=path))


def _day_sources(value: Mapping[date, str] | None) -> Mapping[date, str]:
    return _by_day(value, "$.day_sources", _source)


def _source(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise CalendarDataError(f"{path}: expected text, got {short_repr(value)} (应为文本)")
    return value


#: The plain fields' checks: field → (whether a value is right, what is expected).
_FIELDS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "year": (
        lambda v: is_int(v) and YEARS[0] <= v <= YEARS[1],
        f"a year {YEARS[0]}–{YEARS[1]} (年份无效)",
    ),
    "notice_title": (lambda v: isinstance(v, str), "text (应为文本)"),
    "notice_number": (lambda v: v is None or isinstance(v, str), "text (应为文本)"),
    "notice_date": (lambda v: v is None or type(v) is date, "a datetime.date (应为日期)"),
    "partial": (lambda v: isinstance(v, bool), "true or false (应为布尔值)"),
}


def _check(instance: Any, attribute: Any, value: Any) -> None:
    right, expected = _FIELDS[attribute.name]
    if not right(value):
        raise CalendarDataError(f"$.{attribute.name}: expected {expected}, got {short_repr(value)}")


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

    ``day_sources`` names a later notice for particular days: 国发明电〔2015〕1号 (the
    anniversary holiday of 2015), 国办发明电〔2019〕3号 (2019's longer Labour Day) and
    〔2020〕1号 (2020's longer Spring Festival); the file form keeps it as each entry's
    ``source``.

    ``partial`` marks an arrangement known to lack festivals (``partial_reason`` says why):
    files, notices and calendars refuse an incomplete arrangement otherwise
    (:func:`completeness_problems`), and every result computed through a partial year is
    marked partial.
    """

    year: int = attrs.field(validator=_check)
    days_off: tuple[date, ...] = attrs.field(converter=_days_off)
    makeup_workdays: tuple[date, ...] = attrs.field(converter=_makeup)
    holidays: Mapping[date, Festival] = attrs.field(factory=dict, converter=_holidays)
    notice_title: str = attrs.field(default="", validator=_check)
    notice_number: str | None = attrs.field(default=None, validator=_check)
    notice_date: date | None = attrs.field(default=None, validator=_check)
    day_sources: Mapping[date, str] = attrs.field(factory=dict, converter=_day_sources, repr=False)
    partial: bool = attrs.field(default=False, validator=_check)
    partial_reason: str | None = attrs.field(default=None, validator=_partial_reason)

    def __attrs_post_init__(self) -> None:
        entries = [(d, False, f"$.days_off[{i}]") for i, d in enumerate(self.days_off)]
        entries += [
            (d, True, f"$.makeup_workdays[{i}]") for i, d in enumerate(self.makeup_workdays)
        ]
        problems = date_problems(self.year, entries)
        listed = set(self.days_off) | set(self.makeup_workdays)
        problems += [
            f"${field}[{d.isoformat()}]: {d.isoformat()} is neither a day off nor a make-up "
            "day of this arrangement (节日标注的日期不在安排中)"
            for field, days in ((".holidays", self.holidays), (".day_sources", self.day_sources))
            for d in days
            if d not in listed
        ]
        if problems:
            raise arrangement_error(f"arrangement for {self.year}", problems)

    def __reduce__(self) -> tuple[Any, ...]:
        # The read-only mappings do not pickle themselves: rebuild (and re-check) from dicts.
        values = [getattr(self, a.name) for a in attrs.fields(Arrangement)]
        values[3], values[7] = dict(self.holidays), dict(self.day_sources)
        return (Arrangement, tuple(values))

    @property
    def source(self) -> str:
        """The notice as one string: ``title（number）`` (or the title alone)."""
        return (
            f"{self.notice_title}（{self.notice_number}）"
            if self.notice_number
            else self.notice_title
        )


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


def date_problems(year: int, entries: list[tuple[date, bool, str]]) -> list[str]:
    """Problems of the listed days of a ``year`` arrangement, each ``(day, make-up?, path)``:
    outside the year (from 1 December before), both off and worked, listed twice, a make-up
    day on a weekday."""
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
                f"{path}: {iso} is a {WEEKDAYS[day.weekday()]}, not a weekend day "
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


def check_complete(
    arrangement: Arrangement, where: str, hint: str, *, partial_helps: bool = False
) -> Arrangement:
    """``arrangement`` when it is complete (:func:`completeness_problems`) or marked partial;
    otherwise the error listing what it lacks, naming ``where`` it comes from, then ``hint``
    (``partial_helps``: see :class:`~govdisclose._errors.CalendarDataError`)."""
    if not arrangement.partial and (missing := completeness_problems(arrangement)):
        raise arrangement_error(where, missing, hint=hint, partial_helps=partial_helps)
    return arrangement


def arrangement_error(
    where: str, problems: list[str], *, hint: str = "", partial_helps: bool = False
) -> CalendarDataError:
    """One error listing every problem of an arrangement, naming ``where`` it comes from; a
    ``hint`` (what to do, not a problem) follows the list."""
    if len(problems) == 1:
        message = f"{where}: {problems[0]}"
    else:
        details = "\n".join(f"  - {p}" for p in problems)
        message = (
            f"{where}: {len(problems)} problems in the holiday arrangement "
            f"(节假日安排有{len(problems)}处错误):\n{details}"
        )
    if hint:
        message += f"\n建议 hint: {hint}" if len(problems) > 1 else f"; {hint}"
    return CalendarDataError(message, partial_helps=partial_helps)
