"""Checking the records a CMS keeps about policy documents (应急厅函〔2019〕390号 四(一), 四(二)6).

:func:`validate_document` checks one :class:`~govdisclose.validate.records.DocumentRecord`
(or its JSON data), :func:`validate_documents` a list; both return a
:class:`~govdisclose.findings.Report`.  The checks (codes in
:mod:`govdisclose.validate.document_codes`):

* the disclosure attribute is set; the marking found in the document matches it
  (「此件公开发布」「此件依申请公开」「此件不公开」; a marking for another attribute is an error);
* a document not disclosed states its legal basis, was reviewed before issue, and is not
  published;
* a proactive document is published on the government website within **20 working days** of
  issue: the due date is
  :func:`~govdisclose.deadlines.document_publication_deadline` (the issue day is not counted);
  late publication is an error giving the working days late
  (:func:`~govdisclose.deadlines.workdays_late`); not published and past due on
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
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._dates import check_date, china_today
from ..deadlines.proactive import PUBLICATION_WORKDAYS, document_publication_deadline
from ..deadlines.result import workdays_late
from ..errors import DataError, GovdiscloseError, UnknownYearError
from ..findings import Report, ReportBuilder, Severity
from ..vocabulary import DisclosureAttribute, normalize_text
from . import document_codes as C
from .reading import clip
from .records import DocumentRecord, InterpretationRecord, ReviewRecord, read_document

if TYPE_CHECKING:
    from ..workcalendar import WorkCalendar

__all__ = [
    "PUBLICATION_WORKDAYS",
    "DocumentRecord",
    "InterpretationRecord",
    "ReviewRecord",
    "is_valid_document",
    "marking_attributes",
    "self_review_due",
    "validate_document",
    "validate_documents",
]

_REVIEWED = (DisclosureAttribute.ON_REQUEST, DisclosureAttribute.NOT_DISCLOSED)
_MARK_NOISE = str.maketrans("", "", "「」『』“”\"'()（）[]【】<>《》:：")


def marking_attributes(text: str) -> tuple[DisclosureAttribute, ...]:
    """The attributes whose marking (此件公开发布 …) occurs in ``text``, in vocabulary order.

    >>> marking_attributes("（此件公开发布）")
    (<DisclosureAttribute.PROACTIVE: 'proactive'>,)
    >>> marking_attributes("此件 不公开")
    (<DisclosureAttribute.NOT_DISCLOSED: 'not_disclosed'>,)
    """
    folded = normalize_text(text).translate(_MARK_NOISE)
    return tuple(a for a in DisclosureAttribute if normalize_text(a.marking) in folded)


def _blank(value: object) -> bool:
    return not isinstance(value, str) or not value.strip()


def _check_identity(record: DocumentRecord, path: str, b: ReportBuilder) -> None:
    for field in ("id", "title"):
        if _blank(getattr(record, field)):
            b.add(
                C.FIELD_MISSING,
                f"{path}.{field}",
                message_zh=f"文件记录的{'标识' if field == 'id' else '标题'}为空",
                message_en=f"the record's {field} is empty",
            )


def _check_marking(record: DocumentRecord, path: str, b: ReportBuilder) -> None:
    attribute = record.attribute
    marking = record.marking or ""
    found = marking_attributes(marking)
    where = f"{path}.marking"
    if attribute is None:
        suggested = (
            f"；标注显示为“{found[0].label}” / the marking says {found[0].code}"
            if (len(found) == 1)
            else ""
        )
        b.add(
            C.ATTRIBUTE_MISSING,
            f"{path}.attribute",
            hint=f"在发文稿纸上明确公开属性（390号 四(一)1）/ set the attribute{suggested}",
        )
        return
    if _blank(marking):
        b.add(
            C.MARKING_MISSING,
            where,
            hint=f"在成文日期后标注“{attribute.marking}” / mark the document "
            f"「{attribute.marking}」 after its date",
            expected=attribute.marking,
        )
    elif not found:
        b.add(
            C.MARKING_UNRECOGNISED,
            where,
            message_zh=f"标注“{marking[:60]}”不是规定的公开属性标注",
            message_en=f"marking {marking[:60]!r} is not one of the three markings",
            hint=f"应标注“{attribute.marking}” / the marking is 「{attribute.marking}」",
            expected=attribute.marking,
        )
    elif found != (attribute,):
        others = "、".join(a.marking for a in found if a is not attribute)
        b.add(
            C.MARKING_MISMATCH,
            where,
            message_zh=f"公开属性为{attribute.label}，文件却标注“{others}”",
            message_en=f"the attribute is {attribute.code} but the document is marked "
            + " and ".join(f"「{a.marking}」" for a in found if a is not attribute),
            hint=f"更正标注为“{attribute.marking}”，或更正公开属性 / correct the marking to "
            f"「{attribute.marking}」 or the attribute",
            expected=attribute.marking,
            found=[a.marking for a in found],
        )


def _check_not_disclosed(record: DocumentRecord, path: str, b: ReportBuilder) -> None:
    if _blank(record.not_disclosed_basis):
        b.add(
            C.BASIS_MISSING,
            f"{path}.not_disclosed_basis",
            hint="写明不予公开的法律法规依据（如条例第十四条、第十五条）/ state the legal basis",
        )
    review = record.review
    if review is None or _blank(review.reviewer):
        b.add(
            C.REVIEW_MISSING,
            f"{path}.review" + (".reviewer" if review is not None else ""),
            hint="记录政务公开工作部门的审查（审查部门、日期）/ record who reviewed it and when",
        )
    elif record.issued is not None and review.reviewed_on > record.issued:
        b.add(
            C.REVIEW_AFTER_ISSUE,
            f"{path}.review.reviewed_on",
            message_zh=f"审查日期 {review.reviewed_on} 晚于印发日期 {record.issued}",
            message_en=f"reviewed on {review.reviewed_on}, after issue on {record.issued}",
            reviewed_on=review.reviewed_on.isoformat(),
            issued=record.issued.isoformat(),
        )
    if record.published is not None or record.on_government_website:
        b.add(
            C.NOT_DISCLOSED_PUBLISHED,
            f"{path}.published" if record.published is not None else f"{path}.channels",
            hint="撤下文件，或经审查调整公开属性 / withdraw it, or change the attribute after "
            "review",
        )


def _deadline_data(
    calendar: WorkCalendar, issued: dt.date, due: dt.date, years: Iterable[int], end: dt.date
) -> dict[str, Any]:
    """The finding data of a due date: provisional when the deadline, or the lateness counted
    from it up to ``end``, used an estimated year."""
    estimated = set(years)
    if end > due:
        estimated.update(calendar.estimated_years(due, end))
    data: dict[str, Any] = {"issued": issued.isoformat(), "due": due.isoformat()}
    if estimated:
        data["provisional"] = True
        data["estimated_years"] = sorted(estimated)
    return data


def _provisional_note(data: Mapping[str, Any]) -> tuple[str, str]:
    if not data.get("provisional"):
        return "", ""
    years = "、".join(str(y) for y in data["estimated_years"])
    return (
        f"（暂估：{years}年尚无官方节假日安排）",
        f" (PROVISIONAL: no official holiday arrangement for {years})",
    )


def _workdays_late(calendar: WorkCalendar, due: dt.date, day: dt.date) -> int | None:
    try:
        return workdays_late(calendar, due, day)
    except UnknownYearError:  # a year in between has no arrangement: said in calendar days
        return None


def _check_publication(
    record: DocumentRecord,
    path: str,
    b: ReportBuilder,
    as_of: dt.date,
    calendar: WorkCalendar,
) -> None:
    issued, published = record.issued, record.published
    if published is not None and not record.on_government_website:
        b.add(
            C.NOT_ON_WEBSITE,
            f"{path}.channels",
            hint="通过政府网站公开，并记录网址 / publish it on the government website and "
            "record the URL",
        )
    if issued is None:
        b.add(C.ISSUED_MISSING, f"{path}.issued", hint="填写印发日期 / give the issue date")
        return
    if published is not None and published < issued:
        b.add(
            C.PUBLISHED_BEFORE_ISSUED,
            f"{path}.published",
            message_zh=f"公开日期 {published} 早于印发日期 {issued}",
            message_en=f"published on {published}, before issue on {issued}",
        )
        return
    try:
        deadline = document_publication_deadline(issued, calendar=calendar)
    except UnknownYearError as exc:
        b.add(
            C.DEADLINE_UNKNOWN,
            f"{path}.issued",
            message_zh=f"无法计算公开期限：{exc.year}年尚无官方节假日安排",
            message_en=f"the deadline cannot be computed: {exc.message}",
            hint="补充该年节假日安排，或以 provisional=True 暂估 / supply the year's "
            "arrangement or ask for a provisional estimate",
            issued=issued.isoformat(),
            year=exc.year,
        )
        return
    due = deadline.due
    assert isinstance(due, dt.date)
    end = published if published is not None else as_of
    data = _deadline_data(calendar, issued, due, deadline.estimated_years, end)
    note_zh, note_en = _provisional_note(data)
    if published is not None and published > due:
        late = _workdays_late(calendar, due, published)
        late_zh = f"{late}个工作日" if late is not None else f"{(published - due).days}日"
        b.add(
            C.PUBLISHED_LATE,
            f"{path}.published",
            message_zh=f"{issued}印发，应于{due}前公开，{published}才公开，逾期{late_zh}{note_zh}",
            message_en=f"issued {issued}, due {due}, published {published}: "
            f"{late if late is not None else '?'} working day(s) late{note_en}",
            **data,
            published=published.isoformat(),
            late_workdays=late,
            late_days=(published - due).days,
        )
    elif published is None and as_of > due:
        late = _workdays_late(calendar, due, as_of)
        b.add(
            C.PUBLICATION_OVERDUE,
            f"{path}.published",
            message_zh=f"{issued}印发，应于{due}前公开，截至{as_of}仍未公开{note_zh}",
            message_en=f"issued {issued}, due {due}, not published as of {as_of}{note_en}",
            hint="立即在政府网站公开 / publish it on the government website now",
            **data,
            as_of=as_of.isoformat(),
            overdue_workdays=late,
            overdue_days=(as_of - due).days,
        )
    elif published is None:
        b.add(
            C.PUBLICATION_PENDING,
            f"{path}.published",
            message_zh=f"{issued}印发，应于{due}前在政府网站公开{note_zh}",
            message_en=f"issued {issued}: publish on the government website by {due}{note_en}",
            **data,
            as_of=as_of.isoformat(),
        )


def _check_interpretation(record: DocumentRecord, path: str, b: ReportBuilder) -> None:
    if not record.needs_interpretation:
        return
    interp = record.interpretation
    doc_day = record.published
    int_day = interp.published if interp is not None else None
    where = f"{path}.interpretation"
    if doc_day is not None and int_day is None:
        b.add(
            C.INTERPRETATION_MISSING,
            where if interp is None else f"{where}.published",
            hint="与文件同步发布解读材料（390号 四(二)6）/ publish the interpretation with the "
            "document",
            published=doc_day.isoformat(),
        )
    elif int_day is not None and int_day != doc_day:
        gap = (int_day - doc_day).days if doc_day is not None else None
        b.add(
            C.INTERPRETATION_NOT_SYNCHRONOUS,
            f"{where}.published",
            message_zh=f"文件{doc_day or '尚未'}公开，解读{int_day}发布",
            message_en=f"document published {doc_day or 'not yet'}, interpretation {int_day}",
            hint="文件与解读同日发布 / publish both on the same day",
            published=doc_day.isoformat() if doc_day else None,
            interpretation_published=int_day.isoformat(),
            days_apart=gap,
        )
    if interp is not None and (doc_day or int_day) and _blank(interp.url) and _blank(interp.id):
        b.add(
            C.INTERPRETATION_NOT_LINKED,
            where,
            hint="记录解读的网址或编号并与文件互相链接 / record the interpretation's URL or id "
            "and link the two",
        )


def _check_self_review(record: DocumentRecord, path: str, b: ReportBuilder, as_of: dt.date) -> None:
    last = record.last_self_review or record.issued
    if record.attribute in _REVIEWED and last is not None and last.year < as_of.year - 1:
        b.add(
            C.SELF_REVIEW_OVERDUE,
            f"{path}.last_self_review",
            message_zh=f"上次自查（或印发）在{last.year}年，{as_of.year - 1}年未自查",
            message_en=f"last reviewed (or issued) in {last.year}; no review in {as_of.year - 1}",
            hint="开展年度公开属性自查，应公开的调整为主动公开（390号 四(一)4）/ review it; "
            "change the attribute if it should be public",
            last=last.isoformat(),
        )


def _check(
    record: DocumentRecord, path: str, b: ReportBuilder, as_of: dt.date, calendar: WorkCalendar
) -> None:
    _check_identity(record, path, b)
    _check_marking(record, path, b)
    attribute = record.attribute
    if attribute is DisclosureAttribute.NOT_DISCLOSED:
        _check_not_disclosed(record, path, b)
    if attribute is DisclosureAttribute.PROACTIVE:
        _check_publication(record, path, b, as_of, calendar)
    elif record.issued is None and attribute is not None:
        b.add(C.ISSUED_MISSING, f"{path}.issued", severity=Severity.WARNING)
    _check_interpretation(record, path, b)
    _check_self_review(record, path, b, as_of)


def _read(data: object, path: str, b: ReportBuilder) -> DocumentRecord | None:
    if isinstance(data, DocumentRecord):
        return data
    if not isinstance(data, Mapping):
        b.add(
            C.NOT_A_RECORD,
            path,
            message_zh=f"文件记录应为JSON对象，实为{type(data).__name__}",
            message_en=f"a document record is a JSON object, got {type(data).__name__}",
        )
        return None
    try:
        return read_document(data, path=path)
    except DataError as exc:
        problems: Sequence[GovdiscloseError] = exc.errors or (exc,)
        for problem in problems:
            message = problem.message if len(problem.message) < 300 else problem.message[:299]
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
    from ..workcalendar import check_calendar, default_calendar

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
    :func:`~govdisclose.workcalendar.default_calendar`, provisional when ``provisional``).
    """
    day, cal = _resolve(as_of, calendar, provisional)
    b = ReportBuilder()
    read = _read(record, "$", b)
    if read is not None:
        b.subject = read.title if not _blank(read.title) else read.id
        _check(read, "$", b, day, cal)
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
            _check(read, f"$[{index}]", b, day, cal)
    return b.build()


def self_review_due(
    records: Iterable[DocumentRecord | Mapping[str, Any]], year: int
) -> list[DocumentRecord]:
    """The on-request and not-disclosed documents due for the annual review of ``year``.

    390号 四(一)4.  A document is due when it was issued before ``year`` (or its issue date is
    unknown) and has not been reviewed in ``year`` yet; a document issued in ``year`` was
    reviewed when its attribute was set.  Mappings are read as JSON records
    (:class:`~govdisclose.errors.DataError` when one cannot be read).

    >>> import datetime as dt
    >>> old = DocumentRecord(id="1", title="旧文件", attribute="不予公开",
    ...                      issued=dt.date(2022, 3, 1), last_self_review=dt.date(2023, 12, 1))
    >>> [r.id for r in self_review_due([old], 2024)], self_review_due([old], 2023)
    (['1'], [])
    """
    if type(year) is not int:
        from ..errors import InputError

        raise InputError(f"year must be a whole number, got {clip(year, 40)} (年份应为整数)")
    due = []
    for index, data in enumerate(records):
        record = read_document(data, path=f"$[{index}]")
        if record.attribute not in _REVIEWED:
            continue
        issued_before = record.issued is None or record.issued.year < year
        reviewed = record.last_self_review is not None and record.last_self_review.year >= year
        if issued_before and not reviewed:
            due.append(record)
    return due


def is_valid_document(record: object, *, as_of: dt.date | None = None) -> bool:
    """Whether a record validates with no error findings; never raises (junk → False)."""
    try:
        return validate_document(record, as_of=as_of).ok
    except Exception:  # the promise is: never raise
        return False
