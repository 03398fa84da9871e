"""The yearly report: format labels, building from counts, every relation of the check, the
writers and readers, the command line, and real published reports.

The figures of ``invented-county-2025.json`` and of every report built here are invented.
The files ``*-20XX.txt`` in ``tests/data/annual_report`` are transcriptions of real published
reports, each with its source address in its header.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclose import DataError, InputError, structure, unstructure
from govdisclose.annual_report import (
    TABLE3_ROWS,
    AnnualReport,
    BodyLevel,
    check_report,
    match_label,
    read_report,
    read_report_document,
    to_document,
    to_html,
    to_xlsx,
)
from govdisclose.annual_report._format import APPLICANT_COLUMNS, RESULT_ROWS
from govdisclose.cli import main
from govdisclose.findings import CODES, Report

DATA = Path(__file__).parent / "data" / "annual_report"
INVENTED = DATA / "invented-county-2025.json"


def _doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(INVENTED.read_text(encoding="utf-8"))
    return doc


def _codes(report: Report, severity: str | None = None) -> list[str]:
    found = report.filter(severity) if severity else report
    return [f.code.removeprefix("annual-report.") for f in found]


ROW = {r.code: r.label for r in TABLE3_ROWS}


def _set3(doc: dict[str, Any], row: str, column: int, delta: int) -> None:
    doc["table3"]["rows"][ROW[row]][column] += delta


# -- the format as data ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("三、本年度办理结果（一）予以公开", "disclosed"),
        ("三、本年度办理结果(一)予以公开", "disclosed"),
        ("(一)予以公开", "disclosed"),
        ("（一） 予以公开", "disclosed"),
        ("予以公开", "disclosed"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partly_disclosed"),
        ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "partly_disclosed"),
        ("部分公开", "partly_disclosed"),
        ("三、本年度办理结果（三）不予公开1.属于国家秘密", "not_disclosed.state_secret"),
        ("（三）不予公开 1、属于国家秘密", "not_disclosed.state_secret"),
        ("1.属于国家秘密", "not_disclosed.state_secret"),
        ('3.危及"三安全一稳定"', "not_disclosed.three_safeties_one_stability"),
        ("危及三安全一稳定", "not_disclosed.three_safeties_one_stability"),
        ("（四）无法提供3.补正后申请内容仍不明确", "unavailable.still_unclear"),
        ("5.要求行政机关确认或重新出具已获取信息", "not_processed.confirm_or_reissue"),
        ("（六）其他处理 3.其他", "other.other"),
        ("（七）总计", "total"),
        ("一、本年新收政府信息公开申请数量", "new_requests"),
        ("一.本年新收政府信息公开申请数量", "new_requests"),
        ("本年新收政府信息公开申请数量", "new_requests"),
        ("四、结转下年度继续办理", "carried_to_next_year"),
        ("（六）其他处理", "trial.other"),
    ],
)
def test_table3_row_labels_in_their_printed_variants(text: str, code: str) -> None:
    label = match_label(3, text)
    assert label is not None and label.code == code


@pytest.mark.parametrize(
    ("table", "text", "code"),
    [
        (4, "行政复议", "administrative_review"),
        (4, "行政诉讼/未经复议直接起诉", "lawsuit_direct"),
        (4, "行政诉讼／复议后起诉", "lawsuit_after_review"),
        (4, "复议后起诉", "lawsuit_after_review"),
        ("3c", "法人或其他组织/商业企业", "commercial_enterprise"),
        ("3c", "总计", "total"),
        ("2c", "本年收费金额(单位:万元)", "fee_amount"),
        ("2c", "本年收费金额（单位：万元）", "fee_amount"),
        (2, "行政规范性文件", "normative_documents"),
        (2, "规范性文件", "normative_documents"),
        (2, "规章（设区的市、自治州人民政府应提供相关数据）", "regulations"),
        ("2c", "上一年项目数量(指2019年事项数)", "trial.previous_count"),
        (3, "（一）予以公开（含主动公开的）", "disclosed"),
    ],
)
def test_other_labels(table: int | str, text: str, code: str) -> None:
    label = match_label(table, text)
    assert label is not None and label.code == code


def test_labels_that_are_not_in_the_format() -> None:
    assert match_label(3, "（三）不予公开") is None  # a group heading, no cells
    assert match_label("3g", "（三）不予公开") is not None
    assert match_label(3, "予以公开了") is None
    assert match_label(2, "政府集中采购").trial  # type: ignore[union-attr]


def test_table3_has_the_25_rows_of_the_format_in_order() -> None:
    assert len(TABLE3_ROWS) == 25
    assert len(RESULT_ROWS) == 21
    assert TABLE3_ROWS[0].code == "new_requests" and TABLE3_ROWS[-1].code == "carried_to_next_year"
    assert TABLE3_ROWS[23].label == "三、本年度办理结果（七）总计"


def test_level_says_who_makes_regulations() -> None:
    assert [level.makes_regulations for level in BodyLevel] == [False, False, True, True]
    assert BodyLevel.parse("乡镇") is BodyLevel.TOWNSHIP


# -- building from counts ----------------------------------------------------------------------


def test_from_counts_adds_the_totals_and_carries_the_rest_forward() -> None:
    report = AnnualReport.from_counts(
        year=2025,
        table3={
            "new_requests": {"natural_person": 5, "other": 1},
            "carried_over": {"natural_person": 1},
            "disclosed": {"natural_person": 3},
            "other.fee_unpaid": {"other": 1},
        },
        table4={"lawsuit_after_review": {"upheld": 2, "pending": 1}},
    )
    assert report.table3 is not None and report.table4 is not None
    assert report.table3["new_requests"]["total"] == 6
    assert report.table3["total"]["natural_person"] == 3
    assert report.table3["total"]["total"] == 4
    assert report.table3["carried_to_next_year"]["natural_person"] == 3
    assert report.table4["lawsuit_after_review"]["total"] == 3
    assert check_report(report).filter("error").findings == ()


@pytest.mark.parametrize(
    ("kwargs", "where"),
    [
        ({"table3": {"answered": {"natural_person": 1}}}, "table3"),
        ({"table3": {"disclosed": {"person": 1}}}, "table3['disclosed']"),
        ({"table3": {"disclosed": {"natural_person": -1}}}, "['natural_person']"),
        ({"table3": {"disclosed": {"natural_person": 1.5}}}, "['natural_person']"),
        ({"table4": {"review": {"upheld": 1}}}, "table4"),
        ({"table2": {"fees": {"fee_amount": -0.5}}}, "['fee_amount']"),
        ({"table3": {"disclosed": {"natural_person": 1}}}, "table3['total']['natural_person']"),
    ],
)
def test_from_counts_refuses_what_cannot_be_built(kwargs: dict[str, Any], where: str) -> None:
    with pytest.raises(DataError) as caught:
        AnnualReport.from_counts(**kwargs)
    assert where in str(caught.value.path)


def test_filled_from_takes_hand_filled_cells_where_the_built_report_has_none() -> None:
    built = AnnualReport.from_counts(year=2025, table3={"new_requests": {"natural_person": 1}})
    hand = AnnualReport(
        body="某某镇人民政府（示例）",
        table2={"licensing": {"decisions": 4}},
        sections={"summary": "（示例）"},
    )
    merged = built.filled_from(hand)
    assert merged.body == "某某镇人民政府（示例）" and merged.year == 2025
    assert merged.table2 is not None and merged.table2["licensing"]["decisions"] == 4
    assert merged.sections["summary"] == "（示例）"
    assert merged.table3 == built.table3


# -- the check: a clean invented report, then every relation broken once ------------------------


def test_the_invented_report_checks_clean() -> None:
    report = check_report(_doc())
    assert report.findings == ()
    assert report.subject == "某某县应急管理局（虚构示例）"


def test_c1_row_total() -> None:
    doc = _doc()
    _set3(doc, "disclosed", 6, 1)  # 总计 of 予以公开 one too many
    report = check_report(doc)
    errors = report.filter("error").findings
    assert [f.code for f in errors] == ["annual-report.row-total", "annual-report.column-sum"]
    row_total = errors[0]
    assert row_total.path == "$.table3.rows['三、本年度办理结果（一）予以公开'][6]"
    assert (row_total.data["total"], row_total.data["sum"]) == (7, 6)


def test_c2_column_sum() -> None:
    doc = _doc()
    _set3(doc, "not_processed.repeated", 0, 1)
    _set3(doc, "not_processed.repeated", 6, 1)  # the row adds up; the columns do not
    errors = check_report(doc).filter("error").findings
    assert [f.code for f in errors] == ["annual-report.column-sum"] * 2
    assert errors[0].path == "$.table3.rows['三、本年度办理结果（七）总计'][0]"
    assert (errors[0].data["total"], errors[0].data["sum"]) == (9, 10)


def test_c3_balance() -> None:
    doc = _doc()
    _set3(doc, "carried_to_next_year", 0, 2)
    _set3(doc, "carried_to_next_year", 6, 2)
    errors = check_report(doc).filter("error").findings
    assert [f.code for f in errors] == ["annual-report.balance"] * 2
    assert (errors[0].data["left"], errors[0].data["right"]) == (10, 12)
    assert errors[0].data["column"] == "natural_person"


def test_c4_review_total_nested_and_flat() -> None:
    doc = _doc()
    doc["table4"]["行政诉讼"]["未经复议直接起诉"]["总计"] = 0
    errors = check_report(doc).filter("error").findings
    assert [f.code for f in errors] == ["annual-report.review-total"]
    assert errors[0].path == "$.table4['行政诉讼']['未经复议直接起诉']['总计']"
    flat = _doc()
    flat["table4"] = {
        "行政复议": flat["table4"]["行政复议"],
        "行政诉讼/未经复议直接起诉": {
            "结果维持": 0,
            "结果纠正": 1,
            "其他结果": 0,
            "尚未审结": 0,
            "总计": 2,
        },
        "行政诉讼/复议后起诉": flat["table4"]["行政诉讼"]["复议后起诉"],
    }
    errors = check_report(flat).filter("error").findings
    assert errors[0].path == "$.table4['行政诉讼/未经复议直接起诉']['总计']"
    assert (errors[0].data["total"], errors[0].data["sum"]) == (2, 1)


def test_c5_whole_numbers_and_the_fee_in_wan_yuan() -> None:
    doc = _doc()
    doc["table2"]["行政许可"]["本年处理决定数量"] = 38.5
    doc["table2"]["行政强制"]["本年处理决定数量"] = -3
    doc["table2"]["行政事业性收费"]["本年收费金额（单位：万元）"] = 7730.28  # allowed
    doc["table2"]["行政处罚"]["本年处理决定数量"] = "二十一"
    report = check_report(doc)
    assert _codes(report) == ["not-a-number", "not-whole-number", "not-whole-number"]
    paths = [f.path for f in report]
    assert paths[1] == "$.table2['行政许可']['本年处理决定数量']"
    assert paths[2] == "$.table2['行政强制']['本年处理决定数量']"


def test_c6_unknown_labels_and_duplicates() -> None:
    doc = _doc()
    rows = doc["table3"]["rows"]
    rows["（八）其他"] = [0] * 7
    rows["(一)予以公开"] = rows["三、本年度办理结果（一）予以公开"]
    doc["table2"]["规章"]["本年处理决定数量"] = 0  # a column of another block
    doc["table4"]["行政申诉"] = {}
    report = check_report(doc)
    assert sorted(_codes(report, "error")) == [
        "duplicate-label",
        "unknown-label",
        "unknown-label",
        "unknown-label",
    ]
    assert "$.table3.rows['（八）其他']" in [f.path for f in report]


def test_c6_group_heading_with_numbers_is_a_warning() -> None:
    doc = _doc()
    doc["table3"]["rows"]["（三）不予公开"] = [0, 1, 0, 0, 0, 0, 1]
    report = check_report(doc)
    assert _codes(report) == ["group-heading-values"]


def test_c6_the_2019_trial_layout_is_named_an_error_from_2021_on() -> None:
    doc = _doc()
    rows = doc["table3"]["rows"]
    sub = [k for k in rows if "（六）其他处理" in k]
    merged = [sum(rows[k][i] for k in sub) for i in range(7)]
    for key in sub:
        del rows[key]
    rows["（六）其他处理"] = merged
    doc["table2"]["其他对外管理服务事项"] = {"上一年项目数量": 3, "本年增/减": 0, "处理决定数量": 5}
    report = check_report(doc)
    assert _codes(report) == ["trial-layout"]
    finding = report.findings[0]
    assert finding.severity.code == "error"
    assert list(finding.data["labels"]) == [
        "其他对外管理服务事项",
        "上一年项目数量",
        "本年增/减",
        "处理决定数量",
        "（六）其他处理",
    ]
    assert finding.path == "$.table2['其他对外管理服务事项']"
    doc["year"] = 2020
    assert check_report(doc).findings[0].severity.code == "info"
    # the trial template asks for a decrease as a negative number, and an amount of money
    doc["table2"]["其他对外管理服务事项"]["本年增/减"] = -2
    doc["table2"]["政府集中采购"] = {"采购项目数量": 3, "采购总金额": 12.5}
    assert _codes(check_report(doc)) == ["trial-layout"]


def test_blank_cells_are_warnings_and_relations_needing_them_are_skipped() -> None:
    doc = _doc()
    doc["table3"]["rows"][ROW["disclosed"]][2] = None
    doc["table4"]["行政复议"]["总计"] = None
    report = check_report(doc)
    assert _codes(report) == [
        "blank-cell",
        "blank-cell",
        "relation-skipped",
        "relation-skipped",
        "relation-skipped",
    ]
    skipped = {
        f.data["relation"]: f.data["skipped"]
        for f in report.filter(code="annual-report.relation-skipped")
    }
    assert set(skipped) == {"C1", "C2", "C4"}
    assert skipped["C1"][0]["missing"] == ("$.table3.rows['三、本年度办理结果（一）予以公开'][2]",)


def test_tables_and_rows_not_given_are_info_never_errors() -> None:
    doc = {
        "body": "某某乡人民政府（示例）",
        "year": 2025,
        "level": "township",
        "table3": {"rows": {"一、本年新收政府信息公开申请数量": [1, 0, 0, 0, 0, 0, 1]}},
    }
    report = check_report(doc)
    assert report.ok
    assert set(_codes(report)) == {"not-given", "relation-skipped"}
    given = report.filter(code="annual-report.not-given").findings
    assert [f.data.get("table") for f in given] == [2, 3, 4]
    assert len(given[1].data["rows"]) == 24


def test_the_scraper_form_of_the_issue_reads_with_no_error() -> None:
    doc = {
        "body": "某某县应急管理局",
        "year": 2025,
        "level": "county",
        "table2": {
            "规章": {"本年制发件数": 0, "本年废止件数": 0, "现行有效件数": 0},
            "行政许可": {"本年处理决定数量": 12},
        },
        "table3": {
            "columns": [
                "自然人",
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
                "总计",
            ],
            "rows": {
                "一、本年新收政府信息公开申请数量": [3, 1, 0, 0, 0, 0, 4],
                "三、本年度办理结果（一）予以公开": [2, 1, 0, 0, 0, 0, 3],
            },
        },
        "table4": {
            "行政复议": {"结果维持": 0, "结果纠正": 0, "其他结果": 0, "尚未审结": 0, "总计": 0}
        },
    }
    report = check_report(doc)
    assert report.counts == {"error": 0, "warning": 0, "info": 5}
    assert [f.path for f in report] == ["$.table2", "$.table3", "$.table4", "$.table3", "$.table3"]


def test_c8_carry_over_across_two_years() -> None:
    last = AnnualReport.from_counts(
        body="某某县应急管理局（虚构示例）",
        year=2024,
        table2={"normative_documents": {"issued": 1, "repealed": 0, "in_force": 6}},
        table3={
            "new_requests": {"natural_person": 3},
            "disclosed": {"natural_person": 2},
        },
    )
    assert last.table3 is not None and last.table3["carried_to_next_year"]["natural_person"] == 1
    this = _doc()  # carried over 1 natural person; in force 6 + 2 - 1 = 7
    assert _codes(check_report(this, previous=last)) == []
    _set3(this, "carried_over", 0, 1)
    _set3(this, "carried_over", 6, 1)
    _set3(this, "carried_to_next_year", 0, 1)
    _set3(this, "carried_to_next_year", 6, 1)
    this["table2"]["行政规范性文件"]["现行有效件数"] = 9
    report = check_report(this, previous=last)
    assert _codes(report) == ["carry-over", "carry-over", "in-force"]
    first = report.findings[0]
    assert first.path == "$.table3.rows['二、上年结转政府信息公开申请数量'][0]"
    assert (first.data["previous"], first.data["this"]) == (1, 2)
    assert report.findings[2].data["expected"] == 7


def test_c8_previous_report_of_another_year() -> None:
    last = AnnualReport.from_counts(body="某某县应急管理局（虚构示例）", year=2022)
    report = check_report(_doc(), previous=last)
    assert "previous-report" in _codes(report)


def test_c8_previous_report_without_a_body_says_so() -> None:
    last = AnnualReport.from_counts(body="某某县应急管理局（虚构示例）", year=2022)
    this = AnnualReport.from_counts(year=2025)
    (finding,) = [f for f in check_report(this, previous=last).findings if "previous" in f.code]
    assert finding.message_zh.endswith("本报告为 （未写机关） 2025年")
    assert finding.message_en.endswith("this one (body not given) 2025")
    assert "None" not in finding.message_zh + finding.message_en


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("township", ["regulations-level"]),
        ("county", ["regulations-level"]),
        ("city", []),
        ("province", []),
    ],
)
def test_c9_regulations_only_where_the_level_makes_them(level: str, expected: list[str]) -> None:
    doc = _doc()
    doc["table2"]["规章"] = {"本年制发件数": 1, "本年废止件数": 0, "现行有效件数": 1}
    report = check_report(doc, level=level)
    assert [c for c in _codes(report) if c != "in-force"] == expected * (2 if expected else 0)
    if expected:
        assert report.findings[0].path == "$.table2['规章']['本年制发件数']"


def test_c9_without_a_level_is_skipped_and_said_so() -> None:
    doc = _doc()
    del doc["level"]
    report = check_report(doc)
    assert _codes(report) == ["relation-skipped"]
    assert report.findings[0].data["relation"] == "C9"


def test_malformed_parts_are_findings_and_not_json_object_is_an_input_error() -> None:
    doc = _doc()
    doc["table4"] = [1, 2]
    doc["table3"]["rows"][ROW["disclosed"]] = [1, 2]
    doc["extra"] = 1
    report = check_report(doc)
    assert set(_codes(report, "error")) == {"malformed"}
    assert "unknown-key" in _codes(report)
    with pytest.raises(InputError):
        check_report([])  # type: ignore[arg-type]


_STRUCTURAL = {"malformed", "unknown-key", "unknown-label", "duplicate-label"}


def _structural(data: dict[str, Any]) -> list[tuple[str, str]]:
    read = read_report_document(data)
    return [(f.code.removeprefix("annual-report."), f.path) for f in read.findings]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # each problem at the path and with the key the user wrote, whatever its spelling
        (
            {"table3": {"rows": {"(一)予以公开": {"自然人": 1, "法人": 2}}}},
            [("unknown-label", "$.table3.rows['(一)予以公开']['法人']")],
        ),
        (
            {"table4": {"行政诉讼/复议后起诉": {"结果维持": 0, "维持": 1}}},
            [("unknown-label", "$.table4['行政诉讼/复议后起诉']['维持']")],
        ),
        (
            {"table4": {"行政诉讼": {"复议后起诉": {}, "复议": {}}}},
            [("unknown-label", "$.table4['行政诉讼']['复议']")],
        ),
        (
            {"table2": {"第二十条第（五）项": {"行政许可": [3]}}},
            [("malformed", "$.table2['第二十条第（五）项']['行政许可']")],
        ),
        (
            {"table2": {"规章": {"本年处理决定数量": 1}}},  # a column of another block
            [("unknown-label", "$.table2['规章']['本年处理决定数量']")],
        ),
        ({"table3": {"rows": {"予以公开": [1] * 8}}}, [("malformed", "$.table3.rows['予以公开']")]),
        ({"table3": {"rows": {}, "note": 1}}, [("unknown-key", "$.table3['note']")]),
        ({"sections": {"总体情况": 1}}, [("malformed", "$.sections['总体情况']")]),
        (
            {"sections": {"一、总体情况": "甲", "总体情况": "乙"}},  # was kept silently as 乙
            [("duplicate-label", "$.sections['总体情况']")],
        ),
        ({"标题": "x", "year": "2025"}, [("unknown-key", "$['标题']")]),
        (  # the same unknown text under two headings, two long keys alike at the start
            {"table2": {"第二十条第（一）项": {"x": {}}, "第二十条第（五）项": {"x": {}}}},
            [
                ("unknown-label", "$.table2['第二十条第（一）项']['x']"),
                ("unknown-label", "$.table2['第二十条第（五）项']['x']"),
            ],
        ),
        (
            {"甲" * 70 + "1": 1, "甲" * 70 + "2": 2},
            [("unknown-key", f"$['{'甲' * 70}1']"), ("unknown-key", f"$['{'甲' * 70}2']")],
        ),
        ({"year": 1800}, [("malformed", "$.year")]),
        ({"year": 10000}, [("malformed", "$.year")]),
        ({"year": 1e300}, [("malformed", "$.year")]),  # a whole float: 10**300
        ({"level": "村级"}, [("malformed", "$.level")]),
        ({"level": "乡镇级", "format": "国办公开办函[2021]30号"}, []),
        ({"format": "国办公开办函〔2019〕60号"}, [("malformed", "$.format")]),
    ],
)
def test_json_structure_problems_are_at_the_users_own_paths(
    data: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert _structural(data) == expected


class _Unprintable:
    def __repr__(self) -> str:
        raise RuntimeError("no repr")


def _deep(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


_WHERE: dict[str, Callable[[object], dict[str, Any]]] = {
    "$.year": lambda v: {"year": v},
    "$.level": lambda v: {"level": v},
    "$.table2": lambda v: {"table2": v},
    "$.table2['规章']": lambda v: {"table2": {"规章": v}},
    "$.table4['行政复议']": lambda v: {"table4": {"行政复议": v}},
    "$.sections['总体情况']": lambda v: {"sections": {"总体情况": v}},
}


_UNPRINTABLE = {
    "nested deeper than Python recurses": _deep(5000),
    "no repr": _Unprintable(),
    "a list of it": [_Unprintable()],
    "an object of it": {"a": _deep(5000)},  # where an object is not read key by key
}


@pytest.mark.parametrize(
    ("path", "value"),
    [
        pytest.param(path, value, id=f"{what} at {path}")
        for what, value in _UNPRINTABLE.items()
        for path in _WHERE
        if not isinstance(value, dict) or path in ("$.year", "$.level")
    ],
)
def test_a_value_python_cannot_print_is_malformed_at_its_path(path: str, value: object) -> None:
    assert _structural(_WHERE[path](value)) == [("malformed", path)]


@pytest.mark.parametrize("path", list(_WHERE))
def test_a_number_too_long_to_print_is_malformed(path: str) -> None:
    assert _structural(_WHERE[path](10**5000)) == [("malformed", path)]


@pytest.mark.parametrize("year", ["²", "9" * 5000])
def test_a_year_of_digits_int_cannot_read_is_malformed(year: str) -> None:
    assert _structural({"year": year}) == [("malformed", "$.year")]


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["table2"]["规章"].update({"本年新增": 1}),
        lambda d: d["table2"].update({"行政许可": 3}),
        lambda d: d["table3"]["rows"].update({ROW["disclosed"]: [0] * 6}),
        lambda d: d["table3"].update({"columns": "自然人"}),
        lambda d: d["table4"]["行政诉讼"].update({"再审": {}}),
        lambda d: d["table4"].update({"行政复议": None}),
        lambda d: d.update({"sections": ["一、总体情况"]}),
        lambda d: d.update({"year": 1989}),
        lambda d: d.update({"标题": "年度报告"}),
    ],
)
def test_what_the_schema_refuses_in_the_canonical_form_the_reader_reports(change: Any) -> None:
    from jsonschema import Draft202012Validator

    from govdisclose import schema

    validator = Draft202012Validator(schema("annual-report"))
    doc = to_document(_invented())
    assert validator.is_valid(doc) and read_report_document(doc).findings == ()
    change(doc)
    assert not validator.is_valid(doc)
    assert {c for c, _ in _structural(doc)} & _STRUCTURAL


# -- writers and readers -----------------------------------------------------------------------


def _invented() -> AnnualReport:
    return read_report_document(_doc()).report


def test_json_document_round_trip() -> None:
    report = _invented()
    again = read_report_document(json.loads(json.dumps(to_document(report))))
    assert again.findings == ()
    assert again.report == report


def test_xlsx_round_trip(tmp_path: Path) -> None:
    report = _invented()
    path = tmp_path / "年报.xlsx"
    path.write_bytes(to_xlsx(report))
    again = read_report(path)
    assert again.findings == ()
    assert again.report == report
    assert check_report(again).findings == ()


def test_xlsx_findings_are_located_by_cell(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "年报.xlsx"
    path.write_bytes(to_xlsx(_invented()))
    wb = openpyxl.load_workbook(path)
    ws = wb["年度报告"]
    target = next(
        (cell.row, cell.column)
        for row in ws.iter_rows()
        for cell in row
        if cell.value == "结果维持"
    )
    ws.cell(target[0] + 1, target[1]).value = 5  # 行政复议 结果维持 5, 总计 still 2
    wb.save(path)
    report = check_report(path)
    assert _codes(report) == ["review-total"]
    assert re.fullmatch(r"年度报告![A-Z]+\d+", report.findings[0].path)
    assert report.findings[0].path == f"年度报告!E{target[0] + 1}"


def test_xlsx_without_its_info_sheet_reads_body_and_year_from_the_title(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "年报.xlsx"
    path.write_bytes(to_xlsx(_invented()))
    wb = openpyxl.load_workbook(path)
    del wb["报告信息"]
    ws = wb["年度报告"]
    label = next(c for row in ws.iter_rows() for c in row if c.value == "行政许可")
    label.value = "行政许可证"
    number = ws.cell(label.row, label.column + 1)
    number.value = "三十八"
    wb.save(path)
    read = read_report(path)
    assert (read.report.body, read.report.year) == ("某某县应急管理局（虚构示例）", 2025)
    assert read.report.level is None
    report = check_report(read, level="county")
    assert [(f.code, f.path) for f in report.filter("error")] == [
        ("annual-report.unknown-label", f"年度报告!A{label.row}")
    ]
    assert report.filter(code="annual-report.not-given").findings[0].data["rows"] == ("licensing",)


def test_xlsx_facts_are_located_where_they_were_read(tmp_path: Path) -> None:
    """A fact read from the title is located at the title's cell, and one read from a
    报告信息 sheet whose rows are in another order at its own row."""
    import openpyxl

    path = tmp_path / "年报.xlsx"
    path.write_bytes(to_xlsx(_invented()))
    wb = openpyxl.load_workbook(path)
    del wb["报告信息"]
    ws = wb["年度报告"]
    title = next(c for row in ws.iter_rows() for c in row if isinstance(c.value, str))
    title.value = title.value.replace("2025", "1985")
    wb.save(path)
    problems = [(f.code, f.path) for f in check_report(path).filter("error")]
    assert problems == [("annual-report.malformed", f"年度报告!{title.coordinate}")]

    wb = openpyxl.load_workbook(path)
    info = wb.create_sheet("报告信息")
    info.append(["报告格式", "国办公开办函〔2021〕30号"])
    info.append(["报告年度", 1985])
    info.append(["报告机关", "某某县应急管理局（虚构示例）"])
    wb.save(path)
    problems = [(f.code, f.path) for f in check_report(path).filter("error")]
    assert problems == [("annual-report.malformed", "报告信息!B2")]


def test_xlsx_laid_out_by_an_office_is_read(tmp_path: Path) -> None:
    """A workbook typed by hand: no merged cells, half-width labels, labels in two columns,
    group headings repeated, the sheet named otherwise, no 报告信息 sheet (invented figures)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    rows: list[list[Any]] = [
        ["某某镇人民政府2024年政府信息公开工作年度报告"],
        ["二、主动公开政府信息情况"],
        ["第二十条第(一)项"],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", 0, 0, 0],
        ["行政规范性文件", 1, 0, 3],
        ["三、收到和处理政府信息公开申请情况"],
        ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", None, "申请人情况"],
        [None, None, "自然人", "法人或其他组织", None, None, None, None, "总计"],
        [None, None, None, "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
        ["一、本年新收政府信息公开申请数量", None, 3, 1, 0, 0, 0, 0, 4],
        ["二、上年结转政府信息公开申请数量", None, 0, 0, 0, 0, 0, 0, 0],
        ["三、本年度办理结果", "(一)予以公开", 2, 1, 0, 0, 0, 0, 3],
        ["三、本年度办理结果", "(四)无法提供 1.本机关不掌握相关政府信息", 1, 0, 0, 0, 0, 0, 2],
        ["四、结转下年度继续办理", None, 0, 0, 0, 0, 0, 0, 0],
        ["四、政府信息公开行政复议、行政诉讼情况"],
        ["行政复议", None, None, None, None, "行政诉讼"],
        [None, None, None, None, None, "未经复议直接起诉", None, None, None, None, "复议后起诉"],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3,
        [0] * 15,
    ]
    for row in rows:
        ws.append(row)
    ws.merge_cells("A17:E18")  # 行政复议 over its two header rows, as the format prints it
    ws.merge_cells("F17:O17")
    path = tmp_path / "镇年报.xlsx"
    wb.save(path)
    read = read_report(path)
    assert read.findings == ()
    assert (read.report.body, read.report.year) == ("某某镇人民政府", 2024)
    table3 = read.report.table3
    assert table3 is not None and table3["unavailable.not_held"]["natural_person"] == 1
    assert read.report.table4 is not None and len(read.report.table4) == 3
    report = check_report(read, level="township")
    assert [(f.code, f.path) for f in report.filter("error")] == [
        ("annual-report.row-total", "Sheet1!I14")
    ]


def test_numbers_written_as_text() -> None:
    doc = _doc()
    doc["table2"]["行政许可"]["本年处理决定数量"] = " 38 "
    doc["table2"]["行政事业性收费"]["本年收费金额（单位：万元）"] = "0.35"
    doc["table3"]["rows"][ROW["disclosed"]] = ["4", "2", "0", "0", "0", "0", "6.0"]
    assert check_report(doc).findings == ()


def test_xlsx_of_the_trial_layout_round_trips(tmp_path: Path) -> None:
    doc = _doc()
    rows = doc["table3"]["rows"]
    for key in [k for k in rows if "（六）其他处理" in k]:
        del rows[key]
    rows["（六）其他处理"] = [1, 0, 0, 0, 0, 0, 1]
    report = read_report_document(doc).report
    assert report.trial_layout
    path = tmp_path / "old.xlsx"
    path.write_bytes(to_xlsx(report))
    again = read_report(path).report
    assert again.table3 == report.table3 and again.trial_layout


def test_html_is_accessible_and_escaped() -> None:
    report = AnnualReport.from_counts(
        body="<script>某某</script>县应急管理局",
        year=2025,
        table3={"disclosed": {"other": 1}, "new_requests": {"other": 1}},
    )
    page = to_html(report)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.count("<caption>") == 3
    assert '<th scope="row" id="t2-licensing">行政许可</th>' in page
    ids = set(re.findall(r'id="([^"]+)"', page))
    for headers in re.findall(r'headers="([^"]+)"', page):
        assert set(headers.split()) <= ids, headers
    assert page.count('class="blank"') == 3  # the text sections, as headed blanks
    # table 二's block headings span its four columns; header cells are shaded as in XLSX
    assert (
        '<th scope="rowgroup" class="head" colspan="4" id="t2-b1">第二十条第（五）项</th>' in page
    )
    assert '<th scope="col" class="head" id="t3-c-commercial_enterprise"' in page


def test_table3_layout_is_the_2021_rows_or_the_trial_layouts() -> None:
    report = AnnualReport.from_counts(year=2025)
    assert report.table3_layout() == tuple(r.code for r in TABLE3_ROWS)
    assert report.table3_layout()[2:-2] == RESULT_ROWS
    doc = _doc()
    rows = doc["table3"]["rows"]
    for key in [k for k in rows if "（六）其他处理" in k]:
        del rows[key]
    rows["（六）其他处理"] = [1, 0, 0, 0, 0, 0, 1]
    trial = read_report_document(doc).report
    layout = trial.table3_layout()
    assert len(layout) == 23 and layout[-3:] == ("trial.other", "total", "carried_to_next_year")
    assert not any(code.startswith("other.") for code in layout)
    assert tuple(trial.completed().table3 or ()) == layout  # no row of the 2021 layout added


def test_every_finding_carries_the_hint_of_its_code() -> None:
    doc = _doc()
    doc["table2"]["行政许可证"] = {"本年处理决定数量": "三十八"}  # unknown label, not a number
    doc["table3"]["rows"][ROW["disclosed"]][0] = None  # blank: a relation is skipped
    del doc["table4"]
    report = check_report(doc)
    codes = {f.code.removeprefix("annual-report.") for f in report}
    assert {"unknown-label", "blank-cell", "relation-skipped", "not-given"} <= codes
    for finding in report:
        assert finding.hint and finding.hint == CODES[finding.code].description, finding.code


def test_read_report_refuses_unusable_files(tmp_path: Path) -> None:
    broken = tmp_path / "x.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        read_report(broken)
    other = tmp_path / "x.xlsx"
    other.write_bytes(b"%PDF-1.7")
    with pytest.raises(InputError, match="PDF"):
        read_report(other)


# -- command line ------------------------------------------------------------------------------


def test_cli_check_exit_codes_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annual-report", "check", str(INVENTED), "--level", "county"]) == 0
    broken = tmp_path / "broken.json"
    doc = _doc()
    _set3(doc, "disclosed", 6, 1)
    broken.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["annual-report", "check", str(broken), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["counts"]["error"] == 2
    assert structure(out, Report).codes[0] == "annual-report.row-total"
    assert main(["annual-report", "check", str(tmp_path / "missing.json")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_cli_unusable_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "年报.json"
    binary.write_bytes(b"PK\x03\x04\x00\x00")
    listed = tmp_path / "list.json"
    listed.write_text("[1, 2]", encoding="utf-8")
    half = tmp_path / "half.json"  # a key with half a surrogate pair: it could not be printed
    half.write_text('{"year": 2025, "\\ud800": 1}', encoding="utf-8")
    for args in (
        ["check", str(tmp_path)],
        ["check", str(binary)],
        ["check", str(listed)],
        ["check", str(half)],
        ["check", str(INVENTED), "--previous", str(binary)],
        ["build", "--year", "2025", "-o", str(tmp_path / "no" / "such" / "dir.json")],
    ):
        capsys.readouterr()
        assert main(["annual-report", *args]) == 2, args
        err = capsys.readouterr().err
        assert err.startswith("govdisclose: error: ") and err.count("\n") == 1, err
    with pytest.raises(SystemExit) as caught:
        main(["annual-report", "build", "--year", "twenty"])
    assert caught.value.code == 2


def test_cli_check_with_previous(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    last = tmp_path / "2024.json"
    built = AnnualReport.from_counts(
        body="某某县应急管理局（虚构示例）",
        year=2024,
        table3={"new_requests": {"natural_person": 2}, "disclosed": {"natural_person": 1}},
    )
    last.write_text(json.dumps(to_document(built), ensure_ascii=False), encoding="utf-8")
    code = main(["annual-report", "check", str(INVENTED), "--previous", str(last)])
    out = capsys.readouterr().out
    assert code == 0 and "annual-report.carry-over" not in out


def test_cli_build_writes_each_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hand = tmp_path / "hand.json"
    hand.write_text(
        json.dumps({"table2": {"行政许可": {"本年处理决定数量": 4}}}, ensure_ascii=False),
        encoding="utf-8",
    )
    out = tmp_path / "年报.xlsx"
    args = [
        "annual-report",
        "build",
        "--input",
        str(hand),
        "--body",
        "某某镇人民政府（示例）",
        "--year",
        "2025",
        "--level",
        "township",
    ]
    assert main([*args, "-o", str(out)]) == 0
    read = read_report(out)
    assert read.report.body == "某某镇人民政府（示例）" and read.report.year == 2025
    assert read.report.level is BodyLevel.TOWNSHIP
    assert read.report.table2 is not None and read.report.table2["licensing"]["decisions"] == 4
    assert read.report.table3 is not None and read.report.table3["disclosed"]["total"] is None
    assert main([*args, "--to", "html"]) == 0
    assert (
        "<h1>某某镇人民政府（示例）2025年政府信息公开工作年度报告</h1>" in capsys.readouterr().out
    )
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"table2": {"行政许可证": {}}}, ensure_ascii=False), encoding="utf-8")
    assert main(["annual-report", "build", "--input", str(bad)]) == 2
    assert "行政许可证" in capsys.readouterr().err


def test_example_script_summarises_a_directory_of_reports() -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    reports = root / "examples" / "data" / "annual-reports"
    result = subprocess.run(
        [
            sys.executable,
            str(root / "examples" / "check_annual_reports.py"),
            str(reports / "2025"),
            "--previous",
            str(reports / "2024"),
            "--details",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[2] == "| jia-county.xlsx | 甲县应急管理局（虚构） | 2025 | 0 | 0 |  |"
    assert lines[3].endswith("| 1 | 3 | blank-cell, review-total, regulations-level |")
    assert (
        "- yi-county.json error $.table4['行政复议']['总计']: 行政复议：总计为 0，各项之和为 1"
        in lines
    )


# -- a property: whatever the counts, a report built from them checks clean -------------------

_count = st.integers(min_value=0, max_value=40)


@st.composite
def _counts(draw: st.DrawFn) -> dict[str, Any]:
    results = {
        row: {
            c: draw(_count) for c in draw(st.sets(st.sampled_from(APPLICANT_COLUMNS), max_size=3))
        }
        for row in draw(st.sets(st.sampled_from(RESULT_ROWS), max_size=6))
    }
    answered = {c: sum(r.get(c, 0) for r in results.values()) for c in APPLICANT_COLUMNS}
    carried = {c: draw(st.integers(0, answered[c])) for c in APPLICANT_COLUMNS}
    open_ = {c: draw(_count) for c in APPLICANT_COLUMNS}
    table3 = {
        **results,
        "carried_over": carried,
        "new_requests": {c: answered[c] - carried[c] + open_[c] for c in APPLICANT_COLUMNS},
    }
    groups = ("administrative_review", "lawsuit_direct", "lawsuit_after_review")
    table4 = {
        g: {c: draw(_count) for c in ("upheld", "corrected", "other_result", "pending")}
        for g in groups
    }
    table2 = {
        "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative_documents": {
            "issued": draw(_count),
            "repealed": draw(_count),
            "in_force": draw(_count),
        },
        "licensing": {"decisions": draw(_count)},
        "penalties": {"decisions": draw(_count)},
        "enforcement": {"decisions": draw(_count)},
        "fees": {"fee_amount": draw(st.floats(0, 10_000, allow_nan=False))},
    }
    return {
        "table2": table2,
        "table3": table3,
        "table4": table4,
        "level": draw(st.sampled_from(list(BodyLevel))),
    }


@settings(max_examples=60, deadline=None)
@given(_counts())
def test_any_report_built_from_consistent_counts_checks_clean(counts: dict[str, Any]) -> None:
    report = AnnualReport.from_counts(body="（示例）", year=2025, **counts)
    assert check_report(report).findings == ()
    again = read_report_document(copy.deepcopy(to_document(report)))
    assert again.report == report and check_report(again).findings == ()


# -- real published reports --------------------------------------------------------------------


def published_text_to_document(path: Path) -> dict[str, Any]:
    """What a scraper of a published page produces from a transcribed table text.

    ``# key: value`` header lines give body, year and level.  Table cells are separated by
    ``|`` (merged cells flattened to empty cells), or by blanks in text taken from a PDF.  A
    line holding only a section heading (``二、…``) starts that section.  Table 二: ``信息内容``
    lines give the block's columns, other lines are rows (a row printed with empty cells keeps
    them as blanks); a column header printed twice in one block is kept, the second time with
    its position appended, so that both cells stay in the document.  Table 三: a line ending in
    seven numbers is a row, its label the cells before them joined.  Table 四: a line of fifteen
    numbers is the data row, in the national order.
    """
    doc: dict[str, Any] = {}
    section = None
    columns: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("#"):
            match = re.match(r"# (body|year|level): (.+)", raw)
            if match:
                key, value = match.groups()
                doc[key] = int(value) if key == "year" else value
            continue
        line = raw.strip().strip("|")
        cells = [c.strip() for c in line.split("|")] if "|" in raw else line.split()
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        if len(cells) == 1 and cells[0][:2] in ("二、", "三、", "四、"):
            section = cells[0][0]
            continue
        numbers = [c for c in cells if c.isdigit()]
        if len(cells) == 15 and len(numbers) == 15:
            figures = [int(c) for c in cells]
            groups = ("行政复议", "未经复议直接起诉", "复议后起诉")
            names = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
            table4 = {
                g: dict(zip(names, figures[5 * i : 5 * i + 5], strict=True))
                for i, g in enumerate(groups)
            }
            doc["table4"] = {
                "行政复议": table4["行政复议"],
                "行政诉讼": {g: table4[g] for g in groups[1:]},
            }
        elif len(cells) >= 8 and all(c.isdigit() for c in cells[-7:]):
            rows = doc.setdefault("table3", {"rows": {}})["rows"]
            rows["".join(cells[:-7])] = cells[-7:]
        elif section == "二" and cells[0] == "信息内容":
            columns = []
            for i, name in enumerate(cells[1:], start=2):
                columns.append(name if name not in columns else f"{name}（第{i}列）")
        elif section == "二" and (len(cells) > 1 or (columns and "|" in raw)):
            if cells[0].startswith("第二十条"):
                continue  # a block heading (its empty cells are the merged rest of the line)
            # A row printed with empty cells keeps them, as blanks: the page gives the row.
            values = cells[1:] + [""] * (len(columns) - len(cells) + 1)
            doc.setdefault("table2", {})[cells[0]] = dict(zip(columns, values, strict=False))
    return doc


def _real(name: str) -> Report:
    return check_report(published_text_to_document(DATA / name))


@pytest.mark.parametrize("name", ["dianjiang-yjj-2023.txt", "xinshi-yjj-2023.txt"])
def test_real_2023_county_reports_have_no_arithmetic_errors(name: str) -> None:
    report = _real(name)
    assert report.counts == {"error": 0, "warning": 0, "info": 2}
    assert [f.data["table"] for f in report] == [3, 4]  # not given in the stored pages


def test_real_2023_table2_figures_are_read() -> None:
    read = read_report_document(published_text_to_document(DATA / "dianjiang-yjj-2023.txt"))
    table2 = read.report.table2
    assert table2 is not None
    assert (table2["licensing"]["decisions"], table2["penalties"]["decisions"]) == (44, 36)
    assert read.report.level is BodyLevel.COUNTY


def test_real_2020_township_report_in_the_trial_layout() -> None:
    report = _real("liangcheng-town-2020.txt")
    assert report.ok is False
    errors = report.filter("error").findings
    assert [f.data["label"] for f in errors] == ["本年新", "本年新（第3列）"] * 2
    layout = report.filter(code="annual-report.trial-layout").findings[0]
    assert layout.severity.code == "info"  # the trial layout was right for 2020
    assert set(layout.data["labels"]) >= {"规范性文件", "其他对外管理服务事项", "政府集中采购"}
    assert "annual-report.row-total" not in report.codes  # rows 一 and 二 add up (all 0)
    relations = {f.data["relation"] for f in report.filter(code="annual-report.relation-skipped")}
    assert relations == {"C2", "C3"}


def test_real_2024_district_department_report_adds_up() -> None:
    report = _real("longgang-dept-2024.txt")
    assert report.counts["error"] == 0 and report.counts["warning"] == 0
    read = read_report_document(published_text_to_document(DATA / "longgang-dept-2024.txt"))
    assert read.findings == ()
    table3 = read.report.table3
    assert table3 is not None and len(table3) == 10
    assert table3["new_requests"]["total"] == 66
    assert table3["partly_disclosed"]["natural_person"] == 16
    assert table3["not_disclosed.internal_affairs"]["total"] == 1
    given = report.filter(code="annual-report.not-given").findings
    assert [len(f.data.get("rows", ())) for f in given] == [15, 0]  # table 三 rows; table 四
    skipped = {f.data["relation"] for f in report.filter(code="annual-report.relation-skipped")}
    assert skipped == {"C2", "C3"}


@pytest.mark.parametrize(
    ("name", "given"),
    [("wendeng-xinfang-2022.txt", {4}), ("audit-bureau-2020.txt", {3, 4})],
)
def test_real_table4_pages_read_and_add_up(name: str, given: set[int]) -> None:
    document = published_text_to_document(DATA / name)
    read = read_report_document(document)
    assert read.findings == ()
    tables = {n for n in (2, 3, 4) if getattr(read.report, f"table{n}") is not None}
    assert tables == given
    assert read.report.table4 is not None
    assert all(v == 0 for cells in read.report.table4.values() for v in cells.values())
    report = check_report(read)
    assert report.counts["error"] == 0 and report.counts["warning"] == 0


def test_real_2023_town_report_reads_and_flags_the_regulations_a_town_cannot_make() -> None:
    read = read_report_document(published_text_to_document(DATA / "nilka-town-2023.txt"))
    assert read.findings == ()
    assert read.report.table2 is not None and read.report.table3 is not None
    assert read.report.table2["regulations"]["in_force"] == 6  # as published
    assert len(read.report.table3) == 9  # 一, 二, (一), (二), 不予公开 1–5
    report = check_report(read)
    # The publication's error: a town reports 6 规章 in force.
    (level,) = report.filter(code="annual-report.regulations-level").findings
    assert (level.data["level"], level.data["column"], level.data["value"]) == (
        "township",
        "in_force",
        6,
    )
    assert report.counts == {"error": 0, "warning": 1, "info": 4}  # the rest is not given


def test_real_2022_town_report_with_the_not_disclosed_heading_split_adds_up() -> None:
    # 「(三)」「不予公开」「1.属于国家秘密」 are three cells on the page.
    read = read_report_document(published_text_to_document(DATA / "taiping-town-2022.txt"))
    assert read.findings == ()
    assert read.report.table3 is not None
    assert "not_disclosed.state_secret" in read.report.table3
    assert len(read.report.table3) == 7
    report = check_report(read)
    assert report.counts == {"error": 0, "warning": 0, "info": 4}
    skipped = {f.data["relation"] for f in report.filter(code="annual-report.relation-skipped")}
    assert skipped == {"C2", "C3"}  # their rows are beyond the stored copy


def test_real_2023_town_report_in_the_trial_layout_with_empty_cells() -> None:
    report = _real("yanglin-town-2023.txt")
    # The publication's errors: the 2019 trial layout used for 2023 ...
    (layout,) = report.filter(code="annual-report.trial-layout").findings
    assert (layout.severity.code, layout.data["year"]) == ("error", 2023)
    # ... its two truncated column headers, as in the 2020 copy of that layout ...
    unknown = report.filter(code="annual-report.unknown-label").findings
    assert [f.data["label"] for f in unknown] == ["本年新", "本年新（第3列）"] * 2
    assert unknown[0].data["cut_off_from"] == ("本年新制作数量", "本年新公开数量")
    # ... rows printed with no figures (14 cells), and a town reporting a 规章.
    blanks = report.filter(code="annual-report.blank-cell").findings
    assert len(blanks) == 14
    assert {f.data["row"] for f in blanks} == {
        "licensing",
        "trial.other_services",
        "penalties",
        "enforcement",
        "fees",
    }
    (level,) = report.filter(code="annual-report.regulations-level").findings
    assert level.data["value"] == 1
    assert report.counts == {"error": 5, "warning": 15, "info": 2}


def test_real_2021_town_report_with_a_truncated_column_header() -> None:
    # The publication's error: 现行有效件数 printed as 现行有效件.  The label is not the
    # format's, so it is named (with the row it is in) and its cells are not taken as read.
    read = read_report_document(published_text_to_document(DATA / "xinjiu-town-2021.txt"))
    assert [f.data["label"] for f in read.findings] == ["现行有效件", "现行有效件"]
    # the message names what the header was cut off from: a hint, not a reading
    assert all(f.data["cut_off_from"] == ("现行有效件数",) for f in read.findings)
    assert "cut off from 现行有效件数?" in read.findings[0].message_en
    assert {f.code for f in read.findings} == {"annual-report.unknown-label"}
    assert read.report.table2 is not None
    assert read.report.table2["regulations"] == {"issued": 0, "repealed": 0}
    report = check_report(read)
    (table2,) = [f for f in report.filter(code="annual-report.not-given") if f.data["table"] == 2]
    assert table2.data["cells"] == ("regulations/in_force", "normative_documents/in_force")
    assert report.counts == {"error": 2, "warning": 0, "info": 5}


def test_real_2020_township_report_in_the_trial_layout_reads_whole() -> None:
    read = read_report_document(published_text_to_document(DATA / "zhongcun-township-2020.txt"))
    assert read.findings == ()
    table2 = read.report.table2
    assert table2 is not None
    assert dict(table2["normative_documents"]) == {
        "trial.made": 5,
        "trial.published": 5,
        "trial.published_total": 5,
    }
    assert dict(table2["trial.procurement"]) == {
        "trial.procurement_count": 1,
        "trial.procurement_amount": 8040,
    }
    report = check_report(read)
    assert report.counts == {"error": 0, "warning": 0, "info": 3}
    (layout,) = report.filter(code="annual-report.trial-layout").findings
    assert layout.severity.code == "info" and layout.data["year"] == 2020


def _by_block(document: dict[str, Any], headings: dict[str, list[str]]) -> dict[str, Any]:
    """The same document with table 二's rows under the block headings as the page prints
    them (the other form a scraper writes)."""
    table2 = document["table2"]
    nested = {heading: {row: table2[row] for row in rows} for heading, rows in headings.items()}
    return {**document, "table2": nested}


def test_real_2019_county_bureau_report_in_the_trial_layout_reads_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = published_text_to_document(DATA / "rongchang-yjj-2019.txt")
    read = read_report_document(document)
    assert read.findings == ()
    table2 = read.report.table2
    assert table2 is not None and len(table2) == 7  # every row of the 2019 table 二 but 采购
    assert dict(table2["licensing"]) == {
        "trial.previous_count": 21,
        "trial.change": 0,
        "trial.decisions": 315,
    }
    assert table2["penalties"]["trial.decisions"] == 75
    assert table2["enforcement"]["trial.previous_count"] == 6
    assert dict(table2["fees"]) == {"trial.previous_count": 0, "trial.change": 0}
    report = check_report(read)
    assert report.counts == {"error": 0, "warning": 0, "info": 3}  # tables 三 and 四 not given
    (layout,) = report.filter(code="annual-report.trial-layout").findings
    assert (layout.severity.code, layout.data["year"]) == ("info", 2019)
    # The rows under their block headings as printed, the first after the 条例's name.
    nested = _by_block(
        document,
        {
            "中华人民共和国政府信息公开条例 第二十条第(一)项": ["规章", "规范性文件"],
            "第二十条第(五)项": ["行政许可", "其他对外管理服务事项"],
            "第二十条第(六)项": ["行政处罚", "行政强制"],
            "第二十条第(八)项": ["行政事业性收费"],
        },
    )
    again = read_report_document(nested)
    assert again.findings == () and again.report == read.report
    assert again.locations[(2, "licensing", "trial.decisions")] == (
        "$.table2['第二十条第(五)项']['行政许可']['处理决定数量']"
    )
    path = tmp_path / "rongchang-2019.json"
    path.write_text(json.dumps(nested, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["annual-report", "check", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"] == {"error": 0, "warning": 0, "info": 3}


def test_real_2020_district_bureau_report_with_notes_after_the_labels() -> None:
    # The local template prints a note in parentheses after labels and column headers.
    read = read_report_document(published_text_to_document(DATA / "hubei-district-yjj-2020.txt"))
    assert read.findings == ()
    table2 = read.report.table2
    assert table2 is not None
    assert dict(table2["normative_documents"]) == {
        "trial.made": 0,
        "trial.published": 0,
        "trial.published_total": 0,
    }
    assert dict(table2["licensing"]) == {
        "trial.previous_count": 4,
        "trial.change": 5,
        "trial.decisions": 49,
    }
    assert dict(table2["trial.other_services"]) == {
        "trial.previous_count": 189,
        "trial.change": 2,
        "trial.decisions": 36,
    }
    report = check_report(read)
    assert report.counts == {"error": 0, "warning": 0, "info": 4}
    (rows,) = [f for f in report.filter(code="annual-report.not-given") if f.data["table"] == 2]
    assert set(rows.data["rows"]) == {"penalties", "enforcement", "fees"}  # beyond the copy


# -- robustness: whatever JSON a scraper writes, the check answers with findings ---------------


def _containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(inner, max_size=8), st.dictionaries(st.text(max_size=6), inner, max_size=5)
    )


_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8)
    | st.sampled_from(["予以公开", "总计", "行政诉讼", "规章", "1.5", "-3", "　", "三十"]),
    _containers,
    max_leaves=25,
)
_places = st.sampled_from(
    [
        ("table2",),
        ("table2", "规章"),
        ("table2", "规章", "本年制发件数"),
        ("table3",),
        ("table3", "rows"),
        ("table3", "columns"),
        ("table3", "rows", "三、本年度办理结果（一）予以公开"),
        ("table4",),
        ("table4", "行政诉讼"),
        ("table4", "行政诉讼", "复议后起诉"),
        ("sections",),
        ("year",),
        ("level",),
        ("body",),
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_places, _json), min_size=1, max_size=3))
def test_any_json_in_any_place_gives_findings_not_a_crash(
    changes: list[tuple[tuple[str, ...], Any]],
) -> None:
    doc = _doc()
    for place, value in changes:
        target = doc
        for key in place[:-1]:
            if not isinstance(target.get(key), dict):
                target[key] = {}
            target = target[key]
        target[place[-1]] = value
    report = check_report(doc)
    json.dumps(unstructure(report), ensure_ascii=False)  # every finding is JSON
    assert all(f.path.startswith("$") for f in report)


# -- from a requests ledger (govdisclose.requests) to the report, two years running ------------


def test_reports_built_from_a_ledger_check_clean_and_carry_over() -> None:
    import datetime as dt

    from govdisclose.requests import Ledger, Reply, Request, table3_counts, table4_counts

    ledger = Ledger(  # invented requests
        [
            Request(
                "2024-1",
                dt.date(2024, 5, 6),
                "自然人",
                reply=Reply(dt.date(2024, 5, 20), "予以公开"),
            ),
            Request("2024-2", dt.date(2024, 12, 23), "商业企业"),
            Request(
                "2024-3",
                dt.date(2024, 12, 30),
                "自然人",
                reply=Reply(dt.date(2025, 1, 15), "本机关不掌握相关政府信息"),
            ),
            Request(
                "2025-1",
                dt.date(2025, 3, 3),
                "法律服务机构",
                reply=Reply(dt.date(2025, 3, 10), "部分公开"),
            ),
        ]
    )
    table2 = {
        "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative_documents": {"issued": 0, "repealed": 0, "in_force": 3},
        "licensing": {"decisions": 5},
        "penalties": {"decisions": 2},
        "enforcement": {"decisions": 0},
        "fees": {"fee_amount": 0},
    }
    reports = {
        year: AnnualReport.from_counts(
            body="某某县应急管理局（虚构示例）",
            year=year,
            level="county",
            table2=table2,
            table3=table3_counts(ledger, year),
            table4=table4_counts(ledger, year),
        )
        for year in (2024, 2025)
    }
    assert check_report(reports[2024]).findings == ()
    assert check_report(reports[2025], previous=reports[2024]).findings == ()
    table3 = reports[2025].table3
    assert table3 is not None
    assert table3["carried_over"]["total"] == 2
    assert table3["carried_to_next_year"]["commercial_enterprise"] == 1
