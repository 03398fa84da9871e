"""Helpers shared by the command groups: output format, output files, JSON printing, and
the parsing of date options.

Every date option of the command line reads dates with :func:`parse_date_option`, so that
they all accept the spellings the rest of the library reads (the publication-log audit too):
``2024-10-08``, ``2024-10-8``, ``2024/10/8``, ``2024.10.8``, ``2024年10月8日`` and
``20241008``, optionally with a time of day.  A date that does not exist (``2024-02-30``)
is reported as such, not as a wrong format.  :func:`parse_datetime_option` adds a time of day
and an optional UTC offset; :func:`parse_month_day_option` reads a day of the year (``12-31``).

>>> parse_date_option("2024年10月8日", "--as-of")
datetime.date(2024, 10, 8)
>>> parse_date_option("2024-02-30", "--formed")
Traceback (most recent call last):
...
govdisclose.InputError: --formed: 2024-02-30 does not exist: February 2024 has 29 days ...
>>> parse_datetime_option("2024/9/30 22:30+08:00", "--detected").isoformat()
'2024-09-30T22:30:00+08:00'
"""

from __future__ import annotations

import argparse
import calendar as _calendar
import datetime as dt
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from .._dates import (
    DATE_FORMATS,
    DateRefusal,
    china_today,
    or_raise,
    read_china_date,
    read_date_text,
)
from .._errors import InputError, short_repr
from .._vocabulary import Level

if TYPE_CHECKING:
    from ..calendar._workcalendar import WorkCalendar
    from ..findings import Report
    from ..tables import Limits

#: ``--level`` choices: the codes of :class:`~govdisclose._vocabulary.Level`.
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


def add_output_option(
    parser: argparse.ArgumentParser, formats: Mapping[str, str] | None = None
) -> None:
    """Add ``--output FILE`` (standard output when absent); with ``formats`` (the suffix of
    the file -> the format written; ``""``: the default) also ``--to FORMAT``
    (:func:`file_format`)."""
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        type=Path,
        help="写入文件（默认标准输出）/ write to FILE instead of standard output",
    )
    if formats:
        default = formats[""]
        parser.add_argument(
            "--to",
            choices=sorted(set(formats.values())),
            help=f"文件格式（默认按 --output 的后缀，否则 {default}）/ file format (default: "
            f"from the suffix of --output, else {default})",
        )
        parser.set_defaults(suffix_formats=formats)


def output_path(
    args: argparse.Namespace, *inputs: object, also: tuple[str, Path | None] = ("", None)
) -> Path | None:
    """``args.output``, refused when it is the same file as one of ``inputs`` (device and
    inode: a hard or symbolic link to an input too); ``None`` means standard output.  ``also``
    is a second output option and its file (``("--records", FILE)``): refused so too, and
    when it names the same file as ``--output`` (``./F`` and ``F``, existing or not).

    Inputs that are not paths (a bundled catalogue's name, ``-``) are skipped; an ``int`` is
    an open file descriptor (standard input's).
    """
    output: Path | None = getattr(args, "output", None)
    option, second = also
    names = [i if isinstance(i, int) else str(i) for i in inputs if i is not None and i != "-"]
    if output is not None or second is not None:  # _files only when a file is written
        from .._files import refuse_overwriting_input, same_file

        if (
            output is not None
            and second is not None
            and (os.path.realpath(output) == os.path.realpath(second) or same_file(output, second))
        ):
            shown = output if str(output) == str(second) else f"{output}, {second}"
            raise InputError(
                f"--output and {option} name the same file ({shown}); give each its own file "
                f"(两个输出不能是同一文件)"
            )
        if output is not None:
            refuse_overwriting_input(output, names)
        if second is not None:
            refuse_overwriting_input(second, names)
    return output


def command_line_hint(exc: Exception) -> str:
    """What the command line adds to the library's message of ``exc``: how to do, with this
    program's commands and options, what the message asks for ("" when nothing).

    >>> from govdisclose._errors import UnknownYearError
    >>> print(command_line_hint(UnknownYearError(2030)))
    ; 命令行 / on the command line: paste the notice's text into a file and run `govdisclose
    calendar add FILE`, or give an arrangement file with --calendar FILE (`govdisclose calendar
    notice FILE` writes one); or add --provisional
    """
    from .._errors import CalendarDataError, LimitError, UnknownYearError

    if isinstance(exc, UnknownYearError):
        estimate = "; or add --provisional" if exc.estimable else ""
        return (
            "; 命令行 / on the command line: paste the notice's text into a file and run "
            "`govdisclose calendar add FILE`, or give an arrangement file with --calendar FILE "
            f"(`govdisclose calendar notice FILE` writes one){estimate}"
        )
    if isinstance(exc, CalendarDataError) and exc.partial_helps:
        return "; 命令行 / on the command line: add --partial REASON"
    if isinstance(exc, LimitError):
        return (
            f"; 可用 --limit {exc.limit}=N 放宽此上限 / raise the {exc.limit} limit ({exc.value}) "
            f"with --limit {exc.limit}=N"
        )
    return ""


#: Characters shown escaped in text for people: C0 and C1 controls (escape sequences,
#: carriage return …) and the bidirectional overrides that reorder what a terminal shows.
_CONTROLS = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"


def escape_controls(text: str) -> str:
    r"""``text`` with control characters shown as escapes (``\x1b``, ``\u202e``), so that
    untrusted text (a log's titles, a file name) cannot drive the terminal; line breaks and
    tabs are kept.

    >>> escape_controls("标题\x1b]0;x\x07\n")
    '标题\\x1b]0;x\\x07\n'
    """
    if text.isascii() and text.isprintable():
        return text
    return re.sub(_CONTROLS, lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def escape_json(text: str) -> str:
    # JSON text holds raw characters only inside strings; \u escapes there mean the same.
    return re.sub(_CONTROLS, lambda m: f"\\u{ord(m.group()):04x}", text)


def write_text(text: str, output: Path | None, *, json: bool = False) -> None:
    """Write a report for people (``json``: a JSON document) to ``output`` or standard
    output, with control characters escaped (:func:`escape_controls`)."""
    write_output(escape_json(text) if json else escape_controls(text), output)


def write_result(
    args: argparse.Namespace, data: object, text: Callable[[], str], output: Path | None = None
) -> None:
    """A command's result: with ``--format json`` ``data`` (or what it returns, when it is a
    function) as JSON, unstructured by the package's converter; else ``text()`` for people.
    To ``output`` or standard output."""
    if args.format == "json":
        from .._converter import unstructure
        from .._files import dump_json

        value = data() if callable(data) else data
        write_text(dump_json(unstructure(value)), output, json=True)
    else:
        write_text(text(), output)


def findings_text(report: Report) -> str:
    """A report's findings for people, one block ending in a line break ("" when none)."""
    return report.to_text().rstrip("\n") + "\n" if report.findings else ""


def add_limit_option(parser: argparse.ArgumentParser) -> None:
    """``--limit NAME=N`` (repeatable): raise a size limit of the input tables."""
    parser.add_argument(
        "--limit",
        action="append",
        default=[],
        metavar="NAME=N",
        type=_limit_setting,
        help="放宽输入表格的大小上限，可重复 / raise a size limit of input tables, "
        "e.g. max_rows=200000 (repeatable)",
    )


def _limit_setting(text: str) -> tuple[str, int]:
    import attrs

    from ..tables import Limits

    name, sep, value = text.partition("=")
    names = [field.name for field in attrs.fields(Limits)]
    if not sep or name.strip() not in names:
        raise argparse.ArgumentTypeError(
            f"expected NAME=N, NAME one of {', '.join(names)}; got {text!r} (上限名称无效)"
        )
    return name.strip(), whole_number(1)(value.strip())


def limits_from(args: argparse.Namespace, base: Limits | None = None) -> Limits:
    """The table limits of a command: ``base`` (the readers' defaults) with its ``--limit``."""
    import attrs

    from ..tables import DEFAULT_LIMITS

    return attrs.evolve(base or DEFAULT_LIMITS, **dict(args.limit))


def whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse ``type=``: a whole number at least ``minimum``."""

    def read(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r} (应为整数)") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(
                f"must be at least {minimum}, got {value} (应不小于{minimum})"
            )
        return value

    return read


def year_number(low: int = 1, high: int = 9998) -> Callable[[str], int]:
    """An argparse ``type=``: a year from ``low`` to ``high``."""

    def read(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = 0
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"not a year: {text!r}; expected a year such as 2027 (应为年份，如 2027)"
            )
        return value

    return read


def file_format(args: argparse.Namespace) -> str:
    """The format to write (:func:`add_output_option`): ``--to``, else the one the suffix of
    ``--output`` names, else the default."""
    if args.to is not None:
        return str(args.to)
    suffix = args.output.suffix.lower().lstrip(".") if args.output is not None else ""
    return str(args.suffix_formats.get(suffix, args.suffix_formats[""]))


def add_as_of_option(parser: argparse.ArgumentParser, what: str) -> None:
    """Add ``--as-of DATE`` (default ``today``, the date in China); ``what`` says its use."""
    parser.add_argument(
        "--as-of",
        default="today",
        metavar="DATE",
        help=f"{what} (default today, the date in China)",
    )


def write_output(data: str | bytes, output: Path | None) -> None:
    """Write text or bytes, as they are, to ``output`` (text as UTF-8) or standard output.

    Line ends are written as they are (an iCalendar file's CRLF stays CRLF).  A file is
    written whole or not at all (:func:`govdisclose._files.write_file`); one that cannot be
    written is an :class:`~govdisclose._errors.InputError` naming it.
    """
    if output is not None:
        from .._files import write_file

        write_file(output, data)
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if isinstance(data, str) or buffer is None:  # text, or a text-only stream (tests')
        sys.stdout.write(data if isinstance(data, str) else data.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


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


#: Environment variable naming extra arrangement files (separated by ``os.pathsep``).
ENV_VAR = "GOVDISCLOSE_CALENDAR"
#: Environment variable replacing the user data directory of the stored years.
DATA_DIR_VAR = "GOVDISCLOSE_DATA_DIR"


def data_directory() -> Path:
    """The store of ``calendar add``: ``GOVDISCLOSE_DATA_DIR`` when set, else the platform's
    user data directory (:func:`~govdisclose.calendar.user_data_directory`).

    On Linux, with an absolute ``HOME`` and ``XDG_DATA_HOME`` absolute or unset, that is
    ``$XDG_DATA_HOME`` or ``~/.local/share`` (the XDG rule platformdirs follows), found here
    without importing platformdirs (it loads tempfile and shutil, a large part of a command's
    start-up); elsewhere platformdirs is asked.
    """
    value = os.environ.get(DATA_DIR_VAR, "").strip()
    if value:
        return Path(value)
    home, xdg = os.environ.get("HOME", ""), os.environ.get("XDG_DATA_HOME", "")
    if (
        sys.platform == "linux"
        and not hasattr(sys, "getandroidapilevel")
        and "ANDROID_ROOT" not in os.environ
        and os.path.isabs(home)
        and (not xdg or os.path.isabs(xdg))
    ):
        return Path(xdg or os.path.join(home, ".local", "share"), "govdisclose", "calendar")
    from ..calendar import user_data_directory

    return user_data_directory()


def calendar_layers(files: list[Path]) -> list[tuple[str, Path]]:
    """The arrangement files the command line adds, in order: ``(origin, path)`` for each
    file of ``GOVDISCLOSE_CALENDAR`` (origin ``"GOVDISCLOSE_CALENDAR"``), then of
    ``--calendar`` (``"--calendar"``).  The stored years (:func:`data_directory`) come first."""
    layers = [
        (ENV_VAR, Path(entry))
        for entry in os.environ.get(ENV_VAR, "").split(os.pathsep)
        if entry.strip()
    ]
    return layers + [("--calendar", path) for path in files]


def calendar_from_args(args: argparse.Namespace) -> WorkCalendar:
    """The working-day calendar the options of :func:`add_calendar_options` ask for: the
    official data, the years stored with ``calendar add``, the files of
    ``GOVDISCLOSE_CALENDAR``, then those of ``--calendar`` (a later one replaces an earlier
    one's year)."""
    from .._errors import CalendarDataError
    from ..calendar import WorkCalendar

    cal = WorkCalendar.from_user_data(
        provisional=bool(getattr(args, "provisional", False)), directory=data_directory()
    )
    for origin, path in calendar_layers(list(getattr(args, "calendar", None) or [])):
        from ..calendar import load_arrangement  # the file form: only when a file is given

        try:
            arrangement = load_arrangement(path)
        except (InputError, CalendarDataError) as exc:
            if origin != ENV_VAR:
                raise
            raise type(exc)(f"{ENV_VAR}: {exc}") from None
        cal = cal.with_arrangement(arrangement)
    return cal


_MONTH_DAY = (
    r"(?P<m>\d{1,2})(?P<sep>[-/.])(?P<d>\d{1,2})|(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日?"
)
_TODAY = (
    f"{DATE_FORMATS} (a time of day may follow: 2024-10-08T09:30+08:00), or today",
    "日期格式应为 2024-10-08、2024/10/8、2024年10月8日 或 20241008，或 today",
)
_DATETIME = (
    f"a date ({DATE_FORMATS}) then T or a space and HH:MM[:SS], optionally +08:00 or Z",
    "时间格式应为 2024-10-01T08:30",
)


def _text(text: str) -> str:
    """The option's text, stripped, with full-width digits and signs made ASCII (NFKC)."""
    return unicodedata.normalize("NFKC", text).strip()


def parse_date_option(text: str, option: str) -> dt.date:
    """The date given to the command-line option ``option`` (its name goes into errors): the
    library's one date grammar (see the module reference; with full-width digits too), a
    time of day taken as the publication-log audit takes it, or ``today`` in China.

    An :class:`~govdisclose._errors.InputError` is a ValueError: as an argparse ``type=`` its
    message would be replaced by argparse's own, so the commands call this themselves.
    """
    value = _text(text)
    if value.lower() == "today":
        return china_today()
    read = read_date_text(text)
    if isinstance(read, DateRefusal):
        raise read.error(option, use=_TODAY)
    return or_raise(read_china_date(read), option)


def parse_datetime_option(text: str, option: str) -> dt.datetime:
    """A date and time of day given to ``option``: any date of :func:`parse_date_option`, then
    ``T`` or a space, ``HH:MM`` (optionally ``:SS`` and a fraction), then optionally a UTC
    offset (``+08:00``, ``+0800``, ``Z``).  Without an offset the result is naive; ``now`` is
    the present moment in China Standard Time.

    A date without a time, a time that does not exist (``25:00``) or a bad offset is an
    :class:`~govdisclose._errors.InputError` saying which.
    """
    if _text(text).lower() == "now":
        from .._dates import CHINA_TZ

        return dt.datetime.now(CHINA_TZ).replace(microsecond=0)
    read = read_date_text(text)
    if isinstance(read, DateRefusal):
        raise read.error(option, noun="date-time", use=_DATETIME)
    if not isinstance(read, dt.datetime):
        raise InputError(
            f"{short_repr(text)} has no time of day; use e.g. 2024-10-01T08:30 or "
            f"2024-10-01 08:30 (optionally +08:00) (须包含时刻，如 2024-10-01T08:30)",
            path=option,
        )
    return read


def parse_month_day_option(text: str, option: str) -> tuple[int, int]:
    """A day of the year given to ``option`` as ``MM-DD`` (also ``M/D``, ``M.D``, ``M月D日``).

    Returns ``(month, day)``; 29 February is a day of the year (of leap years).  Anything
    else is an :class:`~govdisclose._errors.InputError` that says the text is not a day of
    the year.

    >>> parse_month_day_option("02-30", "--attribute-review")
    Traceback (most recent call last):
    ...
    govdisclose.InputError: --attribute-review: 02-30 is not a day of the year; use MM-DD...
    """
    value = _text(text)
    match = re.fullmatch(_MONTH_DAY, value, re.ASCII)
    if match is not None:
        month, day = (int(g) for g in match.group("m", "d", "m2", "d2") if g)
        if 1 <= month <= 12 and 1 <= day <= _calendar.monthrange(2000, month)[1]:
            return month, day
    raise InputError(
        f"{option}: {short_repr(value) if match is None else value} is not a day of the year; "
        f"use MM-DD, e.g. 12-31 (应为月-日，如 12-31)"
    )
