"""The one due-date engine and the one judgement: was something published on time?

:func:`due_date` asks a time-limit rule for its due date from a start date (the rule's own
``due_date`` method) and remembers the answer per rule, start date, calendar and service
level; :func:`judge` says how a publication date stands against that due date on an as-of
date — a :class:`Timeliness`: on time, late by N working days, overdue by N working days,
pending, or not assessable with a reason code of :data:`TIMELINESS_REASONS`.  The proactive
deadline, the document checks and the audit all use these two functions.

>>> import datetime as dt
>>> from govdisclose.calendar import WorkCalendar
>>> from govdisclose.timelimits import parse_time_limit
>>> calendar = WorkCalendar.official()
>>> rule = parse_time_limit("信息形成或变更之日起20个工作日内")
>>> due = due_date(rule, dt.date(2024, 9, 27), calendar)
>>> due.date
datetime.date(2024, 10, 30)
>>> judged = judge(due, dt.date(2024, 11, 4), dt.date(2025, 1, 31), calendar)
>>> judged.status.code, judged.workdays
('late', 3)
>>> judge(due, None, dt.date(2024, 10, 8), calendar).status.code
'pending'
>>> judge(due_date(parse_time_limit("及时公开"), dt.date(2024, 9, 27), calendar),
...       None, dt.date(2025, 1, 31), calendar).reason
'no_service_level'
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from .._errors import InputError, UnknownYearError
from .._vocabulary import Term
from ..timelimits import AnnualFixedDate, PeriodicUpdate, TimeLimitRule
from ._deadline import NOT_ASSESSABLE_REASONS

if TYPE_CHECKING:
    from ..calendar import WorkCalendar


class Status(Term):
    """公开状态: how a record stands against its deadline on an as-of date."""

    __concept__ = "公开状态"

    #: Published on or before the due date.
    ON_TIME = ("on_time", "按时公开")
    #: Published after the due date.
    LATE = ("late", "逾期公开")
    #: Not published, and the due date has passed.
    OVERDUE = ("overdue", "超期未公开")
    #: Not published, not yet due.
    PENDING = ("pending", "待公开（未到期）")
    #: No due date can be given (see :data:`TIMELINESS_REASONS`).
    NOT_ASSESSABLE = ("not_assessable", "无法判定")
    #: An audit record that cannot be used (missing fields, bad dates …): never a judgement.
    INVALID = ("invalid", "无效记录")


#: Why there is no due date: reason code → (Chinese, English).  The codes of a rule that gives
#: none (:data:`~govdisclose.deadlines.NOT_ASSESSABLE_REASONS`) and two of the calendar.
TIMELINESS_REASONS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        **NOT_ASSESSABLE_REASONS,
        "unknown_year": (
            "期限涉及尚无国务院办公厅节假日安排的年份",
            "the deadline reaches a year with no official holiday arrangement",
        ),
        "date_out_of_range": (
            "期限晚于可计算的最后日期9999-12-31",
            "the due date would be after 9999-12-31, the last date there is",
        ),
    }
)


@attrs.frozen
class Due:
    """The due date a rule gives from one start date, or why it gives none.

    ``reason`` is a :data:`TIMELINESS_REASONS` code when ``date`` is ``None``; ``year`` the
    year without a holiday arrangement (``unknown_year``); ``provisional`` is true when the
    date rests on an estimated calendar year, ``partial`` when a year from the start to the
    due date has an arrangement marked partial (one that knowingly lacks festivals).
    """

    date: dt.date | None
    reason: str | None = None
    year: int | None = None
    provisional: bool = False
    partial: bool = False


@functools.lru_cache(maxsize=1 << 16)
def due_date(
    rule: TimeLimitRule,
    start: dt.date,
    calendar: WorkCalendar,
    service_level_workdays: int | None = None,
) -> Due:
    """The :class:`Due` of ``rule`` counted from ``start`` (memoized).

    ``service_level_workdays`` is the bureau's period for a rule without a legal number
    (及时公开 …); rules with their own period ignore it.
    """
    reason = rule.not_assessable(service_level_workdays)
    if reason is not None:
        return Due(None, reason)
    try:
        day = rule.due_date(start, calendar, service_level_workdays)
    except UnknownYearError as exc:
        return Due(None, "unknown_year", exc.year)
    except InputError:  # past 9999-12-31
        return Due(None, "date_out_of_range")
    assert day is not None  # an assessable rule gives a date
    on_calendar = not isinstance(rule, AnnualFixedDate | PeriodicUpdate)
    estimated = on_calendar and calendar.provisional and bool(calendar.estimated_years(start, day))
    return Due(day, provisional=estimated, partial=bool(calendar.partial_years(start, day)))


@attrs.frozen(eq=False)
class Timeliness:
    """The judgement of one publication against its due date.

    ``status`` is one of :class:`Status` (never ``INVALID``); ``workdays`` the working days
    late (``LATE``: up to the publication) or overdue (``OVERDUE``: up to the as-of date),
    ``None`` when a year in between has no holiday arrangement.  ``reason`` and ``year`` say
    why a record is ``NOT_ASSESSABLE``; ``provisional`` is true when an estimated calendar year
    was used, ``partial`` when a year from the start to the due date (or to the publication or
    as-of date, when later) has an arrangement marked partial.  Judgements are memoized
    and compared by identity (one object per judgement, so counting records by judgement is
    cheap).
    """

    status: Status
    due: dt.date | None = None
    workdays: int | None = None
    reason: str | None = None
    year: int | None = None
    provisional: bool = False
    partial: bool = False


def judge(
    due: Due, published: dt.date | None, as_of: dt.date, calendar: WorkCalendar
) -> Timeliness:
    """How ``published`` (``None``: not published) stands against ``due`` on ``as_of``.

    A publication after ``as_of`` is judged as not yet published on that date.  Memoized
    (the same due date, publication and as-of date give the same judgement).
    """
    if due.date is None:
        return Timeliness(Status.NOT_ASSESSABLE, reason=due.reason, year=due.year)
    if published is not None and published > as_of:
        published = None
    return _judge(due.date, due.provisional, due.partial, published, as_of, calendar)


@functools.lru_cache(maxsize=1 << 16)
def _judge(
    day: dt.date,
    provisional: bool,
    partial: bool,
    published: dt.date | None,
    as_of: dt.date,
    calendar: WorkCalendar,
) -> Timeliness:
    if published is not None:
        if published <= day:
            return Timeliness(Status.ON_TIME, day, provisional=provisional, partial=partial)
        status, end = Status.LATE, published
    elif as_of > day:
        status, end = Status.OVERDUE, as_of
    else:
        return Timeliness(Status.PENDING, day, provisional=provisional, partial=partial)
    partial = partial or bool(calendar.partial_years(day, end))
    try:
        workdays: int | None = calendar.workdays_between(day, end)
    except UnknownYearError:
        return Timeliness(status, day, None, provisional=provisional, partial=partial)
    estimated = calendar.provisional and bool(calendar.estimated_years(day, end))
    return Timeliness(status, day, workdays, provisional=provisional or estimated, partial=partial)
