"""The working-day calendar on the State Council's holiday arrangements.

:class:`WorkCalendar` answers whether a day is a working day and counts working days; the
official arrangements it is built from are traced to their notices, and a year without an
arrangement is refused unless one is supplied.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_names
from ._arrangement import Arrangement, completeness_problems
from ._festivals import Festival
from ._sources import PROVISIONAL_SOURCE, PROVISIONAL_YEARS, official_years
from ._workcalendar import DayInfo, DayKind, WorkCalendar, check_calendar, default_calendar

# Loaded on first use: the file form, the notice reader and the user's store are not needed
# to count working days (and cost more to import than the calendar itself).
_LAZY = {
    "dump_arrangement": "_arrangement_files",
    "load_arrangement": "_arrangement_files",
    "notice_text": "_notice",
    "read_notice": "_notice",
    "read_notice_files": "_notice",
    "remove_arrangement": "_store",
    "store_arrangement": "_store",
    "stored_arrangements": "_store",
    "stored_files": "_store",
    "user_data_directory": "_store",
}

if TYPE_CHECKING:  # pragma: no cover
    from ._arrangement_files import dump_arrangement, load_arrangement
    from ._notice import notice_text, read_notice, read_notice_files
    from ._store import (
        remove_arrangement,
        store_arrangement,
        stored_arrangements,
        stored_files,
        user_data_directory,
    )

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


__getattr__ = lazy_names(__name__, _LAZY, globals())
