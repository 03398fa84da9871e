"""Deadlines for proactive disclosure (主动公开): a catalogue item's time limit, a document's.

:func:`proactive_deadline` gives the explained deadline of a catalogue item's time limit
(the due date is the rule's own, :meth:`WorkdaysAfterEvent.due_date
<govdisclose.timelimits.WorkdaysAfterEvent.due_date>` …; a rule that gives none says why with
``rule.not_assessable()``, the deadline's ``reason_code``);
:func:`document_publication_deadline` is 390号 四(一)5 for a policy document marked
「此件公开发布」 (:data:`PUBLICATION_RULE`).

>>> import datetime as dt
>>> parse_time_limit("按进展情况及时公开").not_assessable()
'no_service_level'
>>> deadline = document_publication_deadline(dt.date(2024, 9, 20))
>>> deadline.due, deadline.rule.code, deadline.rule.source
(datetime.date(2024, 10, 23), '390_4_1_5', '应急厅函〔2019〕390号 四(一)5')
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .._dates import check_date
from .._errors import InputError, short_repr
from .._model import TimeLimit, check_service_level
from ..calendar._workcalendar import check_calendar
from ..timelimits import (
    EVENTS,
    PERIODS,
    RULE_TYPES,
    AnnualFixedDate,
    CalendarDaysAfterEvent,
    ConsultationPeriod,
    ExternalRequirement,
    PeriodicUpdate,
    Promptly,
    TimeLimitRule,
    Unrecognised,
    WorkdaysAfterEvent,
    parse_time_limit,
)
from ._counting import count_workdays
from ._deadline import Deadline, DeadlineKind, LegalRule, Step, StepKind, day_label, finish_deadline
from ._fixed import fixed_date_step

if TYPE_CHECKING:
    from ..calendar._workcalendar import WorkCalendar

_OGI = "《中华人民共和国政府信息公开条例》"

#: Rules with no legal number of days: assessable only with a service level.
_OPEN = (Promptly, ExternalRequirement, ConsultationPeriod)

#: 390号 四(一)5: a proactive policy document is published within 20 working days of issuance.
PUBLICATION_WORKDAYS = 20
#: The time limit of 390号 四(一)5 as a rule: the document checks judge publication with it.
PUBLICATION_RULE = WorkdaysAfterEvent(
    text=f"自印发之日起{PUBLICATION_WORKDAYS}个工作日内",
    days=PUBLICATION_WORKDAYS,
    event="issuance",
)
_PUBLICATION_LEGAL_RULE = LegalRule(
    code="390_4_1_5",
    source="应急厅函〔2019〕390号 四(一)5",
    summary=(
        f"标注「此件公开发布」的文件，自印发之日起{PUBLICATION_WORKDAYS}个工作日内在政府网站公开"
        f" / a document marked for proactive disclosure is published on the government website "
        f"within {PUBLICATION_WORKDAYS} working days of issuance"
    ),
)


def _event_label(event: str) -> str:
    english, chinese = EVENTS[event]
    if not english:
        return "该事项的起算事件 the item's event"
    return f"{chinese.removesuffix('起')} {english}"


def _source(rule: TimeLimitRule) -> tuple[str, str]:
    if isinstance(rule, WorkdaysAfterEvent) and rule.days == 20:
        if rule.event in ("formation_or_change", "formation"):
            return "ogi_art26", f"{_OGI}第二十六条"
        if rule.event == "issuance":
            return "390_4_1_5", "应急厅函〔2019〕390号 四(一)5"
    return f"time_limit_{rule.kind}", f"公开时限「{rule.text}」 the catalogue's time limit"


def _start_step(formed: dt.date, event: str) -> Step:
    return Step(
        kind=StepKind.START,
        first=formed,
        last=formed,
        text=f"{formed}: {event}；当日不计入 / that day is not counted (《民法典》第二百零一条)",
    )


def _reason_text(code: str, rule: TimeLimitRule) -> str:
    if code in ("no_service_level", "external_requirement", "consultation_period"):
        return (
            f"「{rule.text}」没有法定天数，本机关未设定服务承诺时限，不计逾期 / no fixed "
            f"period and no service level set: not overdue-able"
        )
    if code == "event_date_needed":
        return (
            f"「{rule.text}」按会议或活动日期倒数，需给出该日期（meeting_invitation_deadline）"
            f" / counted back from the event's date: use meeting_invitation_deadline with it"
        )
    return (
        f"未能识别的公开时限「{rule.text}」，无法计算期限 / unrecognised time limit "
        f"{short_repr(rule.text)}: no deadline can be computed"
    )


def _not_assessable(rule: TimeLimitRule, formed: dt.date, code: str) -> Deadline:
    source_code, source = _source(rule)
    reason = _reason_text(code, rule)
    return Deadline(
        kind=DeadlineKind.PROACTIVE,
        due=None,
        assessable=False,
        reason=reason,
        reason_code=code,
        rule=LegalRule(code=source_code, source=source, summary=rule.describe()),
        start=formed,
        start_event="信息形成或变更 the information was formed or changed",
        explanation=(Step(kind=StepKind.NOTE, text=reason),),
    )


def proactive_deadline(
    formed: dt.date,
    rule: TimeLimitRule | str | TimeLimit,
    *,
    service_level_workdays: int | None = None,
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """When information formed or changed on ``formed`` must be published under ``rule``.

    ``rule`` is a parsed rule, a time-limit text, or a :class:`~govdisclose._model.TimeLimit`
    (whose service level is used unless ``service_level_workdays`` is given).  A text that is
    not a recognised time limit is an :class:`~govdisclose._errors.InputError`.  The due date
    is the rule's own (``rule.due_date``):

    * working days after the event → the n-th working day strictly after ``formed``;
    * calendar days → ``formed`` plus n days, moved to the next working day when the last day
      is a rest day (《民法典》第二百零三条);
    * a fixed annual date → the next such date on or after ``formed``, not moved for holidays;
    * a periodic update → the end of the calendar period (quarter, half year …) that contains
      ``formed``;
    * "promptly", an external requirement or a consultation period → not assessable unless a
      service level in working days is given (then that many working days);
    * a lead time before an event → not assessable here (use
      :func:`~govdisclose.deadlines.meeting_invitation_deadline` with the event's date);
    * an unrecognised rule (parsed from a catalogue) → not assessable, saying so.
    """
    check_date(formed, "formed")
    given = service_level_workdays
    if given is not None:
        check_service_level(given, where="service_level_workdays")
    if calendar is not None:
        # a wrong type is refused even for rules that need no calendar
        check_calendar(calendar, where="calendar")
    own = None
    if isinstance(rule, TimeLimit):
        own = rule.service_level_workdays  # checked by TimeLimit
        parsed: TimeLimitRule = rule.rule
    elif isinstance(rule, str):
        parsed = parse_time_limit(rule)
        if isinstance(parsed, Unrecognised):
            raise InputError(
                f"unrecognised time limit {short_repr(rule)}: no deadline can be computed; "
                f"write it as a catalogue does, e.g. 信息形成或变更之日起20个工作日内 "
                f"(未能识别的公开时限)",
                path="rule",
            )
    else:
        parsed = rule
    if not isinstance(parsed, tuple(RULE_TYPES.values())):
        raise InputError(
            f"expected a time-limit text, rule or TimeLimit, got {short_repr(rule)} (应为公开时限)",
            path="rule",
        )
    level = given if given is not None else own
    notes: list[Step] = []
    if own is not None and given is not None and own != given:
        notes.append(
            Step(
                kind=StepKind.NOTE,
                text=(
                    f"使用参数给出的服务承诺{given}个工作日，而非事项记录的{own}个 / the service "
                    f"level given ({given} working days) replaces the item's ({own})"
                ),
            )
        )
    reason = parsed.not_assessable(level)
    if reason is not None:
        return _not_assessable(parsed, formed, reason)
    cal = check_calendar(calendar, where="calendar")
    if isinstance(parsed, _OPEN):
        assert level is not None
        return _counted(formed, level, parsed, cal, notes, service_level=True)
    if level is not None:
        notes.append(
            Step(
                kind=StepKind.NOTE,
                text=(
                    f"时限「{parsed.text}」自有期限，服务承诺{level}个工作日未采用 / the time "
                    f"limit sets its own period: the service level of {level} working days "
                    f"was not used"
                ),
            )
        )
    if isinstance(parsed, WorkdaysAfterEvent):
        return _counted(formed, parsed.days, parsed, cal, notes, service_level=False)
    due = parsed.due_date(formed, cal, level)
    assert due is not None  # an assessable rule gives a date
    if isinstance(parsed, CalendarDaysAfterEvent):
        return _calendar_days(formed, due, parsed, cal, notes)
    if isinstance(parsed, AnnualFixedDate):
        return _fixed(formed, due, parsed, [fixed_date_step(due), *notes])
    assert isinstance(parsed, PeriodicUpdate)  # the last kind that gives a due date
    english, chinese, _ = PERIODS[parsed.period]
    step = Step(
        kind=StepKind.FIXED_DATE,
        first=formed,
        last=due,
        text=(
            f"{formed} 所在{chinese}至 {day_label(due)} 结束，"
            f"期间内至少更新{parsed.at_least}次 / "
            f"the calendar {english} containing {formed} ends on {due}: update at least "
            f"{parsed.at_least} time(s) by then; not moved for holidays"
        ),
    )
    return _fixed(formed, due, parsed, [step, *notes])


def document_publication_deadline(
    issued: dt.date, *, calendar: WorkCalendar | None = None
) -> Deadline:
    """390号 四(一)5: a document marked 「此件公开发布」 is published within 20 working days.

    The 20th working day strictly after ``issued`` (the day of issuance is not counted), on
    ``calendar`` (default: :func:`~govdisclose.calendar.default_calendar`); a year without
    an official arrangement raises :class:`~govdisclose._errors.UnknownYearError` unless the
    calendar is provisional, and then the deadline is marked provisional.
    """
    check_date(issued, "issued")
    cal = check_calendar(calendar, where="calendar")
    _, counted = count_workdays(cal, issued, PUBLICATION_WORKDAYS)
    due = PUBLICATION_RULE.due_date(issued, cal)
    event = "文件印发之日 the document was issued"
    return finish_deadline(
        DeadlineKind.PROACTIVE,
        cal,
        start=issued,
        due=due,
        rule=_PUBLICATION_LEGAL_RULE,
        start_event=event,
        steps=[_start_step(issued, event), *counted],
    )


def _counted(
    formed: dt.date,
    days: int,
    rule: TimeLimitRule,
    calendar: WorkCalendar,
    notes: list[Step],
    *,
    service_level: bool,
) -> Deadline:
    if service_level:
        code = "service_level"
        source = f"本机关服务承诺（公开时限「{rule.text}」）the bureau's service level"
        summary = f"{days}个工作日内 / within {days} working days ({rule.describe()})"
        event = "信息形成或变更之日 the information was formed or changed"
    else:
        code, source = _source(rule)
        summary = rule.describe()
        assert isinstance(rule, WorkdaysAfterEvent)
        event = _event_label(rule.event)
    _, counted = count_workdays(calendar, formed, days)  # the explanation (raises past 9999)
    due = rule.due_date(formed, calendar, days if service_level else None)
    assert due is not None  # an assessable rule gives a date
    steps = [_start_step(formed, event), *counted, *notes]
    if isinstance(rule, WorkdaysAfterEvent) and rule.updates_promptly:
        steps.append(
            Step(
                kind=StepKind.NOTE, text="如有更新，及时公开 / later updates are published promptly"
            )
        )
    return finish_deadline(
        DeadlineKind.PROACTIVE,
        calendar,
        start=formed,
        due=due,
        rule=LegalRule(code=code, source=source, summary=summary),
        start_event=event,
        steps=steps,
    )


def _calendar_days(
    formed: dt.date,
    due: dt.date,
    rule: CalendarDaysAfterEvent,
    calendar: WorkCalendar,
    notes: list[Step],
) -> Deadline:
    event = _event_label(rule.event)
    last = formed + dt.timedelta(days=rule.days)  # no later than ``due``, which exists
    steps = [
        _start_step(formed, event),
        Step(
            kind=StepKind.CALENDAR_DAYS,
            first=formed + dt.timedelta(days=1),
            last=last,
            days=rule.days,
            text=f"+{rule.days}个自然日（含周末和节假日）→ {day_label(last)} / +{rule.days} "
            f"calendar days, weekends and holidays included",
        ),
    ]
    if due != last:
        steps.append(
            Step(
                kind=StepKind.MOVED,
                first=last,
                last=due,
                days=(due - last).days,
                text=(
                    f"期间最后一日 {last} 是休息日，顺延至休息日结束的次日 {day_label(due)}"
                    f" / the last day is a rest day: the period ends on the day after the "
                    f"rest days "
                    f"(《民法典》第二百零三条)"
                ),
            )
        )
    steps.extend(notes)
    code, source = _source(rule)
    return finish_deadline(
        DeadlineKind.PROACTIVE,
        calendar,
        start=formed,
        due=due,
        rule=LegalRule(code=code, source=source, summary=rule.describe()),
        start_event=event,
        steps=steps,
    )


def _fixed(formed: dt.date, due: dt.date, rule: TimeLimitRule, steps: list[Step]) -> Deadline:
    code, source = _source(rule)
    return Deadline(
        kind=DeadlineKind.PROACTIVE,
        due=due,
        rule=LegalRule(code=code, source=source, summary=rule.describe()),
        start=formed,
        start_event="信息形成或变更 the information was formed or changed",
        explanation=steps,
    )
