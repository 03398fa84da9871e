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

import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from .._errors import DataError, GovdiscloseError, InputError, short_repr
from ..findings import Finding
from ._findings import code
from ._format import (
    LAWSUIT_HEADING,
    SECTIONS,
    TABLE2_LAYOUT,
    TABLE3_COLUMNS,
    BodyLevel,
    Label,
    fold_label,
    match_label,
)
from ._report import AnnualReport, Cell

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


def _key(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


class _Reader:
    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.locations: dict[Key, str] = {}
        self.unreadable: set[Key] = set()
        self.trial: list[str] = []

    def add(self, name: str, path: str, **kwargs: Any) -> None:
        self.findings.append(code(name).finding(path, **kwargs))

    def cell(self, value: object, where: Key, path: str) -> tuple[bool, Cell]:
        """``(readable, value)`` of one cell; records its location and any problem."""
        self.locations[where] = path
        if value is None:
            return True, None
        if isinstance(value, bool):
            return self._bad(value, where, path)
        if isinstance(value, int):
            return True, value
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                return self._bad(value, where, path)
            return True, int(value) if value.is_integer() else value
        if isinstance(value, str):
            text = unicodedata.normalize("NFKC", value).strip().replace(",", "")
            if not text:
                return True, None
            if _NUMBER_TEXT.fullmatch(text):
                number = float(text)
                return True, int(number) if number.is_integer() else number
        return self._bad(value, where, path)

    def _bad(self, value: object, where: Key, path: str) -> tuple[bool, Cell]:
        self.unreadable.add(where)
        self.add(
            "not-a-number",
            path,
            message_zh=f"单元格不是数字：{short_repr(value)}",
            message_en=f"the cell is not a number: {short_repr(value)}",
            value=value if isinstance(value, (str, int, float, bool)) else short_repr(value),
        )
        return False, None

    def unknown(self, text: object, path: str, what: str) -> None:
        self.add(
            "unknown-label",
            path,
            message_zh=f"不是年度报告格式中的{what}：{short_repr(text)}",
            message_en=f"not a {what} of the national format: {short_repr(text)}",
            label=str(text),
        )

    def duplicate(self, text: str, path: str, first: str) -> None:
        self.add(
            "duplicate-label",
            path,
            message_zh=f"与 {first} 是同一行或列，已忽略",
            message_en=f"the same row or column as {first}; ignored",
            label=text,
            first=first,
        )

    def malformed(self, path: str, expected: str, value: object) -> None:
        self.add(
            "malformed",
            path,
            message_zh=f"结构无法读取：应为{expected}",
            message_en=f"cannot be read: expected {expected}, got {type(value).__name__}",
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
        found = key if key in _TEXT_SECTIONS else _BY_HEADING.get(fold_label(key))
        if found is None or found not in _TEXT_SECTIONS:
            r.unknown(key, here, "正文部分 text section")
        elif not isinstance(text, str):
            r.malformed(here, "文本 text", text)
        else:
            out[found] = text
    return out


_BY_HEADING = {fold_label(s.heading): s.code for s in SECTIONS} | {
    fold_label(s.heading.split("、", 1)[1]): s.code for s in SECTIONS
}


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
    body = data.get("body")
    if body is not None and not isinstance(body, str):
        r.malformed("$.body", "文本 text", body)
        body = None
    year = data.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        if isinstance(year, str) and year.strip().isdigit():
            year = int(year.strip())
        else:
            r.malformed("$.year", "年份 a year", year)
            year = None
    level: BodyLevel | None = None
    if data.get("level") is not None:
        try:
            level = BodyLevel.parse(data["level"], path="$.level")
        except GovdiscloseError as exc:
            r.malformed("$.level", "township、county、city 或 province", data["level"])
            del exc
    tables: dict[str, Any] = {}
    for number in (2, 3, 4):
        if data.get(f"table{number}") is not None:
            r.locations[(number,)] = f"$.table{number}"
            tables[f"table{number}"] = _table(r, number, data[f"table{number}"], f"$.table{number}")
    sections = _sections(r, data["sections"], "$.sections") if "sections" in data else {}
    try:
        report = AnnualReport(
            body=body, year=year, level=level, sections=sections, trial_labels=r.trial, **tables
        )
    except DataError as exc:  # not expected: the reader keeps only readable cells
        raise InputError(f"cannot read the report: {exc}") from None
    return ReadReport(report, r.locations, tuple(r.findings), frozenset(r.unreadable), subject)


def read_report(source: str | Path | Mapping[str, Any]) -> ReadReport:
    """Read a report file — ``.xlsx`` in the national layout, anything else as JSON — or a
    report already parsed from JSON (a ``dict`` keyed by the printed labels)."""
    from .._files import read_json_file

    if isinstance(source, Mapping):
        return read_report_document(source)
    path = source
    name = str(path)
    if name.lower().endswith((".xlsx", ".xlsm")):
        return read_report_xlsx(path)
    return read_report_document(read_json_file(path), subject=Path(name).name)


def read_report_xlsx(path: str | Path) -> ReadReport:
    """Read a report from an XLSX workbook in the national layout (see :mod:`._tables`)."""
    from ._tables import read_xlsx_grid

    r = _Reader()
    report = read_xlsx_grid(path, r)
    return ReadReport(
        report, r.locations, tuple(r.findings), frozenset(r.unreadable), Path(str(path)).name
    )
