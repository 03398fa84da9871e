"""Junk in, library errors out: the calendar, the arrangements and the deadlines.

Every public function of :mod:`govdisclose.deadlines`, :mod:`govdisclose.calendar._workcalendar`,
the arrangements and their files gets, one argument at a time, None, '', wrong types, huge and
negative numbers, bools where numbers are meant, the first and last dates Python has, deeply
nested lists and a 1 MB string.  Each call must return normally or raise a
:class:`GovdiscloseError` with a bounded message — never TypeError, OverflowError,
RecursionError or another builtin exception.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from govdisclose._errors import GovdiscloseError
from govdisclose.calendar._arrangement import Arrangement
from govdisclose.calendar._arrangement_files import (
    arrangement_from_document,
    arrangement_to_document,
    dump_arrangement,
    load_arrangement,
)
from govdisclose.calendar._festivals import Festival
from govdisclose.calendar._workcalendar import WorkCalendar, default_calendar
from govdisclose.deadlines import (
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
from govdisclose.deadlines._opinion import to_china_time

D = dt.date
CAL = WorkCalendar.official()
PROV = WorkCalendar.official(provisional=True)
DAY = D(2024, 10, 8)


def _deep(depth: int) -> list[Any]:
    root: list[Any] = []
    current = root
    for _ in range(depth):
        child: list[Any] = []
        current.append(child)
        current = child
    return root


DEEP = _deep(100_000)
BIG = "政" * (1024 * 1024 // 3)
AWARE_MAX = dt.datetime.max.replace(tzinfo=dt.timezone(dt.timedelta(hours=-12)))
AWARE_MIN = dt.datetime.min.replace(tzinfo=dt.timezone(dt.timedelta(hours=14)))
JUNK: list[Any] = [
    None,
    "",
    " ",
    "x",
    "2024-10-08",
    "2024-10-08T08:00",
    0,
    -1,
    -(10**30),
    10**30,
    1.5,
    float("nan"),
    True,
    False,
    [],
    {},
    (),
    ["x"],
    {"a": 1},
    (DAY, DAY, DAY),
    [(DAY, DAY, DAY)],
    [None],
    [DEEP],
    b"\xff",
    object(),
    DEEP,
    BIG,
    D.min,
    D.max,
    dt.datetime.min,
    dt.datetime.max,
    AWARE_MIN,
    AWARE_MAX,
    dt.datetime(2024, 10, 8, 9, 30),
    Path("/nonexistent/\x00"),
    Festival.NATIONAL_DAY,
]

ARR_2028 = Arrangement(
    2028, [D(2028, 1, 1)], [], notice_title="test", partial=True, partial_reason="test data"
)
GOOD_DOC = arrangement_to_document(ARR_2028)


def _write_arrangement(tmp: Path) -> Path:
    import json

    path = tmp / "2028.json"
    path.write_text(json.dumps(GOOD_DOC), encoding="utf-8")
    return path


def _deadline_cases() -> list[tuple[str, Callable[..., Any], dict[str, Any]]]:
    return [
        ("proactive", proactive_deadline, {"formed": DAY, "rule": "20个工作日内", "calendar": CAL}),
        (
            "proactive_level",
            proactive_deadline,
            {"formed": DAY, "rule": "及时公开", "service_level_workdays": 5, "calendar": CAL},
        ),
        (
            "request",
            request_reply_deadline,
            {
                "received": DAY,
                "extended": 3,
                "supplemented": D(2024, 10, 9),
                "pauses": [(D(2024, 10, 10), D(2024, 10, 12))],
                "calendar": CAL,
            },
        ),
        ("receipt", receipt_date, {"channel": "post", "events": {"signed_for": DAY}}),
        ("supplement", supplement_notice_deadline, {"received": DAY, "calendar": CAL}),
        ("third_party", third_party_opinion_deadline, {"asked": DAY, "calendar": CAL}),
        ("agency", agency_opinion_deadline, {"asked": DAY, "calendar": CAL}),
        ("opinion", opinion_response_deadline, {"detected": dt.datetime(2024, 10, 1, 8)}),
        (
            "opinion_major",
            opinion_response_deadline,
            {"detected": dt.datetime(2024, 10, 1, 8, tzinfo=dt.timezone.utc), "major": True},
        ),
        ("annual_report", annual_report_deadline, {"year": 2025, "authority": True}),
        ("meeting", meeting_invitation_deadline, {"meeting": DAY, "days": 7}),
        ("to_china_time", to_china_time, {"moment": dt.datetime(2024, 10, 1, 8)}),
    ]


def _calendar_cases() -> list[tuple[str, Callable[..., Any], dict[str, Any]]]:
    return [
        ("WorkCalendar", WorkCalendar, {"arrangements": [ARR_2028], "provisional": True}),
        ("official", WorkCalendar.official, {"provisional": False}),
        ("with_arrangement", CAL.with_arrangement, {"arrangement": ARR_2028}),
        ("arrangement", CAL.arrangement, {"year": 2024}),
        ("estimated_years", PROV.estimated_years, {"start": DAY, "end": D(2030, 1, 1)}),
        ("is_workday", CAL.is_workday, {"d": DAY}),
        ("add_workdays", CAL.add_workdays, {"d": DAY, "n": 5}),
        ("add_workdays_prov", PROV.add_workdays, {"d": DAY, "n": -5}),
        ("next_workday", CAL.next_workday, {"d": DAY}),
        ("previous_workday", PROV.previous_workday, {"d": DAY}),
        ("workdays_between", CAL.workdays_between, {"a": DAY, "b": D(2024, 11, 8)}),
        ("day_info", PROV.day_info, {"d": DAY}),
        ("default_calendar", default_calendar, {"provisional": True, "files": []}),
        (
            "Arrangement",
            Arrangement,
            {
                "year": 2028,
                "days_off": [D(2028, 1, 1)],
                "makeup_workdays": [D(2028, 1, 8)],
                "holidays": {D(2028, 1, 1): "元旦"},
                "notice_title": "t",
                "notice_number": "国办发明电〔2027〕1号",
                "notice_date": D(2027, 11, 1),
                "day_sources": {D(2028, 1, 1): "t"},
            },
        ),
        ("from_document", arrangement_from_document, {"doc": GOOD_DOC, "where": "x.json"}),
        ("dump", dump_arrangement, {"arrangement": ARR_2028, "format": "json"}),
    ]


def check(call: Callable[[], Any]) -> None:
    """Run ``call``: returning is fine, a short GovdiscloseError is fine, anything else fails."""
    try:
        call()
    except GovdiscloseError as exc:
        assert len(str(exc)) < 2000, str(exc)[:300]


CASES = _deadline_cases() + _calendar_cases()


@pytest.mark.parametrize(("name", "function", "valid"), CASES, ids=[c[0] for c in CASES])
def test_every_argument_refuses_junk_with_library_errors(
    name: str, function: Callable[..., Any], valid: dict[str, Any]
) -> None:
    function(**valid)  # the valid call works
    for argument in valid:
        for junk in JUNK:
            check(lambda argument=argument, junk=junk: function(**{**valid, argument: junk}))


@pytest.mark.parametrize("junk", JUNK, ids=lambda j: type(j).__name__)
def test_single_argument_functions(junk: Any, tmp_path: Path) -> None:
    check(lambda: load_arrangement(junk))
    (deadline,) = opinion_response_deadline(dt.datetime(2024, 10, 1, 8))
    check(lambda: deadline.is_overdue(junk))
    check(lambda: request_reply_deadline(DAY, calendar=CAL).is_overdue(junk))


NESTED: list[tuple[str, Callable[[], Any]]] = [
    ("pause triple", lambda: request_reply_deadline(DAY, pauses=[(DAY, DAY, DAY)], calendar=CAL)),
    ("pause None", lambda: request_reply_deadline(DAY, pauses=[None], calendar=CAL)),
    ("pause text", lambda: request_reply_deadline(DAY, pauses=["ab"], calendar=CAL)),
    ("pauses text", lambda: request_reply_deadline(DAY, pauses="ab", calendar=CAL)),
    ("pause deep", lambda: request_reply_deadline(DAY, pauses=[(DEEP, DAY)], calendar=CAL)),
    ("pause max", lambda: request_reply_deadline(DAY, pauses=[(D.max, D.max)], calendar=CAL)),
    ("pause span", lambda: request_reply_deadline(DAY, pauses=[(D.min, D.max)], calendar=CAL)),
    ("events deep", lambda: receipt_date("post", {"signed_for": DEEP})),
    ("events key", lambda: receipt_date("post", {BIG: DAY})),
    ("files junk", lambda: default_calendar(files=[DEEP])),
    ("files nul", lambda: default_calendar(files=["a\x00b"])),
    ("arrangements junk", lambda: WorkCalendar([DEEP])),
    ("days_off deep", lambda: Arrangement(2028, [DEEP], [])),
    ("days_off datetime", lambda: Arrangement(2028, [dt.datetime(2028, 1, 1)], [])),
    ("days_off text", lambda: Arrangement(2028, ["2028-01-01"], [])),
    ("holidays value", lambda: Arrangement(2028, [D(2028, 1, 1)], [], holidays={DAY: DEEP})),
    ("holidays key", lambda: Arrangement(2028, [D(2028, 1, 1)], [], holidays={"x": "元旦"})),
    ("sources junk", lambda: Arrangement(2028, [D(2028, 1, 1)], [], day_sources={DAY: DEEP})),
    ("doc deep title", lambda: arrangement_from_document({**GOOD_DOC, "notice_title": DEEP})),
    ("doc deep dates", lambda: arrangement_from_document({**GOOD_DOC, "holidays": [DEEP]})),
    ("doc deep day", lambda: arrangement_from_document({**GOOD_DOC, "notice_date": DEEP})),
    ("doc deep year", lambda: arrangement_from_document({**GOOD_DOC, "year": DEEP})),
]


@pytest.mark.parametrize(("name", "call"), NESTED, ids=[n for n, _ in NESTED])
def test_junk_inside_containers(name: str, call: Callable[[], Any]) -> None:
    check(call)


def test_calendar_file_is_still_read(tmp_path: Path) -> None:
    cal = default_calendar(files=[_write_arrangement(tmp_path)])
    assert cal.arrangement(2028) == ARR_2028
