"""China's working-day calendar (工作日): which days are worked, and working-day arithmetic.

A **working day** is Monday–Friday, minus the days off of the State Council's yearly holiday
arrangement, plus the weekend days it declares working days (调休上班).  Periods counted in
working days start the day *after* the event (《民法典》第二百零一条): "20 working days from D"
is the 20th working day strictly after D, whether or not D is itself a working day.

:meth:`WorkCalendar.official` has every arrangement from 2004 to 2026 (chinese-calendar's data,
corrected and traced to the notices: :mod:`govdisclose.calendar._official`).  A computation that
needs a year without an arrangement raises :class:`~govdisclose._errors.UnknownYearError` — it
never guesses; its message says which years the calendar covers and whether an estimate
would help.  The user can add the year from its notice (:func:`~govdisclose.calendar.read_notice`
or an arrangement file, :func:`~govdisclose.calendar.load_arrangement`, then
:meth:`WorkCalendar.with_arrangement`; the years stored with ``govdisclose calendar add`` are
in :meth:`WorkCalendar.from_user_data`) or ask for a **provisional estimate**
(``provisional=True``): weekends plus the statutory holidays of the 放假办法 in force since 2025
(:mod:`govdisclose.calendar._festivals`), without 调休 or 补休, for 2025–2050.  Every day of an
estimated year says ``provisional=True``, and :meth:`WorkCalendar.estimated_years` tells a deadline
whether it rests on an estimate.  A year whose arrangement is marked ``partial`` (it knowingly
lacks festivals) is used, and every day of it says ``partial=True``
(:meth:`WorkCalendar.partial_years`), as an estimate does.

The library reads no environment variable and no file of its own accord: the command line
resolves ``--calendar``, ``GOVDISCLOSE_CALENDAR`` and the user's stored years, once per run.

Coverage is by calendar year: the last days of December are taken from that year's
arrangement, although the next year's notice may still change them (it did in 2005, 2007, 2011
and 2018).  Arithmetic uses precomputed tables (a cumulative count of working days and the
sorted list of working days, :mod:`govdisclose.calendar._tables`), built on first use:
``add_workdays`` costs about a microsecond.  Where the arrangements come from (the official
data, files, estimates) is :mod:`govdisclose.calendar._sources`.

Date arguments are :class:`datetime.date` objects: a date-time is refused (pass its
``.date()``; which date a moment falls on depends on its time zone), like everywhere in the
library.  :func:`check_calendar` is how the library checks a ``calendar`` argument.

>>> from datetime import date
>>> from govdisclose.calendar._workcalendar import WorkCalendar
>>> cal = WorkCalendar.official()
>>> cal.add_workdays(date(2024, 9, 27), 1)      # Sunday 2024-09-29 was a make-up working day
datetime.date(2024, 9, 29)
>>> cal.add_workdays(date(2024, 9, 30), 1)      # off 10/1–10/7
datetime.date(2024, 10, 8)
>>> cal.workdays_between(date(2024, 9, 30), date(2024, 10, 8))
1
>>> info = cal.day_info(date(2026, 2, 17))
>>> info.kind.code, info.holiday.label, info.provisional
('holiday', '春节', False)
>>> cal.day_info(date(2005, 12, 31)).kind.label
'调休上班日'
>>> cal.is_workday(date(2027, 3, 1))
Traceback (most recent call last):
...
govdisclose.UnknownYearError: no official holiday arrangement is known for 2027 ...
>>> WorkCalendar.official(provisional=True).day_info(date(2027, 2, 6)).provisional
True
>>> import pickle                                # to worker processes, as itself
>>> pickle.loads(pickle.dumps(cal)) is cal
True

More information:

* 《中华人民共和国民法典》第二百零一条 (a period starts the next day)
* 国务院办公厅关于YYYY年部分节假日安排的通知 (https://www.gov.cn/zhengce/)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import attrs

from .._dates import check_bool, check_date, is_int
from .._errors import CalendarDataError, InputError, UnknownYearError, short_repr
from .._output import label, output
from .._vocabulary import Term
from ._arrangement import Arrangement, check_complete
from ._festivals import Festival, statutory_holidays
from ._official import official_arrangements
from ._sources import PROVISIONAL_SOURCE, file_paths, provisional_estimates, unknown_year_error
from ._tables import CalendarTables


class DayKind(Term):
    """日期类型: what kind of day a date is."""

    __concept__ = "日期类型"

    WORKDAY = ("workday", "工作日")
    WEEKEND = ("weekend", "周末", "公休日")
    HOLIDAY = ("holiday", "法定节假日", "法定假日")
    REST_DAY = ("rest_day", "调休休息日", "调休", "补休")
    MAKEUP_WORKDAY = ("makeup_workday", "调休上班日", "补班", "调休上班")

    @property
    def workday(self) -> bool:
        """Whether days of this kind are working days."""
        return self in (DayKind.WORKDAY, DayKind.MAKEUP_WORKDAY)


@output(
    derived=("weekday", "kind_label", "workday", "holiday_label", "for_holiday_label"),
    values={
        "weekday": lambda day: day.date.isoweekday(),
        "kind_label": label("kind"),
        "holiday_label": label("holiday"),
        "for_holiday_label": label("for_holiday"),
    },
)
@attrs.frozen
class DayInfo:
    """One day of the calendar.

    ``holiday`` is the festival of a day off (for a statutory holiday, the festival it is the
    holiday of; for other days off, the break it lies in, when known); ``for_holiday`` is the
    festival a make-up working day makes up for; ``source`` the notice (or
    :data:`PROVISIONAL_SOURCE`); ``provisional`` that the year is only estimated, ``partial``
    that its arrangement knowingly lacks festivals.
    """

    date: date
    kind: DayKind
    holiday: Festival | None = None
    for_holiday: Festival | None = None
    source: str = ""
    provisional: bool = False
    partial: bool = False

    @property
    def workday(self) -> bool:
        """Whether the day is a working day."""
        return self.kind.workday

    def __str__(self) -> str:
        """One line: the date, its kind and festival, and the notice it comes from.

        >>> print(WorkCalendar.official().day_info(date(2024, 10, 12)))
        2024-10-12 调休上班日 makeup_workday (国庆节 national_day): 国务院办公厅关于2024年...
        """
        festival = self.holiday or self.for_holiday
        named = f" ({festival.label} {festival.code})" if festival else ""
        marks = "".join(
            f" [{mark}]"
            for mark, flag in (
                ("暂估 provisional", self.provisional),
                ("部分 partial", self.partial),
            )
            if flag
        )
        return f"{self.date} {self.kind.label} {self.kind.code}{named}: {self.source}{marks}"


_official: dict[bool, WorkCalendar] = {}


class WorkCalendar:
    """Working days of one set of holiday arrangements; immutable and safe to share between
    threads and processes (it pickles small: the official data is not in the pickle, and the
    tables are rebuilt on first use).

    Build it with :meth:`official`, :func:`default_calendar` or
    ``WorkCalendar(arrangements, provisional=...)``; add a year with :meth:`with_arrangement`.
    An arrangement that lacks festivals of its year is refused unless it is marked partial
    (:func:`~govdisclose.calendar.completeness_problems`).
    """

    __slots__ = ("_base", "_overrides", "_provisional", "_tables")

    def __init__(
        self, arrangements: Iterable[Arrangement] = (), *, provisional: bool = False
    ) -> None:
        self._base: Callable[[], Mapping[int, Arrangement]] | None = None
        self._overrides: dict[int, Arrangement] = {
            a.year: a for a in _arrangement_list(arrangements)
        }
        self._provisional = check_bool(provisional, "provisional")
        # Built on first use.  Two threads may both build them: the tables are equal, and
        # each keeps using the one it has.
        self._tables: CalendarTables | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        overrides = tuple(self._overrides.values())
        return (_restore, (self._base is not None, self._provisional, overrides))

    def __copy__(self) -> WorkCalendar:
        return self  # immutable

    def __deepcopy__(self, memo: object) -> WorkCalendar:
        return self

    @classmethod
    def official(cls, *, provisional: bool = False) -> WorkCalendar:
        """The official arrangements 2004–2026 (chinese-calendar's data, corrected).

        Nothing supplied by the user is read (see :meth:`from_user_data`).  The data is loaded
        on first use; the same instance is returned on every call.
        """
        cal = _official.get(check_bool(provisional, "provisional"))
        if cal is None:
            cal = cls(provisional=provisional)
            cal._base = official_arrangements
            cal = _official.setdefault(provisional, cal)  # one instance, even under a race
        return cal

    @classmethod
    def from_user_data(
        cls, *, provisional: bool = False, directory: str | os.PathLike[str] | None = None
    ) -> WorkCalendar:
        """The official arrangements plus the years stored with ``govdisclose calendar add``
        (:func:`~govdisclose.calendar.store_arrangement`), which replace the official data of
        their year.

        ``directory`` is the store (default: :func:`~govdisclose.calendar.user_data_directory`,
        the platform's user data directory).  Reads the stored files when called, never later.
        """
        from ._store import stored_arrangements  # the store and the file form: not for counting

        cal = cls.official(provisional=provisional)
        for arrangement in stored_arrangements(directory).values():
            cal = cal.with_arrangement(arrangement)
        return cal

    # -- construction -------------------------------------------------------------------------

    def _arrangements(self) -> dict[int, Arrangement]:
        known = dict(self._base()) if self._base else {}
        known.update(self._overrides)
        return known

    def with_arrangement(self, arrangement: Arrangement) -> WorkCalendar:
        """A new calendar with ``arrangement``'s year added, or replaced by it.

        Raises :class:`~govdisclose._errors.CalendarDataError` when the arrangement lacks
        festivals of its year and is not marked partial, or when it contradicts a neighbouring
        year's arrangement (a December day one notice says is worked and the other off).
        """
        _check_arrangement(arrangement, "arrangement")
        known = self._arrangements()
        wanted = {d: False for d in arrangement.days_off} | {
            d: True for d in arrangement.makeup_workdays
        }
        for year in (arrangement.year - 1, arrangement.year + 1):
            other = known.get(year)
            if other is None:
                continue
            theirs = {d: False for d in other.days_off} | {d: True for d in other.makeup_workdays}
            for day in sorted(set(wanted) & set(theirs)):
                if wanted[day] != theirs[day]:
                    raise CalendarDataError(
                        f"arrangement for {arrangement.year}: {day.isoformat()} is "
                        f"{'worked' if wanted[day] else 'off'} but the {year} arrangement says "
                        f"{'worked' if theirs[day] else 'off'} (与{year}年安排冲突)"
                    )
        new = WorkCalendar(provisional=self._provisional)
        new._base = self._base
        new._overrides = {**self._overrides, arrangement.year: arrangement}
        return new

    def _build(self) -> CalendarTables:
        known = self._arrangements()
        estimated = provisional_estimates(known) if self._provisional else {}
        self._tables = tables = CalendarTables(known, estimated)
        return tables

    # -- coverage -----------------------------------------------------------------------------

    @property
    def provisional(self) -> bool:
        """Whether years without an arrangement are estimated (``provisional=True``)."""
        return self._provisional

    @property
    def years(self) -> tuple[int, ...]:
        """The years that have an arrangement (official or supplied), in order."""
        return tuple(sorted(self._arrangements()))

    def arrangement(self, year: int) -> Arrangement | None:
        """The arrangement of ``year`` (``None`` when the year has none)."""
        if not is_int(year):
            raise InputError(f"expected a year, got {short_repr(year)} (年份无效)", path="year")
        return self._arrangements().get(year)

    def partial_years(self, start: date, end: date) -> tuple[int, ...]:
        """The years in ``[start.year, end.year]`` whose arrangement is marked partial."""
        low, high = sorted((_day(start, "start").year, _day(end, "end").year))
        tables = self._tables or self._build()
        return tuple(
            y
            for y in range(low, high + 1)
            if (arr := tables.arrangements.get(y)) is not None and arr.partial
        )

    def estimated_years(self, start: date, end: date) -> tuple[int, ...]:
        """The years in ``[start.year, end.year]`` that only a provisional estimate covers."""
        low, high = sorted((_day(start, "start").year, _day(end, "end").year))
        tables = self._tables or self._build()
        return tuple(y for y in range(low, high + 1) if tables.covered.get(y))

    def _segment(self, year: int) -> tuple[int, int, int, int]:
        tables = self._tables or self._build()
        seg = tables.segments.get(year)
        if seg is None:
            raise self._unknown(year)
        return seg

    def _unknown(self, year: int) -> UnknownYearError:
        """The error for a year this calendar does not cover, saying what would cover it."""
        tables = self._tables or self._build()
        return unknown_year_error(year, tables.covered, provisional=self._provisional)

    # -- queries ------------------------------------------------------------------------------

    def is_workday(self, d: date) -> bool:
        """Whether ``d`` is a working day."""
        d = _day(d, "d")
        tables = self._tables or self._build()
        if d.year not in tables.covered:
            raise self._unknown(d.year)
        return tables.worked(d)

    def add_workdays(self, d: date, n: int) -> date:
        """The ``n``-th working day strictly after ``d`` (before it when ``n`` < 0); ``d`` if 0.

        The start day is never counted.  Every year from ``d``'s to the result's must be
        covered, else :class:`~govdisclose._errors.UnknownYearError` names the first missing one.
        ``n`` is a whole number (not a bool); ``d`` a date, not a date-time (pass its
        ``.date()``: which date a moment falls on depends on its time zone).
        """
        if type(d) is not date:
            d = check_date(d, "d")
        if n.__class__ is not int and not is_int(n):
            raise InputError(
                f"expected a whole number of working days, got {short_repr(n)} (工作日数应为整数)",
                path="n",
            )
        if n == 0:
            return d
        tables = self._tables or self._build()
        entry = tables.days.get(d) or tables.day_entry(d)
        if entry is None:
            raise self._unknown(d.year)
        if n > 0:
            k = entry[0] + n - 1
            if k > entry[3]:
                raise self._unknown(tables.segments[d.year][1] + 1)
        else:
            k = entry[1] + n
            if k < entry[2]:
                raise self._unknown(tables.segments[d.year][0] - 1)
        return tables.work_dates[k]

    def next_workday(self, d: date) -> date:
        """The first working day strictly after ``d``."""
        return self.add_workdays(d, 1)

    def previous_workday(self, d: date) -> date:
        """The last working day strictly before ``d``."""
        return self.add_workdays(d, -1)

    def workdays_between(self, a: date, b: date) -> int:
        """Working days counted from ``a`` to ``b``, ``a`` excluded and ``b`` included.

        For ``b`` after ``a``: the working days in ``(a, b]``; for ``b`` before ``a``: minus
        those in ``[b, a)``.  So for a working day ``b``,
        ``add_workdays(a, workdays_between(a, b)) == b``.
        """
        a, b = _day(a, "a"), _day(b, "b")
        if a == b:
            return 0
        low, high = (a, b) if a < b else (b, a)
        seg = self._segment(low.year)
        if high.year > seg[1]:
            raise self._unknown(seg[1] + 1)
        tables = self._tables
        assert tables is not None
        return tables.workdays_between(a, b)

    def day_info(self, d: date) -> DayInfo:
        """What ``d`` is: kind, festival, source notice, provisional flag."""
        d = _day(d, "d")
        tables = self._tables or self._build()
        estimated = tables.covered.get(d.year)
        if estimated is None:
            raise self._unknown(d.year)
        listed = tables.owner.get(d)
        arr = listed or tables.arrangements[d.year]
        source = arr.day_sources.get(d) or (
            PROVISIONAL_SOURCE if estimated and not listed else arr.source
        )
        label = listed.holidays.get(d) if listed else None
        partial = tables.arrangements[d.year].partial
        weekend = d.weekday() >= 5
        if tables.worked(d):
            kind = DayKind.MAKEUP_WORKDAY if weekend else DayKind.WORKDAY
            return DayInfo(
                d,
                kind,
                for_holiday=label if weekend else None,
                source=source,
                provisional=estimated,
                partial=partial,
            )
        statutory = statutory_holidays(d.year).get(d)
        if statutory is not None:
            return DayInfo(
                d,
                DayKind.HOLIDAY,
                statutory,
                source=source,
                provisional=estimated,
                partial=partial,
            )
        kind = DayKind.WEEKEND if weekend else DayKind.REST_DAY
        if label is None and (listed or not weekend):
            label = tables.break_festival(d)
        return DayInfo(d, kind, label, source=source, provisional=estimated, partial=partial)

    def __repr__(self) -> str:
        kind = "official" if self._base else "custom"
        extra = f", {len(self._overrides)} supplied" if self._overrides else ""
        return f"<WorkCalendar {kind}{extra}{', provisional' if self._provisional else ''}>"


def default_calendar(
    *, provisional: bool = False, files: Sequence[str | os.PathLike[str]] = ()
) -> WorkCalendar:
    """The official calendar plus the arrangement files ``files``, applied in order (a later
    file for the same year replaces an earlier one, and the official data).

    ``files`` is a list of paths (one string is refused, not read letter by letter).  No
    environment variable and no stored year is read: see :meth:`WorkCalendar.from_user_data`.
    """
    paths = file_paths(files)
    cal = WorkCalendar.official(provisional=provisional)
    if paths:
        from ._arrangement_files import load_arrangement  # the file form: not for counting

        for path in paths:
            cal = cal.with_arrangement(load_arrangement(path))
    return cal


def _day(value: object, path: str) -> date:
    """A date argument: a :class:`datetime.date` and not a date-time (:func:`check_date`)."""
    return value if type(value) is date else check_date(value, path)


def check_calendar(value: object, *, where: str) -> WorkCalendar:
    """The calendar an argument asks for: ``value`` when it is a :class:`WorkCalendar`, the
    :func:`default_calendar` when it is ``None``, and an InputError naming ``where`` otherwise.

    >>> check_calendar("official", where="calendar")
    Traceback (most recent call last):
    ...
    govdisclose.InputError: calendar: expected a WorkCalendar or None, got 'official' ...
    """
    if value is None:
        return default_calendar()
    if not isinstance(value, WorkCalendar):
        raise InputError(
            f"expected a WorkCalendar or None, got {short_repr(value)} (应为工作日历 WorkCalendar)",
            path=where,
        )
    return value


def _check_arrangement(value: object, path: str) -> Arrangement:
    """An arrangement given to a calendar: an :class:`Arrangement`, complete or marked partial."""
    if not isinstance(value, Arrangement):
        raise InputError(
            f"expected an Arrangement, got {short_repr(value)} (应为节假日安排)", path=path
        )
    hint = (
        "an arrangement that knowingly lacks festivals is marked partial=True with a "
        "partial_reason (部分安排须注明 partial 及原因)"
    )
    return check_complete(value, f"{path}, the arrangement for {value.year}", hint)


def _restore(official: bool, provisional: bool, overrides: tuple[Arrangement, ...]) -> WorkCalendar:
    """A calendar from its pickle (:meth:`WorkCalendar.__reduce__`): the official data is the
    loaded one, the supplied arrangements those pickled."""
    if official and not overrides:
        return WorkCalendar.official(provisional=provisional)
    cal = WorkCalendar(provisional=provisional)
    cal._base = official_arrangements if official else None
    cal._overrides = {a.year: a for a in overrides}
    return cal


def _arrangement_list(values: object) -> list[Arrangement]:
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Iterable):
        raise InputError(
            f"expected a list of Arrangement, got {short_repr(values)} (应为节假日安排列表)",
            path="arrangements",
        )
    return [_check_arrangement(v, f"arrangements[{i}]") for i, v in enumerate(values)]
