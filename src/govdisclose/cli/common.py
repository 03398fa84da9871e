"""Helpers shared by the command groups: output format, output files, JSON printing, and
the parsing of date options.

Every date option of the command line reads dates with :func:`parse_date_option`, so that
they all accept the same spellings: ``2024-10-08``, ``2024-10-8``, ``2024/10/8``,
``2024.10.8``, ``2024年10月8日`` and ``20241008``.  A date that does not exist (``2024-02-30``)
is reported as such, not as a wrong format.  :func:`parse_datetime_option` adds a time of day
and an optional UTC offset; :func:`parse_month_day_option` reads a day of the year (``12-31``).

>>> parse_date_option("2024年10月8日", "--as-of")
datetime.date(2024, 10, 8)
>>> parse_date_option("2024-02-30", "--formed")
Traceback (most recent call last):
...
govdisclose.errors.InputError: --formed: 2024-02-30 does not exist: February 2024 has 29 days ...
>>> parse_datetime_option("2024/9/30 22:30+08:00", "--detected").isoformat()
'2024-09-30T22:30:00+08:00'
"""

from __future__ import annotations

import argparse
import calendar as _calendar
import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, short_repr
from ..vocabulary import Level

if TYPE_CHECKING:
    from ..workcalendar import WorkCalendar

__all__ = [
    "DATE_FORMATS",
    "add_calendar_options",
    "add_format_option",
    "add_output_option",
    "calendar_from_args",
    "dump_json",
    "parse_date_option",
    "parse_datetime_option",
    "parse_month_day_option",
    "read_bytes",
    "write_text",
]

#: Files larger than this are refused before reading (a catalogue or record file is small).
MAX_INPUT_BYTES = 64 * 1024 * 1024


#: ``--level`` choices: the codes of :class:`~govdisclose.vocabulary.Level`.
LEVEL_CHOICES = tuple(level.code for level in Level)


def add_format_option(parser: argparse.ArgumentParser, *choices: str) -> None:
    """Add ``--format`` (``text`` by default) with the given choices."""
    options = choices or ("text", "json")
    parser.add_argument(
        "--format",
        choices=options,
        default=options[0],
        help=f"输出格式 / output format ({', '.join(options)}; default {options[0]})",
    )


def add_output_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--output FILE`` (standard output when absent)."""
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        type=Path,
        help="写入文件（默认标准输出）/ write to FILE instead of standard output",
    )


def dump_json(data: Any) -> str:
    """JSON as the CLI prints it: UTF-8 text, Chinese kept readable, indented."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_text(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` (UTF-8) or to standard output."""
    write_output(text, output)


def write_output(data: str | bytes, output: Path | None, *, encoding: str = "utf-8") -> None:
    """Write text (encoded with ``encoding``) or bytes to ``output`` or to standard output.

    Line ends are written as they are (an iCalendar file's CRLF stays CRLF).  A file that
    cannot be written is an :class:`~govdisclose.errors.InputError` naming it.
    """
    if output is None:
        if isinstance(data, str) and encoding == "utf-8":
            sys.stdout.write(data)
            return
        raw = data.encode(encoding) if isinstance(data, str) else data
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text-only stream (tests capture it so)
            sys.stdout.write(raw.decode(encoding if isinstance(data, str) else "utf-8"))
            return
        sys.stdout.flush()
        buffer.write(raw)
        buffer.flush()
        return
    try:
        output.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror} (无法写入文件)") from None


def read_bytes(path: Path, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a whole input file, refusing missing, unreadable or over-large files clearly."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                f"{path}: file is {size} bytes, more than the limit of {limit} (文件过大)"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file (文件不存在)") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file (不是文件)") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror} (无法读取)") from None


def add_calendar_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--calendar FILE`` (repeatable) and ``--provisional``."""
    parser.add_argument(
        "--calendar",
        metavar="FILE",
        action="append",
        default=[],
        type=Path,
        help="某年节假日安排文件（TOML/JSON，可重复；亦可用环境变量 GOVDISCLOSE_CALENDAR）/ "
        "a year's holiday arrangement file (TOML or JSON; repeatable; also GOVDISCLOSE_CALENDAR)",
    )
    parser.add_argument(
        "--provisional",
        action="store_true",
        help="对尚无国务院通知的年份按放假办法暂估（结果标注为暂估）/ estimate years without a "
        "State Council notice from the statutory holidays (marked provisional)",
    )


def calendar_from_args(args: argparse.Namespace) -> WorkCalendar:
    """The working-day calendar the options of :func:`add_calendar_options` ask for."""
    from ..workcalendar import default_calendar

    return default_calendar(
        provisional=bool(getattr(args, "provisional", False)),
        files=list(getattr(args, "calendar", None) or []),
    )


#: The date spellings every date option accepts (for help and error texts).
DATE_FORMATS = "YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日 or YYYYMMDD"

_DATE_TEXT = (
    r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"|(?P<y2>\d{4})\s*年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日?"
    r"|(?P<y3>\d{4})(?P<m3>\d{2})(?P<d3>\d{2})"
)
_DATE_RE = re.compile(_DATE_TEXT, re.ASCII)
_DATETIME_RE = re.compile(
    r"(?P<date>[^T]+?)(?:T|\s+)(?P<hh>\d{1,2}):(?P<mm>\d{2})(?::(?P<ss>\d{2})(?:\.(?P<frac>\d{1,6}))?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?",
    re.ASCII | re.IGNORECASE,
)
_MONTH_DAY_RE = re.compile(
    r"(?P<m>\d{1,2})(?P<sep>[-/.])(?P<d>\d{1,2})|(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日?",
    re.ASCII,
)
_CST = dt.timezone(dt.timedelta(hours=8))
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _checked_date(year: int, month: int, day: int, option: str) -> dt.date:
    """The date, or an InputError saying why it does not exist."""
    shown = f"{year:04d}-{month:02d}-{day:02d}"
    if year < 1:
        why = "there is no year 0"
    elif not 1 <= month <= 12:
        why = f"there is no month {month}"
    else:
        last = _calendar.monthrange(year, month)[1]
        if 1 <= day <= last:
            return dt.date(year, month, day)
        why = f"{_MONTHS[month - 1]} {year} has {last} days"
    raise InputError(f"{option}: {shown} does not exist: {why} (该日期不存在)")


def _text(text: object, option: str) -> str:
    """The option's text, stripped, with full-width digits and signs made ASCII (NFKC)."""
    if not isinstance(text, str):
        raise InputError(f"{option}: expected text, got {short_repr(text)} (应为文本)")
    return unicodedata.normalize("NFKC", text).strip()


def parse_date_option(text: str, option: str, *, allow_today: bool = False) -> dt.date:
    """The date given to the command-line option ``option`` (its name goes into errors).

    Accepts ``YYYY-MM-DD`` (also ``YYYY-M-D``), ``YYYY/M/D``, ``YYYY.M.D``, ``YYYY年M月D日``
    and compact ``YYYYMMDD``, with surrounding blanks; with ``allow_today``, also ``today``
    (the date in China Standard Time).  Full-width digits (２０２４) are read as digits.
    Raises :class:`~govdisclose.errors.InputError`: "does not exist" for an impossible date
    such as ``2024-02-30``, "not a date" (with the accepted spellings) for anything else.  An
    InputError is a ValueError, so as an argparse ``type=`` the message would be replaced by
    argparse's own; call it from the command instead.
    """
    value = _text(text, option)
    if allow_today and value.lower() == "today":
        return dt.datetime.now(_CST).date()
    match = _DATE_RE.fullmatch(value)
    if match is None:
        today = " or today" if allow_today else ""
        raise InputError(
            f"{option}: not a date: {short_repr(text)}; use {DATE_FORMATS}{today} "
            f"(日期格式应为 2024-10-08、2024/10/8、2024年10月8日 或 20241008)"
        )
    parts = [g for g in match.group("y", "m", "d", "y2", "m2", "d2", "y3", "m3", "d3") if g]
    year, month, day = (int(p) for p in parts)
    return _checked_date(year, month, day, option)


def parse_datetime_option(text: str, option: str) -> dt.datetime:
    """A date and time of day given to ``option``: any date of :func:`parse_date_option`, then
    ``T`` or a space, ``HH:MM`` (optionally ``:SS`` and a fraction), then optionally a UTC
    offset (``+08:00``, ``+0800``, ``Z``).  Without an offset the result is naive.

    A date without a time, a time that does not exist (``25:00``) or a bad offset is an
    :class:`~govdisclose.errors.InputError` saying which.
    """
    value = _text(text, option)
    if _DATE_RE.fullmatch(value):
        raise InputError(
            f"{option}: {short_repr(text)} has no time of day; use e.g. 2024-10-01T08:30 or "
            f"2024-10-01 08:30 (optionally +08:00) (须包含时刻，如 2024-10-01T08:30)"
        )
    match = _DATETIME_RE.fullmatch(value)
    if match is None:
        raise InputError(
            f"{option}: not a date-time: {short_repr(text)}; use a date ({DATE_FORMATS}) then "
            f"T or a space and HH:MM[:SS], optionally +08:00 or Z (时间格式应为 2024-10-01T08:30)"
        )
    day = parse_date_option(match.group("date"), option)
    hour, minute = int(match.group("hh")), int(match.group("mm"))
    second = int(match.group("ss") or 0)
    micro = int((match.group("frac") or "0").ljust(6, "0"))
    if hour > 23 or minute > 59 or second > 59:
        raise InputError(
            f"{option}: {hour:02d}:{minute:02d}:{second:02d} is not a time of day "
            f"(00:00–23:59:59) (时刻不存在)"
        )
    zone: dt.tzinfo | None = None
    offset = match.group("tz")
    if offset:
        if offset.upper() == "Z":
            zone = dt.timezone.utc
        else:
            digits = offset[1:].replace(":", "")
            hours, minutes = int(digits[:2]), int(digits[2:])
            delta = dt.timedelta(hours=hours, minutes=minutes)
            if minutes > 59 or delta >= dt.timedelta(hours=24):
                raise InputError(
                    f"{option}: {offset} is not a UTC offset (less than 24 hours) (时区偏移无效)"
                )
            zone = dt.timezone(-delta if offset[0] == "-" else delta)
    return dt.datetime(day.year, day.month, day.day, hour, minute, second, micro, tzinfo=zone)


def parse_month_day_option(text: str, option: str) -> tuple[int, int]:
    """A day of the year given to ``option`` as ``MM-DD`` (also ``M/D``, ``M.D``, ``M月D日``).

    Returns ``(month, day)``; 29 February is a day of the year (of leap years).  Anything
    else is an :class:`~govdisclose.errors.InputError` that says the text is not a day of
    the year.

    >>> parse_month_day_option("02-30", "--attribute-review")
    Traceback (most recent call last):
    ...
    govdisclose.errors.InputError: --attribute-review: 02-30 is not a day of the year; use MM-DD...
    """
    value = _text(text, option)
    match = _MONTH_DAY_RE.fullmatch(value)
    if match is not None:
        month, day = (int(g) for g in match.group("m", "d", "m2", "d2") if g)
        if 1 <= month <= 12 and 1 <= day <= _calendar.monthrange(2000, month)[1]:
            return month, day
    raise InputError(
        f"{option}: {short_repr(value) if match is None else value} is not a day of the year; "
        f"use MM-DD, e.g. 12-31 (应为月-日，如 12-31)"
    )
