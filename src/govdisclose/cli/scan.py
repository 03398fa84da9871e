"""``govdisclose scan``: look for personal data in a text before publishing it (先审查、后公开).

``govdisclose scan FILE`` lists every identity-card, mobile and bank card number found, as
``FILE:LINE:COLUMN: severity code kind MASKED`` — the full number is never printed.  The file
is plain text in UTF-8 (with or without byte-order mark), UTF-16 with its byte-order mark, or
GB18030, told apart as :func:`govdisclose._files.decode_text` does; UTF-16 without a mark is
refused as binary.
``--format json`` prints the :class:`~govdisclose.findings.Report` as JSON instead.

``--mask`` writes the text with every number masked to ``--output FILE``, or to standard
output, in the input's own encoding (UTF-8 with or without byte-order mark, UTF-16 or GB18030)
with its line ends kept; in the second case the listing goes to standard error.
``-`` reads standard input.  Exit codes: 0 nothing found, 1 something found (also with
``--mask``: the original still contains it), 2 unusable input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .._errors import InputError
from .._files import MAX_TEXT_BYTES, decode_text_with_encoding, read_text_file_with_encoding
from . import COMMANDS, EXIT_FINDINGS, EXIT_OK
from .common import (
    add_format_option,
    dump_json,
    escape_json,
    for_people,
    output_path,
    write_output,
)

if TYPE_CHECKING:  # the scan (and python-stdnum) is imported when the command runs
    from .._privacy import PersonalDataScan

STDIN = "-"


def _read_input(name: str) -> tuple[str, str, str]:
    """The text to scan, the name to show for it and the encoding it was read in."""
    if name == STDIN:
        data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
        if len(data) > MAX_TEXT_BYTES:
            raise InputError(f"<stdin>: more than {MAX_TEXT_BYTES} bytes (输入过大)")
        text, encoding = decode_text_with_encoding(data, source="<stdin>")
        return text, "<stdin>", encoding
    text, encoding = read_text_file_with_encoding(name)
    return text, name, encoding


def render_scan(scan: PersonalDataScan) -> str:
    """The listing people read: one line per match (masked), then a summary line."""
    name = scan.subject or "<text>"
    lines = []
    for match in scan.matches:
        finding = match.finding()
        lines.append(
            f"{name}:{match.line}:{match.column}: {finding.severity.label} "
            f"{finding.severity.code} {finding.code} {match.kind.label} {match.masked}"
        )
    if scan.found:
        lines.append(
            f"{name}: 发现 {len(scan.matches)} 处个人信息，发布前请去标识化 / found "
            f"{len(scan.matches)} personal number(s); de-identify before publishing"
        )
    else:
        lines.append(
            f"{name}: 未发现身份证号、手机号、银行卡号（姓名、住址等不在检查范围内）/ no ID card, "
            f"mobile or bank card numbers found (names and addresses are not checked)"
        )
    return "\n".join(lines) + "\n"


def _scan(args: argparse.Namespace) -> int:
    output: Path | None = args.output
    if output is not None and not args.mask:
        raise InputError("--output is only used with --mask (--output 需与 --mask 同用)")
    output = output_path(args, args.file)
    text, name, encoding = _read_input(args.file)
    from .._privacy import mask_text, scan_text

    scan = scan_text(text, subject=name)
    if args.format == "json":
        listing = escape_json(dump_json(scan.report().to_json()))
    else:
        listing = for_people(render_scan(scan))
    report_stream: TextIO = sys.stdout
    if args.mask:
        # in the input's own encoding and byte-order mark
        write_output(mask_text(text), output, encoding=encoding)
        if output is None:
            report_stream = sys.stderr
    report_stream.write(listing)
    return EXIT_FINDINGS if scan.found else EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``scan`` to the command line."""
    parser = subparsers.add_parser(
        "scan",
        help=COMMANDS["scan"],
        description=(
            "先审查、后公开：检查文本中的居民身份证号码、手机号码和银行卡号。"
            "Scan a plain-text file (.txt, .csv, .md, .html; UTF-8, UTF-16 with its byte-order "
            "mark, or GB18030) for identity-card, mobile and bank card numbers before "
            "publishing it.  Exit 0 when nothing is found, "
            "1 when something is, 2 for unusable input."
        ),
    )
    parser.add_argument(
        "file", metavar="FILE", help="要检查的文件，- 为标准输入 / file, - for stdin"
    )
    add_format_option(parser)
    parser.add_argument(
        "--mask",
        action="store_true",
        help=(
            "输出去标识化后的文本，编码与原文件相同（清单改写到标准错误，除非指定 --output）/ "
            "write the text with every number masked, in the input's encoding (the listing "
            "then goes to stderr unless --output is given)"
        ),
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        type=Path,
        help="与 --mask 同用：写入去标识化文本的文件 / with --mask: file for the masked text",
    )
    parser.set_defaults(handler=_scan)
