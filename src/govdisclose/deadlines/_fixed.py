"""Fixed-date and lead-time deadlines: the annual report, meeting invitations, period ends."""

from __future__ import annotations

import datetime as dt

from .._dates import check_bool, check_date, is_int, shift_date
from .._errors import InputError, short_repr
from ._deadline import OGI, Deadline, DeadlineKind, LegalRule, Step, StepKind, day_label


def fixed_date_step(due: dt.date) -> Step:
    """The remark that a fixed date does not move for weekends or holidays (DOMAIN §6)."""
    return Step(
        kind=StepKind.FIXED_DATE,
        first=due,
        last=due,
        text=(
            f"{day_label(due)}: 固定日期，遇周末或节假日不顺延（未见官方规定顺延，按固定日期处理）"
            f" / a fixed date: not moved for weekends or holidays (no official text moves it, "
            f"so it is treated as fixed)"
        ),
    )


def annual_report_deadline(year: int, *, authority: bool = False) -> Deadline:
    """The deadline for last year's annual report (年度报告), 条例 第四十九条.

    Government departments publish the report on ``year - 1`` by 31 January of ``year``; the
    governments' disclosure authorities (``authority=True``) by 31 March.  The date is fixed.

    >>> annual_report_deadline(2025).due, annual_report_deadline(2025, authority=True).due
    (datetime.date(2025, 1, 31), datetime.date(2025, 3, 31))
    """
    if not is_int(year) or not 1 <= year <= 9999:
        raise InputError(f"not a year 1–9999: {short_repr(year)} (年份无效)", path="year")
    check_bool(authority, "authority")
    due = dt.date(year, 3, 31) if authority else dt.date(year, 1, 31)
    if authority:
        summary = (
            "政府信息公开工作主管部门每年3月31日前公布本行政区域上一年度年度报告 / the "
            "governments' disclosure authorities publish last year's report by 31 March"
        )
    else:
        summary = (
            "县级以上人民政府部门每年1月31日前公布本机关上一年度年度报告 / government "
            "departments publish last year's report by 31 January"
        )
    return Deadline(
        kind=DeadlineKind.ANNUAL_REPORT,
        due=due,
        rule=LegalRule(
            code="ogi_art49_authority" if authority else "ogi_art49",
            source=f"{OGI}第四十九条",
            summary=summary,
        ),
        start=None,
        start_event=f"{year - 1}年度 the year {year - 1}",
        explanation=(fixed_date_step(due),),
    )


def meeting_invitation_deadline(meeting: dt.date, days: int = 7) -> Deadline:
    """The latest day to send invitations to a meeting: ``days`` calendar days before it.

    提前一周发通知邀请 (the 390 catalogues): at least one week, 7 calendar days, ahead.  The day
    is counted back on the calendar and not moved for weekends or holidays (moving it later
    would shorten the notice), so a holiday may call for sending earlier.  A lead time that
    reaches before 0001-01-01 is an :class:`~govdisclose._errors.InputError`.

    >>> meeting_invitation_deadline(dt.date(2024, 10, 8)).due
    datetime.date(2024, 10, 1)
    """
    if not is_int(days) or days < 1:
        raise InputError(
            f"lead time must be a positive number of days, got {short_repr(days)} "
            f"(提前天数须为正整数)",
            path="days",
        )
    check_date(meeting, "meeting")
    due = shift_date(meeting, -days)
    steps = (
        Step(
            kind=StepKind.START,
            first=meeting,
            last=meeting,
            text=f"{day_label(meeting)}: 会议日期 / the meeting",
        ),
        Step(
            kind=StepKind.CALENDAR_DAYS,
            first=due,
            last=meeting,
            days=days,
            text=(
                f"提前{days}个自然日（含周末和节假日）→ {day_label(due)}，最迟当日发出邀请；"
                f"遇节假日不顺延 / {days} calendar days before, weekends and holidays included: "
                f"send invitations on or before this day; not moved for holidays"
            ),
        ),
    )
    return Deadline(
        kind=DeadlineKind.MEETING_INVITATION,
        due=due,
        rule=LegalRule(
            code="lead_time_invitation",
            source="应急厅函〔2019〕390号 标准目录「提前一周发通知邀请」",
            summary=f"会议前至少{days}日发通知邀请 / invite at least {days} calendar days ahead",
        ),
        start=meeting,
        start_event="会议日期（倒数）the meeting date (counted back)",
        explanation=steps,
    )
