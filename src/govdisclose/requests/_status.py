"""What a requests ledger says as of a day: what is due, what is overdue, what was late.

:func:`ledger_status` takes a :class:`~govdisclose.requests.Ledger` and a day and gives each
request received by then a :class:`RequestStatus`:

* an **open** request has its current reply deadline (the rule of
  :func:`~govdisclose.deadlines.request_reply_deadline`: 20 working days from receipt, or
  from the supplemented request (第三十条); plus an approved extension (第三十三条第二款);
  consultation time not counted (第三十三条第三款) — an unanswered consultation counts up to
  the consulted party's 15 working days (第三十二条, 第三十四条) — and, as the library reads
  国办函〔2020〕109号, the time from a fee notice to payment), the working days left, or how
  many working days it is overdue.  A request waiting for the applicant's supplement or fee
  has no running deadline (states ``awaiting_supplement``, ``awaiting_fee``);
* an **answered** request is on time or late by N working days;
* events dated after the day are not known yet: the status is the one the office saw then.

Checks that need the calendar are findings of the status (a supplement asked for after 7
working days, an extension decided after the ordinary period, a fee that differs from
109号's bands, a deadline in a year without a holiday arrangement — never a crash).
:meth:`LedgerStatus.to_ics` writes the open deadlines as an iCalendar file (the writer of
:func:`govdisclose.deadlines._schedule.to_ics`).

>>> import datetime as dt
>>> from govdisclose.requests import Ledger, Reply, Request, ledger_status
>>> ledger = Ledger([
...     Request("2024-07", dt.date(2024, 9, 27), "自然人"),
...     Request("2024-08", dt.date(2024, 9, 2), "科研机构",
...             reply=Reply(dt.date(2024, 10, 8), "予以公开")),
... ])
>>> status = ledger_status(ledger, dt.date(2024, 10, 28))
>>> first = status.requests[0]
>>> first.state.code, first.due, first.workdays_left
('open', datetime.date(2024, 10, 30), 2)
>>> second = status.requests[1]
>>> second.due, second.on_time, second.workdays_late
(datetime.date(2024, 9, 30), False, 1)
>>> status.overdue_count, status.late_count
(0, 1)

More information:

* 《中华人民共和国政府信息公开条例》第三十条至第三十四条
* 国办函〔2020〕109号《政府信息公开信息处理费管理办法》
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from .._dates import check_date
from .._errors import InputError, UnknownYearError
from .._output import label, output
from .._vocabulary import Term
from ..calendar import WorkCalendar, check_calendar
from ..deadlines import (
    REPLY_WORKDAYS,
    Deadline,
    Step,
    StepKind,
    request_reply_deadline,
    workdays_late,
)
from ..deadlines._counting import paused_days
from ..deadlines._requests import OPINION_WORKDAYS, SUPPLEMENT_NOTICE_WORKDAYS
from ..findings import Finding, Report
from ._codes import make_finding
from ._fees import month_positions, request_fee
from ._ledger import Ledger, Request, check_ledger
from ._terms import FeeBasis

__all__ = [
    "DUE_SOON_WORKDAYS",
    "LedgerStatus",
    "RequestState",
    "RequestStatus",
    "ledger_status",
    "reply_deadline",
]

_FEE_SOURCE = "国办函〔2020〕109号"

#: An open request whose deadline is at most this many working days away counts as due soon
#: in the summary (a working week).
DUE_SOON_WORKDAYS = 5


class RequestState(Term):
    """Where a request stands on a day."""

    __concept__ = "办理状态"

    OPEN = ("open", "办理中")
    CONSULTING = ("consulting", "征求意见中")
    AWAITING_SUPPLEMENT = ("awaiting_supplement", "待补正")
    AWAITING_FEE = ("awaiting_fee", "待缴费")
    ANSWERED = ("answered", "已答复")


@output(
    derived=("state_label", "deadline"),
    values={"state_label": label("state")},
    exclude=("deadline",),
)
@attrs.frozen
class RequestStatus:
    """One request on the status day.

    ``due`` is the reply deadline's day (``None`` while none runs, or when it could not be
    computed: ``problem`` says why) and ``provisional`` whether it rests on an estimated
    holiday arrangement.  ``deadline`` is the explained deadline (every day counted), present
    only in a status built with ``explain=True``.  For an open request ``workdays_left``
    counts the working days after the status day through ``due`` and ``overdue`` says
    whether the day is past it; for an answered one ``on_time`` says whether the reply was on
    or before ``due``.  ``workdays_late`` is how many working days the reply (answered) or
    the status day (open) is after ``due`` (0 when not late).
    """

    id: str
    received: dt.date
    state: RequestState
    subject: str = ""
    deadline: Deadline | None = None
    replied: dt.date | None = None
    outcome: str | None = None
    workdays_left: int | None = None
    overdue: bool = False
    on_time: bool | None = None
    workdays_late: int | None = None
    problem: str | None = None
    due: dt.date | None = None
    provisional: bool = False

    def line(self) -> str:
        """One line for people."""
        mark = "【暂估】" if self.provisional else ""
        head = f"{self.id}  收到 {self.received}  {self.state.label}"
        late = self.workdays_late
        if self.problem is not None and self.due is None:
            return f"{head}  无法计算期限 cannot compute the deadline: {self.problem}"
        if self.problem is not None:
            verdict = f"无法计算工作日数 cannot count the working days: {self.problem}"
        elif self.state is RequestState.ANSWERED:
            head += f" {self.replied} ({self.outcome})"
            if self.on_time is None:
                return f"{head}; 答复期限未起算 no reply period ran"
            verdict = (
                "按时 on time"
                if self.on_time
                else f"逾期{late}个工作日 late by {late} working days"
            )
        elif self.due is None:
            return f"{head}; 期限暂停 no deadline running"
        elif self.overdue:
            verdict = f"已逾期{late}个工作日 OVERDUE by {late} working days"
        else:
            verdict = f"剩余{self.workdays_left}个工作日 {self.workdays_left} working days left"
        return f"{head}; 期限 due {mark}{self.due}; {verdict}"


@output(
    derived=("summary",),
    values={"summary": lambda status: status.summary()},
    exclude=("later", "explained"),
)
@attrs.frozen
class LedgerStatus:
    """The status of every request received by ``as_of``, and the findings of the checks.

    ``explained`` says whether each deadline's explanation was built
    (``ledger_status(..., explain=True)``); only then can ``to_json`` and ``to_text`` show it.
    """

    as_of: dt.date
    requests: tuple[RequestStatus, ...]
    report: Report
    later: int = 0
    explained: bool = False

    def _explaining(self, explain: bool) -> bool:
        if explain and not self.explained:
            raise InputError(
                "this status was built without explanations; use ledger_status(..., "
                "explain=True) (未生成期限说明)",
                path="explain",
            )
        return explain

    @property
    def open_count(self) -> int:
        """Requests not answered by the status day."""
        return sum(1 for s in self.requests if s.state is not RequestState.ANSWERED)

    @property
    def overdue_count(self) -> int:
        """Open requests past their deadline."""
        return sum(1 for s in self.requests if s.overdue)

    @property
    def late_count(self) -> int:
        """Answered requests answered after their deadline."""
        return sum(1 for s in self.requests if s.on_time is False)

    def summary(self) -> dict[str, int]:
        """Counts: total, open, overdue, due soon (within :data:`DUE_SOON_WORKDAYS` working
        days), answered, on time, late, per waiting state, problems."""
        states = collections.Counter(s.state for s in self.requests)
        return {
            "total": len(self.requests),
            "open": self.open_count,
            "overdue": self.overdue_count,
            "due_soon": sum(
                1
                for s in self.requests
                if s.workdays_left is not None
                and not s.overdue
                and s.workdays_left <= DUE_SOON_WORKDAYS
            ),
            # consulting, awaiting_supplement, awaiting_fee, answered
            **{state.code: states[state] for state in list(RequestState)[1:]},
            "answered_on_time": sum(1 for s in self.requests if s.on_time is True),
            "answered_late": self.late_count,
            "not_computed": sum(1 for s in self.requests if s.problem is not None),
            "received_later": self.later,
        }

    def to_json(self, *, explain: bool = False) -> dict[str, Any]:
        """JSON values: ``summary``, ``as_of``, ``requests`` and the findings ``report``,
        written by the package's converter (schema ``requests-status``); with ``explain``
        each request's explained ``deadline`` too."""
        from .._converter import unstructure

        data: dict[str, Any] = unstructure(self)
        if not self._explaining(explain):
            for item in data["requests"]:
                del item["deadline"]
        return data

    def to_text(self, *, explain: bool = False) -> str:
        """A text for people: one line per request (with ``explain`` each deadline's steps),
        the summary, then the findings."""
        lines = [f"依申请公开办理情况 requests as of {self.as_of}"]
        explain = self._explaining(explain)
        for item in self.requests:
            lines.append(item.line())
            if explain and item.deadline is not None:
                lines.extend("    " + text for text in item.deadline.describe().splitlines())
        s = self.summary()
        lines.append(
            f"合计 summary: {s['total']} 件 requests; 办理中 open {s['open']} "
            f"(逾期 overdue {s['overdue']}, {DUE_SOON_WORKDAYS}个工作日内到期 due within "
            f"{DUE_SOON_WORKDAYS} working days {s['due_soon']}); 已答复 answered {s['answered']} "
            f"(按时 on time {s['answered_on_time']}, 逾期 late {s['answered_late']})"
        )
        if self.report.findings:
            lines.append(self.report.to_text())
        return "\n".join(lines) + "\n"

    def to_ics(self, *, stamp: dt.datetime | None = None) -> str:
        """An iCalendar text with one all-day event per open request with a deadline."""
        from ..deadlines._schedule import Obligation, to_ics

        events = []
        for item in self.requests:
            if item.state is RequestState.ANSWERED or item.due is None:
                continue
            digest = hashlib.sha1(item.id.encode("utf-8")).hexdigest()[:16]
            events.append(
                Obligation(
                    code=f"request-{digest}",
                    date=item.due,
                    summary=f"依申请公开答复期限 {item.id}",
                    description=(
                        f"申请 {item.id}（{item.received} 收到）{item.subject}\n"
                        f"reply due for request {item.id} received {item.received}; "
                        f"《中华人民共和国政府信息公开条例》第三十三条"
                    ),
                    source="《中华人民共和国政府信息公开条例》第三十三条",
                    day_note="工作日 working day",
                    provisional=item.provisional,
                )
            )
        if not events:
            raise InputError(
                f"no open request has a deadline on {self.as_of} (没有需写入日历的未办结申请)"
            )
        return to_ics(events, stamp=stamp, name="依申请公开答复期限")


def _known(day: dt.date | None, as_of: dt.date) -> dt.date | None:
    return day if day is not None and day <= as_of else None


#: What a reply deadline depends on: receipt, extension days, supplement, the pauses (the fee
#: notice's among them) and the fee notice's pause.
_ReplyKey = tuple[
    dt.date,
    int,
    "dt.date | None",
    tuple[tuple[dt.date, dt.date], ...],
    "tuple[dt.date, dt.date] | None",
]


class _Engine:
    """The deadline engine's answers for one calendar, remembered: deadlines are immutable and
    the requests of a ledger share many (the same receipt day, extension and pauses).

    ``reply_due`` gives a reply deadline's day from the calendar's working-day index
    without walking the days; ``reply`` the explained deadline (for ``explain``).
    """

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        self.add_workdays = functools.cache(calendar.add_workdays)
        self.reply_due = functools.cache(self._reply_due)
        self.reply = functools.cache(self._reply)

    def _reply_due(self, key: _ReplyKey) -> tuple[dt.date, bool]:
        """The reply deadline's day and whether it is provisional, without an explanation."""
        received, extended, supplemented, pauses, _ = key
        start = received if supplemented is None else supplemented
        runs = paused_days(pauses).runs
        due = _count_past_pauses(self.calendar, start, REPLY_WORKDAYS + extended, runs)
        return due, bool(self.calendar.estimated_years(start, due))

    def _reply(self, key: _ReplyKey) -> Deadline:
        received, extended, supplemented, pauses, fee_pause = key
        found = request_reply_deadline(
            received,
            extended=extended,
            supplemented=supplemented,
            pauses=pauses,
            calendar=self.calendar,
        )
        if fee_pause is None:
            return found
        return attrs.evolve(found, explanation=(*found.explanation, _fee_note(fee_pause)))


def _count_past_pauses(
    calendar: WorkCalendar,
    start: dt.date,
    days: int,
    runs: tuple[tuple[dt.date, dt.date], ...],
) -> dt.date:
    """The ``days``-th working day after ``start`` that is not in a paused run (inclusive
    ``(first, last)`` days), found by jumps over the calendar's working-day index: count
    ahead, then again as many days as the stretch just passed had paused working days."""
    low, due = start, calendar.add_workdays(start, days)
    while True:
        skipped = 0
        for first, last in runs:
            before = max(first - _ONE_DAY, low)
            end = min(last, due)
            if end > before:
                skipped += calendar.workdays_between(before, end)
        if not skipped:
            return due
        low, due = due, calendar.add_workdays(due, skipped)


_ONE_DAY = dt.timedelta(days=1)


def _fee_note(fee_pause: tuple[dt.date, dt.date]) -> Step:
    return Step(
        kind=StepKind.NOTE,
        first=fee_pause[0],
        last=fee_pause[1],
        text=(
            f"收费通知 {fee_pause[0]} – {fee_pause[1]}：自发出收费通知至缴费（或逾期）"
            f"的期间不计入答复期限（按本库对{_FEE_SOURCE}的理解）/ fee notice "
            f"{fee_pause[0]} – {fee_pause[1]}: the time from the notice to payment (or "
            f"lapse) is not counted, as this library reads {_FEE_SOURCE}"
        ),
    )


def reply_deadline(
    request: Request, *, calendar: WorkCalendar, as_of: dt.date | None = None
) -> Deadline | None:
    """The reply deadline of ``request`` with what was known by ``as_of`` (default: all).

    ``None`` while no reply period runs: a supplement was asked for and has not arrived, or a
    fee notice is neither paid nor lapsed.  Raises
    :class:`~govdisclose._errors.UnknownYearError` for a year the calendar does not cover.
    """
    engine = _Engine(calendar)
    key = _reply_key(request, engine, as_of)
    return None if key is None else engine.reply(key)


def _reply_key(request: Request, engine: _Engine, as_of: dt.date | None) -> _ReplyKey | None:
    """What a request's reply deadline depends on, as known by ``as_of``; ``None`` while no
    reply period runs."""
    last = dt.date.max if as_of is None else check_date(as_of, "as_of")
    reply = request.reply if request.reply is not None and request.reply.date <= last else None
    if request.supplement_requested is not None and request.supplement_requested <= last:
        supplemented = _known(request.supplement_received, last)
        if supplemented is None:
            return None
    else:
        supplemented = None
    pauses: list[tuple[dt.date, dt.date]] = []
    for item in request.consultations:
        if item.sent > last:
            continue
        end = _known(item.answered, last)
        if end is None:
            # 第三十二条 and 第三十四条 both give 15 working days from the day asked.
            end = engine.add_workdays(item.sent, OPINION_WORKDAYS)
            if reply is not None:
                end = max(item.sent, min(end, reply.date))
        pauses.append((item.sent, end))
    fee = request.fee
    fee_pause: tuple[dt.date, dt.date] | None = None
    if fee is not None and fee.sent <= last:
        end = _known(fee.paid, last) or _known(fee.lapsed, last)
        if end is None:
            if reply is None:
                return None
            end = max(fee.sent, reply.date)
        fee_pause = (fee.sent, end)
        pauses.append(fee_pause)
    extended = request.extension_days
    if request.extended_on is not None and request.extended_on > last:
        extended = 0
    return (request.received, extended, supplemented, tuple(pauses), fee_pause)


def _state(request: Request, as_of: dt.date, runs: bool) -> RequestState:
    if request.reply is not None and request.reply.date <= as_of:
        return RequestState.ANSWERED
    if not runs:
        fee = request.fee
        if fee is not None and fee.sent <= as_of and _known(fee.paid, as_of) is None:
            return RequestState.AWAITING_FEE
        return RequestState.AWAITING_SUPPLEMENT
    for item in request.consultations:
        if item.sent <= as_of and _known(item.answered, as_of) is None:
            return RequestState.CONSULTING
    return RequestState.OPEN


def _status(request: Request, as_of: dt.date, engine: _Engine, explain: bool) -> RequestStatus:
    calendar = engine.calendar
    reply = request.reply if request.reply is not None and request.reply.date <= as_of else None
    base: dict[str, Any] = {
        "id": request.id,
        "received": request.received,
        "subject": request.subject,
        "replied": None if reply is None else reply.date,
        "outcome": None if reply is None else reply.outcome.code,
    }
    try:
        key = _reply_key(request, engine, as_of)
        if key is not None:
            due, provisional = engine.reply_due(key)
            base.update(due=due, provisional=provisional)
            if explain:
                base["deadline"] = engine.reply(key)
    except UnknownYearError as exc:
        state = RequestState.ANSWERED if reply is not None else RequestState.OPEN
        return RequestStatus(state=state, problem=str(exc), **base)
    state = _state(request, as_of, key is not None)
    if key is None:
        return RequestStatus(state=state, **base)
    # The working days between are known only when the calendar covers the years between
    # (a status day in a year without an arrangement): otherwise the due day stands alone.
    timing: dict[str, Any] = {}
    try:
        if reply is not None:
            timing["on_time"] = reply.date <= due
            timing["workdays_late"] = workdays_late(calendar, due, reply.date)
        elif as_of <= due:
            timing["workdays_left"] = calendar.workdays_between(as_of, due)
            timing["workdays_late"] = 0
        else:
            timing.update(overdue=True, workdays_left=0)
            timing["workdays_late"] = workdays_late(calendar, due, as_of)
    except UnknownYearError as exc:
        return RequestStatus(state=state, problem=str(exc), **timing, **base)
    return RequestStatus(state=state, **timing, **base)


def _checks(
    request: Request,
    as_of: dt.date,
    engine: _Engine,
    positions: Callable[[], Mapping[str, int]],
    ledger: Ledger,
) -> Iterator[tuple[str, str, str, str, dict[str, Any]]]:
    """The calendar's checks of a request: (code, field, Chinese, English, data)."""
    asked = _known(request.supplement_requested, as_of)
    if asked is not None and asked > (
        due := engine.add_workdays(request.received, SUPPLEMENT_NOTICE_WORKDAYS)
    ):
        zh, en = f"{asked} 告知补正，期限为 {due}", f"asked on {asked}, due by {due}"
        data: dict[str, Any] = {"due": due.isoformat(), "asked": asked.isoformat()}
        yield "requests.late-supplement-notice", "supplement_requested", zh, en, data
    extended_on = _known(request.extended_on, as_of)
    if extended_on is not None and request.extension_days:
        plain = attrs.evolve(request, extension_days=0, extended_on=None)
        key = _reply_key(plain, engine, extended_on)
        ordinary = None if key is None else engine.reply_due(key)[0]
        if ordinary is not None and extended_on > ordinary:
            zh = f"{extended_on} 延期，原期限为 {ordinary}"
            en = f"extended on {extended_on}, ordinary due {ordinary}"
            data = {"due": ordinary.isoformat(), "extended_on": extended_on.isoformat()}
            yield "requests.late-extension", "extended_on", zh, en, data
    fee = request.fee
    if fee is not None and fee.amount is not None and fee.sent <= as_of:
        per_request = fee.basis is FeeBasis.PER_REQUEST
        position = positions()[request.id] if per_request else None
        expected = request_fee(ledger, request, position=position)
        if expected is not None and expected != fee.amount:
            zh = f"通知 {fee.amount} 元，按{fee.basis.label}应为 {expected} 元"
            en = f"notice {fee.amount} yuan, {fee.basis.code} gives {expected}"
            data = {"amount": fee.amount, "expected": expected}
            yield "requests.fee-differs", "fee.amount", zh, en, data


def ledger_status(
    ledger: Ledger,
    as_of: dt.date,
    *,
    calendar: WorkCalendar | None = None,
    locations: Sequence[Mapping[str, str]] | None = None,
    explain: bool = False,
) -> LedgerStatus:
    """The status of ``ledger`` on ``as_of`` (see the module text).

    Due dates come from the calendar's working-day index; ``explain`` also builds each
    request's explained deadline (every day counted, :attr:`RequestStatus.deadline`), which
    costs far more and is needed only to show it.

    ``calendar`` defaults to :func:`~govdisclose.calendar.default_calendar`, read once.
    A deadline in a year the calendar does not cover is the request's ``problem`` and a
    ``requests.unknown-year`` finding, not an exception.  ``locations`` (a
    :class:`~govdisclose.requests.LedgerReading`'s) places the findings in the file's cells;
    without it they are JSON paths ``$.requests[i].field``.
    """
    ledger = check_ledger(ledger)
    as_of = check_date(as_of, "as_of")
    cal = check_calendar(calendar, where="calendar")
    engine = _Engine(cal)
    positions = functools.cache(lambda: month_positions(ledger))  # counted when first needed

    def place(index: int, field: str = "") -> str:
        """Where a request's field is: the file's cell when known, else its JSON path."""
        if locations is not None and index < len(locations):
            return locations[index].get(field) or locations[index].get("", f"$.requests[{index}]")
        return f"$.requests[{index}]" + (f".{field}" if field else "")

    statuses: list[RequestStatus] = []
    findings: list[Finding] = []
    later = 0
    for index, request in enumerate(ledger.requests):
        if request.received > as_of:
            later += 1
            continue
        status = _status(request, as_of, engine, explain)
        statuses.append(status)
        if status.problem is not None:
            findings.append(
                make_finding(
                    "requests.unknown-year",
                    place(index),
                    zh=f"申请 {request.id}",
                    en=f"request {request.id}: {status.problem}",
                    id=request.id,
                )
            )
            continue
        # The reply deadline was computed, so the earlier days these checks need are covered.
        for code, field, zh, en, data in _checks(request, as_of, engine, positions, ledger):
            where = place(index, field)
            zh, en = f"申请 {request.id}：{zh}", f"request {request.id}: {en}"
            findings.append(make_finding(code, where, zh=zh, en=en, id=request.id, **data))
    if not ledger.requests:
        findings.append(make_finding("requests.empty", "$.requests"))
    return LedgerStatus(
        as_of=as_of,
        requests=tuple(statuses),
        report=Report(tuple(findings)),
        later=later,
        explained=bool(explain),
    )
