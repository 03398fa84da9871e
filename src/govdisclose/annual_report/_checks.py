"""Checking a yearly report: every relation between its cells, its labels and layout, the
carry-over from last year's report, and 规章 only where the body's level can make them.

:func:`check_report` returns a :class:`~govdisclose.findings.Report`.  The relations (their
ids are those of the project's notes on the format, §6):

====  ==========================================================================  ==========
C1    table 三, every row: 总计 = the six applicant columns                         error
C2    table 三, every column: （七）总计 = the 21 result rows (18 + （六） in 2019)   error
C3    table 三, every column: 一 + 二 = （七）总计 + 四 (the note printed in the table)  error
C4    table 四, every group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结          error
C5    every count a whole number ≥ 0; only 本年收费金额（万元） may be fractional     error
C6    labels and layout: unknown labels, the 2019 trial layout                     error
C8    with the previous report: 四 (last year) = 二 (this year); 现行有效件数 carries   error/warn
C9    规章 only from a city or province body                                       warning
====  ==========================================================================  ==========

A blank cell (``null``) is a warning, and a relation that needs it is skipped and said so
(``annual-report.relation-skipped``, info); a table or row that is not there at all is
"not given" (info) — never an error.  Each finding's path is the JSON path into the input
with its own label keys (``$.table4['行政复议']['总计']``) or the ``sheet!cell`` of an XLSX
file, and its data holds the numbers on both sides.  C7 (figures in the text agree with the
tables) is not checked.

>>> from govdisclose.annual_report import check_report
>>> doc = {"year": 2025, "table4": {"行政复议": {"结果维持": 1, "结果纠正": 0, "其他结果": 0,
...                                           "尚未审结": 0, "总计": 0}}}
>>> report = check_report(doc)
>>> [f.code for f in report.filter("error")]
['annual-report.review-total']
>>> finding = report.filter("error").findings[0]
>>> finding.path, dict(finding.data)["total"], dict(finding.data)["sum"]
("$.table4['行政复议']['总计']", 0, 1)
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..findings import Report, ReportBuilder, Severity
from ._findings import finding
from ._format import (
    APPLICANT_COLUMNS,
    TABLE2_LAYOUT,
    TABLE3_COLUMNS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    BodyLevel,
    cell_kind,
    label_of,
    name_of,
)
from ._reading import ReadReport, read_report, read_report_document
from ._report import AnnualReport

__all__ = ["check_report"]

_T3_COLS = tuple(c.code for c in TABLE3_COLUMNS)
_T4_COLS = tuple(c.code for c in TABLE4_COLUMNS)
#: Each relation that may be skipped: the table its skips are reported at, and its names.
_RELATIONS = {
    "C1": (3, "表三行总计", "table 三 row totals"),
    "C2": (3, "表三列合计", "table 三 column sums"),
    "C3": (3, "表三勾稽关系", "table 三 balance"),
    "C4": (4, "表四总计", "table 四 group totals"),
    "C8": (3, "跨年度结转", "carry-over from last year"),
    "C9": (2, "规章与机关层级", "规章 and the body's level"),
}

Source = AnnualReport | ReadReport | Mapping[str, Any] | str | Path
Key = tuple[int, str, str]


def _as_read(source: Source) -> ReadReport:
    if isinstance(source, ReadReport):
        return source
    if isinstance(source, AnnualReport):
        read = read_report_document(source.to_document())
        return ReadReport(source, read.locations, (), frozenset(), source.body)
    if isinstance(source, Mapping):
        return read_report_document(source)
    return read_report(source)


def _cell_name(table: int, row: str, column: str) -> str:
    return f"{'二三四'[table - 2]} {name_of(table, row)} / {name_of(f'{table}c', column)}"


class _Check:
    def __init__(self, read: ReadReport, builder: ReportBuilder) -> None:
        self.read = read
        self.report = read.report
        self.builder = builder
        self.skipped: dict[str, list[dict[str, Any]]] = {}

    def add(self, name: str, path: str, zh: str, en: str, **data: Any) -> None:
        self.builder.add(finding(name, path, zh, en, **data))

    def path(self, key: tuple[Any, ...]) -> str:
        for k in (key, key[:2], key[:1]):
            if k in self.read.locations:
                return self.read.locations[k]
        return "$"

    def missing(self, keys: tuple[Key, ...]) -> list[str]:
        """Where the blank cells among ``keys`` are (or would be)."""
        return [self.where(k) for k in keys if self.report.cell(*k) is None]

    def skip(self, relation: str, instance: str, missing: list[str]) -> None:
        self.skipped.setdefault(relation, []).append({"instance": instance, "missing": missing})

    def where(self, key: Key) -> str:
        return self.read.locations.get(key) or f"表{_cell_name(*key)}"

    def sum_relation(
        self,
        name: str,
        relation: str,
        instance: str,
        total: Key,
        parts: tuple[Key, ...],
        **extra: Any,
    ) -> None:
        missing = self.missing((total, *parts))
        if missing:
            self.skip(relation, instance, missing)
            return
        given = self.report.cell(*total)
        computed = sum(self.report.cell(*p) or 0 for p in parts)
        if given != computed:
            self.add(
                name,
                self.path(total),
                f"{instance}：总计为 {given}，各项之和为 {computed}",
                f"{instance}: the total is {given}, the parts add up to {computed}",
                total=given,
                sum=computed,
                parts={self.where(p): self.report.cell(*p) for p in parts},
                **extra,
            )


def _numbers(check: _Check) -> None:
    """C5 and the blank cells, table by table, in reading order."""
    report = check.report
    for number, table in ((2, report.table2), (3, report.table3), (4, report.table4)):
        for row, cells in (table or {}).items():
            for column, value in cells.items():
                path = check.path((number, row, column))
                if value is None:
                    name = _cell_name(number, row, column)
                    zh, en = f"单元格为空：表{name}", f"the cell is blank: table {name}"
                    check.add("blank-cell", path, zh, en, table=number, row=row, column=column)
                    continue
                kind = cell_kind(row, column) if number == 2 else "count"
                if (value < 0 and kind != "change") or not (
                    isinstance(value, int) or kind == "amount"
                ):
                    zh = f"{value} 不是非负{'数' if kind == 'amount' else '整数'}"
                    en = f"{value} is not a {'number' if kind == 'amount' else 'whole number'} ≥ 0"
                    check.add("not-whole-number", path, zh, en, value=value)


def _not_given(check: _Check) -> None:
    report = check.report
    expected = {
        2: _table2_layout(report),
        3: dict.fromkeys(report.table3_layout(), _T3_COLS),
        4: dict.fromkeys((g.code for g in TABLE4_GROUPS), _T4_COLS),
    }
    for number, table in ((2, report.table2), (3, report.table3), (4, report.table4)):
        zh, en = f"表{'二三四'[number - 2]}", f"table {'二三四'[number - 2]}"
        if table is None:
            check.add(
                "not-given",
                "$",
                f"未提供{zh}，不作检查",
                f"{en} is not given; not checked",
                table=number,
            )
            continue
        rows = [row for row in expected[number] if row not in table]
        cells = [
            f"{row}/{column}"
            for row, columns in expected[number].items()
            if row in table
            for column in columns
            if column not in table[row] and (number, row, column) not in check.read.unreadable
        ]
        if rows or cells:
            units = ((rows, "行", "row"), (cells, "个单元格", "cell"))
            counts = [(len(x), unit_zh, unit_en) for x, unit_zh, unit_en in units if x]
            parts_zh = "、".join(f"{n} {unit}" for n, unit, _ in counts)
            parts_en = " and ".join(f"{n} {unit}{'s' if n > 1 else ''}" for n, _, unit in counts)
            check.add(
                "not-given",
                check.path((number,)),
                f"{zh}未提供 {parts_zh}",
                f"{parts_en} of {en} not given",
                table=number,
                rows=rows,
                cells=cells,
            )


def _table2_layout(report: AnnualReport) -> dict[str, tuple[str, ...]]:
    table2 = report.table2 or {}
    trial = "规范性文件" in report.trial_labels or any(
        code.startswith("trial.") for row, cells in table2.items() for code in (row, *cells)
    )
    if trial:  # an old-layout table 二 has other columns: only its rows are expected
        return {r: () for r in TABLE2_LAYOUT}
    return dict(TABLE2_LAYOUT)


def _layout(check: _Check) -> None:
    labels = check.report.trial_labels
    if not labels:
        return
    year = check.report.year
    early = year is not None and year <= 2020
    check.add(
        "trial-layout",
        check.read.locations.get(("label", labels[0]), "$"),
        "使用了2019年试行格式（国办公开办函〔2019〕60号）"
        + ("，该年度适用" if early else "，2021年度起应使用国办公开办函〔2021〕30号格式"),
        "the report uses the 2019 trial layout"
        + (", right for that year" if early else "; from 2021 on use the 2021 format"),
        severity=Severity.INFO if early else None,
        labels=list(labels),
        year=year,
    )


def _relations(check: _Check) -> None:
    """C1 and C4 (each row's or group's 总计), C2 and C3 (table 三's columns)."""
    report = check.report
    for row in report.table3 or {}:  # C1, rows in reading order
        parts = tuple((3, row, c) for c in APPLICANT_COLUMNS)
        check.sum_relation("row-total", "C1", name_of(3, row), (3, row, "total"), parts, row=row)
    results = report.table3_layout()[2:-2]
    for column in _T3_COLS if report.table3 is not None else ():
        name = label_of("3c", column).name
        parts = tuple((3, r, column) for r in results)
        check.sum_relation(
            "column-sum", "C2", f"（七）总计 / {name}", (3, "total", column), parts, column=column
        )
    for column in _T3_COLS if report.table3 is not None else ():  # C3
        name = label_of("3c", column).name
        rows = ("new_requests", "carried_over", "total", "carried_to_next_year")
        keys = tuple((3, r, column) for r in rows)
        missing = check.missing(keys)
        if missing:
            check.skip("C3", f"一+二=（七）+四 / {name}", missing)
            continue
        new, carried, total, forward = (report.cell(*k) or 0 for k in keys)
        if new + carried != total + forward:
            check.add(
                "balance",
                check.path(keys[2]),
                f"{name}：一+二 = {new}+{carried} = "
                f"{new + carried}，（七）总计+四 = {total}+{forward} = {total + forward}",
                f"{name}: new + carried over = {new + carried}, "
                f"answered + carried forward = {total + forward}",
                column=column,
                left=new + carried,
                right=total + forward,
                new_requests=new,
                carried_over=carried,
                total=total,
                carried_to_next_year=forward,
                paths=[check.path(k) for k in keys],
            )
    for group in report.table4 or {}:  # C4
        parts = tuple((4, group, c) for c in _T4_COLS[:4])
        instance = label_of(4, group).label
        check.sum_relation("review-total", "C4", instance, (4, group, "total"), parts, group=group)


def _regulations(check: _Check, level: BodyLevel | None) -> None:
    table2 = check.report.table2
    if table2 is None or "regulations" not in table2:
        return
    if level is None:
        check.skip("C9", "规章", ["level 机关层级"])
        return
    if level.makes_regulations:
        return
    for column, value in table2["regulations"].items():
        if value:
            check.add(
                "regulations-level",
                check.path((2, "regulations", column)),
                f"{level.label}机关报告规章“{name_of('2c', column)}”为 {value}",
                f"a {level.code} body reports {value} 规章 ({column})",
                level=level.code,
                column=column,
                value=value,
            )


def _carry_over(check: _Check, previous: ReadReport) -> None:
    this, last = check.report, previous.report
    if (this.body and last.body and this.body != last.body) or (
        this.year is not None and last.year is not None and last.year != this.year - 1
    ):
        # both years are given when they differ; a body may not be
        zh = [f"{r.body or '（未写机关）'} {r.year}年" for r in (last, this)]
        en = [f"{r.body or '(body not given)'} {r.year}" for r in (last, this)]
        check.add(
            "previous-report",
            "$",
            f"上一年度报告为 {zh[0]}，本报告为 {zh[1]}",
            f"the previous report is {en[0]}, this one {en[1]}",
            body=this.body,
            year=this.year,
            previous_body=last.body,
            previous_year=last.year,
        )
    for column in _T3_COLS:
        name = label_of("3c", column).name
        before = last.cell(3, "carried_to_next_year", column)
        now = this.cell(3, "carried_over", column)
        if before is None or now is None:
            if this.table3 is not None and last.table3 is not None:
                missing = [] if before is not None else ["--previous: 四、结转下年度继续办理"]
                check.skip("C8", name, missing + check.missing(((3, "carried_over", column),)))
        elif before != now:
            check.add(
                "carry-over",
                check.path((3, "carried_over", column)),
                f"{name}：上年结转 {now}，上一年度报告结转下年度 {before}",
                f"{name}: carried over {now}, last year's report carried forward {before}",
                column=column,
                this=now,
                previous=before,
                previous_path=previous.locations.get(
                    (3, "carried_to_next_year", column), "$.table3"
                ),
            )
    for row in ("regulations", "normative_documents"):
        before = last.cell(2, row, "in_force")
        issued, repealed, now = (this.cell(2, row, c) for c in ("issued", "repealed", "in_force"))
        if before is None or issued is None or repealed is None or now is None:
            continue
        expected = before + issued - repealed
        if now != expected:
            check.add(
                "in-force",
                check.path((2, row, "in_force")),
                f"{name_of(2, row)}：现行有效 {now}，上年现行有效 {before} + 制发 {issued} − "
                f"废止 {repealed} = {expected}",
                f"{row}: in force {now}, last year's {before} + issued {issued} − "
                f"repealed {repealed} = {expected}",
                row=row,
                this=now,
                expected=expected,
                previous=before,
                issued=issued,
                repealed=repealed,
            )


def check_report(
    source: Source,
    *,
    level: BodyLevel | str | None = None,
    previous: Source | None = None,
) -> Report:
    """Check a yearly report; every finding at once (see the module documentation).

    ``source`` is an :class:`AnnualReport`, what :func:`read_report` returned, the JSON values
    of a label-keyed report, or a file (JSON or XLSX).  ``level`` (``township``, ``county``,
    ``city``, ``province`` or a label) overrides the report's own; ``previous`` is the same
    body's report of the year before (relation C8).  Unusable files raise
    :class:`~govdisclose._errors.InputError`.
    """
    read = _as_read(source)
    chosen = BodyLevel.parse(level, path="level") if level is not None else read.report.level
    subject = read.subject or read.report.body
    builder = ReportBuilder(subject=subject)
    builder.extend(read.findings)
    check = _Check(read, builder)
    _layout(check)
    _not_given(check)
    _numbers(check)
    _relations(check)
    _regulations(check, chosen)
    if previous is not None:
        _carry_over(check, _as_read(previous))
    for relation, instances in check.skipped.items():
        table, zh, en = _RELATIONS[relation]
        check.add(
            "relation-skipped",
            check.path((table,)),
            f"{relation} {zh}：{len(instances)} 处因缺少数据跳过",
            f"{relation} {en}: {len(instances)} skipped for missing cells",
            relation=relation,
            skipped=instances,
        )
    return builder.build()
