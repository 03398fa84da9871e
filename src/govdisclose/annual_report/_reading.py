"""Reading a yearly report as people print it: JSON keyed by labels, and XLSX in the national
layout.

A scraper of published reports writes what it sees, so the JSON form is keyed by the labels
as printed (any spelling :func:`~govdisclose.annual_report._format.match_label` reads)::

    {"body": "某某县应急管理局", "year": 2025, "level": "county",
     "table2": {"规章": {"本年制发件数": 0, "本年废止件数": 0, "现行有效件数": 0}},
     "table3": {"columns": ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
                            "其他", "总计"],
                "rows": {"一、本年新收政府信息公开申请数量": [3, 1, 0, 0, 0, 0, 4]}},
     "table4": {"行政复议": {"结果维持": 0, "结果纠正": 0, "其他结果": 0, "尚未审结": 0,
                             "总计": 0}}}

Table 三's rows may also be objects keyed by column label, and its ``columns`` may be left
out (the format's order).  Table 四's groups are read flat (``行政诉讼/复议后起诉``) or nested
(``{"行政诉讼": {"复议后起诉": {...}}}``); table 二's rows may sit under their block heading
(``第二十条第（一）项``).  ``null`` or ``""`` is a blank cell; numbers written as text
(``"12"``) are read as numbers.  Whatever cannot be read becomes a located finding — a label
that is not in the format, text in a number cell, a part with the wrong shape — and the rest
is read; only input that is not a JSON object at all, or an unreadable file, is an
:class:`~govdisclose._errors.InputError`.

>>> read = read_report_document({"table3": {"rows": {"(一)予以公开": [1, 0, 0, 0, 0, 0, "1"]}}})
>>> read.report.table3["disclosed"]["total"], read.locations[(3, "disclosed", "total")]
(1, "$.table3.rows['(一)予以公开'][6]")
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .._errors import DataError, InputError, short_repr
from ..findings import Finding
from ._findings import finding
from ._format import (
    LAWSUIT_HEADING,
    SECTIONS,
    TABLE2_LAYOUT,
    TABLE3_COLUMNS,
    BodyLevel,
    Label,
    cut_off_labels,
    fold_label,
    match_label,
)
from ._report import AnnualReport, Cell
from ._tables import _BLANK_TEXT, _INFO_LABELS, INFO_SHEET

if TYPE_CHECKING:
    from ..tables._safety import Limits

__all__ = ["ReadReport", "read_report", "read_report_document", "read_report_xlsx"]

#: Where a cell, row or table came from: ``(table, row, column)``, ``(table, row)`` or
#: ``(table,)`` → a JSON path or ``sheet!cell``; ``("label", text)`` for a trial label.
Key = tuple[Any, ...]

_TOP_KEYS = ("body", "year", "level", "sections", "table2", "table3", "table4", "format")
_TEXT_SECTIONS = {s.code: s for s in SECTIONS if s.table is None}
_NUMBER_TEXT = re.compile(r"[+-]?\d+(?:\.\d+)?")


@attrs.frozen
class ReadReport:
    """A report as read, with where each part came from and what could not be read.

    ``locations`` maps ``(table, row, column)`` (and ``(table, row)``, ``(table,)``) to the
    JSON path or ``sheet!cell`` it was read from; ``unreadable`` holds the cells whose
    content was not a number (they are absent from ``report``); ``findings`` the problems
    met while reading.
    """

    report: AnnualReport
    locations: Mapping[Key, str] = attrs.field(factory=dict)
    findings: tuple[Finding, ...] = ()
    unreadable: frozenset[tuple[int, str, str]] = frozenset()
    subject: str | None = None


def _number(value: object) -> tuple[bool, Cell]:
    """``(readable, value)`` of a cell: a number (also one written as text), or blank."""
    if value is None or isinstance(value, bool):
        return value is None, None
    if isinstance(value, int):
        return True, value
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().replace(",", "")
        if not text:
            return True, None
        if _NUMBER_TEXT.fullmatch(text):
            value = float(text)
    if isinstance(value, float) and math.isfinite(value):
        return True, int(value) if value.is_integer() else value
    return False, None


def _key(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


class _Reader:
    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.locations: dict[Key, str] = {}
        self.unreadable: set[Key] = set()
        self.trial: list[str] = []

    def add(
        self, name: str, path: str, zh: str | None = None, en: str | None = None, **data: Any
    ) -> None:
        self.findings.append(finding(name, path, zh, en, **data))

    def cell(self, value: object, where: Key, path: str) -> tuple[bool, Cell]:
        """``(readable, value)`` of one cell; records its location and any problem."""
        self.locations[where] = path
        readable, number = _number(value)
        if not readable:
            self._bad(value, where, path)
        return readable, number

    def _bad(self, value: object, where: Key, path: str) -> None:
        self.unreadable.add(where)
        self.add(
            "not-a-number",
            path,
            f"单元格不是数字：{short_repr(value)}",
            f"the cell is not a number: {short_repr(value)}",
            value=value if isinstance(value, (str, int, float, bool)) else short_repr(value),
        )

    def unknown(self, text: object, path: str, what: str) -> None:
        cut = cut_off_labels(str(text))  # a header cell a copy kept only the first line of
        zh = f"（可能是不完整的「{'」或「'.join(cut)}」）" if cut else ""
        en = f" (cut off from {' or '.join(cut)}?)" if cut else ""
        extra = {"cut_off_from": cut} if cut else {}
        self.add(
            "unknown-label",
            path,
            f"不是年度报告格式中的{what}：{short_repr(text)}{zh}",
            f"not a {what} of the national format: {short_repr(text)}{en}",
            label=str(text),
            **extra,
        )

    def duplicate(self, text: str, path: str, first: str) -> None:
        self.add(
            "duplicate-label",
            path,
            f"与 {first} 是同一行或列，已忽略",
            f"the same row or column as {first}; ignored",
            label=text,
            first=first,
        )

    def malformed(self, path: str, expected: str, value: object) -> None:
        self.add(
            "malformed",
            path,
            f"结构无法读取：应为{expected}",
            f"cannot be read: expected {expected}, got {type(value).__name__}",
            expected=expected,
        )

    def row(self, table: dict[str, Any], number: int, label: Label, text: str, where: str) -> bool:
        """Whether the row (a group in table 四) ``label``, named ``text`` at ``where``, is new
        in ``table``: a repeated one is a finding naming the first."""
        self.note_trial(label, text, where)
        if label.code in table:
            self.duplicate(text, where, self.locations[(number, label.code)])
            return False
        self.locations[(number, label.code)] = where
        return True

    def about(self, info: Mapping[str, Any], paths: Mapping[str, str]) -> dict[str, Any]:
        """The body, year and level given in ``info`` (at ``paths``), those unreadable left out."""
        body, year, level = info.get("body"), info.get("year"), info.get("level")
        if body is not None and not isinstance(body, str):
            self.malformed(paths["body"], "文本 text", body)
            body = None
        if isinstance(year, str) and year.strip().isdigit():
            year = int(year.strip())
        if isinstance(year, float) and year.is_integer():
            year = int(year)
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            self.malformed(paths["year"], "年份 a year", year)
            year = None
        if level is not None:
            level = BodyLevel.parse(level, default=None)
            if level is None:
                self.malformed(paths["level"], "township、county、city 或 province", info["level"])
        return {"body": body, "year": year, "level": level}

    def result(
        self,
        about: dict[str, Any],
        tables: Mapping[int, dict[str, dict[str, Cell]] | None],
        sections: dict[str, str],
        subject: str | None,
    ) -> ReadReport:
        """The report read, with where its parts came from and the findings."""
        try:
            report = AnnualReport(
                **about,
                table2=tables.get(2),
                table3=tables.get(3),
                table4=tables.get(4),
                sections=sections,
                trial_labels=self.trial,
            )
        except DataError as exc:  # not expected: the reader keeps only readable cells
            raise InputError(f"cannot read the report: {exc}") from None
        findings = tuple(self.findings)
        return ReadReport(report, self.locations, findings, frozenset(self.unreadable), subject)

    def note_trial(self, label: Label, text: str, path: str) -> None:
        if label.trial and text not in self.trial:
            self.trial.append(text)
            self.locations[("label", text)] = path


# -- JSON ------------------------------------------------------------------------------------

#: What a row (a group in table 四) is called in the findings.
_ROW_WHAT = {
    2: "表二的行 row of table 二",
    3: "表三的行 row of table 三",
    4: "表四的组 group of table 四",
}
_COLUMN_WHAT = {3: "表三的列 column of table 三", 4: "表四的列 column of table 四"}
_BY_OBJECT = "以列名为键的对象 an object keyed by column labels"


def _table(r: _Reader, number: int, data: object, path: str) -> dict[str, dict[str, Cell]] | None:
    """Table ``number`` read from an object keyed by row labels (by group labels in table
    四; table 三 may be ``{columns, rows}``); the rows of table 二's block headings and table
    四's 行政诉讼 may stand under them."""
    columns: list[str | None] = [c.code for c in TABLE3_COLUMNS]
    expected = "对象 an object"
    if number == 3 and isinstance(data, Mapping) and ("rows" in data or "columns" in data):
        for key in set(data) - {"rows", "columns"}:
            r.add("unknown-key", f"{path}[{_key(str(key))}]", key=str(key))
        if data.get("columns") is not None:
            given = _columns3(r, data["columns"], f"{path}.columns")
            if given is None:
                return None
            columns = given
        data, path = data.get("rows", {}), f"{path}.rows"
        expected = "以行名为键的对象 an object keyed by row labels"
    if not isinstance(data, Mapping):
        r.malformed(path, expected, data)
        return None
    items: list[tuple[str, object, str]] = []
    for key, value in data.items():
        here = f"{path}[{_key(key)}]"
        if match_label(number, key) is None and match_label(f"{number}b", key) is not None:
            if isinstance(value, Mapping):  # a block heading with its rows under it
                prefix = f"{LAWSUIT_HEADING}/" if number == 4 else ""
                items.extend((prefix + k, v, f"{here}[{_key(k)}]") for k, v in value.items())
            else:
                r.malformed(here, "对象 an object", value)
            continue
        items.append((key, value, here))
    out: dict[str, dict[str, Cell]] = {}
    for key, value, here in items:
        row = match_label(number, key)
        if row is None:
            if number == 3 and match_label("3g", key) is not None:
                if _has_numbers(value):
                    r.add("group-heading-values", here, label=key)
            else:
                r.unknown(key, here, _ROW_WHAT[number])
        elif r.row(out, number, row, key, here):
            if number == 3 and isinstance(value, list):
                out[row.code] = _listed_cells(r, value, here, row.code, columns)
            elif isinstance(value, Mapping):
                out[row.code] = _labelled_cells(r, value, here, number, row)
            else:
                expected = "数组或对象 a list or an object" if number == 3 else _BY_OBJECT
                r.malformed(here, expected, value)
    return out


def _columns3(r: _Reader, data: object, path: str) -> list[str | None] | None:
    if not isinstance(data, list):
        r.malformed(path, "列名数组 a list of column labels", data)
        return None
    out: list[str | None] = []
    for i, text in enumerate(data):
        column = match_label("3c", text) if isinstance(text, str) else None
        if column is None:
            r.unknown(text, f"{path}[{i}]", _COLUMN_WHAT[3])
        elif column.code in out:
            r.duplicate(str(text), f"{path}[{i}]", f"{path}[{out.index(column.code)}]")
            column = None
        out.append(None if column is None else column.code)
    return out


def _listed_cells(
    r: _Reader, value: list[object], here: str, row: str, columns: list[str | None]
) -> dict[str, Cell]:
    """The cells of a table 三 row given as a list in the order of ``columns``."""
    cells: dict[str, Cell] = {}
    if len(value) != len(columns):  # which value is which column is not known
        r.malformed(here, f"{len(columns)}个数值 {len(columns)} values", value)
        r.unreadable.update((3, row, c) for c in columns if c is not None)
        return cells
    for i, (cell, column) in enumerate(zip(value, columns, strict=True)):
        if column is not None:
            ok, number = r.cell(cell, (3, row, column), f"{here}[{i}]")
            if ok:
                cells[column] = number
    return cells


def _has_numbers(value: object) -> bool:
    cells = (
        value
        if isinstance(value, list)
        else list(value.values())
        if isinstance(value, Mapping)
        else [value]
    )
    return any(c not in (None, "") for c in cells)


def _labelled_cells(
    r: _Reader, value: Mapping[Any, object], here: str, number: int, row: Label
) -> dict[str, Cell]:
    """The cells of one row given as an object keyed by column labels; an unknown or
    repeated label is a finding at its own path.  A table 二 row has its block's columns
    (or the 2019 trial layout's)."""
    cells: dict[str, Cell] = {}
    allowed = TABLE2_LAYOUT.get(row.code, ())
    for column_text, cell in value.items():
        where = f"{here}[{_key(column_text)}]"
        column = match_label(f"{number}c", column_text)
        if column is None or (number == 2 and not (column.trial or column.code in allowed)):
            what = _COLUMN_WHAT.get(number, f"“{row.name}”的列 column of {row.code}")
            r.unknown(column_text, where, what)
            continue
        r.note_trial(column, column_text, where)
        key = (number, row.code, column.code)
        if column.code in cells or key in r.unreadable:
            r.duplicate(column_text, where, r.locations[key])
            continue
        ok, number_ = r.cell(cell, key, where)
        if ok:
            cells[column.code] = number_
    return cells


def _sections(r: _Reader, data: object, path: str) -> dict[str, str]:
    if not isinstance(data, Mapping):
        r.malformed(path, "对象 an object", data)
        return {}
    out: dict[str, str] = {}
    for key, text in data.items():
        here = f"{path}[{_key(key)}]"
        heading = match_label("s", key)
        found = key if key in _TEXT_SECTIONS else heading and heading.code
        if found not in _TEXT_SECTIONS:
            r.unknown(key, here, "正文部分 text section")
        elif not isinstance(text, str):
            r.malformed(here, "文本 text", text)
        else:
            out[found] = text
    return out


def read_report_document(data: object, *, subject: str | None = None) -> ReadReport:
    """Read a report from JSON values keyed by labels (see the module documentation).

    Raises :class:`~govdisclose._errors.InputError` only when ``data`` is not an object.
    """
    if not isinstance(data, Mapping):
        raise InputError("a yearly report must be a JSON object (年度报告应为JSON对象)", path="$")
    r = _Reader()
    for key in data:
        if key not in _TOP_KEYS:
            r.add("unknown-key", f"$[{_key(str(key))}]", key=str(key))
    about = r.about(data, {key: f"$.{key}" for key in _TOP_KEYS})
    tables = {
        number: _table(r, number, data[f"table{number}"], f"$.table{number}")
        for number in (2, 3, 4)
        if data.get(f"table{number}") is not None
    }
    r.locations.update({(number,): f"$.table{number}" for number in tables})
    sections = _sections(r, data["sections"], "$.sections") if "sections" in data else {}
    return r.result(about, tables, sections, subject)


def read_report(
    source: str | Path | Mapping[str, Any], *, limits: Limits | None = None
) -> ReadReport:
    """Read a report file — ``.xlsx`` in the national layout (within ``limits``), anything
    else as JSON — or a report already parsed from JSON (a ``dict`` keyed by the printed
    labels)."""
    from .._files import read_json_file

    if isinstance(source, Mapping):
        return read_report_document(source)
    if str(source).lower().endswith((".xlsx", ".xlsm")):
        return read_report_xlsx(source, limits=limits)
    return read_report_document(read_json_file(source), subject=Path(source).name)


# -- XLSX ------------------------------------------------------------------------------------

_TITLE = re.compile(r"^(?P<body>.*?)(?P<year>\d{4})\s*年度?\s*政府信息公开工作年度报告")


def read_report_xlsx(path: str | Path, *, limits: Limits | None = None) -> ReadReport:
    """Read a report from an XLSX workbook in the national layout (:func:`to_xlsx` writes
    one): the tables are found by their labels (any spelling :func:`match_label` reads), the
    body and year in the title when there is no ``报告信息`` sheet; every cell keeps its
    ``sheet!cell`` address for the findings."""
    from ..tables._safety import DEFAULT_LIMITS, check_xlsx, open_workbook

    wb = open_workbook(check_xlsx(Path(path), limits or DEFAULT_LIMITS), str(path))
    r = _Reader()
    info: dict[str, Any] = {}
    tables: dict[int, dict[str, dict[str, Cell]]] = {}
    sections: dict[str, str] = {}
    keys = {label: key for key, label in _INFO_LABELS.items()}
    for ws in wb.worksheets:
        grid = _grid(ws)
        if ws.title != INFO_SHEET:
            _read_sheet(ws.title, grid, r, info, tables, sections)
            continue
        for row in grid:
            if len(row) >= 2 and isinstance(row[0], str) and row[0].strip() in keys:
                info[keys[row[0].strip()]] = row[1]
    if not tables and not sections:
        raise InputError(f"{path}: no table of the yearly report found (未找到年度报告的表格)")
    about = r.about(info, {k: f"{INFO_SHEET}!B{i}" for i, k in enumerate(_INFO_LABELS, start=1)})
    return r.result(about, tables, sections, Path(str(path)).name)


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
    from ..tables._layout import cell_ref  # the tables package is loaded with a workbook only

    return cell_ref(sheet, row, column)


def _join(parts: Sequence[str]) -> str:
    out: list[str] = []
    for part in parts:
        if not out or out[-1] != part:
            out.append(part)
    return "".join(out)


def _read_sheet(
    sheet: str,
    grid: list[list[Any]],
    r: _Reader,
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
        heading = match_label("s", first) if len(distinct) == 1 else None
        if heading is not None:
            section = next(s for s in SECTIONS if s.code == heading.code)
            mode = section.table
            text_section = section.code if mode is None else None
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
        if mode in (2, 3):
            _read_row(sheet, i, row, mode, columns2 if mode == 2 else columns3, r, tables)


def _read_row(
    sheet: str,
    i: int,
    row: list[Any],
    number: int,
    columns: dict[int, str],
    r: _Reader,
    tables: dict[int, dict[str, dict[str, Cell]]],
) -> None:
    """A data row of table 二 or 三: its label (the texts before the first number column),
    then its cells.  A row with no values and a label not in the format is passed over."""
    labels = _texts(row[: min(columns or [0])])
    if not labels:
        return
    text, where = _join([v for _, v in labels]), _address(sheet, i, labels[0][0])
    label = match_label(number, text)
    values = [row[c] if c < len(row) else None for c in columns]
    if label is None:
        given = any(
            _number(v)[1] is not None if number == 3 else v not in (None, "") for v in values
        )
        if number == 3 and match_label("3g", text) is not None:
            if given:
                r.add("group-heading-values", where, label=text)
        elif given:
            r.unknown(text, where, _ROW_WHAT[number])
        return
    table = tables.setdefault(number, {})
    r.locations.setdefault((number,), where)
    if r.row(table, number, label, text, where):
        table[label.code] = {}
        for (c, column), value in zip(columns.items(), values, strict=True):
            ok, number_ = r.cell(value, (number, label.code, column), _address(sheet, i, c))
            if ok:
                table[label.code][column] = number_


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


def _read_table4(
    sheet: str,
    grid: list[list[Any]],
    i: int,
    r: _Reader,
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
