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

import functools
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from .._errors import DataError, InputError
from .._model import Catalogue
from .._texttable import display_width
from ..findings import Finding, Report
from . import _codes as codes
from ._cells import cell_text, row_values
from ._header import Grid
from ._layout import (
    METADATA_KEYS,
    Column,
    cell_ref,
    column_letter,
    columns_for,
    extra_channels,
    first_level_runs,
    header_groups,
    ref_position,
)
from ._metadata import CatalogueInfo, info_pairs, read_info_pairs
from ._reading import ImportResult, read_grid
from ._safety import DEFAULT_LIMITS, Limits, check_cells, inspect_xlsx, open_workbook

#: The name of the sheet with the catalogue information.
INFO_SHEET = "目录信息"
_INFO_CORNER = "项目"
_FONT = "宋体"
_LINE_POINTS = 14.0
_TITLE_ROW, _HEADER_ROW, _FIRST_DATA_ROW = 1, 2, 4


# Named styles: the workbook holds each combination of font, border, fill and alignment once,
# and the cells of one style share its style array (setting the styles cell by cell made
# openpyxl hash style objects for every cell: 4.6× slower).
_TITLE, _HEADER, _BODY, _CENTER, _NOTE, _LABEL = (
    "目录标题",
    "目录表头",
    "目录正文",
    "目录正文居中",
    "目录注",
    "目录信息栏目",
)
_CENTERED = ("tick", "number", "first_level", "service_level")


def _add_styles(wb: Any) -> dict[str, Any]:
    """Add the named styles to ``wb``; their style arrays by name."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font, bold = Font(name=_FONT, size=10), Font(name=_FONT, size=10, bold=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    grey = PatternFill("solid", fgColor="E7E6E6")
    top_left = Alignment(horizontal="left", vertical="top", wrap_text=True)
    styles = (
        NamedStyle(_TITLE, font=Font(name=_FONT, size=16, bold=True), alignment=center),
        NamedStyle(_HEADER, font=bold, fill=grey, alignment=center, border=border),
        NamedStyle(_BODY, font=font, alignment=left, border=border),
        NamedStyle(_CENTER, font=font, alignment=center, border=border),
        NamedStyle(_NOTE, font=font, alignment=top_left),
        NamedStyle(_LABEL, font=bold, alignment=left, border=border),
    )
    for style in styles:
        wb.add_named_style(style)
    return {style.name: style.as_tuple() for style in styles}


def _merge(ws: Any, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
    """Merge a range (1-based, inclusive) whose first cell is written.

    ``ws.merge_cells`` re-applies borders cell by cell through openpyxl's style objects (3.6 s
    for the first-level cells of 5,000 rows); here the other cells share the first cell's
    style array, whose borders already frame them, as openpyxl's worksheet copy does.
    """
    from openpyxl.cell.cell import MergedCell
    from openpyxl.worksheet.merge import MergedCellRange

    first, last = (first_row - 1, first_column - 1), (last_row - 1, last_column - 1)
    if first == last:
        return
    ws.merged_cells.add(MergedCellRange(ws, f"{cell_ref(None, *first)}:{cell_ref(None, *last)}"))
    array = ws.cell(row=first_row, column=first_column)._style
    for row in range(first_row, last_row + 1):
        for column in range(first_column, last_column + 1):
            if (row, column) != (first_row, first_column):
                cell = ws._cells[(row, column)] = MergedCell(ws, row=row, column=column)
                cell._style = array


@functools.cache
def _openpyxl_cell() -> tuple[Any, type[Exception]]:
    """openpyxl's cell class and the error it raises for a control character (imported once:
    an import statement in :func:`set_cell` would cost a third of its time)."""
    from openpyxl.cell.cell import Cell
    from openpyxl.utils.exceptions import IllegalCharacterError

    return Cell, IllegalCharacterError


def set_cell(ws: Any, row: int, column: int, value: str | int, path: str, style: Any = None) -> Any:
    """Write a value as data (a text starting with ``=`` stays text, never a formula), with
    the style array ``style``; :class:`~govdisclose._errors.DataError` at ``path`` for a text
    a spreadsheet cell cannot hold as it is."""
    cell_class, illegal_character = _openpyxl_cell()
    problem = None
    if isinstance(value, str) and len(value) > DEFAULT_LIMITS.max_cell_chars:
        problem = (
            f"text of {len(value)} characters is longer than a spreadsheet cell holds "
            f"({DEFAULT_LIMITS.max_cell_chars}) (文本过长)"
        )
    elif isinstance(value, str) and "\r" in value:
        problem = (
            "text contains a carriage return (\\r), which a workbook would turn into a line "
            "break; use \\n for line breaks (含有回车符)"
        )
    else:
        try:
            cell = cell_class(ws, row=row, column=column, value=value)
        except illegal_character:
            problem = "text contains a control character a spreadsheet cannot hold (含有控制字符)"
    if problem:
        raise DataError(problem, path=path)
    if cell.data_type == "f":
        cell.data_type = "s"
    if style is not None:
        cell._style = style
    ws._add_cell(cell)  # ws.cell(…) would first make an empty cell: twice as slow
    return cell


@functools.lru_cache(maxsize=4096)
def _height(text: str, width: float) -> float:
    """The points a row needs to show ``text`` wrapped in a column ``width`` characters wide."""
    chars = int(max(1.0, width - 1))
    lines = sum(max(1, -(-display_width(line) // chars)) for line in text.split("\n"))
    return min(409.0, _LINE_POINTS * lines + 4)


def _write_header(ws: Any, columns: Sequence[Column], style: Any) -> None:
    top, low = _HEADER_ROW, _HEADER_ROW + 1
    for group in header_groups(columns):
        first, last = group.start + 1, group.stop
        set_cell(ws, top, first, columns[group.start].group, "$", style)
        if columns[group.start].spans_both_rows:
            _merge(ws, top, first, low, first)
            continue
        for c in group:
            label = "二级事项" if columns[c].key == "number" else columns[c].header
            set_cell(ws, low, c + 1, label, "$", style)
        _merge(ws, top, first, top, last)
        for c in group:
            if columns[c].key == "number":  # 二级事项 spans its number and name
                _merge(ws, low, c + 1, low, c + 2)


def _write_sheet(ws: Any, catalogue: Catalogue, styles: dict[str, Any]) -> None:
    columns = columns_for(catalogue)
    extras = extra_channels(catalogue)
    width = len(columns)
    set_cell(ws, _TITLE_ROW, 1, catalogue.title, "$.title", styles[_TITLE])
    _merge(ws, _TITLE_ROW, 1, _TITLE_ROW, width)
    ws.row_dimensions[_TITLE_ROW].height = 30
    _write_header(ws, columns, styles[_HEADER])
    arrays = [styles[_CENTER if c.key in _CENTERED else _BODY] for c in columns]
    widths = [c.width for c in columns]
    row, index = _FIRST_DATA_ROW, 0
    for run in first_level_runs(catalogue.items):
        for item in run:
            values = row_values(item, columns, extras)
            path = f"$.items[{index}]"
            for c, value in enumerate(values):
                set_cell(ws, row, c + 1, value, path, arrays[c])
            texts = zip(values[1:], widths[1:], strict=True)
            heights = (_height(v, w) for v, w in texts if type(v) is str)
            ws.row_dimensions[row].height = max(heights, default=_height("", 1))
            row, index = row + 1, index + 1
        _merge(ws, row - len(run), 1, row - 1, 1)  # the first-level cell spans its run
    for note in catalogue.notes:
        set_cell(ws, row, 1, note, "$.notes", styles[_NOTE])
        _merge(ws, row, 1, row, width)
        ws.row_dimensions[row].height = _height(note, sum(widths))
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
    wb: Any, catalogues: Sequence[Catalogue], names: Sequence[str], styles: dict[str, Any]
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
            set_cell(ws, r, c, value, "$", styles[_LABEL if r == 1 or c == 1 else _BODY])
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
    styles = _add_styles(wb)
    names = _sheet_names(listed)
    for i, (catalogue, name) in enumerate(zip(listed, names, strict=True)):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        _write_sheet(ws, catalogue, styles)
    _write_info(wb, listed, names, styles)
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
            (cell_text(r[0]), cell_text(r[c]), cell_ref(INFO_SHEET, i, c))
            for i, r in enumerate(rows[1:], start=1)
            if c < len(r) and cell_text(r[0]) and cell_text(r[c])
        ]
        out[cell_text(sheet)] = read_info_pairs(pairs)
    return out


def _read_sheets(
    path: Path, domain: Any, level: Any, sheet: str | None, limits: Limits, first_only: bool
) -> tuple[ImportResult, ...]:
    data, scans = inspect_xlsx(path, limits)
    wb = open_workbook(data, str(path))
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
    where = cell_ref(sheet, *(ref_position(ref) or (0, 0)))
    return codes.FORMULA_WITHOUT_VALUE.finding(
        where,
        message_zh=f"{where}是没有计算结果的公式，按空白读取",
        message_en=f"{where} holds a formula with no saved result; read as empty",
        cell=where,
    )


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
