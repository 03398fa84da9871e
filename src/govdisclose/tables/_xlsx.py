"""Catalogues as XLSX workbooks in the official 390 layout, and tolerant XLSX import.

:func:`to_xlsx` writes one sheet per catalogue (named 安全生产 / 救灾), each laid out as the
published tables: a title row, the two header rows, merged 一级事项 cells, the channel column
as ■/□ boxes, √ in the tick columns, the local columns a catalogue uses, and the footnotes.
A 目录信息 sheet keeps the catalogue fields the table has no place for (issuing document,
declared item count, level, publisher, source), so that reading the file back gives the same
catalogue:

>>> from govdisclose import standard
>>> from govdisclose.tables._layout import canonical_order
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "救灾.xlsx"
>>> _ = path.write_bytes(to_xlsx(standard("救灾")))
>>> result = read_xlsx(path)
>>> result.catalogue == standard("救灾"), result.report.ok
(True, True)

:func:`read_xlsx` checks the file first (:mod:`govdisclose.tables._safety`), then reads the
first sheet that has a catalogue header (or the sheet named); :func:`read_workbook` reads
every such sheet.  The cells go through :func:`govdisclose.tables._reading.read_grid`.
"""

from __future__ import annotations

import copy
import functools
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from .._errors import DataError, GovdiscloseError, InputError
from .._model import Catalogue
from .._texttable import display_width
from ..findings import Finding, Report
from . import _codes as codes
from ._cells import cell_text, row_values
from ._header import Grid
from ._layout import METADATA_KEYS, Column, cell_ref, column_letter, columns_for, extra_channels
from ._metadata import CatalogueInfo, info_pairs, read_info_pairs
from ._reading import ImportResult, read_grid
from ._safety import DEFAULT_LIMITS, Limits, SheetScan, check_cells, inspect_xlsx

#: The name of the sheet with the catalogue information.
INFO_SHEET = "目录信息"
_INFO_CORNER = "项目"
_FONT = "宋体"
_LINE_POINTS = 14.0
_TITLE_ROW, _HEADER_ROW, _FIRST_DATA_ROW = 1, 2, 4


# Named styles: every cell refers to one by name, so the workbook holds each combination of
# font, border, fill and alignment once (setting them cell by cell made openpyxl hash style
# objects for every cell: 4.6× slower).
_TITLE, _HEADER, _BODY, _BODY_CENTER, _NOTE = (
    "目录标题",
    "目录表头",
    "目录正文",
    "目录正文居中",
    "目录注",
)
_INFO_LABEL, _INFO_VALUE = "目录信息栏目", "目录信息内容"


def _add_styles(wb: Any) -> None:
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font, bold = Font(name=_FONT, size=10), Font(name=_FONT, size=10, bold=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    styles = (
        NamedStyle(_TITLE, font=Font(name=_FONT, size=16, bold=True), alignment=center),
        NamedStyle(
            _HEADER,
            font=bold,
            fill=PatternFill("solid", fgColor="E7E6E6"),
            alignment=center,
            border=border,
        ),
        NamedStyle(_BODY, font=font, alignment=left, border=border),
        NamedStyle(_BODY_CENTER, font=font, alignment=center, border=border),
        NamedStyle(
            _NOTE, font=font, alignment=Alignment(horizontal="left", vertical="top", wrap_text=True)
        ),
        NamedStyle(_INFO_LABEL, font=bold, alignment=left, border=border),
        NamedStyle(_INFO_VALUE, font=font, alignment=left, border=border),
    )
    for style in styles:
        wb.add_named_style(style)


class _Styler:
    """Gives cells a named style.  The style's array is looked up once per name and copied
    onto each cell, as openpyxl's own worksheet copy does (``cell.style = name`` searches the
    workbook's named styles for every cell)."""

    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self.arrays: dict[str, Any] = {}

    def __call__(self, cell: Any, name: str) -> None:
        array = self.arrays.get(name)
        if array is None:
            cell.style = name
            self.arrays[name] = copy.copy(cell._style)
        else:
            cell._style = copy.copy(array)


def _merge_group(ws: Any, first: int, last: int) -> None:
    """Merge the first-level cells of rows ``first``..``last`` (column A).

    ``ws.merge_cells`` re-applies borders and protection cell by cell through openpyxl's style
    objects (3.6 s for 5,000 rows); the merged cells here take the first cell's style array,
    whose borders already frame the column, as openpyxl's own worksheet copy copies styles.
    """
    from openpyxl.cell.cell import MergedCell
    from openpyxl.worksheet.merge import MergedCellRange

    ws.merged_cells.add(MergedCellRange(ws, f"A{first}:A{last}"))
    array = ws.cell(row=first, column=1)._style
    for row in range(first + 1, last + 1):
        cell = MergedCell(ws, row=row, column=1)
        cell._style = copy.copy(array)
        ws._cells[(row, 1)] = cell


def _check_text(value: str | int, path: str) -> None:
    """Refuse a text a spreadsheet cell cannot hold as it is."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if not isinstance(value, str):
        return
    if len(value) > DEFAULT_LIMITS.max_cell_chars:
        raise DataError(
            f"text of {len(value)} characters is longer than a spreadsheet cell "
            f"holds ({DEFAULT_LIMITS.max_cell_chars}) (文本过长)",
            path=path,
        )
    if "\r" in value:
        raise DataError(
            "text contains a carriage return (\\r), which a workbook would turn into a line "
            "break; use \\n for line breaks (含有回车符)",
            path=path,
        )
    if ILLEGAL_CHARACTERS_RE.search(value):
        raise DataError(
            "text contains a control character a spreadsheet cannot hold "
            "(含有无法写入表格的控制字符)",
            path=path,
        )


def _set(ws: Any, row: int, column: int, value: str | int, path: str) -> Any:
    """Write a value as data (a text starting with ``=`` stays text, never a formula)."""
    from openpyxl.utils.exceptions import IllegalCharacterError

    if isinstance(value, str) and len(value) > DEFAULT_LIMITS.max_cell_chars:
        raise DataError(
            f"text of {len(value)} characters is longer than a spreadsheet cell "
            f"holds ({DEFAULT_LIMITS.max_cell_chars}) (文本过长)",
            path=path,
        )
    if isinstance(value, str) and "\r" in value:
        raise DataError(
            "text contains a carriage return (\\r), which a workbook would turn into a line "
            "break; use \\n for line breaks (含有回车符)",
            path=path,
        )
    cell = ws.cell(row=row, column=column)
    try:
        cell.value = value
    except IllegalCharacterError:
        raise DataError(
            "text contains a control character a spreadsheet cannot hold "
            "(含有无法写入表格的控制字符)",
            path=path,
        ) from None
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"
    return cell


@functools.lru_cache(maxsize=4096)
def _lines(text: str, width: float) -> int:
    chars = max(1.0, width - 1)
    return sum(max(1, -(-display_width(line) // int(chars))) for line in text.split("\n"))


def _write_header(ws: Any, columns: Sequence[Column], style: _Styler) -> None:
    top, low = _HEADER_ROW, _HEADER_ROW + 1
    c = 0
    while c < len(columns):
        column = columns[c]
        if column.spans_both_rows:
            _set(ws, top, c + 1, column.header, "$")
            ws.merge_cells(start_row=top, start_column=c + 1, end_row=low, end_column=c + 1)
            c += 1
            continue
        span = 1
        while c + span < len(columns) and columns[c + span].group == column.group:
            span += 1
        _set(ws, top, c + 1, column.group, "$")
        if span > 1:
            ws.merge_cells(start_row=top, start_column=c + 1, end_row=top, end_column=c + span)
        for k in range(c, c + span):
            label = "二级事项" if columns[k].key == "number" else columns[k].header
            _set(ws, low, k + 1, label, "$")
        names = [columns[k].key for k in range(c, c + span)]
        if "number" in names and "name" in names:  # 二级事项 spans its number and name
            at = names.index("number") + c + 1
            ws.merge_cells(start_row=low, start_column=at, end_row=low, end_column=at + 1)
        c += span
    for r in (top, low):
        for k in range(1, len(columns) + 1):
            style(ws.cell(row=r, column=k), _HEADER)


def _write_sheet(ws: Any, catalogue: Catalogue, style: _Styler) -> None:
    columns = columns_for(catalogue)
    extras = extra_channels(catalogue)
    width = len(columns)
    title = _set(ws, _TITLE_ROW, 1, catalogue.title, "$.title")
    style(title, _TITLE)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.row_dimensions[_TITLE_ROW].height = 30
    _write_header(ws, columns, style)
    row = _FIRST_DATA_ROW
    group_start = row
    items = catalogue.items
    names = [
        _BODY_CENTER if c.key in ("tick", "number", "first_level", "service_level") else _BODY
        for c in columns
    ]
    widths = [c.width for c in columns]
    cells = ws._cells  # rows are appended in order; their cells are then styled in place
    for index, item in enumerate(items):
        lines = 1
        values = row_values(item, columns, extras)
        for value in values:
            _check_text(value, f"$.items[{index}]")
        ws.append(values)
        for c in range(width):
            cell = cells[(row, c + 1)]
            style(cell, names[c])
            value = values[c]
            if type(value) is str:
                if cell.data_type == "f":  # a text starting with = stays text
                    cell.data_type = "s"
                if c:  # the first-level cell is merged over the group
                    lines = max(lines, _lines(value, widths[c]))
        ws.row_dimensions[row].height = min(409.0, _LINE_POINTS * lines + 4)
        last = index + 1 == len(items) or items[index + 1].first_level is not item.first_level
        if last:
            if row > group_start:
                _merge_group(ws, group_start, row)
            group_start = row + 1
        row += 1
    for note in catalogue.notes:
        cell = _set(ws, row, 1, note, "$.notes")
        style(cell, _NOTE)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        total = sum(c.width for c in columns)
        ws.row_dimensions[row].height = min(409.0, _LINE_POINTS * _lines(note, total) + 4)
        row += 1
    for c, column in enumerate(columns):
        ws.column_dimensions[column_letter(c)].width = column.width
    ws.freeze_panes = ws.cell(row=_FIRST_DATA_ROW, column=4)
    ws.print_title_rows = f"{_HEADER_ROW}:{_HEADER_ROW + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5


def _sheet_names(catalogues: Sequence[Catalogue]) -> list[str]:
    names: list[str] = []
    for catalogue in catalogues:
        name, n = catalogue.domain.label, 2
        while name in names:
            name, n = f"{catalogue.domain.label}({n})", n + 1
        names.append(name)
    return names


def _write_info(
    wb: Any, catalogues: Sequence[Catalogue], names: Sequence[str], style: _Styler
) -> None:
    ws = wb.create_sheet(INFO_SHEET)
    values = [dict(info_pairs(c, title=False, notes=False)) for c in catalogues]
    labels = [label for key, label in METADATA_KEYS.items() if key not in ("title", "notes")]
    rows = [[_INFO_CORNER, *names]]
    rows += [
        [label, *(v.get(label, "") for v in values)]
        for label in labels
        if any(label in v for v in values)
    ]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = _set(ws, r, c, value, "$")
            style(cell, _INFO_LABEL if r == 1 or c == 1 else _INFO_VALUE)
    ws.column_dimensions["A"].width = 14
    for c in range(len(names)):
        ws.column_dimensions[column_letter(c + 1)].width = 60


def to_xlsx(catalogues: Catalogue | Sequence[Catalogue]) -> bytes:
    """The catalogue(s) as an XLSX workbook: one sheet each, then the 目录信息 sheet.

    Raises :class:`~govdisclose._errors.DataError` for text a spreadsheet cannot hold (control
    characters, more than 32767 characters) or a local field named like an official column.
    """
    import openpyxl

    listed = [catalogues] if isinstance(catalogues, Catalogue) else list(catalogues)
    if not listed:
        raise DataError("no catalogue to write (没有目录)")
    wb = openpyxl.Workbook()
    _add_styles(wb)
    style = _Styler(wb)
    names = _sheet_names(listed)
    for i, (catalogue, name) in enumerate(zip(listed, names, strict=True)):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        _write_sheet(ws, catalogue, style)
    _write_info(wb, listed, names, style)
    wb.properties.title = listed[0].title
    wb.properties.creator = "govdisclose"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _grid(ws: Any, name: str, limits: Limits) -> Grid:
    check_cells(name, ws.title, ws.max_row, ws.max_column, limits)
    rows = tuple(tuple(r) for r in ws.iter_rows(values_only=True))
    merged = tuple(
        (m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges
    )
    return Grid(rows=rows, sheet=ws.title, merged=merged)


def _info(ws: Any) -> dict[str, tuple[CatalogueInfo, list[Finding]]]:
    """The 目录信息 sheet: catalogue information and findings about it, by sheet name."""
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    if not rows or cell_text(rows[0][0] if rows[0] else None) != _INFO_CORNER:
        return {}
    out: dict[str, tuple[CatalogueInfo, list[Finding]]] = {}
    for c, sheet in enumerate(rows[0][1:], start=1):
        pairs = [
            (cell_text(r[0]), cell_text(r[c]), f"{INFO_SHEET}!{column_letter(c)}{i + 1}")
            for i, r in enumerate(rows[1:], start=1)
            if c < len(r) and cell_text(r[0]) and cell_text(r[c])
        ]
        out[cell_text(sheet)] = read_info_pairs(pairs)
    return out


def _load(path: Path, limits: Limits) -> tuple[Any, dict[str, SheetScan]]:
    import openpyxl

    from ._safety import _openpyxl_error, _quiet

    data, scans = inspect_xlsx(path, limits)
    try:
        with _quiet():
            return openpyxl.load_workbook(io.BytesIO(data), data_only=True), scans
    except GovdiscloseError:
        raise
    except Exception as exc:  # untrusted input: openpyxl raises many kinds of error
        raise _openpyxl_error(str(path), exc) from None


def _read_sheets(
    path: Path, domain: Any, level: Any, sheet: str | None, limits: Limits, first_only: bool
) -> tuple[ImportResult, ...]:
    wb, scans = _load(Path(path), limits)
    infos = _info(wb[INFO_SHEET]) if INFO_SHEET in wb.sheetnames else {}
    if sheet is not None and sheet not in wb.sheetnames:
        raise InputError(
            f"{path}: no sheet {sheet!r}; sheets: {', '.join(wb.sheetnames)} (没有该工作表)"
        )
    results: list[ImportResult] = []
    problems = []
    for ws in wb.worksheets:
        if ws.title == INFO_SHEET or (sheet is not None and ws.title != sheet):
            continue
        info, info_findings = infos.get(ws.title, (None, []))
        try:
            result = read_grid(
                _grid(ws, str(path), limits),
                domain=domain,
                level=level,
                info=info,
                default_title=Path(path).stem,
                subject=f"{Path(path).name}!{ws.title}",
            )
        except InputError as exc:
            if sheet is not None:
                raise InputError(f"{path}: {exc}") from None
            problems.append(str(exc))
            continue
        formulas = scans[ws.title].formulas_without_value if ws.title in scans else ()
        findings = (
            *info_findings,
            *(_formula_finding(ws.title, ref) for ref in formulas),
            *result.report.findings,
        )
        results.append(attrs.evolve(result, report=Report(findings, result.report.subject)))
        if first_only:
            break
    if not results:
        detail = "; ".join(problems) or "no sheets"
        raise InputError(f"{path}: no sheet holds a catalogue table ({detail}) (未找到目录表)")
    return tuple(results)


def _formula_finding(sheet: str, ref: str) -> Finding:
    row, column = _ref_index(ref)
    where = cell_ref(sheet, row, column)
    return codes.FORMULA_WITHOUT_VALUE.finding(
        where,
        message_zh=f"{where}是没有计算结果的公式，按空白读取",
        message_en=f"{where} holds a formula with no saved result; read as empty",
        cell=where,
    )


def _ref_index(ref: str) -> tuple[int, int]:
    letters = "".join(ch for ch in ref if ch.isalpha())
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(ref[len(letters) :]) - 1, column - 1


def read_xlsx(
    path: str | Path,
    *,
    domain: Any = None,
    level: Any = None,
    sheet: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportResult:
    """Read a catalogue from an XLSX file: the named ``sheet`` or the first catalogue sheet.

    ``domain`` (code, label or :class:`~govdisclose._vocabulary.Domain`) overrides what the
    file says.  Unusable files raise :class:`~govdisclose._errors.InputError`; everything
    else is read, with findings for the cells that could not be.
    """
    return _read_sheets(Path(path), domain, level, sheet, limits, first_only=True)[0]


def read_workbook(
    path: str | Path, *, domain: Any = None, level: Any = None, limits: Limits = DEFAULT_LIMITS
) -> tuple[ImportResult, ...]:
    """Read every catalogue sheet of an XLSX file (e.g. 安全生产 and 救灾)."""
    return _read_sheets(Path(path), domain, level, None, limits, first_only=False)
