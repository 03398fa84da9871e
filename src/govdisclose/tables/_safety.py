"""Checks before an untrusted spreadsheet or CSV file is read: size, type, zip bombs.

A county's catalogue has a few dozen rows, a city's merged one 10,000 and more.  Files that
are larger than :class:`Limits` allow, that are not what their name says, or whose zip members
would unpack to far more than they take on disk are refused with an
:class:`~govdisclose._errors.InputError` saying why and naming the limit — before openpyxl
parses anything.  Each sheet's XML is then streamed with defusedxml (:class:`SheetScan`, flat
memory): its rows, columns and merged ranges are counted (one merged range over a whole sheet
would make openpyxl build a million cells) and formula cells without a saved result noted.
Entity-expansion tricks are refused by defusedxml itself.  Files are read with
:func:`govdisclose._files.read_bytes` and told apart with
:func:`govdisclose._files.describe_content`:

>>> from govdisclose.tables._safety import Limits, check_cells
>>> from govdisclose._files import describe_content
>>> describe_content(b"%PDF-1.7 ...")
'a PDF document'
>>> check_cells("目录.xlsx", "Sheet1", 10_000, 300, Limits())
Traceback (most recent call last):
...
govdisclose.LimitError: 目录.xlsx: sheet 'Sheet1' spans 10000 rows × 300 columns, ...
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

from .._errors import GovdiscloseError, InputError, LimitError
from .._files import describe_content, read_bytes
from ._layout import ref_position


@attrs.frozen
class Limits:
    """What an input file may be: bytes on disk, bytes unpacked, sheets, rows, columns.

    The defaults refuse hostile files (zip bombs, a sheet or a merged range spanning millions
    of cells from a few bytes) and accept honest large ones: a city's merged catalogue of
    10,000 items and more.  Every refusal is a :class:`~govdisclose._errors.LimitError`
    naming the limit it hit (``limit``, ``value``), to raise with ``limits=Limits(name=…)``.
    """

    max_file_bytes: int = 20 * 1024 * 1024
    max_unpacked_bytes: int = 200 * 1024 * 1024
    max_member_ratio: int = 200
    max_members: int = 2000
    max_sheets: int = 50
    max_rows: int = 100_000
    max_columns: int = 200
    #: Cells of one sheet's used rectangle (rows × columns) — what the reader holds in memory.
    max_cells: int = 2_000_000
    #: Cells all merged ranges of a sheet may cover together (a spreadsheet library builds
    #: each one); a catalogue merges a first-level cell over its rows and a title row.
    max_merged_cells: int = 200_000
    max_cell_chars: int = 32_767

    def exceeded(self, name: str, limit: str, what: str, zh: str, unit: str = "") -> LimitError:
        """The error refusing file ``name``: ``what`` is over ``limit`` (the field's name)."""
        value: int = getattr(self, limit)
        return LimitError(
            f"{name}: {what}, more than {value}{unit} (the {limit} limit) ({zh})",
            limit=limit,
            value=value,
        )


#: The limits used when none are given.
DEFAULT_LIMITS = Limits()


def read_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, refusing a missing, unreadable or too large file
    (:func:`govdisclose._files.read_bytes`; over ``limits.max_file_bytes`` a
    :class:`~govdisclose._errors.LimitError` like every other limit)."""
    return read_bytes(path, limit=limits.max_file_bytes, limit_name="max_file_bytes")


_OTHER_OFFICE = (
    ("word/", "a Word document (.docx)"),
    ("ppt/", "a PowerPoint presentation (.pptx)"),
)


def _scan_zip(data: bytes, name: str, limits: Limits) -> dict[str, SheetScan]:
    """Check the parts of an XLSX file, then scan each sheet's XML, by sheet name."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError(
            f"{name}: damaged ZIP container, not a readable XLSX file (文件已损坏)"
        ) from None
    with archive:
        members = archive.infolist()
        if len(members) > limits.max_members:
            raise limits.exceeded(name, "max_members", f"{len(members)} parts", "文件结构异常")
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
            what = f"unpacks to {total} bytes"
            raise limits.exceeded(name, "max_unpacked_bytes", what, "解压后过大", " bytes")
        for member in members:
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size > 1024 * 1024 and ratio > limits.max_member_ratio:
                raise LimitError(
                    f"{name}: part {member.filename!r} unpacks to {member.file_size} bytes from "
                    f"{member.compress_size} ({ratio:.0f}:1), more than "
                    f"{limits.max_member_ratio}:1, refused as a possible zip bomb (the "
                    f"max_member_ratio limit) (疑似压缩炸弹)",
                    limit="max_member_ratio",
                    value=limits.max_member_ratio,
                )
        sheets = _sheet_members(archive)
        if len(sheets) > limits.max_sheets:
            raise limits.exceeded(name, "max_sheets", f"{len(sheets)} sheets", "工作表过多")
        scans = {}
        for title, path in sheets:
            with archive.open(path) as stream:
                scans[title] = _scan_sheet(stream, name, title, limits)
        return scans


@contextmanager
def quiet() -> Iterator[None]:
    """Silence openpyxl's warnings while it reads (about features it drops: styles …)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about features it drops (styles …)
        yield


def check_cells(name: str, title: str, rows: int, columns: int, limits: Limits) -> None:
    """Refuse a sheet whose used rectangle has more than ``limits.max_cells`` cells."""
    if rows * columns > limits.max_cells:
        what = f"sheet {title!r} spans {rows} rows × {columns} columns"
        raise limits.exceeded(name, "max_cells", what, "工作表过大", " cells")


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


#: Formula cells without a saved value reported per sheet, at most.
MAX_FORMULA_CELLS = 100


def open_workbook(data: bytes, name: str, *, read_only: bool = False) -> Any:
    """Open the bytes of a checked workbook (:func:`check_xlsx`) with openpyxl, cells as their
    saved values; what openpyxl cannot read is an :class:`InputError` naming ``name``."""
    import openpyxl

    try:
        with quiet():
            return openpyxl.load_workbook(io.BytesIO(data), read_only=read_only, data_only=True)
    except GovdiscloseError:
        raise
    except Exception as exc:  # untrusted input: openpyxl raises many kinds of error
        raise _openpyxl_error(name, exc) from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sheet_members(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """``(sheet name, member path)`` of every worksheet, in workbook order."""
    from defusedxml.ElementTree import fromstring

    workbook = fromstring(archive.read("xl/workbook.xml"))
    try:
        rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return []
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in rels.iter()
        if _local(rel.tag) == "Relationship"
    }
    out = []
    for sheet in workbook.iter():
        if _local(sheet.tag) != "sheet":
            continue
        rid = next((v for k, v in sheet.attrib.items() if _local(k) == "id"), None)
        target = targets.get(rid, "")
        member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        if member in archive.namelist():
            out.append((sheet.get("name", ""), member))
    return out


@attrs.frozen
class SheetScan:
    """What the sheet's XML holds, read before any spreadsheet library builds it: the used
    size and the formula cells whose result was never saved (``A1`` references)."""

    rows: int
    columns: int
    formulas_without_value: tuple[str, ...]


def _scan_sheet(stream: Any, name: str, title: str, limits: Limits) -> SheetScan:
    """Stream one sheet's XML (flat memory): rows, columns, merged ranges, formula cells.

    Work is done per row (a search in C for a formula, the row's last cell for its width), so
    the scan costs a fraction of loading the sheet."""
    from defusedxml.ElementTree import iterparse

    last_row = widest = count = merged = 0
    formulas: list[str] = []
    ns = None
    row_tag = merge_tag = f_tag = v_tag = ""
    for _, element in iterparse(stream, events=("end",)):
        tag = element.tag
        if ns is None:
            ns = tag[: tag.index("}") + 1] if tag.startswith("{") else ""
            row_tag, merge_tag, f_tag, v_tag = (ns + t for t in ("row", "mergeCell", "f", "v"))
        if tag == row_tag:
            count += 1
            r = element.get("r") or ""
            last_row = max(last_row, int(r) if r.isdigit() else 0, count)
            if last_row > limits.max_rows:
                what = f"sheet {title!r} has rows past row {limits.max_rows}"
                raise limits.exceeded(name, "max_rows", what, "工作表行数过多", " rows")
            if len(element):
                last = ref_position(element[-1].get("r") or "")
                widest = max(widest, len(element), last[1] + 1 if last else 0)
                if widest > limits.max_columns:
                    what = f"sheet {title!r} has {widest} columns"
                    raise limits.exceeded(name, "max_columns", what, "工作表列数过多")
                if element.find(f".//{f_tag}") is not None:
                    _formulas(element, f_tag, v_tag, formulas)
            element.clear()
        elif tag == merge_tag:
            merged += _check_merge(element.get("ref", ""), merged, name, title, limits)
            element.clear()
    check_cells(name, title, last_row, widest, limits)
    return SheetScan(last_row, widest, tuple(formulas))


def _formulas(row: Any, f_tag: str, v_tag: str, found: list[str]) -> None:
    """Cells of ``row`` with a formula and no saved result (a shared formula's other cells
    carry an empty ``f`` and their own value)."""
    for cell in row:
        formula, value = cell.find(f_tag), cell.find(v_tag)
        if formula is None or not (formula.text or formula.get("t") != "shared"):
            continue
        saved = (value is not None and value.text) or cell.get("t") == "inlineStr"
        if not saved and len(found) < MAX_FORMULA_CELLS:
            found.append(cell.get("r", ""))


def _check_merge(ref: str, merged: int, name: str, title: str, limits: Limits) -> int:
    """The cells merged range ``ref`` covers; refuse it past the limits."""
    first, _, second = ref.partition(":")
    start, end = ref_position(first), ref_position(second)
    if start is None or end is None:
        return 0
    (r1, c1), (r2, c2) = start, end
    cells: int = (abs(r2 - r1) + 1) * (abs(c2 - c1) + 1)
    what, zh = f"sheet {title!r} merges cells {ref!r}", "合并单元格范围过大"
    if merged + cells > limits.max_merged_cells:
        what += f": merged ranges would cover {merged + cells} cells"
        raise limits.exceeded(name, "max_merged_cells", what, zh, " cells")
    if max(r1, r2) >= limits.max_rows:
        raise limits.exceeded(name, "max_rows", f"{what} to row {max(r1, r2) + 1}", zh, " rows")
    if max(c1, c2) >= limits.max_columns:
        raise limits.exceeded(name, "max_columns", f"{what} to column {max(c1, c2) + 1}", zh)
    return cells


def inspect_xlsx(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[bytes, dict[str, SheetScan]]:
    """Check an XLSX file thoroughly and return its bytes, or raise :class:`InputError`.

    Checks the size on disk, that it is a ZIP with the parts of a workbook (and says what it
    is when it is not: a renamed text file, an .xls, a PDF …), the unpacked sizes of its
    parts, and — streaming each sheet's XML with defusedxml, before openpyxl builds anything —
    the number of sheets, rows and columns and the cells its merged ranges cover.
    """
    data = read_file(path, limits)
    name = str(path)
    what = describe_content(data)
    if what != "a ZIP archive":
        raise InputError(f"{name}: not an XLSX workbook but {what} (不是xlsx格式的Excel文件)")
    try:
        return data, _scan_zip(data, name, limits)
    except GovdiscloseError:
        raise
    except Exception as exc:  # untrusted input: a damaged part, XML attacks (defusedxml)
        raise _openpyxl_error(name, exc) from None


def check_xlsx(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Check an XLSX file thoroughly (:func:`inspect_xlsx`) and return its bytes."""
    return inspect_xlsx(path, limits)[0]
