"""Tests for building the yearly report from a requests ledger (``build_report`` and
``govdisclose annual-report build --requests``).

The ledgers and hand-filled parts are invented (an imaginary county bureau).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclose._errors import DataError, InputError
from govdisclose.annual_report import (
    AnnualReport,
    build_report,
    check_report,
    fee_sentence,
    read_report,
    read_report_document,
    to_document,
)
from govdisclose.cli import main
from govdisclose.requests import (
    FeeNotice,
    Ledger,
    Reply,
    Request,
    Review,
    fees_collected,
    table3_counts,
    table4_counts,
)
from requests_strategies import full_ledgers

D = dt.date
LEDGER_CSV = Path(__file__).parent / "data" / "requests" / "ledger.csv"

LEDGER = Ledger(
    [
        Request("1", D(2024, 12, 25), "自然人"),
        Request("2", D(2025, 3, 3), "自然人", reply=Reply(D(2025, 3, 20), "（一）予以公开")),
        Request(
            "3",
            D(2025, 5, 6),
            "商业企业",
            fee=FeeNotice(D(2025, 5, 9), "按量", amount=300, paid=D(2025, 5, 12)),
            reply=Reply(D(2025, 6, 2), "（二）部分公开"),
            reviews=[Review("行政复议", "结果维持", filed=D(2025, 7, 1), decided=D(2025, 9, 1))],
        ),
        Request("4", D(2025, 12, 29), "科研机构"),
    ]
)

HAND = {
    "body": "某某县应急管理局（示例）",
    "level": "县级",
    "table2": {
        "规章": {"本年制发件数": 0, "本年废止件数": 0, "现行有效件数": 0},
        "行政规范性文件": {"本年制发件数": 1, "本年废止件数": 0, "现行有效件数": 5},
        "行政许可": {"本年处理决定数量": 31},
        "行政处罚": {"本年处理决定数量": 12},
        "行政强制": {"本年处理决定数量": 0},
        "行政事业性收费": {"本年收费金额（单位：万元）": 0},
    },
    "sections": {
        "一、总体情况": "本年度……",
        "六、其他需要报告的事项": "无其他需要报告的事项。",
    },
}


def hand() -> AnnualReport:
    return read_report_document(HAND).report


def test_tables_three_and_four_come_from_the_ledger() -> None:
    report = build_report(LEDGER, 2025)
    assert report.table3 is not None and report.table4 is not None
    assert report.table3["carried_over"]["natural_person"] == 1
    assert report.table3["new_requests"]["total"] == 3
    assert report.table3["disclosed"]["natural_person"] == 1
    assert report.table3["partly_disclosed"]["commercial_enterprise"] == 1
    # request 1 (carried over) and 4 (received 29 December) are still open
    assert report.table3["carried_to_next_year"]["total"] == 2
    assert report.table4["administrative_review"] == {
        "upheld": 1,
        "corrected": 0,
        "other_result": 0,
        "pending": 0,
        "total": 1,
    }
    for row, cells in table3_counts(LEDGER, 2025).items():
        assert dict(report.table3[row]) == cells
    for group, cells in table4_counts(LEDGER, 2025).items():
        assert dict(report.table4[group]) == cells


def test_fees_open_section_six_and_the_hand_filled_text_follows() -> None:
    assert fees_collected(LEDGER, 2025) == 300
    report = build_report(LEDGER, 2025, hand_filled=hand())
    assert report.sections["other_matters"] == "本年度收取信息处理费300元。\n无其他需要报告的事项。"
    assert build_report(LEDGER, 2024).sections["other_matters"] == fee_sentence(0)


def test_the_rest_comes_from_the_hand_filled_part() -> None:
    report = build_report(LEDGER, 2025, hand_filled=hand())
    assert report.body == "某某县应急管理局（示例）"
    assert report.level is not None and report.level.code == "county"
    assert report.table2 is not None
    assert report.table2["normative_documents"]["in_force"] == 5
    assert report.sections["summary"] == "本年度……"
    assert report.blank_sections == ("problems",)
    assert check_report(report).counts == {"error": 0, "warning": 0, "info": 0}


def test_without_a_hand_filled_part_table_two_and_texts_are_headed_blanks() -> None:
    report = build_report(LEDGER, 2025, body="某某乡人民政府（示例）", level="township")
    assert report.table2 is not None
    assert all(v is None for cells in report.table2.values() for v in cells.values())
    assert report.blank_sections == ("summary", "problems")
    result = check_report(report)
    assert result.counts["error"] == 0
    assert {f.code for f in result.filter("warning")} == {"annual-report.blank-cell"}


def test_body_and_level_override_the_hand_filled_part() -> None:
    report = build_report(LEDGER, 2025, hand_filled=hand(), body="某某区应急管理局", level="city")
    assert (report.body, report.level and report.level.code) == ("某某区应急管理局", "city")


def test_hand_filled_table_three_that_disagrees_with_the_ledger_is_an_error() -> None:
    agrees = read_report_document(
        {"table3": {"rows": {"一、本年新收政府信息公开申请数量": [1, 1, 1, 0, 0, 0, 3]}}}
    ).report
    assert build_report(LEDGER, 2025, hand_filled=agrees).table3 is not None
    disagrees = read_report_document(
        {
            "table4": {
                "行政复议": {"结果维持": 2, "结果纠正": 0, "其他结果": 0, "尚未审结": 0, "总计": 2}
            }
        }
    ).report
    with pytest.raises(DataError) as raised:
        build_report(LEDGER, 2025, hand_filled=disagrees)
    paths = [e.path for e in raised.value.errors]
    assert paths == [
        "$.table4['administrative_review']['upheld']",
        "$.table4['administrative_review']['total']",
    ]


def test_hand_filled_part_of_another_year_is_an_error() -> None:
    with pytest.raises(DataError, match="2024"):
        build_report(LEDGER, 2025, hand_filled=AnnualReport(year=2024))
    with pytest.raises(InputError):
        build_report(LEDGER, 2025, hand_filled={"body": "x"})  # type: ignore[arg-type]


def test_carry_over_against_last_years_report_built_from_the_same_ledger() -> None:
    last = build_report(LEDGER, 2024)
    assert check_report(build_report(LEDGER, 2025), previous=last).counts["error"] == 0
    wrong = build_report(LEDGER, 2023)
    codes = [f.code for f in check_report(build_report(LEDGER, 2025), previous=wrong).findings]
    assert "annual-report.carry-over" in codes


_RELATIONS = {
    "annual-report.row-total",
    "annual-report.column-sum",
    "annual-report.balance",
    "annual-report.review-total",
    "annual-report.carry-over",
    "annual-report.previous-report",
}


@settings(max_examples=80, deadline=None)
@given(full_ledgers(), st.integers(2024, 2027))
def test_every_report_built_from_a_ledger_satisfies_the_relations(
    ledger: Ledger, year: int
) -> None:
    report = build_report(ledger, year)
    previous = build_report(ledger, year - 1)
    result = check_report(report, previous=previous)
    assert not [f.code for f in result.findings if f.code in _RELATIONS]
    skipped = {
        f.data["relation"] for f in result.findings if f.code == "annual-report.relation-skipped"
    }
    assert not skipped & {"C1", "C2", "C3", "C4", "C8"}
    assert result.counts["error"] == 0
    # the label-keyed document reads back as the same report, and checks the same
    again = read_report_document(json.loads(json.dumps(to_document(report)))).report
    assert again == report


# -- the command line -------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_build_from_a_ledger(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    hand_path = tmp_path / "手填部分.json"
    hand_path.write_text(json.dumps(HAND, ensure_ascii=False), encoding="utf-8")
    out_path = tmp_path / "2025年报.xlsx"
    code, out, err = run(
        capsys,
        "annual-report", "build", "--year", "2025", "--requests", str(LEDGER_CSV),
        "--input", str(hand_path), "-o", str(out_path),
    )  # fmt: skip
    assert (code, out, err) == (0, "", "")
    report = read_report(out_path).report
    assert report.table3 is not None
    assert report.table3["new_requests"]["total"] == 7
    assert report.sections["other_matters"].startswith("本年度收取信息处理费700元。")
    assert check_report(report).counts["error"] == 0


def test_cli_carry_over_mismatch_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    last = tmp_path / "2025.json"
    assert run(capsys, "annual-report", "build", "--year", "2025", "--requests",
               str(LEDGER_CSV), "-o", str(last))[0] == 0  # fmt: skip
    base = ["annual-report", "build", "--year", "2026", "--requests", str(LEDGER_CSV)]
    code, out, err = run(capsys, *base, "--previous", str(last))
    assert (code, err) == (0, "")
    data = json.loads(last.read_text(encoding="utf-8"))
    data["table3"]["rows"]["四、结转下年度继续办理"][0] += 1
    last.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, *base, "--previous", str(last))
    assert code == 1
    assert "annual-report.carry-over" in err
    assert json.loads(out)["year"] == 2026  # the report is still written


def test_cli_build_unusable_inputs_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "annual-report", "build", "--requests", str(LEDGER_CSV))
    assert code == 2 and "--year" in err
    broken = tmp_path / "台账.csv"
    broken.write_text("申请编号,收到申请日期,申请人类型\n1,某日,自然人\n", encoding="utf-8")
    code, _, err = run(capsys, "annual-report", "build", "--year", "2025", "--requests",
                       str(broken))  # fmt: skip
    assert code == 2 and "台账.csv!B2  requests.bad-cell" in err
    code, _, err = run(capsys, "annual-report", "build", "--previous", str(LEDGER_CSV))
    assert code == 2 and "--requests" in err
