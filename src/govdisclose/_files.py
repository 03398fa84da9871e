"""Text files as Chinese offices write them: reading, telling the encoding, JSON in and out.

Files saved on Chinese Windows machines are often GB18030 (GBK) rather than UTF-8, and
Notepad writes a UTF-8 byte-order mark.  :func:`decode_text` tries, in order:

1. a byte-order mark (:func:`bom_encoding`): UTF-8 (``EF BB BF``) or UTF-16 (``FF FE`` /
   ``FE FF``, as Excel's "Unicode text" export writes); the mark is removed;
2. an old Office 97-2003 file (``.xls``, ``.doc``) or bytes holding NUL are refused as not
   text (:func:`refuse_binary`, saying what the file looks like: :func:`describe_content`);
3. strict UTF-8;
4. strict GB18030.

Anything else raises :class:`~govdisclose._errors.InputError` naming the file.  Nothing else
is changed: line ends stay as they are.  Every file of the library is read through
:func:`read_bytes` (missing, directory, unreadable and too large files are one
:class:`~govdisclose._errors.InputError` each, naming the file), and JSON text is parsed by
:func:`parse_json` (line and column of broken JSON) and written by :func:`dump_json`.

>>> from govdisclose._files import decode_text, parse_json
>>> decode_text("救灾名单".encode("gb18030"))
'救灾名单'
>>> decode_text(b"\\xef\\xbb\\xbf" + "公示".encode("utf-8"))
'公示'
>>> decode_text(b"PK\\x03\\x04\\x00\\x00", source="名单.xlsx")
Traceback (most recent call last):
...
govdisclose._errors.InputError: 名单.xlsx: binary file (a ZIP archive), not plain text; ...
>>> parse_json('{"a": [1, 2}', source="目录.json")
Traceback (most recent call last):
...
govdisclose._errors.InputError: 目录.json: not valid JSON: ... at line 1 column 12 (JSON格式错误)
"""

from __future__ import annotations

import codecs
import errno
import json
import os
from pathlib import Path
from typing import Any, BinaryIO

from ._errors import InputError, short_repr

__all__ = [
    "MAX_TEXT_BYTES",
    "bom_encoding",
    "decode_text",
    "decode_text_with_encoding",
    "describe_content",
    "dump_json",
    "open_binary",
    "parse_json",
    "read_bytes",
    "read_json_file",
    "read_text_file",
    "read_text_file_with_encoding",
    "refuse_binary",
    "undecodable_error",
]

#: Files larger than this are refused before reading.
MAX_TEXT_BYTES = 64 * 1024 * 1024

# -- files ------------------------------------------------------------------------------------


def _shown(name: str) -> str:
    """A file name safe to print (undecodable bytes of the name as ``\\udcXX``)."""
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _file_error(
    name: str, exc: OSError | ValueError, path: str | os.PathLike[str] | None = None
) -> InputError:
    """The :class:`InputError` for a file that cannot be opened or read."""
    shown = _shown(name)
    if isinstance(exc, ValueError) or exc.errno == errno.ENAMETOOLONG:  # ValueError: a NUL
        reason = exc.strerror if isinstance(exc, OSError) else exc
        return InputError(
            f"{short_repr(shown)}: cannot read: not a usable file name ({reason}) (文件名无效)"
        )
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{shown}: no such file (文件不存在)")
    if isinstance(exc, IsADirectoryError) or (path is not None and os.path.isdir(path)):
        return InputError(f"{shown}: is a directory, not a file (不是文件)")
    return InputError(f"{shown}: cannot read: {exc.strerror or exc} (无法读取)")


def _path_name(path: object) -> str:
    """The path as text, refusing what is not a file path."""
    try:
        name = os.fspath(path) if isinstance(path, (str, os.PathLike)) else None
    except TypeError:  # a PathLike whose __fspath__ gives neither str nor bytes
        name = None
    if not isinstance(name, str):
        raise InputError(f"expected a file path, got {short_repr(path)} (应为文件路径)")
    return name


def open_binary(path: str | os.PathLike[str], *, source: str | None = None) -> BinaryIO:
    """Open a file for reading bytes; ``source`` names it in messages (default: the path).

    A missing file, a directory, a file that cannot be opened and a name that is not a
    usable file name raise :class:`~govdisclose._errors.InputError` naming the file.
    """
    name = _path_name(path)
    try:
        return open(path, "rb")  # the caller closes it
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise _file_error(source if source is not None else name, exc, path) from None


def read_bytes(path: str | os.PathLike[str], *, limit: int, source: str | None = None) -> bytes:
    """A whole file's bytes, refusing a missing, unreadable or larger than ``limit`` file.

    Every refusal is an :class:`~govdisclose._errors.InputError` naming the file (``source``,
    or the path); the size is checked before anything is read, and no more than ``limit``
    bytes are ever read (a device or a growing file is cut off and refused).

    >>> read_bytes("no-such-file.json", limit=1024)
    Traceback (most recent call last):
    ...
    govdisclose._errors.InputError: no-such-file.json: no such file (文件不存在)
    """
    with open_binary(path, source=source) as file:
        name = source if source is not None else _path_name(path)
        try:
            size = os.fstat(file.fileno()).st_size
            if size > limit:
                raise InputError(
                    f"{_shown(name)}: file is {size} bytes, more than the limit of {limit} "
                    f"(文件过大)"
                )
            data = file.read(limit + 1)
        except OSError as exc:
            raise _file_error(name, exc, path) from None
    if len(data) > limit:
        raise InputError(f"{_shown(name)}: more than the limit of {limit} bytes (文件过大)")
    return data


# -- what the bytes are -----------------------------------------------------------------------

_OLD_OFFICE = b"\xd0\xcf\x11\xe0"
_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (
        _OLD_OFFICE,
        "an old-format Excel 97-2003 (.xls), Word 97-2003 (.doc) or password-protected Office file",
    ),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{\\rtf", "an RTF document"),
    (b"Rar!", "a RAR archive"),
    (b"\x1f\x8b", "a gzip file"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)


def bom_encoding(prefix: bytes) -> str | None:
    """The codec a byte-order mark at the start of ``prefix`` names, or ``None``.

    ``utf-8-sig`` or ``utf-16`` (either byte order): decoding with it removes the mark.

    >>> bom_encoding(codecs.BOM_UTF16_LE + "公示".encode("utf-16-le")), bom_encoding(b"abc")
    ('utf-16', None)
    """
    if prefix.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if prefix.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def describe_content(data: bytes) -> str:
    """What the bytes look like, for messages: ``a PDF document``, ``a text file`` …

    >>> describe_content(b"%PDF-1.7 ...")
    'a PDF document'
    >>> describe_content(b"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1")
    'an old-format Excel 97-2003 (.xls), Word 97-2003 (.doc) or password-protected Office file'
    >>> describe_content("一级事项,二级事项".encode())
    'a text file'
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    head = data[:4096]
    if not head:
        return "an empty file"
    if bom_encoding(head) == "utf-16":  # text, though it holds NUL bytes
        return "a text file"
    if b"\x00" not in head:
        text = head.lstrip(codecs.BOM_UTF8 + b" \t\r\n").lower()
        if text.startswith((b"<!doctype html", b"<html", b"<table")):
            return "an HTML page (some systems save these as .xls)"
        if text.startswith(b"<?xml"):
            return "an XML file (perhaps an Excel 2003 XML spreadsheet)"
        for encoding in ("utf-8", "gb18030"):
            try:
                head.decode(encoding)
            except UnicodeDecodeError as exc:
                if exc.start < len(head) - 4:  # not just a character cut at the end
                    continue
            return "a text file"
    return "a binary file of unknown type"


def refuse_binary(data: bytes, *, source: str) -> None:
    """Refuse the start of a file without byte-order mark that is not text: an old Office
    file, or bytes holding NUL (an ``.xlsx``, a PDF …).  The message says what it looks like.
    """
    if data.startswith(_OLD_OFFICE):
        raise InputError(
            f"{source}: binary file ({describe_content(data)}), not plain text; save it as "
            f".xlsx, .csv or .txt first (旧版Office文件，请另存为xlsx、csv或txt)"
        )
    if b"\x00" in data:
        raise InputError(
            f"{source}: binary file ({describe_content(data)}), not plain text; export it as "
            f".txt or .csv first (二进制文件，不是纯文本；请先另存为文本或CSV)"
        )


def undecodable_error(source: str, byte: int) -> InputError:
    """The error for text that is neither UTF-8 nor GB18030 (``byte``: where GB18030 fails)."""
    return InputError(
        f"{source}: neither UTF-8 nor GB18030 text (byte {byte}) "
        f"(既不是UTF-8也不是GB18030编码的文本)"
    )


# -- decoding ---------------------------------------------------------------------------------


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
    encoding = bom_encoding(raw)
    if encoding is not None:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{source}: starts with a {encoding} byte-order mark but is not {encoding} "
                f"(byte {exc.start}) (字节序标记与编码不符)"
            ) from None
    refuse_binary(raw, source=source)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise undecodable_error(source, exc.start) from None


def read_text_file(path: str | Path, *, limit: int = MAX_TEXT_BYTES) -> str:
    """Read and decode a whole text file; missing, unreadable or over-large files raise
    :class:`~govdisclose._errors.InputError` naming the file."""
    return read_text_file_with_encoding(path, limit=limit)[0]


def read_text_file_with_encoding(
    path: str | Path, *, limit: int = MAX_TEXT_BYTES
) -> tuple[str, str]:
    """Like :func:`read_text_file`; also return the codec (:func:`decode_text_with_encoding`)."""
    data = read_bytes(path, limit=limit)
    return decode_text_with_encoding(data, source=_shown(os.fspath(path)))


# -- JSON -------------------------------------------------------------------------------------


def parse_json(text: str, *, source: str | None = None) -> Any:
    """Parse JSON text; ``source`` (a file name) starts the messages when given.

    Broken JSON is an :class:`~govdisclose._errors.InputError` with its line and column, and
    so is JSON nested too deeply for Python to parse.
    """
    where = f"{source}: " if source else ""
    if not isinstance(text, str):
        raise InputError(f"{where}expected JSON text, got {type(text).__name__} (应为JSON文本)")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{where}not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno} "
            f"(JSON格式错误)"
        ) from None
    except RecursionError:
        raise InputError(f"{where}JSON nested too deeply (JSON嵌套过深)") from None
    except ValueError as exc:  # an integer longer than Python converts
        raise InputError(f"{where}not valid JSON: {exc} (JSON格式错误)") from None


def read_json_file(path: str | Path, *, limit: int = MAX_TEXT_BYTES) -> Any:
    """Read a JSON file written in UTF-8 (with or without BOM), UTF-16 or GB18030.

    Broken JSON is an :class:`~govdisclose._errors.InputError` naming the file, line and column.
    """
    return parse_json(read_text_file(path, limit=limit), source=_shown(os.fspath(path)))


def dump_json(data: Any) -> str:
    """JSON as the library writes it: Chinese kept readable, indented by 2, a final newline.

    >>> print(dump_json({"领域": "救灾"}), end="")
    {
      "领域": "救灾"
    }
    """
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
