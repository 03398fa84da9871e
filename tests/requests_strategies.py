"""Hypothesis strategies for requests ledgers, shared by the requests test modules.

A generated request is consistent (its dates in order, outcomes with the events they need),
its texts without surrounding white space (as a table cell keeps them).  The ledgers are
invented, like every ledger in the tests.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from govdisclose.deadlines import RequestChannel
from govdisclose.requests import (
    ApplicantCategory,
    Consultation,
    ConsultedParty,
    FeeBasis,
    FeeNotice,
    Ledger,
    Outcome,
    Reply,
    Request,
    Review,
    ReviewKind,
    ReviewResult,
)

D = dt.date


_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Z")), max_size=8
).filter(lambda t: t == t.strip())


@st.composite
def full_requests(draw: st.DrawFn, index: int) -> Request:
    received = draw(st.dates(min_value=D(2024, 1, 1), max_value=D(2026, 6, 30)))

    def after(day: dt.date, most: int = 30) -> dt.date:
        return day + dt.timedelta(days=draw(st.integers(0, most)))

    fields: dict[str, Any] = {
        "applicant": draw(st.none() | _TEXT.filter(bool)),
        "subject": draw(_TEXT),
        "note": draw(_TEXT),
        "channel": draw(st.none() | st.sampled_from(list(RequestChannel))),
        "received_time": draw(st.none() | st.sampled_from(["08:05", "16:45", "23:59"])),
        "submitted": draw(st.none() | st.just(received)),
    }
    if fields["channel"] is RequestChannel.POST:
        fields["signed_for"] = received
    elif fields["channel"] in (
        RequestChannel.ONLINE,
        RequestChannel.FAX,
        RequestChannel.ORDINARY_LETTER,
    ):
        fields["confirmed"] = received
    elif fields["channel"] is RequestChannel.IN_PERSON:
        fields["submitted"] = received
    last = received
    if draw(st.booleans()):
        fields["supplement_requested"] = last = after(received, 10)
        if draw(st.booleans()):
            fields["supplement_received"] = last = after(last, 10)
    if draw(st.booleans()):
        fields["extension_days"] = draw(st.integers(1, 20))
        fields["extended_on"] = after(received)
    fields["consultations"] = [
        Consultation(
            sent := after(received),
            draw(st.sampled_from(list(ConsultedParty))),
            draw(st.none() | st.just(after(sent, 20))),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    if draw(st.booleans()):
        sent = after(received)
        paid = draw(st.booleans())
        fields["fee"] = FeeNotice(
            sent,
            draw(st.sampled_from(list(FeeBasis))),
            amount=draw(st.none() | st.integers(0, 5000)),
            pages=draw(st.none() | st.integers(0, 400)),
            paid=after(sent) if paid else None,
            lapsed=None if paid else draw(st.none() | st.just(after(sent))),
        )
    if draw(st.booleans()):
        replied = after(last, 60)
        outcome = draw(st.sampled_from(list(Outcome)))
        if outcome is Outcome.OTHER_NO_SUPPLEMENT and "supplement_requested" not in fields:
            outcome = Outcome.DISCLOSED
        fee = fields.get("fee")
        if outcome is Outcome.OTHER_FEE_UNPAID and (fee is None or fee.paid is not None):
            outcome = Outcome.OTHER_OTHER
        fields["reply"] = Reply(replied, outcome)
        fields["reviews"] = [
            Review(
                draw(st.sampled_from(list(ReviewKind))),
                result := draw(st.sampled_from(list(ReviewResult))),
                filed=(filed := after(replied)),
                decided=None if result is ReviewResult.PENDING else after(filed, 200),
            )
            for _ in range(draw(st.integers(0, 2)))
        ]
    category = draw(st.sampled_from(list(ApplicantCategory)))
    return Request(f"Q{index}", received, category, **fields)


@st.composite
def full_ledgers(draw: st.DrawFn) -> Ledger:
    return Ledger([draw(full_requests(i)) for i in range(draw(st.integers(0, 5)))])
