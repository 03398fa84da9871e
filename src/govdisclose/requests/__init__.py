"""Requests for disclosure (依申请公开): the ledger, its files, status, fees and yearly counts.

An office keeps a ledger (台账) of the requests it receives (《政府信息公开条例》第二十七条至
第四十五条).  This package reads such ledgers (XLSX, CSV, JSON), tells what is due and what
is late as of a day, computes information-processing fees (国办函〔2020〕109号) and counts the
year for tables 三 and 四 of the annual report (国办公开办函〔2021〕30号).

The names are exported here; each comes from a private module named for its concept.
"""

from __future__ import annotations

from ._codes import CODE, FINDING_CODES
from ._counts import (
    TABLE3_COLUMNS,
    TABLE3_ROWS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    table3_counts,
    table4_counts,
)
from ._fees import (
    FREE_PAGES,
    FREE_REQUESTS_PER_MONTH,
    PAGE_BANDS,
    fee_per_page,
    fee_per_request,
    fees_collected,
    month_position,
    month_positions,
    request_fee,
)
from ._ledger import Consultation, FeeNotice, Ledger, Reply, Request, Review, request_problems
from ._reading import (
    COLUMN_ALIASES,
    LEDGER_LIMITS,
    LedgerReading,
    ledger_to_json,
    read_ledger,
    read_ledger_data,
    read_ledger_rows,
)
from ._status import LedgerStatus, RequestState, RequestStatus, ledger_status, reply_deadline
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
    "CODE",
    "COLUMN_ALIASES",
    "FINDING_CODES",
    "FREE_PAGES",
    "FREE_REQUESTS_PER_MONTH",
    "LEDGER_LIMITS",
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
    "fee_per_page",
    "fee_per_request",
    "fees_collected",
    "ledger_status",
    "ledger_to_json",
    "month_position",
    "month_positions",
    "read_ledger",
    "read_ledger_data",
    "read_ledger_rows",
    "reply_deadline",
    "request_fee",
    "request_problems",
    "table3_counts",
    "table4_counts",
]
