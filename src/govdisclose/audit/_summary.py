"""From counters to an :class:`~govdisclose.audit.AuditResult`, and results of parts into one.

:func:`build_result` turns an :class:`~govdisclose.audit._tally.AuditTally` into a result;
:func:`merge_results` combines the results of parts of a log (per county file, per chunk of
records) into the result of the whole.  Both go through one assembly step, so a merged result
is built exactly as the whole's would be.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable
from typing import Any

import attrs

from .._errors import InputError
from .._vocabulary import Domain
from ..findings import Finding, Report
from ._result import (
    BAD_RECORD,
    FORMED_AFTER_AS_OF,
    IGNORED_COLUMNS,
    LATE,
    LISTING_CAPPED,
    NOT_ASSESSABLE,
    OVERDUE,
    PUBLISHED_AFTER_AS_OF,
    REASONS,
    UNKNOWN_ITEM,
    AuditResult,
    FirstLevelSummary,
    ItemSummary,
    StatusCounts,
)
from ._tally import AuditTally, Catalogues, catalogue_map

#: Listed per record, capped per code, in record order.
_LISTED_CODES = (LATE.code, OVERDUE.code, BAD_RECORD.code)


@attrs.define
class _Unknown:
    """The records naming one unknown item text (``text`` None: the rest, counted together)."""

    domain: Domain
    text: str | None
    reason: str
    records: int
    path: str
    first_line: int | None


@attrs.define
class _Parts:
    """The pieces of a result's report, in the order they are listed."""

    listed: list[Finding] = attrs.Factory(list)
    unknown: dict[tuple[Domain, str | None], _Unknown] = attrs.Factory(dict)
    #: Not-assessable records by (domain, item id) then (reason, year).
    not_assessable: dict[tuple[Domain, str], dict[tuple[str, int | None], int]] = attrs.Factory(
        dict
    )
    formed_after: int = 0
    formed_after_first: str | None = None
    published_after: int = 0
    ignored: set[str] = attrs.Factory(set)


def _plural(count: int, word: str = "record") -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def _hint(reason: str, year: int | None) -> str:
    if reason == "unknown_year":
        return (
            f"提供{year}年节假日安排（--calendar FILE）或使用 --provisional 暂估 / supply the "
            f"{year} arrangement (--calendar FILE) or ask for a provisional estimate"
        )
    if reason in ("no_service_level", "external_requirement", "consultation_period"):
        return (
            "在本地目录中为该事项设定服务承诺时限（service_level_workdays）/ set a service level "
            "for the item in a local catalogue"
        )
    return ""


def _not_assessable_finding(
    summary: ItemSummary, reason: str, year: int | None, count: int
) -> Finding:
    zh, en = REASONS[reason]
    if year is not None:
        zh, en = f"{zh}（{year}年）", f"{en} ({year})"
    return NOT_ASSESSABLE.finding(
        f"{summary.domain.code}.{summary.item_id}",
        message_zh=f"{summary.name}（{summary.item_id}）{count}条记录无法判定：{zh}",
        message_en=f"{summary.item_id}: {_plural(count)} not assessable: {en}",
        hint=_hint(reason, year),
        domain=summary.domain.code,
        item_id=summary.item_id,
        reason=reason,
        year=year,
        records=count,
    )


def _unknown_finding(unknown: _Unknown) -> Finding:
    count, domain, text = unknown.records, unknown.domain, unknown.text
    if text is None:
        text_zh = f"另有{count}条记录的事项不在{domain.label}目录中（未逐一列出）"
        text_en = f"{count} more records name items not in the {domain.code} catalogue"
    elif unknown.reason == "ambiguous_item":
        text_zh = f"事项「{text}」在{domain.label}目录中对应多个事项（{count}条记录）"
        text_en = f"{text!r} fits several {domain.code} items ({_plural(count)})"
    else:
        text_zh = f"事项「{text}」不在{domain.label}目录中（{count}条记录）"
        text_en = f"{text!r} is not a {domain.code} item ({_plural(count)})"
    return UNKNOWN_ITEM.finding(
        unknown.path,
        message_zh=text_zh,
        message_en=text_en,
        hint="用事项名称或编号（如 policy_documents.1）/ use the item's name or id",
        domain=domain.code,
        item=text,
        reason=unknown.reason or None,
        records=count,
        first_line=unknown.first_line,
    )


def _assemble(
    parts: _Parts,
    items: list[ItemSummary],
    *,
    subject: str,
    max_listed: int,
    invalid: int,
    unknown_item_records: int,
    **fields: Any,
) -> AuditResult:
    """The result of the pieces: the report in its fixed order, the summaries, the totals.

    The records not listed are those counted less those listed."""
    findings = list(parts.listed)
    totals = sum((s.counts for s in items), StatusCounts(not_assessable=unknown_item_records))
    listed = collections.Counter(finding.code for finding in parts.listed)
    counted = {LATE.code: totals.late, OVERDUE.code: totals.overdue, BAD_RECORD.code: invalid}
    unlisted = {code: counted[code] - listed[code] for code in _LISTED_CODES}
    unknown = list(parts.unknown.values())
    unknown, hidden_unknown = unknown[:max_listed], unknown[max_listed:]
    if hidden_unknown:
        unlisted[UNKNOWN_ITEM.code] = len(hidden_unknown)
    findings += [_unknown_finding(u) for u in unknown]
    by_item = {(s.domain, s.item_id): s for s in items}
    for key, reasons in parts.not_assessable.items():
        for (reason, year), count in reasons.items():
            findings.append(_not_assessable_finding(by_item[key], reason, year, count))
    as_of = fields["as_of"]
    if parts.formed_after:
        n, first = parts.formed_after, parts.formed_after_first
        findings.append(
            FORMED_AFTER_AS_OF.finding(
                first or subject,
                message_zh=f"{n}条记录的形成日期晚于审计基准日{as_of}（第一条：{first}），按待公开计",
                message_en=f"{_plural(n)} formed after the as-of date {as_of} (the first: "
                f"{first}): counted as pending",
                hint="检查记录的年份或 --as-of / check the records' year or the as-of date",
                records=n,
            )
        )
    if parts.published_after:
        n = parts.published_after
        findings.append(
            PUBLISHED_AFTER_AS_OF.finding(
                subject,
                message_zh=f"{n}条记录的公开日期晚于审计基准日{as_of}，按基准日当天尚未公开判定",
                message_en=f"{_plural(n)} published after the as-of date {as_of}: judged as "
                f"not yet published on that date",
                records=n,
            )
        )
    if parts.ignored:
        names = sorted(parts.ignored)
        findings.append(
            IGNORED_COLUMNS.finding(
                subject,
                message_zh=f"未使用的列：{'、'.join(names)}",
                message_en=f"columns not used: {', '.join(names)}",
                columns=names,
            )
        )
    for code in (*_LISTED_CODES, UNKNOWN_ITEM.code):
        hidden = unlisted.get(code, 0)
        if hidden:
            # The unknown items not listed travel in the data, so that a merge stays exact.
            more: dict[str, Any] = {
                "items": [
                    {**attrs.asdict(u, recurse=False), "domain": u.domain.code}
                    for u in hidden_unknown
                ]
            }
            findings.append(
                LISTING_CAPPED.finding(
                    subject,
                    message_zh=f"{code} 另有{hidden}条未列出"
                    f"（每类最多列出{max_listed}条，计数完整）",
                    message_en=f"{hidden} more {code} findings not listed (at most "
                    f"{max_listed} per code; counts are complete)",
                    code=code,
                    unlisted=hidden,
                    **(more if code == UNKNOWN_ITEM.code else {}),
                )
            )
    groups: dict[tuple[Domain, Any], StatusCounts] = {}
    for summary in items:
        group = (summary.domain, summary.first_level)
        groups[group] = groups.get(group, StatusCounts()) + summary.counts
    return AuditResult(
        subject=subject,
        listed_limit=max_listed,
        items=tuple(items),
        first_levels=tuple(
            FirstLevelSummary(domain=d, first_level=f, counts=c) for (d, f), c in groups.items()
        ),
        report=Report(tuple(findings), subject),
        formed_after_as_of=parts.formed_after,
        published_after_as_of=parts.published_after,
        invalid=invalid,
        totals=totals,
        unknown_item_records=unknown_item_records,
        **fields,
    )


def _no_record(records: int, format: str) -> str | None:
    if records:
        return None
    if format in ("csv", "tsv"):
        return "the log has a header and no record after it (只有表头，没有记录)"
    return "the log has no record (没有记录)"


def build_result(tally: AuditTally, partial_years: tuple[int, ...] = ()) -> AuditResult:
    """The result of everything ``tally`` counted; ``partial_years`` are the years from the
    earliest record to the as-of date whose arrangement is marked partial."""
    parts = _Parts(
        listed=list(tally.listed),
        formed_after=tally.formed_after_as_of,
        formed_after_first=tally.formed_after_first,
        published_after=tally.published_after_as_of,
        ignored=set(tally.ignored),
    )
    items: list[ItemSummary] = []
    for item_tally in tally.items:
        item = item_tally.item
        assert item is not None  # catalogue items
        counts = item_tally.counts()
        if not counts.total:
            continue
        why = item_tally.reasons
        reasons = collections.Counter[str]()
        for (reason, _), count in why.items():
            reasons[reason] += count
        items.append(
            ItemSummary(
                domain=item_tally.domain,
                item_id=item.id,
                name=item.name,
                first_level=item.first_level,
                time_limit=item.time_limit.text,
                counts=counts,
                reasons=reasons,
                unknown_years=tuple(sorted({y for _, y in why if y is not None})),
            )
        )
        if why:
            parts.not_assessable[item_tally.domain, item.id] = why
    unknown_records = 0
    for unknown in [*tally.unknown.values(), *tally.unknown_overflow.values()]:
        count = unknown.counts().not_assessable
        if not count:
            continue
        unknown_records += count
        path = (
            f"{tally.subject}:{unknown.first_line}"
            if unknown.first_line is not None
            else f"$[{unknown.first_index}]"
        )
        reason = next(iter(unknown.reasons))[0]
        parts.unknown[unknown.domain, unknown.text] = _Unknown(
            unknown.domain, unknown.text, reason, count, path, unknown.first_line
        )
    return _assemble(
        parts,
        items,
        subject=tally.subject,
        max_listed=tally.max_listed,
        as_of=tally.as_of,
        format=tally.format,
        encoding=tally.encoding,
        records=tally.records,
        invalid=tally.invalid,
        unknown_item_records=unknown_records,
        first_problem=tally.first_problem or _no_record(tally.records, tally.format),
        partial_years=partial_years,
    )


def merge_results(
    results: Iterable[AuditResult],
    *,
    catalogues: Catalogues = None,
) -> AuditResult:
    """One result from the results of parts of a log, in the parts' order.

    The parts must be audited on the same ``as_of`` with the same ``max_listed`` and
    ``catalogues`` (give the same ``catalogues`` here: they order the items).  Counts,
    summaries per item and per first-level item, not-assessable and unknown-item findings are
    added up; late, overdue and bad-record findings are listed in the parts' order up to
    ``max_listed`` per code, the rest counted in ``audit.listing-capped``.  So the merge of the
    results of consecutive chunks of a list of records (each audited with ``start=`` its first
    record's index) equals the result of the whole list.  The subject is the parts' subject
    (joined with `` + `` when they differ), the format the first part's, the encoding the
    parts' common one (else ``None``).  Unknown item texts are added up exactly while each
    part lists all of its own (fewer than ``max_listed``).
    """
    parts_list = list(results)
    if not parts_list or not all(isinstance(r, AuditResult) for r in parts_list):
        raise InputError("merge_results needs one or more AuditResult objects (应为审计结果列表)")
    first = parts_list[0]
    for other in parts_list[1:]:
        if other.as_of != first.as_of or other.listed_limit != first.listed_limit:
            raise InputError(
                f"results audited as of {other.as_of} with max_listed {other.listed_limit} "
                f"cannot be merged with ones as of {first.as_of} with max_listed "
                f"{first.listed_limit} (审计基准日或列出上限不同，不能合并)"
            )
    subjects = list(dict.fromkeys(r.subject for r in parts_list))
    subject = " + ".join(subjects)
    max_listed = first.listed_limit
    order = {
        (domain, item.id): position
        for position, (domain, item) in enumerate(
            (domain, item)
            for domain, catalogue in catalogue_map(catalogues).items()
            for item in catalogue.items
        )
    }
    items: dict[tuple[Domain, str], ItemSummary] = {}
    parts = _Parts()
    listed_counts: dict[str, int] = {}
    for result in parts_list:
        for s in result.items:
            key = (s.domain, s.item_id)
            seen = items.get(key)
            if seen is None:
                items[key] = s
                continue
            reasons = collections.Counter(seen.reasons) + collections.Counter(s.reasons)
            items[key] = attrs.evolve(
                seen,
                counts=seen.counts + s.counts,
                reasons=reasons,
                unknown_years=tuple(sorted({*seen.unknown_years, *s.unknown_years})),
            )
        for finding in result.report.findings:
            _merge_finding(finding, parts, listed_counts, max_listed)
    merged_items = sorted(items.values(), key=lambda s: order.get((s.domain, s.item_id), -1))
    parts.not_assessable = {
        key: parts.not_assessable[key]
        for key in sorted(parts.not_assessable, key=lambda k: order.get(k, -1))
    }
    encodings = {r.encoding for r in parts_list}
    return _assemble(
        parts,
        merged_items,
        subject=subject,
        max_listed=max_listed,
        as_of=first.as_of,
        format=first.format,
        encoding=encodings.pop() if len(encodings) == 1 else None,
        records=sum(r.records for r in parts_list),
        invalid=sum(r.invalid for r in parts_list),
        unknown_item_records=sum(r.unknown_item_records for r in parts_list),
        first_problem=next((r.first_problem for r in parts_list if r.invalid), None)
        or _no_record(sum(r.records for r in parts_list), first.format),
        partial_years=tuple(sorted({y for r in parts_list for y in r.partial_years})),
    )


def _merge_finding(
    finding: Finding, parts: _Parts, listed_counts: dict[str, int], max_listed: int
) -> None:
    code, data = finding.code, finding.data
    if code in _LISTED_CODES:  # the first ones listed, the rest counted (as in a whole log)
        if listed_counts.get(code, 0) < max_listed:
            listed_counts[code] = listed_counts.get(code, 0) + 1
            parts.listed.append(finding)
    elif code == LISTING_CAPPED.code and data["code"] == UNKNOWN_ITEM.code:
        for hidden in data["items"]:
            _add_unknown(parts, _Unknown(**{**hidden, "domain": Domain.parse(hidden["domain"])}))
    elif code == UNKNOWN_ITEM.code:
        domain = Domain.parse(data["domain"])
        _add_unknown(
            parts,
            _Unknown(
                domain,
                data["item"],
                data["reason"] or "",
                data["records"],
                finding.path,
                data["first_line"],
            ),
        )
    elif code == NOT_ASSESSABLE.code:
        reasons = parts.not_assessable.setdefault(
            (Domain.parse(data["domain"]), data["item_id"]), {}
        )
        why = (data["reason"], data["year"])
        reasons[why] = reasons.get(why, 0) + data["records"]
    elif code == FORMED_AFTER_AS_OF.code:
        if not parts.formed_after:
            parts.formed_after_first = finding.path
        parts.formed_after += data["records"]
    elif code == PUBLISHED_AFTER_AS_OF.code:
        parts.published_after += data["records"]
    elif code == IGNORED_COLUMNS.code:
        parts.ignored.update(data["columns"])


def _add_unknown(parts: _Parts, unknown: _Unknown) -> None:
    seen = parts.unknown.get((unknown.domain, unknown.text))
    if seen is None:
        parts.unknown[unknown.domain, unknown.text] = unknown
    else:
        seen.records += unknown.records
