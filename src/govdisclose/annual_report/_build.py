"""From a requests ledger to a yearly report: :func:`build_report`.

Tables 三 and 四 come from the ledger (:func:`~govdisclose.requests.table3_counts`,
:func:`~govdisclose.requests.table4_counts`), the information-processing fees paid in the
year (:func:`~govdisclose.requests.fees_collected`) open section 六, and everything else —
table 二, the other text sections, the body and its level — comes from the hand-filled part.

Table 二 is not taken from the document records
(:class:`~govdisclose.checks.DocumentRecord`): a record says when a policy document was
issued and how it is disclosed, but not whether it is a 规章 or a 行政规范性文件, nor when it
was repealed, so the records cannot give 本年制发件数, 本年废止件数 or 现行有效件数.  Those
cells stay blank for the hand-filled part.

A hand-filled table 三 or 四 cell that disagrees with the ledger is an error
(:class:`~govdisclose._errors.DataError`), not silently replaced; one that agrees, or is
blank, is fine.

>>> import datetime as dt
>>> from govdisclose.requests import Ledger, Reply, Request
>>> from govdisclose.annual_report import build_report, check_report
>>> ledger = Ledger([
...     Request("1", dt.date(2025, 3, 3), "自然人",
...             reply=Reply(dt.date(2025, 3, 20), "（一）予以公开")),
...     Request("2", dt.date(2025, 12, 29), "商业企业"),
... ])
>>> report = build_report(ledger, 2025, body="某某县应急管理局（示例）", level="county")
>>> report.table3["carried_to_next_year"]["total"], report.sections["other_matters"]
(1, '本年度未收取信息处理费。')
>>> sorted({f.code for f in check_report(report).filter("error")})
[]

More information:

* 国办公开办函〔2021〕30号 《中华人民共和国政府信息公开工作年度报告格式》
* 国办函〔2020〕109号 《政府信息公开信息处理费管理办法》
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._errors import DataError, GovdiscloseError, InputError, short_repr
from ._format import BodyLevel, name_of
from ._report import AnnualReport

if TYPE_CHECKING:
    from ..requests import Ledger

__all__ = ["build_report", "fee_sentence"]


def fee_sentence(yuan: int) -> str:
    """The sentence of section 六 stating the information-processing fees paid in the year.

    >>> fee_sentence(0), fee_sentence(100)
    ('本年度未收取信息处理费。', '本年度收取信息处理费100元。')
    """
    return "本年度未收取信息处理费。" if yuan == 0 else f"本年度收取信息处理费{yuan}元。"


def _conflicts(built: AnnualReport, hand: AnnualReport) -> list[GovdiscloseError]:
    errors: list[GovdiscloseError] = []
    for number, name in ((3, "table3"), (4, "table4")):
        theirs = getattr(hand, name) or {}
        for row, cells in theirs.items():
            for column, value in cells.items():
                if value is None:
                    continue
                ours = built.cell(number, row, column)
                if ours != value:
                    errors.append(
                        GovdiscloseError(
                            f"{name_of(number, row)} / {name_of(f'{number}c', column)}: the "
                            f"hand-filled part gives {short_repr(value)}, the ledger {ours} "
                            f"(手填部分与台账不一致)",
                            path=f"$.{name}[{row!r}][{column!r}]",
                        )
                    )
    return errors


def build_report(
    ledger: Ledger,
    year: int,
    *,
    hand_filled: AnnualReport | None = None,
    body: str | None = None,
    level: BodyLevel | str | None = None,
) -> AnnualReport:
    """The ``year``'s report: tables 三 and 四 and the fees from ``ledger``, the rest from
    ``hand_filled`` (blank where it has nothing).

    ``body`` and ``level`` override the hand-filled part's.  The fee sentence
    (:func:`fee_sentence`) opens section 六, followed by the hand-filled text of 六 if any.
    Every table, row, cell and section of the 2021 layout is present (blank when unknown).
    A hand-filled year other than ``year``, or a table 三/四 cell that disagrees with the
    ledger, raises :class:`~govdisclose._errors.DataError`.  Check the carry-over with
    :func:`check_report` and ``previous=`` (relation C8).
    """
    from ..requests import fees_collected, table3_counts, table4_counts

    hand = hand_filled if hand_filled is not None else AnnualReport()
    if not isinstance(hand, AnnualReport):
        raise InputError(
            f"hand_filled must be an AnnualReport, got {type(hand).__name__} "
            "(手填部分应为年度报告)",
            path="hand_filled",
        )
    if hand.year is not None and hand.year != year:
        raise DataError(
            f"the hand-filled part is for {hand.year}, the report for {year} (年度不一致)",
            path="$.year",
        )
    table3 = table3_counts(ledger, year)
    table4 = table4_counts(ledger, year)
    fees = fees_collected(ledger, year)
    other = hand.sections.get("other_matters", "").strip()
    built = AnnualReport.from_counts(
        body=body if body is not None else hand.body,
        year=year,
        level=level if level is not None else hand.level,
        table3=table3,
        table4=table4,
        sections={"other_matters": fee_sentence(fees) + ("\n" + other if other else "")},
    )
    errors = _conflicts(built, hand)
    if errors:
        raise DataError(
            "the hand-filled tables 三/四 disagree with the ledger (手填部分与台账不一致)",
            errors=errors,
        )
    return built.filled_from(hand).completed()
