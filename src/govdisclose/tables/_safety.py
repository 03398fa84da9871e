"""Checks before an untrusted spreadsheet or CSV file is read: size, type, zip bombs.

A catalogue table is small (a few dozen rows).  Files that are larger than :class:`Limits`
allow, that are not what their name says, or whose zip members would unpack to far more than
they take on disk are refused with an :class:`~govdisclose._errors.InputError` saying why —
before openpyxl parses anything.  openpyxl parses the XML with defusedxml (a dependency), so
entity-expansion tricks are refused by the parser itself.  Files are read with
:func:`govdisclose._files.read_bytes` and told apart with
:func:`govdisclose._files.describe_content`:

>>> from govdisclose.tables._safety import Limits, check_cells
>>> from govdisclose._files import describe_content
>>> describe_content(b"%PDF-1.7 ...")
'a PDF document'
>>> check_cells("目录.xlsx", "Sheet1", 1000, 300, Limits())
Traceback (most recent call last):
...
govdisclose._errors.InputError: 目录.xlsx: sheet 'Sheet1' spans 1000 rows × 300 columns, ...
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

from .._errors import GovdiscloseError, InputError
from .._files import describe_content, read_bytes

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "check_cells",
    "check_xlsx",
    "describe_content",
    "read_file",
]


@attrs.frozen
class Limits:
    """What an input file may be: bytes on disk, bytes unpacked, sheets, rows, columns."""

    max_file_bytes: int = 20 * 1024 * 1024
    max_unpacked_bytes: int = 50 * 1024 * 1024
    max_member_ratio: int = 200
    max_members: int = 2000
    max_sheets: int = 50
    max_rows: int = 10_000
    max_columns: int = 200
    #: Cells of one sheet's used rectangle (rows × columns) — what the reader holds in memory.
    max_cells: int = 200_000
    max_cell_chars: int = 32_767


#: The limits used when none are given: generous for a catalogue table (a few dozen rows).
DEFAULT_LIMITS = Limits()


def read_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, refusing a missing, unreadable or too large file
    (:func:`govdisclose._files.read_bytes` with ``limits.max_file_bytes``)."""
    return read_bytes(path, limit=limits.max_file_bytes)


_OTHER_OFFICE = (
    ("word/", "a Word document (.docx)"),
    ("ppt/", "a PowerPoint presentation (.pptx)"),
)


def _check_zip(data: bytes, name: str, limits: Limits) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError(
            f"{name}: damaged ZIP container, not a readable XLSX file (文件已损坏)"
        ) from None
    with archive:
        members = archive.infolist()
        if len(members) > limits.max_members:
            raise InputError(
                f"{name}: {len(members)} parts in the file, more than "
                f"{limits.max_members} (文件结构异常)"
            )
        names = {m.filename for m in members}
        if "mimetype" in names:
            what = archive.read("mimetype")[:100].decode("ascii", "replace")
            if "spreadsheet" in what:
                raise InputError(
                    f"{name}: an OpenDocument spreadsheet (.ods), not XLSX; save it "
                    f"as .xlsx (请另存为xlsx格式)"
                )
        for prefix, what in _OTHER_OFFICE:
            if any(n.startswith(prefix) for n in names):
                raise InputError(f"{name}: {what}, not an XLSX workbook (不是Excel工作簿)")
        if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
            raise InputError(f"{name}: a ZIP archive but not an XLSX workbook (不是Excel工作簿)")
        if any(m.flag_bits & 0x1 for m in members):
            raise InputError(
                f"{name}: encrypted parts; save the workbook without a password (文件已加密)"
            )
        total = sum(m.file_size for m in members)
        if total > limits.max_unpacked_bytes:
            raise InputError(
                f"{name}: unpacks to {total} bytes, more than the limit of "
                f"{limits.max_unpacked_bytes} (解压后过大)"
            )
        for member in members:
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size > 1024 * 1024 and ratio > limits.max_member_ratio:
                raise InputError(
                    f"{name}: part {member.filename!r} unpacks to {member.file_size} bytes from "
                    f"{member.compress_size} ({ratio:.0f}:1), refused as a possible zip bomb "
                    f"(疑似压缩炸弹)"
                )


@contextmanager
def _quiet() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about features it drops (styles …)
        yield


def _count_sheet(ws: Any, name: str, limits: Limits) -> None:
    declared_rows, declared_columns = ws.max_row or 0, ws.max_column or 0
    title = ws.title
    if declared_rows > limits.max_rows or declared_columns > limits.max_columns:
        raise InputError(
            f"{name}: sheet {title!r} declares {declared_rows} rows × "
            f"{declared_columns} columns, more than {limits.max_rows} × "
            f"{limits.max_columns} (工作表过大)"
        )
    ws.reset_dimensions()  # read what is there, never pad to a declared size
    last_row = widest = 0
    for count, row in enumerate(ws.iter_rows(), start=1):
        index = next((c.row for c in row if getattr(c, "row", None)), 0)
        last_row, widest = max(last_row, index, count), max(widest, len(row))
        if count > limits.max_rows or index > limits.max_rows:
            raise InputError(
                f"{name}: sheet {title!r} has more than {limits.max_rows} rows (工作表行数过多)"
            )
        if len(row) > limits.max_columns:
            raise InputError(
                f"{name}: sheet {title!r} has more than {limits.max_columns} "
                f"columns (工作表列数过多)"
            )
    check_cells(name, title, last_row, widest, limits)


def check_cells(name: str, title: str, rows: int, columns: int, limits: Limits) -> None:
    """Refuse a sheet whose used rectangle has more than ``limits.max_cells`` cells."""
    if rows * columns > limits.max_cells:
        raise InputError(
            f"{name}: sheet {title!r} spans {rows} rows × {columns} columns, more than "
            f"{limits.max_cells} cells (工作表过大)"
        )


def _openpyxl_error(name: str, exc: Exception) -> InputError:
    from defusedxml import DefusedXmlException

    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, DefusedXmlException):
        cause = cause.__cause__ or cause.__context__
    if cause is not None:
        return InputError(
            f"{name}: cannot read the workbook: its XML declares entities or a DTD "
            f"({type(cause).__name__}), refused as a possible XML attack (含有XML实体声明，已拒绝)"
        )
    first_line = str(exc).splitlines()[0] if str(exc) else ""
    return InputError(
        f"{name}: cannot read the workbook ({type(exc).__name__}: {first_line}) (无法读取工作簿)"
    )


def check_xlsx(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Check an XLSX file thoroughly and return its bytes, or raise :class:`InputError`.

    Checks the size on disk, that it is a ZIP with the parts of a workbook (and says what it
    is when it is not: a renamed text file, an .xls, a PDF …), the unpacked sizes of its
    parts, and — streaming each sheet in openpyxl's read-only mode — the number of sheets,
    rows and columns.
    """
    data = read_file(path, limits)
    name = str(path)
    what = describe_content(data)
    if what != "a ZIP archive":
        raise InputError(f"{name}: not an XLSX workbook but {what} (不是xlsx格式的Excel文件)")
    _check_zip(data, name, limits)
    import openpyxl

    try:
        with _quiet():
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except GovdiscloseError:
        raise
    except Exception as exc:  # untrusted input: openpyxl raises many kinds of error
        raise _openpyxl_error(name, exc) from None
    try:
        if len(workbook.sheetnames) > limits.max_sheets:
            raise InputError(
                f"{name}: {len(workbook.sheetnames)} sheets, more than "
                f"{limits.max_sheets} (工作表过多)"
            )
        for ws in workbook.worksheets:
            with _quiet():
                _count_sheet(ws, name, limits)
    except GovdiscloseError:
        raise
    except Exception as exc:
        raise _openpyxl_error(name, exc) from None
    finally:
        workbook.close()
    return data
