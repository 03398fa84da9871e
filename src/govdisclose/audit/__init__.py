"""Publication-log audit: was each piece of information published on time?

A bureau's CMS exports a **publication log**: one record per piece of information published
(or still to publish) under a catalogue item — its domain (领域), the item (事项, by Chinese name
or by id such as ``policy_documents.1``), the day the information was formed or changed (形成日期)
and the day it was published (公开日期, empty while unpublished); optionally the channel (渠道),
title (标题) and an id (编号).  The audit gives every record a
:class:`~govdisclose.deadlines.Status` on the ``as_of``
date:

* ``on_time`` — published on or before the due date;
* ``late`` — published after it, by ``workdays_between(due, published)`` working days;
* ``overdue`` — not published, the due date has passed (by working days up to ``as_of``);
* ``pending`` — not published, not yet due;
* ``not_assessable`` — no due date, for a reason (:data:`REASONS`): a "promptly" rule, an
  external requirement or a consultation period without a bureau service level; a lead time
  counted back from an event the log does not date; an unknown item; a deadline reaching a
  year without a holiday arrangement (the year is named: supply it or ask for
  ``provisional``);
* ``invalid`` — the record cannot be used (missing field, bad date, unknown domain,
  published before formed …): an ``audit.bad-record`` finding (an error) with its line
  number.  A log with records none of which can be used says so
  (:attr:`AuditResult.nothing_usable`, with :attr:`~AuditResult.first_problem`): the command
  line refuses it as unusable input (exit 2) — most likely the wrong format or encoding.

**Due dates** are the time-limit rule's own (:func:`govdisclose.deadlines.due_date`, the
same as :func:`~govdisclose.deadlines.proactive_deadline`'s): n working days after
the formed date (the formed day not counted), the bureau's service level for "promptly"
rules, and for a fixed annual date (年度报告, 每年1月31日前) the next such date **on or after**
the formed date, not moved for holidays.  A publication date after ``as_of`` is judged as
not yet published on ``as_of`` (and counted in ``published_after_as_of``, an ``info``
finding).  A record **formed** after ``as_of`` is not due on that date: it is counted as
``pending`` (or ``not_assessable``), but since that most likely means a wrong year in the log
or a wrong ``as_of``, one ``audit.formed-after-as-of`` ``warning`` gives the count and the
first such record (``formed_after_as_of``).

**Dates** are ``2024-10-08`` (or ``2024-10-8``), ``2024/10/8``, ``2024.10.8``,
``2024年10月8日`` or ``20241008`` (full-width digits too), or date-times: a time of day after
``T`` or a blank, with or without a UTC offset (``2024-10-08 09:30``,
``2024-10-08T09:30+08:00``).  A date-time with an offset (``2024-10-07T20:00:00Z``) gives its
date in China Standard Time (Asia/Shanghai), one without gives the date as written.
``27/09/2024`` (which is the day?), Excel serial numbers and days that do not exist are
refused with a message saying why (:mod:`govdisclose.audit._log_record`).

**Streaming.**  Records are read one at a time and not kept: the result holds counters per
item and per first-level item, totals, and a :class:`~govdisclose.findings.Report` that lists
at most ``max_listed`` findings per code (1000 by default; an ``audit.listing-capped`` finding
says how many more there were — the counts are always complete).  Late and overdue records
and unusable ones are ``error`` findings (``audit.late``, ``audit.overdue``,
``audit.bad-record``), so :attr:`AuditResult.ok` is false when there is any; unknown items
``warning``; not-assessable records one ``info`` finding per item and reason, with the count.
A caller that wants every record's result (a CMS) uses ``on_record=`` or :func:`iter_audit`.

**Parts.**  A result holds no record and pickles; :func:`merge_results` combines the results
of parts of a log (county files, chunks audited with ``start=``) into the result of the whole
(see the page on auditing a log in parts).

>>> import datetime as dt
>>> from govdisclose.audit import audit_records
>>> log = [
...     {"领域": "安全生产", "事项": "法律法规",
...      "形成日期": "2024-09-27", "公开日期": "2024-10-25"},
...     {"domain": "work_safety", "item": "administrative_management.3",
...      "formed": "2024/9/27", "published": "2024年11月4日"},
...     {"domain": "救灾", "item": "预警信息", "formed": "2024-12-20", "published": ""},
...     {"domain": "work_safety", "item": "动态信息", "formed": "2024-12-20"},
...     {"domain": "work_safety", "item": "法律法规", "formed": "2024-12-20",
...      "published": "2024-12-01"},
... ]
>>> result = audit_records(log, as_of=dt.date(2025, 1, 31))
>>> result.totals
StatusCounts(on_time=1, late=1, overdue=1, pending=0, not_assessable=1, provisional=0,
             max_late_workdays=3, max_overdue_workdays=6)
>>> result.invalid, result.ok, result.report.codes
(1, False, ('audit.late', 'audit.overdue', 'audit.bad-record', 'audit.not-assessable'))
>>> print(result.report.findings[0].message_en)
formed 2024-09-27, due 2024-10-30, published 2024-11-04: 3 working days late

Per record, lazily:

>>> from govdisclose.audit import iter_audit
>>> [(r.status.code, r.due) for r in iter_audit(log[:2], as_of=dt.date(2025, 1, 31))]
[('on_time', datetime.date(2024, 10, 30)), ('late', datetime.date(2024, 10, 30))]

Files (:func:`audit_file`, and ``govdisclose audit LOG --as-of DATE`` on the command line) are
CSV with a header row or JSON Lines, in UTF-8 (with or without byte-order mark), UTF-16 with
its byte-order mark, or GB18030; see :mod:`govdisclose.audit._logfile` for how the encoding and
the format are told, and :mod:`govdisclose.audit._log_record` for the header names and date forms
accepted.

More information:

* 《中华人民共和国政府信息公开条例》(国务院令第711号) 第二十六条 (20 working days), 第四十九条
  (annual report by 31 January)
* 《中华人民共和国民法典》第二百零一条 (the day of the event is not counted)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .._errors import InputError
from ._engine import DEFAULT_MAX_LISTED, Auditor
from ._log_record import CACHE_LIMIT, FIELDS, HEADER_ALIASES, LogRecord, parse_log_date
from ._logfile import open_log
from ._result import (
    REASONS,
    AuditResult,
    FirstLevelSummary,
    ItemSummary,
    RecordResult,
    StatusCounts,
)
from ._summary import merge_results
from ._tally import Catalogues

if TYPE_CHECKING:
    from ..calendar._workcalendar import WorkCalendar

__all__ = [
    "CACHE_LIMIT",
    "DEFAULT_MAX_LISTED",
    "FIELDS",
    "HEADER_ALIASES",
    "REASONS",
    "AuditResult",
    "Auditor",
    "FirstLevelSummary",
    "ItemSummary",
    "LogRecord",
    "RecordResult",
    "StatusCounts",
    "audit_file",
    "audit_records",
    "iter_audit",
    "merge_results",
    "parse_log_date",
]


def audit_records(
    records: Iterable[Mapping[str, Any] | LogRecord],
    *,
    as_of: dt.date,
    catalogues: Catalogues = None,
    calendar: WorkCalendar | None = None,
    on_record: Callable[[RecordResult], object] | None = None,
    max_listed: int = DEFAULT_MAX_LISTED,
    subject: str = "records",
    start: int = 0,
) -> AuditResult:
    """Audit records given as mappings (English or Chinese keys) or :class:`LogRecord`.

    ``records`` is consumed once, lazily (a generator is fine); anything but an iterable of
    records (``None``, text, a single mapping) is an
    :class:`~govdisclose._errors.InputError`, and an item that is not a mapping is an unusable
    record.  ``catalogues`` (one, several, or a mapping domain → catalogue) replace the
    standard catalogue of their domain; ``calendar`` defaults to
    :func:`~govdisclose.calendar.default_calendar`.  ``on_record`` is called with each
    record's :class:`RecordResult`.  Findings' paths are ``$[index]`` (0-based, counted from
    ``start``: give a part of a longer list its first record's index, and
    :func:`merge_results` of the parts' results is the result of the whole).
    """
    auditor = Auditor(
        as_of=as_of,
        catalogues=catalogues,
        calendar=calendar,
        max_listed=max_listed,
        subject=subject,
        start=start,
    )
    auditor.run(records, on_record=on_record)
    return auditor.result()


def iter_audit(
    records: Iterable[Mapping[str, Any] | LogRecord],
    *,
    as_of: dt.date,
    catalogues: Catalogues = None,
    calendar: WorkCalendar | None = None,
) -> Iterator[RecordResult]:
    """Yield each record's :class:`RecordResult` as the records are read.

    For the summary as well, use an :class:`Auditor`: ``auditor.iter(records)`` then
    ``auditor.result()``.
    """
    return Auditor(as_of=as_of, catalogues=catalogues, calendar=calendar).iter(records)


def audit_file(
    path: str | Path | IO[bytes],
    *,
    as_of: dt.date,
    catalogues: Catalogues = None,
    calendar: WorkCalendar | None = None,
    on_record: Callable[[RecordResult], object] | None = None,
    max_listed: int = DEFAULT_MAX_LISTED,
    format: str | None = None,
    encoding: str | None = None,
) -> AuditResult:
    """Audit a CSV or JSON Lines log file (``"-"``: standard input; or a binary stream).

    ``format`` is ``"csv"``, ``"jsonl"`` or ``None`` (told from the content); ``encoding``
    ``"utf-8"``, ``"utf-8-sig"``, ``"gb18030"``, ``"utf-16"`` or ``None`` (told from the first
    64 KiB).  A stream given by the caller is read from its position and left open.  Raises
    :class:`~govdisclose._errors.InputError` when the input is unusable as a whole (missing
    file, not decodable, ``utf-16`` named for a file without a byte-order mark, no
    recognisable header, a log that is evidently of the other format than ``format`` says);
    problems of single records are findings with their line numbers (and when no record is
    usable, :attr:`AuditResult.nothing_usable` is true).
    """
    auditor = Auditor(as_of=as_of, catalogues=catalogues, calendar=calendar, max_listed=max_listed)
    with open_log(path, format=format, encoding=encoding) as source:
        try:
            auditor.run(source, on_record=on_record)
        except OSError as exc:
            raise InputError(
                f"{source.name}: cannot read: {exc.strerror or exc} (读取失败)"
            ) from None
        except UnicodeError as exc:  # the stream as a whole, not one record's bytes
            raise InputError(
                f"{source.name}: cannot be read as {source.encoding}: {exc} (无法按该编码读取)"
            ) from None
    return auditor.result()
