"""The per-rule checks of a document record, behind :mod:`govdisclose.checks._documents`.

One function per rule of 应急厅函〔2019〕390号 四(一), 四(二)6 (identity, 公开属性 and its
marking, the not-disclosed basis and review, publication within 20 working days, 三同步
interpretation, the annual review); :func:`check_document` runs them all on one record read
without errors, adding findings (codes in :mod:`govdisclose.checks._document_codes`) to a
:class:`~govdisclose.findings.ReportBuilder`.  Reading the input and the public entry points
(:func:`~govdisclose.checks.validate_document` …) are in
:mod:`govdisclose.checks._documents`.

>>> import datetime as dt
>>> from govdisclose.findings import ReportBuilder
>>> from govdisclose.checks import DocumentRecord
>>> from govdisclose.calendar._workcalendar import WorkCalendar
>>> record = DocumentRecord(id="9", title="通知", attribute="不予公开", marking="此件不公开",
...                         issued=dt.date(2024, 3, 1), not_disclosed_basis="条例第十四条")
>>> b = ReportBuilder()
>>> check_document(record, "$", b, dt.date(2024, 5, 1), WorkCalendar.official())
>>> b.build().codes
('document.review-missing',)
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING, Any

from .._errors import UnknownYearError
from .._vocabulary import DisclosureAttribute, normalize_text
from ..deadlines import PUBLICATION_RULE, Status, due_date, judge
from ..findings import ReportBuilder, Severity
from . import _document_codes as C
from ._document_record import DocumentRecord
from ._prescan import is_blank

if TYPE_CHECKING:
    from ..calendar._workcalendar import WorkCalendar

#: The attributes whose documents are reviewed every year (390号 四(一)4).
REVIEWED_ATTRIBUTES = (DisclosureAttribute.ON_REQUEST, DisclosureAttribute.NOT_DISCLOSED)
_MARK_NOISE = str.maketrans("", "", "「」『』“”\"'()（）[]【】<>《》:：")


@functools.lru_cache(maxsize=1024)
def marking_attributes(text: str) -> tuple[DisclosureAttribute, ...]:
    """The attributes whose marking (此件公开发布 …) occurs in ``text``, in vocabulary order.

    >>> marking_attributes("（此件公开发布）")
    (<DisclosureAttribute.PROACTIVE: 'proactive'>,)
    >>> marking_attributes("此件 不公开")
    (<DisclosureAttribute.NOT_DISCLOSED: 'not_disclosed'>,)
    """
    folded = normalize_text(text).translate(_MARK_NOISE)
    return tuple(a for a in DisclosureAttribute if normalize_text(a.marking) in folded)


def _check_identity(record: DocumentRecord, path: str, b: ReportBuilder) -> None:
    for field in ("id", "title"):
        if is_blank(getattr(record, field)):
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
    if is_blank(marking):
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
    if is_blank(record.not_disclosed_basis):
        b.add(
            C.BASIS_MISSING,
            f"{path}.not_disclosed_basis",
            hint="写明不予公开的法律法规依据（如条例第十四条、第十五条）/ state the legal basis",
        )
    review = record.review
    if review is None or is_blank(review.reviewer):
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


def _provisional_note(estimated: tuple[int, ...], partial: tuple[int, ...]) -> tuple[str, str]:
    zh, en = "", ""
    if estimated:
        years = "、".join(str(y) for y in estimated)
        zh += f"（暂估：{years}年尚无官方节假日安排）"
        en += f" (PROVISIONAL: no official holiday arrangement for {years})"
    if partial:
        years = "、".join(str(y) for y in partial)
        zh += f"（部分安排：{years}年节假日安排未列全节日）"
        en += f" (PARTIAL: the holiday arrangement for {years} lacks festivals)"
    return zh, en


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
    due = due_date(PUBLICATION_RULE, issued, calendar)
    if due.date is None:  # a year without an arrangement: say which, as the calendar does
        try:
            PUBLICATION_RULE.due_date(issued, calendar)
        except UnknownYearError as exc:
            b.add(
                C.DEADLINE_UNKNOWN,
                f"{path}.issued",
                message_zh=f"无法计算公开期限：{exc.year}年尚无官方节假日安排",
                message_en=f"the deadline cannot be computed: {exc.message}",
                hint="补充该年节假日安排，或暂估（--provisional）/ supply the year's "
                "arrangement or ask for a provisional estimate (--provisional)",
                issued=issued.isoformat(),
                year=exc.year,
            )
        return
    day = due.date
    # published is judged whatever as_of says; as_of only says "not yet published"
    judged = judge(due, published, as_of if published is None else max(as_of, published), calendar)
    end = published if published is not None else as_of
    # Which years were estimated or partial, when the judgement says some were.
    years = calendar.estimated_years(issued, max(day, end)) if judged.provisional else ()
    partial = calendar.partial_years(issued, max(day, end)) if judged.partial else ()
    data: dict[str, Any] = {"issued": issued.isoformat(), "due": day.isoformat()}
    if years:
        data["provisional"] = True
        data["estimated_years"] = list(years)
    if partial:
        data["partial"] = True
        data["partial_years"] = list(partial)
    late, hint = judged.workdays, ""
    if judged.status is Status.LATE:
        assert published is not None
        late_zh = f"{late}个工作日" if late is not None else f"{(published - day).days}日"
        code = C.PUBLISHED_LATE
        zh = f"{issued}印发，应于{day}前公开，{published}才公开，逾期{late_zh}"
        en = f"issued {issued}, due {day}, published {published}: "
        en += f"{late if late is not None else '?'} working day(s) late"
        data.update(
            published=published.isoformat(), late_workdays=late, late_days=(published - day).days
        )
    elif judged.status is Status.OVERDUE:
        code = C.PUBLICATION_OVERDUE
        zh = f"{issued}印发，应于{day}前公开，截至{as_of}仍未公开"
        en = f"issued {issued}, due {day}, not published as of {as_of}"
        hint = "立即在政府网站公开 / publish it on the government website now"
        data.update(as_of=as_of.isoformat(), overdue_workdays=late, overdue_days=(as_of - day).days)
    elif judged.status is Status.PENDING:
        code = C.PUBLICATION_PENDING
        zh = f"{issued}印发，应于{day}前在政府网站公开"
        en = f"issued {issued}: publish on the government website by {day}"
        data["as_of"] = as_of.isoformat()
    else:
        return
    note_zh, note_en = _provisional_note(years, partial)
    b.add(
        code,
        f"{path}.published",
        message_zh=zh + note_zh,
        message_en=en + note_en,
        hint=hint,
        **data,
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
    if interp is not None and (doc_day or int_day) and is_blank(interp.url) and is_blank(interp.id):
        b.add(
            C.INTERPRETATION_NOT_LINKED,
            where,
            hint="记录解读的网址或编号并与文件互相链接 / record the interpretation's URL or id "
            "and link the two",
        )


def _check_self_review(record: DocumentRecord, path: str, b: ReportBuilder, as_of: dt.date) -> None:
    last = record.last_self_review or record.issued
    if record.attribute in REVIEWED_ATTRIBUTES and last is not None and last.year < as_of.year - 1:
        b.add(
            C.SELF_REVIEW_OVERDUE,
            f"{path}.last_self_review",
            message_zh=f"上次自查（或印发）在{last.year}年，{as_of.year - 1}年未自查",
            message_en=f"last reviewed (or issued) in {last.year}; no review in {as_of.year - 1}",
            hint="开展年度公开属性自查，应公开的调整为主动公开（390号 四(一)4）/ review it; "
            "change the attribute if it should be public",
            last=last.isoformat(),
        )


def check_document(
    record: DocumentRecord, path: str, b: ReportBuilder, as_of: dt.date, calendar: WorkCalendar
) -> None:
    """Run every check on one record read from ``path``, adding the findings to ``b``.

    ``as_of`` is the day "not yet published" and the annual review are judged on; ``calendar``
    counts the working days of the publication deadline.
    """
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
