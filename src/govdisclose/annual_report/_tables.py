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

from .._errors import InputError
from ._format import (
    FORMAT_DOCUMENT,
    LAWSUIT_HEADING,
    SECTIONS,
    TABLE2_BLOCKS,
    TABLE3_COLUMNS,
    TABLE3_NOTE,
    TABLE3_ROWS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    TRIAL_OTHER_ROW,
    BodyLevel,
    Label,
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


def _show(value: Cell) -> str:
    return "" if value is None else str(value)


def _table3_rows(report: AnnualReport) -> list[str]:
    codes = [r.code for r in TABLE3_ROWS]
    if report.trial_layout:
        at = codes.index("other.no_supplement")
        codes[at : at + 3] = [TRIAL_OTHER_ROW.code]
    return codes


# -- HTML ------------------------------------------------------------------------------------

_CSS = """
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; margin: 1.5em; color: #000; }
h1 { font-size: 18pt; text-align: center; }
h2 { font-size: 14pt; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; margin: .5em 0 1em; }
caption { font-weight: bold; padding: .3em 0; text-align: left; }
th, td { border: 1px solid #000; padding: .3em .4em; vertical-align: middle; }
thead th, th.block { background: #e7e6e6; text-align: center; }
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


def _html_table2(report: AnnualReport) -> str:
    table = report.table2 or {}
    out = ['<table class="proactive">', "<caption>主动公开政府信息情况</caption>"]
    for b, block in enumerate(TABLE2_BLOCKS):
        width = 1 + len(block.columns)
        out.append("<tbody>")
        out.append(
            f'<tr><th scope="rowgroup" class="block" colspan="{width}" id="t2-b{b}">'
            f"{_e(block.heading)}</th></tr>"
        )
        heads = "".join(
            f'<th scope="col" id="t2-b{b}-{c}">{_e(label_of("2c", c).name)}</th>'
            for c in block.columns
        )
        out.append(f'<tr><th scope="col" id="t2-b{b}-name">信息内容</th>{heads}</tr>')
        for row in block.rows:
            cells = "".join(
                f'<td headers="t2-b{b} t2-b{b}-{c} t2-{row}">'
                f"{_e(_show(table.get(row, {}).get(c)))}</td>"
                for c in block.columns
            )
            name = label_of(2, row).name
            out.append(f'<tr><th scope="row" id="t2-{row}">{_e(name)}</th>{cells}</tr>')
        out.append("</tbody>")
    out.append("</table>")
    return "\n".join(out)


def _html_table3(report: AnnualReport) -> str:
    table = report.table3 or {}
    cols = TABLE3_COLUMNS
    head = [
        "<thead>",
        f'<tr><th scope="col" rowspan="3" colspan="3" id="t3-note">{_e(TABLE3_NOTE)}</th>'
        f'<th scope="colgroup" colspan="7" id="t3-applicants">申请人情况</th></tr>',
        f'<tr><th scope="col" rowspan="2" id="t3-c-{cols[0].code}" headers="t3-applicants">'
        f"{cols[0].name}</th>"
        '<th scope="colgroup" colspan="5" id="t3-org" headers="t3-applicants">法人或其他组织</th>'
        f'<th scope="col" rowspan="2" id="t3-c-total" headers="t3-applicants">总计</th></tr>',
        "<tr>"
        + "".join(
            f'<th scope="col" id="t3-c-{c.code}" headers="t3-applicants t3-org">{c.name}</th>'
            for c in cols[1:6]
        )
        + "</tr>",
        "</thead>",
    ]
    body = ["<tbody>"]
    codes = _table3_rows(report)
    spans = _spans(codes)
    for row in codes:
        label = label_of(3, row)
        cells = []
        ids = []
        for depth, part in enumerate(label.parts):
            key = (depth, label.parts[: depth + 1])
            last = depth == len(label.parts) - 1
            span_id = f"t3-r-{row}" if last else f"t3-g-{spans[key][0]}-{depth}"
            ids.append(span_id)
            if key in spans and spans[key][0] != row:
                continue
            rowspan = spans.get(key, (row, 1))[1]
            colspan = 3 - depth if last else 1
            attrs_ = f' rowspan="{rowspan}"' if rowspan > 1 else ""
            attrs_ += f' colspan="{colspan}"' if colspan > 1 else ""
            scope = "rowgroup" if rowspan > 1 else "row"
            cells.append(f'<th scope="{scope}"{attrs_} id="{span_id}">{_e(part)}</th>')
        for column in cols:
            value = _show(table.get(row, {}).get(column.code))
            cells.append(f'<td headers="{" ".join(ids)} t3-c-{column.code}">{value}</td>')
        body.append(f"<tr>{''.join(cells)}</tr>")
    body.append("</tbody>")
    return "\n".join(
        [
            '<table class="requests">',
            "<caption>收到和处理政府信息公开申请情况</caption>",
            *head,
            *body,
            "</table>",
        ]
    )


def _spans(codes: Sequence[str]) -> dict[tuple[int, tuple[str, ...]], tuple[str, int]]:
    """For each group part shared by consecutive rows: (first row, number of rows)."""
    out: dict[tuple[int, tuple[str, ...]], tuple[str, int]] = {}
    for row in codes:
        parts = label_of(3, row).parts
        for depth in range(len(parts) - 1):
            key = (depth, parts[: depth + 1])
            first, count = out.get(key, (row, 0))
            out[key] = (first, count + 1)
    return out


def _html_table4(report: AnnualReport) -> str:
    table = report.table4 or {}
    head = [
        "<thead>",
        '<tr><th scope="colgroup" colspan="5" rowspan="2" id="t4-administrative_review">'
        "行政复议</th>"
        f'<th scope="colgroup" colspan="10" id="t4-lawsuit">{LAWSUIT_HEADING}</th></tr>',
        "<tr>"
        + "".join(
            f'<th scope="colgroup" colspan="5" id="t4-{g.code}" headers="t4-lawsuit">'
            f"{_e(g.parts[-1])}</th>"
            for g in TABLE4_GROUPS[1:]
        )
        + "</tr>",
        "<tr>"
        + "".join(
            f'<th scope="col" id="t4-{g.code}-{c.code}" headers="t4-{g.code}">{c.name}</th>'
            for g in TABLE4_GROUPS
            for c in TABLE4_COLUMNS
        )
        + "</tr>",
        "</thead>",
    ]
    cells = "".join(
        f'<td headers="t4-{g.code}-{c.code}">{_show(table.get(g.code, {}).get(c.code))}</td>'
        for g in TABLE4_GROUPS
        for c in TABLE4_COLUMNS
    )
    return "\n".join(
        [
            '<table class="reviews">',
            "<caption>政府信息公开行政复议、行政诉讼情况</caption>",
            *head,
            f"<tbody>\n<tr>{cells}</tr>\n</tbody>",
            "</table>",
        ]
    )


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
    tables = {2: _html_table2, 3: _html_table3, 4: _html_table4}
    for section in SECTIONS:
        parts.append(f'<section id="{section.code}">')
        parts.append(f"<h2>{_e(section.heading)}</h2>")
        if section.table is None:
            parts.append(_text_section(report, section.code))
        else:
            parts.append(tables[section.table](report))
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


def _xlsx_table2(sheet: _Sheet, report: AnnualReport) -> None:
    table = report.table2 or {}
    for block in TABLE2_BLOCKS:
        r = sheet.row
        sheet.put(r, 1, block.heading, header=True, span=(1, 4))
        sheet.put(r + 1, 1, "信息内容", header=True)
        for i, column in enumerate(block.columns):
            sheet.put(r + 1, 2 + i, label_of("2c", column).name, header=True)
        r += 2
        for row in block.rows:
            sheet.put(r, 1, label_of(2, row).name, align="left")
            for i, column in enumerate(block.columns):
                sheet.put(r, 2 + i, table.get(row, {}).get(column))
            r += 1
        sheet.row = r


def _xlsx_table3(sheet: _Sheet, report: AnnualReport) -> None:
    table = report.table3 or {}
    r = sheet.row
    sheet.put(r, 1, TABLE3_NOTE, header=True, span=(3, 3))
    sheet.put(r, 4, "申请人情况", header=True, span=(1, 7))
    sheet.put(r + 1, 4, TABLE3_COLUMNS[0].name, header=True, span=(2, 1))
    sheet.put(r + 1, 5, "法人或其他组织", header=True, span=(1, 5))
    sheet.put(r + 1, 10, "总计", header=True, span=(2, 1))
    for i, column in enumerate(TABLE3_COLUMNS[1:6]):
        sheet.put(r + 2, 5 + i, column.name, header=True)
    r += 3
    codes = _table3_rows(report)
    spans = _spans(codes)
    for offset, row in enumerate(codes):
        label = label_of(3, row)
        for depth, part in enumerate(label.parts):
            key = (depth, label.parts[: depth + 1])
            if key in spans and spans[key][0] != row:
                continue
            rows = spans.get(key, (row, 1))[1]
            columns = 3 - depth if depth == len(label.parts) - 1 else 1
            sheet.put(r + offset, 1 + depth, part, span=(rows, columns), align="left")
        for i, column in enumerate(TABLE3_COLUMNS):
            sheet.put(r + offset, 4 + i, table.get(row, {}).get(column.code))
    sheet.row = r + len(codes)


def _xlsx_table4(sheet: _Sheet, report: AnnualReport) -> None:
    table = report.table4 or {}
    r = sheet.row
    sheet.put(r, 1, TABLE4_GROUPS[0].label, header=True, span=(2, 5))
    sheet.put(r, 6, LAWSUIT_HEADING, header=True, span=(1, 10))
    for g, group in enumerate(TABLE4_GROUPS[1:]):
        sheet.put(r + 1, 6 + 5 * g, group.parts[-1], header=True, span=(1, 5))
    for g, group in enumerate(TABLE4_GROUPS):
        for i, column in enumerate(TABLE4_COLUMNS):
            sheet.put(r + 2, 1 + 5 * g + i, column.name, header=True)
            sheet.put(r + 3, 1 + 5 * g + i, table.get(group.code, {}).get(column.code))
    sheet.row = r + 4


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
    writers = {2: _xlsx_table2, 3: _xlsx_table3, 4: _xlsx_table4}
    for section in SECTIONS:
        sheet.heading(section.heading)
        if section.table is None:
            sheet.text(report.sections.get(section.code, ""))
        else:
            writers[section.table](sheet, report)
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
        level = BodyLevel.parse(str(info["level"]), default=None)
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
