"""Deadlines for requests for disclosure (依申请公开), 《政府信息公开条例》第三十条至第三十四条."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from .._dates import check_date, is_int
from .._errors import InputError, short_repr
from .._vocabulary import Term
from ..calendar._workcalendar import WorkCalendar, check_calendar
from ._counting import check_pauses, count_workdays, pause_notes, paused_days
from ._deadline import (
    OGI,
    Deadline,
    DeadlineKind,
    LegalRule,
    Step,
    StepKind,
    finish_deadline,
    start_step,
)

#: 第三十三条: the ordinary reply period.
REPLY_WORKDAYS = 20
#: 第三十三条第二款: the longest extension.
MAX_EXTENSION_WORKDAYS = 20
#: 第三十条: the period for telling the applicant what to supplement.
SUPPLEMENT_NOTICE_WORKDAYS = 7
#: 第三十二条 / 第三十四条: the period for a consulted third party or agency.
OPINION_WORKDAYS = 15

_PAUSE_SOURCE = "第三十三条第三款 time consulting others is not counted"


class RequestChannel(Term):
    """How a request for disclosure reached the agency (第三十一条).

    The variants include the spellings of real statistics forms (定西市政府信息公开情况统计报表:
    当面申请, 传真申请, 电子邮件申请, 网上申请).
    """

    __concept__ = "申请提交方式"

    IN_PERSON = ("in_person", "当面提交", "当面", "现场提交", "当面申请", "现场申请")
    POST = ("post", "邮寄", "邮寄方式", "挂号信", "快递", "邮寄申请")
    ORDINARY_LETTER = ("ordinary_letter", "平常信函", "平信", "无需签收的平常信函")
    ONLINE = (
        "online",
        "互联网渠道",
        "网络",
        "网上申请",
        "在线",
        "网络申请",
        "电子邮件",
        "电子邮件申请",
        "邮箱",
    )
    FAX = ("fax", "传真", "传真申请")


class ReceiptEvent(Term):
    """What happened on a day that may be a request's receipt date (第三十一条)."""

    __concept__ = "收到申请事件"

    #: The applicant handed the request in.
    SUBMITTED = ("submitted", "提交之日", "提交")
    #: The agency signed for a posted request.
    SIGNED_FOR = ("signed_for", "签收之日", "签收")
    #: The agency confirmed with the applicant (ordinary letter), or both sides confirmed
    #: (online, fax).
    CONFIRMED = ("confirmed", "确认之日", "确认", "双方确认")


#: 第三十一条: the event whose day is the receipt date, by channel, and what it means.
RECEIPT_RULE: dict[RequestChannel, tuple[ReceiptEvent, str]] = {
    RequestChannel.IN_PERSON: (ReceiptEvent.SUBMITTED, "申请人提交之日 the day it is submitted"),
    RequestChannel.POST: (ReceiptEvent.SIGNED_FOR, "行政机关签收之日 the day the agency signs"),
    RequestChannel.ORDINARY_LETTER: (
        ReceiptEvent.CONFIRMED,
        "行政机关于申请人确认之日 the day the agency confirms with the applicant",
    ),
    RequestChannel.ONLINE: (ReceiptEvent.CONFIRMED, "双方确认之日 the day both sides confirm"),
    RequestChannel.FAX: (ReceiptEvent.CONFIRMED, "双方确认之日 the day both sides confirm"),
}


def receipt_date(
    channel: RequestChannel | str, events: Mapping[ReceiptEvent | str, dt.date]
) -> dt.date:
    """The day a request counts as received, 第三十一条.

    ``events`` maps what happened (:class:`ReceiptEvent`, code or label) to its day; the
    channel decides which event is the receipt: in person — submitted; by post — signed for;
    ordinary letter without signature — confirmed with the applicant; online or fax — both
    sides confirmed.

    >>> import datetime as dt
    >>> events = {"signed_for": dt.date(2024, 9, 27), "submitted": dt.date(2024, 9, 24)}
    >>> receipt_date("邮寄", events)
    datetime.date(2024, 9, 27)
    >>> receipt_date("online", {"submitted": dt.date(2024, 9, 24)})
    Traceback (most recent call last):
    ...
    govdisclose.InputError: events: a request received online counts as received on ...
    """
    how = RequestChannel.parse(channel, path="channel")
    if not isinstance(events, Mapping):
        raise InputError(
            f"expected a mapping of events to dates, got {short_repr(events)} "
            f"(应为事件与日期的对应表)",
            path="events",
        )
    by_event: dict[ReceiptEvent, dt.date] = {}
    for index, (key, day) in enumerate(events.items()):
        where = f"events.{key}" if isinstance(key, str) and len(key) <= 40 else f"events[{index}]"
        event = ReceiptEvent.parse(key, path=where)
        by_event[event] = check_date(day, where)
    needed, meaning = RECEIPT_RULE[how]
    if needed not in by_event:
        raise InputError(
            f"a request received {how.code.replace('_', ' ')} counts as received on {meaning}; "
            f"give the {needed.code!r} date ({how.label}的申请以{needed.label}为收到申请之日，"
            f"第三十一条)",
            path="events",
        )
    return by_event[needed]


def check_extension(value: object, path: str = "extended") -> int:
    """An approved extension in working days (第三十三条第二款): 0 (none) to 20."""
    if not is_int(value) or not 0 <= value <= MAX_EXTENSION_WORKDAYS:
        raise InputError(
            f"an extension is 1 to {MAX_EXTENSION_WORKDAYS} working days (0 for none), got "
            f"{short_repr(value)} (延长答复期限为1至{MAX_EXTENSION_WORKDAYS}个工作日，"
            f"0为不延长，第三十三条第二款)",
            path=path,
        )
    return value


def request_reply_deadline(
    received: dt.date,
    *,
    extended: bool | int = False,
    supplemented: dt.date | None = None,
    pauses: Sequence[tuple[dt.date, dt.date]] = (),
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """The reply deadline for a request, 第三十三条: 20 working days after receipt.

    ``received`` is the receipt date (see :func:`receipt_date`).  When the agency asked for a
    supplement (第三十条), ``supplemented`` is the day the supplemented request was received
    and the period runs from it instead.  ``extended`` adds an approved extension: ``True`` is
    the maximum of 20 working days, an int 1–20 that many (``False`` or 0: none; text such
    as ``"10"`` is refused).  ``pauses`` are consultations of a third party or another agency
    as ``(sent, answered)`` pairs — ``answered`` is the day the answer arrived, or the day the
    consulted party's own deadline passed: the working days from the day after ``sent`` through
    ``answered`` do not count (overlapping pauses count once).  Wrong types raise
    :class:`~govdisclose._errors.InputError` naming the argument.
    """
    check_date(received, "received")
    if isinstance(extended, bool):
        extra = MAX_EXTENSION_WORKDAYS if extended else 0
    else:
        extra = check_extension(extended)
    pauses = check_pauses(pauses)
    excluded = paused_days(pauses)
    cal = check_calendar(calendar, where="calendar")
    steps: list[Step] = []
    start = received
    event = "收到申请之日 the request was received (第三十一条)"
    if supplemented is not None:
        if check_date(supplemented, "supplemented") < received:
            raise InputError(
                f"supplemented request {supplemented} is earlier than the original request "
                f"{received} (补正日期早于收到申请日期)",
                path="supplemented",
            )
        start = supplemented
        event = "收到补正后的申请之日 the supplemented request was received (第三十条)"
        steps.append(
            Step(
                kind=StepKind.NOTE,
                first=received,
                last=supplemented,
                text=(
                    f"申请于 {received} 收到，需补正；答复期限自 {supplemented} 收到补正申请之日"
                    f"重新起算 / request of {received} was incomplete: the period runs from "
                    f"receipt of the supplemented request on {supplemented} (第三十条)"
                ),
            )
        )
    steps.append(start_step(start, event))
    due, counted_steps = count_workdays(
        cal, start, REPLY_WORKDAYS, paused=excluded, pause_source=_PAUSE_SOURCE
    )
    steps.extend(counted_steps)
    summary = f"收到申请之日起{REPLY_WORKDAYS}个工作日内答复 / reply within 20 working days"
    code = "ogi_art33"
    if extra:
        steps += [
            Step(
                kind=StepKind.ORDINARY_END,
                first=due,
                last=due,
                text=f"{due}: 原答复期限届满 / end of the ordinary {REPLY_WORKDAYS} working days",
            ),
            Step(
                kind=StepKind.EXTENSION,
                days=extra,
                text=(
                    f"经批准延长{extra}个工作日 / extended by {extra} working days "
                    f"(第三十三条第二款：须经政府信息公开工作机构负责人同意并告知申请人"
                    f" / needs the approval of the head of the disclosure office and notice "
                    f"to the applicant)"
                ),
            ),
        ]
        due, more = count_workdays(
            cal,
            due,
            extra,
            paused=excluded,
            counted_before=REPLY_WORKDAYS,
            pause_source=_PAUSE_SOURCE,
        )
        steps.extend(more)
        summary += f"，延长{extra}个工作日 / extended by {extra} working days"
        code = "ogi_art33_extended"
    steps.extend(pause_notes(pauses, start, due))
    return finish_deadline(
        DeadlineKind.REQUEST_REPLY,
        cal,
        start=start,
        due=due,
        rule=LegalRule(code=code, source=f"{OGI}第三十三条", summary=summary),
        start_event=event,
        steps=steps,
    )


#: The periods counted from one event, 第三十条、第三十二条、第三十四条: working days, the
#: event, the rule.
_SIMPLE = {
    DeadlineKind.SUPPLEMENT_NOTICE: (
        SUPPLEMENT_NOTICE_WORKDAYS,
        "收到申请之日 the request was received",
        LegalRule(
            code="ogi_art30",
            source=f"{OGI}第三十条",
            summary="收到申请之日起7个工作日内一次性告知补正 / ask once for a supplement "
            "within 7 working days",
        ),
    ),
    DeadlineKind.THIRD_PARTY_OPINION: (
        OPINION_WORKDAYS,
        "第三方收到征求意见通知之日 the third party received the request for its opinion",
        LegalRule(
            code="ogi_art32",
            source=f"{OGI}第三十二条",
            summary="第三方自收到征求意见书之日起15个工作日内提出意见 / the third party answers "
            "within 15 working days",
        ),
    ),
    DeadlineKind.AGENCY_OPINION: (
        OPINION_WORKDAYS,
        "被征求意见机关收到征求意见之日 the consulted agency received the request",
        LegalRule(
            code="ogi_art34",
            source=f"{OGI}第三十四条",
            summary="被征求意见机关自收到征求意见书之日起15个工作日内提出意见 / the consulted "
            "agency answers within 15 working days",
        ),
    ),
}


def _simple(kind: DeadlineKind, start: dt.date, calendar: WorkCalendar | None) -> Deadline:
    days, event, rule = _SIMPLE[kind]
    check_date(start, "start")
    cal = check_calendar(calendar, where="calendar")
    due, counted = count_workdays(cal, start, days)
    steps = [start_step(start, event), *counted]
    return finish_deadline(
        kind, cal, start=start, due=due, rule=rule, start_event=event, steps=steps
    )


def supplement_notice_deadline(
    received: dt.date, *, calendar: WorkCalendar | None = None
) -> Deadline:
    """第三十条: tell the applicant, once, what to supplement within 7 working days of receipt."""
    return _simple(DeadlineKind.SUPPLEMENT_NOTICE, received, calendar)


def third_party_opinion_deadline(
    asked: dt.date, *, calendar: WorkCalendar | None = None
) -> Deadline:
    """第三十二条: a consulted third party answers within 15 working days of being asked."""
    return _simple(DeadlineKind.THIRD_PARTY_OPINION, asked, calendar)


def agency_opinion_deadline(asked: dt.date, *, calendar: WorkCalendar | None = None) -> Deadline:
    """第三十四条: an agency consulted about joint information answers within 15 working days."""
    return _simple(DeadlineKind.AGENCY_OPINION, asked, calendar)
