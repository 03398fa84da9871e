"""Working-day counting that records why each day counts or not (internal to ``deadlines``).

:func:`count_workdays` walks day by day from the day after the start (《民法典》第二百零一条:
the start day is not counted), classifies each day with the calendar — working day, make-up
working day (调休上班), weekend, holiday, consultation pause — and groups runs of the same
sort into :class:`~govdisclose.deadlines._deadline.Step` objects.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence

import attrs

from .._dates import check_date, shift_date
from .._errors import InputError, short_repr
from ..calendar._festivals import Festival
from ..calendar._workcalendar import DayKind, WorkCalendar
from ._deadline import Step, StepKind

_COUNTING = (StepKind.COUNTED, StepKind.MAKEUP_COUNTED)

#: A consultation: (the day it was sent, the day the answer arrived or the deadline passed).
Pause = tuple[dt.date, dt.date]


def check_pauses(pauses: object) -> tuple[Pause, ...]:
    """``pauses`` as a tuple of ``(sent, answered)`` date pairs, checked; read only once.

    A string, a mapping or anything that is not a list of pairs is an InputError naming the
    entry; so is a pause answered before it was sent.
    """
    if isinstance(pauses, (str, bytes, Mapping)) or not isinstance(pauses, Iterable):
        raise InputError(
            f"expected a list of (sent, answered) date pairs, got {short_repr(pauses)} "
            f"(征求意见期间应为(发出日期, 答复日期)列表)",
            path="pauses",
        )
    out: list[Pause] = []
    for index, pair in enumerate(pauses):
        where = f"pauses[{index}]"
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise InputError(
                f"expected a (sent, answered) pair of dates, got {short_repr(pair)} "
                f"(应为(发出日期, 答复日期))",
                path=where,
            )
        sent = check_date(pair[0], f"{where}[0]")
        answered = check_date(pair[1], f"{where}[1]")
        if answered < sent:
            raise InputError(
                f"consultation answered {answered} before it was sent {sent} "
                f"(征求意见答复日期早于发出日期)",
                path=where,
            )
        out.append((sent, answered))
    return tuple(out)


@attrs.frozen
class Paused:
    """The days excluded by consultations, as sorted, merged, inclusive ``(first, last)`` runs.

    ``day in paused`` says whether a day is excluded; a pause of years costs no more than one
    of days.
    """

    runs: tuple[tuple[dt.date, dt.date], ...] = ()

    def __contains__(self, day: dt.date) -> bool:
        if not self.runs:
            return False
        index = bisect.bisect_right(self.runs, (day, dt.date.max)) - 1
        return index >= 0 and self.runs[index][0] <= day <= self.runs[index][1]


def paused_days(pauses: Iterable[Pause]) -> Paused:
    """Every day excluded by the (checked) pauses: from the day after sending through the
    answer day.  Overlapping or repeated pauses are merged (a day is excluded once); one
    answered the day it was sent excludes nothing."""
    spans = sorted((shift_date(sent, 1), answered) for sent, answered in pauses if answered > sent)
    runs: list[tuple[dt.date, dt.date]] = []
    for first, last in spans:
        if runs and first.toordinal() <= runs[-1][1].toordinal() + 1:
            runs[-1] = (runs[-1][0], max(last, runs[-1][1]))
        else:
            runs.append((first, last))
    return Paused(tuple(runs))


def _classify(
    calendar: WorkCalendar, day: dt.date, paused: Paused
) -> tuple[StepKind, Festival | None, bool]:
    info = calendar.day_info(day)
    estimate = info.provisional
    if info.kind.workday:
        if day in paused:
            return StepKind.PAUSED, None, estimate
        if info.kind is DayKind.MAKEUP_WORKDAY:
            return StepKind.MAKEUP_COUNTED, info.for_holiday, estimate
        return StepKind.COUNTED, None, estimate
    if info.holiday is None and info.kind is DayKind.WEEKEND:
        return StepKind.WEEKEND, None, estimate
    return StepKind.HOLIDAY, info.holiday, estimate


def festival_names(festival: Festival | None) -> tuple[str, str]:
    """The Chinese label and an English name of a festival (``national day``)."""
    if festival is None:
        return "节假日", "holiday"
    return festival.label, festival.code.replace("_", " ")


def _range(first: dt.date, last: dt.date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"


def _numbering(first: int, last: int) -> tuple[str, str]:
    """The ordinals of counted working days, in Chinese and English."""
    if first == last:
        return f"第{first}个", f"#{first}"
    return f"第{first}–{last}个", f"#{first}–#{last}"


def _text(
    kind: StepKind,
    first: dt.date,
    last: dt.date,
    days: int,
    counted: int,
    holiday: Festival | None,
    estimate: bool,
    pause_source: str,
) -> str:
    span = _range(first, last)
    mark = "（暂估 estimated）" if estimate else ""
    number_zh, number_en = _numbering(counted - days + 1, counted)
    if kind is StepKind.COUNTED:
        return (
            f"{span}: 计入{days}个工作日（{number_zh}） / {days} working day{'s' * (days > 1)} "
            f"counted ({number_en}){mark}"
        )
    zh, en = festival_names(holiday)
    if kind is StepKind.MAKEUP_COUNTED:
        name = f"（{zh}）" if holiday else ""
        return (
            f"{span}: 周末调休上班日{name}，计入（{number_zh}） / weekend make-up working day"
            f"{f' ({en})' if holiday else ''}, counted ({number_en}){mark}"
        )
    if kind is StepKind.WEEKEND:
        return f"{span}: 周末休息日，不计 / weekend, not counted{mark}"
    if kind is StepKind.HOLIDAY:
        return f"{span}: {zh}放假，不计 / {en} days off, not counted{mark}"
    return (
        f"{span}: {days}个工作日处于征求意见期间，不计入（{pause_source}）"
        f" / {days} working day{'s' * (days > 1)} of consultation, not counted{mark}"
    )


def count_workdays(
    calendar: WorkCalendar,
    start: dt.date,
    days: int,
    *,
    paused: Paused = Paused(),
    counted_before: int = 0,
    pause_source: str = "",
) -> tuple[dt.date, list[Step]]:
    """The ``days``-th counted working day strictly after ``start``, and the steps to it.

    Working days in ``paused`` are skipped (not counted).  ``counted_before`` continues the
    numbering of an earlier count (for an extension).  ``days`` is positive (the callers
    check it).  The walk stops with :class:`~govdisclose._errors.UnknownYearError` at the
    first year the calendar does not cover, and with an InputError past 9999-12-31.
    """
    walked: list[tuple[dt.date, tuple[StepKind, Festival | None, bool]]] = []
    counted = 0
    day = start
    while counted < days:
        if day == dt.date.max:
            raise InputError(
                f"{days} working days counted from {start.isoformat()} run past "
                f"{dt.date.max.isoformat()}, the last date there is (期限超出可计算范围)"
            )
        day = shift_date(day, 1)
        sort = _classify(calendar, day, paused)
        walked.append((day, sort))
        if sort[0] in _COUNTING:
            counted += 1
    steps: list[Step] = []
    counted = counted_before
    for (kind, holiday, estimate), group in itertools.groupby(walked, key=lambda x: x[1]):
        run = [d for d, _ in group]
        n = len(run)
        if kind in _COUNTING:
            counted += n
        steps.append(
            Step(
                kind=kind,
                text=_text(kind, run[0], run[-1], n, counted, holiday, estimate, pause_source),
                first=run[0],
                last=run[-1],
                days=n,
                counted=counted if kind in _COUNTING else None,
                holiday=holiday.code if holiday else None,
                estimated=estimate,
            )
        )
    return day, steps


def pause_notes(pauses: Sequence[Pause], start: dt.date, due: dt.date) -> list[Step]:
    """Remarks for pauses that had no effect: entirely before the start or after the due day."""
    notes: list[Step] = []
    for sent, answered in pauses:
        if answered <= start:
            zh, en = "在起算日之前", "ends before the period starts"
        elif sent >= due:
            zh, en = "在期限届满之后", "starts on or after the due day"
        else:
            continue
        text = (
            f"征求意见 {sent} – {answered} {zh}，不影响期限 / consultation {sent} – {answered} "
            f"{en}; no effect"
        )
        notes.append(Step(kind=StepKind.NOTE, first=sent, last=answered, text=text))
    return notes
