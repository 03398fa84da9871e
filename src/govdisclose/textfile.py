"""Reading plain-text files as Chinese offices write them: UTF-8 (with or without BOM) or GB18030.

Files saved on Chinese Windows machines are often GB18030 (GBK) rather than UTF-8, and
Notepad writes a UTF-8 byte-order mark.  :func:`decode_text` tries, in order:

1. a byte-order mark: UTF-8 (``EF BB BF``) or UTF-16 (``FF FE`` / ``FE FF``, as Excel's
   "Unicode text" export writes); the mark is removed;
2. strict UTF-8;
3. strict GB18030.

Bytes that contain NUL without a UTF-16 mark are refused as binary (a ``.xlsx``, ``.docx`` or
``.pdf`` file: export it as text or CSV first).  Anything else that decodes neither way raises
:class:`~govdisclose.errors.InputError` naming the file.  Nothing else is changed: line ends
stay as they are.

>>> from govdisclose.textfile import decode_text
>>> decode_text("救灾名单".encode("gb18030"))
'救灾名单'
>>> decode_text(b"\\xef\\xbb\\xbf" + "公示".encode("utf-8"))
'公示'
>>> decode_text(b"PK\\x03\\x04\\x00\\x00", source="名单.xlsx")
Traceback (most recent call last):
...
govdisclose.errors.InputError: 名单.xlsx: binary file, not plain text; ...
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

from .errors import InputError

__all__ = [
    "MAX_TEXT_BYTES",
    "decode_text",
    "decode_text_with_encoding",
    "read_json_file",
    "read_text_file",
    "read_text_file_with_encoding",
]

#: Files larger than this are refused before reading.
MAX_TEXT_BYTES = 64 * 1024 * 1024


def decode_text(data: bytes, *, source: str = "<bytes>") -> str:
    """Decode a text file's bytes (see the module documentation for the order tried).

    ``source`` names the input in error messages.
    """
    return decode_text_with_encoding(data, source=source)[0]


def decode_text_with_encoding(data: bytes, *, source: str = "<bytes>") -> tuple[str, str]:
    """Decode like :func:`decode_text`; also return the codec used, to write the text back.

    The codec is ``utf-8-sig`` (UTF-8 with its byte-order mark), ``utf-16`` (with its mark),
    ``utf-8`` or ``gb18030``: ``text.encode(codec)`` gives the file's form again.

    >>> decode_text_with_encoding("公示".encode("gb18030"))
    ('公示', 'gb18030')
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError(f"{source}: expected bytes, got {type(data).__name__} (应为字节串)")
    raw = bytes(data)
    if raw.startswith(codecs.BOM_UTF8):
        return _decode(raw, "utf-8-sig", source), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(raw, "utf-16", source), "utf-16"
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(
            f"{source}: an old Office 97-2003 file (.xls/.doc), not plain text; save it as "
            f".xlsx, .csv or .txt first (旧版Office文件，请另存为xlsx、csv或txt)"
        )
    if b"\x00" in raw:
        raise InputError(
            f"{source}: binary file, not plain text; export it as .txt or .csv first "
            f"(二进制文件，不是纯文本；请先另存为文本或CSV)"
        )
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source}: neither UTF-8 nor GB18030 text (byte {exc.start}) "
            f"(既不是UTF-8也不是GB18030编码的文本)"
        ) from None


def _decode(raw: bytes, encoding: str, source: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source}: starts with a {encoding} byte-order mark but is not {encoding} "
            f"(byte {exc.start}) (字节序标记与编码不符)"
        ) from None


def read_text_file(path: str | Path, *, limit: int = MAX_TEXT_BYTES) -> str:
    """Read and decode a whole text file; missing, unreadable or over-large files raise
    :class:`~govdisclose.errors.InputError` naming the file."""
    return read_text_file_with_encoding(path, limit=limit)[0]


def read_json_file(path: str | Path, *, limit: int = MAX_TEXT_BYTES) -> Any:
    """Read a JSON file written in UTF-8 (with or without BOM), UTF-16 or GB18030.

    Broken JSON is an :class:`~govdisclose.errors.InputError` naming the file, line and column.
    """
    text = read_text_file(path, limit=limit)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno} "
            f"(JSON格式错误)"
        ) from None
    except RecursionError:
        raise InputError(f"{path}: JSON nested too deeply (JSON嵌套过深)") from None


def read_text_file_with_encoding(
    path: str | Path, *, limit: int = MAX_TEXT_BYTES
) -> tuple[str, str]:
    """Like :func:`read_text_file`; also return the codec (:func:`decode_text_with_encoding`)."""
    if not isinstance(path, (str, Path)):
        raise InputError(f"expected a file path, got {type(path).__name__} (应为文件路径)")
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > limit:
            raise InputError(f"{file}: file is {size} bytes, more than {limit} (文件过大)")
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{file}: no such file (文件不存在)") from None
    except IsADirectoryError:
        raise InputError(f"{file}: is a directory, not a file (不是文件)") from None
    except OSError as exc:
        raise InputError(f"{file}: cannot read: {exc.strerror} (无法读取)") from None
    return decode_text_with_encoding(data, source=str(file))
