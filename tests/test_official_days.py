"""The official days the calendar reads are generated from chinese-calendar's data, never edited."""

from __future__ import annotations

import subprocess
import sys

from govdisclose.calendar._official import (
    OFFICIAL_DAYS_FILE,
    chinese_calendar_arrangements,
    official_arrangements,
    official_days_text,
)


def test_the_table_gives_what_chinese_calendars_data_gives() -> None:
    computed = chinese_calendar_arrangements()
    assert dict(official_arrangements()) == computed
    text = OFFICIAL_DAYS_FILE.read_text(encoding="utf-8")
    assert text == official_days_text(computed), (
        "regenerate with: python -c 'from govdisclose.calendar._official import "
        "write_official_days; write_official_days()'"
    )


def test_counting_working_days_does_not_import_chinese_calendar() -> None:
    code = (
        "import sys; from datetime import date; from govdisclose import WorkCalendar; "
        "assert WorkCalendar.official().add_workdays(date(2024, 9, 30), 1) == date(2024, 10, 8); "
        "assert 'chinese_calendar' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
