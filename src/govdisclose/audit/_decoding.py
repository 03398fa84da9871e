"""Decoding a publication log as a stream: the encoding from its first bytes, lines in chunks.

The encoding is judged from the first :data:`SNIFF_BYTES` bytes with the library's one
detector (:func:`govdisclose._files.detect_encoding`: byte-order mark, old Office file and NUL
refused, UTF-8 — also with a few corrupt bytes —, GB18030), without holding the whole file;
when those bytes are all ASCII, the first non-ASCII bytes decide.
:func:`line_batches` then decodes the stream a chunk at a time and splits it into lines
exactly as a text file opened with ``newline=""`` would.

Bytes that do not decode become lone surrogates (U+DC00 + byte, never found in decoded text)
so that the record holding them can be reported.  A line holding such bytes is handed out in
a batch of its own and counted in the log's own counter *as it is handed out*: the audit
engine looks closely at the record read while the counter is above zero, then resets it —
every other record takes the fast path, however many bad bytes the log or another log read
in the same process has.

>>> from govdisclose._files import detect_encoding
>>> from govdisclose.audit._decoding import line_batches, printable
>>> detect_encoding("领域,事项".encode("gb18030"), complete=True)
'gb18030'
>>> flagged = [0]
>>> batches = line_batches(b"a,b\\r\\nc,\\xff\\nd", lambda n: b"", "utf-8", flagged)
>>> [printable(line) for batch in batches for line in batch], flagged
(['a,b\\r\\n', 'c,\\\\udcff\\n', 'd'], [1])
"""

from __future__ import annotations

import codecs
import io
import re
import threading
from collections.abc import Callable, Iterator

from .._errors import InputError
from .._files import detect_encoding

#: How many bytes at the start of a stream decide its encoding; also the chunk read at a time.
SNIFF_BYTES = 64 * 1024

#: The longest line a log may have, in characters: a longer one is refused (memory stays
#: bounded whatever the input; a record of a publication log is a few hundred characters).
MAX_LINE_CHARS = 1024 * 1024

ERROR_HANDLER = "govdisclose.audit.flag"
_SURROGATES = re.compile("[\udc00-\udcff]")
# Characters str.splitlines() breaks at but a file opened with newline="" does not.
_OTHER_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


class _Flagged(threading.local):
    """Undecodable byte runs met by decoders in this thread (to tell whether a chunk had any)."""

    count = 0


_FLAGGED = _Flagged()


def _flag_undecodable(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _FLAGGED.count += 1
    bad = exc.object[exc.start : exc.end]
    return "".join(chr(0xDC00 + b) for b in bad), exc.end


codecs.register_error(ERROR_HANDLER, _flag_undecodable)


def printable(text: str) -> str:
    """``text`` with undecodable bytes shown as ``\\udcXX`` escapes, safe to print."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def has_undecodable(value: object) -> bool:
    """Whether a value read from a log holds bytes that could not be decoded."""
    return isinstance(value, str) and _SURROGATES.search(value) is not None


def _split(text: str) -> list[str]:
    """Lines with their ends, broken at ``\\n``, ``\\r\\n`` and ``\\r`` only."""
    if any(mark in text for mark in _OTHER_BREAKS):
        return io.StringIO(text, newline="").readlines()
    return text.splitlines(keepends=True)


def line_batches(
    prefix: bytes,
    read: Callable[[int], bytes],
    encoding: str,
    flagged: list[int],
    *,
    decided: Callable[[str], None] | None = None,
    source: str = "<input>",
) -> Iterator[list[str]]:
    """The lines of a stream (``prefix``, then ``read(n)`` until it gives nothing), in batches.

    Lines keep their ends; ``\\n``, ``\\r\\n`` and ``\\r`` end a line.  A line holding
    undecodable bytes comes in a batch of its own, and ``flagged[0]`` is incremented just
    before that batch is handed out.  Iterate with :func:`itertools.chain.from_iterable`.

    With ``decided`` (the encoding was judged from ``prefix``, not named by the user) and a
    prefix that is all ASCII, the whole stream decides: the first chunk holding non-ASCII
    bytes is judged by :func:`~govdisclose._files.detect_encoding` and ``decided`` is called
    with its encoding — a GB18030 log whose first 64 KiB are ASCII is read as GB18030.  Bytes
    that are neither keep ``encoding``: the lines holding them are flagged.

    A line longer than :data:`MAX_LINE_CHARS` is an :class:`~govdisclose._errors.InputError`
    naming it (a file that is one huge line is not read into memory).
    """
    decoder = codecs.getincrementaldecoder(encoding)(ERROR_HANDLER)
    carry: list[str] = []  # the start of a line that goes on in the next chunk
    carried = 0  # its length
    handed = 0  # lines handed out
    suspect = False  # undecodable bytes were met and may still be in what is not handed out
    undecided = decided is not None and prefix.isascii()
    data = prefix or read(SNIFF_BYTES)
    while True:
        final = not data
        if undecided and not data.isascii():
            # everything before was ASCII, read alike in every encoding: start afresh
            undecided = False
            try:
                chosen = detect_encoding(data, complete=False)
            except InputError:  # neither: read on, and report the records holding the bytes
                chosen = encoding
            if chosen != encoding and decided is not None:
                decoder = codecs.getincrementaldecoder(chosen)(ERROR_HANDLER)
                decided(chosen)
        before = _FLAGGED.count
        piece = decoder.decode(data, final)
        suspect = suspect or _FLAGGED.count != before
        if not final and "\n" not in piece and "\r" not in piece:
            if piece:
                carry.append(piece)
                carried += len(piece)
                if carried > MAX_LINE_CHARS:
                    raise InputError(
                        f"{source}: line {handed + 1} is longer than {MAX_LINE_CHARS:,} "
                        f"characters: not a publication log (行过长)"
                    )
            data = read(SNIFF_BYTES)
            continue
        if carry:
            carry.append(piece)
            piece = "".join(carry)
            carry = []
            carried = 0
        lines = _split(piece)
        if not final and lines and not lines[-1].endswith("\n"):
            carry.append(lines.pop())  # unfinished, or a "\r" whose "\n" may come next
            carried = len(carry[0])
        handed += len(lines)
        if lines:
            if suspect:
                yield from _flag_lines(lines, flagged)
            else:
                yield lines
        suspect = suspect and bool(carry)
        if final:
            return
        data = read(SNIFF_BYTES)


def _flag_lines(lines: list[str], flagged: list[int]) -> Iterator[list[str]]:
    start = 0
    for index, line in enumerate(lines):
        if _SURROGATES.search(line) is not None:
            if start < index:
                yield lines[start:index]
            flagged[0] += 1
            yield [line]
            start = index + 1
    if start < len(lines):
        yield lines[start:]
