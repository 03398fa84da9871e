"""Tests for govdisclose.deadlines: golden dates, pauses, extensions, hours, provisional years."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclose import unstructure
from govdisclose._dates import CHINA_TZ
from govdisclose._errors import GovdiscloseError, InputError, UnknownYearError, VocabularyError
from govdisclose._model import TimeLimit
from govdisclose.calendar._workcalendar import WorkCalendar, default_calendar
from govdisclose.deadlines import (
    Deadline,
    DeadlineKind,
    ReceiptEvent,
    RequestChannel,
    StepKind,
    agency_opinion_deadline,
    annual_report_deadline,
    meeting_invitation_deadline,
    opinion_response_deadline,
    proactive_deadline,
    receipt_date,
    request_reply_deadline,
    supplement_notice_deadline,
    third_party_opinion_deadline,
)
from govdisclose.timelimits import parse_time_limit

D = dt.date
OFFICIAL = default_calendar()
PROVISIONAL = default_calendar(provisional=True)
COUNTING = (StepKind.COUNTED, StepKind.MAKEUP_COUNTED)


def counted_days(deadline: Deadline) -> int:
    return sum(s.days or 0 for s in deadline.explanation if s.kind in COUNTING)


def days_of(deadline: Deadline, kind: StepKind) -> list[dt.date]:
    out: list[dt.date] = []
    for step in deadline.explanation:
        if step.kind is kind:
            assert isinstance(step.first, dt.date) and isinstance(step.last, dt.date)
            day = step.first
            while day <= step.last:
                out.append(day)
                day += dt.timedelta(days=1)
    return out


# --- golden cases (DOMAIN.md §7) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # 2024 National Day: 10-01..10-07 off, 09-29 (Sun) and 10-12 (Sat) worked.
        (D(2024, 9, 27), D(2024, 10, 30)),
        (D(2024, 9, 30), D(2024, 11, 1)),
        # A start day inside the holiday is not counted either: the 20th is 11-01, not 11-04.
        (D(2024, 10, 3), D(2024, 11, 1)),
        # 2026 Spring Festival: 02-15..02-23 off, 02-14 and 02-28 (Saturdays) worked.
        (D(2026, 2, 10), D(2026, 3, 16)),
    ],
)
def test_request_reply_golden(received: dt.date, due: dt.date) -> None:
    result = request_reply_deadline(received, calendar=OFFICIAL)
    assert result.due == due
    assert result.kind is DeadlineKind.REQUEST_REPLY
    assert result.rule.code == "ogi_art33"
    assert "第三十三条" in result.rule.source
    assert result.start == received
    assert counted_days(result) == 20
    assert not result.provisional


def test_national_day_explanation_names_skips_and_makeup_days() -> None:
    result = request_reply_deadline(D(2024, 9, 27), calendar=OFFICIAL)
    steps = result.explanation
    assert steps[0].kind is StepKind.START and steps[0].first == D(2024, 9, 27)
    assert "不计入" in steps[0].text
    assert days_of(result, StepKind.MAKEUP_COUNTED) == [D(2024, 9, 29), D(2024, 10, 12)]
    holiday = [s for s in steps if s.kind is StepKind.HOLIDAY]
    assert len(holiday) == 1
    assert (holiday[0].first, holiday[0].last, holiday[0].days) == (
        D(2024, 10, 1),
        D(2024, 10, 7),
        7,
    )
    assert holiday[0].holiday == "national_day" and "国庆节" in holiday[0].text
    assert D(2024, 9, 28) in days_of(result, StepKind.WEEKEND)
    # The steps cover every day from the day after the start through the due day, once.
    covered = sorted(
        d for kind in (*COUNTING, StepKind.WEEKEND, StepKind.HOLIDAY) for d in days_of(result, kind)
    )
    assert covered[0] == D(2024, 9, 28) and covered[-1] == D(2024, 10, 30)
    assert len(covered) == len(set(covered)) == (D(2024, 10, 30) - D(2024, 9, 27)).days


def test_spring_festival_2026_supplement_notice_ends_on_makeup_saturday() -> None:
    result = supplement_notice_deadline(D(2026, 2, 12), calendar=OFFICIAL)
    assert result.due == D(2026, 2, 28)  # a Saturday worked for the Spring Festival
    assert result.kind is DeadlineKind.SUPPLEMENT_NOTICE
    assert "第三十条" in result.rule.source
    assert result.explanation[-1].kind is StepKind.MAKEUP_COUNTED
    holiday = [s for s in result.explanation if s.kind is StepKind.HOLIDAY]
    assert [(s.first, s.last) for s in holiday] == [(D(2026, 2, 15), D(2026, 2, 23))]
    assert holiday[0].holiday == "spring_festival" and "春节" in holiday[0].text


def test_opinion_periods_of_third_parties_and_agencies() -> None:
    third = third_party_opinion_deadline(D(2026, 9, 24), calendar=OFFICIAL)
    agency = agency_opinion_deadline(D(2026, 9, 24), calendar=OFFICIAL)
    # 2026: 09-25..09-27 and 10-01..10-07 off; 09-20 and 10-10 worked.
    assert third.due == agency.due == D(2026, 10, 22)
    assert "第三十二条" in third.rule.source and "第三十四条" in agency.rule.source
    assert third.kind is DeadlineKind.THIRD_PARTY_OPINION
    assert agency.kind is DeadlineKind.AGENCY_OPINION


def test_matches_calendar_add_workdays() -> None:
    for start in (D(2024, 1, 1), D(2025, 1, 24), D(2026, 4, 30), D(2026, 12, 1)):
        assert request_reply_deadline(start, calendar=OFFICIAL).due == OFFICIAL.add_workdays(
            start, 20
        )


# --- pauses, extensions, supplements ---------------------------------------------------------


def test_pause_excludes_working_days_after_sending_through_answer() -> None:
    base = request_reply_deadline(D(2024, 11, 1), calendar=OFFICIAL)
    assert base.due == D(2024, 11, 29)
    paused = request_reply_deadline(
        D(2024, 11, 1), pauses=[(D(2024, 11, 5), D(2024, 11, 7))], calendar=OFFICIAL
    )
    assert days_of(paused, StepKind.PAUSED) == [D(2024, 11, 6), D(2024, 11, 7)]
    assert paused.due == D(2024, 12, 3)
    assert counted_days(paused) == 20


def test_overlapping_pauses_are_not_double_counted() -> None:
    result = request_reply_deadline(
        D(2024, 11, 1),
        pauses=[(D(2024, 11, 5), D(2024, 11, 7)), (D(2024, 11, 6), D(2024, 11, 8))],
        calendar=OFFICIAL,
    )
    assert days_of(result, StepKind.PAUSED) == [D(2024, 11, 6), D(2024, 11, 7), D(2024, 11, 8)]
    assert result.due == D(2024, 12, 4)
    same = request_reply_deadline(
        D(2024, 11, 1),
        pauses=[(D(2024, 11, 5), D(2024, 11, 8)), (D(2024, 11, 5), D(2024, 11, 8))],
        calendar=OFFICIAL,
    )
    assert same.due == result.due


def test_pause_over_a_weekend_excludes_only_working_days() -> None:
    # Sent Thursday 11-07, answered Tuesday 11-12: Fri, Mon, Tue are excluded (3 working days).
    result = request_reply_deadline(
        D(2024, 11, 1), pauses=[(D(2024, 11, 7), D(2024, 11, 12))], calendar=OFFICIAL
    )
    assert days_of(result, StepKind.PAUSED) == [D(2024, 11, 8), D(2024, 11, 11), D(2024, 11, 12)]
    assert result.due == OFFICIAL.add_workdays(D(2024, 11, 29), 3)


def test_pauses_without_effect_are_reported_not_dropped() -> None:
    result = request_reply_deadline(
        D(2024, 11, 1),
        pauses=[(D(2024, 10, 20), D(2024, 10, 25)), (D(2025, 1, 6), D(2025, 1, 8))],
        calendar=OFFICIAL,
    )
    assert result.due == D(2024, 11, 29)
    notes = [s.text for s in result.explanation if s.kind is StepKind.NOTE]
    assert any("before the period starts" in t for t in notes)
    assert any("after the due day" in t for t in notes)


def test_pause_answered_before_sent_is_an_error() -> None:
    with pytest.raises(InputError, match=r"pauses\[0\]"):
        request_reply_deadline(
            D(2024, 11, 1), pauses=[(D(2024, 11, 7), D(2024, 11, 5))], calendar=OFFICIAL
        )


@pytest.mark.parametrize(("extended", "due"), [(True, D(2024, 12, 27)), (5, D(2024, 12, 6))])
def test_extension(extended: bool | int, due: dt.date) -> None:
    result = request_reply_deadline(D(2024, 11, 1), extended=extended, calendar=OFFICIAL)
    assert result.due == due
    assert result.rule.code == "ogi_art33_extended"
    kinds = [s.kind for s in result.explanation]
    assert StepKind.ORDINARY_END in kinds and StepKind.EXTENSION in kinds
    end = next(s for s in result.explanation if s.kind is StepKind.ORDINARY_END)
    assert end.first == D(2024, 11, 29)
    assert counted_days(result) == 20 + (20 if extended is True else int(extended))


@pytest.mark.parametrize("extended", [21, -1, 100])
def test_extension_above_twenty_is_an_error(extended: int) -> None:
    with pytest.raises(InputError, match="an extension is 1 to 20 working days"):
        request_reply_deadline(D(2024, 11, 1), extended=extended, calendar=OFFICIAL)


def test_no_extension_spelled_false_or_zero() -> None:
    plain = request_reply_deadline(D(2024, 11, 1), calendar=OFFICIAL)
    assert request_reply_deadline(D(2024, 11, 1), extended=0, calendar=OFFICIAL) == plain
    assert request_reply_deadline(D(2024, 11, 1), extended=False, calendar=OFFICIAL) == plain


def test_extension_and_pause_together() -> None:
    result = request_reply_deadline(
        D(2024, 11, 1),
        extended=20,
        pauses=[(D(2024, 11, 28), D(2024, 12, 3))],  # straddles the ordinary end
        calendar=OFFICIAL,
    )
    paused = days_of(result, StepKind.PAUSED)
    assert paused == [D(2024, 11, 29), D(2024, 12, 2), D(2024, 12, 3)]
    assert counted_days(result) == 40
    assert result.due == OFFICIAL.add_workdays(D(2024, 11, 1), 43)


def test_supplement_restarts_the_clock() -> None:
    result = request_reply_deadline(D(2024, 9, 20), supplemented=D(2024, 9, 27), calendar=OFFICIAL)
    assert result.start == D(2024, 9, 27)
    assert result.due == D(2024, 10, 30)
    assert "第三十条" in result.start_event
    assert any("2024-09-20" in s.text for s in result.explanation if s.kind is StepKind.NOTE)


def test_supplement_before_receipt_is_an_error() -> None:
    with pytest.raises(InputError, match="supplemented"):
        request_reply_deadline(D(2024, 9, 20), supplemented=D(2024, 9, 19), calendar=OFFICIAL)


# Late enough for the holidays of 2024–2026, early enough that 40 working days plus 50 days
# of pauses stay inside 2026 (2027 has no arrangement).
_days_2024_2026 = st.dates(min_value=D(2024, 1, 1), max_value=D(2026, 6, 30))


@settings(max_examples=60, deadline=None)
@given(
    start=_days_2024_2026,
    pauses=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 10)), max_size=3),
    extra=st.integers(0, 20),
)
def test_counting_property(start: dt.date, pauses: list[tuple[int, int]], extra: int) -> None:
    """The due day is the (20+extra)-th working day after the start that is not paused."""
    spans = [(start + dt.timedelta(days=a), start + dt.timedelta(days=a + b)) for a, b in pauses]
    result = request_reply_deadline(start, extended=extra, pauses=spans, calendar=OFFICIAL)
    assert isinstance(result.due, dt.date)
    excluded = {
        day
        for sent, answered in spans
        for day in (sent + dt.timedelta(days=i) for i in range(1, (answered - sent).days + 1))
    }
    day, counted = start, 0
    while counted < 20 + extra:
        day += dt.timedelta(days=1)
        if OFFICIAL.is_workday(day) and day not in excluded:
            counted += 1
    assert result.due == day
    assert counted_days(result) == 20 + extra
    assert set(days_of(result, StepKind.PAUSED)) == {
        d for d in excluded if start < d <= day and OFFICIAL.is_workday(d)
    }


# --- receipt dates (第三十一条) ---------------------------------------------------------------


def test_receipt_date_by_channel() -> None:
    events = {
        "submitted": D(2024, 9, 20),
        ReceiptEvent.SIGNED_FOR: D(2024, 9, 23),
        "确认": D(2024, 9, 24),
    }
    assert receipt_date(RequestChannel.IN_PERSON, events) == D(2024, 9, 20)
    assert receipt_date("邮寄", events) == D(2024, 9, 23)
    assert receipt_date("平常信函", events) == D(2024, 9, 24)
    assert receipt_date("online", events) == D(2024, 9, 24)
    assert receipt_date("传真", events) == D(2024, 9, 24)
    assert RequestChannel.ORDINARY_LETTER.label == "平常信函"


def test_receipt_date_errors() -> None:
    with pytest.raises(InputError, match="signed_for"):
        receipt_date("post", {"submitted": D(2024, 9, 20)})
    with pytest.raises(VocabularyError):
        receipt_date("carrier pigeon", {"submitted": D(2024, 9, 20)})
    with pytest.raises(VocabularyError):
        receipt_date("post", {"delivered": D(2024, 9, 20)})
    with pytest.raises(InputError, match="expected a date"):
        receipt_date("post", {"signed_for": "2024-09-20"})  # type: ignore[dict-item]


# --- provisional years and unknown years -----------------------------------------------------


def test_unknown_year_is_an_error_without_provisional() -> None:
    with pytest.raises(UnknownYearError) as info:
        request_reply_deadline(D(2026, 12, 15), calendar=OFFICIAL)
    assert info.value.year == 2027
    assert isinstance(info.value, GovdiscloseError)


def test_provisional_result_is_marked_everywhere() -> None:
    result = request_reply_deadline(D(2026, 12, 15), calendar=PROVISIONAL)
    assert result.provisional and result.estimated_years == (2027,)
    assert isinstance(result.due, dt.date) and result.due.year == 2027
    data = unstructure(result)
    assert data["provisional"] is True and data["estimated_years"] == [2027]
    assert any(step.get("estimated") for step in data["explanation"])
    text = result.describe()
    assert "PROVISIONAL" in text and "暂估" in text
    assert text.splitlines()[0].startswith("【暂估 PROVISIONAL】")
    assert str(result) == text


def test_provisional_calendar_within_known_years_is_not_provisional() -> None:
    result = request_reply_deadline(D(2026, 3, 2), calendar=PROVISIONAL)
    assert not result.provisional and result.estimated_years == ()
    assert "PROVISIONAL" not in result.describe()
    assert result.due == request_reply_deadline(D(2026, 3, 2), calendar=OFFICIAL).due


def test_default_calendar_is_used_when_none() -> None:
    assert request_reply_deadline(D(2024, 9, 27)).due == D(2024, 10, 30)
    with pytest.raises(UnknownYearError):
        proactive_deadline(D(2026, 12, 20), "信息形成或变更之日起20个工作日内")


def test_custom_calendar_object_is_used() -> None:
    assert isinstance(OFFICIAL, WorkCalendar)
    assert proactive_deadline(D(2024, 9, 30), "20个工作日内", calendar=OFFICIAL).due == D(
        2024, 11, 1
    )


# --- proactive deadlines ---------------------------------------------------------------------


def test_proactive_twenty_working_days_cites_article_26() -> None:
    result = proactive_deadline(
        D(2024, 9, 30), "信息形成或变更之日起20个工作日内", calendar=OFFICIAL
    )
    assert result.due == D(2024, 11, 1)
    assert result.kind is DeadlineKind.PROACTIVE
    assert result.rule.code == "ogi_art26" and "第二十六条" in result.rule.source
    assert result.assessable


def test_proactive_accepts_rule_text_parsed_rule_and_time_limit() -> None:
    text = "信息形成（变更）5个工作日内"
    by_text = proactive_deadline(D(2026, 2, 12), text, calendar=OFFICIAL)
    by_rule = proactive_deadline(D(2026, 2, 12), parse_time_limit(text), calendar=OFFICIAL)
    by_limit = proactive_deadline(D(2026, 2, 12), TimeLimit(text), calendar=OFFICIAL)
    assert by_text == by_rule == by_limit
    assert by_text.due == D(2026, 2, 26)


def test_promptly_is_not_assessable_without_a_service_level() -> None:
    result = proactive_deadline(D(2024, 9, 27), "按进展情况及时公开", calendar=OFFICIAL)
    assert not result.assessable and result.due is None
    assert result.reason and "service level" in result.reason
    assert not result.is_overdue(D(2030, 1, 1))
    assert unstructure(result)["due"] is None
    assert "not assessable" in result.describe()


@pytest.mark.parametrize(
    "text", ["按进展情况及时公开", "按照中央有关要求公开", "征求意见时对外公布的时限内公开"]
)
def test_service_level_makes_open_rules_assessable(text: str) -> None:
    result = proactive_deadline(D(2024, 9, 27), text, service_level_workdays=5, calendar=OFFICIAL)
    assert result.due == D(2024, 10, 10)
    assert result.rule.code == "service_level"


def test_time_limit_service_level_and_override() -> None:
    limit = TimeLimit("信息形成后及时公开", service_level_workdays=3)
    assert proactive_deadline(D(2024, 9, 27), limit, calendar=OFFICIAL).due == D(2024, 10, 8)
    overridden = proactive_deadline(
        D(2024, 9, 27), limit, service_level_workdays=5, calendar=OFFICIAL
    )
    assert overridden.due == D(2024, 10, 10)
    assert any("replaces" in s.text for s in overridden.explanation)


def test_service_level_on_a_fixed_rule_is_reported_unused() -> None:
    result = proactive_deadline(
        D(2024, 9, 30), "20个工作日内", service_level_workdays=3, calendar=OFFICIAL
    )
    assert result.due == D(2024, 11, 1)
    assert any("not used" in s.text for s in result.explanation)


@pytest.mark.parametrize("bad", [0, -3, True, "5"])
def test_bad_service_level(bad: object) -> None:
    with pytest.raises(InputError, match="service level"):
        proactive_deadline(
            D(2024, 9, 27),
            "按进展情况及时公开",
            service_level_workdays=bad,  # type: ignore[arg-type]
            calendar=OFFICIAL,
        )


def test_annual_fixed_date_is_next_occurrence_and_fixed() -> None:
    result = proactive_deadline(D(2024, 2, 1), "每年1月31日前", calendar=OFFICIAL)
    assert result.due == D(2025, 1, 31)  # in the 2025 Spring Festival break: not moved
    assert any(s.kind is StepKind.FIXED_DATE for s in result.explanation)
    assert any("fixed" in s.text for s in result.explanation)
    assert proactive_deadline(D(2025, 1, 31), "每年1月31日前", calendar=OFFICIAL).due == D(
        2025, 1, 31
    )


def test_calendar_days_move_past_rest_days() -> None:
    result = proactive_deadline(D(2024, 9, 17), "20个自然日内", calendar=OFFICIAL)
    assert result.due == D(2024, 10, 8)  # 10-07 is the last day of the National Day break
    moved = [s for s in result.explanation if s.kind is StepKind.MOVED]
    assert moved and "第二百零三条" in moved[0].text
    plain = proactive_deadline(D(2024, 9, 10), "20个自然日内", calendar=OFFICIAL)
    assert plain.due == D(2024, 9, 30)
    assert not any(s.kind is StepKind.MOVED for s in plain.explanation)


def test_periodic_update_due_at_end_of_calendar_period() -> None:
    half = proactive_deadline(D(2024, 9, 17), "半年至少更新1次", calendar=OFFICIAL)
    quarter = proactive_deadline(D(2024, 4, 1), "每季度更新", calendar=OFFICIAL)
    assert half.due == D(2024, 12, 31) and quarter.due == D(2024, 6, 30)


def test_inputs_of_the_wrong_type_are_errors() -> None:
    with pytest.raises(InputError, match="received"):
        request_reply_deadline(dt.datetime(2024, 9, 27, 10, 0), calendar=OFFICIAL)
    with pytest.raises(InputError, match=r"pauses\[0\]\[1\]"):
        request_reply_deadline(
            D(2024, 9, 27),
            pauses=[(D(2024, 10, 8), "2024-10-10")],
            calendar=OFFICIAL,  # type: ignore[list-item]
        )
    with pytest.raises(InputError, match="formed"):
        proactive_deadline("2024-09-27", "20个工作日内", calendar=OFFICIAL)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="rule"):
        proactive_deadline(D(2024, 9, 27), 20, calendar=OFFICIAL)  # type: ignore[arg-type]


def test_lead_time_and_unrecognised_are_not_assessable() -> None:
    lead = proactive_deadline(D(2024, 9, 17), "提前一周发通知邀请", calendar=OFFICIAL)
    assert not lead.assessable and "meeting_invitation_deadline" in (lead.reason or "")
    odd = proactive_deadline(
        D(2024, 9, 17), parse_time_limit("视情况而定"), service_level_workdays=5, calendar=OFFICIAL
    )
    assert not odd.assessable and "unrecognised" in (odd.reason or "")


# --- hour limits -----------------------------------------------------------------------------


def test_opinion_48_hours_across_midnight_and_holidays() -> None:
    (response,) = opinion_response_deadline(dt.datetime(2024, 9, 30, 23, 15, tzinfo=CHINA_TZ))
    assert response.due == dt.datetime(2024, 10, 2, 23, 15, tzinfo=CHINA_TZ)
    assert response.kind is DeadlineKind.PUBLIC_OPINION_RESPONSE
    assert "48" in response.rule.summary and "61号" in response.rule.source


def test_major_emergency_adds_5_and_24_hours() -> None:
    response, release, conference = opinion_response_deadline(
        dt.datetime(2026, 2, 16, 21, 0, tzinfo=CHINA_TZ), major=True
    )
    assert release.kind is DeadlineKind.AUTHORITATIVE_RELEASE
    assert release.due == dt.datetime(2026, 2, 17, 2, 0, tzinfo=CHINA_TZ)
    assert "80号" in release.rule.source
    assert conference.kind is DeadlineKind.PRESS_CONFERENCE
    assert conference.due == dt.datetime(2026, 2, 17, 21, 0, tzinfo=CHINA_TZ)
    assert response.due == dt.datetime(2026, 2, 18, 21, 0, tzinfo=CHINA_TZ)


def test_other_time_zones_are_converted_to_china_time() -> None:
    detected = dt.datetime(2024, 9, 30, 16, 30, tzinfo=dt.timezone.utc)  # 10-01 00:30 CST
    (response,) = opinion_response_deadline(detected)
    assert isinstance(response.due, dt.datetime)
    assert response.due.utcoffset() == dt.timedelta(hours=8)
    assert response.due.isoformat() == "2024-10-03T00:30:00+08:00"
    assert response.start == detected
    new_york = dt.datetime(2024, 11, 3, 1, 30, tzinfo=ZoneInfo("America/New_York"))
    (ny,) = opinion_response_deadline(new_york)
    # 48 elapsed hours across the end of US daylight saving time (not 48 wall-clock hours).
    assert ny.due == new_york.astimezone(dt.timezone.utc) + dt.timedelta(hours=48)
    assert ny.due != new_york + dt.timedelta(hours=48)
    assert unstructure(ny)["due"].endswith("+08:00")


def test_naive_datetime_is_china_time_and_said_so() -> None:
    (response,) = opinion_response_deadline(dt.datetime(2024, 10, 1, 8, 0))
    assert response.due == dt.datetime(2024, 10, 3, 8, 0, tzinfo=CHINA_TZ)
    assert "China Standard Time" in response.explanation[0].text
    assert "北京时间" in response.explanation[0].text


@given(
    moment=st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    offset_minutes=st.integers(-14 * 60, 14 * 60),
    major=st.booleans(),
)
def test_hour_limits_are_elapsed_hours_in_china_time(
    moment: dt.datetime, offset_minutes: int, major: bool
) -> None:
    detected = moment.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset_minutes)))
    results = opinion_response_deadline(detected, major=major)
    assert len(results) == (3 if major else 1)
    for result, hours in zip(results, (48, 5, 24)[: len(results)], strict=True):
        assert isinstance(result.due, dt.datetime)
        assert result.due - detected == dt.timedelta(hours=hours)
        assert result.due.utcoffset() == dt.timedelta(hours=8)
        assert not result.provisional


@pytest.mark.parametrize(
    ("value", "says"),
    [
        (D(2024, 10, 1), "a date without a time of day"),
        ("2024-09-30T20:00", "fromisoformat"),
        (None, "None"),
        (1727700000, "1727700000"),
    ],
)
def test_opinion_requires_a_datetime(value: object, says: str) -> None:
    # Like the other calculators: a wrong type is an InputError naming the argument; text,
    # even ISO 8601, is not parsed for the caller.
    with pytest.raises(InputError, match=r"detected: expected a datetime\.datetime") as caught:
        opinion_response_deadline(value)  # type: ignore[arg-type]
    assert says in str(caught.value)
    with pytest.raises(InputError, match="major"):
        opinion_response_deadline(dt.datetime(2024, 10, 1, 8), major="yes")  # type: ignore[arg-type]


def test_is_overdue_for_hours_and_days() -> None:
    (response,) = opinion_response_deadline(dt.datetime(2024, 10, 1, 8, 0))
    assert not response.is_overdue(dt.datetime(2024, 10, 3, 8, 0))
    assert response.is_overdue(dt.datetime(2024, 10, 3, 8, 1))
    assert response.is_overdue(dt.datetime(2024, 10, 3, 0, 1, tzinfo=dt.timezone.utc))
    reply = request_reply_deadline(D(2024, 9, 27), calendar=OFFICIAL)
    assert not reply.is_overdue(D(2024, 10, 30))
    assert not reply.is_overdue(dt.datetime(2024, 10, 30, 23, 59))
    assert reply.is_overdue(D(2024, 10, 31))
    assert reply.is_overdue(dt.datetime(2024, 10, 30, 16, 30, tzinfo=dt.timezone.utc))


# --- annual report and meeting invitations ---------------------------------------------------


def test_annual_report_dates() -> None:
    department = annual_report_deadline(2025)
    authority = annual_report_deadline(2025, authority=True)
    assert department.due == D(2025, 1, 31) and authority.due == D(2025, 3, 31)
    assert "第四十九条" in department.rule.source
    assert department.explanation[0].kind is StepKind.FIXED_DATE
    assert "2024" in department.start_event
    with pytest.raises(InputError):
        annual_report_deadline(0)


def test_meeting_invitation_counts_calendar_days_back() -> None:
    result = meeting_invitation_deadline(D(2024, 10, 8))
    assert result.due == D(2024, 10, 1)  # a holiday: not moved (later would shorten notice)
    assert meeting_invitation_deadline(D(2024, 10, 8), days=3).due == D(2024, 10, 5)
    with pytest.raises(InputError):
        meeting_invitation_deadline(D(2024, 10, 8), days=0)


# --- JSON and text ---------------------------------------------------------------------------


def test_json_is_serialisable_and_iso() -> None:
    result = request_reply_deadline(
        D(2024, 11, 1), extended=3, pauses=[(D(2024, 11, 5), D(2024, 11, 7))], calendar=OFFICIAL
    )
    data = json.loads(json.dumps(unstructure(result), ensure_ascii=False))
    assert data["due"] == "2024-12-06"
    assert data["kind"] == "request_reply" and data["provisional"] is False
    assert data["rule"]["source"].endswith("第三十三条")
    kinds = [s["kind"] for s in data["explanation"]]
    assert kinds[0] == "start" and "paused" in kinds and "extension" in kinds
    assert all("text" in s for s in data["explanation"])


def test_describe_is_bilingual() -> None:
    text = request_reply_deadline(D(2024, 9, 27), calendar=OFFICIAL).describe()
    assert "2024-10-30" in text
    assert "依据 rule" in text and "计算过程 steps" in text
    assert "不计" in text and "not counted" in text


# --- junk arguments and the ends of the date range -------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: proactive_deadline(D(9999, 12, 31), "20个工作日内", calendar=OFFICIAL),
        lambda: proactive_deadline(D(9999, 12, 31), "20个工作日内", calendar=PROVISIONAL),
        lambda: proactive_deadline(D(9999, 12, 25), "20个自然日内", calendar=OFFICIAL),
        lambda: proactive_deadline(D(9999, 12, 31), "每周更新", calendar=OFFICIAL),
        lambda: proactive_deadline(D(9999, 12, 31), "每年1月31日前", calendar=OFFICIAL),
        lambda: request_reply_deadline(D(9999, 12, 31)),
        lambda: request_reply_deadline(D(9999, 12, 31), calendar=PROVISIONAL),
        lambda: supplement_notice_deadline(D(9999, 12, 31), calendar=OFFICIAL),
        lambda: meeting_invitation_deadline(D(1, 1, 3)),
        lambda: meeting_invitation_deadline(D(2024, 10, 10), 99_999_999),
        lambda: meeting_invitation_deadline(D(2024, 10, 10), 10**9),
        lambda: opinion_response_deadline(dt.datetime(9999, 12, 31, 23, 0)),
        lambda: opinion_response_deadline(dt.datetime(1, 1, 1, 0, 0)),
        lambda: opinion_response_deadline(dt.datetime.max.replace(tzinfo=dt.timezone.utc)),
    ],
)
def test_dates_past_the_ends_of_the_range_are_input_errors(call: object) -> None:
    assert callable(call)
    with pytest.raises(InputError) as caught:
        call()
    message = str(caught.value)
    assert ("9999-12-31" in message or "0001-01-01" in message) and "超出" in message


def test_an_unknown_year_stays_an_unknown_year_error() -> None:
    with pytest.raises(UnknownYearError) as caught:
        proactive_deadline(D(9999, 12, 30), "20个工作日内", calendar=OFFICIAL)
    assert caught.value.year == 9999


@pytest.mark.parametrize("year", [1999, 2099, 9999])
def test_provisional_says_which_years_it_can_estimate(year: int) -> None:
    with pytest.raises(UnknownYearError) as caught:
        request_reply_deadline(D(year, 1, 5), calendar=PROVISIONAL)
    message = str(caught.value)
    assert caught.value.year == year
    assert "2025–2050" in message and str(year) in message
    assert not caught.value.estimable  # it was given: do not suggest it again
    assert "supply" in message and "State Council notice" in message


def test_without_provisional_an_estimate_is_suggested_only_where_it_helps() -> None:
    with pytest.raises(UnknownYearError) as early:
        request_reply_deadline(D(1999, 1, 5), calendar=OFFICIAL)
    assert "covers only 2025–2050" in str(early.value) and "2004–2026" in str(early.value)
    with pytest.raises(UnknownYearError) as late:
        request_reply_deadline(D(2026, 12, 15), calendar=OFFICIAL)
    assert "ask for a provisional estimate" in str(late.value)


@pytest.mark.parametrize("extended", ["10", 1.5, None, [10], -5])
def test_extension_of_the_wrong_type_or_sign(extended: object) -> None:
    with pytest.raises(InputError, match="an extension is 1 to 20 working days") as caught:
        request_reply_deadline(D(2024, 11, 1), extended=extended, calendar=OFFICIAL)  # type: ignore[arg-type]
    assert "at most" not in str(caught.value)


@pytest.mark.parametrize(
    ("pauses", "where"),
    [
        (None, "pauses"),
        ("2024-11-05", "pauses"),
        ({D(2024, 11, 5): D(2024, 11, 7)}, "pauses"),
        ([(D(2024, 11, 5), D(2024, 11, 6), D(2024, 11, 7))], r"pauses\[0\]"),
        ([None], r"pauses\[0\]"),
        ([D(2024, 11, 5)], r"pauses\[0\]"),
    ],
)
def test_pauses_of_the_wrong_shape(pauses: object, where: str) -> None:
    with pytest.raises(InputError, match=where):
        request_reply_deadline(D(2024, 11, 1), pauses=pauses, calendar=OFFICIAL)  # type: ignore[arg-type]


def test_pauses_given_as_a_generator_are_read_once_and_all_used() -> None:
    listed = [(D(2024, 10, 20), D(2024, 10, 25)), (D(2024, 11, 5), D(2024, 11, 7))]
    from_list = request_reply_deadline(D(2024, 11, 1), pauses=listed, calendar=OFFICIAL)
    from_generator = request_reply_deadline(
        D(2024, 11, 1), pauses=(p for p in listed), calendar=OFFICIAL
    )
    assert from_generator == from_list
    assert any(
        s.kind is StepKind.NOTE and "2024-10-20" in s.text for s in from_generator.explanation
    )


def test_a_pause_over_centuries_is_quick_and_never_ends_the_count() -> None:
    with pytest.raises(UnknownYearError) as caught:
        request_reply_deadline(D(2024, 11, 1), pauses=[(D.min, D.max)], calendar=OFFICIAL)
    assert caught.value.year == 2027
    same_day = request_reply_deadline(D(2024, 11, 1), pauses=[(D.max, D.max)], calendar=OFFICIAL)
    assert same_day.due == request_reply_deadline(D(2024, 11, 1), calendar=OFFICIAL).due


DEEP: list[object] = []
_node = DEEP
for _ in range(50_000):
    _node.append([])
    _node = _node[0]  # type: ignore[assignment]


@pytest.mark.parametrize(
    "call",
    [
        lambda: proactive_deadline(DEEP, "20个工作日内", calendar=OFFICIAL),  # type: ignore[arg-type]
        lambda: proactive_deadline(D(2024, 10, 8), DEEP, calendar=OFFICIAL),  # type: ignore[arg-type]
        lambda: request_reply_deadline(DEEP, calendar=OFFICIAL),  # type: ignore[arg-type]
        lambda: request_reply_deadline(D(2024, 10, 8), extended=DEEP),  # type: ignore[arg-type]
        lambda: request_reply_deadline(D(2024, 10, 8), pauses=[DEEP]),  # type: ignore[list-item]
        lambda: receipt_date("post", {"signed_for": DEEP}),  # type: ignore[dict-item]
        lambda: supplement_notice_deadline(DEEP),  # type: ignore[arg-type]
        lambda: third_party_opinion_deadline(DEEP),  # type: ignore[arg-type]
        lambda: agency_opinion_deadline(DEEP),  # type: ignore[arg-type]
        lambda: opinion_response_deadline(DEEP),  # type: ignore[arg-type]
        lambda: annual_report_deadline(DEEP),  # type: ignore[arg-type]
        lambda: meeting_invitation_deadline(DEEP),  # type: ignore[arg-type]
        lambda: meeting_invitation_deadline(D(2024, 10, 8), DEEP),  # type: ignore[arg-type]
        lambda: request_reply_deadline(D(2024, 10, 8), calendar=DEEP),  # type: ignore[arg-type]
    ],
)
def test_deeply_nested_input_gives_a_short_input_error(call: object) -> None:
    assert callable(call)
    with pytest.raises(InputError) as caught:
        call()
    assert len(str(caught.value)) < 300


@pytest.mark.parametrize("value", [True, 10**30, -(10**30), 0, "2025", None])
def test_meeting_lead_time_and_annual_year_refuse_junk(value: object) -> None:
    with pytest.raises(InputError, match="days"):
        meeting_invitation_deadline(D(2024, 10, 8), value)  # type: ignore[arg-type]
    if value != 0 and not (isinstance(value, int) and value > 0 and value is not True):
        with pytest.raises(InputError, match="year"):
            annual_report_deadline(value)  # type: ignore[arg-type]


def test_is_overdue_refuses_junk_and_survives_the_range_ends() -> None:
    reply = request_reply_deadline(D(2024, 9, 27), calendar=OFFICIAL)
    with pytest.raises(InputError, match="at"):
        reply.is_overdue("2024-10-31")  # type: ignore[arg-type]
    far = dt.datetime.max.replace(tzinfo=dt.timezone(-dt.timedelta(hours=12)))
    with pytest.raises(InputError):
        reply.is_overdue(far)
    assert reply.is_overdue(dt.datetime.max) and not reply.is_overdue(dt.datetime.min)
