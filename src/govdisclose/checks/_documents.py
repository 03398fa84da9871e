"""Checking the records a CMS keeps about policy documents (应急厅函〔2019〕390号 四(一), 四(二)6).

:func:`validate_document` checks one :class:`~govdisclose.checks._document_record.DocumentRecord`
(or its JSON data), :func:`validate_documents` a list; both return a
:class:`~govdisclose.findings.Report`.  The checks (codes in
:mod:`govdisclose.checks._document_codes`):

* the disclosure attribute is set; the marking found in the document matches it
  (「此件公开发布」「此件依申请公开」「此件不公开」; a marking for another attribute is an error);
* a document not disclosed states its legal basis, was reviewed before issue, and is not
  published;
* a proactive document is published on the government website within **20 working days** of
  issue: the due date is that of :data:`~govdisclose.deadlines.PUBLICATION_RULE` (the issue
  day is not counted; :func:`~govdisclose.deadlines.document_publication_deadline` explains
  it day by day), judged with :func:`~govdisclose.deadlines.judge` like the audit's records;
  late publication is an error giving the working days late; not published and past due on
  ``as_of`` (default: today in China) is an error; not yet due is info with the due date.  A
  due date in a year without an official holiday arrangement is a
  ``document.deadline-unknown`` finding carrying the calendar's message, unless
  ``provisional=True``: then the estimate is used and the finding's data says
  ``provisional: true``;
* a document that needs interpretation has it published the same day, and linked (三同步);
* on-request and not-disclosed documents are reviewed every year (:func:`self_review_due`).

>>> import datetime as dt
>>> record = {"id": "17", "title": "关于做好汛期安全防范工作的通知", "issued": "2024-09-20",
...           "attribute": "proactive", "marking": "此件公开发布",
...           "published": "2024-10-30", "channels": ["government_website"]}
>>> report = validate_document(record)
>>> [(f.code, f.data["due"], f.data["late_workdays"]) for f in report.findings]
[('document.published-late', '2024-10-23', 5)]
>>> validate_document({**record, "published": None}, as_of=dt.date(2024, 10, 8)).codes
('document.publication-pending',)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .._dates import check_date, china_today
from .._errors import DataError, GovdiscloseError, InputError
from ..findings import Report, ReportBuilder
from . import _document_codes as C
from ._document_record import DocumentRecord, read_document
from ._document_rules import REVIEWED_ATTRIBUTES, check_document
from ._prescan import clip, is_blank, read_problems

if TYPE_CHECKING:
    from ..calendar._workcalendar import WorkCalendar


def _read(data: object, path: str, b: ReportBuilder) -> DocumentRecord | None:
    if not isinstance(data, (Mapping, DocumentRecord)):
        b.add(
            C.NOT_A_RECORD,
            path,
            message_zh=f"文件记录应为JSON对象，实为{type(data).__name__}",
            message_en=f"a document record is a JSON object, got {type(data).__name__}",
        )
        return None
    try:
        return read_document(data, path=path)
    except DataError as exc:  # what is wrong, by the document-record JSON Schema
        for problem in read_problems(exc, data, "document-record", path):
            message = clip(problem.message, 300)
            b.add(
                C.INVALID_DATA,
                problem.path or path,
                message_zh=f"数据无效：{message}",
                message_en=f"invalid data: {message}",
            )
        return None


def _resolve(
    as_of: dt.date | None, calendar: WorkCalendar | None, provisional: bool
) -> tuple[dt.date, WorkCalendar]:
    from ..calendar._workcalendar import check_calendar, default_calendar

    day = china_today() if as_of is None else check_date(as_of, "as_of")
    if calendar is None:
        return day, default_calendar(provisional=provisional)
    return day, check_calendar(calendar, where="calendar")


def validate_document(
    record: DocumentRecord | object,
    *,
    as_of: dt.date | None = None,
    calendar: WorkCalendar | None = None,
    provisional: bool = False,
) -> Report:
    """Check one document record (a :class:`DocumentRecord` or its JSON data).

    ``as_of`` is the day "not yet published" is judged on (default: today, China time);
    ``calendar`` the working-day calendar (default:
    :func:`~govdisclose.calendar.default_calendar`, provisional when ``provisional``).
    """
    day, cal = _resolve(as_of, calendar, provisional)
    b = ReportBuilder()
    read = _read(record, "$", b)
    if read is not None:
        b.subject = read.title if not is_blank(read.title) else read.id
        check_document(read, "$", b, day, cal)
    return b.build()


def validate_documents(
    records: Iterable[DocumentRecord | object] | object,
    *,
    as_of: dt.date | None = None,
    calendar: WorkCalendar | None = None,
    provisional: bool = False,
    subject: str | None = None,
) -> Report:
    """Check a list of document records; paths are ``$[i].field``."""
    day, cal = _resolve(as_of, calendar, provisional)
    b = ReportBuilder(subject=subject)
    if isinstance(records, (str, bytes, Mapping)) or not isinstance(records, Iterable):
        b.add(
            C.NOT_A_RECORD,
            "$",
            message_zh="应为文件记录的列表",
            message_en=f"expected a list of document records, got {type(records).__name__}",
        )
        return b.build()
    for index, data in enumerate(records):
        read = _read(data, f"$[{index}]", b)
        if read is not None:
            check_document(read, f"$[{index}]", b, day, cal)
    return b.build()


def self_review_due(
    records: Iterable[DocumentRecord | Mapping[str, Any]], year: int
) -> list[DocumentRecord]:
    """The on-request and not-disclosed documents due for the annual review of ``year``.

    390号 四(一)4.  A document is due when it was issued before ``year`` (or its issue date is
    unknown) and has not been reviewed in ``year`` yet; a document issued in ``year`` was
    reviewed when its attribute was set.  Mappings are read as JSON records
    (:class:`~govdisclose._errors.DataError` when one cannot be read).

    >>> import datetime as dt
    >>> old = DocumentRecord(id="1", title="旧文件", attribute="不予公开",
    ...                      issued=dt.date(2022, 3, 1), last_self_review=dt.date(2023, 12, 1))
    >>> [r.id for r in self_review_due([old], 2024)], self_review_due([old], 2023)
    (['1'], [])
    """
    if type(year) is not int:
        raise InputError(f"year must be a whole number, got {clip(year, 40)} (年份应为整数)")
    due = []
    for index, data in enumerate(records):
        record = read_document(data, path=f"$[{index}]")
        if record.attribute not in REVIEWED_ATTRIBUTES:
            continue
        issued_before = record.issued is None or record.issued.year < year
        reviewed = record.last_self_review is not None and record.last_self_review.year >= year
        if issued_before and not reviewed:
            due.append(record)
    return due


def is_valid_document(record: object, *, as_of: dt.date | None = None) -> bool:
    """Whether a record validates with no error findings (junk → False, not an error)."""
    try:
        return validate_document(record, as_of=as_of).ok
    except GovdiscloseError:
        return False
