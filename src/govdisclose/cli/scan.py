"""``govdisclose scan``: look for personal data in a text before publishing it (先审查、后公开).

``govdisclose scan FILE`` lists every identity-card, mobile and bank card number found, as
``FILE:LINE:COLUMN: severity code kind MASKED`` — the full number is never printed.  The file
is plain text or HTML source in UTF-8 (with or without byte-order mark), UTF-16 with its
byte-order mark, or GB18030, told apart over the whole file as
:func:`govdisclose._files.decode_text` does; UTF-16 without a mark is refused as binary.
Files of any size are read in pieces: memory does not grow with the file, and the listing is
written as the numbers are found.
``--format json`` prints the :class:`~govdisclose.findings.Report` as JSON instead, written as
it goes: ``subject``, then ``findings``, then ``ok`` and ``counts`` (the keys of a report as
:func:`govdisclose.dumps` writes it, read back by :func:`govdisclose.loads`).

``--mask`` writes the text with every number masked to ``--output FILE``, or to standard
output, in the input's own encoding (UTF-8 with or without byte-order mark, UTF-16 or GB18030)
with its line ends kept; in the second case the listing goes to standard error.  The output
file is written under a temporary name next to it and renamed into place when complete, and
an output that is the same file as the input (by device and inode: the same path, a symbolic
or a hard link) is refused.  ``-`` reads standard input.  Exit codes: 0 nothing found (or only
info: a 15-digit number after a word such as 订单号), 1 an error or a warning found (also with
``--mask``: the original still contains it), 2 unusable input.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import json
import sys
from collections.abc import Callable
from itertools import chain, repeat
from pathlib import Path
from textwrap import indent
from typing import IO, TYPE_CHECKING, BinaryIO, TextIO

from .._errors import InputError
from .._files import atomic_writer, open_binary
from . import COMMANDS, EXIT_FINDINGS, EXIT_OK
from .common import add_format_option, escape_controls, escape_json, output_path

if TYPE_CHECKING:  # the scan (and python-stdnum) is imported when the command runs
    from .._privacy import PersonalDataMatch

STDIN = "-"


# A number written across lines keeps its line breaks when masked: shown escaped in a listing.
_ESCAPED = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t", "\f": "\\f", "\v": "\\v"})


def _match_line(name: str, match: PersonalDataMatch) -> str:
    severity = match.severity
    return (
        f"{name}:{match.line}:{match.column}: {severity.label} {severity.code} "
        f"{match.finding().code} {match.kind.label} {match.masked.translate(_ESCAPED)}"
    )


def _summary_line(name: str, count: int) -> str:
    if count:
        return (
            f"{name}: 发现 {count} 处个人信息，发布前请去标识化 / found "
            f"{count} personal number(s); de-identify before publishing"
        )
    return (
        f"{name}: 未发现身份证号、手机号、银行卡号（姓名、住址等不在检查范围内）/ no ID card, "
        f"mobile or bank card numbers found (names and addresses are not checked)"
    )


class _TextListing:
    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream, self._name, self._count = stream, name, 0

    def add(self, match: PersonalDataMatch) -> None:
        self._count += 1
        self._stream.write(escape_controls(_match_line(self._name, match)) + "\n")

    def finish(self) -> None:
        self._stream.write(escape_controls(_summary_line(self._name, self._count)) + "\n")


class _JsonListing:
    """The report as :func:`~govdisclose._files.dump_json` would write it, findings first."""

    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream = stream
        self._counts = {"error": 0, "warning": 0, "info": 0}
        self._first = True
        stream.write(
            '{\n  "subject": '
            + escape_json(json.dumps(name, ensure_ascii=False))
            + ',\n  "findings": ['
        )

    def add(self, match: PersonalDataMatch) -> None:
        from .._converter import unstructure

        finding = match.finding()
        self._counts[finding.severity.code] += 1
        text = escape_json(json.dumps(unstructure(finding), ensure_ascii=False, indent=2))
        self._stream.write(("\n" if self._first else ",\n") + indent(text, "    "))
        self._first = False

    def finish(self) -> None:
        ok = json.dumps(self._counts["error"] == 0)
        counts = indent(json.dumps(self._counts, indent=2), "  ").lstrip()
        self._stream.write(("]" if self._first else "\n  ]") + f',\n  "ok": {ok},\n')
        self._stream.write(f'  "counts": {counts}\n}}\n')


def _stdin_descriptor() -> int | None:
    """Standard input's file descriptor (redirected from a file, it is that file)."""
    try:
        return sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (tests replace it)
        return None


def _spool_stdin() -> BinaryIO:
    """Standard input copied to a temporary file (read twice: encoding, then scan)."""
    import shutil
    import tempfile

    spool = tempfile.TemporaryFile()  # noqa: SIM115  (the caller closes it)
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-only stream (tests replace standard input so)
        spool.write(sys.stdin.read().encode("utf-8"))
    else:
        shutil.copyfileobj(stream, spool, 1 << 20)
    spool.seek(0)
    return spool


def _encoding_writer(target: IO[bytes] | None, encoding: str) -> Callable[[str, bool], object]:
    """Writes text to ``target`` in ``encoding`` (the last piece ``final``); without a
    target, to standard output."""
    if target is None:
        sys.stdout.flush()
        target = getattr(sys.stdout, "buffer", None)
        if target is None:  # a text-only stream (tests capture it so)
            return lambda text, final: sys.stdout.write(text)
    encoder = codecs.getincrementalencoder(encoding)()
    return lambda text, final: target.write(encoder.encode(text, final))


def _scan(args: argparse.Namespace) -> int:
    from .._privacy import PersonalDataScanner, read_text_chunks
    from ..findings import Severity

    if args.output is not None and not args.mask:
        raise InputError("--output is only used with --mask (--output 需与 --mask 同用)")
    output = output_path(args, _stdin_descriptor() if args.file == STDIN else args.file)
    name = "<stdin>" if args.file == STDIN else args.file
    raw = _spool_stdin() if args.file == STDIN else open_binary(args.file)
    with raw, contextlib.ExitStack() as stack:
        encoding, chunks = read_text_chunks(raw, source=name)
        scanner = PersonalDataScanner(mask=args.mask)
        write_masked = None
        if args.mask:
            # a file is written whole or not at all: under a temporary name, then renamed
            target = None if output is None else stack.enter_context(atomic_writer(output))
            write_masked = _encoding_writer(target, encoding)
        stream: TextIO = sys.stderr if args.mask and output is None else sys.stdout
        listing = (
            _JsonListing(stream, name) if args.format == "json" else _TextListing(stream, name)
        )
        worst = None
        try:  # each piece of the text, then (True, "") for the end
            for final, chunk in chain(zip(repeat(False), chunks), [(True, "")]):
                found = scanner.close() if final else scanner.feed(chunk)
                for match in found:
                    listing.add(match)
                    if match.severity is not Severity.INFO:
                        worst = match.severity
                if write_masked is not None:
                    write_masked(scanner.take_masked(), final)
        except UnicodeDecodeError as exc:  # the file changed since its encoding was read
            raise InputError(
                f"{name}: changed while being read ({exc.reason}) (读取时文件被改动)"
            ) from None
        if write_masked is not None and output is None:
            sys.stdout.flush()
        listing.finish()
    return EXIT_FINDINGS if worst is not None else EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``scan`` to the command line."""
    parser = subparsers.add_parser(
        "scan",
        help=COMMANDS["scan"],
        description=(
            "先审查、后公开：检查文本中的居民身份证号码、手机号码和银行卡号。"
            "Scan a plain-text or HTML file (.txt, .csv, .md, .html; UTF-8, UTF-16 with its "
            "byte-order mark, or GB18030; any size) for identity-card, mobile and bank card "
            "numbers before publishing it.  Exit 0 when nothing is found (or only info), "
            "1 when an error or warning is, 2 for unusable input."
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
        help=(
            "与 --mask 同用：写入去标识化文本的文件（不能是输入文件本身）/ with --mask: file "
            "for the masked text (never the input itself)"
        ),
    )
    parser.set_defaults(handler=_scan)
