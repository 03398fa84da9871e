"""Per-record output: :class:`RecordResult` objects and listed findings (late, overdue, bad).

Only built for the records that need them — listed findings (at most ``max_listed`` per code),
invalid records, or every record when the caller asked for per-record results — so the hot
path of an audit creates no object per record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from .._vocabulary import Domain
from ..findings import Finding, FindingCode
from ._log_record import date_ordinal
from ._logfile import LogSource
from ._plans import Entry
from ._problems import describe_problems, value_at
from ._result import BAD_RECORD, LATE, RecordResult, Status

__all__ = [
    "NOT_ASSESSABLE_STATUS",
    "STATUSES",
    "bad_record_finding",
    "extras",
    "invalid_result",
    "listed_finding",
    "record_path",
    "record_result",
]

#: Status codes of the engine's counters, in counter order.
STATUSES = (Status.ON_TIME, Status.LATE, Status.OVERDUE, Status.PENDING, Status.NOT_ASSESSABLE)
NOT_ASSESSABLE_STATUS = 4


def record_path(source: LogSource, index: int, line: int) -> str:
    """Where a record is: ``file:line`` for files, ``$[index]`` for records given as objects."""
    return f"{source.name}:{line}" if source.has_lines else f"$[{index}]"


def extras(row: Sequence[Any], columns: Sequence[int | None]) -> dict[str, Any]:
    """The optional fields of a row: channel, title, id (text or ``None``)."""
    out: dict[str, Any] = {}
    for name, column in zip(("channel", "title", "id"), columns[4:7], strict=True):
        value = value_at(row, column)
        out[name] = value if value is None or isinstance(value, str) else str(value)
    return out


def _day(ordinal: int) -> dt.date | None:
    return dt.date.fromordinal(ordinal) if ordinal > 0 else None


def record_result(
    source: LogSource,
    index: int,
    line: int,
    row: Sequence[Any],
    status: int,
    entry: Entry,
    formed: int,
    published: int,
    due: int,
    days: int | None,
    provisional: bool,
    reason: tuple[str, int | None] | None,
    partial: bool = False,
) -> RecordResult:
    """The result of a usable record (``days``: working days late or overdue)."""
    item = entry.item
    code = STATUSES[status]
    return RecordResult(
        index=index,
        line=line if source.has_lines else None,
        status=code,
        domain=entry.domain,
        item=value_at(row, source.columns[1]),
        item_id=None if item is None else item.id,
        formed=_day(formed),
        published=_day(published),
        due=_day(due),
        late_workdays=days if code is Status.LATE else None,
        overdue_workdays=days if code is Status.OVERDUE else None,
        reason=None if reason is None else reason[0],
        unknown_year=None if reason is None else reason[1],
        provisional=provisional,
        partial=partial,
        **extras(row, source.columns),
    )


def listed_finding(
    definition: FindingCode,
    source: LogSource,
    index: int,
    line: int,
    row: Sequence[Any],
    entry: Entry,
    formed_ordinal: int,
    due_ordinal: int,
    published_ordinal: int,
    days: int | None,
    as_of: dt.date,
) -> Finding:
    """An ``audit.late`` or ``audit.overdue`` finding for one record."""
    item = entry.item
    assert item is not None
    formed, due = dt.date.fromordinal(formed_ordinal), dt.date.fromordinal(due_ordinal)
    published = _day(published_ordinal)
    more = extras(row, source.columns)
    what = "、".join(v for v in (more["id"], more["title"]) if v)
    label = f"{item.name}（{item.id}）" + (f" {what}" if what else "")
    count_zh = "" if days is None else f"{days}个工作日"
    count_en = "" if days is None else f"{days} working day{'s' * (days != 1)} "
    if definition is LATE:
        zh = f"{label}：{formed}形成，应于{due}前公开，{published}才公开，逾期{count_zh}"
        en = f"formed {formed}, due {due}, published {published}: {count_en}late"
    else:
        zh = f"{label}：{formed}形成，应于{due}前公开，截至{as_of}仍未公开，超期{count_zh}"
        en = f"formed {formed}, due {due}, not published on {as_of}: {count_en}overdue"
    if days is None:
        zh += "（工作日数因缺少节假日安排无法计算）"
        en += " (working days unknown: a year has no holiday arrangement)"
    return definition.finding(
        record_path(source, index, line),
        message_zh=zh,
        message_en=en,
        line=line if source.has_lines else None,
        index=index,
        domain=entry.domain.code,
        item_id=item.id,
        formed=formed.isoformat(),
        due=due.isoformat(),
        published=None if published is None else published.isoformat(),
        workdays=days,
        **more,
    )


def bad_record_finding(
    source: LogSource, index: int, line: int, row: Sequence[Any], problems: tuple[str, ...]
) -> Finding:
    """An ``audit.bad-record`` finding for a record that cannot be used."""
    zh, en = describe_problems(problems, row, source.columns, source.width)
    return BAD_RECORD.finding(
        record_path(source, index, line),
        message_zh=f"记录无法使用：{zh}",
        message_en=f"record cannot be used: {en}",
        line=line if source.has_lines else None,
        index=index,
        problems=list(problems),
    )


def invalid_result(
    source: LogSource, index: int, line: int, row: Sequence[Any], problems: tuple[str, ...]
) -> RecordResult:
    """The result of a record that cannot be used, with whatever of it could be read."""
    values = [value_at(row, c) for c in source.columns]
    domain = values[0] if isinstance(values[0], (str, Domain)) else None
    return RecordResult(
        index=index,
        line=line if source.has_lines else None,
        status=Status.INVALID,
        domain=None if domain is None else Domain.try_parse(domain),
        item=values[1] if values[1] is None or isinstance(values[1], str) else str(values[1]),
        item_id=None,
        formed=_day(date_ordinal(values[2])),
        published=_day(date_ordinal(values[3])),
        problems=problems,
        **extras(row, source.columns),
    )
