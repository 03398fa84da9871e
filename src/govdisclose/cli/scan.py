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
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, BinaryIO, TextIO

from .._errors import InputError
from .._files import open_binary
from . import EXIT_FINDINGS, EXIT_OK
from .common import add_format_option

if TYPE_CHECKING:  # the scan (and python-stdnum) is imported when the command runs
    from .._privacy import PersonalDataMatch, PersonalDataScan

__all__ = ["register", "render_scan"]

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


def render_scan(scan: PersonalDataScan) -> str:
    """The listing people read: one line per match (masked), then a summary line."""
    name = scan.subject or "<text>"
    lines = [_match_line(name, match) for match in scan.matches]
    lines.append(_summary_line(name, len(scan.matches)))
    return "\n".join(lines) + "\n"


class _TextListing:
    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream, self._name, self._count = stream, name, 0

    def add(self, match: PersonalDataMatch) -> None:
        self._count += 1
        self._stream.write(_match_line(self._name, match) + "\n")

    def finish(self) -> None:
        self._stream.write(_summary_line(self._name, self._count) + "\n")


class _JsonListing:
    """The report as :func:`~govdisclose._files.dump_json` would write it, findings first."""

    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream = stream
        self._counts = {"error": 0, "warning": 0, "info": 0}
        self._first = True
        stream.write(
            '{\n  "subject": ' + json.dumps(name, ensure_ascii=False) + ',\n  "findings": ['
        )

    def add(self, match: PersonalDataMatch) -> None:
        from .._converter import unstructure

        finding = match.finding()
        self._counts[finding.severity.code] += 1
        text = json.dumps(unstructure(finding), ensure_ascii=False, indent=2)
        self._stream.write(("\n" if self._first else ",\n") + _indent(text, "    "))
        self._first = False

    def finish(self) -> None:
        ok = json.dumps(self._counts["error"] == 0)
        counts = _indent(json.dumps(self._counts, indent=2), "  ").lstrip()
        self._stream.write(("]" if self._first else "\n  ]") + f',\n  "ok": {ok},\n')
        self._stream.write(f'  "counts": {counts}\n}}\n')


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in text.split("\n"))


def _identity(path: str | os.PathLike[str] | int) -> tuple[int, int] | None:
    try:
        info = os.fstat(path) if isinstance(path, int) else os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _check_output(source: str, output: Path) -> None:
    """Refuse an output that is the input itself (any name for the same file)."""
    if source == STDIN:
        try:
            wanted = _identity(sys.stdin.fileno())
        except (AttributeError, OSError, ValueError):  # not a real file (tests replace it)
            wanted = None
    else:
        wanted = _identity(source)
    if wanted is not None and wanted == _identity(output):
        raise InputError(
            f"{output}: --output would overwrite the input (the same file); choose another "
            f"file (输出文件不能覆盖输入文件)"
        )


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


class _MaskedFile:
    """Masked text written to a temporary file next to ``output``, renamed into place by
    :meth:`commit`; :meth:`discard` removes it."""

    def __init__(self, output: Path, encoding: str) -> None:
        import tempfile

        self._output = output
        try:
            fd, name = tempfile.mkstemp(
                prefix=f".{output.name}.", suffix=".tmp", dir=output.parent or Path(".")
            )
        except OSError as exc:
            raise InputError(f"cannot write {output}: {exc.strerror} (无法写入文件)") from None
        self._name = name
        self._file: IO[bytes] = os.fdopen(fd, "wb")
        with contextlib.suppress(OSError):  # the mode a plain write would have given
            os.chmod(name, _mode_for(output))
        self._encoder = codecs.getincrementalencoder(encoding)()

    def write(self, text: str) -> None:
        try:
            self._file.write(self._encoder.encode(text))
        except OSError as exc:
            raise InputError(
                f"cannot write {self._output}: {exc.strerror} (无法写入文件)"
            ) from None

    def commit(self) -> None:
        try:
            self._file.write(self._encoder.encode("", final=True))
            self._file.close()
            os.replace(self._name, self._output)
        except OSError as exc:
            self.discard()
            raise InputError(
                f"cannot write {self._output}: {exc.strerror} (无法写入文件)"
            ) from None

    def discard(self) -> None:
        self._file.close()
        with contextlib.suppress(OSError):
            os.unlink(self._name)


def _mode_for(output: Path) -> int:
    """The permission bits of ``output`` if it exists, else what the umask gives a new file
    (a temporary file is created private)."""
    try:
        return stat.S_IMODE(os.stat(output).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _stdout_writer(encoding: str) -> Callable[[str], object]:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (tests capture it so)
        return sys.stdout.write
    encoder = codecs.getincrementalencoder(encoding)()
    sys.stdout.flush()

    def write(text: str) -> None:
        buffer.write(encoder.encode(text))

    return write


def _scan(args: argparse.Namespace) -> int:
    from .._privacy import PersonalDataScanner, read_text_chunks
    from ..findings import Severity

    output: Path | None = args.output
    if output is not None and not args.mask:
        raise InputError("--output is only used with --mask (--output 需与 --mask 同用)")
    if output is not None:
        _check_output(args.file, output)
    name = "<stdin>" if args.file == STDIN else args.file
    raw = _spool_stdin() if args.file == STDIN else open_binary(args.file)
    with raw:
        encoding, chunks = read_text_chunks(raw, source=name)
        scanner = PersonalDataScanner(mask=args.mask)
        target = _MaskedFile(output, encoding) if args.mask and output is not None else None
        write_masked = (
            target.write if target is not None else _stdout_writer(encoding) if args.mask else None
        )
        stream: TextIO = sys.stderr if args.mask and output is None else sys.stdout
        listing = (
            _JsonListing(stream, name) if args.format == "json" else _TextListing(stream, name)
        )
        worst = None
        try:
            for final, chunk in _pieces(chunks):
                found = scanner.close() if final else scanner.feed(chunk)
                for match in found:
                    listing.add(match)
                    if match.severity is not Severity.INFO:
                        worst = match.severity
                if write_masked is not None:
                    write_masked(scanner.take_masked())
        except UnicodeDecodeError as exc:  # the file changed since its encoding was read
            if target is not None:
                target.discard()
            raise InputError(
                f"{name}: changed while being read ({exc.reason}) (读取时文件被改动)"
            ) from None
        except BaseException:
            if target is not None:
                target.discard()
            raise
        if target is not None:
            target.commit()
        elif write_masked is not None:
            write_masked("")
            sys.stdout.flush()
        listing.finish()
    return EXIT_FINDINGS if worst is not None else EXIT_OK


def _pieces(chunks: Iterable[str]) -> Iterator[tuple[bool, str]]:
    """Each piece of the text, then ``(True, "")`` for the end."""
    for chunk in chunks:
        yield False, chunk
    yield True, ""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``scan`` to the command line."""
    parser = subparsers.add_parser(
        "scan",
        help="发布前检查身份证号、手机号、银行卡号 / scan a text for personal numbers",
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
