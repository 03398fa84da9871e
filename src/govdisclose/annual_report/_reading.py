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
(``"12"``) are read as numbers.  Each spelling is mapped to the canonical form (schema
``annual-report``), whose structure is then checked against the package's own schema (its
cells left to the reader); each problem is reported where the user wrote it.  Whatever cannot
be read becomes a located finding — a key that is not in the format, text in a number cell, a
part with the wrong shape — and the rest is read; only input that is not a JSON object at
all, or an unreadable file, is an :class:`~govdisclose._errors.InputError`.

>>> read = read_report_document({"table3": {"rows": {"(一)予以公开": [1, 0, 0, 0, 0, 0, "1"]}}})
>>> read.report.table3["disclosed"]["total"], read.locations[(3, "disclosed", "total")]
(1, "$.table3.rows['(一)予以公开'][6]")
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .._errors import DataError, InputError, short_repr
from ..findings import Finding
from ._findings import finding
from ._format import (
    ALL_TABLE3_ROWS,
    FORMAT_DOCUMENT,
    LAWSUIT_HEADING,
    SECTIONS,
    TABLE2_LAYOUT,
    TABLE2_ROWS,
    TABLE3_COLUMNS,
    TABLE4_GROUPS,
    BodyLevel,
    Label,
    cut_off_labels,
    fold_label,
    label_of,
    match_label,
)
from ._report import AnnualReport, Cell
from ._tables import _BLANK_TEXT, _INFO_LABELS, INFO_SHEET

if TYPE_CHECKING:
    from ..schemas._problems import SchemaProblem
    from ..tables._safety import Limits

__all__ = ["ReadReport", "read_report", "read_report_document", "read_report_xlsx"]

#: Where a cell, row or table came from: ``(table, row, column)``, ``(table, row)`` or
#: ``(table,)`` → a JSON path or ``sheet!cell``; ``("label", text)`` for a trial label,
#: ``("info", fact)`` for a fact (body, year, level, format) read from a workbook.
Key = tuple[Any, ...]

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
        self.findings: list[tuple[int, Finding]] = []
        self.locations: dict[Key, str] = {}
        self.unreadable: set[Key] = set()
        self.trial: list[str] = []
        self.marks = 0
        #: The position in the input of the finding being added, when not the current one.
        self.fixed: int | None = None

    def mark(self) -> int:
        """The position of the part of the input being read (findings are in input order)."""
        self.marks += 1
        return 2 * self.marks

    def add(
        self, name: str, path: str, zh: str | None = None, en: str | None = None, **data: Any
    ) -> None:
        at = 2 * self.marks + 1 if self.fixed is None else self.fixed
        self.findings.append((at, finding(name, path, zh, en, **data)))

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
            f"结构无法读取：应为{expected}，实为 {short_repr(value, limit=40)}",
            f"cannot be read: expected {expected}, got {short_repr(value, limit=40)}",
            expected=expected,
        )

    def row(self, number: int, label: Label, text: str, where: str) -> bool:
        """Whether the row (a group in table 四) ``label``, named ``text`` at ``where``, is
        new: a repeated one is a finding naming the first."""
        self.note_trial(label, text, where)
        if (number, label.code) in self.locations:
            self.duplicate(text, where, self.locations[(number, label.code)])
            return False
        self.locations[(number, label.code)] = where
        return True

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
        findings = tuple(f for _, f in sorted(self.findings, key=lambda pair: pair[0]))
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
#: What the report's facts should be, for the finding when they are not.
_EXPECTED = {
    "body": "文本 text",
    "year": "1990至9999年的年份 a year from 1990 to 9999",
    "level": "township、county、city 或 province",
    "format": FORMAT_DOCUMENT,
}
_T3_COLUMNS = tuple(c.code for c in TABLE3_COLUMNS)
_T3_NAMES = [c.name for c in TABLE3_COLUMNS]
_REVIEW = TABLE4_GROUPS[0].code
#: The canonical key of each row (group in table 四): its label as the format prints it.
_CANONICAL = {
    (number, row.code): label_of(number, row.code).label
    for number, rows in ((2, TABLE2_ROWS), (3, ALL_TABLE3_ROWS), (4, TABLE4_GROUPS))
    for row in rows
}


def _year(value: object) -> object:
    """A year also written as text or as a whole float."""
    if isinstance(value, str) and value.strip().isdecimal() and len(value) < 100:
        return int(value.strip())
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _document_number(value: object) -> str | None:
    """A document number without its brackets and blanks: 国办公开办函[2021]30号 is 〔2021〕."""
    return (
        re.sub(r"\W", "", unicodedata.normalize("NFKC", value)) if isinstance(value, str) else None
    )


def _child(path: str, key: object) -> str:
    """The path of ``key`` under ``path`` as the schema's problems name it."""
    return f"{path}.{key if isinstance(key, str) and len(key) <= 60 else short_repr(key)}"


#: The schema's problems of the shapes seen lately, by shape.
_SHAPES: dict[str, list[SchemaProblem]] = {}


def _shape_problems(shape: Mapping[Any, Any]) -> list[SchemaProblem]:
    """The problems of a report's canonical shape, against the schema; reports of the same
    shape have the same problems, and most reports a check reads are of one shape."""
    from ..schemas._annual_report import annual_report_structure
    from ..schemas._problems import schema_problems

    key = repr(shape)
    found = _SHAPES.get(key)
    if found is None:
        found = schema_problems(shape, annual_report_structure)
        if len(key) <= 20_000:  # not a large value where a table should be
            if len(_SHAPES) >= 256:
                _SHAPES.clear()
            _SHAPES[key] = found
    return found


def _text(value: object) -> object:
    """A text's shape: the schema asks of a text only that it be text."""
    return "" if isinstance(value, str) else value


def _kind(value: object) -> object:
    """What the schema sees of a value checked whole (where another kind belongs, or a fact):
    its kind, not its content — which may be nested deeper than Python recurses, a number too
    long to print, or an object that cannot be printed."""
    if value is None or isinstance(value, (str, bool, float)):
        return value
    if isinstance(value, int):  # the schema's bounds are years and counts
        return max(min(value, 2**63), -(2**63))
    if isinstance(value, list):  # how many, for a row of table 三
        return [None] * min(len(value), len(_T3_COLUMNS) + 1)
    return {} if isinstance(value, Mapping) else ...  # ...: of no JSON kind


class _Canonical:
    """The canonical shape (schema ``annual-report``) of what was given: each spelling the
    reader accepts mapped to the canonical one, an unknown key kept as it is; every cell and
    every unknown key's value ``null`` (the reader judges cells, and the schema looks at
    neither), every text empty, any other value only its kind (:func:`_kind`).  Cells are
    read on the way; :meth:`check` checks the shape against the schema and reports each
    problem at the path and key the user wrote."""

    def __init__(self, r: _Reader) -> None:
        self.r = r
        #: canonical path → (user's path, what it should be, the value given, position)
        self.parts: dict[str, tuple[str, str, object, int]] = {}
        #: canonical path of an unknown key → (user's path, the key, what kind of label, position)
        self.keys: dict[str, tuple[str, str, str | None, int]] = {}
        self.tables: dict[int, dict[str, dict[str, Cell]]] = {}
        self.sections: dict[str, str] = {}
        self.given: dict[str, object] = {}  # the facts, the year read as a number
        self.bad: set[str] = set()

    def part(self, path: str, user: str, expected: str, value: object, form: object) -> object:
        """``form``, the canonical form of ``value`` given at ``user``, kept at ``path``."""
        self.parts[path] = (user, expected, value, self.r.mark())
        return _kind(form)

    def unknown(
        self, into: dict[Any, Any], path: str, key: Any, user: str, what: str | None
    ) -> None:
        """Keep an unknown key as given (the schema refuses it) in ``into`` at ``path``."""
        name, n = key, 0
        while name in into or _child(path, name) in self.keys:  # the same text under two
            name, n = f"#{n}", n + 1  # headings, or two long keys shown alike
        self.keys[_child(path, name)] = (user, str(key), what, self.r.mark())
        into[name] = None

    def check(self, document: Mapping[str, Any]) -> None:
        """A finding for each way ``document`` breaks the schema, where the user wrote it."""
        for problem in _shape_problems(document):
            if problem.path in self.keys and problem.keyword == "additionalProperties":
                user, text, what, self.r.fixed = self.keys[problem.path]
                if what is None:
                    self.r.add("unknown-key", user, key=text)
                else:
                    self.r.unknown(text, user, what)
            elif problem.path not in self.bad:
                self.bad.add(problem.path)
                user, expected, value, self.r.fixed = self.parts.get(
                    problem.path, (problem.path, problem.message, None, 0)
                )
                self.r.malformed(user, expected, value)
        self.r.fixed = None

    def about(self, info: Mapping[str, Any], paths: Mapping[str, str]) -> dict[str, Any]:
        """The canonical form of the report's facts (``body``, ``year``, ``level``, ``format``)."""
        out = {}
        for key, value in info.items():
            form = self.given[key] = _year(value) if key == "year" else value
            if key == "format" and _document_number(value) == _document_number(FORMAT_DOCUMENT):
                form = FORMAT_DOCUMENT
            shape = _text(form) if key == "body" else form
            out[key] = self.part(f"$.{key}", paths[key], _EXPECTED[key], value, shape)
        return out

    def facts(self) -> dict[str, Any]:
        """Body, year and level as given, those the schema refused left out."""
        body, year, level = (
            None if f"$.{k}" in self.bad else self.given.get(k) for k in ("body", "year", "level")
        )
        level = None if level is None else BodyLevel.parse(level, default=None)
        return {"body": body, "year": year, "level": level}

    def document(self, data: Mapping[Any, Any]) -> dict[Any, Any]:
        """The canonical form of a whole report document."""
        facts = {k: v for k, v in data.items() if k in _EXPECTED}
        out: dict[Any, Any] = self.about(facts, {key: f"$.{key}" for key in facts})
        for key, value in data.items():
            if key in ("table2", "table3", "table4"):
                if value is not None:  # a table left null is not given
                    self.r.locations[(int(key[-1]),)] = f"$.{key}"
                    out[key] = self.table(int(key[-1]), value)
            elif key == "sections":
                out[key] = self.text(value)
            elif key not in _EXPECTED:
                self.unknown(out, "$", key, f"$[{_key(str(key))}]", None)
        return out

    def table(self, number: int, data: object) -> object:
        path = f"$.table{number}"
        form = self.part(path, path, "对象 an object", data, data)
        if not isinstance(data, Mapping):
            return form
        if number == 3 and ("rows" in data or "columns" in data):
            return self.table3(data)
        rows = self.rows(number, data, path, f"{path}.rows" if number == 3 else path, None)
        return {"columns": _T3_NAMES, "rows": rows} if number == 3 else rows

    def table3(self, data: Mapping[Any, Any]) -> object:
        """Table 三 given as ``{columns, rows}``; its rows' lists follow ``columns``."""
        out: dict[Any, Any] = {"columns": _T3_NAMES}
        for key in data:
            if key not in ("rows", "columns"):
                self.unknown(out, "$.table3", key, f"$.table3[{_key(str(key))}]", None)
        given = data.get("columns")
        columns: list[str | None] | None = None
        if isinstance(given, list):
            columns = self.columns(given)
        elif given is not None:  # the rows cannot be read without their columns
            what = "列名数组 a list of column labels"
            out["columns"] = self.part("$.table3.columns", "$.table3.columns", what, given, given)
            out["rows"] = {}
            return out
        rows = data.get("rows", {})
        what = "以行名为键的对象 an object keyed by row labels"
        out["rows"] = self.part("$.table3.rows", "$.table3.rows", what, rows, rows)
        if isinstance(rows, Mapping):
            out["rows"] = self.rows(3, rows, "$.table3.rows", "$.table3.rows", columns)
        return out

    def columns(self, given: list[Any]) -> list[str | None] | None:
        """The codes of table 三's ``columns`` as given; ``None`` for the format's order."""
        path = "$.table3.columns"
        out: list[str | None] = []
        for i, text in enumerate(given):
            column = match_label("3c", text) if isinstance(text, str) else None
            if column is None:
                self.r.unknown(text, f"{path}[{i}]", _COLUMN_WHAT[3])
            elif column.code in out:
                self.r.duplicate(str(text), f"{path}[{i}]", f"{path}[{out.index(column.code)}]")
                column = None
            out.append(None if column is None else column.code)
        return None if tuple(out) == _T3_COLUMNS else out

    def rows(
        self,
        number: int,
        data: Mapping[Any, Any],
        user: str,
        path: str,
        columns: list[str | None] | None,
    ) -> dict[Any, Any]:
        """The canonical form of a table's rows (groups in table 四), given at ``user``; table
        三's lists of cells follow ``columns`` (``None``: the format's order)."""
        out: dict[Any, Any] = {}
        self.tables[number] = {}
        for key, value, here in self.labelled(number, data, user):
            row = match_label(number, key) if isinstance(key, str) else None
            if row is None:
                if number == 3 and isinstance(key, str) and match_label("3g", key) is not None:
                    if _has_numbers(value):
                        self.r.add("group-heading-values", here, label=key)
                else:
                    self.unknown(out, path, key, here, _ROW_WHAT[number])
            elif self.r.row(number, row, key, here):
                into, name, at = out, _CANONICAL[number, row.code], path
                if number == 4 and row.code != _REVIEW:
                    into, name = out.setdefault(LAWSUIT_HEADING, {}), row.heading
                    at = f"{path}.{LAWSUIT_HEADING}"
                if number == 3 and isinstance(value, list):
                    into[name] = self.listed(row, value, here, f"{at}.{name}", columns)
                else:
                    into[name] = self.row(number, row, value, here, f"{at}.{name}")
        return out

    def labelled(
        self, number: int, data: Mapping[Any, Any], path: str
    ) -> Iterator[tuple[Any, object, str]]:
        """The keys of a table with their values and paths; those under a block heading of
        table 二 (or 行政诉讼 over table 四's groups) as if they stood in the table."""
        for key, value in data.items():
            here = f"{path}[{_key(str(key))}]"
            if (
                isinstance(key, str)
                and match_label(number, key) is None
                and match_label(f"{number}b", key) is not None
            ):
                if isinstance(value, Mapping):  # a block heading with its rows under it
                    prefix = f"{LAWSUIT_HEADING}/" if number == 4 else ""
                    for k, v in value.items():
                        yield prefix + str(k), v, f"{here}[{_key(str(k))}]"
                else:
                    self.r.malformed(here, "对象 an object", value)
                continue
            yield key, value, here

    def row(self, number: int, row: Label, value: object, here: str, path: str) -> object:
        """The canonical form of one row (a group in table 四) keyed by column labels; its
        cells read."""
        expected = "数组或对象 a list or an object" if number == 3 else _BY_OBJECT
        form = self.part(path, here, expected, value, value)
        if not isinstance(value, Mapping):
            return form
        out: dict[Any, Any] = {}
        cells: dict[str, Cell] = {}
        allowed = TABLE2_LAYOUT.get(row.code, ())
        what = _COLUMN_WHAT.get(number, f"“{row.name}”的列 column of {row.code}")
        for text, cell in value.items():
            where = f"{here}[{_key(str(text))}]"
            column = match_label(f"{number}c", text) if isinstance(text, str) else None
            if column is None or (number == 2 and not (column.trial or column.code in allowed)):
                if number == 3:  # a row of cells in a list has no place for it
                    self.r.unknown(text, where, what)
                else:
                    self.unknown(out, path, text, where, what)
                continue
            self.r.note_trial(column, text, where)
            key = (number, row.code, column.code)
            if key in self.r.locations:
                self.r.duplicate(str(text), where, self.r.locations[key])
                continue
            ok, read = self.r.cell(cell, key, where)
            if ok:
                cells[column.code] = read
            out[column.label] = None
        self.tables[number][row.code] = cells
        return [None] * len(_T3_COLUMNS) if number == 3 else out

    def listed(
        self, row: Label, value: list[object], here: str, path: str, given: list[str | None] | None
    ) -> object:
        """A table 三 row given as a list in the order of the table's columns."""
        columns: Sequence[str | None] = given or _T3_COLUMNS
        cells: dict[str, Cell] = {}
        self.tables[3][row.code] = cells
        if len(value) != len(columns):  # which value is which column is not known
            self.r.unreadable.update((3, row.code, c) for c in columns if c is not None)
            expected = f"{len(columns)}个数值 {len(columns)} values"
            if given is not None:  # the format's seven columns are the schema's
                self.r.malformed(here, expected, value)
                return [None] * len(_T3_COLUMNS)
            return self.part(path, here, expected, value, [None] * len(value))
        for i, (cell, column) in enumerate(zip(value, columns, strict=True)):
            if column is not None:
                ok, read = self.r.cell(cell, (3, row.code, column), f"{here}[{i}]")
                if ok:
                    cells[column] = read
        return [None] * len(_T3_COLUMNS)

    def text(self, data: object) -> object:
        """The canonical form of the text sections."""
        form = self.part("$.sections", "$.sections", "对象 an object", data, data)
        if not isinstance(data, Mapping):
            return form
        out: dict[Any, Any] = {}
        for key, text in data.items():
            here = f"$.sections[{_key(str(key))}]"
            heading = match_label("s", key) if isinstance(key, str) else None
            code = key if key in _TEXT_SECTIONS else heading and heading.code
            if code not in _TEXT_SECTIONS:
                self.unknown(out, "$.sections", key, here, "正文部分 text section")
            elif ("section", code) in self.r.locations:
                self.r.duplicate(str(key), here, self.r.locations[("section", code)])
            else:
                self.r.locations[("section", code)] = here
                name = _TEXT_SECTIONS[code].heading
                out[name] = self.part(f"$.sections.{name}", here, "文本 text", text, _text(text))
                if isinstance(text, str):
                    self.sections[code] = text
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


def read_report_document(data: object, *, subject: str | None = None) -> ReadReport:
    """Read a report from JSON values keyed by labels (see the module documentation): each
    accepted spelling is mapped to the canonical form, which is checked against the package's
    ``annual-report`` schema (its cells left to the reader).

    Raises :class:`~govdisclose._errors.InputError` only when ``data`` is not an object.
    """
    if not isinstance(data, Mapping):
        raise InputError("a yearly report must be a JSON object (年度报告应为JSON对象)", path="$")
    r = _Reader()
    canonical = _Canonical(r)
    document = canonical.document(data)
    canonical.check(document)
    tables = {n: canonical.tables.get(n) for n in (2, 3, 4)}
    return r.result(canonical.facts(), tables, canonical.sections, subject)


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
        for i, row in enumerate(grid):
            if len(row) >= 2 and isinstance(row[0], str) and row[0].strip() in keys:
                info[keys[row[0].strip()]] = row[1]
                r.locations[("info", keys[row[0].strip()])] = _address(ws.title, i, 1)
    if not tables and not sections:
        raise InputError(f"{path}: no table of the yearly report found (未找到年度报告的表格)")
    canonical = _Canonical(r)
    # where each fact was read: its row of the 报告信息 sheet, or the title
    paths = {
        k: r.locations.get(("info", k), f"{INFO_SHEET}!B{i}")
        for i, k in enumerate(_INFO_LABELS, start=1)
    }
    document = canonical.about({k: v for k, v in info.items() if v is not None}, paths)
    canonical.check(document)
    about = canonical.facts()
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
                for key, value in (
                    ("body", match.group("body").strip() or None),
                    ("year", int(match.group("year"))),
                ):
                    if key not in info:
                        info[key] = value
                        r.locations[("info", key)] = _address(sheet, i, texts[0][0])
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
    if r.row(number, label, text, where):
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
