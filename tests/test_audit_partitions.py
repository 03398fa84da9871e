"""Audits of parts of a log combine exactly into the audit of the whole, and results travel
between processes (pickle, deep copy)."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import multiprocessing
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclose._errors import InputError
from govdisclose.audit import AuditResult, audit_file, audit_records, merge_results
from govdisclose.calendar import WorkCalendar
from govdisclose.calendar._arrangement import Arrangement

AS_OF = dt.date(2025, 1, 31)
D = dt.date

#: Records of every kind the audit tells apart: on time, late, overdue, pending, not
#: assessable (a "promptly" item), unknown and ambiguous items, unusable records, dates after
#: the as-of date, a year without an arrangement, a column that is not a field.
POOL: list[dict[str, Any]] = [
    {"domain": "安全生产", "item": "法律法规", "formed": "2024-09-27", "published": "2024-10-25"},
    {"domain": "work_safety", "item": "法律法规", "formed": "2024/9/27", "published": "2024-11-04"},
    {"domain": "安全生产", "item": "法律法规", "formed": "2024-09-02", "published": "2024-12-20"},
    {"domain": "救灾", "item": "预警信息", "formed": "2024-12-20", "published": ""},
    {"domain": "安全生产", "item": "policy_documents.1", "formed": "2024-06-01"},
    {"domain": "安全生产", "item": "动态信息", "formed": "2024-12-20"},
    {"domain": "安全生产", "item": "法律法规", "formed": "2025-01-20"},
    {"domain": "安全生产", "item": "没有的事项", "formed": "2024-05-01"},
    {"domain": "救灾", "item": "另一个事项", "formed": "2024-05-01", "published": "2024-05-02"},
    {"domain": "安全生产", "item": "法律法规", "formed": "2024-13-01"},
    {"domain": "火星", "item": "法律法规", "formed": "2024-05-01"},
    {"domain": "安全生产", "item": "法律法规", "formed": "2025-03-01"},
    {"domain": "安全生产", "item": "法律法规", "formed": "2024-10-01", "published": "2025-02-10"},
    {"domain": "安全生产", "item": "法律法规", "formed": "2026-12-20", "published": ""},
    {"domain": "安全生产", "item": "年度报告", "formed": "2024-03-01", "published": "2025-01-10"},
    {"领域": "救灾", "事项": "预警信息", "形成日期": "2024-11-11", "备注": "补录"},
]


def _audit_part(args: tuple[list[dict[str, Any]], int, int]) -> AuditResult:
    """The per-partition function a worker runs: audit one chunk from its first index."""
    records, start, max_listed = args
    return audit_records(records, as_of=AS_OF, max_listed=max_listed, start=start)


def _chunks(records: list[dict[str, Any]], cuts: list[int]) -> list[tuple[int, list[Any]]]:
    bounds = [0, *sorted(set(cuts)), len(records)]
    return [(a, records[a:b]) for a, b in itertools.pairwise(bounds) if b > a]


def test_chunks_audited_in_two_processes_merge_into_the_whole() -> None:
    records = [POOL[(i * 7) % len(POOL)] for i in range(600)]
    whole = audit_records(records, as_of=AS_OF, max_listed=25)
    work = [(chunk, start, 25) for start, chunk in _chunks(records, [150, 300, 450])]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        parts = pool.map(_audit_part, work)
    merged = merge_results(parts)
    assert merged == whole
    assert merged.report.filter(code="audit.listing-capped")  # the caps were merged too
    assert merged.totals.total + merged.invalid == len(records)


@settings(max_examples=60, deadline=None)
@given(
    picks=st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=40),
    cuts=st.lists(st.integers(0, 40), max_size=4),
    max_listed=st.integers(1, 4),
)
def test_any_split_of_a_record_list_merges_to_the_whole(
    picks: list[int], cuts: list[int], max_listed: int
) -> None:
    records = [POOL[i] for i in picks]
    whole = audit_records(records, as_of=AS_OF, max_listed=max_listed)
    parts = [
        audit_records(chunk, as_of=AS_OF, max_listed=max_listed, start=start)
        for start, chunk in _chunks(records, [c for c in cuts if c < len(records)])
    ]
    assert merge_results(parts) == whole
    # Merging as results arrive (in order) is the same.
    assert merge_results([merge_results(parts[:2]), *parts[2:]]) == whole


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    lines = ["领域,事项,形成日期,公开日期"]
    lines += [
        f"{r['domain']},{r['item']},{r['formed']},{r.get('published', '')}"
        for r in rows
        if "domain" in r
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_county_files_merge_into_the_counts_of_one_log(tmp_path: Path) -> None:
    east, west = POOL[:8], POOL[8:15]
    _write_csv(tmp_path / "east.csv", east)
    _write_csv(tmp_path / "west.csv", west)
    _write_csv(tmp_path / "all.csv", east + west)
    parts = [audit_file(tmp_path / f"{n}.csv", as_of=AS_OF) for n in ("east", "west")]
    merged = merge_results(parts)
    whole = audit_file(tmp_path / "all.csv", as_of=AS_OF)
    assert merged.subject.endswith("east.csv + " + str(tmp_path / "west.csv"))
    for name in ("records", "invalid", "totals", "items", "first_levels", "unknown_item_records"):
        assert getattr(merged, name) == getattr(whole, name), name
    assert merged.report.counts == whole.report.counts
    # A finding still names the county file its record is in (both bad rows are west's).
    bad = merged.report.filter(code="audit.bad-record").findings
    assert [f.path for f in bad] == [f"{tmp_path / 'west.csv'}:3", f"{tmp_path / 'west.csv'}:4"]


def test_results_of_different_dates_or_listing_limits_do_not_merge() -> None:
    one = audit_records(POOL[:3], as_of=AS_OF)
    with pytest.raises(InputError, match="cannot be merged"):
        merge_results([one, audit_records(POOL[:3], as_of=D(2025, 2, 1))])
    with pytest.raises(InputError, match="cannot be merged"):
        merge_results([one, audit_records(POOL[:3], as_of=AS_OF, max_listed=5)])
    with pytest.raises(InputError, match="one or more"):
        merge_results([])


def test_a_result_pickles_and_deep_copies() -> None:
    result = audit_records(POOL, as_of=AS_OF)
    assert pickle.loads(pickle.dumps(result)) == result
    assert copy.deepcopy(result) == result
    assert dict(copy.deepcopy(result).items[0].reasons) == dict(result.items[0].reasons)


def test_a_calendar_pickles_and_deep_copies() -> None:
    official = WorkCalendar.official()
    assert pickle.loads(pickle.dumps(official)) is official
    assert copy.deepcopy(official) is official
    # A calendar with a supplied year keeps it (an invented arrangement, not a real notice).
    extra = Arrangement(2027, (D(2027, 1, 1),), (), holidays={D(2027, 1, 1): "元旦"})
    supplied = official.with_arrangement(extra)
    again = pickle.loads(pickle.dumps(supplied))
    assert again.years == supplied.years
    assert again.add_workdays(D(2026, 12, 30), 3) == supplied.add_workdays(D(2026, 12, 30), 3)
    estimated = pickle.loads(pickle.dumps(WorkCalendar.official(provisional=True)))
    assert estimated.provisional and estimated.add_workdays(D(2027, 1, 4), 5) == D(2027, 1, 11)
