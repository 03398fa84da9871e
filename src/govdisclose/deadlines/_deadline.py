"""Explained deadline results: :class:`Deadline`, its :class:`Step` list and :class:`LegalRule`.

Every calculator in :mod:`govdisclose.deadlines` returns :class:`Deadline` objects.  A result
says what is due (:attr:`Deadline.due`), under which rule, counted from what, and *how* it was
counted: the :attr:`Deadline.explanation` is a tuple of :class:`Step` objects, each covering a
run of days (working days counted, a weekend or holiday skipped, consultation time excluded, an
extension added …) with a bilingual text.  :func:`govdisclose.unstructure` gives JSON-ready
data and :meth:`Deadline.describe` a text for people; both say PROVISIONAL / 暂估 when a year of the
holiday calendar was only estimated.

A deadline that cannot be assessed says why in words (:attr:`Deadline.reason`) and as a stable
code (:attr:`Deadline.reason_code`, one of :data:`NOT_ASSESSABLE_REASONS`; the audit's
:data:`govdisclose.audit.REASONS` uses the same codes).  :func:`workdays_late` counts how many
working days after its due date something happened.

>>> import datetime as dt
>>> from govdisclose.calendar._workcalendar import WorkCalendar
>>> calendar = WorkCalendar.official()
>>> workdays_late(calendar, dt.date(2024, 9, 27), dt.date(2024, 10, 8))  # 29 Sep was worked
3
>>> workdays_late(calendar, dt.date(2024, 9, 27), dt.date(2024, 9, 27))
0
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from .._dates import CHINA_TZ, check_date, to_zone
from .._errors import InputError, short_repr
from .._output import label, output
from .._vocabulary import Term

if TYPE_CHECKING:
    from ..calendar._workcalendar import WorkCalendar


#: Why a deadline is not assessable: stable code → (Chinese, English).  Codes are API (the
#: audit's :data:`govdisclose.audit.REASONS` has the same codes); the wording is not.
NOT_ASSESSABLE_REASONS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "no_service_level": (
            "「及时公开」类时限没有法定天数，本机关未设定服务承诺时限",
            "a 'promptly' rule has no fixed period and no service level is set",
        ),
        "external_requirement": (
            "按中央或上级要求公开，时限须另行提供（或设定服务承诺时限）",
            "an external requirement: supply its period (or set a service level)",
        ),
        "consultation_period": (
            "按征求意见时公布的时限公开，未给出该时限（或设定服务承诺时限）",
            "the period announced with the consultation, not given (or set a service level)",
        ),
        "event_date_needed": (
            "按会议或活动日期倒数，未给出该日期",
            "counted back from an event's date, which is not given",
        ),
        "unrecognised_time_limit": (
            "未能识别事项的公开时限",
            "the item's time limit is unrecognised: it could not be read",
        ),
    }
)

#: The title of 《中华人民共和国政府信息公开条例》, which most rules cite.
OGI = "《中华人民共和国政府信息公开条例》"

_WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


class DeadlineKind(Term):
    """期限类型: which obligation a :class:`Deadline` is for."""

    __concept__ = "期限类型"

    PROACTIVE = ("proactive", "主动公开")
    REQUEST_REPLY = ("request_reply", "依申请公开答复")
    SUPPLEMENT_NOTICE = ("supplement_notice", "补正告知")
    THIRD_PARTY_OPINION = ("third_party_opinion", "第三方意见")
    AGENCY_OPINION = ("agency_opinion", "协商机关意见")
    PUBLIC_OPINION_RESPONSE = ("public_opinion_response", "政务舆情回应")
    AUTHORITATIVE_RELEASE = ("authoritative_release", "发布权威信息")
    PRESS_CONFERENCE = ("press_conference", "举行新闻发布会")
    ANNUAL_REPORT = ("annual_report", "政府信息公开工作年度报告")
    MEETING_INVITATION = ("meeting_invitation", "会议通知邀请")


class StepKind(enum.Enum):
    """What one :class:`Step` of an explanation records."""

    #: The event the period runs from; that day itself is not counted.
    START = "start"
    #: Working days (Monday–Friday, not a holiday) counted toward the period.
    COUNTED = "counted"
    #: A weekend day that is a make-up working day (调休上班): counted.
    MAKEUP_COUNTED = "makeup_counted"
    #: Saturday/Sunday rest days: not counted.
    WEEKEND = "weekend"
    #: Days off of a public holiday (节假日放假): not counted.
    HOLIDAY = "holiday"
    #: Working days spent consulting a third party or another agency: not counted.
    PAUSED = "paused"
    #: The end of the ordinary period, before an extension.
    ORDINARY_END = "ordinary_end"
    #: An extension of the period.
    EXTENSION = "extension"
    #: Calendar days added or subtracted.
    CALENDAR_DAYS = "calendar_days"
    #: A last day moved past rest days (《民法典》第二百零三条).
    MOVED = "moved"
    #: A fixed calendar date, not moved for weekends or holidays.
    FIXED_DATE = "fixed_date"
    #: Hours added on the clock, holidays included.
    CLOCK = "clock"
    #: A remark: a choice made, an input that had no effect, a year only estimated.
    NOTE = "note"


def day_label(value: dt.date) -> str:
    """``2024-10-30 星期三 Wed``."""
    return f"{value.isoformat()} {_WEEKDAYS_ZH[value.weekday()]} {value.strftime('%a')}"


@output()
@attrs.frozen
class LegalRule:
    """The rule a deadline applies: a short stable ``code``, its legal ``source``, a summary.

    ``code`` is API (e.g. ``ogi_art33``); ``source`` names the document and article
    (《中华人民共和国政府信息公开条例》第三十三条); ``summary`` is bilingual text.
    """

    code: str
    source: str
    summary: str


@attrs.frozen
class Step:
    """One step of an explanation, usually a run of days of the same sort.

    ``first``/``last`` bound the run (equal for one day; date-times for clock steps; ``None``
    for a remark about no particular day); ``days`` is the number of days in the run and
    ``counted`` the working days counted so far at its end, where that applies.  ``holiday``
    names the holiday of a holiday or make-up day; ``estimated`` is true when the calendar only
    estimated the day.  ``text`` is the bilingual explanation people read.
    """

    kind: StepKind
    text: str
    first: dt.date | dt.datetime | None = None
    last: dt.date | dt.datetime | None = None
    days: int | None = None
    counted: int | None = None
    holiday: str | None = None
    estimated: bool = False


def _to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


def start_step(day: dt.date, event: str) -> Step:
    """The step of the day a period runs from, which is not counted."""
    return Step(
        kind=StepKind.START,
        first=day,
        last=day,
        text=f"{day}: {event}；当日不计入 / that day is not counted (《民法典》第二百零一条)",
    )


def _check_due(instance: Deadline, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, dt.datetime) and value.utcoffset() is None:
        raise ValueError("a date-time deadline must be timezone-aware")
    if instance.assessable and value is None:
        raise ValueError("an assessable deadline needs a due date")
    if not instance.assessable and (value is not None or not instance.reason):
        raise ValueError("a deadline that is not assessable has no due date and gives a reason")
    if instance.assessable and instance.reason_code is not None:
        raise ValueError("only a deadline that is not assessable has a reason_code")


@output(derived=("kind_label",), values={"kind_label": label("kind")})
@attrs.frozen
class Deadline:
    """An explained deadline.

    ``due`` is a :class:`~datetime.date`, or a timezone-aware :class:`~datetime.datetime` for
    hour rules; it is ``None`` when the deadline is not assessable (``assessable`` false, with
    ``reason`` saying why: a "promptly" rule without a service level, a time limit that could
    not be read; ``reason_code`` is the same as a code of :data:`NOT_ASSESSABLE_REASONS`).
    ``start`` is what the period runs from and ``start_event`` says what that is.
    ``provisional`` is true when any year used was only estimated (``estimated_years``);
    ``partial`` when a year used has an arrangement marked partial, one that knowingly lacks
    festivals (``partial_years``).
    """

    kind: DeadlineKind
    rule: LegalRule
    start: dt.date | dt.datetime | None
    start_event: str
    explanation: tuple[Step, ...] = attrs.field(converter=_to_tuple)
    assessable: bool = True
    reason: str | None = None
    reason_code: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.in_(tuple(NOT_ASSESSABLE_REASONS))),
    )
    provisional: bool = False
    estimated_years: tuple[int, ...] = attrs.field(default=(), converter=_to_tuple)
    partial: bool = False
    partial_years: tuple[int, ...] = attrs.field(default=(), converter=_to_tuple)
    due: dt.date | dt.datetime | None = attrs.field(default=None, validator=_check_due)

    def is_overdue(self, at: dt.date | dt.datetime) -> bool:
        """Whether ``at`` is past the deadline; always false when it is not assessable.

        A date deadline is kept through its whole last day.  A naive ``at`` is China Standard
        Time; a date-time ``at`` checked against a date deadline uses its date in China.
        Anything but a date or date-time is an :class:`~govdisclose._errors.InputError`.
        """
        if not isinstance(at, dt.date):
            raise InputError(
                f"expected a date or date-time, got {short_repr(at)} (应为日期或日期时间)",
                path="at",
            )
        if self.due is None:
            return False
        if isinstance(at, dt.datetime) and at.utcoffset() is None:
            at = at.replace(tzinfo=CHINA_TZ)
        if isinstance(self.due, dt.datetime):
            if not isinstance(at, dt.datetime):
                at = dt.datetime.combine(at, dt.time(), CHINA_TZ)
            return at > self.due
        if isinstance(at, dt.datetime):
            at = to_zone(at, CHINA_TZ, path="at").date()
        return at > self.due

    def headline(self) -> str:
        """One line: what is due when, marked 暂估 PROVISIONAL when it is."""
        if self.due is None:
            when = f"无法确定 not assessable — {self.reason}"
        elif isinstance(self.due, dt.datetime):
            local = self.due.astimezone(CHINA_TZ)
            when = f"{local.isoformat()} ({day_label(local.date())} {local:%H:%M} 北京时间 CST)"
        else:
            when = day_label(self.due)
        mark = "【暂估 PROVISIONAL】" if self.provisional else ""
        mark += "【部分安排 PARTIAL】" if self.partial else ""
        return f"{mark}{self.kind.label} / {self.kind.code.replace('_', ' ')}: {when}"

    def describe(self) -> str:
        """A bilingual text for people: the due date, the rule, the start and every step."""
        lines = [self.headline()]
        lines += [f"  {text}" for text in _year_notes(self.estimated_years, self.partial_years)]
        lines.append(f"  依据 rule: {self.rule.source} — {self.rule.summary}")
        if self.start is not None:
            lines.append(f"  起算 from: {self.start.isoformat()} {self.start_event}")
        elif self.start_event:
            lines.append(f"  起算 from: {self.start_event}")
        if self.explanation:
            lines.append("  计算过程 steps:")
            lines.extend(f"    - {step.text}" for step in self.explanation)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.describe()


def _year_notes(estimated: tuple[int, ...], partial: tuple[int, ...]) -> list[str]:
    """What a deadline says of the years whose holiday arrangement was partial or estimated."""
    notes = []
    if partial:
        listed = "、".join(map(str, partial))
        notes.append(
            f"部分安排 PARTIAL: {listed}年的节假日安排未列全节日，结果可能不准 / the holiday "
            f"arrangement for {listed} is marked partial: it lacks festivals"
        )
    if estimated:
        listed = "、".join(map(str, estimated))
        notes.append(
            f"暂估 PROVISIONAL: {listed}年的节假日安排尚未公布，按估算计算 / the holiday "
            f"arrangement for {listed} is not published; an estimate was used"
        )
    return notes


def finish_deadline(
    kind: DeadlineKind,
    calendar: WorkCalendar,
    *,
    start: dt.date,
    due: dt.date,
    rule: LegalRule,
    start_event: str,
    steps: list[Step],
) -> Deadline:
    """The :class:`Deadline` of a period counted on ``calendar`` from ``start`` to ``due``.

    Marks it provisional, with the estimated years and a closing PROVISIONAL step, when the
    calendar only estimated a year in between; partial, with a PARTIAL step, when a year in
    between has an arrangement marked partial.
    """
    years = tuple(calendar.estimated_years(min(start, due), max(start, due)))
    partial = tuple(calendar.partial_years(min(start, due), max(start, due)))
    steps.extend(Step(kind=StepKind.NOTE, text=text) for text in _year_notes(years, partial))
    return Deadline(
        kind=kind,
        due=due,
        rule=rule,
        start=start,
        start_event=start_event,
        explanation=steps,
        provisional=bool(years),
        estimated_years=years,
        partial=bool(partial),
        partial_years=partial,
    )


def workdays_late(calendar: WorkCalendar, due: dt.date, day: dt.date) -> int:
    """How many working days ``day`` is after ``due``: the working days in ``(due, day]``.

    0 when ``day`` is on or before ``due``, and for a rest day right after it (published on
    the Saturday after a Friday deadline is late, by 0 working days).  A year in between
    that ``calendar`` does not cover raises :class:`~govdisclose._errors.UnknownYearError`;
    anything but two dates (a date-time too) is an :class:`~govdisclose._errors.InputError`.
    """
    if check_date(day, "day") <= check_date(due, "due"):
        return 0
    return calendar.workdays_between(due, day)
