"""Turning an :class:`~govdisclose.audit._engine.Auditor`'s counters into an
:class:`AuditResult`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..findings import Finding, Report
from ._result import (
    FORMED_AFTER_AS_OF,
    IGNORED_COLUMNS,
    LISTING_CAPPED,
    NOT_ASSESSABLE,
    PUBLISHED_AFTER_AS_OF,
    REASONS,
    UNKNOWN_ITEM,
    AuditResult,
    FirstLevelSummary,
    ItemSummary,
    StatusCounts,
)

if TYPE_CHECKING:
    from ._engine import Auditor
    from ._plans import Entry

__all__ = ["build_result"]


def _counts(entry: Entry) -> StatusCounts:
    c = entry.counts
    return StatusCounts(c[0], c[1], c[2], c[3], c[4], c[5], entry.max_late, entry.max_overdue)


def _not_assessable(auditor: Auditor, entry: Entry, path: str) -> list[Finding]:
    item = entry.item
    assert item is not None
    out = []
    for index, count in entry.reasons.items():
        reason, year = auditor._reasons[-index - 1]
        zh, en = REASONS[reason]
        if year is not None:
            zh, en = f"{zh}（{year}年）", f"{en} ({year})"
        out.append(
            NOT_ASSESSABLE.finding(
                path,
                message_zh=f"{item.name}（{item.id}）{count}条记录无法判定：{zh}",
                message_en=f"{item.id}: {count} record{'s' * (count != 1)} not assessable: {en}",
                hint=_hint(reason, year),
                domain=entry.domain.code,
                item_id=item.id,
                reason=reason,
                year=year,
                records=count,
            )
        )
    return out


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


def build_result(auditor: Auditor) -> AuditResult:
    """The result of everything the auditor has read so far."""
    items: list[ItemSummary] = []
    groups: dict[tuple[object, object], StatusCounts] = {}
    extra: list[Finding] = []
    totals = StatusCounts()
    where = auditor.subject
    for domain, entries in auditor._entries.items():
        for entry in entries:
            item = entry.item
            assert item is not None
            counts = _counts(entry)
            if not counts.total:
                continue
            totals += counts
            reasons: dict[str, int] = {}
            years: set[int] = set()
            for index, count in entry.reasons.items():
                reason, year = auditor._reasons[-index - 1]
                reasons[reason] = reasons.get(reason, 0) + count
                if year is not None:
                    years.add(year)
            items.append(
                ItemSummary(
                    domain=domain,
                    item_id=item.id,
                    name=item.name,
                    first_level=item.first_level,
                    time_limit=item.time_limit.text,
                    counts=counts,
                    reasons=reasons,
                    unknown_years=tuple(sorted(years)),
                )
            )
            key = (domain, item.first_level)
            groups[key] = groups.get(key, StatusCounts()) + counts
            extra += _not_assessable(auditor, entry, f"{domain.code}.{item.id}")
    unknown_records = 0
    unknown_findings: list[Finding] = []
    for entry in [*auditor._unknown.values(), *auditor._unknown_overflow.values()]:
        count = entry.counts[4]
        if not count:
            continue
        unknown_records += count
        records = f"{count} record{'s' * (count != 1)}"
        totals += _counts(entry)
        reason = auditor._reasons[-next(iter(entry.reasons)) - 1][0] if entry.reasons else ""
        if entry.key is None:
            text_zh = f"另有{count}条记录的事项不在{entry.domain.label}目录中（未逐一列出）"
            text_en = f"{count} more records name items not in the {entry.domain.code} catalogue"
        elif reason == "ambiguous_item":
            text_zh = (
                f"事项「{entry.key}」在{entry.domain.label}目录中对应多个事项（{count}条记录）"
            )
            text_en = f"{entry.key!r} fits several {entry.domain.code} items ({records})"
        else:
            text_zh = f"事项「{entry.key}」不在{entry.domain.label}目录中（{count}条记录）"
            text_en = f"{entry.key!r} is not a {entry.domain.code} item ({records})"
        path = (
            f"{where}:{entry.first_line}"
            if entry.first_line is not None
            else f"$[{entry.first_index}]"
        )
        unknown_findings.append(
            UNKNOWN_ITEM.finding(
                path,
                message_zh=text_zh,
                message_en=text_en,
                hint="用事项名称或编号（如 policy_documents.1）/ use the item's name or id",
                domain=entry.domain.code,
                item=entry.key,
                reason=reason or None,
                records=count,
                first_line=entry.first_line,
            )
        )
    if len(unknown_findings) > auditor.max_listed:
        hidden = len(unknown_findings) - auditor.max_listed
        unknown_findings = unknown_findings[: auditor.max_listed]
        auditor_unlisted = {UNKNOWN_ITEM.code: hidden}
    else:
        auditor_unlisted = {}
    findings = [*auditor._listed, *unknown_findings, *extra]
    if auditor.formed_after:
        n = auditor.formed_after
        first = auditor.formed_after_first
        findings.append(
            FORMED_AFTER_AS_OF.finding(
                first or where,
                message_zh=f"{n}条记录的形成日期晚于审计基准日{auditor.as_of}"
                f"（第一条：{first}），按待公开计",
                message_en=f"{n} record{'s' * (n != 1)} formed after the as-of date "
                f"{auditor.as_of} (the first: {first}): counted as pending",
                hint="检查记录的年份或 --as-of / check the records' year or the as-of date",
                records=n,
            )
        )
    if auditor.after_as_of:
        n = auditor.after_as_of
        findings.append(
            PUBLISHED_AFTER_AS_OF.finding(
                where,
                message_zh=f"{n}条记录的公开日期晚于审计基准日{auditor.as_of}，按基准日当天尚未公开判定",
                message_en=f"{n} record{'s' * (n != 1)} published after the as-of date "
                f"{auditor.as_of}: judged as not yet published on that date",
                records=n,
            )
        )
    if auditor.ignored:
        names = sorted(auditor.ignored)
        findings.append(
            IGNORED_COLUMNS.finding(
                where,
                message_zh=f"未使用的列：{'、'.join(names)}",
                message_en=f"columns not used: {', '.join(names)}",
                columns=names,
            )
        )
    for code, hidden in [*auditor._unlisted.items(), *auditor_unlisted.items()]:
        if hidden:
            findings.append(
                LISTING_CAPPED.finding(
                    where,
                    message_zh=f"{code} 另有{hidden}条未列出"
                    f"（每类最多列出{auditor.max_listed}条，计数完整）",
                    message_en=f"{hidden} more {code} findings not listed (at most "
                    f"{auditor.max_listed} per code; counts are complete)",
                    code=code,
                    unlisted=hidden,
                )
            )
    first_levels = tuple(
        FirstLevelSummary(domain=d, first_level=f, counts=c)  # type: ignore[arg-type]
        for (d, f), c in groups.items()
    )
    return AuditResult(
        subject=auditor.subject,
        as_of=auditor.as_of,
        format=auditor.format,
        encoding=auditor.encoding,
        records=auditor.records,
        invalid=auditor.invalid,
        totals=totals,
        unknown_item_records=unknown_records,
        published_after_as_of=auditor.after_as_of,
        items=tuple(items),
        first_levels=first_levels,
        report=Report(tuple(findings), auditor.subject),
        listed_limit=auditor.max_listed,
        formed_after_as_of=auditor.formed_after,
        first_problem=auditor.first_problem,
        partial_years=tuple(
            sorted(
                y
                for y in auditor.partial_years
                if auditor.first_formed
                and dt.date.fromordinal(auditor.first_formed).year <= y <= auditor.as_of.year
            )
        ),
    )
