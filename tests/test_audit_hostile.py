"""Broken and hostile publication logs: nothing lost, nothing misread, every problem located.

Each test names a class of input: a stray CSV quote, a CSV field over the csv module's limit,
duplicate JSON keys, JSON nested too deeply, a header and no record, date-times read by
their parts (checked against the whole-text reading on random moments and offsets).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclose import InputError
from govdisclose._dates import or_raise, read_china_date, read_date_text
from govdisclose.audit import audit_file, parse_log_date
from govdisclose.audit._log_record import NOT_A_DATE, LogDates, log_date

AS_OF = dt.date(2025, 1, 31)
HEADER = "领域,事项,形成日期,公开日期,标题"


def _csv(rows: list[str]) -> io.BytesIO:
    return io.BytesIO(("\n".join([HEADER, *rows]) + "\n").encode("utf-8"))


def _bad(result: object) -> list[tuple[str, str]]:
    report = result.report  # type: ignore[attr-defined]
    return [(f.path, f.message_en) for f in report.filter(code="audit.bad-record").findings]


def test_a_stray_quote_does_not_swallow_the_rest_of_a_csv_log() -> None:
    rows = [f"安全生产,法律法规,2024-0{1 + i % 9}-10,,第{i}条" for i in range(1000)]
    rows[10] = '安全生产,"法律法规,2024-01-10,,第10条'  # line 12 of the file
    result = audit_file(_csv(rows), as_of=AS_OF)
    assert (result.records, result.invalid) == (1000, 1)
    assert result.totals.overdue == 999  # every other record is counted, none vanished
    ((path, message),) = _bad(result)
    assert path == "<stream>:12"
    assert "quote opened on line 12" in message and "line 1001" in message


def test_a_quoted_field_over_two_lines_is_still_one_record() -> None:
    rows = ['安全生产,法律法规,2024-01-10,,"一份\n两行的标题"', "安全生产,法律法规,2024-01-10,,x"]
    result = audit_file(_csv(rows), as_of=AS_OF)
    assert (result.records, result.invalid) == (2, 0)


def test_a_quote_that_runs_past_the_csv_field_limit_loses_no_line() -> None:
    long_title = "长" * 1000
    rows = [f"安全生产,法律法规,2024-01-10,,{long_title}{i}" for i in range(200)]
    rows[4] = '安全生产,法律法规,2024-01-10,,"没有闭合'  # the field passes 128 KiB: csv.Error
    result = audit_file(_csv(rows), as_of=AS_OF)
    assert result.records == 200
    assert result.invalid == 1 and _bad(result)[0][0] == "<stream>:6"


def _jsonl(*lines: str) -> io.BytesIO:
    return io.BytesIO(("\n".join(lines) + "\n").encode("utf-8"))


def test_a_key_given_twice_in_a_json_lines_record_is_a_bad_record() -> None:
    log = _jsonl(
        '{"domain": "安全生产", "item": "法律法规", '
        '"formed": "2024-04-22", "formed": "2020-01-01"}',
        '{"domain": "安全生产", "item": "法律法规", "formed": "2024-04-22"}',
    )
    result = audit_file(log, as_of=AS_OF)
    assert (result.records, result.invalid) == (2, 1)
    ((path, message),) = _bad(result)
    assert path == "<stream>:1" and "'formed' is given twice" in message
    (finding,) = result.report.filter(code="audit.bad-record").findings
    assert list(finding.data["problems"]) == ["duplicate_key"]


def test_json_nested_too_deeply_is_a_located_bad_record() -> None:
    deep = "[" * 50_000 + "]" * 50_000
    log = _jsonl(
        '{"domain": "安全生产", "item": "法律法规", "formed": "2024-04-22"}',
        f'{{"domain": "安全生产", "item": "法律法规", "formed": "2024-04-22", "x": {deep}}}',
    )
    result = audit_file(log, as_of=AS_OF)
    ((path, message),) = _bad(result)
    assert path == "<stream>:2" and "nested too deeply" in message


def test_a_header_and_no_record_is_nothing_usable() -> None:
    result = audit_file(io.BytesIO(f"{HEADER}\n".encode()), as_of=AS_OF)
    assert result.records == 0 and result.nothing_usable
    assert result.first_problem is not None and "no record" in result.first_problem


_MOMENTS = st.datetimes(min_value=dt.datetime(1950, 1, 2), max_value=dt.datetime(2199, 12, 30))
_OFFSETS = st.one_of(
    st.none(),
    st.just("Z"),
    st.builds(
        lambda sign, h, m, colon: f"{sign}{h:02d}{':' if colon else ''}{m:02d}",
        st.sampled_from("+-"),
        st.integers(0, 14),
        st.sampled_from([0, 30, 45, 1, 59]),
        st.booleans(),
    ),
)


@settings(max_examples=400, deadline=None)
@given(
    moment=_MOMENTS,
    offset=_OFFSETS,
    sep=st.sampled_from("T "),
    seconds=st.booleans(),
)
def test_a_date_time_read_by_its_parts_is_the_date_of_the_whole_text(
    moment: dt.datetime, offset: str | None, sep: str, seconds: bool
) -> None:
    text = moment.strftime(f"%Y-%m-%d{sep}%H:%M" + (":%S" if seconds else "")) + (offset or "")
    expected = or_raise(
        read_china_date(or_raise(read_date_text(text)))
    )  # the whole text, read the long way
    assert parse_log_date(text) == expected
    dates = LogDates()
    assert dates.read(text) == expected  # by its parts
    assert dates.read(text) == expected  # again, from what was remembered


_TIME_PARTS = st.builds(
    lambda sep, clock, seconds, rest: f"{sep}{clock}{seconds}{rest}",
    st.sampled_from(["T", "t", " ", "  ", "", "T ", "Ｔ", "\u3000"]),
    st.sampled_from(["09:30", "23:59", "00:00", "24:00", "23:60", "9:30", "09:3", "０９:３０"]),
    st.sampled_from([":00", ":59", ":60", ":5", ":61", "", ":０５"]),
    st.sampled_from(["", "Z", "z", "+08:00", "+0800", "+08", "-05:00", "+14:00", "-23:59",
                     "+24:00", "+08:61", " +08:00", ".5", ",25Z", ".123456+08:00", "+08:00:00",
                     "Z:00", " ", "x", "+", "日"]),
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(
    day=st.dates(dt.date(1948, 12, 30), dt.date(2200, 12, 31)),
    date_form=st.sampled_from(["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y年%m月%d日", "%Y-%m-%d "]),
    time_part=_TIME_PARTS,
    wide=st.booleans(),
)
def test_the_audit_reads_any_date_time_by_its_parts_as_it_reads_the_whole(
    day: dt.date, date_form: str, time_part: str, wide: bool
) -> None:
    """The audit's cache reads a date-time from its date and clock parts; it gives what the
    whole text gives — the date in Beijing, or a refusal (24:00, 23:60, :60, +24:00 …)."""
    text = day.strftime(date_form) + time_part
    if wide:  # full-width digits in the date
        text = text.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    expected = log_date(text)  # the whole text, read the long way
    dates = LogDates()
    assert dates.read(text) == expected
    assert dates.read(text) == expected  # again, from what was remembered
    assert dates.read(text[:10]) == log_date(text[:10])


@pytest.mark.parametrize(
    "text",
    ["2024-10-08T24:00:00", "2024-10-08T23:61:00", "2024-10-08T23:59:60",
     "2024-10-08T09:30:00+24:00", "2024-10-08T09:30:00+08:61", "2024-10-8 T09:30:00",
     "2024-10-08T09:30:00+08:00:00", "2024-10-08T9:30Z:00", "2200-12-31T20:00:00Z"],
)  # fmt: skip
def test_a_date_time_with_no_such_time_or_offset_is_a_bad_date_as_a_whole(text: str) -> None:
    dates = LogDates()
    assert dates.read(text) is NOT_A_DATE
    assert dates.read(text.replace("2024-10-08", "2024-10-09")) is NOT_A_DATE  # parts known
    result = audit_file(io.BytesIO(f"{HEADER}\n安全生产,法律法规,{text},,\n".encode()), as_of=AS_OF)
    (bad,) = result.report.filter(code="audit.bad-record").findings
    assert bad.data["problems"] == ("bad_date:formed",)


def test_a_line_longer_than_the_limit_is_refused_naming_it(tmp_path: Path) -> None:
    """A log that is one huge line (a broken export, a hostile file) is refused at the line,
    without reading the line into memory (issue: a 300 MB single-line CSV peaked at 1.2 GB)."""
    from govdisclose.audit._decoding import MAX_LINE_CHARS

    path = tmp_path / "one-line.csv"
    with path.open("w", encoding="utf-8") as f:
        f.write("domain,item,formed,published\n")
        f.write("安全生产,法律法规,2024-01-02,2024-01-03\n")
        f.write("x" * (MAX_LINE_CHARS + 10))
    with pytest.raises(InputError, match=r"one-line\.csv: line 3 is longer than 1,048,576"):
        audit_file(path, as_of=dt.date(2024, 12, 31))


def test_a_long_line_under_the_limit_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "long-title.csv"
    title = "标" * 200_000  # spans several read chunks
    path.write_text(
        f"domain,item,title,formed,published\n安全生产,法律法规,{title},2024-01-02,2024-01-03\n",
        encoding="utf-8",
    )
    result = audit_file(path, as_of=dt.date(2024, 12, 31))
    assert result.records == 1


def test_a_header_over_the_csv_field_limit_is_a_library_error(tmp_path: Path) -> None:
    path = tmp_path / "big-header.csv"
    path.write_text(
        "domain,item,formed,published,"
        + "x" * 200_000
        + "\n安全生产,法律法规,2024-01-02,2024-01-03,a\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"big-header\.csv: line 1: the header is not valid CSV"):
        audit_file(path, as_of=dt.date(2024, 12, 31))
