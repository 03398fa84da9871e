"""Deadline calculators with explained results.

Each calculator returns a :class:`Deadline`: what is due (:attr:`~Deadline.due`, a date, or a
timezone-aware date-time for hour rules), which obligation (:attr:`~Deadline.kind`), under
which legal rule (:attr:`~Deadline.rule`, with its source), counted from what
(:attr:`~Deadline.start`) and how (:attr:`~Deadline.explanation`, a tuple of :class:`Step`:
working days counted, weekends and which holidays skipped, make-up working days counted,
consultation time excluded, an extension added).  :func:`govdisclose.unstructure` gives JSON-ready
data; :meth:`Deadline.describe` (also ``str()``) a bilingual text.

Counting follows the domain reference §6:

* the start day is never counted (《民法典》第二百零一条): 20 working days from D is the 20th
  working day strictly after D;
* working days come from a :class:`~govdisclose.calendar.WorkCalendar` (the State
  Council's yearly holiday arrangement, make-up working days included).  Every calculator
  takes ``calendar=``; ``None`` means :func:`~govdisclose.calendar.default_calendar`.  A
  period that reaches a year without an official arrangement raises
  :class:`~govdisclose._errors.UnknownYearError`, unless the calendar is provisional: then the
  result is marked :attr:`~Deadline.provisional` (暂估 PROVISIONAL) everywhere it appears;
* fixed dates (31 January) are not moved for holidays — no official text says they move;
* hour limits (48 h, 24 h, 5 h) run on the clock in China Standard Time, holidays included;
  a naive date-time is taken as China Standard Time (Asia/Shanghai).

Calculators:

* :func:`proactive_deadline` — a catalogue item's time limit (条例 第二十六条: 20 working days);
  the due date is the rule's own (``rule.due_date``; ``rule.not_assessable()`` says without
  a date why a rule gives none);
* :func:`document_publication_deadline` — a document marked 「此件公开发布」 (390号 四(一)5:
  20 working days after issuance);
* :func:`request_reply_deadline` (第三十三条: 20 working days, extension up to 20, consultation
  time excluded; a supplement restarts the clock, 第三十条), :func:`receipt_date`
  (第三十一条), :func:`supplement_notice_deadline` (第三十条: 7 working days),
  :func:`third_party_opinion_deadline` (第三十二条) and :func:`agency_opinion_deadline`
  (第三十四条): 15 working days;
* :func:`opinion_response_deadline` — 48 h response; 5 h release and 24 h press conference
  for a major emergency;
* :func:`annual_report_deadline` (第四十九条) and :func:`meeting_invitation_deadline`
  (提前一周发通知邀请).

A deadline that is not assessable has :attr:`~Deadline.reason_code`, one of
:data:`NOT_ASSESSABLE_REASONS` (the audit uses the same codes).  :func:`workdays_late` counts
the working days from a due date to a later day.

**One judgement.**  :func:`due_date` is the due date of a rule from a start date (memoized per
rule, start date, calendar and service level: a :class:`Due`); :func:`judge` says how a
publication stands against it on an as-of date — a :class:`Timeliness` whose
:class:`Status` is on time, late (by ``workdays``), overdue (by ``workdays``), pending, or not
assessable (with a :data:`TIMELINESS_REASONS` code).  The document checks and the audit judge
with these two, without building an explanation.

Around the 2024 National Day (1–7 October off, 29 September and 12 October worked):

>>> import datetime as dt
>>> from govdisclose.deadlines import request_reply_deadline
>>> reply = request_reply_deadline(dt.date(2024, 9, 27))
>>> reply.due
datetime.date(2024, 10, 30)
>>> print(reply.explanation[2].text)
2024-09-29: 周末调休上班日（国庆节），计入（第1个） / weekend make-up working day (national day),
counted (#1)
>>> from govdisclose import unstructure
>>> unstructure(reply)["due"], reply.provisional
('2024-10-30', False)
>>> request_reply_deadline(dt.date(2024, 9, 27), extended=21)
Traceback (most recent call last):
...
govdisclose.InputError: extended: an extension is 1 to 20 working days ..., got 21 ...

Hour limits cross midnight and holidays on the clock:

>>> from govdisclose.deadlines import opinion_response_deadline
>>> response, release, conference = opinion_response_deadline(
...     dt.datetime(2024, 9, 30, 22, 30), major=True)
>>> release.due.isoformat(), conference.due.isoformat()
('2024-10-01T03:30:00+08:00', '2024-10-01T22:30:00+08:00')

More information:

* 《中华人民共和国政府信息公开条例》(国务院令第711号), 第二十六条、第三十条至第三十四条、第四十九条
* 《中华人民共和国民法典》第二百零一条、第二百零三条 (counting periods)
* 应急厅函〔2019〕390号 四(一)5, 四(三)3; 国办发〔2016〕61号; 国办发〔2016〕80号
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_names
from ._deadline import (
    NOT_ASSESSABLE_REASONS,
    Deadline,
    DeadlineKind,
    LegalRule,
    Step,
    StepKind,
    workdays_late,
)

# Loaded on first use: a command computes one kind of deadline, and the proactive rules and
# the judgement bring the catalogue model and every time-limit rule with them.
_LAZY = {
    **dict.fromkeys(("annual_report_deadline", "meeting_invitation_deadline"), "_fixed"),
    **dict.fromkeys(
        (
            "AUTHORITATIVE_RELEASE_HOURS",
            "PRESS_CONFERENCE_HOURS",
            "RESPONSE_HOURS",
            "opinion_response_deadline",
        ),
        "_opinion",
    ),
    **dict.fromkeys(
        (
            "PUBLICATION_RULE",
            "PUBLICATION_WORKDAYS",
            "document_publication_deadline",
            "proactive_deadline",
        ),
        "_proactive",
    ),
    **dict.fromkeys(
        (
            "MAX_EXTENSION_WORKDAYS",
            "REPLY_WORKDAYS",
            "ReceiptEvent",
            "RequestChannel",
            "agency_opinion_deadline",
            "receipt_date",
            "request_reply_deadline",
            "supplement_notice_deadline",
            "third_party_opinion_deadline",
        ),
        "_requests",
    ),
    **dict.fromkeys(
        ("TIMELINESS_REASONS", "Due", "Status", "Timeliness", "due_date", "judge"), "_timeliness"
    ),
}

if TYPE_CHECKING:  # pragma: no cover
    from ._fixed import annual_report_deadline, meeting_invitation_deadline
    from ._opinion import (
        AUTHORITATIVE_RELEASE_HOURS,
        PRESS_CONFERENCE_HOURS,
        RESPONSE_HOURS,
        opinion_response_deadline,
    )
    from ._proactive import (
        PUBLICATION_RULE,
        PUBLICATION_WORKDAYS,
        document_publication_deadline,
        proactive_deadline,
    )
    from ._requests import (
        MAX_EXTENSION_WORKDAYS,
        REPLY_WORKDAYS,
        ReceiptEvent,
        RequestChannel,
        agency_opinion_deadline,
        receipt_date,
        request_reply_deadline,
        supplement_notice_deadline,
        third_party_opinion_deadline,
    )
    from ._timeliness import TIMELINESS_REASONS, Due, Status, Timeliness, due_date, judge

__all__ = [
    "AUTHORITATIVE_RELEASE_HOURS",
    "MAX_EXTENSION_WORKDAYS",
    "NOT_ASSESSABLE_REASONS",
    "PRESS_CONFERENCE_HOURS",
    "PUBLICATION_RULE",
    "PUBLICATION_WORKDAYS",
    "REPLY_WORKDAYS",
    "RESPONSE_HOURS",
    "TIMELINESS_REASONS",
    "Deadline",
    "DeadlineKind",
    "Due",
    "LegalRule",
    "ReceiptEvent",
    "RequestChannel",
    "Status",
    "Step",
    "StepKind",
    "Timeliness",
    "agency_opinion_deadline",
    "annual_report_deadline",
    "document_publication_deadline",
    "due_date",
    "judge",
    "meeting_invitation_deadline",
    "opinion_response_deadline",
    "proactive_deadline",
    "receipt_date",
    "request_reply_deadline",
    "supplement_notice_deadline",
    "third_party_opinion_deadline",
    "workdays_late",
]


__getattr__ = lazy_names(__name__, _LAZY, globals())
