"""Undecodable bytes in a log: found on their own line, without slowing down the other records."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclose._errors import InputError
from govdisclose.audit import Auditor, audit_file
from govdisclose.audit import _engine as engine
from govdisclose.audit._decoding import ERROR_HANDLER, SNIFF_BYTES, line_batches
from govdisclose.audit._logfile import open_log

AS_OF = dt.date(2024, 12, 31)
GOOD_ROW = "安全生产,法律法规,2024-09-02,2024-09-30,政府网站,标题,N1\n"
HEADER = "领域,事项,形成日期,公开日期,渠道,标题,编号\n"


def log_bytes(rows: int, bad: dict[int, bytes], *, encoding: str = "utf-8") -> bytes:
    """A log of ``rows`` good records; record ``n`` (1-based) of ``bad`` gets those bytes in
    its title."""
    out = [HEADER.encode(encoding)]
    for n in range(1, rows + 1):
        row = GOOD_ROW.encode(encoding)
        if n in bad:
            row = row.replace("标题".encode(encoding), bad[n])
        out.append(row)
    return b"".join(out)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many rows the engine looked at closely (``row_problems``), by line."""
    seen: list[int] = []
    real = engine.row_problems

    def counting(row: Any, columns: Any, width: int) -> Any:
        seen.append(len(seen))
        return real(row, columns, width)

    monkeypatch.setattr(engine, "row_problems", counting)
    return seen


def bad_lines(result: Any) -> list[int]:
    return [f.data["line"] for f in result.report.filter(code="audit.bad-record")]


def test_one_bad_byte_slows_down_only_its_own_record(tmp_path: Path, calls: list[int]) -> None:
    # 5000 rows are several chunks of SNIFF_BYTES; the bad byte is in the first record.
    data = log_bytes(5000, {1: b"\xff"})
    assert len(data) > 3 * SNIFF_BYTES
    path = tmp_path / "log.csv"
    path.write_bytes(data)
    result = audit_file(path, as_of=AS_OF)
    assert (result.records, result.invalid, bad_lines(result)) == (5000, 1, [2])
    assert len(calls) == 1  # not 5000: the other records take the fast path


def test_bad_bytes_deep_inside_a_chunk_and_across_chunks_are_all_found(
    tmp_path: Path, calls: list[int]
) -> None:
    # Rows 100 and 101 share a chunk with row 1 (decoded together, long before they are read);
    # a row straddling the first chunk boundary; two in the last chunk; one at the very end.
    size = len(GOOD_ROW.encode())
    straddling = (SNIFF_BYTES - len(HEADER.encode())) // size + 1
    assert 0 < len(HEADER.encode()) + straddling * size - SNIFF_BYTES < size
    bad = {n: b"\x80" * 6 for n in (1, 100, 101, straddling, 3998, 3999, 4000)}  # as "标题"
    path = tmp_path / "log.csv"
    path.write_bytes(log_bytes(4000, bad))
    result = audit_file(path, as_of=AS_OF)
    assert bad_lines(result) == [n + 1 for n in sorted(bad)]
    assert result.invalid == len(bad) and result.totals.on_time == 4000 - len(bad)
    assert len(calls) <= len(bad) + 1


def test_a_gb18030_log_with_a_bad_byte_and_a_multi_line_record(
    tmp_path: Path, calls: list[int]
) -> None:
    rows = [HEADER] + [GOOD_ROW] * 3000
    rows[1500] = '安全生产,法律法规,2024-09-02,2024-09-30,政府网站,"两行\r\n标题",N1\n'
    data = "".join(rows).encode("gb18030").replace("两行".encode("gb18030"), b"\x81\x20", 1)
    path = tmp_path / "log.csv"
    path.write_bytes(data)
    result = audit_file(path, as_of=AS_OF)
    assert (result.encoding, bad_lines(result)) == ("gb18030", [1501])
    assert len(calls) <= 2


def test_jsonl_lines_with_bad_bytes(calls: list[int]) -> None:
    line = b'{"domain": "work_safety", "item": "policy_documents.1", "formed": "2024-09-02", '
    good = line + b'"published": "2024-09-30", "title": "ok"}\r\n'
    bad = line + b'"published": "2024-09-30", "title": "\xe4\xb8\xff"}\r\n'
    data = good * 2000 + bad + good * 2000 + bad
    result = audit_file(io.BytesIO(data), as_of=AS_OF)
    assert (result.format, bad_lines(result)) == ("jsonl", [2001, 4002])
    assert len(calls) <= 3


def test_another_log_in_the_same_process_is_not_slowed_down(
    tmp_path: Path, calls: list[int]
) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_bytes(log_bytes(3000, {n: b"\xff" for n in range(1, 3001, 7)}))
    clean = tmp_path / "clean.csv"
    clean.write_bytes(log_bytes(3000, {}))
    auditor = Auditor(as_of=AS_OF)
    with open_log(broken) as first, open_log(clean) as second:
        started = auditor.iter(first)
        list(itertools.islice(started, 10))  # undecodable bytes decoded and pending in `first`
        before = len(calls)
        Auditor(as_of=AS_OF).run(second)
        assert len(calls) == before  # the clean log never looks closely at a record
        list(started)
    assert auditor.result().invalid == len(range(1, 3001, 7))


# -- line splitting is that of a text file opened with newline="" ----------------------------

PIECES = ["a", "中", ",", "\n", "\r", "\r\n", "\x85", "\u2028", "\x0c", '"', "\udcff"]


@settings(max_examples=150, deadline=None)
@given(
    parts=st.lists(st.sampled_from(PIECES), max_size=60),
    sizes=st.lists(st.integers(1, 7), min_size=1, max_size=10),
    encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]),
)
def test_lines_and_flags_match_a_text_stream(
    parts: list[str], sizes: list[int], encoding: str
) -> None:
    text = "".join(parts)
    if encoding == "utf-16":  # a truncated last character is what cannot be decoded
        data = text.replace("\udcff", "").encode(encoding)
        data = data[:-1] if "\udcff" in text else data
    else:
        data = text.encode(encoding, "surrogateescape")  # \udcff: the byte FF
    expected = list(io.TextIOWrapper(io.BytesIO(data), encoding, ERROR_HANDLER, newline=""))
    stream = io.BytesIO(data[3:])
    chunk_sizes = itertools.cycle(sizes)

    def read(_: int) -> bytes:
        return stream.read(next(chunk_sizes))

    flagged = [0]
    seen: list[str] = []
    for batch in line_batches(data[:3], read, encoding, flagged):
        flags_before = flagged[0]
        seen.extend(batch)
        if any(0xDC00 <= ord(ch) <= 0xDCFF for line in batch for ch in line):
            assert len(batch) == 1 and flags_before >= 1  # counted as it is handed out
    assert seen == expected
    assert flagged[0] == sum(1 for line in expected if any("\udc00" <= c <= "\udcff" for c in line))


def test_a_long_line_without_breaks_is_read_in_linear_time() -> None:
    data = b"x" * (15 * SNIFF_BYTES) + b"\n" + b"y"
    stream = io.BytesIO(data)
    lines = list(itertools.chain.from_iterable(line_batches(b"", stream.read, "utf-8", [0])))
    assert [len(line) for line in lines] == [15 * SNIFF_BYTES + 1, 1]


# -- the first bytes: textfile's rules and messages ------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, r"old-format Excel 97-2003 \(\.xls\)"),
        (b"PK\x03\x04\x00\x00", r"binary file \(a ZIP archive\)"),
        (b"domain,item\n" + b"\x80\xff\x80" * 50, r"neither UTF-8 nor GB18030 text \(byte 12\)"),
    ],
)
def test_first_bytes_are_refused_like_any_text_file(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        open_log(io.BytesIO(data))


def test_a_pipe_is_read_as_it_comes(tmp_path: Path) -> None:
    class Pipe(io.RawIOBase):
        """A raw stream giving at most 100 bytes per read, as a pipe does."""

        def __init__(self, data: bytes) -> None:
            self.data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            chunk = self.data.read(min(len(buffer), 100))
            buffer[: len(chunk)] = chunk
            return len(chunk)

    data = codecs.BOM_UTF8 + log_bytes(2000, {1500: b"\xfe"})
    result = audit_file(io.BufferedReader(Pipe(data)), as_of=AS_OF)
    assert (result.encoding, bad_lines(result), result.totals.on_time) == (
        "utf-8-sig",
        [1501],
        1999,
    )


def test_a_stream_that_fails_to_read_is_an_input_error() -> None:
    class Failing(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            raise OSError(5, "Input/output error")

    with pytest.raises(InputError, match=r"<stream>: cannot read: Input/output error"):
        open_log(Failing())


def test_a_gb18030_log_whose_first_64_kib_are_ascii_is_read_as_gb18030(tmp_path: Path) -> None:
    rows = [HEADER] + [GOOD_ROW.replace("安全生产", "work_safety")] * 3000
    rows.append(GOOD_ROW)
    head = "".join(rows[:-1]).encode("ascii", "ignore")
    assert len(head) > SNIFF_BYTES and head.isascii()
    path = tmp_path / "log.csv"
    path.write_bytes("".join(rows).encode("gb18030"))
    result = audit_file(path, as_of=AS_OF)
    assert (bad_lines(result), result.records, result.invalid) == ([], 3001, 0)
