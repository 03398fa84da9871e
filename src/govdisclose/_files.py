"""Text files as Chinese offices write them: reading, telling the encoding, JSON in and out.

Files saved on Chinese Windows machines are often GB18030 (GBK) rather than UTF-8, and
Notepad writes a UTF-8 byte-order mark.  :func:`detect_encoding`, the library's one encoding
detector (the audit's streamed logs use it too), judges in order:

1. a byte-order mark (:func:`bom_encoding`): UTF-8 (``EF BB BF``) or UTF-16 (``FF FE`` /
   ``FE FF``, as Excel's "Unicode text" export writes); the mark is removed;
2. an old Office 97-2003 file (``.xls``, ``.doc``) or bytes holding NUL are refused as not
   text (:func:`refuse_binary`, saying what the file looks like: :func:`describe_content`);
3. UTF-8 (a whole file with a few corrupt bytes is refused saying where);
4. GB18030.

Anything else raises :class:`~govdisclose._errors.InputError` naming the file.
:func:`decode_text` decodes a whole file so; nothing else is changed: line ends stay as they
are.  Every file of the library is read through :func:`read_bytes` (missing, directory,
unreadable and too large files are one :class:`~govdisclose._errors.InputError` each, naming
the file) and written through :func:`write_file` (whole or not at all); JSON text is parsed by
:func:`parse_json` (line and column of broken JSON) and written by :func:`dump_json`.

>>> from govdisclose._files import decode_text, parse_json
>>> decode_text("救灾名单".encode("gb18030"))
'救灾名单'
>>> decode_text(b"\\xef\\xbb\\xbf" + "公示".encode("utf-8"))
'公示'
>>> decode_text(b"PK\\x03\\x04\\x00\\x00", source="名单.xlsx")
Traceback (most recent call last):
...
govdisclose.InputError: 名单.xlsx: binary file (a ZIP archive), not plain text; ...
>>> parse_json('{"a": [1, 2}', source="目录.json")
Traceback (most recent call last):
...
govdisclose.InputError: 目录.json: not valid JSON: ... at line 1 column 12 (JSON格式错误)
"""

from __future__ import annotations

import codecs
import errno
import itertools
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any, BinaryIO

from ._errors import InputError, LimitError, short_repr

#: Files larger than this are refused before reading.
MAX_TEXT_BYTES = 64 * 1024 * 1024

# -- files ------------------------------------------------------------------------------------


def _shown(name: str) -> str:
    """A file name safe to print (undecodable bytes of the name as ``\\udcXX``)."""
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _file_error(
    name: str,
    exc: OSError | ValueError,
    path: str | os.PathLike[str] | None = None,
    *,
    verb: str = "read",
) -> InputError:
    """The :class:`InputError` for a file that cannot be opened, read or written."""
    shown = _shown(name)
    if isinstance(exc, ValueError) or exc.errno == errno.ENAMETOOLONG:  # ValueError: a NUL
        reason = exc.strerror if isinstance(exc, OSError) else exc
        return InputError(
            f"{short_repr(shown)}: cannot {verb}: not a usable file name ({reason}) (文件名无效)"
        )
    if verb == "write":
        return InputError(f"cannot write {shown}: {exc.strerror or exc} (无法写入文件)")
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
    if not name:  # open("") fails as a missing file whose name prints as nothing
        raise InputError("the file name is empty (文件名为空)")
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


def read_bytes(
    path: str | os.PathLike[str],
    *,
    limit: int,
    source: str | None = None,
    limit_name: str | None = None,
) -> bytes:
    """A whole file's bytes, refusing a missing, unreadable or larger than ``limit`` file.

    Every refusal is an :class:`~govdisclose._errors.InputError` naming the file (``source``,
    or the path); the size is checked before anything is read, and no more than ``limit``
    bytes are ever read (a device or a growing file is cut off and refused).  Given
    ``limit_name`` (the caller's option for it), a file too large is a
    :class:`~govdisclose._errors.LimitError` naming that limit.

    >>> read_bytes("no-such-file.json", limit=1024)
    Traceback (most recent call last):
    ...
    govdisclose.InputError: no-such-file.json: no such file (文件不存在)
    """
    with open_binary(path, source=source) as file:
        name = source if source is not None else _path_name(path)
        try:
            size = os.fstat(file.fileno()).st_size
            if size > limit:
                raise _too_large(f"{_shown(name)}: file is {size} bytes,", limit, limit_name)
            data = file.read(limit + 1)
        except OSError as exc:
            raise _file_error(name, exc, path) from None
    if len(data) > limit:
        raise _too_large(f"{_shown(name)}:", limit, limit_name)
    return data


def _too_large(what: str, limit: int, limit_name: str | None) -> InputError:
    if limit_name is None:
        return InputError(f"{what} more than the limit of {limit} bytes (文件过大)")
    return LimitError(
        f"{what} more than {limit} bytes (the {limit_name} limit) (文件过大)",
        limit=limit_name,
        value=limit,
    )


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


# -- decoding ---------------------------------------------------------------------------------


def decode_text(data: bytes | bytearray | memoryview, *, source: str = "<bytes>") -> str:
    """Decode a text file's bytes (see the module documentation for the order tried);
    ``source`` names the input in error messages.  UTF-8 text with a few corrupt bytes is
    refused, saying where; :func:`detect_encoding` tells the codec.

    >>> decode_text("公示公示".encode() + b"\\xff")
    Traceback (most recent call last):
    ...
    govdisclose.InputError: <bytes>: UTF-8 text with bytes that are not UTF-8 (byte 12)...
    """
    raw = bytes(data)
    return raw.decode(detect_encoding(raw, whole=True, source=source))


def detect_encoding(
    data: bytes | Iterable[bytes],
    *,
    complete: bool = True,
    whole: bool = False,
    source: str = "<bytes>",
) -> str:
    """The encoding of a text file, told from ``data`` (all of it, or its start).

    The one detector of the library, for whole files, files read in blocks (``data`` an
    iterable of bytes, read once) and streamed logs alike:

    1. a byte-order mark: ``utf-8-sig`` or ``utf-16``;
    2. an old Office file or bytes holding NUL are refused, saying what they look like;
    3. ``utf-8`` when the bytes are UTF-8 — or mostly UTF-8 with a few corrupt bytes (at
       least four non-ASCII characters for each bad byte): a streamed log reports the records
       holding them;
    4. ``gb18030`` when the bytes are GB18030;
    5. else :class:`~govdisclose._errors.InputError` saying which encodings to name.

    ``complete`` says that ``data`` is all there is (so a character cut at its end is an
    error rather than the start of the next chunk).  With ``whole`` the file is to be decoded
    in the codec returned, so bytes that do not decode in it (a byte-order mark that does not
    fit, UTF-8 with corrupt bytes) are refused, saying where.  Bytes that are all ASCII are
    ``utf-8``; a stream whose start is ASCII lets its first non-ASCII bytes decide
    (:func:`govdisclose.audit._decoding.line_batches`).  ``text.encode(codec)`` gives the
    file's form again.

    >>> detect_encoding("领域,事项".encode("gb18030")), detect_encoding(b"domain")
    ('gb18030', 'utf-8')
    """
    blocks = iter([data] if isinstance(data, bytes) else data)
    head = next(blocks, b"")
    encoding = bom_encoding(head)
    if encoding is None:
        refuse_binary(head, source=source)
    elif not whole:
        return encoding
    strict = codecs.getincrementaldecoder(encoding or "gb18030")()
    utf8 = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    failed = first_bad = -1  # where the strict decoder fails, where UTF-8 first does
    bad = wide = offset = 0
    for next_block in itertools.chain([head], blocks, [None]):
        final = next_block is None and complete
        block = next_block or b""
        if encoding is None and b"\x00" in block:
            refuse_binary(block, source=source)
        if failed < 0:
            at = offset - len(strict.getstate()[0])
            try:
                strict.decode(block, final)
            except UnicodeDecodeError as exc:
                failed = at + exc.start
        if encoding is None:
            at = offset - len(utf8.getstate()[0])
            text = utf8.decode(block, final)
            escaped = _ESCAPED.search(text)
            if escaped is not None:
                bad += len(_ESCAPED.findall(text, escaped.start()))
                if first_bad < 0:
                    first_bad = at + len(text[: escaped.start()].encode("utf-8", "surrogateescape"))
            wide += len(text) - len(text.encode("ascii", "ignore"))
        offset += len(block)
    if encoding is not None:
        if failed >= 0:
            raise InputError(
                f"{source}: starts with a {encoding} byte-order mark but is not {encoding} "
                f"(byte {failed}) (字节序标记与编码不符)"
            )
        return encoding
    if not bad:
        return "utf-8"
    if failed < 0:
        return "gb18030"
    if wide - bad < 4 * bad:
        raise InputError(
            f"{source}: neither UTF-8 nor GB18030 text (byte {failed}); save it as UTF-8, or name "
            f"its encoding where the command has --encoding (既不是UTF-8也不是GB18030编码的文本)"
        )
    if whole:  # UTF-8 text with a few corrupt bytes
        raise InputError(
            f"{source}: UTF-8 text with bytes that are not UTF-8 (byte {first_bad}); repair "
            f"them or save the file again as UTF-8 (UTF-8文本中有无效字节)"
        )
    return "utf-8"


_ESCAPED = re.compile("[\udc80-\udcff]")


# -- JSON -------------------------------------------------------------------------------------


class DuplicateKeyError(ValueError):
    """A JSON object gives a key twice (raised inside the parser, turned into an error)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


#: Half a surrogate pair (\ud800–\udfff): no character, it cannot be written.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _half_surrogate(value: Any) -> str | None:
    """A key or string in ``value`` that holds half a surrogate pair, if any."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return item
        elif isinstance(item, dict):
            stack += [*item, *item.values()]
        elif isinstance(item, list):
            stack += item
    return None


def json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice (``json`` would keep the last silently)."""
    value = dict(pairs)
    if len(value) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKeyError(key)
            seen.add(key)
    return value


def parse_json(text: str, *, source: str | None = None) -> Any:
    """Parse JSON text; ``source`` (a file name) starts the messages when given.

    Broken JSON is an :class:`~govdisclose._errors.InputError` with its line and column, and
    so is JSON nested too deeply for Python to parse, an object that gives a key twice
    (which of the two values was meant cannot be told), and text holding half a surrogate
    pair (``"\\ud800"``, no character).

    >>> parse_json('{"formed": "2024-04-22", "formed": "2020-01-01"}', source="记录.json")
    Traceback (most recent call last):
    ...
    govdisclose.InputError: 记录.json: key 'formed' given twice in one JSON object...
    """
    where = f"{source}: " if source else ""
    if not isinstance(text, str):
        raise InputError(f"{where}expected JSON text, got {type(text).__name__} (应为JSON文本)")
    try:
        value = json.loads(text, object_pairs_hook=json_object)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{where}not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno} "
            f"(JSON格式错误)"
        ) from None
    except DuplicateKeyError as exc:
        raise InputError(
            f"{where}key {short_repr(exc.key)} given twice in one JSON object; which value is "
            f"meant cannot be told: keep one (JSON对象中有重复的键)"
        ) from None
    except RecursionError:
        raise InputError(f"{where}JSON nested too deeply (JSON嵌套过深)") from None
    except ValueError as exc:  # an integer longer than Python converts
        raise InputError(f"{where}not valid JSON: {exc} (JSON格式错误)") from None
    escaped = "\\ud" in text or "\\uD" in text  # a surrogate comes from an escape only
    if escaped and (half := _half_surrogate(value)) is not None:
        raise InputError(
            f"{where}not valid JSON: {short_repr(half)} holds half a surrogate pair, which is "
            f"no character (JSON文本中有不成对的代理项)"
        )
    return value


def read_json_file(path: str | Path, *, limit: int = MAX_TEXT_BYTES) -> Any:
    """Read a JSON file written in UTF-8 (with or without BOM), UTF-16 or GB18030.

    Broken JSON is an :class:`~govdisclose._errors.InputError` naming the file, line and column.
    """
    data = read_bytes(path, limit=limit)  # refusing what is not a path
    name = _shown(os.fspath(path))
    return parse_json(decode_text(data, source=name), source=name)


def dump_json(data: Any) -> str:
    """JSON as the library writes it: Chinese kept readable, indented by 2, a final newline.

    >>> print(dump_json({"领域": "救灾"}), end="")
    {
      "领域": "救灾"
    }
    """
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# -- writing ----------------------------------------------------------------------------------


def same_file(a: str | os.PathLike[str] | int, b: str | os.PathLike[str] | int) -> bool:
    """Whether two paths (or open file descriptors) name the same existing file: device and
    inode, so hard and symbolic links too.  A path that does not exist is no file.

    >>> same_file("no-such-file", "no-such-file")
    False
    """
    try:
        first, second = os.stat(a), os.stat(b)
    except (OSError, ValueError, TypeError):
        return False
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


def refuse_overwriting_input(
    output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str] | int]
) -> None:
    """Refuse an output file that is one of the ``inputs`` (:func:`same_file`; an ``int`` is
    an open file descriptor, such as standard input's).

    >>> import tempfile, pathlib
    >>> log = pathlib.Path(tempfile.mkdtemp()) / "log.csv"
    >>> _ = log.write_text("a")
    >>> refuse_overwriting_input(log, ["x.json", log])
    Traceback (most recent call last):
    ...
    govdisclose.InputError: ...log.csv: the same file as an input; writing it would ...
    """
    for name in inputs:
        if same_file(output, name):
            shown = _shown(os.fspath(output))
            if isinstance(name, int):
                also = " (standard input)" if name == 0 else ""
            else:
                also = (
                    "" if os.fspath(output) == os.fspath(name) else f" ({_shown(os.fspath(name))})"
                )
            raise InputError(
                f"{shown}: the same file as an input{also}; writing it would destroy the input: "
                f"choose another output file (输出文件与输入文件相同，会毁掉输入)"
            )


_counter = iter(range(1, 1 << 62))


@contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """A binary file that becomes ``path`` only when the ``with`` block ends without error.

    The data goes to a temporary file in the same directory (``.NAME.PID.N.tmp``), which is
    flushed to disk and then renamed onto ``path``, so that an error, Ctrl-C or a crash never
    leaves a half-written file under the name: ``path`` holds either its old content or the
    whole new one.  A symbolic link is followed (its target is replaced); an existing file's
    permissions are kept.  Failures are an :class:`~govdisclose._errors.InputError` naming
    the file.
    """
    name = _path_name(path)
    target = os.path.realpath(name)
    directory, base = os.path.split(target)
    temporary = os.path.join(directory, f".{base}.{os.getpid()}.{next(_counter)}.tmp")
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except (OSError, ValueError):
        mode = None
    try:
        if os.path.isdir(target):
            raise IsADirectoryError(21, "Is a directory")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except (OSError, ValueError) as exc:
        raise _file_error(name, exc, verb="write") from None
    try:
        with os.fdopen(descriptor, "wb") as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise _file_error(name, exc, verb="write") from None
        raise


def write_file(path: str | os.PathLike[str], data: str | bytes, *, encoding: str = "utf-8") -> None:
    """Write ``data`` (text is encoded with ``encoding``; line ends are kept) to ``path``
    through :func:`atomic_writer`: the one way the library writes a file."""
    raw = data.encode(encoding) if isinstance(data, str) else data
    with atomic_writer(path) as file:
        file.write(raw)
