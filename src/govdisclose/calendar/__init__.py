"""The working-day calendar on the State Council's holiday arrangements.

:class:`WorkCalendar` answers whether a day is a working day and counts working days; the
official arrangements it is built from are traced to their notices, and a year without an
arrangement is refused unless one is supplied.
"""

from ._workcalendar import (
    ENV_VAR,
    PROVISIONAL_SOURCE,
    PROVISIONAL_YEARS,
    Arrangement,
    DayInfo,
    DayKind,
    Festival,
    WorkCalendar,
    check_calendar,
    default_calendar,
    load_arrangement,
)

__all__ = [
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
