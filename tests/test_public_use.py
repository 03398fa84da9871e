"""Users work through the public names only: the ledger and the yearly report are read and
written by the top-level functions, and the pages and examples import nothing else.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import govdisclose
from govdisclose import AnnualReport, DataError, InputError, Ledger
from govdisclose.annual_report import read_report_document, to_document, to_html, to_xlsx
from govdisclose.requests import ledger_to_json, ledger_to_xlsx, read_ledger_data, year_counts

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


def test_the_ledger_json_round_trips_through_the_public_converter() -> None:
    ledger = read_ledger_data(LEDGER).ledger
    assert govdisclose.unstructure(ledger) == ledger_to_json(ledger) == LEDGER
    assert govdisclose.structure(LEDGER, Ledger) == ledger


def test_structure_refuses_every_unusable_request_of_a_ledger() -> None:
    data = {
        "requests": [
            {"id": "1", "received": "2025-02-30", "applicant_category": "natural_person"},
            {"id": "2", "received": "2025-03-03", "applicant_category": "natural_person"},
            {"id": "3", "received": "2025-03-03", "applicant_category": "火星人"},
        ]
    }
    with pytest.raises(DataError) as caught:
        govdisclose.structure(data, Ledger)
    paths = [e.path for e in caught.value.errors]
    assert paths == ["$.requests[0].received", "$.requests[2].applicant_category"]


def test_to_xlsx_writes_a_ledger_that_reads_back(tmp_path: Path) -> None:
    ledger = read_ledger_data(LEDGER).ledger
    content = govdisclose.to_xlsx(ledger)
    assert content == ledger_to_xlsx(ledger)
    path = tmp_path / "台账.xlsx"
    path.write_bytes(content)
    # the workbook holds the requests (the body is not one of its columns)
    assert govdisclose.read_ledger(path).ledger.requests == ledger.requests


def _cells(data: bytes) -> list[list[tuple[object, ...]]]:
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    return [list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets]


def test_to_xlsx_and_to_html_still_write_catalogues() -> None:
    catalogue = govdisclose.standard("work_safety")
    # The same cells whether given one catalogue or a list of one (the bytes differ by the
    # ZIP and document timestamps).
    assert _cells(govdisclose.to_xlsx(catalogue)) == _cells(govdisclose.to_xlsx([catalogue]))
    assert govdisclose.to_xlsx(catalogue)[:2] == b"PK"
    assert catalogue.items[0].name in govdisclose.to_html(catalogue)


def test_to_xlsx_and_to_html_refuse_other_objects() -> None:
    with pytest.raises(InputError, match="not int"):
        govdisclose.to_xlsx(3)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="not Ledger"):
        govdisclose.to_html(read_ledger_data(LEDGER).ledger)  # type: ignore[arg-type]


def test_build_report_counts_the_ledger_year() -> None:
    ledger = read_ledger_data(LEDGER).ledger
    report = govdisclose.build_report(ledger, 2025)
    assert report.to_counts()["table3"] == year_counts(ledger, 2025).table3
    assert report.table3 is not None
    assert report.table3["carried_over"]["natural_person"] == 1
    assert "300" in report.sections["other_matters"]


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
    path.write_bytes(govdisclose.to_xlsx(report))
    assert govdisclose.read_report(path).report == report
    assert _cells(govdisclose.to_xlsx(report)) == _cells(to_xlsx(report))
    page = govdisclose.to_html(report)
    assert page == to_html(report)
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
