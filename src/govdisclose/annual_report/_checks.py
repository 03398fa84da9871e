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

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..findings import Report, ReportBuilder, Severity
from ._findings import code
from ._format import (
    APPLICANT_COLUMNS,
    FEE_CELL,
    TABLE2_LAYOUT,
    TABLE3_COLUMNS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    TRIAL_AMOUNT_COLUMNS,
    TRIAL_SIGNED_COLUMNS,
    BodyLevel,
    label_of,
)
from ._reading import ReadReport, read_report, read_report_document
from ._report import AnnualReport, Cell

__all__ = ["check_report"]

_T3_COLS = tuple(c.code for c in TABLE3_COLUMNS)
_T4_PARTS = tuple(c.code for c in TABLE4_COLUMNS[:4])
_RELATION_NAMES = {
    "C1": ("表三行总计", "table 三 row totals"),
    "C2": ("表三列合计", "table 三 column sums"),
    "C3": ("表三勾稽关系", "table 三 balance"),
    "C4": ("表四总计", "table 四 group totals"),
    "C8": ("跨年度结转", "carry-over from last year"),
    "C9": ("规章与机关层级", "规章 and the body's level"),
}

Source = AnnualReport | ReadReport | Mapping[str, Any] | str | Path


def _as_read(source: Source) -> ReadReport:
    if isinstance(source, ReadReport):
        return source
    if isinstance(source, AnnualReport):
        read = read_report_document(source.to_document())
        return ReadReport(source, read.locations, (), frozenset(), source.body)
    if isinstance(source, Mapping):
        return read_report_document(source)
    return read_report(source)


def _name(table: int | str, code_: str) -> str:
    """A row's or column's name for messages (table 三's rows with their numbering)."""
    label = label_of(table, code_)
    return label.heading if table == 3 else label.name


class _Check:
    def __init__(self, read: ReadReport, builder: ReportBuilder) -> None:
        self.read = read
        self.report = read.report
        self.builder = builder
        self.skipped: dict[str, list[dict[str, Any]]] = {}
        self.tables = {2: self.report.table2, 3: self.report.table3, 4: self.report.table4}

    def path(self, key: tuple[Any, ...]) -> str:
        for k in (key, key[:2], key[:1]):
            if k in self.read.locations:
                return self.read.locations[k]
        return "$"

    def value(self, key: tuple[int, str, str]) -> Cell:
        table = self.tables[key[0]]
        if table is None:
            return None
        row = table.get(key[1])
        return None if row is None else row.get(key[2])

    def missing(self, keys: Iterable[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
        return [k for k in keys if self.value(k) is None]

    def skip(self, relation: str, instance: str, missing: list[tuple[int, str, str]]) -> None:
        self.skipped.setdefault(relation, []).append(
            {
                "instance": instance,
                "missing": [self._where(k) for k in missing],
            }
        )

    def _where(self, key: tuple[int, str, str]) -> str:
        if key in self.read.locations:
            return self.read.locations[key]
        table, row, column = key
        return f"表{'二三四'[table - 2]} {_name(table, row)} / {_name(f'{table}c', column)}"

    def sum_relation(
        self,
        name: str,
        relation: str,
        instance: str,
        total: tuple[int, str, str],
        parts: tuple[tuple[int, str, str], ...],
        **extra: Any,
    ) -> None:
        missing = self.missing((total, *parts))
        if missing:
            self.skip(relation, instance, missing)
            return
        given = self.value(total)
        computed = sum(self.value(p) or 0 for p in parts)
        if given != computed:
            self.builder.add(
                code(name),
                self.path(total),
                message_zh=f"{instance}：总计为 {given}，各项之和为 {computed}",
                message_en=f"{instance}: the total is {given}, the parts add up to {computed}",
                hint=code(name).description,
                total=given,
                sum=computed,
                parts={self._where(p): self.value(p) for p in parts},
                **extra,
            )


def _numbers(check: _Check) -> None:
    """C5 and the blank cells, table by table, in reading order."""
    report = check.report
    for number, table in ((2, report.table2), (3, report.table3), (4, report.table4)):
        for row, cells in (table or {}).items():
            for column, value in cells.items():
                key = (number, row, column)
                path = check.path(key)
                if value is None:
                    where = f"{_name(number, row)} / {_name(f'{number}c', column)}"
                    check.builder.add(
                        code("blank-cell"),
                        path,
                        message_zh=f"单元格为空：表{'二三四'[number - 2]} {where}",
                        message_en=f"the cell is blank: table {'二三四'[number - 2]} {where}",
                        hint=code("blank-cell").description,
                        table=number,
                        row=row,
                        column=column,
                    )
                    continue
                fraction_ok = number == 2 and (
                    (row, column) == FEE_CELL or column in TRIAL_AMOUNT_COLUMNS
                )
                sign_ok = number == 2 and column in TRIAL_SIGNED_COLUMNS
                whole = isinstance(value, int) or fraction_ok
                if (value < 0 and not sign_ok) or not whole:
                    check.builder.add(
                        code("not-whole-number"),
                        path,
                        message_zh=f"{value} 不是非负{'数' if fraction_ok else '整数'}",
                        message_en=f"{value} is not a {'number' if fraction_ok else 'whole number'}"
                        " ≥ 0",
                        hint=code("not-whole-number").description,
                        value=value,
                    )


def _not_given(check: _Check) -> None:
    report = check.report
    expected = {
        2: [(r, cols) for r, cols in _table2_layout(report).items()],
        3: [(r, _T3_COLS) for r in report.table3_layout()],
        4: [(g.code, tuple(c.code for c in TABLE4_COLUMNS)) for g in TABLE4_GROUPS],
    }
    titles = {2: "表二 table 二", 3: "表三 table 三", 4: "表四 table 四"}
    for number, table in ((2, report.table2), (3, report.table3), (4, report.table4)):
        if table is None:
            check.builder.add(
                code("not-given"),
                "$",
                message_zh=f"未提供{titles[number].split()[0]}，不作检查",
                message_en=f"{titles[number].split()[1]} {titles[number].split()[2]} is not given;"
                " not checked",
                table=number,
            )
            continue
        rows = [row for row, _ in expected[number] if row not in table]
        cells = [
            f"{row}/{column}"
            for row, columns in expected[number]
            if row in table
            for column in columns
            if column not in table[row] and (number, row, column) not in check.read.unreadable
        ]
        if rows or cells:
            parts_zh = [f"{len(x)} {unit}" for x, unit in ((rows, "行"), (cells, "个单元格")) if x]
            parts_en = [
                f"{len(x)} {unit}{'s' if len(x) > 1 else ''}"
                for x, unit in ((rows, "row"), (cells, "cell"))
                if x
            ]
            check.builder.add(
                code("not-given"),
                check.path((number,)),
                message_zh=f"{titles[number].split()[0]}未提供 {'、'.join(parts_zh)}",
                message_en=f"{' and '.join(parts_en)} of "
                f"{' '.join(titles[number].split()[1:])} not given",
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
    first = check.read.locations.get(("label", labels[0]), "$")
    check.builder.add(
        code("trial-layout"),
        first,
        severity=Severity.INFO if early else None,
        message_zh="使用了2019年试行格式（国办公开办函〔2019〕60号）"
        + ("，该年度适用" if early else "，2021年度起应使用国办公开办函〔2021〕30号格式"),
        message_en="the report uses the 2019 trial layout"
        + (", right for that year" if early else "; from 2021 on use the 2021 format"),
        hint=code("trial-layout").description,
        labels=list(labels),
        year=year,
    )


def _table3_relations(check: _Check) -> None:
    report = check.report
    if report.table3 is None:
        return
    for row in report.table3:  # C1, rows in reading order
        check.sum_relation(
            "row-total",
            "C1",
            _name(3, row),
            (3, row, "total"),
            tuple((3, row, c) for c in APPLICANT_COLUMNS),
            row=row,
        )
    results = report.table3_layout()[2:-2]
    for column in _T3_COLS:  # C2
        check.sum_relation(
            "column-sum",
            "C2",
            f"（七）总计 / {label_of('3c', column).name}",
            (3, "total", column),
            tuple((3, r, column) for r in results),
            column=column,
        )
    for column in _T3_COLS:  # C3
        keys = [
            (3, r, column)
            for r in ("new_requests", "carried_over", "total", "carried_to_next_year")
        ]
        instance = f"一+二=（七）+四 / {label_of('3c', column).name}"
        missing = check.missing(keys)
        if missing:
            check.skip("C3", instance, missing)
            continue
        new, carried, total, forward = (check.value(k) or 0 for k in keys)
        if new + carried != total + forward:
            check.builder.add(
                code("balance"),
                check.path(keys[2]),
                message_zh=f"{label_of('3c', column).name}：一+二 = {new}+{carried} = "
                f"{new + carried}，（七）总计+四 = {total}+{forward} = {total + forward}",
                message_en=f"{label_of('3c', column).name}: new + carried over = {new + carried}, "
                f"answered + carried forward = {total + forward}",
                hint=code("balance").description,
                column=column,
                left=new + carried,
                right=total + forward,
                new_requests=new,
                carried_over=carried,
                total=total,
                carried_to_next_year=forward,
                paths=[check.path(k) for k in keys],
            )


def _table4_relations(check: _Check) -> None:
    if check.report.table4 is None:
        return
    for group in check.report.table4:
        check.sum_relation(
            "review-total",
            "C4",
            label_of(4, group).label,
            (4, group, "total"),
            tuple((4, group, c) for c in _T4_PARTS),
            group=group,
        )


def _regulations(check: _Check, level: BodyLevel | None) -> None:
    table2 = check.report.table2
    if table2 is None or "regulations" not in table2:
        return
    if level is None:
        check.skipped.setdefault("C9", []).append(
            {"instance": "规章", "missing": ["level 机关层级"]}
        )
        return
    if level.makes_regulations:
        return
    for column, value in table2["regulations"].items():
        if value:
            check.builder.add(
                code("regulations-level"),
                check.path((2, "regulations", column)),
                message_zh=f"{level.label}机关报告规章“{_name('2c', column)}”为 {value}",
                message_en=f"a {level.code} body reports {value} 规章 ({column})",
                hint=code("regulations-level").description,
                level=level.code,
                column=column,
                value=value,
            )


def _carry_over(check: _Check, previous: ReadReport) -> None:
    this, last = check.report, previous.report
    if (this.body and last.body and this.body != last.body) or (
        this.year is not None and last.year is not None and last.year != this.year - 1
    ):
        check.builder.add(
            code("previous-report"),
            "$",
            message_zh=f"上一年度报告为 {last.body} {last.year}年，"
            f"本报告为 {this.body} {this.year}年",
            message_en=f"the previous report is {last.body} {last.year}, this one {this.body} "
            f"{this.year}",
            hint=code("previous-report").description,
            body=this.body,
            year=this.year,
            previous_body=last.body,
            previous_year=last.year,
        )
    for column in _T3_COLS:
        before = last.cell(3, "carried_to_next_year", column)
        now = this.cell(3, "carried_over", column)
        if before is None or now is None:
            if this.table3 is not None and last.table3 is not None:
                missing = [] if before is not None else ["--previous: 四、结转下年度继续办理"]
                if now is None:
                    missing.append(check._where((3, "carried_over", column)))
                check.skipped.setdefault("C8", []).append(
                    {"instance": label_of("3c", column).name, "missing": missing}
                )
            continue
        if before != now:
            check.builder.add(
                code("carry-over"),
                check.path((3, "carried_over", column)),
                message_zh=f"{label_of('3c', column).name}：上年结转 {now}，上一年度报告结转下年度 "
                f"{before}",
                message_en=f"{label_of('3c', column).name}: carried over {now}, last year's report "
                f"carried forward {before}",
                hint=code("carry-over").description,
                column=column,
                this=now,
                previous=before,
                previous_path=previous.locations.get(
                    (3, "carried_to_next_year", column), "$.table3"
                ),
            )
    for row in ("regulations", "normative_documents"):
        values = (
            last.cell(2, row, "in_force"),
            this.cell(2, row, "issued"),
            this.cell(2, row, "repealed"),
            this.cell(2, row, "in_force"),
        )
        if any(v is None for v in values):
            continue
        before, issued, repealed, now = values
        expected = before + issued - repealed  # type: ignore[operator]
        if now != expected:
            check.builder.add(
                code("in-force"),
                check.path((2, row, "in_force")),
                message_zh=f"{_name(2, row)}：现行有效 {now}，上年现行有效 {before} "
                f"+ 制发 {issued} − "
                f"废止 {repealed} = {expected}",
                message_en=f"{row}: in force {now}, last year's {before} + issued {issued} − "
                f"repealed {repealed} = {expected}",
                hint=code("in-force").description,
                row=row,
                this=now,
                expected=expected,
                previous=before,
                issued=issued,
                repealed=repealed,
            )


def _skipped(check: _Check) -> None:
    for relation, instances in check.skipped.items():
        zh, en = _RELATION_NAMES[relation]
        table = {"C1": 3, "C2": 3, "C3": 3, "C4": 4, "C8": 3, "C9": 2}[relation]
        check.builder.add(
            code("relation-skipped"),
            check.path((table,)),
            message_zh=f"{relation} {zh}：{len(instances)} 处因缺少数据跳过",
            message_en=f"{relation} {en}: {len(instances)} skipped for missing cells",
            relation=relation,
            skipped=instances,
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
    _table3_relations(check)
    _table4_relations(check)
    _regulations(check, chosen)
    if previous is not None:
        _carry_over(check, _as_read(previous))
    _skipped(check)
    return builder.build()
