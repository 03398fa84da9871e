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
from ..deadlines import Status, Timeliness
from ..findings import Finding
from ._log_record import describe_problems, log_date, value_at
from ._logfile import LogSource
from ._result import BAD_RECORD, LATE, OVERDUE, RecordResult
from ._tally import ItemTally


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


def record_result(
    source: LogSource,
    index: int,
    line: int,
    row: Sequence[Any],
    tally: ItemTally | None,
    judged: Timeliness | None,
    problems: tuple[str, ...] = (),
) -> RecordResult:
    """The result of a record judged under an item's ``tally``, or of one that cannot be used
    (``judged`` is ``None``: ``problems`` say why), with whatever of it could be read."""
    domain, item, formed, published = (value_at(row, c) for c in source.columns[:4])
    if tally is None:
        domain = Domain.parse(domain, default=None) if isinstance(domain, (str, Domain)) else None
    else:
        domain = tally.domain
    judgement: dict[str, Any] = {"status": Status.INVALID}
    if judged is not None:
        status = judged.status
        judgement = {
            "status": status,
            "due": judged.due,
            "late_workdays": judged.workdays if status is Status.LATE else None,
            "overdue_workdays": judged.workdays if status is Status.OVERDUE else None,
            "reason": judged.reason,
            "unknown_year": judged.year,
            "provisional": judged.provisional,
            "partial": judged.partial,
        }
    return RecordResult(
        index=index,
        line=line if source.has_lines else None,
        domain=domain,
        item=item if item is None or isinstance(item, str) else str(item),
        item_id=None if tally is None or tally.item is None else tally.item.id,
        formed=_date_or_none(formed),
        published=_date_or_none(published),
        problems=problems,
        **judgement,
        **extras(row, source.columns),
    )


def listed_finding(
    source: LogSource,
    index: int,
    line: int,
    row: Sequence[Any],
    tally: ItemTally,
    formed: dt.date,
    published: dt.date | None,
    judged: Timeliness,
    as_of: dt.date,
) -> Finding:
    """An ``audit.late`` or ``audit.overdue`` finding for one record."""
    item = tally.item
    assert item is not None and judged.due is not None  # a catalogue item's late record
    due, days = judged.due, judged.workdays
    more = extras(row, source.columns)
    what = "、".join(v for v in (more["id"], more["title"]) if v)
    label = f"{item.name}（{item.id}）" + (f" {what}" if what else "")
    count_zh = "" if days is None else f"{days}个工作日"
    count_en = "" if days is None else f"{days} working day{'s' * (days != 1)} "
    late = judged.status is Status.LATE
    if late:
        zh = f"{label}：{formed}形成，应于{due}前公开，{published}才公开，逾期{count_zh}"
        en = f"formed {formed}, due {due}, published {published}: {count_en}late"
    else:
        zh = f"{label}：{formed}形成，应于{due}前公开，截至{as_of}仍未公开，超期{count_zh}"
        en = f"formed {formed}, due {due}, not published on {as_of}: {count_en}overdue"
    if days is None:
        zh += "（工作日数因缺少节假日安排无法计算）"
        en += " (working days unknown: a year has no holiday arrangement)"
    return (LATE if late else OVERDUE).finding(
        record_path(source, index, line),
        message_zh=zh,
        message_en=en,
        line=line if source.has_lines else None,
        index=index,
        domain=tally.domain.code,
        item_id=item.id,
        formed=formed.isoformat(),
        due=due.isoformat(),
        published=published.isoformat() if late and published is not None else None,
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


def _date_or_none(value: Any) -> dt.date | None:
    day = log_date(value)
    return day if isinstance(day, dt.date) else None
