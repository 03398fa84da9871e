"""What an audit gives: record statuses, per-record results, summaries and the finding codes.

See :mod:`govdisclose.audit` for the overview.  :class:`AuditResult` holds counters and a
:class:`~govdisclose.findings.Report` only — never the records — so its size does not grow with
the log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from .._model import FrozenDict
from .._output import label, output
from .._texttable import render_table
from .._vocabulary import Domain, FirstLevel
from ..deadlines import TIMELINESS_REASONS, Status
from ..findings import FindingCode, Report, Severity

#: Why a record is not assessable: reason code → (Chinese, English).  The codes of the
#: deadlines' judgement (:data:`govdisclose.deadlines.TIMELINESS_REASONS`: a time limit that
#: gives no due date, a year without a holiday arrangement) and two of the audit's.
REASONS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        **TIMELINESS_REASONS,
        "unknown_item": ("目录中没有该事项", "the item is not in the catalogue"),
        "ambiguous_item": ("事项名称对应多个事项", "the item's name fits several items"),
    }
)

#: The finding codes of this area (see :mod:`govdisclose.findings`).
CODES = (
    LATE := FindingCode(
        "audit.late",
        Severity.ERROR,
        "逾期公开",
        "published late",
        "A record of the publication log was published after its due date; data gives the "
        "formed, due and published dates and how many working days late.",
    ),
    OVERDUE := FindingCode(
        "audit.overdue",
        Severity.ERROR,
        "超期未公开",
        "overdue, not published",
        "A record is not published and its due date has passed on the audit's as-of date.",
    ),
    NOT_ASSESSABLE := FindingCode(
        "audit.not-assessable",
        Severity.INFO,
        "无法判定是否按时公开",
        "timeliness cannot be assessed",
        "Records of one item that have no due date, with the reason and how many there are "
        "(one finding per item and reason).",
    ),
    UNKNOWN_ITEM := FindingCode(
        "audit.unknown-item",
        Severity.WARNING,
        "目录中没有该事项",
        "item not in the catalogue",
        "Records name an item that the domain's catalogue does not have (or a name several "
        "items share); one finding per domain and item text, with the count and first line.",
    ),
    BAD_RECORD := FindingCode(
        "audit.bad-record",
        Severity.ERROR,
        "记录无法使用",
        "record cannot be used",
        "A record with a missing field, a bad date, an unknown domain, a publication date before "
        "the formation date, the wrong number of columns or undecodable bytes: it cannot be "
        "audited, so the audit is not ok.  data.problems lists problem codes such as "
        "missing_field:formed, bad_date:published, unknown_domain, published_before_formed, "
        "field_count, undecodable, bad_json, not_object.",
    ),
    LISTING_CAPPED := FindingCode(
        "audit.listing-capped",
        Severity.INFO,
        "仅列出部分记录",
        "only some records listed",
        "More records had this finding than the report lists; the counts are complete.",
    ),
    IGNORED_COLUMNS := FindingCode(
        "audit.ignored-columns",
        Severity.INFO,
        "未使用的列",
        "columns not used",
        "Columns (or JSON keys) of the log that are not record fields.",
    ),
    FORMED_AFTER_AS_OF := FindingCode(
        "audit.formed-after-as-of",
        Severity.WARNING,
        "形成日期晚于审计基准日",
        "formed after the as-of date",
        "Records formed after the audit's as-of date: not yet due on that date, so counted as "
        "pending (or not assessable), but most likely a wrong year in the log or a wrong as-of "
        "date; one finding with the count and the first record.",
    ),
    PUBLISHED_AFTER_AS_OF := FindingCode(
        "audit.published-after-as-of",
        Severity.INFO,
        "公开日期晚于审计基准日",
        "published after the as-of date",
        "Records whose publication date is after the audit's as-of date were judged as not yet "
        "published on that date.",
    ),
)


@output()
@attrs.frozen
class RecordResult:
    """The audit of one record, for a caller that wants every record (a CMS).

    ``index`` is the record's 0-based position among the log's records; ``line`` its first
    line in the file (``None`` for records given as objects).  ``late_workdays`` is set for a
    late record, ``overdue_workdays`` for an overdue one (working days past the due date up
    to the as-of date); either is ``None`` when a year in between has no calendar.
    ``reason`` is a :data:`REASONS` code when not assessable; ``problems`` lists what is
    wrong with an invalid record.
    """

    index: int
    line: int | None
    status: Status
    domain: Domain | None
    item: Any
    item_id: str | None
    formed: dt.date | None
    published: dt.date | None
    due: dt.date | None = None
    late_workdays: int | None = None
    overdue_workdays: int | None = None
    reason: str | None = None
    unknown_year: int | None = None
    provisional: bool = False
    partial: bool = False
    problems: tuple[str, ...] = ()
    channel: str | None = None
    title: str | None = None
    id: str | None = None


@output(derived=("total",))
@attrs.frozen
class StatusCounts:
    """Records by status, with the greatest lateness; ``provisional`` counts estimated ones."""

    on_time: int = 0
    late: int = 0
    overdue: int = 0
    pending: int = 0
    not_assessable: int = 0
    #: Records whose due date or lateness used an estimated (provisional) calendar year.
    provisional: int = 0
    #: The most working days any record was published late (``None``: none known).
    max_late_workdays: int | None = None
    #: The most working days any record is overdue on the as-of date.
    max_overdue_workdays: int | None = None

    @property
    def total(self) -> int:
        """All records counted (every status)."""
        return self.on_time + self.late + self.overdue + self.pending + self.not_assessable

    def __add__(self, other: StatusCounts) -> StatusCounts:
        if not isinstance(other, StatusCounts):
            return NotImplemented
        return StatusCounts(
            self.on_time + other.on_time,
            self.late + other.late,
            self.overdue + other.overdue,
            self.pending + other.pending,
            self.not_assessable + other.not_assessable,
            self.provisional + other.provisional,
            _max(self.max_late_workdays, other.max_late_workdays),
            _max(self.max_overdue_workdays, other.max_overdue_workdays),
        )

    def describe(self) -> str:
        """One line for people."""
        late = f"{Status.LATE.label} late {self.late}"
        if self.max_late_workdays is not None:
            late += f"（最多 max {self.max_late_workdays} 个工作日 working days）"
        overdue = f"{Status.OVERDUE.label} overdue {self.overdue}"
        if self.max_overdue_workdays is not None:
            overdue += f"（最多 max {self.max_overdue_workdays} 个工作日 working days）"
        parts = [
            f"{Status.ON_TIME.label} on time {self.on_time}",
            late,
            overdue,
            f"待公开 pending {self.pending}",
            f"{Status.NOT_ASSESSABLE.label} not assessable {self.not_assessable}",
        ]
        if self.provisional:
            parts.append(f"暂估 provisional {self.provisional}")
        return " · ".join(parts)


#: The columns of counts in a result's table: (Chinese heading, :class:`StatusCounts` field).
_COUNT_COLUMNS = (
    ("按时", "on_time"),
    ("逾期", "late"),
    ("超期", "overdue"),
    ("待公开", "pending"),
    ("无法判定", "not_assessable"),
)


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    return a if b is None else max(a, b)


@output()
@attrs.frozen
class ItemSummary:
    """The records of one catalogue item: counts by status, not-assessable reasons."""

    domain: Domain
    item_id: str
    name: str
    first_level: FirstLevel
    time_limit: str
    counts: StatusCounts
    #: Not-assessable records by :data:`REASONS` code.
    reasons: Mapping[str, int] = attrs.field(factory=dict, converter=FrozenDict, hash=False)
    #: Years without a holiday arrangement that made records not assessable.
    unknown_years: tuple[int, ...] = ()


@output(derived=("label",), values={"label": label("first_level")})
@attrs.frozen
class FirstLevelSummary:
    """The records of every item under one first-level item of one domain."""

    domain: Domain
    first_level: FirstLevel
    counts: StatusCounts


# ``first_problem`` is for the command line's message, not written.
@output(derived=("ok",), exclude=("first_problem",))
@attrs.frozen(kw_only=True)
class AuditResult:
    """The audit of a whole log: totals, summaries per item and first-level item, findings.

    ``records`` counts every record read, ``invalid`` those that could not be used (each an
    ``audit.bad-record`` finding, severity error).  ``totals`` counts the usable records
    (records naming an unknown item are among ``not_assessable``; ``unknown_item_records``
    says how many).  ``published_after_as_of`` and ``formed_after_as_of`` count records dated
    after ``as_of`` (judged as not published, and as not yet formed but pending, on that
    date).  ``report`` lists at most ``listed_limit`` findings per code; counts are always
    complete.  ``items`` has the catalogue items that have records, in catalogue order (both
    domains); ``first_levels`` the same grouped by first-level item.  ``first_problem`` says
    where and why the first unusable record could not be used (``line 2: …`` in a file,
    ``$[0]: …`` for records given as objects).
    ``partial_years`` are the years
    from the earliest record to ``as_of`` whose holiday arrangement is marked partial.
    """

    subject: str
    as_of: dt.date
    format: str
    encoding: str | None
    records: int
    invalid: int
    totals: StatusCounts
    unknown_item_records: int
    published_after_as_of: int
    items: tuple[ItemSummary, ...]
    first_levels: tuple[FirstLevelSummary, ...]
    report: Report
    listed_limit: int
    formed_after_as_of: int = 0
    first_problem: str | None = None
    partial_years: tuple[int, ...] = ()

    @property
    def ok(self) -> bool:
        """Nothing late, nothing overdue, and every record usable."""
        return not (self.totals.late or self.totals.overdue or self.invalid)

    @property
    def nothing_usable(self) -> bool:
        """No record could be used: none could be read (a wrong format or encoding?), or
        there was none (a header only).

        :attr:`first_problem` says why.
        """
        return self.invalid == self.records

    def to_text(self) -> str:
        """A report for people: totals, a table by item, then the findings."""
        lines = [
            f"公开记录审计 publication-log audit: {self.subject}"
            f"  截至 as of {self.as_of.isoformat()}",
            f"记录 records: {self.records}（无效 invalid: {self.invalid}）",
            f"合计 totals: {self.totals.describe()}",
        ]
        if self.partial_years:
            years = "、".join(str(y) for y in self.partial_years)
            lines.append(
                f"部分安排 PARTIAL: {years}年的节假日安排未列全节日，涉及该年的结果可能不准 / the "
                f"holiday arrangement for {years} is marked partial (it lacks festivals)"
            )
        if self.items:
            header = [
                "领域",
                "编号 id",
                "二级事项",
                *(label for label, _ in _COUNT_COLUMNS),
                "最多逾期",
            ]
            rows = []
            for s in self.items:
                c = s.counts
                worst = _max(c.max_late_workdays, c.max_overdue_workdays)
                counts = [str(getattr(c, name)) for _, name in _COUNT_COLUMNS]
                days = "" if worst is None else f"{worst}个工作日"
                rows.append([s.domain.label, s.item_id, s.name, *counts, days])
            lines += ["", render_table(header, rows, max_widths=[8, 28, 16, 7, 7, 7, 7, 8, 10])]
        lines += ["", self.report.to_text()]
        return "\n".join(lines) + "\n"
