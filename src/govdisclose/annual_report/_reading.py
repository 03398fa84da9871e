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

    def note_trial(self, label: Label, text: str, path: str) -> None:
        if label.trial and text not in self.trial:
            self.trial.append(text)
            self.locations[("label", text)] = path


# -- JSON ------------------------------------------------------------------------------------


def _table2(r: _Reader, data: object, path: str) -> dict[str, dict[str, Cell]] | None:
    if not isinstance(data, Mapping):
        r.malformed(path, "对象 an object", data)
        return None
    out: dict[str, dict[str, Cell]] = {}
    items: list[tuple[str, object, str]] = []
    for key, value in data.items():
        here = f"{path}[{_key(key)}]"
        if match_label(2, key) is None and match_label("2b", key) is not None:
            if isinstance(value, Mapping):  # a block heading with its rows under it
                items.extend((k, v, f"{here}[{_key(k)}]") for k, v in value.items())
            else:
                r.malformed(here, "对象 an object", value)
            continue
        items.append((key, value, here))
    for key, value, here in items:
        row = match_label(2, key)
        if row is None:
            r.unknown(key, here, "行 row")
            continue
        r.note_trial(row, key, here)
        if row.code in out:
            r.duplicate(key, here, r.locations[(2, row.code)])
            continue
        if not isinstance(value, Mapping):
            r.malformed(here, "以列名为键的对象 an object keyed by column labels", value)
            continue
        r.locations[(2, row.code)] = here
        cells: dict[str, Cell] = {}
        allowed = TABLE2_LAYOUT.get(row.code, ())
        for column_text, cell in value.items():
            where = f"{here}[{_key(column_text)}]"
            column = match_label("2c", column_text)
            if column is None or not (column.trial or column.code in allowed):
                r.unknown(column_text, where, f"“{row.name}”的列 column of {row.code}")
                continue
            r.note_trial(column, column_text, where)
            if column.code in cells or (2, row.code, column.code) in r.unreadable:
                r.duplicate(column_text, where, r.locations[(2, row.code, column.code)])
                continue
            ok, number = r.cell(cell, (2, row.code, column.code), where)
            if ok:
                cells[column.code] = number
        out[row.code] = cells
    return out


def _columns3(r: _Reader, data: object, path: str) -> list[str | None] | None:
    if data is None:
        return [c.code for c in TABLE3_COLUMNS]
    if not isinstance(data, list):
        r.malformed(path, "列名数组 a list of column labels", data)
        return None
    out: list[str | None] = []
    for i, text in enumerate(data):
        column = match_label("3c", text) if isinstance(text, str) else None
        if column is None:
            r.unknown(text, f"{path}[{i}]", "表三的列 column of table 三")
        elif column.code in out:
            r.duplicate(str(text), f"{path}[{i}]", f"{path}[{out.index(column.code)}]")
            column = None
        out.append(None if column is None else column.code)
    return out


def _table3(r: _Reader, data: object, path: str) -> dict[str, dict[str, Cell]] | None:
    if not isinstance(data, Mapping):
        r.malformed(path, "对象 an object", data)
        return None
    if "rows" in data or "columns" in data:
        for key in set(data) - {"rows", "columns"}:
            r.add("unknown-key", f"{path}[{_key(str(key))}]", key=str(key))
        columns = _columns3(r, data.get("columns"), f"{path}.columns")
        rows, rows_path = data.get("rows", {}), f"{path}.rows"
    else:
        columns, rows, rows_path = [c.code for c in TABLE3_COLUMNS], data, path
    if columns is None:
        return None
    if not isinstance(rows, Mapping):
        r.malformed(rows_path, "以行名为键的对象 an object keyed by row labels", rows)
        return None
    out: dict[str, dict[str, Cell]] = {}
    for key, value in rows.items():
        here = f"{rows_path}[{_key(key)}]"
        row = match_label(3, key)
        if row is None:
            group = match_label("3g", key)
            if group is not None:
                if _has_numbers(value):
                    r.add("group-heading-values", here, label=key)
            else:
                r.unknown(key, here, "表三的行 row of table 三")
            continue
        r.note_trial(row, key, here)
        if row.code in out:
            r.duplicate(key, here, r.locations[(3, row.code)])
            continue
        r.locations[(3, row.code)] = here
        cells: dict[str, Cell] = {}
        if isinstance(value, list):
            if len(value) != len(columns):  # which value is which column is not known
                r.malformed(here, f"{len(columns)}个数值 {len(columns)} values", value)
                r.unreadable.update((3, row.code, c) for c in columns if c is not None)
                out[row.code] = {}
                continue
            for i, cell in enumerate(value):
                column = columns[i]
                if column is not None:
                    ok, number = r.cell(cell, (3, row.code, column), f"{here}[{i}]")
                    if ok:
                        cells[column] = number
        elif isinstance(value, Mapping):
            cells = _labelled_cells(
                r, value, here, (3, row.code), "3c", "表三的列 column of table 三"
            )
        else:
            r.malformed(here, "数组或对象 a list or an object", value)
            continue
        out[row.code] = cells
    return out


def _has_numbers(value: object) -> bool:
    cells = (
        value
        if isinstance(value, list)
        else list(value.values())
        if isinstance(value, Mapping)
        else [value]
    )
    return any(c not in (None, "") for c in cells)


def _table4(r: _Reader, data: object, path: str) -> dict[str, dict[str, Cell]] | None:
    if not isinstance(data, Mapping):
        r.malformed(path, "对象 an object", data)
        return None
    items: list[tuple[str, object, str]] = []
    for key, value in data.items():
        here = f"{path}[{_key(key)}]"
        if fold_label(key) == fold_label(LAWSUIT_HEADING) and isinstance(value, Mapping):
            items.extend(
                (f"{LAWSUIT_HEADING}/{k}", v, f"{here}[{_key(k)}]") for k, v in value.items()
            )
        else:
            items.append((key, value, here))
    out: dict[str, dict[str, Cell]] = {}
    for key, value, here in items:
        group = match_label(4, key)
        if group is None:
            r.unknown(key, here, "表四的组 group of table 四")
            continue
        if group.code in out:
            r.duplicate(key, here, r.locations[(4, group.code)])
            continue
        if not isinstance(value, Mapping):
            r.malformed(here, "以列名为键的对象 an object keyed by column labels", value)
            continue
        r.locations[(4, group.code)] = here
        out[group.code] = _labelled_cells(
            r, value, here, (4, group.code), "4c", "表四的列 column of table 四"
        )
    return out


def _labelled_cells(
    r: _Reader, value: Mapping[Any, object], here: str, row: Key, kind: str, what: str
) -> dict[str, Cell]:
    """The cells of one row given as an object keyed by column labels (``kind`` of
    :func:`match_label`); an unknown or repeated label is a finding at its own path."""
    cells: dict[str, Cell] = {}
    for column_text, cell in value.items():
        where = f"{here}[{_key(column_text)}]"
        column = match_label(kind, column_text)
        if column is None:
            r.unknown(column_text, where, what)
            continue
        key = (*row, column.code)
        if column.code in cells:
            r.duplicate(column_text, where, r.locations[key])
            continue
        ok, number = r.cell(cell, key, where)
        if ok:
            cells[column.code] = number
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
    for name, read in (("table2", _table2), ("table3", _table3), ("table4", _table4)):
        if name in data and data[name] is not None:
            r.locations[(int(name[-1]),)] = f"$.{name}"
            tables[name] = read(r, data[name], f"$.{name}")
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
