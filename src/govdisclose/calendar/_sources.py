"""Where a :class:`~govdisclose.calendar.WorkCalendar`'s holiday arrangements come from.

Three sources, in the order a calendar consults them:

* the **official data** 2004–2026 (:mod:`govdisclose.calendar._official`, loaded on first use);
* **arrangements** the user supplies: read from the State Council notice
  (:func:`~govdisclose.calendar.read_notice`) or an arrangement file, given with
  ``with_arrangement``, ``files=``, stored with ``govdisclose calendar add``
  (:meth:`~govdisclose.calendar.WorkCalendar.from_user_data`) or, on the command line,
  ``--calendar FILE`` and the ``GOVDISCLOSE_CALENDAR`` environment variable (read by the
  command line only); an arrangement replaces the official data of its year;
* a **provisional estimate** of a year without an arrangement, when asked for
  (``provisional=True``): its statutory holidays off, without 调休 or 补休, for
  :data:`PROVISIONAL_YEARS` only.

A year none of them covers is an :class:`~govdisclose._errors.UnknownYearError` whose message
(:func:`unknown_year_error`) says which years the calendar covers and which source would help.

>>> from datetime import date
>>> from govdisclose.calendar._sources import estimate_arrangement, unknown_year_error
>>> estimate = estimate_arrangement(2027)
>>> estimate.holidays[date(2027, 2, 6)].label, estimate.makeup_workdays, estimate.source
('春节', (), 'provisional estimate')
>>> print(unknown_year_error(2051, [2004, 2005, 2006, 2010], provisional=True))
no holiday arrangement is known for 2051, and a provisional estimate covers only 2025–2050
(尚无2051年节假日安排，暂估仅限2025–2050年); this calendar covers 2004–2006, 2010; supply
2051's arrangement from the State Council notice
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import Final

from .._errors import InputError, UnknownYearError, short_repr
from ._arrangement import Arrangement
from ._festivals import FESTIVAL_TABLE_YEARS, statutory_holidays
from ._official import FIRST_YEAR, LAST_YEAR

#: The :attr:`DayInfo.source` of a day in an estimated year.
PROVISIONAL_SOURCE: Final = "provisional estimate"
#: Years a provisional estimate can cover (the 2024 放假办法, and the festival table).
PROVISIONAL_YEARS: Final = (2025, FESTIVAL_TABLE_YEARS[1])


def official_years() -> tuple[int, ...]:
    """The years of the bundled official data (2004–2026), without loading it."""
    return tuple(range(FIRST_YEAR, LAST_YEAR + 1))


def estimate_arrangement(year: int) -> Arrangement:
    """The provisional estimate of ``year``: its statutory holidays off, no make-up days."""
    days = {d: f for d, f in statutory_holidays(year).items() if d.year == year}
    return Arrangement(year, tuple(days), (), holidays=days, notice_title=PROVISIONAL_SOURCE)


def provisional_estimates(known: Collection[int]) -> dict[int, Arrangement]:
    """Estimates of the years of :data:`PROVISIONAL_YEARS` that are not in ``known``."""
    low, high = PROVISIONAL_YEARS
    return {y: estimate_arrangement(y) for y in range(low, high + 1) if y not in known}


def file_paths(files: object) -> list[Path]:
    """The ``files`` argument of :func:`~govdisclose.calendar.default_calendar`, checked:
    a list of paths (one string is refused, not read letter by letter)."""
    if isinstance(files, (str, bytes, os.PathLike)) or not isinstance(files, Iterable):
        raise InputError(
            f"expected a list of file paths, got {short_repr(files)} (应为文件路径列表)",
            path="files",
        )
    paths: list[Path] = []
    for index, entry in enumerate(files):
        if not isinstance(entry, (str, os.PathLike)):
            raise InputError(
                f"expected a file path, got {short_repr(entry)} (应为文件路径)",
                path=f"files[{index}]",
            )
        paths.append(Path(entry))
    return paths


def unknown_year_error(year: int, covered: Iterable[int], *, provisional: bool) -> UnknownYearError:
    """The error for a year a calendar does not cover, saying what would cover it.

    ``covered`` are the calendar's years, ``provisional`` whether it estimates.  A provisional
    estimate is suggested only where it would help (a year of :data:`PROVISIONAL_YEARS` in a
    calendar that is not provisional).
    """
    low, high = PROVISIONAL_YEARS
    covers = f"this calendar covers {_spans(sorted(covered)) or 'no year'}"
    if provisional:
        return UnknownYearError(
            year,
            estimable=False,
            message=f"no holiday arrangement is known for {year}, and a provisional estimate "
            f"covers only {low}–{high} (尚无{year}年节假日安排，暂估仅限{low}–{high}年); {covers}; "
            f"supply {year}'s arrangement from the State Council notice",
        )
    estimable = low <= year <= high
    estimate = (
        ", or ask for a provisional estimate"
        if estimable
        else f" (a provisional estimate covers only {low}–{high})"
    )
    message = (
        f"no official holiday arrangement is known for {year} (尚无{year}年国务院办公厅节假日"
        f"安排); {covers}; supply the year's arrangement from the State Council notice{estimate}"
    )
    return UnknownYearError(year, estimable=estimable, message=message)


def _spans(years: Sequence[int]) -> str:
    """Sorted years as runs: ``2004–2026, 2028``."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)
