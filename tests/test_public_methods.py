"""The methods that let users work through the public names only: the ledger and the yearly
report write and read themselves, and the user-facing pages and examples import nothing else.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import govdisclose
from govdisclose import AnnualReport, DataError, Ledger
from govdisclose.annual_report import read_report_document, to_document
from govdisclose.requests import (
    ledger_to_json,
    ledger_to_rows,
    read_ledger_data,
    read_ledger_rows,
    year_counts,
)

ROOT = Path(__file__).resolve().parent.parent

LEDGER = {
    "body": "某某县应急管理局（示例）",
    "requests": [
        {
            "id": "2024-09",
            "received": "2024-12-23",
            "applicant_category": "natural_person",
            "reply": {"date": "2025-01-10", "outcome": "disclosed"},
        },
        {
            "id": "2025-02",
            "received": "2025-05-06",
            "applicant_category": "commercial_enterprise",
            "fee": {"sent": "2025-05-09", "basis": "per_page", "amount": 300, "paid": "2025-05-12"},
            "reply": {"date": "2025-06-02", "outcome": "partly_disclosed"},
        },
        {"id": "2025-03", "received": "2025-12-29", "applicant_category": "legal_service_org"},
    ],
}


def test_ledger_from_json_reads_what_the_reader_reads_and_writes_it_back() -> None:
    ledger = Ledger.from_json(LEDGER)
    assert ledger == read_ledger_data(LEDGER).ledger
    assert ledger.body == "某某县应急管理局（示例）"
    assert ledger.to_json() == ledger_to_json(ledger) == LEDGER
    assert Ledger.from_json(ledger.to_json()) == ledger


def test_ledger_rows_and_workbook_read_back_into_the_same_ledger(tmp_path: Path) -> None:
    ledger = Ledger.from_json(LEDGER["requests"])
    rows = ledger.to_rows()
    assert rows == ledger_to_rows(ledger)
    assert rows[0][0] == "申请编号"
    assert Ledger.from_rows(rows) == read_ledger_rows(rows).ledger == ledger
    assert Ledger.from_rows(rows, body="某局").body == "某局"
    path = tmp_path / "台账.xlsx"
    path.write_bytes(ledger.to_xlsx())
    assert govdisclose.read_ledger(path).ledger == ledger


def test_ledger_from_json_refuses_every_unusable_request_rather_than_drop_it() -> None:
    data = [
        {"id": "1", "received": "2025-02-30", "applicant_category": "natural_person"},
        {"id": "2", "received": "2025-03-03", "applicant_category": "natural_person"},
        {"id": "3", "received": "2025-03-03", "applicant_category": "火星人"},
    ]
    with pytest.raises(DataError) as caught:
        Ledger.from_json(data)
    assert [e.path for e in caught.value.errors] == ["$[0].received", "$[2].applicant_category"]
    assert "台账未能完整读取" in str(caught.value)


def test_ledger_from_rows_refuses_an_unknown_category_naming_its_cell() -> None:
    rows = [["申请编号", "收到申请日期", "申请人类型"], ["1", "2025-03-03", "火星人"]]
    with pytest.raises(DataError) as caught:
        Ledger.from_rows(rows)
    (error,) = caught.value.errors
    assert error.path == "C2"
    assert "火星人" in str(error)


def test_ledger_counts_are_the_year_counts() -> None:
    ledger = Ledger.from_json(LEDGER)
    counts = ledger.counts(2025)
    assert counts == year_counts(ledger, 2025)
    assert counts.table3["carried_over"]["natural_person"] == 1
    assert counts.table3["carried_to_next_year"]["legal_service_org"] == 1
    assert counts.fees_collected_yuan == 300
    assert ledger.counts(2026).table3["carried_over"]["total"] == 1


def test_annual_report_writes_its_document_workbook_and_page(tmp_path: Path) -> None:
    report = AnnualReport.from_counts(
        body="某某县应急管理局（示例）",
        year=2025,
        level="county",
        table3={"new_requests": {"natural_person": 2}, "disclosed": {"natural_person": 2}},
    )
    document = report.to_document()
    assert document == to_document(report)
    assert govdisclose.read_report(document).report == report
    path = tmp_path / "2025年报.xlsx"
    path.write_bytes(report.to_xlsx())
    assert govdisclose.read_report(path).report == report
    page = report.to_html()
    assert page.count("<caption>") == 3
    assert "某某县应急管理局（示例）" in page


def test_read_report_of_parsed_json_is_the_read_of_the_file(tmp_path: Path) -> None:
    data = {
        "year": 2025,
        "table3": {"rows": {"(一)予以公开": [1, 0, 0, 0, 0, 0, 1]}},
        "table4": {"行政复议": {"结果维持": "一"}},
    }
    path = tmp_path / "report.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    from_data = govdisclose.read_report(data)
    from_file = govdisclose.read_report(path)
    assert from_data == read_report_document(data)
    assert from_data.report == from_file.report
    assert [f.code for f in from_data.findings] == [f.code for f in from_file.findings]
    assert from_data.findings  # the unreadable cell is reported, not dropped
    assert from_data.report.cell(3, "disclosed", "natural_person") == 1


_INTERNAL_IMPORT = re.compile(r"^(?:>>> |\.\.\. )?\s*(?:from|import) govdisclose\.", re.M)


@pytest.mark.parametrize(
    "path",
    [*sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "examples").glob("*.py"))],
    ids=lambda p: p.name,
)
def test_pages_and_examples_import_only_the_public_package(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert [m.group(0) for m in _INTERNAL_IMPORT.finditer(text)] == []
