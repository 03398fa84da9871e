"""The calendar's modules: names stay importable where users import them from, and every module
imports on its own, first or later, without loading the official data or building tables."""

from __future__ import annotations

import subprocess
import sys

import pytest

import govdisclose.arrangement as arrangement
import govdisclose.arrangement_files as arrangement_files
import govdisclose.calendar_sources as calendar_sources
import govdisclose.workcalendar as workcalendar


def test_workcalendar_exports_what_it_always_has() -> None:
    assert sorted(workcalendar.__all__) == sorted(
        [
            "ENV_VAR",
            "PROVISIONAL_SOURCE",
            "PROVISIONAL_YEARS",
            "Arrangement",
            "DayInfo",
            "DayKind",
            "Festival",
            "WorkCalendar",
            "check_calendar",
            "default_calendar",
            "load_arrangement",
        ]
    )
    for name in ("ENV_VAR", "PROVISIONAL_SOURCE", "PROVISIONAL_YEARS", "estimate_arrangement"):
        assert getattr(workcalendar, name) is getattr(calendar_sources, name)
    assert workcalendar.ENV_VAR == "GOVDISCLOSE_CALENDAR"
    assert workcalendar.load_arrangement is arrangement_files.load_arrangement
    assert workcalendar.Arrangement is arrangement.Arrangement


def test_arrangement_exports_what_it_always_has() -> None:
    assert sorted(arrangement.__all__) == [
        "Arrangement",
        "arrangement_from_document",
        "arrangement_to_document",
        "load_arrangement",
    ]
    for name in ("arrangement_from_document", "arrangement_to_document", "load_arrangement"):
        assert getattr(arrangement, name) is getattr(arrangement_files, name)
    assert (arrangement.MAX_RANGE_DAYS, arrangement.MAX_FILE_BYTES) == (31, 1024 * 1024)
    assert arrangement.YEARS == (1950, 2199)


@pytest.mark.parametrize(
    "first",
    ["arrangement_files", "arrangement", "calendar_sources", "calendar_tables", "workcalendar"],
)
def test_each_module_imports_first(first: str) -> None:
    code = f"""
import sys
from datetime import date
import govdisclose.{first}
from govdisclose.arrangement import MAX_RANGE_DAYS, arrangement_from_document, load_arrangement
from govdisclose.workcalendar import WorkCalendar, default_calendar, estimate_arrangement
import govdisclose.arrangement_files, govdisclose.calendar_sources, govdisclose.calendar_tables
assert "govdisclose.officialcalendar" not in sys.modules  # loaded on first use only
arr = arrangement_from_document(
    {{"year": 2027, "notice_title": "t", "holidays": [{{"days_off": ["2027-01-01"]}}]}}
)
assert WorkCalendar([arr]).add_workdays(date(2027, 1, 1), 1) == date(2027, 1, 4)
assert WorkCalendar.official().add_workdays(date(2024, 9, 30), 1) == date(2024, 10, 8)
"""
    subprocess.run([sys.executable, "-c", code], check=True)
