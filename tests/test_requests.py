"""Tests for the requests ledger: vocabularies, model, fees, table counts and status.

The ledgers here are invented (an imaginary county bureau's requests); they are realistic in
shape — the events and outcomes offices record — but no figure comes from a real body.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclose._errors import DataError, InputError, VocabularyError
from govdisclose.calendar import WorkCalendar
from govdisclose.findings import CODES
from govdisclose.requests import (
    FINDING_CODES,
    PAGE_BANDS,
    TABLE3_COLUMNS,
    TABLE3_ROWS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    ApplicantCategory,
    Consultation,
    FeeNotice,
    Ledger,
    Outcome,
    OutcomeGroup,
    Reply,
    Request,
    RequestState,
    Review,
    ReviewKind,
    ReviewResult,
    fee_per_page,
    fee_per_request,
    fees_collected,
    ledger_status,
    month_positions,
    reply_deadline,
    request_fee,
    table3_counts,
    table4_counts,
)

DATA = Path(__file__).parent / "data" / "requests"
D = dt.date
OFFICIAL = WorkCalendar.official()


def req(id: str, received: dt.date, category: str = "自然人", **kw: object) -> Request:
    return Request(id=id, received=received, applicant_category=category, **kw)  # type: ignore[arg-type]


# -- vocabularies ------------------------------------------------------------------------------


def test_shared_codes_are_the_annual_reports() -> None:
    assert [c.code for c in ApplicantCategory] == [
        "natural_person",
        "commercial_enterprise",
        "research_institution",
        "public_interest_org",
        "legal_service_org",
        "other",
    ]
    assert TABLE3_COLUMNS[-1] == "total"
    assert TABLE3_ROWS[:3] == ("new_requests", "carried_over", "disclosed")
    assert TABLE3_ROWS[-2:] == ("total", "carried_to_next_year")
    assert len([o for o in Outcome]) == 21


def test_a_ledger_takes_the_channel_spellings_of_a_statistics_form() -> None:
    """定西市's statistics form (tests/data/requests/dingxi-channels.txt) names channels as
    当面申请, 传真申请 …: a ledger reads them like its table reader does."""
    labels = (DATA / "dingxi-channels.txt").read_text("utf-8").splitlines()[3:7]
    assert labels == ["当面申请", "传真申请", "电子邮件申请", "网上申请"]
    channels = [req("R1", D(2025, 3, 3), channel=label).channel for label in labels]
    assert [c.code if c else None for c in channels] == ["in_person", "fax", "online", "online"]
    with pytest.raises(VocabularyError):
        req("R1", D(2025, 3, 3), channel="信函申请")  # signed-for post or ordinary letter?
    assert [o.code for o in Outcome if o.group is OutcomeGroup.NOT_DISCLOSED] == [
        "not_disclosed.state_secret",
        "not_disclosed.prohibited_by_law",
        "not_disclosed.three_safeties_one_stability",
        "not_disclosed.third_party_rights",
        "not_disclosed.internal_affairs",
        "not_disclosed.process_information",
        "not_disclosed.enforcement_files",
        "not_disclosed.administrative_query",
    ]
    assert TABLE4_GROUPS == ("administrative_review", "lawsuit_direct", "lawsuit_after_review")
    assert TABLE4_COLUMNS == ("upheld", "corrected", "other_result", "pending", "total")


@pytest.mark.parametrize("outcome", list(Outcome), ids=lambda o: o.code)
def test_every_outcome_reads_from_code_label_and_printed_row(outcome: Outcome) -> None:
    printed = outcome.printed
    half_width = printed.replace("（", "(").replace("）", ")")
    for text in (outcome.code, outcome.label, printed, half_width, f"三、本年度办理结果{printed}"):
        assert Outcome.read(text) is outcome, text


def test_printed_rows_follow_the_table() -> None:
    assert Outcome.NOT_PROCESSED_REPEATED.printed == "（五）不予处理 2.重复申请"
    assert Outcome.DISCLOSED.printed == "（一）予以公开"
    assert Outcome.OTHER_FEE_UNPAID.number == 2
    assert (
        Outcome.read("(三)不予公开8.属于行政查询事项") is Outcome.NOT_DISCLOSED_ADMINISTRATIVE_QUERY
    )
    assert Outcome.read("其他处理") is Outcome.OTHER_OTHER


def test_unknown_outcome_names_the_allowed_rows() -> None:
    with pytest.raises(VocabularyError, match="unknown 办理结果 '同意公开'"):
        Outcome.read("同意公开")


def test_review_and_category_variants() -> None:
    assert ReviewKind.read("行政诉讼/复议后起诉") is ReviewKind.LAWSUIT_AFTER_REVIEW
    assert ReviewKind.read("行政诉讼（未经复议直接起诉）") is ReviewKind.LAWSUIT_DIRECT
    assert ReviewResult.read("尚未审结") is ReviewResult.PENDING
    assert (
        ApplicantCategory.read("法人或其他组织—法律服务机构") is ApplicantCategory.LEGAL_SERVICE_ORG
    )
    with pytest.raises(VocabularyError):
        ReviewKind.read("行政诉讼")  # which of the two groups is not said


# -- finding codes -----------------------------------------------------------------------------


def test_finding_codes_are_registered_from_the_one_table() -> None:
    for code, severity, zh, en, hint in FINDING_CODES:
        definition = CODES[code]
        assert (definition.severity.code, definition.title_zh, definition.title_en) == (
            severity,
            zh,
            en,
        )
        assert definition.description == hint
    assert len({row[0] for row in FINDING_CODES}) == len(FINDING_CODES)


# -- model -------------------------------------------------------------------------------------


def test_request_lists_every_contradiction() -> None:
    with pytest.raises(DataError) as info:
        req(
            "X",
            D(2025, 3, 10),
            supplement_requested=D(2025, 3, 5),
            consultations=[Consultation(D(2025, 3, 12), answered=D(2025, 3, 11))],
            reply=Reply(D(2025, 3, 1), "重复申请"),
        )
    paths = [e.path for e in info.value.errors]
    assert paths == ["$.supplement_requested", "$.consultations[0].answered", "$.reply.date"]


def test_outcomes_that_need_their_event() -> None:
    with pytest.raises(DataError, match="no supplement was requested"):
        req("X", D(2025, 3, 3), reply=Reply(D(2025, 4, 3), "other.no_supplement"))
    with pytest.raises(DataError, match="no unpaid fee notice"):
        req("X", D(2025, 3, 3), reply=Reply(D(2025, 4, 3), "other.fee_unpaid"))


def test_extension_is_at_most_twenty_working_days() -> None:
    with pytest.raises(InputError, match=r"1 to 20 working days \(0 for none\)") as caught:
        req("X", D(2025, 3, 3), extension_days=21)
    assert caught.value.path == "extension_days"


def test_ledger_refuses_duplicate_ids() -> None:
    with pytest.raises(InputError, match="duplicate request id 'A'"):
        Ledger([req("A", D(2025, 1, 6)), req("A", D(2025, 1, 7))])


# -- fees --------------------------------------------------------------------------------------


def test_page_bands_match_the_published_schedule() -> None:
    text = (DATA / "fee-schedule-xinhui.txt").read_text(encoding="utf-8")
    per_page = text.split("(2)按量计收")[1]
    bands = [
        (int(first), int(last), int(rate))
        for first, last, rate in re.findall(r"(\d+)—(\d+)页\(含\d+页\)的部分:(\d+)元/页", per_page)
    ]
    top = re.search(r"(\d+)页以上的部分:(\d+)元/页", per_page)
    assert top is not None
    bands.append((int(top.group(1)), None, int(top.group(2))))  # type: ignore[arg-type]
    assert tuple(bands) == PAGE_BANDS
    assert "30页以下(含30页)的,不收费" in per_page


def test_request_bands_match_the_published_schedule() -> None:
    text = (DATA / "fee-schedule-xinhui.txt").read_text(encoding="utf-8")
    per_request = text.split("(2)按量计收")[0]
    assert "累计申请10件以下(含10件)的,不收费" in per_request
    assert "11—30件(含30件)的部分:100元/件" in per_request
    assert "31件以上的部分:以10件为一档,每增加一档,收费标准提高100元/件" in per_request
    assert [fee_per_request(n) for n in (1, 10, 11, 30)] == [0, 0, 100, 100]
    assert [fee_per_request(n) for n in (31, 40, 41, 50, 51, 61)] == [200, 200, 300, 300, 400, 500]


def test_page_fee_is_progressive() -> None:
    assert fee_per_page(0) == fee_per_page(30) == 0
    assert fee_per_page(31) == 10
    assert fee_per_page(100) == 700
    assert fee_per_page(200) == 700 + 2000
    assert fee_per_page(201) == 2700 + 40
    with pytest.raises(InputError):
        fee_per_page(-1)


def _busy_applicant() -> Ledger:
    """Invented: one company sends 12 requests in March 2025, another person one."""
    requests = [
        req(
            f"2025-03-{n:02d}",
            D(2025, 3, 3 + n // 4),
            "商业企业",
            applicant="某某科技有限公司",
            fee=(
                FeeNotice(D(2025, 3, 20), "按件", amount=100, paid=D(2025, 3, 24))
                if n >= 11
                else None
            ),
        )
        for n in range(1, 13)
    ]
    requests.append(req("2025-03-99", D(2025, 3, 3), "自然人", applicant="张某"))
    return Ledger(requests)


def test_per_request_fee_counts_the_applicants_month() -> None:
    ledger = _busy_applicant()
    positions = month_positions(ledger)
    assert positions["2025-03-01"] == 1 and positions["2025-03-12"] == 12
    assert positions["2025-03-99"] == 1
    assert request_fee(ledger, ledger.requests[10]) == 100  # the 11th request
    assert request_fee(ledger, ledger.requests[0]) is None  # no fee notice
    assert fees_collected(ledger, 2025) == 200
    assert fees_collected(ledger, 2024) == 0


def test_per_page_fee_without_amount_is_computed() -> None:
    ledger = Ledger(
        [
            req(
                "P1",
                D(2025, 11, 3),
                fee=FeeNotice(D(2025, 11, 10), "per_page", pages=120, paid=D(2025, 11, 12)),
            )
        ]
    )
    assert fees_collected(ledger, 2025) == 700 + 400


# -- table counts ------------------------------------------------------------------------------


def _two_years() -> Ledger:
    """Invented ledger over 2024–2026: every outcome in 2025, carry-over at both ends."""
    requests = [
        req("2024-30", D(2024, 12, 16), "自然人"),  # open across 2024 → 2025
        req("2024-31", D(2024, 12, 20), "商业企业", reply=Reply(D(2025, 1, 10), "予以公开")),
        req("2024-29", D(2024, 11, 4), "自然人", reply=Reply(D(2024, 11, 20), "予以公开")),
    ]
    categories = [c.code for c in ApplicantCategory]
    for n, outcome in enumerate(Outcome):
        extra: dict[str, object] = {}
        if outcome is Outcome.OTHER_NO_SUPPLEMENT:
            extra["supplement_requested"] = D(2025, 4, 8)
        if outcome is Outcome.OTHER_FEE_UNPAID:
            extra["fee"] = FeeNotice(D(2025, 4, 9), "按量", pages=80, lapsed=D(2025, 5, 12))
        requests.append(
            req(
                f"2025-{n + 1:02d}",
                D(2025, 4, 1),
                categories[n % 6],
                reply=Reply(D(2025, 5, 20), outcome),
                **extra,
            )
        )
    requests += [
        req("2025-90", D(2025, 12, 19), "科研机构"),  # open across 2025 → 2026
        req(
            "2025-91",
            D(2025, 12, 29),
            "社会公益组织",
            reply=Reply(D(2026, 1, 6), "部分公开"),
            reviews=[Review("行政复议", "结果维持", filed=D(2026, 1, 20), decided=D(2026, 3, 2))],
        ),
        req(
            "2025-92",
            D(2025, 2, 10),
            "法律服务机构",
            reply=Reply(D(2025, 3, 3), "不予公开 属于国家秘密"),
            reviews=[
                Review("行政复议", "结果纠正", filed=D(2025, 3, 20), decided=D(2025, 5, 6)),
                Review("复议后起诉", "尚未审结", filed=D(2025, 6, 1)),
                Review("未经复议直接起诉", "结果维持", filed=D(2025, 11, 3), decided=D(2026, 2, 2)),
            ],
        ),
    ]
    return Ledger(requests)


def test_table3_of_a_year() -> None:
    counts = table3_counts(_two_years(), 2025)
    assert counts["new_requests"]["total"] == 21 + 3
    assert counts["carried_over"] == {
        **dict.fromkeys(TABLE3_COLUMNS, 0),
        "natural_person": 1,
        "commercial_enterprise": 1,
        "total": 2,
    }
    for outcome in Outcome:
        expected = 1 + (outcome is Outcome.NOT_DISCLOSED_STATE_SECRET)
        expected += outcome is Outcome.DISCLOSED  # 2024-31 answered in January
        assert counts[outcome.code]["total"] == expected, outcome
    assert counts["total"]["total"] == 21 + 2
    assert counts["carried_to_next_year"]["total"] == 3  # 2024-30, 2025-90, 2025-91
    assert list(counts) == list(TABLE3_ROWS)
    assert all(list(row) == list(TABLE3_COLUMNS) for row in counts.values())


def test_carry_over_links_the_years() -> None:
    ledger = _two_years()
    for year in (2024, 2025):
        this, following = table3_counts(ledger, year), table3_counts(ledger, year + 1)
        assert this["carried_to_next_year"] == following["carried_over"]
    assert table3_counts(ledger, 2026)["partly_disclosed"]["public_interest_org"] == 1


def test_table4_counts_by_filing_year_and_result_at_year_end() -> None:
    ledger = _two_years()
    t2025 = table4_counts(ledger, 2025)
    assert t2025["administrative_review"] == {
        "upheld": 0, "corrected": 1, "other_result": 0, "pending": 0, "total": 1
    }  # fmt: skip
    assert t2025["lawsuit_after_review"]["pending"] == 1
    # decided in February 2026: still pending at the end of 2025
    assert t2025["lawsuit_direct"] == {
        "upheld": 0, "corrected": 0, "other_result": 0, "pending": 1, "total": 1
    }  # fmt: skip
    assert table4_counts(ledger, 2026)["administrative_review"]["upheld"] == 1


def test_counts_refuse_what_is_not_a_ledger_or_year() -> None:
    with pytest.raises(InputError, match="expected a Ledger"):
        table3_counts([], 2025)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="expected a year"):
        table4_counts(Ledger(), "2025")  # type: ignore[arg-type]


_DAYS = st.dates(min_value=D(2023, 1, 1), max_value=D(2026, 12, 31))


@st.composite
def ledgers(draw: st.DrawFn) -> Ledger:
    requests = []
    for n in range(draw(st.integers(0, 25))):
        received = draw(_DAYS)
        reply = None
        if draw(st.booleans()):
            replied = received + dt.timedelta(days=draw(st.integers(0, 120)))
            reply = Reply(replied, draw(st.sampled_from(list(Outcome))))
            if reply.outcome in (Outcome.OTHER_NO_SUPPLEMENT, Outcome.OTHER_FEE_UNPAID):
                reply = Reply(replied, Outcome.OTHER_OTHER)
        requests.append(
            Request(f"R{n}", received, draw(st.sampled_from(list(ApplicantCategory))), reply=reply)
        )
    return Ledger(requests)


@settings(max_examples=150, deadline=None)
@given(ledger=ledgers(), year=st.integers(2023, 2026))
def test_every_ledger_balances(ledger: Ledger, year: int) -> None:
    counts = table3_counts(ledger, year)
    results = [o.code for o in Outcome]
    for column in TABLE3_COLUMNS:
        # 一 + 二 = （七）总计 + 四, in every column
        assert (
            counts["new_requests"][column] + counts["carried_over"][column]
            == counts["total"][column] + counts["carried_to_next_year"][column]
        )
        assert counts["total"][column] == sum(counts[r][column] for r in results)
    for row in counts.values():
        assert row["total"] == sum(row[c.code] for c in ApplicantCategory)
        assert all(v >= 0 for v in row.values())
    assert counts["carried_to_next_year"] == table3_counts(ledger, year + 1)["carried_over"]


# -- status ------------------------------------------------------------------------------------


def test_supplement_restarts_the_period_and_waits_for_the_applicant() -> None:
    r = req("S", D(2025, 3, 3), supplement_requested=D(2025, 3, 7))
    assert reply_deadline(r, calendar=OFFICIAL) is None
    status = ledger_status(Ledger([r]), D(2025, 3, 20), calendar=OFFICIAL)
    assert status.requests[0].state is RequestState.AWAITING_SUPPLEMENT
    assert status.requests[0].due is None and not status.requests[0].overdue
    done = req(
        "S", D(2025, 3, 3), supplement_requested=D(2025, 3, 7), supplement_received=D(2025, 3, 14)
    )
    deadline = reply_deadline(done, calendar=OFFICIAL)
    assert deadline is not None and deadline.start == D(2025, 3, 14)
    assert deadline.due == D(2025, 4, 14)  # 4 April (清明) off


def test_extension_adds_working_days_and_late_decision_is_found() -> None:
    # Received Friday 2024-09-27: ordinary due 2024-10-30 (National Day), +10 → 2024-11-13.
    r = req("E", D(2024, 9, 27), extension_days=10, extended_on=D(2024, 10, 31))
    status = ledger_status(Ledger([r]), D(2024, 11, 1), calendar=OFFICIAL)
    assert status.requests[0].due == D(2024, 11, 13)
    assert status.requests[0].workdays_left == 8
    assert [f.code for f in status.report.findings] == ["requests.late-extension"]
    assert status.report.findings[0].data["due"] == "2024-10-30"
    # Known only from its decision day on: as of 30 October the ordinary deadline holds.
    before = ledger_status(Ledger([r]), D(2024, 10, 30), calendar=OFFICIAL)
    assert before.requests[0].due == D(2024, 10, 30)


def test_consultations_pause_the_period() -> None:
    answered = req(
        "C1", D(2025, 6, 3), consultations=[Consultation(D(2025, 6, 9), "第三方", D(2025, 6, 13))]
    )
    plain = reply_deadline(req("C0", D(2025, 6, 3)), calendar=OFFICIAL)
    paused = reply_deadline(answered, calendar=OFFICIAL)
    assert plain is not None and paused is not None
    assert plain.due == D(2025, 7, 1)
    assert paused.due == D(2025, 7, 7)  # 10–13 June: 4 working days not counted
    # Unanswered: the third party's 15 working days are not counted either.
    waiting = req("C2", D(2025, 6, 3), consultations=[Consultation(D(2025, 6, 9), "agency")])
    status = ledger_status(Ledger([waiting]), D(2025, 6, 20), calendar=OFFICIAL)
    first = status.requests[0]
    assert first.state is RequestState.CONSULTING
    assert first.due == D(2025, 7, 22)


def test_fee_notice_waits_for_payment_then_pauses() -> None:
    r = req("F", D(2025, 9, 1), fee=FeeNotice(D(2025, 9, 5), "按量", pages=40))
    status = ledger_status(Ledger([r]), D(2025, 9, 15), calendar=OFFICIAL)
    assert status.requests[0].state is RequestState.AWAITING_FEE
    paid = req(
        "F",
        D(2025, 9, 1),
        fee=FeeNotice(D(2025, 9, 5), "按量", pages=40, amount=90, paid=D(2025, 9, 12)),
    )
    deadline = reply_deadline(paid, calendar=OFFICIAL)
    # 8–12 Sep paused; National Day 1–8 Oct off, Sunday 28 Sep and Saturday 11 Oct worked
    assert deadline is not None and deadline.due == D(2025, 10, 11)
    assert "国办函〔2020〕109号" in deadline.describe()
    found = ledger_status(Ledger([paid]), D(2025, 9, 15), calendar=OFFICIAL).report.findings
    assert [(f.code, f.data["expected"]) for f in found] == [("requests.fee-differs", 100)]


def test_answered_on_time_or_late() -> None:
    ledger = Ledger(
        [
            req("A", D(2024, 9, 27), reply=Reply(D(2024, 10, 30), "予以公开")),
            req(
                "B",
                D(2024, 9, 27),
                reply=Reply(D(2024, 11, 4), "无法提供 本机关不掌握相关政府信息"),
            ),
        ]
    )
    status = ledger_status(ledger, D(2024, 12, 31), calendar=OFFICIAL)
    a, b = status.requests
    assert (a.on_time, a.workdays_late) == (True, 0)
    assert (b.on_time, b.workdays_late) == (False, 3)
    assert status.summary()["answered_late"] == 1 and status.overdue_count == 0


def test_year_boundary_on_the_holiday_calendar() -> None:
    # Received Friday 2025-12-19: 1–3 January 2026 off, Sunday 4 January worked.
    r = req("Y", D(2025, 12, 19))
    status = ledger_status(Ledger([r]), D(2026, 1, 5), calendar=OFFICIAL)
    first = status.requests[0]
    assert first.due == D(2026, 1, 19)
    assert first.workdays_left == 10
    assert status.summary()["due_soon"] == 0
    assert ledger_status(Ledger([r]), D(2026, 1, 12), calendar=OFFICIAL).summary()["due_soon"] == 1
    overdue = ledger_status(Ledger([r]), D(2026, 1, 21), calendar=OFFICIAL)
    assert overdue.requests[0].overdue and overdue.requests[0].workdays_late == 2


def test_unknown_year_is_a_finding_not_a_crash() -> None:
    r = req("U", D(2026, 12, 21))
    status = ledger_status(Ledger([r]), D(2026, 12, 28), calendar=OFFICIAL)
    first = status.requests[0]
    assert first.problem is not None and "2027" in first.problem
    assert [f.code for f in status.report.findings] == ["requests.unknown-year"]
    assert "无法计算期限" in status.to_text()
    provisional = ledger_status(
        Ledger([r]), D(2026, 12, 28), calendar=WorkCalendar.official(provisional=True)
    )
    assert provisional.requests[0].due == D(2027, 1, 19)
    assert provisional.requests[0].provisional
    assert "【暂估】" in provisional.to_text()


def test_status_as_of_an_earlier_day_ignores_later_events() -> None:
    r = req("H", D(2024, 9, 2), reply=Reply(D(2024, 10, 8), "予以公开"))
    status = ledger_status(Ledger([r, req("L", D(2024, 12, 2))]), D(2024, 10, 8), calendar=OFFICIAL)
    assert status.requests[0].state is RequestState.ANSWERED
    earlier = ledger_status(Ledger([r]), D(2024, 10, 1), calendar=OFFICIAL)
    assert earlier.requests[0].state is RequestState.OPEN and earlier.requests[0].overdue
    assert status.later == 1 and status.summary()["received_later"] == 1


def test_late_supplement_notice_is_found() -> None:
    r = req(
        "N", D(2025, 3, 3), supplement_requested=D(2025, 3, 13), supplement_received=D(2025, 3, 17)
    )
    found = ledger_status(Ledger([r]), D(2025, 3, 20), calendar=OFFICIAL).report.findings
    assert [(f.code, f.path, f.data["due"]) for f in found] == [
        ("requests.late-supplement-notice", "$.requests[0].supplement_requested", "2025-03-12")
    ]


def test_status_json_and_ics() -> None:
    ledger = Ledger(
        [
            req("2024-07", D(2024, 9, 27), subject="某企业安全生产许可证"),
            req("Z", D(2024, 9, 2), reply=Reply(D(2024, 9, 20), "予以公开")),
        ]
    )
    status = ledger_status(ledger, D(2024, 10, 28), calendar=OFFICIAL, explain=True)
    data = status.to_json(explain=True)
    assert data["summary"]["open"] == 1 and data["requests"][0]["due"] == "2024-10-30"
    assert data["requests"][0]["deadline"]["kind"] == "request_reply"
    ics = status.to_ics(stamp=dt.datetime(2024, 10, 28, tzinfo=dt.timezone.utc))
    assert ics.count("BEGIN:VEVENT") == 1
    assert "DTSTART;VALUE=DATE:20241030" in ics and ics.endswith("END:VCALENDAR\r\n")
    with pytest.raises(InputError, match="no open request"):
        ledger_status(Ledger([ledger.requests[1]]), D(2024, 10, 28), calendar=OFFICIAL).to_ics()


def test_explanations_only_when_asked() -> None:
    ledger = Ledger([req("2024-07", D(2024, 9, 27))])
    plain = ledger_status(ledger, D(2024, 10, 28), calendar=OFFICIAL)
    assert plain.requests[0].due == D(2024, 10, 30) and plain.requests[0].deadline is None
    assert "deadline" not in plain.to_json()["requests"][0]
    with pytest.raises(InputError, match="explain=True"):
        plain.to_json(explain=True)
    with pytest.raises(InputError, match="explain=True"):
        plain.to_text(explain=True)
    full = ledger_status(ledger, D(2024, 10, 28), calendar=OFFICIAL, explain=True)
    assert "周末调休上班日（国庆节）" in full.to_text(explain=True)


def test_status_day_in_a_year_without_arrangement_keeps_the_due_day() -> None:
    r = req("K", D(2026, 11, 2))
    status = ledger_status(Ledger([r]), D(2027, 2, 1), calendar=OFFICIAL)
    (item,) = status.requests
    assert item.due == D(2026, 11, 30) and item.overdue
    assert item.workdays_late is None and item.problem is not None and "2027" in item.problem
    assert "无法计算工作日数" in status.to_text()
    assert [f.code for f in status.report.findings] == ["requests.unknown-year"]


def test_status_refuses_bad_arguments() -> None:
    with pytest.raises(InputError, match="expected a Ledger"):
        ledger_status([], D(2025, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(InputError):
        ledger_status(Ledger(), "2025-01-01")  # type: ignore[arg-type]
    assert [f.code for f in ledger_status(Ledger(), D(2025, 1, 1)).report.findings] == [
        "requests.empty"
    ]


# -- the annual report built from a ledger's counts ------------------------------------------


@settings(max_examples=60, deadline=None)
@given(ledger=ledgers(), year=st.integers(2024, 2025))
def test_counts_build_an_annual_report_whose_relations_hold(ledger: Ledger, year: int) -> None:
    """Tables 三 and 四 from any ledger satisfy every relation the report's check knows."""
    from govdisclose.annual_report import AnnualReport, check_report

    report = AnnualReport.from_counts(
        body="某县应急管理局（虚构）",
        year=year,
        level="county",
        table3=table3_counts(ledger, year),
        table4=table4_counts(ledger, year),
    )
    # Only table 二 (not from the ledger) is left blank for the office.
    found = {(f.code, f.path.split("[")[0]) for f in check_report(report).findings}
    assert found <= {("annual-report.blank-cell", "$.table2")}, found


# -- status of any ledger ----------------------------------------------------------------------

from requests_strategies import full_ledgers  # noqa: E402


@settings(max_examples=80, deadline=None)
@given(
    ledger=full_ledgers(),
    as_of=st.dates(min_value=D(2024, 1, 1), max_value=D(2027, 6, 30)),
)
def test_status_of_any_ledger_is_consistent(ledger: Ledger, as_of: dt.date) -> None:
    status = ledger_status(ledger, as_of, calendar=OFFICIAL)
    assert len(status.requests) + status.later == len(ledger)
    for item, request in zip(
        status.requests, [r for r in ledger.requests if r.received <= as_of], strict=True
    ):
        assert item.id == request.id
        if item.problem is not None:  # a year the official calendar does not cover
            assert "202" in item.problem
            continue
        due = item.due
        if item.state is RequestState.ANSWERED:
            assert request.reply is not None and item.replied == request.reply.date <= as_of
            assert item.on_time is None if due is None else item.on_time == (item.replied <= due)
        elif due is not None:
            assert item.overdue == (as_of > due)
            assert item.workdays_left is not None and item.workdays_late is not None
            assert (item.workdays_late > 0) <= item.overdue
        if due is not None:
            assert due > request.received
            assert OFFICIAL.is_workday(due)
    summary = status.summary()
    assert summary["open"] + summary["answered"] == summary["total"]
    # the due dates without explanations are those of the explained deadlines
    explained = ledger_status(ledger, as_of, calendar=OFFICIAL, explain=True)
    for plain, full in zip(status.requests, explained.requests, strict=True):
        assert attrs.evolve(full, deadline=None) == plain
        if full.deadline is not None:
            assert (full.deadline.due, full.deadline.provisional) == (plain.due, plain.provisional)
        else:
            assert plain.due is None
    assert summary["overdue"] + summary["due_soon"] <= summary["open"]


def test_year_counts_gathers_the_tables_and_the_fees() -> None:
    from govdisclose import unstructure
    from govdisclose.requests import fees_collected, table3_counts, table4_counts, year_counts

    ledger = Ledger(
        [
            req("F", D(2025, 5, 6), fee=FeeNotice(D(2025, 5, 9), "按量", amount=300,
                                                  paid=D(2025, 5, 12))),
            req("G", D(2025, 6, 2), reply=Reply(D(2025, 6, 20), "予以公开")),
        ]
    )  # fmt: skip
    counts = year_counts(ledger, 2025)
    assert counts.table3 == table3_counts(ledger, 2025)
    assert counts.table4 == table4_counts(ledger, 2025)
    assert counts.fees_collected_yuan == fees_collected(ledger, 2025) == 300
    data = unstructure(counts)
    assert list(data) == ["year", "table3", "table4", "fees_collected_yuan", "report"]
    assert data["report"]["ok"] is True
    with pytest.raises(InputError, match="year"):
        year_counts(ledger, "2025")  # type: ignore[arg-type]
