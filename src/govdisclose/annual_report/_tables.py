"""The yearly report in the national layout: an XLSX workbook and an accessible HTML page, and
reading such a workbook back.

Both follow the printed format: the six sections in order, the text sections as headed
blanks for the office to fill, and tables 二, 三 and 四 with the format's headers, merged
group cells and labels.  The HTML page is for the body's website: one self-contained UTF-8
page (inline CSS, no scripts), each table with a ``<caption>``, ``<th scope>`` and, for the
two-level headers of tables 三 and 四, header ``id``\\ s that every data cell names in its
``headers`` attribute.  Every text is escaped.

The workbook has the report on the sheet ``年度报告`` and the body, year and level on the
sheet ``报告信息``.  :func:`read_xlsx_grid` reads it back — and any workbook in the national
layout: it finds the tables by their labels (any spelling the format reader accepts) and
the body and year in the title when there is no ``报告信息`` sheet; every cell keeps its
``sheet!cell`` address for the findings.

>>> from govdisclose.annual_report import AnnualReport, to_html
>>> page = to_html(AnnualReport.from_counts(body="某某镇人民政府（示例）", year=2025))
>>> 'id="t3-c-natural_person" headers="t3-applicants"' in page, "<caption>" in page
(True, True)
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from .._errors import InputError
from ._format import (
    FORMAT_DOCUMENT,
    LAWSUIT_HEADING,
    SECTIONS,
    TABLE2_BLOCKS,
    TABLE3_COLUMNS,
    TABLE3_NOTE,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    BodyLevel,
    Label,
    Section,
    fold_label,
    label_of,
    match_label,
)
from ._report import AnnualReport, Cell

__all__ = ["INFO_SHEET", "REPORT_SHEET", "read_xlsx_grid", "to_html", "to_xlsx"]

#: The sheet holding the report, and the sheet holding who reports for which year.
REPORT_SHEET = "年度报告"
#: The sheet with the body (报告机关), year (报告年度) and level (机关层级).
INFO_SHEET = "报告信息"
_INFO_LABELS = {"body": "报告机关", "year": "报告年度", "level": "机关层级", "format": "报告格式"}
_BLANK_TEXT = "（待填写）"


def _title(report: AnnualReport) -> str:
    body = report.body or ""
    year = f"{report.year}年" if report.year is not None else ""
    return f"{body}{year}政府信息公开工作年度报告"


def _show(value: object) -> str:
    return "" if value is None else str(value)


@attrs.frozen
class _Cell:
    """One cell of a table as both writers lay it out: its column (from 0), content, style
    (``head`` a column or block header, ``label`` a row header, ``data`` a number), span
    (rows, columns), and for the HTML page its ``scope``, ``id`` and the ``headers`` it
    falls under."""

    column: int
    value: str | int | float | None
    style: str = "data"
    span: tuple[int, int] = (1, 1)
    scope: str = ""
    id: str = ""
    headers: str = ""


#: A table as laid out: its row groups (``thead`` or ``tbody``), each a list of rows of cells.
_Layout = list[tuple[str, list[list[_Cell]]]]


def _head(
    column: int, text: str, span: tuple[int, int] = (1, 1), scope: str = "", **html: str
) -> _Cell:
    """A header cell; its scope is a column group where it spans columns."""
    return _Cell(
        column, text, "head", span, scope or ("colgroup" if span[1] > 1 else "col"), **html
    )


def _layout2(report: AnnualReport) -> _Layout:
    table = report.table2 or {}
    groups: _Layout = []
    for b, block in enumerate(TABLE2_BLOCKS):
        ids = f"t2-b{b}"
        head = _head(0, block.heading, (1, 4), scope="rowgroup", id=ids)
        rows = [[head], [_head(0, "信息内容", id=f"{ids}-name")]]
        for i, column in enumerate(block.columns):
            rows[1].append(_head(1 + i, label_of("2c", column).name, id=f"{ids}-{column}"))
        for row in block.rows:
            rows.append([_Cell(0, label_of(2, row).name, "label", id=f"t2-{row}")])
            rows[-1] += [
                _Cell(1 + i, table.get(row, {}).get(c), headers=f"{ids} {ids}-{c} t2-{row}")
                for i, c in enumerate(block.columns)
            ]
        groups.append(("tbody", rows))
    return groups


def _layout3(report: AnnualReport) -> _Layout:
    table = report.table3 or {}
    first, *organisations, total = TABLE3_COLUMNS
    top, org = "t3-applicants", "t3-org"
    head = [
        [
            _head(0, TABLE3_NOTE, (3, 3), scope="col", id="t3-note"),
            _head(3, "申请人情况", (1, 7), id=top),
        ],
        [
            _head(3, first.name, (2, 1), id=f"t3-c-{first.code}", headers=top),
            _head(4, "法人或其他组织", (1, 5), id=org, headers=top),
            _head(9, total.name, (2, 1), id="t3-c-total", headers=top),
        ],
        [
            _head(4 + i, c.name, id=f"t3-c-{c.code}", headers=f"{top} {org}")
            for i, c in enumerate(organisations)
        ],
    ]
    codes = report.table3_layout()
    spans: dict[tuple[int, tuple[str, ...]], tuple[str, int]] = {}  # group part: first row, rows
    for row in codes:
        parts = label_of(3, row).parts
        for depth in range(len(parts) - 1):
            start, count = spans.get((depth, parts[: depth + 1]), (row, 0))
            spans[depth, parts[: depth + 1]] = (start, count + 1)
    body = []
    for row in codes:
        parts = label_of(3, row).parts
        cells, ids = [], []
        for depth, part in enumerate(parts):
            start, rows = spans.get((depth, parts[: depth + 1]), (row, 1))
            last = depth == len(parts) - 1
            ids.append(f"t3-r-{row}" if last else f"t3-g-{start}-{depth}")
            if start == row:
                span = (rows, 3 - depth if last else 1)
                cells.append(_Cell(depth, part, "label", span, id=ids[-1]))
        cells += [
            _Cell(3 + i, table.get(row, {}).get(c.code), headers=f"{' '.join(ids)} t3-c-{c.code}")
            for i, c in enumerate(TABLE3_COLUMNS)
        ]
        body.append(cells)
    return [("thead", head), ("tbody", body)]


def _layout4(report: AnnualReport) -> _Layout:
    table = report.table4 or {}
    review, *lawsuits = TABLE4_GROUPS
    columns = [
        (5 * g + i, group, c)
        for g, group in enumerate(TABLE4_GROUPS)
        for i, c in enumerate(TABLE4_COLUMNS)
    ]
    head = [
        [
            _head(0, review.label, (2, 5), id=f"t4-{review.code}"),
            _head(5, LAWSUIT_HEADING, (1, 10), id="t4-lawsuit"),
        ],
        [
            _head(5 + 5 * g, group.parts[-1], (1, 5), id=f"t4-{group.code}", headers="t4-lawsuit")
            for g, group in enumerate(lawsuits)
        ],
        [
            _head(at, c.name, id=f"t4-{g.code}-{c.code}", headers=f"t4-{g.code}")
            for at, g, c in columns
        ],
    ]
    data = [
        _Cell(at, table.get(g.code, {}).get(c.code), headers=f"t4-{g.code}-{c.code}")
        for at, g, c in columns
    ]
    return [("thead", head), ("tbody", [data])]


_LAYOUTS = {2: _layout2, 3: _layout3, 4: _layout4}


# -- HTML ------------------------------------------------------------------------------------

_CSS = """
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; margin: 1.5em; color: #000; }
h1 { font-size: 18pt; text-align: center; }
h2 { font-size: 14pt; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; margin: .5em 0 1em; }
caption { font-weight: bold; padding: .3em 0; text-align: left; }
th, td { border: 1px solid #000; padding: .3em .4em; vertical-align: middle; }
th.head { background: #e7e6e6; text-align: center; font-weight: bold; }
tbody th { font-weight: normal; text-align: left; }
td { text-align: center; white-space: nowrap; }
p.blank { border: 1px dashed #888; min-height: 4em; color: #555; padding: .5em; }
@media print {
  @page { size: A4; margin: 15mm; }
  thead { display: table-header-group; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
}
""".strip()


def _e(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _text_section(report: AnnualReport, code: str) -> str:
    text = report.sections.get(code, "")
    if not text.strip():
        return f'<p class="blank">{_BLANK_TEXT}</p>'
    return "".join(f"<p>{_e(p)}</p>" for p in text.split("\n\n"))


def _html_cell(cell: _Cell) -> str:
    if cell.style == "data":
        return f'<td headers="{cell.headers}">{_show(cell.value)}</td>'
    rows, columns = cell.span
    attributes = f' scope="{cell.scope or ("rowgroup" if rows > 1 else "row")}"'
    attributes += ' class="head"' if cell.style == "head" else ""
    attributes += f' rowspan="{rows}"' if rows > 1 else ""
    attributes += f' colspan="{columns}"' if columns > 1 else ""
    attributes += f' id="{cell.id}"' + (f' headers="{cell.headers}"' if cell.headers else "")
    return f"<th{attributes}>{_e(str(cell.value))}</th>"


def _html_table(report: AnnualReport, section: Section, number: int) -> str:
    caption = section.heading.split("、", 1)[1]
    out = [f'<table class="{section.code}">', f"<caption>{_e(caption)}</caption>"]
    for tag, rows in _LAYOUTS[number](report):
        out += [f"<{tag}>", *(f"<tr>{''.join(map(_html_cell, r))}</tr>" for r in rows), f"</{tag}>"]
    return "\n".join([*out, "</table>"])


def to_html(report: AnnualReport) -> str:
    """The report as a complete HTML page in the national layout (a ``str``; write as UTF-8).

    Blank text sections show their heading and a dashed box marked （待填写）.
    """
    title = _title(report)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_e(title)}</h1>",
    ]
    for section in SECTIONS:
        parts.append(f'<section id="{section.code}">')
        parts.append(f"<h2>{_e(section.heading)}</h2>")
        if section.table is None:
            parts.append(_text_section(report, section.code))
        else:
            parts.append(_html_table(report, section, section.table))
        parts.append("</section>")
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


# -- XLSX ------------------------------------------------------------------------------------

_FONT = "宋体"


def _styles() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="000000")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "title": Font(name=_FONT, size=16, bold=True),
        "heading": Font(name=_FONT, size=12, bold=True),
        "bold": Font(name=_FONT, size=10, bold=True),
        "font": Font(name=_FONT, size=10),
        "fill": PatternFill("solid", fgColor="E7E6E6"),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "left": Alignment(horizontal="left", vertical="center", wrap_text=True),
        "text": Alignment(horizontal="left", vertical="top", wrap_text=True),
    }


class _Sheet:
    def __init__(self, ws: Any, styles: dict[str, Any]) -> None:
        self.ws = ws
        self.styles = styles
        self.row = 1

    def put(
        self,
        row: int,
        column: int,
        value: str | int | float | None,
        *,
        header: bool = False,
        span: tuple[int, int] = (1, 1),
        align: str = "center",
        border: bool = True,
    ) -> None:
        from ..tables._xlsx import set_cell

        if isinstance(value, str):
            cell = set_cell(self.ws, row, column, value, "$")
        else:
            cell = self.ws.cell(row, column)
            cell.value = value
        cell.font = self.styles["bold" if header else "font"]
        cell.alignment = self.styles[align]
        if header:
            cell.fill = self.styles["fill"]
        rows, columns = span
        for r in range(row, row + rows):
            for c in range(column, column + columns):
                if border:
                    self.ws.cell(r, c).border = self.styles["border"]
        if rows > 1 or columns > 1:
            self.ws.merge_cells(
                start_row=row,
                start_column=column,
                end_row=row + rows - 1,
                end_column=column + columns - 1,
            )

    def heading(self, text: str) -> None:
        from ..tables._xlsx import set_cell

        cell = set_cell(self.ws, self.row, 1, text, "$")
        cell.font = self.styles["heading"]
        self.row += 1

    def text(self, text: str) -> None:
        value = text if text.strip() else _BLANK_TEXT
        self.put(self.row, 1, value, span=(1, 15), align="text", border=False)
        lines = max(2, len(value) // 60 + value.count("\n") + 1)
        self.ws.row_dimensions[self.row].height = min(409.0, 14.0 * lines)
        self.row += 1


def _xlsx_table(sheet: _Sheet, layout: _Layout) -> None:
    for _, rows in layout:
        for cells in rows:
            for cell in cells:
                align = "left" if cell.style == "label" else "center"
                header = cell.style == "head"
                sheet.put(
                    sheet.row,
                    1 + cell.column,
                    cell.value,
                    header=header,
                    span=cell.span,
                    align=align,
                )
            sheet.row += 1


def to_xlsx(report: AnnualReport) -> bytes:
    """The report as an XLSX workbook in the national layout (sheets 年度报告 and 报告信息)."""
    import openpyxl

    wb = openpyxl.Workbook()
    styles = _styles()
    ws = wb.active
    ws.title = REPORT_SHEET
    sheet = _Sheet(ws, styles)
    sheet.put(1, 1, _title(report), span=(1, 15), border=False)
    ws.cell(1, 1).font = styles["title"]
    sheet.row = 3
    for section in SECTIONS:
        sheet.heading(section.heading)
        if section.table is None:
            sheet.text(report.sections.get(section.code, ""))
        else:
            _xlsx_table(sheet, _LAYOUTS[section.table](report))
        sheet.row += 1
    from openpyxl.utils import get_column_letter

    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 30
    for c in range(4, 16):
        ws.column_dimensions[get_column_letter(c)].width = 9
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    info = wb.create_sheet(INFO_SHEET)
    values = {
        "body": report.body,
        "year": report.year,
        "level": None if report.level is None else report.level.label,
        "format": FORMAT_DOCUMENT,
    }
    info_sheet = _Sheet(info, styles)
    for i, (key, label) in enumerate(_INFO_LABELS.items(), start=1):
        info_sheet.put(i, 1, label, header=True)
        info_sheet.put(i, 2, values[key], align="left")
    info.column_dimensions["A"].width = 12
    info.column_dimensions["B"].width = 40
    wb.properties.title = _title(report)
    wb.properties.creator = "govdisclose"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# -- reading XLSX ----------------------------------------------------------------------------

_TITLE = re.compile(r"^(?P<body>.*?)(?P<year>\d{4})\s*年度?\s*政府信息公开工作年度报告")


def _grid(ws: Any) -> list[list[Any]]:
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    for merged in ws.merged_cells.ranges:
        value = ws.cell(merged.min_row, merged.min_col).value
        if not isinstance(value, str):
            continue  # only labels spread over their merged area
        for r in range(merged.min_row - 1, merged.max_row):
            for c in range(merged.min_col - 1, merged.max_col):
                if r < len(rows) and c < len(rows[r]):
                    rows[r][c] = value
    return rows


def _texts(row: Sequence[Any]) -> list[tuple[int, str]]:
    return [(c, v.strip()) for c, v in enumerate(row) if isinstance(v, str) and v.strip()]


def _address(sheet: str, row: int, column: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{sheet}!{get_column_letter(column + 1)}{row + 1}"


def _join(parts: Sequence[str]) -> str:
    out: list[str] = []
    for part in parts:
        if not out or out[-1] != part:
            out.append(part)
    return "".join(out)


def read_xlsx_grid(path: str | Path, reader: Any) -> AnnualReport:
    """Read a workbook in the national layout; ``reader`` (of :mod:`._reading`) reads each
    cell and keeps where it came from and the problems met."""
    from ..tables._safety import check_xlsx, open_workbook

    wb = open_workbook(check_xlsx(Path(path)), str(path))
    info: dict[str, Any] = {}
    tables: dict[int, dict[str, dict[str, Cell]]] = {}
    sections: dict[str, str] = {}
    for ws in wb.worksheets:
        grid = _grid(ws)
        if ws.title == INFO_SHEET:
            labels = {v: k for k, v in _INFO_LABELS.items()}
            for row in grid:
                if len(row) >= 2 and isinstance(row[0], str) and row[0].strip() in labels:
                    info[labels[row[0].strip()]] = row[1]
            continue
        _read_sheet(ws.title, grid, reader, info, tables, sections)
    if not tables and not sections:
        raise InputError(f"{path}: no table of the yearly report found (未找到年度报告的表格)")
    level = None
    if info.get("level") not in (None, ""):
        level = BodyLevel.try_parse(str(info["level"]))
        if level is None:
            reader.malformed(
                f"{INFO_SHEET}!B3", "township、county、city 或 province", info["level"]
            )
    year = info.get("year")
    if isinstance(year, str) and year.strip().isdigit():
        year = int(year.strip())
    if isinstance(year, float) and year.is_integer():
        year = int(year)
    if year is not None and not isinstance(year, int):
        reader.malformed(f"{INFO_SHEET}!B2", "年份 a year", year)
        year = None
    body = info.get("body")
    return AnnualReport(
        body=str(body) if body not in (None, "") else None,
        year=year,
        level=level,
        table2=tables.get(2),
        table3=tables.get(3),
        table4=tables.get(4),
        sections=sections,
        trial_labels=reader.trial,
    )


def _section_of(text: str) -> str | None:
    folded = fold_label(text)
    for section in SECTIONS:
        heading = section.heading
        if folded in (fold_label(heading), fold_label(heading.split("、", 1)[1])):
            return section.code
    return None


def _read_sheet(
    sheet: str,
    grid: list[list[Any]],
    r: Any,
    info: dict[str, Any],
    tables: dict[int, dict[str, dict[str, Cell]]],
    sections: dict[str, str],
) -> None:
    mode: int | None = None
    text_section: str | None = None
    columns2: dict[int, str] = {}
    columns3: dict[int, str] = {}
    for i, row in enumerate(grid):
        texts = _texts(row)
        if not texts and all(v is None for v in row):
            continue
        first = texts[0][1] if texts else ""
        if i == 0 or (not info.get("body") and _TITLE.match(first) and len(texts) <= 1):
            match = _TITLE.match(first)
            if match:
                info.setdefault("body", match.group("body").strip() or None)
                info.setdefault("year", int(match.group("year")))
                continue
        distinct = {t for _, t in texts}
        section = _section_of(first) if len(distinct) == 1 else None
        if section is not None:
            mode = {s.code: s.table for s in SECTIONS}[section]
            text_section = section if mode is None else None
            if text_section is not None:
                sections.setdefault(text_section, "")
            continue
        if text_section is not None:
            text = first if first != _BLANK_TEXT else ""
            sections[text_section] = "\n".join(x for x in (sections[text_section], text) if x)
            r.locations.setdefault(("section", text_section), _address(sheet, i, texts[0][0]))
            continue
        # table 二: a block heading, its column header, its rows
        if match_label("2b", first) is not None and len(distinct) == 1:
            mode = 2
            continue
        if fold_label(first) == fold_label("信息内容"):
            mode, columns2 = 2, {}
            for c, text in texts[1:]:
                column = match_label("2c", text)
                if column is None:
                    r.unknown(text, _address(sheet, i, c), "表二的列 column of table 二")
                else:
                    r.note_trial(column, text, _address(sheet, i, c))
                    columns2[c] = column.code
            continue
        # table 三: the header (自然人 …) over two or three rows
        if any(fold_label(t) == fold_label("自然人") for _, t in texts):
            mode, columns3 = 3, {}
            for c in range(len(row)):
                for below in grid[i : i + 2]:
                    value = below[c] if c < len(below) else None
                    column = match_label("3c", value) if isinstance(value, str) else None
                    if column is not None:
                        columns3[c] = column.code
            continue
        # table 四: the row of 15 column labels, groups above, numbers below
        if sum(1 for _, t in texts if match_label("4c", t) is not None) >= 3:
            _read_table4(sheet, grid, i, r, tables)
            mode = None
            continue
        if mode == 2:
            _read_row2(sheet, i, row, texts, columns2, r, tables)
        elif mode == 3 and columns3:
            _read_row3(sheet, i, row, columns3, r, tables)


def _read_row2(
    sheet: str,
    i: int,
    row: list[Any],
    texts: list[tuple[int, str]],
    columns: dict[int, str],
    r: Any,
    tables: dict[int, dict[str, dict[str, Cell]]],
) -> None:
    if not texts or not columns:
        return
    c0, text = texts[0]
    label = match_label(2, text)
    where = _address(sheet, i, c0)
    if label is None:
        if any(row[c] not in (None, "") for c in columns if c < len(row)):
            r.unknown(text, where, "表二的行 row of table 二")
        return
    _store_row(2, label, text, where, sheet, i, row, columns, r, tables)


def _store_row(
    number: int,
    label: Label,
    text: str,
    where: str,
    sheet: str,
    i: int,
    row: list[Any],
    columns: dict[int, str],
    r: Any,
    tables: dict[int, dict[str, dict[str, Cell]]],
) -> None:
    """Keep the cells of a data row of table ``number`` (二 or 三) whose label is known; a row
    given twice is a finding naming the first."""
    r.note_trial(label, text, where)
    table = tables.setdefault(number, {})
    r.locations.setdefault((number,), where)
    if label.code in table:
        r.duplicate(text, where, r.locations[(number, label.code)])
        return
    r.locations[(number, label.code)] = where
    cells: dict[str, Cell] = {}
    for c, column in columns.items():
        ok, value = r.cell(
            row[c] if c < len(row) else None, (number, label.code, column), _address(sheet, i, c)
        )
        if ok:
            cells[column] = value
    table[label.code] = cells


def _read_row3(
    sheet: str,
    i: int,
    row: list[Any],
    columns: dict[int, str],
    r: Any,
    tables: dict[int, dict[str, dict[str, Cell]]],
) -> None:
    first_number = min(columns)
    parts = [v.strip() for v in row[:first_number] if isinstance(v, str) and v.strip()]
    if not parts:
        return
    text = _join(parts)
    where = _address(sheet, i, 0)
    label = match_label(3, text)
    if label is None:
        numbers = any(_numeric(row[c]) for c in columns if c < len(row))
        if match_label("3g", text) is not None:
            if numbers:
                r.add("group-heading-values", where, label=text)
        elif numbers:
            r.unknown(text, where, "表三的行 row of table 三")
        return
    _store_row(3, label, text, where, sheet, i, row, columns, r, tables)


def _fill_right(row: Sequence[Any], width: int) -> list[str]:
    """A header row's group names, each carried right over the empty cells after it (a group
    heading typed once over its columns, without merging)."""
    out: list[str] = []
    current = ""
    for c in range(width):
        value = row[c] if c < len(row) else None
        if isinstance(value, str) and value.strip():
            current = value.strip()
        out.append(current)
    return out


def _numeric(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and value.strip().replace(".", "", 1).isdigit()


def _read_table4(
    sheet: str,
    grid: list[list[Any]],
    i: int,
    r: Any,
    tables: dict[int, dict[str, dict[str, Cell]]],
) -> None:
    header = grid[i]
    data = grid[i + 1] if i + 1 < len(grid) else []
    table = tables.setdefault(4, {})
    r.locations.setdefault((4,), _address(sheet, i, 0))
    above = [_fill_right(grid[k], len(header)) for k in range(max(0, i - 2), i)]
    for c, value in enumerate(header):
        column = match_label("4c", value) if isinstance(value, str) else None
        if column is None:
            continue
        names = [row[c] for row in above if row[c]]
        group = match_label(4, _join(names)) if names else None
        if group is None:
            r.unknown(_join(names), _address(sheet, i - 1, c), "表四的组 group of table 四")
            continue
        cells = table.setdefault(group.code, {})
        r.locations.setdefault((4, group.code), _address(sheet, i - 1, c))
        if column.code in cells:
            r.duplicate(value, _address(sheet, i, c), r.locations[(4, group.code, column.code)])
            continue
        ok, number = r.cell(
            data[c] if c < len(data) else None,
            (4, group.code, column.code),
            _address(sheet, i + 1, c),
        )
        if ok:
            cells[column.code] = number
