"""The precomputed tables behind :class:`~govdisclose.calendar.WorkCalendar`'s arithmetic.

A calendar's arrangements are turned once, on first use, into tables indexed by a day's
*ordinal* (:meth:`datetime.date.toordinal`) minus the ordinal of 1 January of the first covered
year:

* ``status`` — one byte a day, 1 for a working day: Monday–Friday, then each arrangement's
  days off set to 0 and its make-up working days to 1 (in order of year, so a later notice
  wins on the December days two notices list);
* ``cum`` — the working days counted before each day: ``cum[i + 1] - cum[j + 1]`` working days
  lie in the half-open span ``(day j, day i]``, which is
  :meth:`~govdisclose.calendar.WorkCalendar.workdays_between`;
* ``work_dates`` — every working day, in order, and ``days`` — per covered day, where it stands
  in that list and how far its run of consecutive covered years reaches (a year's days are
  added when one of them is first asked for), so that
  :meth:`~govdisclose.calendar.WorkCalendar.add_workdays` is one dictionary lookup and one
  list index (about a microsecond).

Only whole covered years are in the tables; a gap between covered years ends a ``segment``
(a run of consecutive years) and no count crosses it.  Knowing which years are covered, and
what to say about the others, is the calendar's business, not the tables'.

>>> from datetime import date
>>> from govdisclose.calendar._arrangement import Arrangement
>>> from govdisclose.calendar._tables import CalendarTables
>>> new_year = Arrangement(2027, [date(2027, 1, 1)], [], notice_title="t")  # a Friday off
>>> tables = CalendarTables({2027: new_year}, {})
>>> tables.worked(date(2027, 1, 1)), tables.worked(date(2027, 1, 4))
(False, True)
>>> tables.workdays_between(date(2027, 1, 1), date(2027, 1, 8))     # 4–8 January
5
>>> tables.workdays_between(date(2027, 1, 8), date(2027, 1, 1))     # 4–7 January
-4
>>> [tables.covered[y] for y in tables.segments], tables.segments[2027][:2]
([False], (2027, 2027))
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from itertools import accumulate, compress

from ._arrangement import Arrangement
from ._festivals import Festival, statutory_holidays

#: How far :meth:`CalendarTables.break_festival` looks for a holiday in a run of rest days.
BREAK_REACH = 11


class CalendarTables:
    """The tables of one calendar: built once from its arrangements, then read-only.

    ``known`` are the arrangements of the calendar (official or supplied), ``estimated`` the
    provisional estimates of further years.  Both cover their years whole; ``covered`` maps
    each covered year to whether it is only estimated.  Methods take covered days (a day
    outside the tables raises :class:`IndexError` or gives a wrong answer: the calendar checks
    coverage first).
    """

    __slots__ = (
        "arrangements",
        "base",
        "covered",
        "cum",
        "days",
        "owner",
        "segments",
        "status",
        "work_dates",
    )

    def __init__(
        self, known: Mapping[int, Arrangement], estimated: Mapping[int, Arrangement]
    ) -> None:
        arrangements = dict(known)
        covered = dict.fromkeys(known, False)
        for year, estimate in estimated.items():
            if year not in arrangements:
                arrangements[year] = estimate
                covered[year] = True
        first, last = (min(covered), max(covered)) if covered else (2000, 2000)
        base = date(first, 1, 1).toordinal()
        size = date(last, 12, 31).toordinal() - base + 1
        # Monday–Friday worked: the week's pattern from the first day's weekday, repeated.
        weekday0 = date(first, 1, 1).weekday()
        week = bytes((1, 1, 1, 1, 1, 0, 0)[weekday0:] + (1, 1, 1, 1, 1, 0, 0)[:weekday0])
        status = bytearray((week * (size // 7 + 1))[:size])
        owner: dict[date, Arrangement] = {}
        for year in sorted(arrangements):
            arr = arrangements[year]
            for value, listed in ((0, arr.days_off), (1, arr.makeup_workdays)):
                for day in listed:
                    index = day.toordinal() - base
                    if 0 <= index < size:
                        status[index] = value
                        owner[day] = arr
        # The loops over every day run in C (accumulate, compress, map): building the tables
        # of two decades is part of the start-up of every command that counts working days.
        cum = list(accumulate(status, initial=0))
        ordinals = range(base, base + size)
        segments: dict[int, tuple[int, int, int, int]] = {}
        years = sorted(covered)
        start = 0
        for i, y in enumerate(years):
            if i + 1 == len(years) or years[i + 1] != y + 1:
                low, high = years[start], y
                seg = (low, high, date(low, 1, 1).toordinal(), date(high, 12, 31).toordinal())
                segments.update(dict.fromkeys(years[start : i + 1], seg))
                start = i + 1
        #: The ordinal of 1 January of the first covered year: index 0 of the tables.
        self.base: int = base
        #: Year → the arrangement used for it (known or estimated).
        self.arrangements: dict[int, Arrangement] = arrangements
        #: Covered year → whether only a provisional estimate covers it.
        self.covered: dict[int, bool] = covered
        #: Listed day → the arrangement that lists it (the latest, when two do).
        self.owner: dict[date, Arrangement] = owner
        #: One byte a day from ``base``: 1 for a working day.
        self.status: bytearray = status
        #: ``cum[i]``: working days among the first ``i`` days of ``status``.
        self.cum: list[int] = cum
        #: Covered year → its run of consecutive years: (first, last, first and last ordinal).
        self.segments: dict[int, tuple[int, int, int, int]] = segments
        #: Covered day → (``cum`` after it, ``cum`` before it, first and last index into
        #: ``work_dates`` of its segment): for add_workdays, one lookup a call.  A year's
        #: days are added when one of them is first asked for (:meth:`day_entry`).
        self.days: dict[date, tuple[int, int, int, int]] = {}
        #: Every working day of the covered years, in order.
        self.work_dates: list[date] = list(map(date.fromordinal, compress(ordinals, status)))

    def day_entry(self, d: date) -> tuple[int, int, int, int] | None:
        """``days[d]``, adding the entries of ``d``'s year first; ``None`` when the year is
        not covered."""
        segment = self.segments.get(d.year)
        if segment is None:
            return None
        cum, base, days = self.cum, self.base, self.days
        low, high = cum[segment[2] - base], cum[segment[3] - base + 1] - 1
        for ordinal in range(date(d.year, 1, 1).toordinal(), date(d.year, 12, 31).toordinal() + 1):
            i = ordinal - base
            days[date.fromordinal(ordinal)] = (cum[i + 1], cum[i], low, high)
        return self.days[d]

    def worked(self, d: date) -> bool:
        """Whether the covered day ``d`` is a working day."""
        return self.status[d.toordinal() - self.base] == 1

    def workdays_between(self, a: date, b: date) -> int:
        """Working days in ``(a, b]`` for ``a`` < ``b``, minus those in ``[b, a)`` otherwise.

        Both days are in the tables; the calendar checks they are in one segment.
        """
        cum, base = self.cum, self.base
        if a < b:
            return cum[b.toordinal() - base + 1] - cum[a.toordinal() - base + 1]
        return cum[b.toordinal() - base] - cum[a.toordinal() - base]

    def break_festival(self, d: date) -> Festival | None:
        """The festival of the nearest statutory holiday in the run of rest days around ``d``."""
        best: tuple[int, Festival] | None = None
        for step in (-1, 1):
            day = d
            for distance in range(1, BREAK_REACH + 1):
                day += timedelta(days=step)
                index = day.toordinal() - self.base
                if not 0 <= index < len(self.status) or self.status[index]:
                    break
                festival = statutory_holidays(day.year).get(day)
                if festival is not None and (best is None or distance < best[0]):
                    best = (distance, festival)
                    break
        return best[1] if best else None
