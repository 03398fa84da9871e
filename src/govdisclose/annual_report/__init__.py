"""The yearly report on government information disclosure (政府信息公开工作年度报告) in the
national format of 国办公开办函〔2021〕30号: build it, check it, write it.

Every administrative body publishes, by 31 January (条例第四十九条), a report on the year before
with six sections and three statistical tables: 二 主动公开政府信息情况, 三 收到和处理政府信息公开
申请情况, 四 政府信息公开行政复议、行政诉讼情况.  This package

* knows the format as data — every row and column with a code and its printed label, read in
  any common spelling, and the 2019 trial layout;
* holds a report as one value, :class:`AnnualReport`, built from counts keyed by code
  (:meth:`AnnualReport.from_counts`), built from a requests ledger and a hand-filled part
  (:func:`build_report`), or read from JSON keyed by the printed labels or from XLSX in the
  national layout (:func:`read_report`);
* checks it (:func:`check_report`): the relations between cells, labels and layout, blanks,
  last year's carry-over, and 规章 only where the body's level can make them — each finding
  located by JSON path or ``sheet!cell``;
* writes it as label-keyed JSON (:func:`to_document`), XLSX and accessible HTML in the
  national layout (:func:`to_xlsx`, :func:`to_html`), the text sections as headed blanks.

>>> from govdisclose.annual_report import AnnualReport, check_report
>>> report = AnnualReport.from_counts(
...     body="某某乡人民政府（示例）", year=2025, level="township",
...     table2={"regulations": {"issued": 0, "repealed": 0, "in_force": 0}},
...     table3={"new_requests": {"natural_person": 2}, "disclosed": {"natural_person": 2}},
... )
>>> check_report(report).counts
{'error': 0, 'warning': 7, 'info': 0}
>>> {f.code for f in check_report(report).filter("warning")}   # table 二 left for the office
{'annual-report.blank-cell'}

More information:

* 国办公开办函〔2021〕30号 《中华人民共和国政府信息公开工作年度报告格式》
* 《中华人民共和国政府信息公开条例》(国务院令第711号) 第四十九条、第五十条
* 国办函〔2020〕109号 《政府信息公开信息处理费管理办法》 (fees, reported in section 六)
"""

from __future__ import annotations

from ._build import build_report, fee_sentence
from ._checks import check_report
from ._findings import FINDINGS
from ._format import (
    FORMAT_DOCUMENT,
    SECTIONS,
    TABLE2_COLUMNS,
    TABLE2_ROWS,
    TABLE3_COLUMNS,
    TABLE3_ROWS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    BodyLevel,
    Label,
    match_label,
)
from ._reading import ReadReport, read_report, read_report_document
from ._report import AnnualReport
from ._tables import to_html, to_xlsx

__all__ = [
    "FINDINGS",
    "FORMAT_DOCUMENT",
    "SECTIONS",
    "TABLE2_COLUMNS",
    "TABLE2_ROWS",
    "TABLE3_COLUMNS",
    "TABLE3_ROWS",
    "TABLE4_COLUMNS",
    "TABLE4_GROUPS",
    "AnnualReport",
    "BodyLevel",
    "Label",
    "ReadReport",
    "build_report",
    "check_report",
    "fee_sentence",
    "match_label",
    "read_report",
    "read_report_document",
    "to_document",
    "to_html",
    "to_xlsx",
]

#: The label-keyed JSON document of a report (what ``annual-report build --format json`` writes).
to_document = AnnualReport.to_document
