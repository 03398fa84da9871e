"""Hour limits for public-opinion issues (政务舆情): 48 h, and 5 h / 24 h for major emergencies."""

from __future__ import annotations

import datetime as dt

from .._dates import CHINA_TZ, check_bool, check_datetime, to_zone
from .._errors import InputError
from ._deadline import Deadline, DeadlineKind, LegalRule, Step, StepKind

#: 390号 四(三)3, 国办发〔2016〕61号: respond within 48 hours.
RESPONSE_HOURS = 48
#: 国办发〔2016〕80号: release authoritative information on a major emergency within 5 hours.
AUTHORITATIVE_RELEASE_HOURS = 5
#: 国办发〔2016〕61号 (quoted in 2018年县级工作方案第13项): press conference on a major emergency
#: within 24 hours.
PRESS_CONFERENCE_HOURS = 24

_RULES = {
    DeadlineKind.PUBLIC_OPINION_RESPONSE: (
        RESPONSE_HOURS,
        LegalRule(
            code="opinion_48h",
            source="应急厅函〔2019〕390号 四(三)3；国办发〔2016〕61号",
            summary="对政务舆情原则上应在48小时内予以回应 / respond to a public-opinion issue "
            "within 48 hours",
        ),
    ),
    DeadlineKind.AUTHORITATIVE_RELEASE: (
        AUTHORITATIVE_RELEASE_HOURS,
        LegalRule(
            code="major_emergency_5h",
            source="国办发〔2016〕80号（引自 2018年县级工作方案第13项）",
            summary="特别重大、重大突发事件最迟5小时内发布权威信息 / release authoritative "
            "information on a particularly major or major emergency within 5 hours",
        ),
    ),
    DeadlineKind.PRESS_CONFERENCE: (
        PRESS_CONFERENCE_HOURS,
        LegalRule(
            code="major_emergency_24h",
            source="国办发〔2016〕61号（引自 2018年县级工作方案第13项）",
            summary="特别重大、重大突发事件24小时内举行新闻发布会 / hold a press conference on "
            "a particularly major or major emergency within 24 hours",
        ),
    ),
}


def to_china_time(moment: dt.datetime, path: str = "moment") -> tuple[dt.datetime, bool]:
    """``moment`` in China Standard Time, and whether it was naive (then taken as CST).

    >>> to_china_time(dt.datetime(2024, 10, 1, 12, 0))
    (datetime.datetime(2024, 10, 1, 12, 0, tzinfo=zoneinfo.ZoneInfo(key='Asia/Shanghai')), True)

    Anything but a :class:`~datetime.datetime`, or a moment whose China time is outside the
    years 1–9999, is an :class:`~govdisclose._errors.InputError` (at ``path``).
    """
    check_datetime(moment, path)
    if moment.utcoffset() is None:
        return moment.replace(tzinfo=CHINA_TZ), True
    return to_zone(moment, CHINA_TZ, path=path), False


def opinion_response_deadline(
    detected: dt.datetime, *, major: bool = False
) -> tuple[Deadline, ...]:
    """The hour limits that run from the moment a public-opinion issue was detected.

    Returns the 48-hour response (always first) and, when ``major`` (a particularly major or
    major emergency, 特别重大、重大突发事件), the 5-hour release of authoritative information
    and the 24-hour press conference.  Hours run on the clock, nights, weekends and holidays
    included (《民法典》第二百零一条第二款: a period in hours starts at the moment given).

    ``detected`` must be a :class:`~datetime.datetime` — a date, text (even ISO 8601) or
    anything else raises :class:`~govdisclose._errors.InputError`, as the other calculators do;
    parse text first with :meth:`datetime.datetime.fromisoformat`.  It should be
    timezone-aware; a **naive** date-time is taken as China Standard Time (Asia/Shanghai,
    UTC+8) and the explanation says so.  Due times are returned in China Standard Time.  A due
    time after 9999-12-31 is an InputError.

    >>> import datetime as dt
    >>> [d.due.isoformat() for d in opinion_response_deadline(
    ...     dt.datetime(2024, 9, 30, 22, 30), major=True)]
    ['2024-10-02T22:30:00+08:00', '2024-10-01T03:30:00+08:00', '2024-10-01T22:30:00+08:00']
    >>> opinion_response_deadline("2024-09-30T22:30")
    Traceback (most recent call last):
    ...
    govdisclose.InputError: detected: expected a datetime.datetime, got ...
    """
    start, naive = to_china_time(detected, "detected")
    check_bool(major, "major")
    if naive:
        how = (
            f"{start.isoformat()}: 未注明时区，按北京时间理解 / no time zone given: taken as "
            f"China Standard Time (Asia/Shanghai, UTC+8)"
        )
    elif detected.utcoffset() != start.utcoffset():
        how = (
            f"{detected.isoformat()} = {start.isoformat()} 北京时间 / converted to China "
            f"Standard Time"
        )
    else:
        how = f"{start.isoformat()}: 北京时间 / China Standard Time"
    kinds = [DeadlineKind.PUBLIC_OPINION_RESPONSE]
    if major:
        kinds += [DeadlineKind.AUTHORITATIVE_RELEASE, DeadlineKind.PRESS_CONFERENCE]
    results = []
    for kind in kinds:
        hours, rule = _RULES[kind]
        # Aware arithmetic in UTC, shown in CST: exact elapsed hours whatever the zone rules.
        try:
            utc = start.astimezone(dt.timezone.utc)
            due = (utc + dt.timedelta(hours=hours)).astimezone(CHINA_TZ)
        except (OverflowError, ValueError):
            raise InputError(
                f"{start.isoformat()} + {hours} hours is outside the dates there are "
                f"(0001-01-01 – 9999-12-31) (时间超出可计算范围)",
                path="detected",
            ) from None
        steps = (
            Step(kind=StepKind.START, first=start, last=start, text=how),
            Step(
                kind=StepKind.CLOCK,
                first=start,
                last=due,
                text=(
                    f"+{hours} 小时，按自然时间连续计算，含夜间、周末和节假日 / +{hours} hours on "
                    f"the clock, nights, weekends and holidays included → {due.isoformat()}"
                ),
            ),
        )
        results.append(
            Deadline(
                kind=kind,
                due=due,
                rule=rule,
                start=start,
                start_event="发现政务舆情 the public-opinion issue was detected",
                explanation=steps,
            )
        )
    return tuple(results)
