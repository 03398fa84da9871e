"""Checked dates, and date arithmetic that stays within the dates Python can hold (internal).

Python's dates run from 0001-01-01 to 9999-12-31; stepping past either end raises a bare
:class:`OverflowError`, and a wrong type a :class:`TypeError` deep inside a computation.  The
calendar and the deadline calculators use these helpers instead, so that such input raises an
:class:`~govdisclose.errors.InputError` that names the argument (``path``) and the value:

* :func:`check_date`, :func:`check_datetime`, :func:`check_bool` and :func:`is_int` check an
  argument's type (a date-time is not a date here, and ``True`` is not a number);
* :func:`shift_date` and :func:`shift_datetime` add days or a time span;
* :func:`to_zone` converts an aware date-time to another time zone.

>>> from datetime import date
>>> shift_date(date(2024, 2, 28), 2)
datetime.date(2024, 3, 1)
>>> shift_date(date(9999, 12, 31), 1, path="formed")
Traceback (most recent call last):
...
govdisclose.errors.InputError: formed: 9999-12-31 + 1 day is after 9999-12-31, the last date ...
>>> check_date("2024-10-08", "received")
Traceback (most recent call last):
...
govdisclose.errors.InputError: received: expected a datetime.date, got '2024-10-08'; text is not ...
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeGuard

from .errors import InputError, short_repr

__all__ = [
    "check_bool",
    "check_date",
    "check_datetime",
    "is_int",
    "shift_date",
    "shift_datetime",
    "to_zone",
]

_RANGE = "0001-01-01 – 9999-12-31"


def is_int(value: object) -> TypeGuard[int]:
    """Whether ``value`` is a whole number: an :class:`int`, but not a :class:`bool`."""
    return isinstance(value, int) and not isinstance(value, bool)


def _hint(value: object) -> str:
    if isinstance(value, str):
        return "; text is not converted: parse it first (datetime.date.fromisoformat)"
    return ""


def check_date(value: object, path: str) -> dt.date:
    """``value`` if it is a :class:`datetime.date` and not a date-time; an InputError otherwise.

    >>> check_date(dt.datetime(2024, 10, 8, 9, 30), "meeting")
    Traceback (most recent call last):
    ...
    govdisclose.errors.InputError: meeting: expected a datetime.date, got a date-time ...
    """
    if isinstance(value, dt.datetime):
        raise InputError(
            f"expected a datetime.date, got a date-time {value.isoformat()}; pass its .date() "
            f"(应为日期，而非日期时间)",
            path=path,
        )
    if not isinstance(value, dt.date):
        raise InputError(
            f"expected a datetime.date, got {short_repr(value)}{_hint(value)} (应为日期)",
            path=path,
        )
    return value


def check_datetime(value: object, path: str) -> dt.datetime:
    """``value`` if it is a :class:`datetime.datetime`; an InputError otherwise."""
    if not isinstance(value, dt.datetime):
        what = "a date without a time of day" if isinstance(value, dt.date) else short_repr(value)
        hint = (
            "; text is not converted: parse it first (datetime.datetime.fromisoformat)"
            if isinstance(value, str)
            else ""
        )
        raise InputError(
            f"expected a datetime.datetime, got {what}{hint} (应为日期时间，须包含时刻)",
            path=path,
        )
    return value


def check_bool(value: object, path: str) -> bool:
    """``value`` if it is ``True`` or ``False``: a flag is not guessed from other values."""
    if not isinstance(value, bool):
        raise InputError(f"expected True or False, got {short_repr(value)} (应为布尔值)", path=path)
    return value


def _days(n: int) -> str:
    return f"{abs(n)} day{'s' * (abs(n) != 1)}"


def shift_date(day: dt.date, days: int, *, path: str | None = None) -> dt.date:
    """``day`` plus ``days`` (minus when negative); an InputError past 0001-01-01 or 9999-12-31."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        sign = "+" if days >= 0 else "-"
        side = f"after {dt.date.max}, the last" if days >= 0 else f"before {dt.date.min}, the first"
        raise InputError(
            f"{day.isoformat()} {sign} {_days(days)} is {side} date there is; dates run "
            f"{_RANGE} (日期超出可计算范围)",
            path=path,
        ) from None


def shift_datetime(
    moment: dt.datetime, delta: dt.timedelta, *, path: str | None = None
) -> dt.datetime:
    """``moment + delta``; an InputError when the result is outside the dates Python can hold."""
    try:
        return moment + delta
    except OverflowError:
        raise InputError(
            f"{moment.isoformat()} + {delta} is outside the dates there are ({_RANGE}) "
            f"(时间超出可计算范围)",
            path=path,
        ) from None


def to_zone(moment: dt.datetime, zone: Any, *, path: str | None = None) -> dt.datetime:
    """``moment`` (aware) converted to ``zone``; an InputError when that leaves the date range.

    ``0001-01-01T00:00+08:00`` has no UTC equivalent: it is 16:00 on the day before the first.
    """
    try:
        return moment.astimezone(zone)
    except (OverflowError, ValueError):
        raise InputError(
            f"{moment.isoformat()} cannot be converted to {zone}: the result is outside the "
            f"dates there are ({_RANGE}) (时间超出可计算范围)",
            path=path,
        ) from None
