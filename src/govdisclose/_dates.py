"""Dates: the one grammar dates are read with, China time, checked date arguments (internal).

**Reading dates.**  Every date a person types or a log holds is read by
:func:`read_date_text` (the command line's options, the audit's log fields): ``2024-10-08``
(also ``2024-10-8``), ``2024/10/8``, ``2024.10.8``, ``2024年10月8日`` and the compact
``20241008``, with surrounding blanks and full-width digits (２０２４); a time of day may follow
after ``T`` or a blank (``2024-10-08T09:30``, ``2024/10/8 09:30:15.5``), then a UTC offset
(``Z``, ``+08:00``, ``+0800``, ``-05``).  :func:`read_china_date` gives the calendar date a
deadline counts with: for a date-time with an offset, the date in China Standard Time at that
moment; without one, the date as written.  What is refused is a :class:`DateRefusal` saying
why: a date that does not exist (``2024-02-30``), the day/month order of ``27/09/2024``, an
Excel serial number (``45562``); :func:`or_raise` turns it into an InputError.

Dates in JSON documents and arrangement files are stricter: ISO 8601 ``YYYY-MM-DD`` only,
read by :func:`read_iso_date` (the same on every Python version: 3.11's
:meth:`datetime.date.fromisoformat` also takes ``2024-W41-2`` and ``20241008``, 3.10's does
not); :func:`parse_iso_datetime` reads ``YYYY-MM-DD[THH:MM[:SS[.ffffff]]][Z|±HH:MM]``.

**China time**: :data:`CHINA_TZ` (Asia/Shanghai) and :func:`china_today`.

**Checked arguments.**  Python's dates run from 0001-01-01 to 9999-12-31; stepping past either
end raises a bare :class:`OverflowError`, and a wrong type a :class:`TypeError` deep inside a
computation.  The library checks its arguments with these helpers instead, so that such input
raises an :class:`~govdisclose._errors.InputError` that names the argument (``path``):

* :func:`check_date`, :func:`check_datetime`, :func:`check_bool`, :func:`is_int` and
  :func:`check_count` check an argument's type (a date-time is not a date — pass its
  ``.date()`` —, ``True`` is not a number);
* :func:`shift_date` adds days;
* :func:`to_zone` converts an aware date-time to another time zone.

>>> from datetime import date
>>> read_date_text("2024年10月8日"), read_date_text("２０２４/10/8")
(datetime.date(2024, 10, 8), datetime.date(2024, 10, 8))
>>> moment = read_date_text("2024-10-07T20:00Z")
>>> moment
datetime.datetime(2024, 10, 7, 20, 0, tzinfo=datetime.timezone.utc)
>>> read_china_date(moment), read_china_date(dt.datetime(2024, 10, 7, 20, 0))
(datetime.date(2024, 10, 8), datetime.date(2024, 10, 7))
>>> read_date_text("2024-02-30")
DateRefusal('no_such_date', '2024-02-30', '2024-02-30 does not exist: February 2024 has 29 days')
>>> or_raise(read_date_text("27/09/2024"), "--as-of")
Traceback (most recent call last):
...
govdisclose.InputError: --as-of: not a date: '27/09/2024' (day/month order unknown; ...
>>> read_iso_date("2024-10-08"), read_iso_date("2024-W41-2").kind
(datetime.date(2024, 10, 8), 'not_a_date')
>>> shift_date(date(9999, 12, 31), 1, path="formed")
Traceback (most recent call last):
...
govdisclose.InputError: formed: 9999-12-31 + 1 day is after 9999-12-31, the last date ...
>>> check_date("2024-10-08", "received")
Traceback (most recent call last):
...
govdisclose.InputError: received: expected a datetime.date, got '2024-10-08'; ...
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import functools
import re
import unicodedata
from typing import Any, TypeGuard, TypeVar
from zoneinfo import ZoneInfo

from ._errors import InputError, short_repr

#: China Standard Time (Asia/Shanghai: UTC+8, no daylight saving time since 1991).
CHINA_TZ = ZoneInfo("Asia/Shanghai")

#: The date spellings :func:`read_date_text` accepts (for help and error texts).
DATE_FORMATS = "YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日 or YYYYMMDD"
_USE = (
    f"{DATE_FORMATS}, optionally with a time of day (2024-10-08T09:30+08:00)",
    "日期格式应为 2024-10-08、2024/10/8、2024年10月8日 或 20241008，可带时刻",
)

_RANGE = "0001-01-01 – 9999-12-31"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def china_today() -> dt.date:
    """Today's date in China Standard Time."""
    return dt.datetime.now(CHINA_TZ).date()


# -- the date grammar -------------------------------------------------------------------------

_DATE_PART = (
    r"(?P<y>[0-9]{4})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
    r"|(?P<zy>[0-9]{4})\s*年\s*(?P<zm>[0-9]{1,2})\s*月\s*(?P<zd>[0-9]{1,2})\s*日?"
    r"|(?P<cy>[0-9]{4})(?P<cm>[0-9]{2})(?P<cd>[0-9]{2})"
)
_TIME_PART = (
    r"(?:[Tt]|\s+)(?P<hh>[0-9]{1,2}):(?P<mi>[0-9]{2})"
    r"(?::(?P<ss>[0-9]{2})(?:[.,](?P<frac>[0-9]+))?)?"
    r"\s*(?P<tz>[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?"
)


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The date grammar, compiled when first needed: a date with an optional time; day or
    month first and year last (``27/09/2024``, ``9-27-2024``: a time may follow); an Excel
    serial day number (45562 is 2024-09-27), perhaps with a fraction of a day."""
    return (
        re.compile(f"(?:{_DATE_PART})(?:{_TIME_PART})?"),
        re.compile(r"[0-9]{1,2}\s*[-/.]\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{4}(?:[\sTt].*)?"),
        re.compile(r"[0-9]{5}(?:\.[0-9]+)?"),
    )


_ISO_DATE = r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
_ISO_DATETIME = (
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,6}))?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?"
)

#: Refusals that mean "this is not written as a date" (the others: written as one, impossible).
_MALFORMED = frozenset({"not_a_date", "day_month_order", "excel_serial"})


class DateRefusal:
    """Why a text is not a date: ``kind`` and a reason in English (``en``) and Chinese (``zh``).

    Kinds: ``not_a_date`` (no reason can be given), ``day_month_order``, ``excel_serial``,
    ``no_such_date``, ``no_such_time``, ``bad_offset``, ``out_of_range``.
    """

    __slots__ = ("en", "kind", "text", "zh")

    def __init__(self, kind: str, text: object, en: str = "", zh: str = "") -> None:
        self.kind, self.text, self.en, self.zh = kind, text, en, zh

    @property
    def reason(self) -> tuple[str, str] | None:
        """(Chinese, English) saying why, when more can be said than "not a date"."""
        return (self.zh, self.en) if self.en else None

    def error(
        self, path: str | None = None, *, noun: str = "date", use: tuple[str, str] = _USE
    ) -> InputError:
        """The InputError to raise.  ``use`` is what to write instead, in English and Chinese,
        said when the text is not written as a ``noun`` at all."""
        if self.kind in _MALFORMED:
            why_en = f" ({self.en})" if self.en else ""
            why_zh = f"{self.zh}；" if self.zh else ""
            return InputError(
                f"not a {noun}: {short_repr(self.text)}{why_en}; use {use[0]} ({why_zh}{use[1]})",
                path=path,
            )
        return InputError(f"{self.en} ({self.zh})", path=path)

    def __repr__(self) -> str:
        return f"DateRefusal({self.kind!r}, {self.text!r}, {self.en!r})"


def _calendar_date(year: int, month: int, day: int) -> dt.date | DateRefusal:
    """The date, or a refusal saying why it does not exist."""
    if year >= 1 and 1 <= month <= 12 and 1 <= day <= 28:
        return dt.date(year, month, day)
    shown = f"{year:04d}-{month:02d}-{day:02d}"
    if year < 1:
        why, zh = "there is no year 0", "没有0年"
    elif not 1 <= month <= 12:
        why, zh = f"there is no month {month}", f"没有{month}月"
    else:
        last = _calendar.monthrange(year, month)[1]
        if 1 <= day <= last:
            return dt.date(year, month, day)
        why, zh = f"{_MONTHS[month - 1]} {year} has {last} days", f"{year}年{month}月只有{last}天"
    return DateRefusal(
        "no_such_date", shown, f"{shown} does not exist: {why}", f"该日期不存在：{zh}"
    )


def _zone(text: str) -> dt.tzinfo | DateRefusal:
    if text in ("Z", "z"):
        return dt.timezone.utc
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        return DateRefusal(
            "bad_offset",
            text,
            f"{text} is not a UTC offset (less than 24 hours)",
            "时区偏移无效",
        )
    delta = dt.timedelta(hours=hours, minutes=minutes)
    return dt.timezone(-delta if text[0] == "-" else delta)


def _malformed(text: str, shown: object) -> DateRefusal:
    if _patterns()[1].fullmatch(text):
        return DateRefusal(
            "day_month_order",
            shown,
            "day/month order unknown; use YYYY-MM-DD",
            "日月顺序不明，请用YYYY-MM-DD",
        )
    if _patterns()[2].fullmatch(text):
        return DateRefusal(
            "excel_serial",
            shown,
            "an Excel serial number: format the column as dates (YYYY-MM-DD) before exporting",
            "像是Excel日期序号，导出前请把该列设为日期格式（YYYY-MM-DD）",
        )
    return DateRefusal("not_a_date", shown)


def read_date_text(text: str) -> dt.date | dt.datetime | DateRefusal:
    """A date written by a person (see the module's docstring): a :class:`datetime.date`, or a
    :class:`datetime.datetime` when a time of day is given (aware when an offset is); or a
    :class:`DateRefusal` saying why not (:func:`or_raise` makes it an InputError).

    ``text`` must be a :class:`str` (the caller checks).  :func:`read_china_date` turns a
    date-time into the date deadlines count with.
    """
    value = (text if text.isascii() else unicodedata.normalize("NFKC", text)).strip()
    match = _patterns()[0].fullmatch(value)
    if match is None:
        return _malformed(value, text)
    y, m, d, zy, zm, zd, cy, cm, cd, hh, mi, ss, frac, tz = match.group(
        "y", "m", "d", "zy", "zm", "zd", "cy", "cm", "cd", "hh", "mi", "ss", "frac", "tz"
    )
    if y is not None:
        day = _calendar_date(int(y), int(m), int(d))
    elif zy is not None:
        day = _calendar_date(int(zy), int(zm), int(zd))
    else:
        day = _calendar_date(int(cy), int(cm), int(cd))
    if hh is None or isinstance(day, DateRefusal):
        return day
    return _at_time(day, hh, mi, ss, frac, tz, value)


def _at_time(
    day: dt.date, hh: str, mi: str, ss: str | None, frac: str | None, tz: str | None, shown: str
) -> dt.datetime | DateRefusal:
    """``day`` at a time of day read from text, or a refusal saying why there is no such time."""
    hour, minute, second = int(hh), int(mi), int(ss or 0)
    if hour > 23 or minute > 59 or second > 59:
        return DateRefusal(
            "no_such_time",
            shown,
            f"{hour:02d}:{minute:02d}:{second:02d} is not a time of day (00:00–23:59:59)",
            "时刻不存在",
        )
    zone = None if tz is None else _zone(tz)
    if isinstance(zone, DateRefusal):
        return zone
    micro = int(frac[:6].ljust(6, "0")) if frac else 0
    return dt.datetime(day.year, day.month, day.day, hour, minute, second, micro, tzinfo=zone)


_V = TypeVar("_V")


def or_raise(value: _V | DateRefusal, path: str | None = None) -> _V:
    """``value`` as it was read, or the :class:`~govdisclose._errors.InputError` of a
    :class:`DateRefusal` (prefixed with ``path``): the one way a reading here becomes an error.
    """
    if isinstance(value, DateRefusal):
        raise value.error(path)
    return value


def read_china_date(value: dt.date) -> dt.date | DateRefusal:
    """The calendar date of ``value``, or a :class:`DateRefusal`: a date itself; a date-time with
    an offset, its date in China Standard Time (refused when that is before 0001-01-01 or after
    9999-12-31); a naive date-time, its date as written.
    """
    if not isinstance(value, dt.datetime):
        return value
    if value.tzinfo is None or value.utcoffset() is None:
        return value.date()
    try:
        return value.astimezone(CHINA_TZ).date()
    except (OverflowError, ValueError):  # beyond year 1 or 9999 in Beijing
        return DateRefusal(
            "out_of_range",
            value,
            f"{value.isoformat()} is not a date in China Standard Time within {_RANGE}",
            "北京时间的日期超出可计算范围",
        )


def read_iso_date(text: str) -> dt.date | DateRefusal:
    """A strict ISO 8601 calendar date ``YYYY-MM-DD`` (JSON documents, arrangement files), or
    a :class:`DateRefusal`: ``not_a_date`` when the text is not written so (no blanks, week
    dates or compact forms, on any Python version), ``no_such_date``."""
    match = re.fullmatch(_ISO_DATE, text) if isinstance(text, str) else None
    if match is None:
        return DateRefusal("not_a_date", text)
    return _calendar_date(int(match[1]), int(match[2]), int(match[3]))


def parse_iso_datetime(text: str, *, path: str | None = None) -> dt.datetime:
    """A strict ISO 8601 date-time: ``YYYY-MM-DD``, then ``T`` or a blank and ``HH:MM``,
    ``:SS`` and up to six decimals optional, then ``Z`` or ``±HH:MM`` optional (naive without).

    A date alone is midnight.  The same on every Python version (3.11's
    :meth:`datetime.datetime.fromisoformat` accepts more than 3.10's).
    """
    match = re.fullmatch(_ISO_DATETIME, text) if isinstance(text, str) else None
    if match is None:
        raise InputError(
            f"not an ISO 8601 date-time (YYYY-MM-DDTHH:MM:SS, optionally +08:00 or Z): "
            f"{short_repr(text)} (日期时间格式应为 2024-10-08T09:30:00+08:00)",
            path=path,
        )
    y, m, d, hh, mi, ss, frac, tz = match.groups()
    day = or_raise(_calendar_date(int(y), int(m), int(d)), path)
    return or_raise(_at_time(day, hh or "0", mi or "0", ss, frac, tz, text), path)


# -- checked arguments ------------------------------------------------------------------------


def is_int(value: object) -> TypeGuard[int]:
    """Whether ``value`` is a whole number: an :class:`int`, but not a :class:`bool`."""
    return isinstance(value, int) and not isinstance(value, bool)


def check_count(value: object, path: str) -> int:
    """``value`` when it is a whole number ≥ 0; an InputError at ``path`` otherwise."""
    if not is_int(value) or value < 0:
        raise InputError(
            f"expected a whole number ≥ 0, got {short_repr(value)} (应为非负整数)", path=path
        )
    return value


def _hint(value: object, kind: str) -> str:
    if isinstance(value, str):
        return f"; text is not converted: parse it first (datetime.{kind}.fromisoformat)"
    return ""


def check_date(value: object, path: str) -> dt.date:
    """``value`` if it is a :class:`datetime.date` and not a date-time; an InputError otherwise.

    A date-time is refused, not truncated: its time and zone may change the date that is meant.

    >>> check_date(dt.datetime(2024, 10, 8, 9, 30), "meeting")
    Traceback (most recent call last):
    ...
    govdisclose.InputError: meeting: expected a datetime.date, got a date-time ...
    """
    if isinstance(value, dt.datetime):
        raise InputError(
            f"expected a datetime.date, got a date-time {value.isoformat()}; pass its .date() "
            f"(应为日期，而非日期时间)",
            path=path,
        )
    if not isinstance(value, dt.date):
        raise InputError(
            f"expected a datetime.date, got {short_repr(value)}{_hint(value, 'date')} (应为日期)",
            path=path,
        )
    return value


def check_datetime(value: object, path: str) -> dt.datetime:
    """``value`` if it is a :class:`datetime.datetime`; an InputError otherwise."""
    if not isinstance(value, dt.datetime):
        what = "a date without a time of day" if isinstance(value, dt.date) else short_repr(value)
        raise InputError(
            f"expected a datetime.datetime, got {what}{_hint(value, 'datetime')} "
            f"(应为日期时间，须包含时刻)",
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
