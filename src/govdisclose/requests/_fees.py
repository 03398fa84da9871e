"""Information-processing fees (信息处理费) under 国办函〔2020〕109号.

The rules are those of 《政府信息公开信息处理费管理办法》, issued with 国办函〔2020〕109号.

An agency may charge an applicant whose requests clearly exceed a reasonable number or
frequency (条例第四十二条).  The fee is counted **either** per request (按件) **or** per
volume (按量), progressively (超额累进); one basis per request, never both (第三条):

* 按件 (第四条): requests of the same applicant in one calendar month — the 1st to 10th are
  free; the 11th to 30th cost 100元 each; from the 31st on, every further band of 10 costs
  100元 more per request (31st–40th 200元, 41st–50th 300元 …).
* 按量 (第五条), where paper copies, e-mail or copied electronic data are asked for — pages
  1–30 of a request are free; pages 31–100 cost 10元 each; 101–200 20元 each; from 201 on
  40元 each.

>>> from govdisclose.requests import fee_per_page, fee_per_request
>>> [fee_per_request(n) for n in (10, 11, 30, 31, 40, 41)]
[0, 100, 100, 200, 200, 300]
>>> fee_per_page(30), fee_per_page(100), fee_per_page(101), fee_per_page(250)
(0, 700, 720, 4700)

:func:`request_fee` gives the fee a request's notice should state (for 按件 its position in
the applicant's month, counted from the ledger), and :func:`fees_collected` the year's total
of paid fees, which the annual report states in section 六 (in 元).

The library reads 109号 as also excluding the time from the fee notice to payment from the
reply period (the notice's text on this was not among the copies retrieved; see the
requests chapter of the documentation).

More information:

* 国务院办公厅关于印发《政府信息公开信息处理费管理办法》的通知（国办函〔2020〕109号，
  2020年11月17日）第三条至第五条; the bands as a county publishes them in its fee schedule
  (江门市新会区): http://www.xinhui.gov.cn/zwgk/zdlyxxgk/hjbhxxgk/tzgg/content/post_2365222.html
* 《中华人民共和国政府信息公开条例》第四十二条
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from .._dates import check_count, is_int
from .._errors import InputError, short_repr
from ._ledger import Ledger, Request
from ._terms import FeeBasis

__all__ = [
    "FREE_PAGES",
    "FREE_REQUESTS_PER_MONTH",
    "PAGE_BANDS",
    "fee_per_page",
    "fee_per_request",
    "fees_collected",
    "month_positions",
    "request_fee",
]

#: 按件: requests of one applicant in one calendar month that are free.
FREE_REQUESTS_PER_MONTH = 10
#: 按量: pages of one request that are free.
FREE_PAGES = 30
#: 按量: (first page, last page or None, 元 per page) of each paying band.
PAGE_BANDS: tuple[tuple[int, int | None, int], ...] = (
    (31, 100, 10),
    (101, 200, 20),
    (201, None, 40),
)


def check_year(value: object) -> int:
    """``value`` when it is a year (1 to 9998); an InputError otherwise."""
    if not is_int(value) or not 1 <= value <= 9998:
        raise InputError(f"expected a year, got {short_repr(value)} (应为年份)", path="year")
    return value


def fee_per_request(position: int) -> int:
    """The fee in 元 of an applicant's ``position``-th request of a calendar month (按件)."""
    position = check_count(position, "position")
    if position <= FREE_REQUESTS_PER_MONTH:
        return 0
    if position <= 30:
        return 100
    return 100 + 100 * ((position - 31) // 10 + 1)


def fee_per_page(pages: int) -> int:
    """The fee in 元 for ``pages`` pages of one request (按量, progressive)."""
    pages = check_count(pages, "pages")
    total = 0
    for first, last, rate in PAGE_BANDS:
        top = pages if last is None else min(pages, last)
        if top >= first:
            total += (top - first + 1) * rate
    return total


def month_positions(ledger: Ledger) -> dict[str, int]:
    """Each request's position among its applicant's requests received in the same month.

    Requests are ordered by receipt day (and time, then ledger order).  A request without an
    ``applicant`` counts alone (position 1): the ledger cannot tell whose month it is in.
    """
    groups: dict[tuple[str, int, int], list[tuple[dt.date, str, int]]] = defaultdict(list)
    positions: dict[str, int] = {}
    for index, r in enumerate(ledger.requests):
        if r.applicant is None:
            positions[r.id] = 1
        else:
            key = (r.applicant, r.received.year, r.received.month)
            groups[key].append((r.received, r.received_time or "", index))
    for members in groups.values():
        for position, (_, _, index) in enumerate(sorted(members), start=1):
            positions[ledger.requests[index].id] = position
    return positions


def request_fee(ledger: Ledger, request: Request, *, position: int | None = None) -> int | None:
    """The fee in 元 that ``request``'s fee notice should state; ``None`` without a notice.

    按件 uses the request's place in :func:`month_positions` (or ``position`` when given);
    按量 its notice's ``pages`` (a notice without pages: ``None``, the fee cannot be computed).
    """
    fee = request.fee
    if fee is None:
        return None
    if fee.basis is FeeBasis.PER_REQUEST:
        position = month_positions(ledger)[request.id] if position is None else position
        return fee_per_request(position)
    return None if fee.pages is None else fee_per_page(fee.pages)


def fees_collected(ledger: Ledger, year: int) -> int:
    """The fees in 元 paid in ``year`` (the amount section 六 of the annual report states).

    A paid notice counts its ``amount``, or the computed fee when no amount was recorded.
    """
    year = check_year(year)
    total = 0
    positions: dict[str, int] | None = None
    for request in ledger.requests:
        fee = request.fee
        if fee is None or fee.paid is None or fee.paid.year != year:
            continue
        if fee.amount is not None:
            total += fee.amount
            continue
        if positions is None:
            positions = month_positions(ledger)
        total += request_fee(ledger, request, position=positions[request.id]) or 0
    return total
