"""Tests for govdisclose.deadlines._schedule: the yearly obligations and their iCalendar form."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclose._errors import InputError, UnknownYearError
from govdisclose.calendar._workcalendar import default_calendar
from govdisclose.deadlines._schedule import (
    DEFAULT_ATTRIBUTE_REVIEW,
    Obligation,
    fold_line,
    ics_escape,
    obligations,
    to_ics,
)

D = dt.date
OFFICIAL = default_calendar()
PROVISIONAL = default_calendar(provisional=True)
STAMP = dt.datetime(2025, 12, 1, 8, 0, tzinfo=dt.timezone.utc)


def unfold(text: str) -> list[str]:
    """The content lines of an iCalendar text, unfolded (RFC 5545 3.1)."""
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_obligations_of_2026() -> None:
    items = obligations(2026, calendar=OFFICIAL)
    assert [(o.date, o.code) for o in items] == [
        (D(2026, 1, 31), "annual_report"),
        (D(2026, 3, 31), "major_decision_catalogue"),
        (D(2026, 3, 31), "quarterly_progress"),
        (D(2026, 6, 30), "quarterly_progress"),
        (D(2026, 9, 30), "quarterly_progress"),
        (D(2026, 12, 31), "attribute_review"),
        (D(2026, 12, 31), "quarterly_progress"),
    ]
    report = items[0]
    assert "2025年度" in report.summary and "第四十九条" in report.source
    assert "周末" in report.day_note  # 2026-01-31 is a Saturday: the date still does not move
    assert "fixed" in report.description
    assert not any(o.provisional for o in items)
    assert "390号 四(一)4" in items[5].source and "default date" in items[5].description


def test_day_notes_name_holidays_and_makeup_days() -> None:
    notes = {o.date: o.day_note for o in obligations(2024, calendar=OFFICIAL)}
    assert notes[D(2024, 9, 30)].startswith("工作日")
    assert notes[D(2024, 3, 31)].startswith("周末")
    # 2023-12-31 (a Sunday) lies in the New Year break of 30 December – 1 January.
    assert "元旦" in obligations(2023, calendar=OFFICIAL)[-1].day_note


def test_authority_and_review_day_options() -> None:
    items = obligations(2025, calendar=OFFICIAL, authority=True, attribute_review=(6, 15))
    dates = {o.code: o.date for o in items if o.code != "quarterly_progress"}
    assert dates == {
        "annual_report": D(2025, 3, 31),
        "major_decision_catalogue": D(2025, 3, 31),
        "attribute_review": D(2025, 6, 15),
    }
    assert DEFAULT_ATTRIBUTE_REVIEW == (12, 31)


def test_to_ics_refuses_a_bad_stamp() -> None:
    items = obligations(2026, calendar=OFFICIAL)
    for stamp in (
        "2026-01-01T00:00Z",
        dt.datetime.min.replace(tzinfo=dt.timezone(dt.timedelta(hours=5))),
    ):
        with pytest.raises(InputError, match="stamp"):
            to_ics(items, stamp=stamp)  # type: ignore[arg-type]
    last = Obligation("x", D(9999, 12, 31), "s", "d", "src", "note")
    with pytest.raises(InputError, match="9999-12-31"):
        to_ics([last], stamp=STAMP)


def test_unknown_year_needs_provisional() -> None:
    with pytest.raises(UnknownYearError):
        obligations(2027, calendar=OFFICIAL)
    items = obligations(2027, calendar=PROVISIONAL)
    assert all(o.provisional for o in items)
    assert all("暂估" in o.day_note for o in items)
    text = to_ics(items, stamp=STAMP)
    summaries = [line for line in unfold(text) if line.startswith("SUMMARY:")]
    assert summaries and all(s.startswith("SUMMARY:【暂估】") for s in summaries)
    assert "PROVISIONAL" in text


def test_ics_structure() -> None:
    items = obligations(2026, calendar=OFFICIAL)
    text = to_ics(items, stamp=STAMP)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")  # CRLF everywhere, no bare LF or CR
    raw_lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in raw_lines)
    assert any(line.startswith(" ") for line in raw_lines)  # the Chinese texts were folded
    lines = unfold(text)
    assert lines[:3] == ["BEGIN:VCALENDAR", "VERSION:2.0", lines[2]]
    assert lines[2].startswith("PRODID:")
    assert lines[-1] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == len(items)
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(uids) == len(set(uids)) == len(items)
    assert lines.count("DTSTAMP:20251201T080000Z") == len(items)
    starts = [line for line in lines if line.startswith("DTSTART")]
    ends = [line for line in lines if line.startswith("DTEND")]
    assert starts[0] == "DTSTART;VALUE=DATE:20260131"
    assert ends[0] == "DTEND;VALUE=DATE:20260201"
    assert all(re.fullmatch(r"DT(START|END);VALUE=DATE:\d{8}", x) for x in starts + ends)
    assert "SUMMARY:公布2025年度政府信息公开工作年度报告" in lines
    # Events are properly nested.
    depth = 0
    for line in lines:
        if line.startswith("BEGIN:"):
            depth += 1
        elif line.startswith("END:"):
            depth -= 1
        assert depth >= 0
    assert depth == 0


def test_ics_text_escaping_survives_unfolding() -> None:
    item = Obligation(
        code="x",
        date=D(2026, 5, 6),
        summary="甲,乙;丙\\丁",
        description="第一行\n第二行",
        source="s",
        day_note="n",
    )
    lines = unfold(to_ics([item], stamp=STAMP))
    assert "SUMMARY:甲\\,乙\\;丙\\\\丁" in lines
    assert "DESCRIPTION:第一行\\n第二行" in lines


def test_ics_needs_an_aware_stamp() -> None:
    items = obligations(2026, calendar=OFFICIAL)
    with pytest.raises(InputError):
        to_ics(items, stamp=dt.datetime(2026, 1, 1))
    assert re.search(r"DTSTAMP:\d{8}T\d{6}Z", to_ics(items))


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_fold_line_property(text: str) -> None:
    line = "DESCRIPTION:" + text.replace("\r", "").replace("\n", "")
    folded = fold_line(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert folded.replace("\r\n ", "") == line  # lossless, no character split


def test_ics_escape() -> None:
    assert ics_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_icalendar_package_reads_the_output() -> None:
    icalendar = pytest.importorskip("icalendar")
    text = to_ics(obligations(2026, calendar=OFFICIAL), stamp=STAMP)
    parsed = icalendar.Calendar.from_ical(text)
    events = [c for c in parsed.walk() if c.name == "VEVENT"]
    assert len(events) == 7
    assert events[0].decoded("dtstart") == D(2026, 1, 31)
    assert str(events[0]["summary"]) == "公布2025年度政府信息公开工作年度报告"
