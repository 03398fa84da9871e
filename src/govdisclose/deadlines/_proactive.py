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

from .._dates import check_date
from .._errors import InputError, short_repr
from .._model import TimeLimit, check_service_level
from ..calendar._workcalendar import WorkCalendar, check_calendar
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
from ._deadline import (
    NOT_ASSESSABLE_REASONS,
    OGI,
    Deadline,
    DeadlineKind,
    LegalRule,
    Step,
    StepKind,
    day_label,
    finish_deadline,
    start_step,
)
from ._fixed import fixed_date_step

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
_FORMED = "信息形成或变更 the information was formed or changed"


def _event_label(rule: TimeLimitRule) -> str:
    english, chinese = EVENTS[getattr(rule, "event", "unspecified")]
    if not english:
        return "该事项的起算事件 the item's event"
    return f"{chinese.removesuffix('起')} {english}"


def _legal_rule(rule: TimeLimitRule) -> LegalRule:
    code, source = f"time_limit_{rule.kind}", f"公开时限「{rule.text}」 the catalogue's time limit"
    if isinstance(rule, WorkdaysAfterEvent) and rule.days == 20:
        if rule.event in ("formation_or_change", "formation"):
            code = "ogi_art26"
            source = f"{OGI}第二十六条"
        elif rule.event == "issuance":
            return _PUBLICATION_LEGAL_RULE
    return LegalRule(code=code, source=source, summary=rule.describe())


def _note(text: str) -> Step:
    return Step(kind=StepKind.NOTE, text=text)


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
    cal = check_calendar(calendar, where="calendar")
    own = None
    if isinstance(rule, TimeLimit):
        own = rule.service_level_workdays  # checked by TimeLimit
        parsed: TimeLimitRule = rule.rule
    elif isinstance(rule, str):
        parsed = parse_time_limit(rule)
        if isinstance(parsed, Unrecognised):
            zh, en = parsed.why()
            raise InputError(
                f"unrecognised time limit {short_repr(rule)}: {en}; no deadline can be computed; "
                f"write it as a catalogue does, e.g. 信息形成或变更之日起20个工作日内 "
                f"(未能识别的公开时限：{zh})",
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
            _note(
                f"使用参数给出的服务承诺{given}个工作日，而非事项记录的{own}个 / the service "
                f"level given ({given} working days) replaces the item's ({own})"
            )
        )
    reason = parsed.not_assessable(level)
    if reason is not None:
        zh, en = NOT_ASSESSABLE_REASONS[reason]
        text = f"公开时限「{parsed.text}」：{zh} / time limit {short_repr(parsed.text)}: {en}"
        if reason == "event_date_needed":
            text += " (meeting_invitation_deadline)"
        return Deadline(
            kind=DeadlineKind.PROACTIVE,
            assessable=False,
            reason=text,
            reason_code=reason,
            rule=_legal_rule(parsed),
            start=formed,
            start_event=_FORMED,
            explanation=(_note(text),),
        )
    legal = _legal_rule(parsed)
    event = _event_label(parsed)
    if isinstance(parsed, _OPEN):
        assert level is not None
        legal = LegalRule(
            code="service_level",
            source=f"本机关服务承诺（公开时限「{parsed.text}」）the bureau's service level",
            summary=f"{level}个工作日内 / within {level} working days ({parsed.describe()})",
        )
        event = "信息形成或变更之日 the information was formed or changed"
    elif level is not None:
        notes.append(
            _note(
                f"时限「{parsed.text}」自有期限，服务承诺{level}个工作日未采用 / the time "
                f"limit sets its own period: the service level of {level} working days "
                f"was not used"
            )
        )
        level = None
    steps = [start_step(formed, event)]
    if isinstance(parsed, (*_OPEN, WorkdaysAfterEvent)):
        days = parsed.days if isinstance(parsed, WorkdaysAfterEvent) else level
        assert days is not None
        steps += count_workdays(cal, formed, days)[1]  # the explanation (raises past 9999)
    due = parsed.due_date(formed, cal, level)
    assert due is not None  # an assessable rule gives a date
    if isinstance(parsed, CalendarDaysAfterEvent):
        steps += _calendar_days(formed, due, parsed.days)
    elif isinstance(parsed, AnnualFixedDate):
        steps = [fixed_date_step(due)]
    elif isinstance(parsed, PeriodicUpdate):  # fixed dates are not moved: no calendar marks
        english, chinese, _ = PERIODS[parsed.period]
        steps = [
            Step(
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
        ]
    if isinstance(parsed, AnnualFixedDate | PeriodicUpdate):
        return Deadline(
            kind=DeadlineKind.PROACTIVE,
            due=due,
            rule=legal,
            start=formed,
            start_event=_FORMED,
            explanation=[*steps, *notes],
        )
    steps += notes
    if isinstance(parsed, WorkdaysAfterEvent) and parsed.updates_promptly:
        steps.append(_note("如有更新，及时公开 / later updates are published promptly"))
    return finish_deadline(
        DeadlineKind.PROACTIVE,
        cal,
        start=formed,
        due=due,
        rule=legal,
        start_event=event,
        steps=steps,
    )


def document_publication_deadline(
    issued: dt.date, *, calendar: WorkCalendar | None = None
) -> Deadline:
    """390号 四(一)5: a document marked 「此件公开发布」 is published within 20 working days.

    The 20th working day strictly after ``issued`` (the day of issuance is not counted), on
    ``calendar`` (default: :func:`~govdisclose.calendar.default_calendar`); a year without
    an official arrangement raises :class:`~govdisclose._errors.UnknownYearError` unless the
    calendar is provisional, and then the deadline is marked provisional.
    """
    return proactive_deadline(check_date(issued, "issued"), PUBLICATION_RULE, calendar=calendar)


def _calendar_days(formed: dt.date, due: dt.date, days: int) -> list[Step]:
    last = formed + dt.timedelta(days=days)  # no later than ``due``, which exists
    steps = [
        Step(
            kind=StepKind.CALENDAR_DAYS,
            first=formed + dt.timedelta(days=1),
            last=last,
            days=days,
            text=f"+{days}个自然日（含周末和节假日）→ {day_label(last)} / +{days} "
            f"calendar days, weekends and holidays included",
        )
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
                    f"rest days (《民法典》第二百零三条)"
                ),
            )
        )
    return steps
