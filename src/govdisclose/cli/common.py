"""Helpers shared by the command groups: output format, output files, JSON printing."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = [
    "add_format_option",
    "add_output_option",
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
