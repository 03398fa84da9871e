"""The yearly report in the national layout: an XLSX workbook and an accessible HTML page.

Both follow the printed format: the six sections in order, the text sections as headed
blanks for the office to fill, and tables 二, 三 and 四 with the format's headers, merged
group cells and labels.  The HTML page is for the body's website: one self-contained UTF-8
page (inline CSS, no scripts), each table with a ``<caption>``, ``<th scope>`` and, for the
two-level headers of tables 三 and 四, header ``id``\\ s that every data cell names in its
``headers`` attribute.  Every text is escaped.

The workbook has the report on the sheet ``年度报告`` and the body, year and level on the
sheet ``报告信息``; :func:`~govdisclose.annual_report.read_report` reads it back (and any
workbook in the national layout).

>>> from govdisclose.annual_report import AnnualReport, to_html
>>> page = to_html(AnnualReport.from_counts(body="某某镇人民政府（示例）", year=2025))
>>> 'id="t3-c-natural_person" headers="t3-applicants"' in page, "<caption>" in page
(True, True)
"""

from __future__ import annotations

import html
import io
from typing import Any

import attrs

from ._format import (
    FORMAT_DOCUMENT,
    LAWSUIT_HEADING,
    SECTIONS,
    TABLE2_BLOCKS,
    TABLE3_COLUMNS,
    TABLE3_NOTE,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    Section,
    label_of,
)
from ._report import AnnualReport

__all__ = ["INFO_SHEET", "REPORT_SHEET", "to_html", "to_xlsx"]

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


#: Each kind of cell: its font, whether it is shaded, its alignment (``None``: the default).
_KINDS: dict[str, tuple[str, bool, str | None]] = {
    "title": ("title", False, "center"),
    "heading": ("heading", False, None),
    "head": ("bold", True, "center"),
    "label": ("font", False, "left"),
    "data": ("font", False, "center"),
    "text": ("font", False, "text"),
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
        kind: str = "data",
        span: tuple[int, int] = (1, 1),
        *,
        border: bool = True,
    ) -> None:
        from ..tables._xlsx import set_cell

        if isinstance(value, str):
            cell = set_cell(self.ws, row, column, value, "$")
        else:
            cell = self.ws.cell(row, column)
            cell.value = value
        font, shaded, align = _KINDS[kind]
        cell.font = self.styles[font]
        if align is not None:
            cell.alignment = self.styles[align]
        if shaded:
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

    def text(self, text: str) -> None:
        value = text if text.strip() else _BLANK_TEXT
        self.put(self.row, 1, value, "text", (1, 15), border=False)
        lines = max(2, len(value) // 60 + value.count("\n") + 1)
        self.ws.row_dimensions[self.row].height = min(409.0, 14.0 * lines)
        self.row += 1


def to_xlsx(report: AnnualReport) -> bytes:
    """The report as an XLSX workbook in the national layout (sheets 年度报告 and 报告信息)."""
    import openpyxl

    wb = openpyxl.Workbook()
    styles = _styles()
    ws = wb.active
    ws.title = REPORT_SHEET
    sheet = _Sheet(ws, styles)
    sheet.put(1, 1, _title(report), "title", (1, 15), border=False)
    sheet.row = 3
    for section in SECTIONS:
        sheet.put(sheet.row, 1, section.heading, "heading", border=False)
        sheet.row += 1
        if section.table is None:
            sheet.text(report.sections.get(section.code, ""))
        else:
            for _, rows in _LAYOUTS[section.table](report):
                for cells in rows:
                    for cell in cells:
                        sheet.put(sheet.row, 1 + cell.column, cell.value, cell.style, cell.span)
                    sheet.row += 1
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
        info_sheet.put(i, 1, label, "head")
        info_sheet.put(i, 2, values[key], "label")
    info.column_dimensions["A"].width = 12
    info.column_dimensions["B"].width = 40
    wb.properties.title = _title(report)
    wb.properties.creator = "govdisclose"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
