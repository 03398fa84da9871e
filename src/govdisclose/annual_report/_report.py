"""The yearly report (政府信息公开工作年度报告) as one value: who, which year, the three tables,
the text sections.

An :class:`AnnualReport` holds the cells of tables 二, 三 and 四 by the codes of
:mod:`govdisclose.annual_report._format` — ``table3["disclosed"]["natural_person"]`` — with
``None`` for a blank cell; a row or table that is not there is simply absent ("not given").
It holds what a report says, right or wrong: :func:`~govdisclose.annual_report.check_report`
says what is wrong.  :meth:`AnnualReport.from_counts` builds a complete report from counts
(what the requests ledger gives), adding the totals that are not given.

>>> from govdisclose.annual_report import AnnualReport
>>> report = AnnualReport.from_counts(
...     body="某某县应急管理局（示例）", year=2025, level="county",
...     table3={"new_requests": {"natural_person": 3, "commercial_enterprise": 1},
...             "disclosed": {"natural_person": 2, "commercial_enterprise": 1},
...             "unavailable.not_held": {"natural_person": 1}},
... )
>>> report.table3["total"]["total"], report.table3["carried_to_next_year"]["total"]
(4, 0)
>>> report.table4["administrative_review"]["total"]
0
>>> report.table2["licensing"]["decisions"] is None   # left blank for the office
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from .._errors import DataError, short_repr
from ._format import (
    ALL_TABLE3_ROWS,
    FORMAT_DOCUMENT,
    RESULT_ROWS,
    SECTIONS,
    TABLE2_COLUMNS,
    TABLE2_LAYOUT,
    TABLE2_ROWS,
    TABLE3_COLUMNS,
    TABLE3_LAYOUT,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    TRIAL_TABLE3_LAYOUT,
    BodyLevel,
    Label,
    cell_kind,
    label_of,
)

__all__ = ["AnnualReport", "Cell", "Table"]

#: A cell: a count, the fee amount in 万元 (may be fractional), or ``None`` for a blank.
Cell = int | float | None
#: A table: ``{row_code: {column_code: cell}}``.
Table = Mapping[str, Mapping[str, Cell]]

_TEXT_SECTIONS = tuple(s.code for s in SECTIONS if s.table is None)
_T3_COLS = tuple(c.code for c in TABLE3_COLUMNS)
_T4_GROUPS = tuple(g.code for g in TABLE4_GROUPS)
_T4_COLS = tuple(c.code for c in TABLE4_COLUMNS)


def _freeze_table(name: str, table: Mapping[str, Mapping[str, object]] | None) -> Table | None:
    if table is None:
        return None
    if not isinstance(table, Mapping):
        raise DataError(f"{name} must be a mapping of rows (应为行的映射)", path=name)
    out = {}
    for row, cells in table.items():
        if not isinstance(cells, Mapping):
            raise DataError("a row must be a mapping of cells", path=f"{name}[{row!r}]")
        frozen: dict[str, Cell] = {}
        for c, v in cells.items():
            if not (v is None or (isinstance(v, (int, float)) and not isinstance(v, bool))):
                raise DataError(
                    f"a cell must be a number or None, not {short_repr(v)} (应为数字)",
                    path=f"{name}[{row!r}][{c!r}]",  # the path only for the error: it costs
                )
            frozen[str(c)] = v
        out[str(row)] = MappingProxyType(frozen)
    return MappingProxyType(out)


def _level(value: object) -> BodyLevel | None:
    return None if value is None else BodyLevel.parse(value, path="level")


def _sections(value: Mapping[str, str] | None) -> Mapping[str, str]:
    value = value or {}
    unknown = set(value) - set(_TEXT_SECTIONS)
    if unknown:
        raise DataError(
            f"unknown sections {sorted(unknown)}; known: {', '.join(_TEXT_SECTIONS)} (未知的部分)",
            path="sections",
        )
    for key, text in value.items():
        if not isinstance(text, str):
            raise DataError("a section's text must be a string (应为文本)", path=f"sections.{key}")
    return MappingProxyType(dict(value))


def _table2(table: Mapping[str, Mapping[str, object]] | None) -> Table | None:
    return _freeze_table("table2", table)


def _table3(table: Mapping[str, Mapping[str, object]] | None) -> Table | None:
    return _freeze_table("table3", table)


def _table4(table: Mapping[str, Mapping[str, object]] | None) -> Table | None:
    return _freeze_table("table4", table)


def _labels(labels: Iterable[str]) -> tuple[str, ...]:
    return tuple(str(label) for label in labels)


@attrs.frozen
class AnnualReport:
    """One body's yearly report: ``table2``/``table3``/``table4`` by code, ``None`` = blank.

    ``table2``, ``table3`` and ``table4`` are ``None`` when the table is not given at all.
    ``sections`` holds the text of 一、总体情况 (``summary``), 五 (``problems``) and 六
    (``other_matters``); a section not given is absent.  ``trial_labels`` lists the labels of
    the 2019 trial layout that the report was read with (empty when built).
    """

    body: str | None = None
    year: int | None = None
    level: BodyLevel | None = attrs.field(default=None, converter=_level)
    table2: Table | None = attrs.field(default=None, converter=_table2)
    table3: Table | None = attrs.field(default=None, converter=_table3)
    table4: Table | None = attrs.field(default=None, converter=_table4)
    sections: Mapping[str, str] = attrs.field(factory=dict, converter=_sections)
    trial_labels: tuple[str, ...] = attrs.field(default=(), converter=_labels)

    @property
    def blanks(self) -> tuple[tuple[int, str, str], ...]:
        """The blank cells, as ``(table, row, column)``, in table order."""
        out: list[tuple[int, str, str]] = []
        for number, table in ((2, self.table2), (3, self.table3), (4, self.table4)):
            for row, cells in (table or {}).items():
                out.extend((number, row, column) for column, v in cells.items() if v is None)
        return tuple(out)

    @property
    def blank_sections(self) -> tuple[str, ...]:
        """The text sections not written yet (absent or only blanks), for the office."""
        return tuple(s for s in _TEXT_SECTIONS if not self.sections.get(s, "").strip())

    @property
    def trial_layout(self) -> bool:
        """Whether table 三 has the 2019 layout's single （六）其他处理 row."""
        return self.table3 is not None and "trial.other" in self.table3

    def table3_layout(self) -> tuple[str, ...]:
        """Table 三's rows in this report's layout, in order: the 2021 layout, or the 2019
        trial layout's with one （六）其他处理 row; ``[2:-2]`` add up to （七）总计 (C2)."""
        return TRIAL_TABLE3_LAYOUT if self.trial_layout else TABLE3_LAYOUT

    def cell(self, table: int, row: str, column: str) -> Cell:
        """One cell (``None`` when blank or not given)."""
        data = {2: self.table2, 3: self.table3, 4: self.table4}[table] or {}
        return data.get(row, {}).get(column)

    @classmethod
    def from_counts(
        cls,
        *,
        body: str | None = None,
        year: int | None = None,
        level: BodyLevel | str | None = None,
        table2: Mapping[str, Mapping[str, Cell]] | None = None,
        table3: Mapping[str, Mapping[str, int]] | None = None,
        table4: Mapping[str, Mapping[str, int]] | None = None,
        sections: Mapping[str, str] | None = None,
    ) -> AnnualReport:
        """A complete report in the 2021 layout from counts keyed by code.

        ``table3`` is ``{row_code: {column_code: count}}`` and ``table4``
        ``{group_code: {column_code: count}}``: cells not given are 0, and the totals not
        given are added — the 总计 column, the （七）总计 row, ``carried_to_next_year``
        (一 + 二 − （七）总计) and each group's 总计; totals that are given are kept as given
        (so that :func:`check_report` can find them wrong).  ``table2`` cells not given are
        blank (``None``): table 二 usually comes from documents and hand-filled parts.
        Unknown codes and counts that are not whole numbers ≥ 0 raise
        :class:`~govdisclose._errors.DataError` naming them.
        """
        return cls(
            body=body,
            year=year,
            level=level,
            table2=_full_table2(table2 or {}),
            table3=_full_table3(table3 or {}),
            table4=_counted("table4", table4 or {}, _T4_GROUPS, _T4_COLS),
            sections={s: "" for s in _TEXT_SECTIONS} | dict(sections or {}),
        )

    def filled_from(self, other: AnnualReport) -> AnnualReport:
        """This report with its blank and absent cells, tables, sections, body, year and level
        taken from ``other`` (this report's own values win).

        The requests ledger gives tables 三 and 四; a hand-filled report gives table 二 and
        the text sections: ``built.filled_from(hand_filled)``.
        """
        tables: dict[str, Table | None] = {}
        for name in ("table2", "table3", "table4"):
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine is None or theirs is None:
                tables[name] = mine if theirs is None else theirs
                continue
            merged = {r: dict(c) for r, c in theirs.items()}
            for row, cells in mine.items():
                target = merged.setdefault(row, {})
                for column, value in cells.items():
                    if value is not None or column not in target:
                        target[column] = value
            tables[name] = merged
        sections = dict(other.sections)
        sections.update({k: v for k, v in self.sections.items() if v.strip() or k not in sections})
        return AnnualReport(
            body=self.body if self.body is not None else other.body,
            year=self.year if self.year is not None else other.year,
            level=self.level if self.level is not None else other.level,
            sections=sections,
            trial_labels=(*self.trial_labels, *other.trial_labels),
            **tables,
        )

    def completed(self) -> AnnualReport:
        """This report with every table, row, cell and text section of the 2021 layout that it
        lacks added blank (``None``, ``""``): the form an office fills in."""
        blank = AnnualReport(
            table2={r: dict.fromkeys(cols) for r, cols in TABLE2_LAYOUT.items()},
            table3={r: dict.fromkeys(_T3_COLS) for r in self.table3_layout()},
            table4={g: dict.fromkeys(_T4_COLS) for g in _T4_GROUPS},
            sections=dict.fromkeys(_TEXT_SECTIONS, ""),
        )
        return self.filled_from(blank)

    def to_document(self) -> dict[str, Any]:
        """The report as JSON keyed by the labels the format prints (schema
        ``annual-report``), what :func:`~govdisclose.read_report` reads back.

        >>> doc = AnnualReport.from_counts(year=2025).to_document()
        >>> doc["year"], doc["table3"]["rows"]["三、本年度办理结果（七）总计"]
        (2025, [0, 0, 0, 0, 0, 0, 0])
        """
        doc: dict[str, Any] = {
            "format": FORMAT_DOCUMENT,
            "body": self.body,
            "year": self.year,
            "level": None if self.level is None else self.level.code,
            "sections": {
                s.heading: self.sections[s.code] for s in SECTIONS if s.code in self.sections
            },
        }
        if self.table2 is not None:
            doc["table2"] = {
                row.label: _by_label(self.table2[row.code], TABLE2_COLUMNS)
                for row in TABLE2_ROWS
                if row.code in self.table2
            }
        if self.table3 is not None:
            doc["table3"] = {
                "columns": [c.name for c in TABLE3_COLUMNS],
                "rows": {
                    row.label: [self.table3[row.code].get(c) for c in _T3_COLS]
                    for row in ALL_TABLE3_ROWS
                    if row.code in self.table3
                },
            }
        if self.table4 is not None:
            table4: dict[str, Any] = {}
            for group in (g for g in TABLE4_GROUPS if g.code in self.table4):
                cells = _by_label(self.table4[group.code], TABLE4_COLUMNS)
                if len(group.parts) == 2:  # 行政诉讼's groups under it
                    table4.setdefault(group.parts[0], {})[group.parts[1]] = cells
                else:
                    table4[group.label] = cells
            doc["table4"] = table4
        return doc

    def to_counts(self) -> dict[str, Any]:
        """The tables as plain ``{row: {column: cell}}`` dicts (``None`` for a table not given)."""

        def plain(table: Table | None) -> dict[str, dict[str, Cell]] | None:
            return None if table is None else {r: dict(c) for r, c in table.items()}

        return {
            "table2": plain(self.table2),
            "table3": plain(self.table3),
            "table4": plain(self.table4),
        }


def _by_label(cells: Mapping[str, Cell], columns: tuple[Label, ...]) -> dict[str, Cell]:
    return {c.label: cells[c.code] for c in columns if c.code in cells}


def _count(value: object, where: str, *, fraction: bool = False) -> Cell:
    ok = isinstance(value, int) or (fraction and isinstance(value, float))
    if not ok or isinstance(value, bool) or value < 0:  # type: ignore[operator]
        kind = "a number ≥ 0" if fraction else "a whole number ≥ 0"
        raise DataError(f"{short_repr(value)} is not {kind} (应为非负整数)", path=where)
    return value  # type: ignore[return-value]


def _unknown(kind: str, codes: object, known: Iterable[str], where: str) -> None:
    unknown = sorted(set(codes) - set(known))  # type: ignore[call-overload]
    if unknown:
        raise DataError(
            f"unknown {kind} codes {unknown}; known: {', '.join(sorted(known))} (未知的代码)",
            path=where,
        )


def _full_table2(given: Mapping[str, Mapping[str, Cell]]) -> dict[str, dict[str, Cell]]:
    _unknown("table2 row", given, TABLE2_LAYOUT, "table2")
    out: dict[str, dict[str, Cell]] = {}
    for row, columns in TABLE2_LAYOUT.items():
        cells = given.get(row, {})
        _unknown("table2 column", cells, columns, f"table2[{row!r}]")
        out[row] = {
            c: None
            if cells.get(c) is None
            else _count(cells[c], f"table2[{row!r}][{c!r}]", fraction=cell_kind(row, c) == "amount")
            for c in columns
        }
    return out


def _counted(
    name: str,
    given: Mapping[str, Mapping[str, int]],
    rows: tuple[str, ...],
    columns: tuple[str, ...],
) -> dict[str, dict[str, Cell]]:
    """Table 三 or 四 from counts: each cell not given 0, each row's 总计 not given the sum."""
    _unknown(f"{name} row", given, rows, name)
    out: dict[str, dict[str, Cell]] = {}
    for row in rows:
        cells = given.get(row, {})
        _unknown(f"{name} column", cells, columns, f"{name}[{row!r}]")
        full = {c: _count(cells.get(c, 0), f"{name}[{row!r}][{c!r}]") for c in columns[:-1]}
        total, where = cells.get("total"), f"{name}[{row!r}]['total']"
        full["total"] = (
            sum(v or 0 for v in full.values()) if total is None else _count(total, where)
        )
        out[row] = full
    return out


def _full_table3(given: Mapping[str, Mapping[str, int]]) -> dict[str, dict[str, Cell]]:
    out = _counted("table3", given, TABLE3_LAYOUT, _T3_COLS)
    for column in _T3_COLS:
        if column not in given.get("total", {}):
            out["total"][column] = sum(out[r][column] or 0 for r in RESULT_ROWS)
        if column not in given.get("carried_to_next_year", {}):
            left = (
                (out["new_requests"][column] or 0)
                + (out["carried_over"][column] or 0)
                - (out["total"][column] or 0)
            )
            if left < 0:
                raise DataError(
                    f"more requests answered ({out['total'][column]}) than received and carried "
                    f"over in column {label_of('3c', column).name} (办理结果多于收到的申请)",
                    path=f"table3['total'][{column!r}]",
                )
            out["carried_to_next_year"][column] = left
    return out
