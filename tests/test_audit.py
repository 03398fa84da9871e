"""The publication-log audit: statuses, working-day lateness, input forms, bad rows, streaming."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import itertools
import json
import re
import weakref
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclose import standard, structure, unstructure
from govdisclose._errors import InputError, UnknownYearError
from govdisclose.audit import (
    Auditor,
    LogRecord,
    audit_file,
    audit_records,
    iter_audit,
    parse_log_date,
)
from govdisclose.calendar._arrangement import Arrangement
from govdisclose.calendar._workcalendar import WorkCalendar
from govdisclose.deadlines import Status, proactive_deadline
from govdisclose.findings import Report

DATA = Path(__file__).parent / "data" / "audit"
D = dt.date


def rec(item: str, formed: str, published: str = "", domain: str = "安全生产") -> dict[str, str]:
    return {"domain": domain, "item": item, "formed": formed, "published": published}


def one(record: dict[str, Any], as_of: dt.date, **kwargs: Any) -> Any:
    (result,) = iter_audit([record], as_of=as_of, **kwargs)
    return result


# -- statuses and working days ----------------------------------------------------------------


def test_late_across_2024_national_day_counts_working_days() -> None:
    # 2024-09-02 + 20 working days: 14 Sep (Sat) and 29 Sep (Sun) were worked → due 30 Sep.
    on_time = one(rec("法律法规", "2024-09-02", "2024-09-30"), D(2025, 1, 1))
    assert on_time.status is Status.ON_TIME and on_time.due == D(2024, 9, 30)
    # 1–7 October off: published 8 October is eight days but one working day late.
    late = one(rec("法律法规", "2024-09-02", "2024-10-08"), D(2025, 1, 1))
    assert (late.status, late.late_workdays) == (Status.LATE, 1)
    # Saturday 12 October 2024 was a make-up working day: it counts.
    later = one(rec("法律法规", "2024-09-02", "2024-10-12"), D(2025, 1, 1))
    assert later.late_workdays == 5


def test_late_across_2026_spring_festival() -> None:
    # 2026-01-20 + 20 working days: 14 Feb (Sat) worked, 15–23 Feb off → due 24 Feb.
    result = one(rec("灾情核定信息", "2026-01-20", "2026-03-02", domain="救灾"), D(2026, 3, 31))
    assert result.due == D(2026, 2, 24)
    # 25, 26, 27 Feb, Saturday 28 Feb (make-up) and 2 March.
    assert (result.status, result.late_workdays) == (Status.LATE, 5)


def test_overdue_and_pending_around_the_due_date() -> None:
    record = rec("预警信息", "2026-01-20", domain="disaster_relief")
    assert one(record, D(2026, 2, 23)).status is Status.PENDING
    assert one(record, D(2026, 2, 24)).status is Status.PENDING  # the due day itself
    overdue = one(record, D(2026, 3, 2))
    assert (overdue.status, overdue.overdue_workdays, overdue.late_workdays) == (
        Status.OVERDUE,
        5,
        None,
    )


def test_annual_report_is_due_the_next_31_january() -> None:
    assert one(rec("年度报告", "2025-12-31", "2026-01-30"), D(2026, 3, 1)).due == D(2026, 1, 31)
    # 2025 Spring Festival: 28 Jan – 4 Feb off, so 5 Feb is one working day after 31 Jan.
    late = one(rec("年度报告", "2024-12-31", "2025-02-05"), D(2025, 3, 1))
    assert (late.due, late.late_workdays) == (D(2025, 1, 31), 1)
    # Formed on 31 January itself: due that day (on or after).
    assert one(rec("年度报告", "2025-01-31"), D(2025, 3, 1)).due == D(2025, 1, 31)


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        ("动态信息", "no_service_level"),
        ("事故通报", "external_requirement"),
        ("征集采纳社会公众意见情况", "consultation_period"),
        ("重要会议", "event_date_needed"),
        ("没有这个事项", "unknown_item"),
    ],
)
def test_not_assessable_says_why(item: str, reason: str) -> None:
    result = one(rec(item, "2024-05-06", "2024-05-07"), D(2024, 12, 31))
    assert (result.status, result.reason, result.due) == (Status.NOT_ASSESSABLE, reason, None)


def test_a_deadline_in_a_year_without_a_calendar_is_not_assessable() -> None:
    record = rec("法律法规", "2026-12-15")
    result = one(record, D(2027, 3, 1))
    assert (result.status, result.reason, result.unknown_year) == (
        Status.NOT_ASSESSABLE,
        "unknown_year",
        2027,
    )
    summary = audit_records([record], as_of=D(2027, 3, 1))
    (finding,) = summary.report.filter(code="audit.not-assessable")
    assert finding.data["year"] == 2027 and "2027" in finding.message_zh
    assert summary.items[0].unknown_years == (2027,)


def test_a_provisional_calendar_gives_marked_estimates() -> None:
    calendar = WorkCalendar.official(provisional=True)
    result = one(rec("法律法规", "2026-12-15"), D(2027, 3, 1), calendar=calendar)
    assert result.status is Status.OVERDUE and result.provisional
    summary = audit_records([rec("法律法规", "2026-12-15")], as_of=D(2027, 3, 1), calendar=calendar)
    assert summary.totals.provisional == 1


def test_service_level_of_a_local_catalogue_makes_promptly_items_assessable() -> None:
    ws = standard("work_safety")
    item = ws.item("动态信息")
    local = ws.with_items(
        attrs.evolve(it, time_limit=attrs.evolve(it.time_limit, service_level_workdays=5))
        if it is item
        else it
        for it in ws.items
    )
    record = rec("动态信息", "2024-09-27", "2024-10-11")
    # 5 working days from 27 Sep 2024: 29 Sep (Sun, worked), 30 Sep, 8, 9, 10 Oct.
    result = one(record, D(2024, 12, 31), catalogues=[local])
    assert (result.status, result.due, result.late_workdays) == (Status.LATE, D(2024, 10, 10), 1)
    # The other domain keeps its standard catalogue.
    other = one(
        rec("预警信息", "2024-09-27", "2024-10-10", "救灾"), D(2024, 12, 31), catalogues=[local]
    )
    assert other.status is Status.ON_TIME


def test_published_after_the_as_of_date_counts_as_unpublished_then() -> None:
    result = audit_records([rec("法律法规", "2024-09-02", "2024-10-08")], as_of=D(2024, 10, 1))
    assert (result.totals.overdue, result.published_after_as_of) == (1, 1)
    assert "audit.published-after-as-of" in result.report.codes


@settings(max_examples=60, deadline=None)
@given(
    formed=st.dates(D(2004, 1, 1), D(2026, 12, 31)),
    index=st.integers(0, 46),
)
def test_due_dates_agree_with_proactive_deadline(formed: dt.date, index: int) -> None:
    items = [(c.domain, it) for c in (standard("work_safety"), standard("救灾")) for it in c]
    domain, item = items[index]
    result = one(rec(item.id, formed.isoformat(), domain=domain.code), D(2030, 1, 1))
    try:
        deadline = proactive_deadline(formed, item.time_limit)
    except UnknownYearError as exc:
        assert (result.reason, result.unknown_year) == ("unknown_year", exc.year)
        return
    assert result.due == deadline.due
    assert (result.status is Status.NOT_ASSESSABLE) == (not deadline.assessable)


# -- how records are named and given ----------------------------------------------------------


def test_items_by_name_id_and_domain_variants() -> None:
    log: list[Mapping[str, Any] | LogRecord] = [
        rec("法律法规", "2024-09-02"),
        rec("policy_documents.1", "2024-09-02", domain="work_safety"),
        rec(" 法律法规 ", "2024-09-02", domain="work-safety"),
        rec("预警信息", "2024-09-02", domain="救灾生产"),  # a typo seen in local copies
        LogRecord(domain="救灾", item="disaster_preparedness.3", formed=D(2024, 9, 2)),
    ]
    results = list(iter_audit(log, as_of=D(2024, 9, 30)))
    assert [r.item_id for r in results] == ["policy_documents.1"] * 3 + [
        "disaster_preparedness.3"
    ] * 2
    assert {r.status for r in results} == {Status.PENDING}


def test_chinese_header_csv_file() -> None:
    result = audit_file(DATA / "log_zh.csv", as_of=D(2026, 3, 2))
    assert (result.format, result.encoding, result.records, result.invalid) == (
        "csv",
        "utf-8",
        9,
        0,
    )
    t = result.totals
    assert (t.on_time, t.late, t.overdue, t.pending, t.not_assessable) == (2, 2, 1, 1, 3)
    assert (t.max_late_workdays, t.max_overdue_workdays) == (5, 5)
    assert result.unknown_item_records == 1
    late = result.report.filter(code="audit.late").findings
    assert [f.path for f in late] == [f"{DATA / 'log_zh.csv'}:3", f"{DATA / 'log_zh.csv'}:4"]
    assert late[0].data["id"] == "A2" and late[0].data["title"] == "某规章"
    (unknown,) = result.report.filter(code="audit.unknown-item")
    assert (unknown.data["item"], unknown.data["first_line"]) == ("不存在的事项", 9)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_bom_and_gb18030_files(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes((DATA / "log_zh.csv").read_text(encoding="utf-8").encode(encoding))
    result = audit_file(path, as_of=D(2026, 3, 2))
    assert (result.encoding, result.records, result.invalid, result.totals.late) == (
        encoding,
        9,
        0,
        2,
    )


def test_json_lines_file_with_bad_lines() -> None:
    results: list[Any] = []
    summary = audit_file(DATA / "log.jsonl", as_of=D(2026, 3, 2), on_record=results.append)
    assert summary.format == "jsonl"
    assert [(r.line, r.status.code) for r in results] == [
        (1, "on_time"),
        (2, "late"),
        (4, "overdue"),
        (5, "invalid"),
        (6, "invalid"),
        (7, "invalid"),
    ]
    assert [r.problems for r in results[3:]] == [
        ("bad_json",),
        ("not_object",),
        ("not_text:formed",),
    ]
    assert "url" in summary.report.filter(code="audit.ignored-columns").findings[0].message_en


def test_bad_rows_are_findings_with_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "domain,item,formed,published\n"
        "安全生产,法律法规,2024-09-02,2024-09-30\n"
        "安全生产,,2024-09-02,\n"
        "安全生产,法律法规,2024-09-31,\n"
        "消防,法律法规,2024-09-02,\n"
        "安全生产,法律法规,2024-09-02,2024-08-01\n"
        "安全生产,法律法规,2024-09-02\n"
        "\n"
        ",,,\n"
        '安全生产,"法律\n法规",2024-09-02,notadate\n'
        "安全生产,法律法规,2024-09-02,2024-09-30\n",
        encoding="utf-8",
    )
    result = audit_file(path, as_of=D(2024, 12, 31))
    bad = result.report.filter(code="audit.bad-record").findings
    assert [(f.data["line"], f.data["problems"]) for f in bad] == [
        (3, ("missing_field:item",)),
        (4, ("bad_date:formed",)),
        (5, ("unknown_domain",)),
        (6, ("published_before_formed",)),
        (7, ("field_count",)),
        (10, ("bad_date:published",)),
    ]
    assert all(f.severity.code == "error" for f in bad)
    assert (result.records, result.invalid, result.totals.on_time) == (8, 6, 2)
    assert not result.ok and not result.report.ok and not result.nothing_usable
    assert result.first_problem is not None and result.first_problem.startswith("line 3: item")
    assert "消防" in bad[2].message_zh and "2024-09-31" in bad[1].message_en


def test_undecodable_bytes_after_the_sniffed_start_flag_their_line(tmp_path: Path) -> None:
    good = "安全生产,法律法规,2024-09-02,2024-09-30\n"
    filler = good * 2000  # > 64 KiB of UTF-8, so the encoding is decided before the bad line
    data = (
        ("领域,事项,形成日期,公开日期\n" + filler).encode()
        + "安全生产,标准,2024-09-02,\n".encode("gb18030")
        + good.encode()
    )
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    result = audit_file(path, as_of=D(2024, 12, 31))
    (bad,) = result.report.filter(code="audit.bad-record").findings
    assert bad.data["line"] == 2002 and "undecodable" in bad.data["problems"]
    assert result.totals.on_time == 2001


def test_a_record_the_csv_module_refuses_is_one_bad_record(tmp_path: Path) -> None:
    good = "安全生产,法律法规,2024-09-02,2024-09-30\n"
    huge = "x" * 200_000  # longer than csv.field_size_limit()
    path = tmp_path / "huge.csv"
    path.write_text(f"domain,item,formed,published\n{good}{huge},b,c,d\n{good}", encoding="utf-8")
    result = audit_file(path, as_of=D(2024, 12, 31))
    (bad,) = result.report.filter(code="audit.bad-record").findings
    assert (bad.data["line"], bad.data["problems"]) == (3, ("bad_csv",))
    assert "field limit" in bad.message_en
    assert (result.records, result.totals.on_time) == (3, 2)


def test_tab_separated_and_non_seekable_streams() -> None:
    text = (
        "领域\t事项\t形成日期\t公开日期\n" + "安全生产\t法律法规\t2024-09-02\t2024-10-08\n" * 5000
    )

    class Pipe(io.RawIOBase):  # like standard input: cannot seek back after sniffing
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            chunk = self._data.read(len(buffer))
            buffer[: len(chunk)] = chunk
            return len(chunk)

    stream = io.BufferedReader(Pipe(text.encode("gb18030")))
    result = audit_file(stream, as_of=D(2024, 12, 31))
    assert (result.format, result.encoding, result.totals.late) == ("tsv", "gb18030", 5000)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"PK\x03\x04\x00\x00binary", "binary"),
        (b"a,b,c\n1,2,3\n", "no recognisable header"),
        (b"domain,item,formed\n", "published/"),
        ("领域,事项,形成日期,公开日期,领域\n".encode(), "two columns"),
        (b'[{"domain": "work_safety"}]\n', "JSON array"),
    ],
)
def test_unusable_input_raises(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        audit_file(path, as_of=D(2024, 12, 31))


def test_missing_file_raises() -> None:
    with pytest.raises(InputError, match="no such file"):
        audit_file("/nonexistent/log.csv", as_of=D(2024, 12, 31))


def test_records_given_as_objects_that_are_not_mappings_are_findings() -> None:
    log: list[Any] = [rec("法律法规", "2024-09-02"), 42, {"item": ["x"]}]
    result = audit_records(log, as_of=D(2024, 9, 3))
    bad = result.report.filter(code="audit.bad-record").findings
    assert [f.path for f in bad] == ["$[1]", "$[2]"]
    assert bad[1].data["problems"] == ("not_text:item",)


# -- summaries, findings, the report ------------------------------------------------------------


def test_summaries_per_item_and_first_level() -> None:
    log = [
        rec("法律法规", "2024-09-02", "2024-09-30"),
        rec("法律法规", "2024-09-02", "2024-10-12"),
        rec("标准", "2024-09-02", "2024-10-08"),
        rec("动态信息", "2024-09-02", "2024-09-03"),
    ]
    result = audit_records(log, as_of=D(2024, 12, 31))
    by_item = {s.item_id: s for s in result.items}
    assert set(by_item) == {
        "policy_documents.1",
        "policy_documents.4",
        "administrative_management.5",
    }
    laws = by_item["policy_documents.1"].counts
    assert (laws.on_time, laws.late, laws.max_late_workdays, laws.total) == (1, 1, 5, 2)
    assert by_item["administrative_management.5"].reasons == {"no_service_level": 1}
    groups = {(g.domain.code, g.first_level.code): g.counts for g in result.first_levels}
    policy = groups[("work_safety", "policy_documents")]
    assert (policy.on_time, policy.late, policy.max_late_workdays) == (1, 2, 5)
    assert groups[("work_safety", "administrative_management")].not_assessable == 1
    assert result.totals.total == 4 and not result.ok


def test_listing_is_capped_but_counts_are_complete() -> None:
    log = [rec("法律法规", "2024-09-02", "2024-10-12")] * 7
    result = audit_records(log, as_of=D(2024, 12, 31), max_listed=3)
    assert result.totals.late == 7
    assert len(result.report.filter(code="audit.late")) == 3
    (capped,) = result.report.filter(code="audit.listing-capped")
    assert capped.data["unlisted"] == 4 and capped.data["code"] == "audit.late"


def test_overdue_records_are_listed_after_the_late_ones_have_filled_their_list() -> None:
    late = rec("法律法规", "2024-09-02", "2024-10-12")
    overdue = rec("法律法规", "2024-09-02")
    result = audit_records([late] * 5 + [overdue] * 2 + [late, overdue], as_of=D(2024, 12, 31),
                           max_listed=3)  # fmt: skip
    assert (result.totals.late, result.totals.overdue) == (6, 3)
    assert [f.data["index"] for f in result.report.filter(code="audit.overdue")] == [5, 6, 8]
    assert [f.data["index"] for f in result.report.filter(code="audit.late")] == [0, 1, 2]


def test_report_json_round_trips_and_text_lists_totals() -> None:
    result = audit_file(DATA / "log_zh.csv", as_of=D(2026, 3, 2))
    data = json.loads(json.dumps(unstructure(result), ensure_ascii=False))
    assert structure(data["report"], Report) == result.report
    assert data["totals"]["late"] == 2 and data["ok"] is False
    text = result.to_text()
    assert "逾期公开 late 2" in text and "灾情核定信息" in text


def test_auditor_rejects_bad_arguments() -> None:
    with pytest.raises(InputError, match="as_of"):
        Auditor(as_of="2024-01-01")  # type: ignore[arg-type]
    ws = standard("work_safety")
    with pytest.raises(InputError, match="two catalogues"):
        Auditor(as_of=D(2024, 1, 1), catalogues=[ws, ws])
    with pytest.raises(InputError, match="is for work_safety"):
        Auditor(as_of=D(2024, 1, 1), catalogues={"救灾": ws})


# -- streaming -----------------------------------------------------------------------------------


class _Record(dict[str, str]):
    """A record that can be watched with a weak reference."""


def _generated(
    n: int, produced: list[int], watched: list[Any], alive: list[int]
) -> Iterator[dict[str, str]]:
    items = ["法律法规", "行政处罚", "预警信息", "动态信息"]
    for i in range(n):
        produced[0] += 1
        domain = "救灾" if i % 4 == 2 else "安全生产"
        published = "" if i % 10 == 0 else ("2024-10-08" if i % 3 else "2024-09-20")
        record = _Record(rec(items[i % 4], "2024-09-02", published, domain))
        if i % 1000 == 0:
            # The record watched 1000 records ago must be gone by now (not kept in a list).
            alive[0] += sum(1 for ref in watched if ref() is not None)
            watched[:] = [weakref.ref(record)]
        yield record


def test_iter_audit_is_lazy() -> None:
    produced = [0]
    results = iter_audit(_generated(10**9, produced, [], [0]), as_of=D(2024, 12, 31))
    first = list(itertools.islice(results, 3))
    assert len(first) == 3 and produced[0] <= 4


def test_100k_generated_records_are_counted_without_being_kept() -> None:
    produced = [0]
    watched: list[Any] = []
    alive = [0]
    records = _generated(100_000, produced, watched, alive)
    result = audit_records(records, as_of=D(2024, 12, 31))
    assert produced[0] == result.records == 100_000
    t = result.totals
    assert t.total == 100_000 and t.not_assessable == 25_000
    assert t.on_time + t.late + t.overdue == 75_000
    assert len(result.report.filter(code="audit.late")) == 1000  # listed; counted in full
    # No record was kept: each watched record was gone 1000 records later.
    assert alive == [0] and watched[0]() is None


def test_utf16_log_is_read(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes(
        codecs.BOM_UTF16_LE
        + "领域,事项,形成日期,公开日期\n安全生产,法律法规,2024-09-02,\n".encode("utf-16-le")
    )
    assert audit_file(path, as_of=D(2024, 9, 3)).totals.pending == 1


def test_a_callers_stream_is_read_from_its_position_and_left_open() -> None:
    data = "领域,事项,形成日期,公开日期\n安全生产,法律法规,2024-09-02,\n".encode()
    stream = io.BytesIO(b"ignored prefix" + data)
    stream.seek(len(b"ignored prefix"))
    assert audit_file(stream, as_of=D(2024, 9, 3)).totals.pending == 1
    assert not stream.closed
    bad = io.BytesIO(b"a,b\n")
    with pytest.raises(InputError):
        audit_file(bad, as_of=D(2024, 9, 3))
    assert not bad.closed


def test_a_gb18030_log_with_a_plain_ascii_start_is_read_as_gb18030(tmp_path: Path) -> None:
    ascii_rows = "work_safety,policy_documents.1,2024-09-02,2024-09-30\n" * 2000  # > 64 KiB
    path = tmp_path / "log.csv"
    path.write_bytes(
        ("domain,item,formed,published\n" + ascii_rows + "安全生产,法律法规,2024-09-02,\n").encode(
            "gb18030"
        )
    )
    guessed = audit_file(path, as_of=D(2024, 10, 31))  # the whole file decides
    assert (guessed.invalid, guessed.totals.on_time, guessed.totals.overdue) == (0, 2000, 1)
    assert guessed.encoding == "gb18030"
    told = audit_file(path, as_of=D(2024, 10, 31), encoding="gb18030")
    assert (told.encoding, told.invalid, told.totals.on_time, told.totals.overdue) == (
        "gb18030",
        0,
        2000,
        1,
    )


# -- dates: date-times, compact dates, forms refused with a reason ------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-09-27T10:30:00+08:00", D(2024, 9, 27)),
        ("2024-09-27T10:30:00Z", D(2024, 9, 27)),
        ("2024-09-27T20:30:00Z", D(2024, 9, 28)),  # 04:30 on the 28th in Beijing
        ("2024-09-27T01:00:00-05:00", D(2024, 9, 27)),  # 14:00 in Beijing
        ("2024-09-27T23:30:00-0500", D(2024, 9, 28)),
        ("2024-09-28T06:00:00+14", D(2024, 9, 28)),  # 00:00 in Beijing
        ("2024-09-28T05:59:59+14:00", D(2024, 9, 27)),
        ("2024-09-27 10:30", D(2024, 9, 27)),
        ("2024-09-27 23:59:59.5", D(2024, 9, 27)),  # no offset: the date as written
        ("2024-09-27t10:30z", D(2024, 9, 27)),
        ("20240927", D(2024, 9, 27)),
        (" 2024年9月27日 ", D(2024, 9, 27)),
    ],
)
def test_iso_date_times_and_compact_dates(text: str, expected: dt.date) -> None:
    assert parse_log_date(text) == expected
    result = one(rec("法律法规", text), D(2025, 1, 31))
    assert result.formed == expected and result.status is Status.OVERDUE


@settings(max_examples=200, deadline=None)
@given(
    moment=st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2100, 1, 1)),
    minutes=st.integers(-14 * 60, 14 * 60),
)
def test_a_date_time_with_an_offset_gives_the_date_in_beijing(
    moment: dt.datetime, minutes: int
) -> None:
    zone = dt.timezone(dt.timedelta(minutes=minutes))
    aware = moment.replace(microsecond=0, tzinfo=zone)
    expected = aware.astimezone(ZoneInfo("Asia/Shanghai")).date()
    assert parse_log_date(aware.isoformat()) == expected
    assert parse_log_date(aware) == expected
    assert parse_log_date(aware.replace(tzinfo=None).isoformat()) == moment.date()


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("27/09/2024", "day/month order unknown"),
        ("09/27/2024", "day/month order unknown"),
        ("27.9.2024 10:30", "day/month order unknown"),
        ("45562", "Excel serial number"),
        ("45562.4375", "Excel serial number"),
        ("2024-02-30", "2024-02-30 does not exist: February 2024 has 29 days"),
        ("20240230", "2024-02-30 does not exist"),
        ("2024年2月30日", "2024-02-30 does not exist"),
        ("2024-09-27T24:00", "24:00:00 is not a time of day"),
        ("2024-09-27T10:30+25:00", "[+]25:00 is not a UTC offset"),
        ("9999-12-31T23:00-05:00", "not a date in China Standard Time"),
    ],
)
def test_dates_refused_with_a_reason(text: str, why: str) -> None:
    with pytest.raises(InputError, match=why):
        parse_log_date(text)
    result = audit_records([rec("法律法规", text)], as_of=D(2025, 1, 31))
    (bad,) = result.report.filter(code="audit.bad-record").findings
    assert bad.data["problems"] == ("bad_date:formed",) and re.search(why, bad.message_en)


def test_a_number_in_json_that_looks_like_an_excel_date_says_so() -> None:
    result = audit_records(
        [{"domain": "work_safety", "item": "法律法规", "formed": 45562}], as_of=D(2025, 1, 31)
    )
    (bad,) = result.report.filter(code="audit.bad-record").findings
    assert bad.data["problems"] == ("not_text:formed",)
    assert "format the column as dates" in bad.message_en and "日期格式" in bad.message_zh


# -- unusable records are errors; a log where none is usable ------------------------------------


def test_an_unusable_record_makes_the_audit_not_ok() -> None:
    result = audit_records(
        [rec("法律法规", "2024-09-02", "2024-09-30"), rec("法律法规", "27/09/2024")],
        as_of=D(2024, 12, 31),
    )
    assert (result.totals.late, result.totals.overdue, result.invalid) == (0, 0, 1)
    assert not result.ok and result.report.counts["error"] == 1
    assert unstructure(result)["ok"] is False and not result.nothing_usable
    assert result.first_problem == (
        "$[1]: formed is not a date: '27/09/2024' (day/month order unknown; use YYYY-MM-DD) "
        "(形成日期不是有效日期：'27/09/2024'（日月顺序不明，请用YYYY-MM-DD）)"
    )


def test_a_log_where_no_record_is_usable(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        "domain,item,formed,published\nwork_safety,法律法规,27/09/2024,\n"
        "work_safety,法律法规,45562,\n",
        encoding="utf-8",
    )
    result = audit_file(path, as_of=D(2025, 1, 31))
    assert result.nothing_usable and (result.records, result.invalid) == (2, 2)
    assert result.first_problem is not None and result.first_problem.startswith("line 2: ")
    empty = tmp_path / "empty.csv"
    empty.write_text("domain,item,formed,published\n\n", encoding="utf-8")
    header_only = audit_file(empty, as_of=D(2025, 1, 31))
    # A header and no record: nothing usable (the command line exits 2), saying so.
    assert header_only.nothing_usable and header_only.records == 0
    assert header_only.first_problem == (
        "the log has a header and no record after it (只有表头，没有记录)"
    )


def test_first_problem_is_kept_when_no_finding_is_listed() -> None:
    result = audit_records([rec("", "2024-09-02")], as_of=D(2024, 12, 31), max_listed=0)
    assert not result.report.filter(code="audit.bad-record").findings
    assert result.first_problem == "$[0]: item is missing (缺少事项)"


@pytest.mark.parametrize(
    ("content", "format", "message"),
    [
        (
            "domain,item,formed,published\nwork_safety,法律法规,2024-09-02,\n",
            "jsonl",
            "looks like CSV",
        ),
        ("领域\t事项\t形成日期\t公开日期\n安全生产\t法律法规\t2024-09-02\t\n", "jsonl", "CSV"),
        ('{"domain": "work_safety"}\n', "csv", "looks like JSON Lines"),
    ],
)
def test_a_log_of_the_other_format_than_told_is_refused(
    tmp_path: Path, content: str, format: str, message: str
) -> None:
    path = tmp_path / "log.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        audit_file(path, as_of=D(2024, 12, 31), format=format)


def test_utf16_named_for_a_file_without_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("领域,事项,形成日期,公开日期\n安全生产,法律法规,2024-09-02,\n", "utf-8")
    with pytest.raises(InputError, match="byte-order mark"):
        audit_file(path, as_of=D(2024, 12, 31), encoding="utf-16")
    # UTF-16 without a mark is refused too when asked for: LE and BE cannot be told apart.
    path.write_bytes("领域,事项,形成日期,公开日期\n".encode("utf-16-le"))
    with pytest.raises(InputError, match="byte-order mark"):
        audit_file(path, as_of=D(2024, 12, 31), encoding="utf-16")


# -- records dated after the as-of date ----------------------------------------------------------


def test_a_record_formed_after_the_as_of_date_is_pending_with_a_warning() -> None:
    log = [
        rec("法律法规", "2024-09-02", "2024-09-30"),
        rec("法律法规", "2025-09-27"),
        rec("标准", "2025-10-08", "2025-10-09"),
    ]
    result = audit_records(log, as_of=D(2024, 10, 31))
    assert (result.totals.on_time, result.totals.pending, result.formed_after_as_of) == (1, 2, 2)
    (finding,) = result.report.filter(code="audit.formed-after-as-of").findings
    assert finding.severity.code == "warning" and finding.path == "$[1]"
    assert finding.data["records"] == 2 and "2024-10-31" in finding.message_en
    assert result.ok and unstructure(result)["formed_after_as_of"] == 2


# -- what the API refuses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: audit_records(None, as_of=D(2025, 1, 31)), "iterable of mappings"),  # type: ignore[arg-type]
        (lambda: audit_records(42, as_of=D(2025, 1, 31)), "not int"),  # type: ignore[arg-type]
        (lambda: audit_records("abc", as_of=D(2025, 1, 31)), "not str"),  # type: ignore[arg-type]
        (lambda: audit_records(rec("法律法规", "2024-09-02"), as_of=D(2025, 1, 31)), "one dict"),  # type: ignore[arg-type]
        (lambda: iter_audit(None, as_of=D(2025, 1, 31)), "iterable"),  # type: ignore[arg-type]
        (lambda: audit_records([], as_of="2025-01-31"), "as_of: expected a datetime.date"),  # type: ignore[arg-type]
        (lambda: audit_records([], as_of=None), "as_of: expected a datetime.date"),  # type: ignore[arg-type]
        (lambda: audit_records([], as_of=dt.datetime(2025, 1, 31, 9)), r"pass its \.date\(\)"),
        (lambda: audit_records([], as_of=D(2025, 1, 31), catalogues=5), "catalogues must be"),  # type: ignore[arg-type]
        (lambda: audit_records([], as_of=D(2025, 1, 31), catalogues="ws"), "catalogues must be"),  # type: ignore[arg-type]
        (lambda: audit_records([], as_of=D(2025, 1, 31), catalogues=[5]), "not a Catalogue"),  # type: ignore[list-item]
        (
            lambda: audit_records([], as_of=D(2025, 1, 31), catalogues={"救灾": 5}),  # type: ignore[dict-item]
            "not a Catalogue",
        ),
        (lambda: audit_records([], as_of=D(2025, 1, 31), calendar="x"), "WorkCalendar"),  # type: ignore[arg-type]
        (lambda: audit_records([], as_of=D(2025, 1, 31), on_record=5), "callable"),  # type: ignore[arg-type]
        (lambda: audit_records([], as_of=D(2025, 1, 31), max_listed=-1), "max_listed"),
        (lambda: audit_records([], as_of=D(2025, 1, 31), start=True), "^start: .* ≥ 0"),
        (lambda: audit_records([], as_of=D(2025, 1, 31), subject=3), "subject"),  # type: ignore[arg-type]
        (lambda: audit_file(None, as_of=D(2025, 1, 31)), "file name"),  # type: ignore[arg-type]
        (lambda: audit_file(5, as_of=D(2025, 1, 31)), "file name"),  # type: ignore[arg-type]
        (lambda: audit_file(b"log.csv", as_of=D(2025, 1, 31)), "file name"),  # type: ignore[arg-type]
        (lambda: audit_file(io.StringIO("a,b\n"), as_of=D(2025, 1, 31)), "text stream"),  # type: ignore[arg-type]
        (lambda: audit_file("log\x00.csv", as_of=D(2025, 1, 31)), "cannot read"),
        (lambda: audit_file("x.csv", as_of=D(2025, 1, 31), format="xlsx"), "unknown log format"),
        (lambda: audit_file("x.csv", as_of=D(2025, 1, 31), encoding="latin-1"), "unsupported"),
    ],
)
def test_junk_arguments_are_input_errors(call: Any, message: str) -> None:
    with pytest.raises(InputError, match=message):
        call()


def test_records_that_are_not_mappings_are_unusable_records() -> None:
    junk: list[Any] = [None, 3, "text", ["a"], {"domain": ["x"], "item": {}, "formed": 3.5}]
    result = audit_records(junk, as_of=D(2025, 1, 31))
    assert (result.records, result.invalid, result.nothing_usable) == (5, 5, True)
    problems = [f.data["problems"] for f in result.report.filter(code="audit.bad-record")]
    assert problems[:4] == [("not_object",)] * 4
    assert problems[4] == ("not_text:domain", "not_text:item", "not_text:formed")


def test_one_catalogue_may_be_given_alone() -> None:
    ws = standard("work_safety")
    result = audit_records([rec("法律法规", "2024-09-02")], as_of=D(2024, 9, 3), catalogues=ws)
    assert result.totals.pending == 1


def test_late_records_keep_the_partial_mark_of_their_own_formed_date() -> None:
    """Two formed dates with one due date: only the one whose span reaches a year marked
    partial is partial, whichever comes first (late judgements are remembered per due)."""
    # An invented arrangement for 2027, marked partial; 2028 is estimated (provisional).
    partial_2027 = Arrangement(
        2027,
        (D(2027, 1, 1),),
        (),
        holidays={D(2027, 1, 1): "元旦"},
        partial=True,
        partial_reason="元旦 only, for the test",
    )
    calendar = WorkCalendar.official(provisional=True).with_arrangement(partial_2027)
    records = [
        {"domain": "work_safety", "item": "法律法规", "formed": formed, "published": "2028-03-01"}
        for formed in ("2027-12-31", "2028-01-01")
    ]
    for order in (records, records[::-1]):
        judged = {
            r.formed: (r.status, r.due, r.partial)
            for r in iter_audit(order, as_of=D(2028, 6, 30), calendar=calendar)
        }
        assert judged == {
            D(2027, 12, 31): (Status.LATE, D(2028, 2, 3), True),
            D(2028, 1, 1): (Status.LATE, D(2028, 2, 3), False),
        }


def test_blank_lines_before_the_header_count_in_line_numbers(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(
        "\n  \n领域,事项,形成日期,公开日期\n安全生产,法律法规,2024-09-27,2024-11-04\n",
        encoding="utf-8",
    )
    result = audit_file(log, as_of=D(2025, 1, 31))
    assert [f.path for f in result.report.findings] == [f"{log}:4"]
    tsv = tmp_path / "log.tsv"
    tsv.write_text("\n领域\t事项\t形成日期\t公开日期\n安全生产\t法律法规\t2024-09-27\t\n")
    assert audit_file(tsv, as_of=D(2025, 1, 31)).report.findings[0].path == f"{tsv}:3"
