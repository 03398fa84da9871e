"""Document-record checks (390号 四(一), 四(二)6): attribute, marking, review, 20 working days."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from govdisclose._errors import DataError, InputError
from govdisclose._vocabulary import Channel, DisclosureAttribute
from govdisclose.calendar._workcalendar import WorkCalendar
from govdisclose.checks import (
    DocumentRecord,
    InterpretationRecord,
    ReviewRecord,
    is_valid_document,
    self_review_due,
    validate_document,
    validate_documents,
)
from govdisclose.checks._document_record import read_document
from govdisclose.checks._document_rules import marking_attributes
from govdisclose.findings import CODES

D = dt.date
CAL = WorkCalendar.official()
# Issued Friday 2024-09-20: 20 working days later, counting the make-up Sunday 29 September
# and Saturday 12 October and skipping 1-7 October, is Wednesday 2024-10-23.
ISSUED = D(2024, 9, 20)
DUE = D(2024, 10, 23)


def proactive(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "2024-17",
        "title": "关于做好汛期安全防范工作的通知",
        "document_number": "某应急〔2024〕17号",
        "issued": ISSUED.isoformat(),
        "attribute": "proactive",
        "marking": "此件公开发布",
        "published": "2024-09-25",
        "channels": ["government_website"],
    }
    record.update(changes)
    return {k: v for k, v in record.items() if v is not None}


def not_disclosed(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "2024-18",
        "title": "内部工作方案",
        "issued": "2024-03-01",
        "attribute": "不予公开",
        "marking": "此件不公开",
        "not_disclosed_basis": "《中华人民共和国政府信息公开条例》第十六条（内部事务信息）",
        "review": {"reviewer": "办公室（政务公开科）", "reviewed_on": "2024-02-27"},
        "last_self_review": "2024-12-10",
    }
    record.update(changes)
    return {k: v for k, v in record.items() if v is not None}


def check(record: Any, **kwargs: Any) -> list[tuple[str, str, str]]:
    kwargs.setdefault("as_of", D(2024, 12, 31))
    kwargs.setdefault("calendar", CAL)
    report = validate_document(record, **kwargs)
    return [(f.code, f.severity.code, f.path) for f in report.findings]


def test_the_due_date_is_20_working_days_after_issue() -> None:
    assert CAL.add_workdays(ISSUED, 20) == DUE


def test_clean_records() -> None:
    assert check(proactive()) == []
    assert check(not_disclosed()) == []
    assert check(proactive(published=DUE.isoformat())) == []  # the last day is in time
    on_request = not_disclosed(attribute="依申请公开", marking="此件依申请公开")
    assert check(on_request) == []


def test_attribute_missing() -> None:
    record = proactive(attribute=None)
    assert check(record) == [("document.attribute-missing", "error", "$.attribute")]
    report = validate_document(record, as_of=D(2024, 12, 31), calendar=CAL)
    assert "proactive" in report.findings[0].hint  # the marking suggests the attribute


@pytest.mark.parametrize(
    ("marking", "code", "severity"),
    [
        ("此件不公开", "document.marking-mismatch", "error"),
        ("（此件依申请公开）", "document.marking-mismatch", "error"),
        ("此件公开发布 此件不公开", "document.marking-mismatch", "error"),
        ("公开", "document.marking-unrecognised", "warning"),
        ("", "document.marking-missing", "warning"),
        (None, "document.marking-missing", "warning"),
    ],
)
def test_marking(marking: str | None, code: str, severity: str) -> None:
    record = proactive()
    if marking is None:
        del record["marking"]
    else:
        record["marking"] = marking
    assert check(record) == [(code, severity, "$.marking")]


def test_marking_variants_are_recognised() -> None:
    assert check(proactive(marking="「此件公开发布」")) == []
    assert check(proactive(marking=" (此件公开发布) ")) == []
    assert marking_attributes("此件依申请公开") == (DisclosureAttribute.ON_REQUEST,)


def test_not_disclosed_needs_basis_and_review() -> None:
    assert check(not_disclosed(not_disclosed_basis=" ")) == [
        ("document.basis-missing", "error", "$.not_disclosed_basis")
    ]
    assert check(not_disclosed(review=None)) == [("document.review-missing", "error", "$.review")]
    assert check(not_disclosed(review={"reviewer": "", "reviewed_on": "2024-02-27"})) == [
        ("document.review-missing", "error", "$.review.reviewer")
    ]
    assert check(not_disclosed(review={"reviewer": "办公室", "reviewed_on": "2024-03-05"})) == [
        ("document.review-after-issue", "warning", "$.review.reviewed_on")
    ]


def test_not_disclosed_but_published_is_an_error() -> None:
    record = not_disclosed(published="2024-03-02", channels=["government_website"])
    assert check(record) == [("document.not-disclosed-published", "error", "$.published")]


def test_published_late_gives_working_days_late() -> None:
    report = validate_document(proactive(published="2024-10-30"), calendar=CAL)
    (finding,) = report.findings
    assert finding.code == "document.published-late"
    assert finding.path == "$.published"
    assert finding.data["due"] == DUE.isoformat()
    assert finding.data["late_workdays"] == 5  # 24, 25, 28, 29, 30 October
    assert finding.data["late_days"] == 7
    assert "5个工作日" in finding.message_zh
    assert "provisional" not in finding.data


def test_late_on_a_rest_day_is_still_late() -> None:
    report = validate_document(proactive(published="2024-10-26"), calendar=CAL)  # Saturday
    (finding,) = report.findings
    assert finding.code == "document.published-late"
    assert finding.data["late_workdays"] == 2  # Thursday and Friday


def test_not_published_overdue_and_pending() -> None:
    record = proactive(published=None, channels=None)
    assert check(record, as_of=DUE) == [("document.publication-pending", "info", "$.published")]
    assert check(record, as_of=DUE + dt.timedelta(days=1)) == [
        ("document.publication-overdue", "error", "$.published")
    ]
    report = validate_document(record, as_of=D(2024, 10, 25), calendar=CAL)
    assert report.findings[0].data["overdue_workdays"] == 2


def test_published_off_the_website() -> None:
    assert check(proactive(channels=["new_media"])) == [
        ("document.not-on-website", "error", "$.channels")
    ]
    assert check(proactive(channels=[], url="https://www.example.gov.cn/zwgk/17.html")) == []


def test_dates_in_the_wrong_order_and_missing() -> None:
    assert check(proactive(published="2024-09-19")) == [
        ("document.published-before-issued", "error", "$.published")
    ]
    assert check(proactive(issued=None)) == [("document.issued-missing", "error", "$.issued")]
    assert check(not_disclosed(issued=None, last_self_review=None)) == [
        ("document.issued-missing", "warning", "$.issued")
    ]


def test_unknown_year_is_a_finding_not_a_crash() -> None:
    record = proactive(issued="2026-12-20", published=None, channels=None)
    report = validate_document(record, as_of=D(2026, 12, 25), calendar=CAL)
    (finding,) = report.findings
    assert finding.code == "document.deadline-unknown"
    assert finding.data["year"] == 2027
    assert "2027" in finding.message_en and "provisional" in finding.message_en


def test_provisional_estimate_is_marked() -> None:
    record = proactive(issued="2026-12-20", published=None, channels=None)
    report = validate_document(record, as_of=D(2027, 3, 1), provisional=True)
    (finding,) = report.findings
    assert finding.code == "document.publication-overdue"
    assert finding.data["provisional"] is True
    assert list(finding.data["estimated_years"]) == [2027]
    assert "暂估" in finding.message_zh and "PROVISIONAL" in finding.message_en
    # a deadline inside known years is not marked, even with provisional=True
    report = validate_document(proactive(published="2024-10-30"), provisional=True)
    assert "provisional" not in report.findings[0].data


def test_interpretation_three_synchronous() -> None:
    linked = {"published": "2024-09-25", "url": "https://www.example.gov.cn/jd/17.html"}
    assert check(proactive(needs_interpretation=True, interpretation=linked)) == []
    assert check(proactive(needs_interpretation=True)) == [
        ("document.interpretation-missing", "error", "$.interpretation")
    ]
    later = {**linked, "published": "2024-09-27"}
    assert check(proactive(needs_interpretation=True, interpretation=later)) == [
        ("document.interpretation-not-synchronous", "error", "$.interpretation.published")
    ]
    unlinked = {"published": "2024-09-25"}
    assert check(proactive(needs_interpretation=True, interpretation=unlinked)) == [
        ("document.interpretation-not-linked", "warning", "$.interpretation")
    ]
    # not yet published: nothing to say about the interpretation yet
    record = proactive(needs_interpretation=True, published=None, channels=None)
    assert check(record, as_of=ISSUED) == [("document.publication-pending", "info", "$.published")]


def test_self_review_overdue_and_due() -> None:
    old = not_disclosed(last_self_review="2022-11-01")
    assert check(old, as_of=D(2024, 6, 1)) == [
        ("document.self-review-overdue", "warning", "$.last_self_review")
    ]
    assert check(old, as_of=D(2023, 6, 1)) == []
    records = [
        read_document(not_disclosed(id="a", issued="2022-03-01", last_self_review="2023-12-01")),
        read_document(not_disclosed(id="b", issued="2022-03-01", last_self_review="2024-05-01")),
        read_document(not_disclosed(id="c", issued="2024-04-01", last_self_review=None)),
        read_document(proactive(id="d")),
        read_document(
            not_disclosed(
                id="e", issued="2021-05-01", attribute="依申请公开", last_self_review=None
            )
        ),
    ]
    assert [r.id for r in self_review_due(records, 2024)] == ["a", "e"]
    assert [r.id for r in self_review_due(records, 2025)] == ["a", "b", "c", "e"]
    assert [r.id for r in self_review_due([not_disclosed(id="raw")], 2026)] == ["raw"]
    with pytest.raises(DataError):
        self_review_due([{"id": 1}], 2024)
    with pytest.raises(InputError):
        self_review_due([], "2024")  # type: ignore[arg-type]


def test_list_of_records_has_indexed_paths() -> None:
    records = [proactive(), proactive(attribute=None), "junk", {"id": "x", "issued": "五月"}]
    report = validate_documents(records, as_of=D(2024, 12, 31), calendar=CAL)
    assert [(f.code, f.path) for f in report.findings[:2]] == [
        ("document.attribute-missing", "$[1].attribute"),
        ("document.not-a-record", "$[2]"),
    ]
    assert {(f.code, f.path) for f in report.findings[2:]} == {
        ("document.invalid-data", "$[3].issued"),
        ("document.invalid-data", "$[3].title"),
    }
    assert validate_documents({"id": "x"}).codes == ("document.not-a-record",)


def test_structural_problems_become_findings_with_paths() -> None:
    report = validate_document(
        {"id": "1", "title": "x", "attribute": "公开", "channels": "政府网站", "extra": 1}
    )
    assert report.has_errors
    assert {f.code for f in report.findings} == {"document.invalid-data"}
    assert "$.channels" in {f.path for f in report.findings}


def test_records_built_in_python() -> None:
    record = DocumentRecord(
        id="1",
        title="通知",
        issued=ISSUED,
        attribute="此件公开发布",
        marking="此件公开发布",
        published=D(2024, 9, 23),
        channels=["政府网站"],
        needs_interpretation=True,
        interpretation=InterpretationRecord(published=D(2024, 9, 23), id="jd-1"),
    )
    assert record.attribute is DisclosureAttribute.PROACTIVE
    assert record.channels == (Channel.GOVERNMENT_WEBSITE,)
    assert validate_document(record, as_of=D(2024, 12, 1)).findings == ()
    assert is_valid_document(record)
    with pytest.raises(TypeError):
        ReviewRecord(reviewer="办公室", reviewed_on="2024-01-01")  # type: ignore[arg-type]
    evolved = attrs.evolve(record, interpretation=None)
    assert not is_valid_document(evolved)


def test_every_finding_code_is_registered_with_messages() -> None:
    records = [
        proactive(published="2024-12-30", channels=["radio_tv"], marking="此件不公开"),
        not_disclosed(review=None, not_disclosed_basis=None, published="2024-03-05"),
        proactive(needs_interpretation=True, interpretation={"published": "2024-09-26"}),
    ]
    report = validate_documents(records, as_of=D(2024, 12, 31), calendar=CAL)
    assert len(report) >= 7
    for finding in report:
        assert finding.code in CODES
        assert finding.message_zh and finding.message_en


def test_as_of_must_be_a_date() -> None:
    with pytest.raises(InputError):
        validate_document(proactive(), as_of="2024-01-01")  # type: ignore[arg-type]
    assert not is_valid_document(proactive(), as_of="2024-01-01")  # type: ignore[arg-type]


def test_python_dates_are_accepted_and_date_times_named() -> None:
    import datetime as dt

    from govdisclose.checks import validate_document

    record = {
        "id": "1",
        "title": "关于做好汛期安全防范工作的通知",
        "issued": dt.date(2024, 9, 20),
        "attribute": "主动公开",
        "marking": "此件公开发布",
        "published": dt.date(2024, 9, 23),
        "channels": ["government_website"],
    }
    assert validate_document(record, as_of=dt.date(2024, 10, 1)).ok
    record["issued"] = dt.datetime(2024, 9, 20, 9, 30)
    report = validate_document(record, as_of=dt.date(2024, 10, 1))
    assert not report.ok and any("date-time" in f.message_en for f in report.findings)
