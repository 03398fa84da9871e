"""Deadlines that cannot be assessed say why as a stable code, and the audit uses the same
codes; one builder marks provisional deadlines; the document rule 390号 四(一)5 and the
lateness count are the deadlines' own, shared with the document checks and the audit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclose import standard, unstructure
from govdisclose._errors import InputError, UnknownYearError
from govdisclose._model import TimeLimit
from govdisclose.audit import REASONS, audit_records, iter_audit
from govdisclose.calendar._workcalendar import WorkCalendar
from govdisclose.checks import validate_document
from govdisclose.deadlines import (
    NOT_ASSESSABLE_REASONS,
    PUBLICATION_WORKDAYS,
    TIMELINESS_REASONS,
    Deadline,
    DeadlineKind,
    Due,
    LegalRule,
    Status,
    StepKind,
    agency_opinion_deadline,
    document_publication_deadline,
    due_date,
    proactive_deadline,
    request_reply_deadline,
    supplement_notice_deadline,
    third_party_opinion_deadline,
    workdays_late,
)
from govdisclose.timelimits import parse_time_limit

D = dt.date
OFFICIAL = WorkCalendar.official()
PROVISIONAL = WorkCalendar.official(provisional=True)

#: Time-limit texts, the reason code without a service level, and with one (5 working days).
TEXTS = [
    ("按进展情况及时公开", "no_service_level", None),
    ("重大决策作出后及时公开", "no_service_level", None),
    ("按照中央有关要求公开", "external_requirement", None),
    ("征求意见时对外公布的时限内公开", "consultation_period", None),
    ("提前一周发通知邀请", "event_date_needed", "event_date_needed"),
    ("视情况而定", "unrecognised_time_limit", "unrecognised_time_limit"),
    ("信息形成或变更之日起20个工作日内", None, None),
    ("20个自然日内", None, None),
    ("每年1月31日前", None, None),
    ("半年至少更新1次", None, None),
]


@pytest.mark.parametrize(("text", "code", "with_level"), TEXTS)
def test_reason_code_says_why_not_assessable(
    text: str, code: str | None, with_level: str | None
) -> None:
    deadline = proactive_deadline(D(2024, 9, 17), parse_time_limit(text), calendar=OFFICIAL)
    assert deadline.reason_code == code
    assert deadline.assessable == (code is None)
    assert unstructure(deadline)["reason_code"] == code
    assert parse_time_limit(text).not_assessable() == code
    levelled = proactive_deadline(
        D(2024, 9, 17), TimeLimit(text, service_level_workdays=5), calendar=OFFICIAL
    )
    assert levelled.reason_code == with_level
    assert parse_time_limit(text).not_assessable(5) == with_level


def test_every_reason_code_has_texts_and_is_an_audit_reason() -> None:
    for code, texts in NOT_ASSESSABLE_REASONS.items():
        assert REASONS[code] == texts
        assert all(texts) and code.isascii()


def test_reason_code_is_only_for_a_deadline_that_is_not_assessable() -> None:
    rule = LegalRule("x", "y", "z")
    common: dict[str, Any] = {"kind": DeadlineKind.PROACTIVE, "rule": rule, "start": None}
    with pytest.raises(ValueError, match="reason_code"):
        Deadline(
            **common,
            start_event="",
            explanation=(),
            due=D(2024, 1, 2),
            reason_code="no_service_level",
        )
    with pytest.raises(ValueError, match="must be in"):
        Deadline(
            **common,
            start_event="",
            explanation=(),
            assessable=False,
            reason="r",
            reason_code="someday",
        )


def test_a_time_limit_text_that_is_not_recognised_is_an_input_error() -> None:
    # `deadline proactive --rule blah` must not answer "not assessable": nothing was asked.
    with pytest.raises(InputError, match="unrecognised time limit 'blah'") as caught:
        proactive_deadline(D(2024, 9, 17), "blah", calendar=OFFICIAL)
    assert caught.value.path == "rule"
    # A catalogue's unrecognised rule, given parsed, is a deadline that says why not.
    parsed = proactive_deadline(D(2024, 9, 17), parse_time_limit("blah"), calendar=OFFICIAL)
    assert parsed.reason_code == "unrecognised_time_limit"


# -- the audit maps the deadlines' codes ------------------------------------------------------


def _local(text: str) -> Any:
    ws = standard("work_safety")
    item = ws.item("动态信息")
    return ws.with_items(
        attrs.evolve(it, time_limit=TimeLimit(text)) if it is item else it for it in ws.items
    )


@pytest.mark.parametrize(("text", "code", "with_level"), TEXTS)
def test_the_audit_gives_the_deadlines_reason_code(
    text: str, code: str | None, with_level: str | None
) -> None:
    record = {"domain": "安全生产", "item": "动态信息", "formed": "2024-09-17", "published": ""}
    (result,) = iter_audit([record], as_of=D(2024, 12, 31), catalogues=[_local(text)])
    deadline = proactive_deadline(D(2024, 9, 17), parse_time_limit(text), calendar=OFFICIAL)
    assert result.reason == deadline.reason_code == code
    assert (result.status is Status.NOT_ASSESSABLE) == (code is not None)
    assert result.due == deadline.due


def test_a_due_date_past_9999_is_out_of_range_not_an_unknown_year() -> None:
    annual = parse_time_limit("每年1月31日前")
    assert due_date(annual, D(9999, 6, 1), OFFICIAL) == Due(None, "date_out_of_range")
    assert "9999-12-31" in TIMELINESS_REASONS["date_out_of_range"][1]
    # A working-day rule running into a year without an arrangement is unknown_year.
    (workdays,) = iter_audit(
        [{"domain": "安全生产", "item": "法律法规", "formed": "2026-12-15"}], as_of=D(2027, 3, 1)
    )
    assert (workdays.reason, workdays.unknown_year) == ("unknown_year", 2027)


@pytest.mark.parametrize("formed", ["0001-01-01", "9999-06-01", "9999-12-31T23:00:00"])
def test_a_placeholder_year_in_a_log_is_a_bad_date_not_a_missing_arrangement(formed: str) -> None:
    record = {"domain": "安全生产", "item": "年度报告", "formed": formed, "published": ""}
    result = audit_records([record], as_of=D(2025, 1, 31), calendar=OFFICIAL)
    (finding,) = result.report.filter(code="audit.bad-record")
    assert list(finding.data["problems"]) == ["bad_date:formed"]
    assert "outside 1949–2200" in finding.message_en
    assert "arrangement" not in finding.message_en + finding.hint


# -- one builder marks provisional deadlines --------------------------------------------------

BUILDERS = [
    lambda cal: proactive_deadline(D(2026, 12, 15), "20个工作日内", calendar=cal),
    lambda cal: proactive_deadline(
        D(2026, 12, 15), "及时公开", service_level_workdays=20, calendar=cal
    ),
    lambda cal: proactive_deadline(D(2026, 12, 20), "20个自然日内", calendar=cal),
    lambda cal: request_reply_deadline(D(2026, 12, 15), calendar=cal),
    lambda cal: request_reply_deadline(D(2026, 11, 20), extended=True, calendar=cal),
    lambda cal: supplement_notice_deadline(D(2026, 12, 28), calendar=cal),
    lambda cal: third_party_opinion_deadline(D(2026, 12, 20), calendar=cal),
    lambda cal: agency_opinion_deadline(D(2026, 12, 20), calendar=cal),
    lambda cal: document_publication_deadline(D(2026, 12, 15), calendar=cal),
]


@pytest.mark.parametrize("build", BUILDERS)
def test_every_counted_deadline_is_marked_provisional_the_same_way(build: Any) -> None:
    with pytest.raises(UnknownYearError) as caught:
        build(OFFICIAL)
    assert caught.value.year == 2027
    deadline = build(PROVISIONAL)
    assert deadline.provisional and deadline.estimated_years == (2027,)
    assert isinstance(deadline.due, dt.date) and deadline.due.year == 2027
    last = deadline.explanation[-1]
    assert last.kind is StepKind.NOTE and "PROVISIONAL" in last.text and "2027" in last.text
    assert "暂估 PROVISIONAL" in deadline.describe()
    assert unstructure(deadline)["estimated_years"] == [2027]


def test_a_deadline_within_known_years_is_not_provisional() -> None:
    known = proactive_deadline(D(2024, 9, 17), "20个工作日内", calendar=PROVISIONAL)
    assert not known.provisional and known.estimated_years == ()
    assert not any("PROVISIONAL" in s.text for s in known.explanation)


# -- 390号 四(一)5 and the lateness count ----------------------------------------------------


def test_document_publication_deadline_is_390_4_1_5() -> None:
    deadline = document_publication_deadline(D(2024, 9, 20), calendar=OFFICIAL)
    assert deadline.due == D(2024, 10, 23)  # 29 Sep and 12 Oct worked, 1–7 Oct off
    assert deadline.kind is DeadlineKind.PROACTIVE
    assert deadline.rule.code == "390_4_1_5"
    assert deadline.rule.source == "应急厅函〔2019〕390号 四(一)5"
    assert "20" in deadline.rule.summary and "此件公开发布" in deadline.rule.summary
    assert deadline.explanation[0].kind is StepKind.START
    assert sum(s.days or 0 for s in deadline.explanation if s.counted) == PUBLICATION_WORKDAYS


@settings(max_examples=80, deadline=None)
@given(st.dates(D(2004, 1, 1), D(2026, 11, 30)))
def test_document_deadline_is_20_working_days_after_issue(issued: dt.date) -> None:
    deadline = document_publication_deadline(issued, calendar=OFFICIAL)
    assert deadline.due == OFFICIAL.add_workdays(issued, PUBLICATION_WORKDAYS)


@pytest.mark.parametrize("bad", ["2024-09-20", dt.datetime(2024, 9, 20, 9), None])
def test_document_publication_deadline_refuses_what_is_not_a_date(bad: object) -> None:
    with pytest.raises(InputError, match="issued"):
        document_publication_deadline(bad)  # type: ignore[arg-type]


def test_workdays_late_counts_working_days_after_the_due_date() -> None:
    due = D(2024, 9, 27)  # a Friday before the 2024 National Day
    assert workdays_late(OFFICIAL, due, due) == 0
    assert workdays_late(OFFICIAL, due, D(2024, 9, 1)) == 0
    assert workdays_late(OFFICIAL, due, D(2024, 9, 28)) == 0  # a Saturday: late, by 0
    assert workdays_late(OFFICIAL, due, D(2024, 9, 29)) == 1  # a make-up working Sunday
    assert workdays_late(OFFICIAL, due, D(2024, 10, 8)) == 3
    with pytest.raises(UnknownYearError):
        workdays_late(OFFICIAL, D(2026, 12, 30), D(2027, 1, 5))
    with pytest.raises(InputError, match="day"):
        workdays_late(OFFICIAL, due, "2024-10-08")  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(st.dates(D(2024, 1, 1), D(2026, 12, 31)), st.integers(0, 60))
def test_workdays_late_agrees_with_the_calendar(due: dt.date, days: int) -> None:
    day = min(due + dt.timedelta(days=days), D(2026, 12, 31))
    assert workdays_late(OFFICIAL, due, day) == OFFICIAL.workdays_between(due, day)


def test_documents_report_the_deadlines_due_date_and_lateness() -> None:
    record = {
        "id": "17",
        "title": "通知",
        "issued": "2024-09-20",
        "attribute": "proactive",
        "marking": "此件公开发布",
        "published": "2024-10-30",
        "channels": ["government_website"],
    }
    (finding,) = validate_document(record, calendar=OFFICIAL).findings
    deadline = document_publication_deadline(D(2024, 9, 20), calendar=OFFICIAL)
    assert finding.data["due"] == deadline.due.isoformat()  # type: ignore[union-attr]
    assert finding.data["late_workdays"] == workdays_late(
        OFFICIAL, D(2024, 10, 23), D(2024, 10, 30)
    )
