"""textfile: the one file reader, the one decoder, the one JSON parser and writer."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclose._errors import InputError
from govdisclose._files import (
    bom_encoding,
    decode_text,
    describe_content,
    detect_encoding,
    dump_json,
    open_binary,
    parse_json,
    read_bytes,
    read_json_file,
)
from govdisclose.tables._safety import Limits, read_file

# -- read_bytes -------------------------------------------------------------------------------


def test_read_bytes_reads_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_bytes(path, limit=100) == b"x" * 100
    assert read_bytes(str(path), limit=100) == b"x" * 100
    with pytest.raises(InputError, match=r"a\.txt: file is 100 bytes, more than the limit of 99"):
        read_bytes(path, limit=99)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.json", r"missing\.json: no such file \(文件不存在\)"),
        (".", r"is a directory, not a file \(不是文件\)"),
        ("a\x00b.json", r"cannot read: not a usable file name .*\(文件名无效\)"),
        ("x" * 5000 + ".json", r"cannot read: not a usable file name .*\(文件名无效\)"),
    ],
)
def test_read_bytes_refusals_name_the_file(tmp_path: Path, name: str, message: str) -> None:
    path = tmp_path / name if name != "." else tmp_path
    with pytest.raises(InputError, match=message) as caught:
        read_bytes(path, limit=1000)
    assert len(str(caught.value)) < 300


def test_read_bytes_names_the_source_given(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^GOVDISCLOSE_X: no such file"):
        read_bytes(tmp_path / "nope", limit=10, source="GOVDISCLOSE_X")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads all")
def test_read_bytes_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.json"
    path.write_bytes(b"{}")
    path.chmod(0)
    with pytest.raises(InputError, match=r"secret\.json: cannot read: .*\(无法读取\)"):
        read_bytes(path, limit=10)


def test_read_bytes_never_reads_more_than_the_limit_of_a_device() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    with pytest.raises(InputError, match=r"/dev/zero: more than the limit of 1000 bytes"):
        read_bytes("/dev/zero", limit=1000)


def test_an_empty_file_name_is_refused_as_such() -> None:
    for read in (
        lambda: read_bytes("", limit=10),
        lambda: open_binary(""),
        lambda: read_json_file(""),
    ):
        with pytest.raises(InputError, match=r"^the file name is empty \(文件名为空\)$"):
            read()


@pytest.mark.parametrize("junk", [None, 5, b"a.json", ["a.json"]])
def test_read_bytes_refuses_what_is_not_a_path(junk: object) -> None:
    with pytest.raises(InputError, match="expected a file path"):
        read_bytes(junk, limit=10)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="expected a file path"):
        open_binary(junk)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="expected a file path"):
        read_json_file(junk)  # type: ignore[arg-type]


def test_every_reader_uses_it_with_its_own_limit(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_bytes(b"a" * 2000)
    with pytest.raises(InputError, match=r"table\.csv: file is 2000 bytes, more than 1000 bytes"):
        read_file(path, Limits(max_file_bytes=1000))
    with pytest.raises(InputError, match=r"table\.csv: file is 2000 bytes, more than the limit"):
        read_json_file(path, limit=1000)
    with pytest.raises(InputError, match=r"table\.csv: no such file|is a directory"):
        read_file(tmp_path)


# -- decoding ---------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_round_trip_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    text = "一级事项,二级事项\r\n安全生产,“法律法规”\n"
    path = tmp_path / "t.csv"
    path.write_bytes(text.encode(encoding))
    data = read_bytes(path, limit=1000)
    assert decode_text(data) == text and detect_encoding(data) == encoding
    # a file read in blocks, as the scan reads it, is judged alike
    blocks = [data[i : i + 5] for i in range(0, len(data), 5)]
    assert detect_encoding(blocks, whole=True) == encoding


@given(st.text(max_size=50).filter(lambda t: "\x00" not in t and max(t, default="") < "\udc80"))
def test_utf8_text_is_always_read_back(text: str) -> None:
    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(codecs.BOM_UTF8 + text.encode("utf-8")) == text


def test_bom_encoding() -> None:
    assert bom_encoding(codecs.BOM_UTF8 + b"x") == "utf-8-sig"
    assert bom_encoding(codecs.BOM_UTF16_BE + b"\x00x") == "utf-16"
    assert bom_encoding(b"\xff") is None and bom_encoding(b"") is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe{", r"starts with a utf-16 byte-order mark but is not utf-16 \(byte 2\)"),
        (b"\xef\xbb\xbf\xff", r"starts with a utf-8-sig byte-order mark but is not utf-8-sig"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", r"binary file \(an old-format Excel .*另存为"),
        (b"%PDF-1.7\n\x00\x01", r"binary file \(a PDF document\), not plain text"),
        (b"abc\x00", r"binary file \(a binary file of unknown type\)"),
        (b"abc\x80\x80", r"neither UTF-8 nor GB18030 text \(byte 3\)"),
    ],
)
def test_what_is_not_text_is_named(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=f"^名单.txt: {message}"):
        decode_text(data, source="名单.txt")


def test_decode_takes_any_bytes_like() -> None:
    assert decode_text(bytearray(b"ok")) == decode_text(memoryview(b"ok")) == "ok"


@pytest.mark.parametrize("size", [4, 7, 4096])
def test_blocks_judge_like_the_whole(size: int) -> None:
    """A file read in blocks (any size) gets the whole file's encoding, or its refusal."""
    cases = [
        "公示".encode() + b"x" * 5000 + "名单".encode("gb18030"),  # GB18030 late in the file
        "公示公示公示".encode() + b"\xff",
        b"abc\x80\x80",
        b"\xff\xfe{",
        "一级事项".encode("gb18030"),
    ]
    for data in cases:
        blocks = [data[i : i + size] for i in range(0, len(data), size)]
        try:
            expected = detect_encoding(data, whole=True, source="f")
        except InputError as exc:
            with pytest.raises(InputError) as caught:
                detect_encoding(blocks, whole=True, source="f")
            assert str(caught.value) == str(exc)
        else:
            assert detect_encoding(blocks, whole=True, source="f") == expected
    with pytest.raises(InputError, match=r"^f: binary file"):  # a NUL in any block
        detect_encoding([b"a" * size, b"b\x00"], whole=True, source="f")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"", "an empty file"),
        (b"PK\x03\x04rest", "a ZIP archive"),
        (codecs.BOM_UTF16_LE + "表".encode("utf-16-le"), "a text file"),
        ("一级事项".encode("gb18030"), "a text file"),
        ("一级事项".encode()[:-1], "a text file"),  # a character cut at the end of the head
        (b"<!DOCTYPE html><table>", "an HTML page (some systems save these as .xls)"),
        (b"\xef\xbb\xbf<?xml version", "an XML file (perhaps an Excel 2003 XML spreadsheet)"),
        (b"\x80\xff\x80" * 10, "a binary file of unknown type"),
    ],
)
def test_describe_content(data: bytes, what: str) -> None:
    assert describe_content(data) == what


# -- JSON -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a": 1,\n "b": }', r"^f\.json: not valid JSON: Expecting value at line 2 column 7"),
        ("[" * 100_000, r"^f\.json: JSON nested too deeply \(JSON嵌套过深\)"),
        ("1" * 5000, r"^f\.json: not valid JSON: .*digits"),
        ("", r"^f\.json: not valid JSON: Expecting value at line 1 column 1"),
        # an escape of half a surrogate pair is no character: it could not be written again
        ('{"\\ud800x": 1}', r"^f\.json: not valid JSON: '\\ud800x' holds half a surrogate"),
        ('[1, ["\\udfff"]]', r"^f\.json: not valid JSON: '\\udfff' holds half a surrogate"),
        ('{"a": "\\ude00\\ud83d"}', r"half a surrogate"),  # a pair in the wrong order
    ],
)
def test_parse_json_says_where(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_json(text, source="f.json")


def test_parse_json_without_source_and_with_junk() -> None:
    assert parse_json('{"领域": "救灾"}') == {"领域": "救灾"}
    assert parse_json('["\\ud83d\\ude00", "\\\\ud800"]') == ["\U0001f600", "\\ud800"]
    with pytest.raises(InputError, match=r"^not valid JSON"):
        parse_json("{")
    with pytest.raises(InputError, match="expected JSON text, got bytes"):
        parse_json(b"{}")  # type: ignore[arg-type]


def test_read_json_file_in_gb18030_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "目录.json"
    path.write_bytes('{"title": "救灾"}'.encode("gb18030"))
    assert read_json_file(path) == {"title": "救灾"}
    path.write_bytes(b'{"title": ')
    with pytest.raises(InputError, match=r"目录\.json: not valid JSON: .* line 1 column 11"):
        read_json_file(path)


def test_dump_json_keeps_chinese_readable_with_a_final_newline() -> None:
    value = {"title": "安全生产", "items": [1, {"a": None}]}
    assert dump_json(value).endswith("\n") and "安全生产" in dump_json(value)
    assert json.loads(dump_json(value)) == value
