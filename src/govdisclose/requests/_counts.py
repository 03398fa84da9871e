"""A ledger's year counted for tables 三 and 四 of the annual report (国办公开办函〔2021〕30号).

:func:`table3_counts` returns ``{row_code: {column_code: int}}`` for every row of table 三:

* rows :data:`TABLE3_ROWS` — ``new_requests`` (一、本年新收: received in the year),
  ``carried_over`` (二、上年结转: received before the year and not answered by 31 December of
  the year before), the 21 result rows by :class:`~govdisclose.requests.Outcome` code
  (replies dated in the year, each under its one outcome), ``total`` (（七）总计: the sum of
  the result rows) and ``carried_to_next_year`` (四、结转下年度继续办理: received by 31
  December and not answered by then);
* columns :data:`TABLE3_COLUMNS` — the six :class:`~govdisclose.requests.ApplicantCategory`
  codes and ``total`` (their sum).

So every column satisfies 一 + 二 = （七）总计 + 四, and a year's ``carried_to_next_year``
is the next year's ``carried_over``.  :func:`table4_counts` returns ``{group: {column:
int}}`` for table 四: groups :data:`TABLE4_GROUPS`, columns :data:`TABLE4_COLUMNS`
(``upheld``, ``corrected``, ``other_result``, ``pending``, ``total``).  A review or lawsuit
counts in the year it was filed (without a filing date: the year of the reply, or of
receipt); its column is its result as at 31 December of that year — ``pending`` when it was
decided later.  Every count is an int ≥ 0 and every key is always present.

>>> import datetime as dt
>>> from govdisclose.requests import Ledger, Reply, Request, table3_counts
>>> ledger = Ledger([
...     Request("A1", dt.date(2024, 12, 20), "自然人"),
...     Request("A2", dt.date(2025, 3, 3), "商业企业",
...             reply=Reply(dt.date(2025, 3, 10), "予以公开")),
... ])
>>> counts = table3_counts(ledger, 2025)
>>> counts["new_requests"]["total"], counts["carried_over"]["natural_person"]
(1, 1)
>>> counts["disclosed"]["commercial_enterprise"], counts["carried_to_next_year"]["total"]
(1, 1)
"""

from __future__ import annotations

import datetime as dt

import attrs

from .._output import output
from ..findings import Report
from ._fees import check_year, fees_collected
from ._ledger import Ledger, check_ledger
from ._terms import ApplicantCategory, Outcome, ReviewKind, ReviewResult

__all__ = [
    "TABLE3_COLUMNS",
    "TABLE3_ROWS",
    "TABLE4_COLUMNS",
    "TABLE4_GROUPS",
    "YearCounts",
    "table3_counts",
    "table4_counts",
    "year_counts",
]

#: Table 三's columns: the applicant categories, then ``total`` (总计).
TABLE3_COLUMNS: tuple[str, ...] = (*(c.code for c in ApplicantCategory), "total")
#: Table 三's data rows in printed order.
TABLE3_ROWS: tuple[str, ...] = (
    "new_requests",
    "carried_over",
    *(o.code for o in Outcome),
    "total",
    "carried_to_next_year",
)
#: Table 四's groups.
TABLE4_GROUPS: tuple[str, ...] = tuple(k.code for k in ReviewKind)
#: Table 四's columns in each group: the results, then ``total``.
TABLE4_COLUMNS: tuple[str, ...] = (*(r.code for r in ReviewResult), "total")


def table3_counts(ledger: Ledger, year: int) -> dict[str, dict[str, int]]:
    """Table 三 of ``year`` from ``ledger`` (see the module text for the contract)."""
    ledger, year = check_ledger(ledger), check_year(year)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    before = dt.date(year - 1, 12, 31)
    counts = {row: dict.fromkeys(TABLE3_COLUMNS, 0) for row in TABLE3_ROWS}
    for request in ledger.requests:
        column = request.applicant_category.code
        received, reply = request.received, request.reply
        replied = None if reply is None else reply.date
        if first <= received <= last:
            counts["new_requests"][column] += 1
        elif received <= before and (replied is None or replied > before):
            counts["carried_over"][column] += 1
        else:
            continue
        if reply is not None and replied is not None and replied <= last:
            counts[reply.outcome.code][column] += 1
            counts["total"][column] += 1
        else:
            counts["carried_to_next_year"][column] += 1
    for row in counts.values():
        row["total"] = sum(row[c.code] for c in ApplicantCategory)
    return counts


def table4_counts(ledger: Ledger, year: int) -> dict[str, dict[str, int]]:
    """Table 四 of ``year`` from ``ledger`` (see the module text for the contract)."""
    ledger, year = check_ledger(ledger), check_year(year)
    last = dt.date(year, 12, 31)
    counts = {group: dict.fromkeys(TABLE4_COLUMNS, 0) for group in TABLE4_GROUPS}
    for request in ledger.requests:
        anchor = request.reply.date if request.reply is not None else request.received
        for review in request.reviews:
            filed = review.filed or anchor
            if filed.year != year:
                continue
            result = review.result
            if review.decided is not None and review.decided > last:
                result = ReviewResult.PENDING
            counts[review.kind.code][result.code] += 1
            counts[review.kind.code]["total"] += 1
    return counts


@output()
@attrs.frozen
class YearCounts:
    """A year's counts from a ledger: tables 三 and 四 (:func:`table3_counts`,
    :func:`table4_counts`), the information-processing fees paid in the year in 元
    (:func:`~govdisclose.requests.fees_collected`, section 六) and the findings of reading
    the ledger — what ``govdisclose requests counts --format json`` writes (schema
    ``requests-counts``, through the package's converter)."""

    year: int
    table3: dict[str, dict[str, int]]
    table4: dict[str, dict[str, int]]
    fees_collected_yuan: int
    report: Report = attrs.field(factory=lambda: Report(()))


def year_counts(ledger: Ledger, year: int, *, report: Report | None = None) -> YearCounts:
    """The :class:`YearCounts` of ``year``; ``report`` is the findings of reading the ledger
    (:attr:`~govdisclose.requests.LedgerReading.report`), none when not given."""
    return YearCounts(
        year=check_year(year),
        table3=table3_counts(ledger, year),
        table4=table4_counts(ledger, year),
        fees_collected_yuan=fees_collected(ledger, year),
        report=Report(()) if report is None else report,
    )
