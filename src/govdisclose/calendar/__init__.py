"""The working-day calendar on the State Council's holiday arrangements.

:class:`WorkCalendar` answers whether a day is a working day and counts working days; the
official arrangements it is built from are traced to their notices, and a year without an
arrangement is refused unless one is supplied.
"""

from ._arrangement import Arrangement, completeness_problems
from ._arrangement_files import dump_arrangement, load_arrangement
from ._festivals import Festival
from ._notice import notice_text, read_notice, read_notice_files
from ._sources import PROVISIONAL_SOURCE, PROVISIONAL_YEARS, official_years
from ._store import (
    remove_arrangement,
    store_arrangement,
    stored_arrangements,
    stored_files,
    user_data_directory,
)
from ._workcalendar import DayInfo, DayKind, WorkCalendar, check_calendar, default_calendar

__all__ = [
    "PROVISIONAL_SOURCE",
    "PROVISIONAL_YEARS",
    "Arrangement",
    "DayInfo",
    "DayKind",
    "Festival",
    "WorkCalendar",
    "check_calendar",
    "completeness_problems",
    "default_calendar",
    "dump_arrangement",
    "load_arrangement",
    "notice_text",
    "official_years",
    "read_notice",
    "read_notice_files",
    "remove_arrangement",
    "store_arrangement",
    "stored_arrangements",
    "stored_files",
    "user_data_directory",
]
