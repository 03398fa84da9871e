"""Requests for disclosure (依申请公开): the ledger, its files, status, fees and yearly counts.

An office keeps a ledger (台账) of the requests it receives (《政府信息公开条例》第二十七条至
第四十五条).  This package models it and answers what the office and its supervisors ask:

* **the ledger** — :class:`Ledger` of :class:`Request` (received per 第三十一条, the applicant's
  category, what was asked, supplement 第三十条, extension 第三十三条, consultations
  第三十二条/第三十四条, a :class:`FeeNotice`, the :class:`Reply` with exactly one
  :class:`Outcome`, :class:`Review` for table 四);
* **files** — :func:`read_ledger` reads XLSX, CSV and JSON ledgers tolerantly: every unusable
  cell is a located finding (codes :data:`FINDING_CODES`); :func:`ledger_to_json` writes the
  canonical JSON of the ``requests-ledger`` schema, :func:`ledger_to_xlsx` a workbook that
  reads back the same;
* **status** — :func:`ledger_status`: each request's deadline from the deadline engine, working
  days left or overdue, replies on time or late, an iCalendar file of open deadlines;
* **fees** — :func:`fee_per_request`, :func:`fee_per_page`, :func:`fees_collected`
  (国办函〔2020〕109号);
* **the annual report's tables** — :func:`table3_counts` and :func:`table4_counts`, with the
  year's fees in :func:`year_counts`; :func:`govdisclose.annual_report.build_report` makes
  the report from them.

Contract of the counts (what the annual report's builder relies on):
``table3_counts(ledger, year)`` returns ``{row: {column: int}}`` with every row of
:data:`TABLE3_ROWS` (``new_requests``, ``carried_over``, the 21 :class:`Outcome` codes,
``total``, ``carried_to_next_year``) and every column of :data:`TABLE3_COLUMNS` (the six
:class:`ApplicantCategory` codes, ``total``).  新收 counts requests received in the year;
上年结转 those received before it and not answered by 31 December of the year before; the
result rows the replies dated in the year; ``total`` their sum; 结转下年 those received by 31
December and not answered by then.  So every column satisfies 一 + 二 = （七）总计 + 四, and
``carried_to_next_year`` of one year equals ``carried_over`` of the next.
``table4_counts(ledger, year)`` returns ``{group: {column: int}}`` for :data:`TABLE4_GROUPS`
and :data:`TABLE4_COLUMNS`: a review or lawsuit counts in the year it was filed (without a
filing date: the year of the reply, else of receipt), under its result as at 31 December of
that year (``pending`` if decided later); ``total`` is the group's sum.

>>> import datetime as dt
>>> from govdisclose.requests import Ledger, Reply, Request, table3_counts
>>> ledger = Ledger([Request("1", dt.date(2025, 3, 3), "自然人",
...                          reply=Reply(dt.date(2025, 3, 20), "（一）予以公开"))])
>>> table3_counts(ledger, 2025)["disclosed"]["natural_person"]
1

More information:

* 《中华人民共和国政府信息公开条例》(国务院令第711号) 第二十七条至第四十五条
* 国办函〔2020〕109号《政府信息公开信息处理费管理办法》
* 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》
* The chapter 依申请公开台账 of the documentation (a ledger from its file to the report)
"""

from __future__ import annotations

from ._codes import FINDING_CODES
from ._counts import (
    TABLE3_COLUMNS,
    TABLE3_ROWS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    YearCounts,
    table3_counts,
    table4_counts,
    year_counts,
)
from ._fees import (
    FREE_PAGES,
    FREE_REQUESTS_PER_MONTH,
    PAGE_BANDS,
    fee_per_page,
    fee_per_request,
    fees_collected,
    month_positions,
    request_fee,
)
from ._ledger import Consultation, FeeNotice, Ledger, Reply, Request, Review, request_problems
from ._reading import (
    COLUMN_ALIASES,
    LEDGER_LIMITS,
    LEDGER_SHEET,
    LedgerReading,
    ledger_to_json,
    ledger_to_rows,
    ledger_to_xlsx,
    read_ledger,
    read_ledger_data,
    read_ledger_rows,
)
from ._status import (
    DUE_SOON_WORKDAYS,
    LedgerStatus,
    RequestState,
    RequestStatus,
    ledger_status,
    reply_deadline,
)
from ._terms import (
    ApplicantCategory,
    ConsultedParty,
    FeeBasis,
    Outcome,
    OutcomeGroup,
    ReviewKind,
    ReviewResult,
)

__all__ = [
    "COLUMN_ALIASES",
    "DUE_SOON_WORKDAYS",
    "FINDING_CODES",
    "FREE_PAGES",
    "FREE_REQUESTS_PER_MONTH",
    "LEDGER_LIMITS",
    "LEDGER_SHEET",
    "PAGE_BANDS",
    "TABLE3_COLUMNS",
    "TABLE3_ROWS",
    "TABLE4_COLUMNS",
    "TABLE4_GROUPS",
    "ApplicantCategory",
    "Consultation",
    "ConsultedParty",
    "FeeBasis",
    "FeeNotice",
    "Ledger",
    "LedgerReading",
    "LedgerStatus",
    "Outcome",
    "OutcomeGroup",
    "Reply",
    "Request",
    "RequestState",
    "RequestStatus",
    "Review",
    "ReviewKind",
    "ReviewResult",
    "YearCounts",
    "fee_per_page",
    "fee_per_request",
    "fees_collected",
    "ledger_status",
    "ledger_to_json",
    "ledger_to_rows",
    "ledger_to_xlsx",
    "month_positions",
    "read_ledger",
    "read_ledger_data",
    "read_ledger_rows",
    "reply_deadline",
    "request_fee",
    "request_problems",
    "table3_counts",
    "table4_counts",
    "year_counts",
]
