"""Helpers shared by the command groups: output format, output files, JSON printing."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError

if TYPE_CHECKING:
    from ..workcalendar import WorkCalendar

__all__ = [
    "add_calendar_options",
    "add_format_option",
    "add_output_option",
    "calendar_from_args",
    "dump_json",
    "read_bytes",
    "write_text",
]

#: Files larger than this are refused before reading (a catalogue or record file is small).
MAX_INPUT_BYTES = 64 * 1024 * 1024


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
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
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
