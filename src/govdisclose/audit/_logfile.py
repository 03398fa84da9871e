"""Reading publication logs as streams: encoding, CSV or JSON Lines, headers, dates.

A log is read **lazily**, row by row; nothing is kept.  :func:`open_log` opens a file, a binary
stream or ``-`` (standard input) and returns a :class:`LogSource` whose :attr:`~LogSource.rows`
the audit engine iterates.  :func:`rows_from_records` does the same for an iterable of mappings
or :class:`LogRecord` objects.

**Encoding.**  The first :data:`SNIFF_BYTES` bytes decide (the same order and messages as
:mod:`govdisclose._files`; :mod:`govdisclose.audit._decoding`): a UTF-8 or UTF-16
byte-order mark; else UTF-8 if those bytes are UTF-8 (or nearly all of them are: a few
corrupt bytes in otherwise UTF-8 text); else GB18030.  An old Office file, or NUL bytes
without a UTF-16 mark, mean a binary file (an ``.xls``, an ``.xlsx``): refused.  Bytes
further on that do not decode in the chosen encoding do not stop the reading: the record
that holds them becomes a ``bad-record`` finding (``undecodable``) with its line number.
So a GB18030 log whose first 64 KiB happen to be plain ASCII is read as UTF-8 and its later
Chinese records are reported as undecodable: give the encoding (``encoding="gb18030"``,
``--encoding gb18030``) for such a file.

**Format.**  The first non-blank line decides: ``{`` starts JSON Lines (one object per
line), anything else is CSV with a header row (comma-separated, or tab-separated when the
header line has tabs and no commas).  A format given by the caller that the first line
evidently contradicts (``jsonl`` for a file starting with a CSV header, ``csv`` for one
starting with a JSON object) is refused.  ``utf-16`` given for a file without a UTF-16
byte-order mark is refused too (little- and big-endian cannot be told apart).

Fields, header names and date forms: :mod:`govdisclose.audit._log_record`.
"""

from __future__ import annotations

import codecs
import collections
import contextlib
import csv
import itertools
import json
import json.scanner
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import IO, Any

import attrs

from .._errors import InputError
from .._files import DuplicateKeyError, detect_encoding, json_object, open_binary
from ._decoding import (
    SNIFF_BYTES,
    line_batches,
    printable,
)
from ._log_record import (
    FIELDS,
    HEADER_ALIASES,
    REQUIRED_FIELDS,
    BadRow,
    LogRecord,
    RowMaker,
    field_for_header,
)


class LineWindow:
    """The last few batches of lines read from a file, by line number (1 is the first line).

    A CSV field that opens with a quote runs on over line ends until the quote closes: a
    stray quote makes one record of many lines.  The engine then reads those lines again,
    one by one, from here (a CSV field is at most 128 KiB, which the window holds).
    """

    __slots__ = ("_batches", "_next")

    def __init__(self) -> None:
        self._batches: collections.deque[tuple[int, list[str]]] = collections.deque(maxlen=16)
        self._next = 1

    def record(self, batches: Iterable[list[str]]) -> Iterator[list[str]]:
        """Hand the batches on, remembering the last ones."""
        for batch in batches:
            self._batches.append((self._next, batch))
            self._next += len(batch)
            yield batch

    def lines(self, first: int, last: int) -> list[str] | None:
        """Lines ``first`` to ``last``, or ``None`` when they are no longer held."""
        out: list[str] = []
        for start, batch in self._batches:
            low, high = max(first, start), min(last, start + len(batch) - 1)
            if low <= high:
                out.extend(batch[low - start : high - start + 1])
        return out if len(out) == last - first + 1 else None


class LineCounter:
    """A line counter with the ``line_num`` attribute :class:`csv.reader` objects have."""

    __slots__ = ("line_num",)

    def __init__(self, line_num: int = 0) -> None:
        self.line_num = line_num


def rows_from_records(
    records: Iterable[Mapping[str, Any] | LogRecord],
    counter: LineCounter,
    ignored: set[str],
) -> Iterator[Sequence[Any]]:
    """Rows in :data:`FIELDS` order from mappings or :class:`LogRecord` objects, lazily.

    Keys are field names or header aliases; other keys are added to ``ignored``.
    ``counter.line_num`` is the 1-based position of the record yielded last.
    """
    make_row = RowMaker(ignored)
    for record in records:
        counter.line_num += 1
        if isinstance(record, LogRecord):
            yield make_row({name: getattr(record, name) for name in FIELDS})
        elif isinstance(record, Mapping):
            yield make_row(record)
        else:
            yield BadRow(
                ("not_object",), f"a record must be a mapping, not {type(record).__name__}"
            )


# -- files and streams ---------------------------------------------------------------------


@attrs.define
class LogSource:
    """An opened log: its rows (lazy), where each field is in a row, and how it was read.

    ``columns`` gives, for each of :data:`FIELDS`, the index of its value in a row (``None``
    when the log has no such column); ``width`` is the number of values a good row has.
    ``counter.line_num`` is the last line read (for iterables: the record's position).
    ``undecodable[0]`` counts the lines holding undecodable bytes read since the engine last
    looked: while it is above zero the engine checks the record closely, then sets it to 0.
    """

    name: str
    rows: Iterator[Sequence[Any]]
    columns: tuple[int | None, ...]
    width: int
    counter: Any
    format: str
    encoding: str | None = None
    has_lines: bool = True
    ignored: set[str] = attrs.field(factory=set)
    undecodable: list[int] = attrs.field(factory=lambda: [0])
    #: The last lines read, to read again those a CSV quote ran over (files only).
    window: LineWindow | None = None
    #: The file opened for the log (a path given), which :meth:`close` closes; never a
    #: stream given by the caller.
    opened: IO[bytes] | None = None

    def close(self) -> None:
        """Close the file opened for the log; a stream given by the caller stays open."""
        _close(self.opened)
        self.opened = None

    def __enter__(self) -> LogSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def source_from_records(records: Iterable[Mapping[str, Any] | LogRecord]) -> LogSource:
    """A :class:`LogSource` over records given as objects.

    Raises :class:`InputError` when ``records`` is not an iterable of records: ``None``, a
    number, text or bytes, or a single mapping (pass a list holding it).
    """
    if isinstance(records, Mapping | LogRecord):
        raise InputError(
            f"records must be an iterable of records, not one {type(records).__name__}; "
            f"pass a list holding it (records 应为记录的列表或迭代器)"
        )
    if isinstance(records, str | bytes | bytearray) or not _iterable(records):
        raise InputError(
            f"records must be an iterable of mappings or LogRecord objects (a list, a "
            f"generator …), not {type(records).__name__} (records 应为记录的列表或迭代器)"
        )
    return _mapping_source("records", rows_from_records, records, "records")


def _mapping_source(
    name: str,
    read: Callable[[Any, LineCounter, set[str]], Iterator[Sequence[Any]]],
    items: Iterable[Any],
    format: str,
    *,
    line: int = 0,
    encoding: str | None = None,
) -> LogSource:
    """A log whose rows ``read`` makes from mappings (records given as objects, JSON Lines),
    every field in :data:`FIELDS` order; ``line`` is the line before the first item."""
    counter, ignored = LineCounter(line), set[str]()
    return LogSource(
        name=name,
        rows=read(items, counter, ignored),
        columns=tuple(range(len(FIELDS))),
        width=len(FIELDS),
        counter=counter,
        format=format,
        encoding=encoding,
        has_lines=format != "records",
        ignored=ignored,
    )


def _iterable(value: object) -> bool:
    try:
        iter(value)  # type: ignore[call-overload]
    except TypeError:
        return False
    return True


def _binary(source: str | os.PathLike[str] | IO[bytes]) -> tuple[IO[bytes], str, bool]:
    """The stream of a log, its name, and whether it was opened here (a path: closed here)."""
    if isinstance(source, (str, os.PathLike)):
        try:
            stdin = os.fspath(source) == "-"
        except TypeError:  # a PathLike giving neither str nor bytes: open_binary says so
            stdin = False
        if stdin:
            return sys.stdin.buffer, "<stdin>", False
        stream = open_binary(source)  # InputError naming the file when it cannot be opened
        return stream, printable(os.fspath(source)), True
    if not callable(getattr(source, "read", None)):
        raise InputError(
            f"a log is a file name (str or Path), '-' or a binary stream, not "
            f"{type(source).__name__} (应为文件名或二进制流)"
        )
    name = getattr(source, "name", None)
    return source, name if isinstance(name, str) else "<stream>", False


def _close(stream: IO[bytes] | None) -> None:
    if stream is not None:
        with contextlib.suppress(OSError, ValueError):
            stream.close()


#: Encodings a caller may name instead of letting the first bytes decide.
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def open_log(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    name: str | None = None,
    format: str | None = None,
    encoding: str | None = None,
) -> LogSource:
    """Open a publication log for streaming (``-`` is standard input).

    ``format`` is ``"csv"``, ``"jsonl"`` or ``None`` (judged from the first non-blank line);
    ``encoding`` one of :data:`ENCODINGS` or ``None`` (judged from the first bytes).
    Raises :class:`InputError` for a missing file, undecodable or binary input, an empty log,
    or a CSV header without the required columns.
    """
    if format not in (None, "csv", "jsonl"):
        raise InputError(f"unknown log format {format!r}; use csv or jsonl (未知的格式)")
    if encoding is not None and encoding not in ENCODINGS:
        raise InputError(
            f"unsupported encoding {encoding!r}; use one of {', '.join(ENCODINGS)} (不支持的编码)"
        )
    binary, label, owned = _binary(source)
    label = name or label
    try:
        prefix = binary.read(SNIFF_BYTES)
        if not isinstance(prefix, bytes | bytearray):
            raise InputError(
                f"{label}: a text stream; give a binary one (open(..., 'rb'), io.BytesIO) so "
                f"that the encoding can be told (应为二进制流)"
            )
        prefix = bytes(prefix)
        judged = encoding is None
        if encoding is None:
            encoding = detect_encoding(prefix, complete=len(prefix) < SNIFF_BYTES, source=label)
        elif encoding == "utf-16" and prefix and not prefix.startswith(_UTF16_BOMS):
            raise InputError(
                f"{label}: --encoding utf-16 but the file does not start with a UTF-16 "
                f"byte-order mark (BOM), so it is not UTF-16 text as given; leave the encoding "
                f"out to have it told from the content (文件开头没有UTF-16字节顺序标记)"
            )
        read1 = getattr(binary, "read1", None)  # what is there: a pipe's lines come as written
        flagged = [0]
        chosen: dict[str, Any] = {}  # the encoding the stream decided, and the log it is for

        def decided(name: str) -> None:
            chosen["encoding"] = name
            if "log" in chosen:
                chosen["log"].encoding = name

        reader = read1 if callable(read1) else binary.read
        batches = line_batches(
            prefix, reader, encoding, flagged, decided=decided if judged else None, source=label
        )
        window = LineWindow()
        lines = itertools.chain.from_iterable(window.record(batches))
        log = _open_lines(lines, label, encoding, format)
        log.window = window
        log.encoding = chosen.get("encoding", log.encoding)
        chosen["log"] = log
    except BaseException as exc:
        _close(binary if owned else None)
        if isinstance(exc, OSError):  # opened, but reading fails
            raise InputError(f"{label}: cannot read: {exc.strerror or exc} (无法读取)") from None
        raise
    log.undecodable = flagged
    log.opened = binary if owned else None
    return log


def _open_lines(lines: Iterator[str], label: str, encoding: str, format: str | None) -> LogSource:
    blank = 0
    first = ""
    for first in lines:
        if first.strip():
            break
        blank += 1
    else:
        raise InputError(f"{label}: the log is empty (记录文件为空)")
    looks_json = first.lstrip().startswith("{")
    chosen = format or ("jsonl" if looks_json else "csv")
    if first.lstrip().startswith("[") and format is None:
        raise InputError(
            f"{label}: a JSON array; write one JSON object per line (JSON Lines) instead "
            f"(请使用每行一个JSON对象的JSON Lines格式)"
        )
    if format == "csv" and looks_json:
        raise InputError(
            f"{label}: the first line is a JSON object, not a CSV header: the log looks like "
            f"JSON Lines; use --log-format jsonl (format='jsonl') or leave the format out "
            f"(看起来是JSON Lines而不是CSV)"
        )
    if format == "jsonl" and not looks_json and _is_csv_header(first):
        raise InputError(
            f"{label}: the first line is a CSV header ({printable(first.strip())[:60]}), not a "
            f"JSON object: the log looks like CSV; use --log-format csv (format='csv') or leave "
            f"the format out (看起来是CSV而不是JSON Lines)"
        )
    rest = itertools.chain([first], lines)
    if chosen == "jsonl":
        return _mapping_source(label, _jsonl_rows, rest, "jsonl", line=blank, encoding=encoding)
    delimiter = "\t" if "\t" in first and "," not in first else ","
    # The blank lines before the header go through the reader too, so that it counts them.
    reader = csv.reader(itertools.chain(itertools.repeat("\n", blank), rest), delimiter=delimiter)
    for _ in range(blank):
        next(reader)
    try:
        header = next(reader)
    except csv.Error as exc:  # a header over the csv module's field limit, a NUL …
        raise InputError(
            f"{label}: line {blank + 1}: the header is not valid CSV: {exc} (表头CSV格式错误)"
        ) from None
    columns, ignored_columns = _map_header(header, label)
    return LogSource(
        name=label,
        rows=reader,
        columns=columns,
        width=len(header),
        counter=reader,
        format="csv" if delimiter == "," else "tsv",
        encoding=encoding,
        ignored=ignored_columns,
    )


def _is_csv_header(line: str) -> bool:
    """Whether a line names the required columns, comma- or tab-separated."""
    for delimiter in (",", "\t"):
        try:
            cells = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            return False
        named = {field_for_header(cell.lstrip("\ufeff")) for cell in cells}
        if all(field in named for field in REQUIRED_FIELDS):
            return True
    return False


def _map_header(header: Sequence[str], label: str) -> tuple[tuple[int | None, ...], set[str]]:
    where: dict[str, int] = {}
    ignored: set[str] = set()
    for index, cell in enumerate(header):
        field = field_for_header(cell.lstrip("\ufeff"))
        if field is None:
            ignored.add(printable(cell))
        elif field in where:
            raise InputError(
                f"{label}: line 1: two columns for {field}: {header[where[field]]!r} and "
                f"{cell!r} (列重复)"
            )
        else:
            where[field] = index
    missing = [field for field in REQUIRED_FIELDS if field not in where]
    if len(missing) == len(REQUIRED_FIELDS):
        raise InputError(
            f"{label}: no recognisable header: the first line must name the columns "
            f"domain/领域, item/事项, formed/形成日期, published/公开日期; got "
            f"{', '.join(repr(c) for c in header[:8])} (未找到表头)"
        )
    if missing:
        names = ", ".join(f"{f}/{HEADER_ALIASES[f][0]}" for f in missing)
        raise InputError(f"{label}: the header has no column for {names} (表头缺少必需的列)")
    return tuple(where.get(field) for field in FIELDS), ignored


def _jsonl_rows(
    lines: Iterable[str], counter: LineCounter, ignored: set[str]
) -> Iterator[Sequence[Any]]:
    """The rows of JSON Lines.  A line holding one object of text values, each key once, is
    read by the C scanner alone (pairs, so that a key given twice shows); any other line is
    read again by the full decoder, which says what is wrong with it."""
    decoder = json.JSONDecoder(object_pairs_hook=tuple)
    scan = json.scanner.make_scanner(decoder)  # type: ignore[arg-type]
    make_row = RowMaker(ignored)
    for line in lines:
        counter.line_num += 1
        try:
            pairs, end = scan(line, 0)
        except (StopIteration, ValueError, RecursionError):
            pairs, end = None, 0
        if pairs.__class__ is tuple and (end == len(line) or line[end:].isspace()):
            record = dict(pairs)
            if len(record) == len(pairs):
                row = make_row(record)
                if not isinstance(row, BadRow):
                    yield row
                    continue
        yield _json_row(line, make_row)


_LOADS = json.JSONDecoder(object_pairs_hook=json_object).decode


def _json_row(line: str, make_row: RowMaker) -> Sequence[Any]:
    """The row of a line of JSON Lines, or why it is not a record."""
    if not line.strip():
        return ()
    try:
        value = _LOADS(line)
    except DuplicateKeyError as exc:
        return BadRow(("duplicate_key",), f"the key {exc.key!r} is given twice in one object")
    except ValueError as exc:
        return BadRow(("bad_json",), f"not JSON: {exc.args[0] if exc.args else exc}")
    except RecursionError:
        return BadRow(("bad_json",), "not JSON this library reads: nested too deeply")
    if not isinstance(value, dict):
        return BadRow(("not_object",), f"a JSON {type(value).__name__}, not an object")
    return make_row(value)
