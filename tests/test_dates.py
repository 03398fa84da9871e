"""The one date grammar, China time, and the one rule for date and calendar arguments."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclose._converter import structure
from govdisclose._dates import (
    CHINA_TZ,
    DateRefusal,
    china_today,
    or_raise,
    parse_iso_datetime,
    read_china_date,
    read_date_text,
    read_iso_date,
)
from govdisclose._errors import InputError
from govdisclose.audit import Auditor, audit_records
from govdisclose.calendar._workcalendar import WorkCalendar, check_calendar, default_calendar
from govdisclose.checks import validate_document
from govdisclose.deadlines import proactive_deadline, request_reply_deadline
from govdisclose.deadlines._schedule import obligations

D = dt.date
CAL = WorkCalendar.official()


def spellings(day: dt.date) -> list[str]:
    y, m, d = day.year, day.month, day.day
    return [
        day.isoformat(),
        f"{y:04d}-{m}-{d}",
        f"{y:04d}/{m}/{d}",
        f"{y:04d}.{m:02d}.{d}",
        f"{y:04d}年{m}月{d}日",
        f"{y:04d} 年 {m:02d} 月 {d:02d} 日",
        f"{y:04d}{m:02d}{d:02d}",
        "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in day.isoformat()),
    ]


@given(st.dates())
def test_every_spelling_reads_as_the_date(day: dt.date) -> None:
    for text in spellings(day):
        assert read_date_text(text) == day
        assert type(read_date_text(f" {text}\t")) is dt.date


@given(st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2100, 1, 1)), st.integers(-839, 839))
def test_a_date_time_is_read_whole_and_dated_in_china(moment: dt.datetime, minutes: int) -> None:
    moment = moment.replace(microsecond=0)
    naive = read_date_text(moment.isoformat(sep=" "))
    assert naive == moment and read_china_date(naive) == moment.date()
    aware_moment = moment.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes)))
    aware = read_date_text(aware_moment.isoformat())
    assert isinstance(aware, dt.datetime) and aware == aware_moment
    assert read_china_date(aware) == aware_moment.astimezone(ZoneInfo("Asia/Shanghai")).date()


def zone(hours: int) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-10-08t09:30z", dt.datetime(2024, 10, 8, 9, 30, tzinfo=dt.timezone.utc)),
        ("2024-10-08T09:30:15,25", dt.datetime(2024, 10, 8, 9, 30, 15, 250_000)),
        ("2024/10/8 9:30:15.1234567", dt.datetime(2024, 10, 8, 9, 30, 15, 123_456)),
        ("20241008T09:30 -05", dt.datetime(2024, 10, 8, 9, 30, tzinfo=zone(-5))),
        ("2024年10月8日 09:30+0800", dt.datetime(2024, 10, 8, 9, 30, tzinfo=zone(8))),
    ],
)  # fmt: skip
def test_date_time_forms(text: str, expected: dt.datetime) -> None:
    value = read_date_text(text)
    assert value == expected and value.utcoffset() == expected.utcoffset()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "kind", "says"),
    [
        ("2024-02-30", "no_such_date", "2024-02-30 does not exist: February 2024 has 29 days"),
        ("2100年2月29日", "no_such_date", "2100-02-29 does not exist: February 2100 has 28 days"),
        ("00000101", "no_such_date", "there is no year 0"),
        ("2024-13-01", "no_such_date", "there is no month 13"),
        ("2024-10-08 24:00", "no_such_time", "24:00:00 is not a time of day"),
        ("2024-10-08 23:59:60", "no_such_time", "23:59:60 is not a time of day"),
        ("2024-10-08T08:00+24:00", "bad_offset", "+24:00 is not a UTC offset"),
        ("27/09/2024", "day_month_order", "day/month order unknown"),
        ("9-27-2024 10:30", "day_month_order", "day/month order unknown"),
        ("45562", "excel_serial", "format the column as dates"),
        ("45562.4375", "excel_serial", "format the column as dates"),
        ("2024-09/27", "not_a_date", "not a date: '2024-09/27'; use YYYY-MM-DD"),
        ("2024-W41-2", "not_a_date", "not a date"),
        ("", "not_a_date", "not a date: ''"),
    ],
)
def test_refusals_say_why(text: str, kind: str, says: str) -> None:
    refusal = read_date_text(text)
    assert isinstance(refusal, DateRefusal) and refusal.kind == kind
    with pytest.raises(InputError) as caught:
        or_raise(read_date_text(text), "formed")
    assert str(caught.value).startswith("formed: ") and says in str(caught.value)
    assert (refusal.reason is None) == (kind == "not_a_date")


def test_a_date_in_china_outside_the_calendar_is_refused() -> None:
    late = read_date_text("9999-12-31T23:00-05:00")  # readable, but 10000-01-01 in Beijing
    with pytest.raises(InputError, match="not a date in China Standard Time"):
        or_raise(read_china_date(late), "--as-of")


def test_china_time() -> None:
    assert CHINA_TZ.utcoffset(dt.datetime(2024, 10, 8)) == dt.timedelta(hours=8)
    assert china_today() in {
        (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=8)).date() + dt.timedelta(days=d)
        for d in (-1, 0)
    }


# -- strict ISO 8601, the same on Python 3.10 and 3.11 ----------------------------------------


@given(st.dates())
def test_iso_dates(day: dt.date) -> None:
    assert read_iso_date(day.isoformat()) == day


# 3.11's date.fromisoformat accepts the first three; 3.10's does not.
@pytest.mark.parametrize(
    "text", ["2024-W41-2", "20241008", "2024-282", " 2024-10-08", "2024-10-8", "２０２４-10-08"]
)
def test_iso_dates_are_strict(text: str) -> None:
    refusal = read_iso_date(text)
    assert isinstance(refusal, DateRefusal) and refusal.kind == "not_a_date"
    with pytest.raises(Exception, match="expected an ISO 8601 date"):
        structure(text, dt.date)


def test_an_iso_date_that_does_not_exist_is_said_so() -> None:
    with pytest.raises(InputError, match="2023-02-29 does not exist: February 2023 has 28 days"):
        or_raise(read_iso_date("2023-02-29"))
    with pytest.raises(Exception, match="2023-02-29 does not exist"):
        structure("2023-02-29", dt.date)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-10-08", dt.datetime(2024, 10, 8)),
        ("2024-10-08T09:30", dt.datetime(2024, 10, 8, 9, 30)),
        ("2024-10-08 09:30:15.5", dt.datetime(2024, 10, 8, 9, 30, 15, 500_000)),
        ("2024-10-08T09:30:15Z", dt.datetime(2024, 10, 8, 9, 30, 15, tzinfo=dt.timezone.utc)),
        ("2024-10-08T09:30+08:00", dt.datetime(2024, 10, 8, 9, 30, tzinfo=CHINA_TZ)),
    ],
)
def test_iso_date_times(text: str, expected: dt.datetime) -> None:
    assert parse_iso_datetime(text) == expected == structure(text, dt.datetime)


@pytest.mark.parametrize(
    "text", ["20241008T093000", "2024-W41-2T09:30", "2024-10-08T09", "2024-10-08Z",
             "2024-10-08T24:00", "2024-10-08T09:30+0800", "2024-02-30T09:30"],
)  # fmt: skip
def test_iso_date_times_are_strict(text: str) -> None:
    with pytest.raises(InputError):
        parse_iso_datetime(text)
    with pytest.raises(Exception, match=r"ISO 8601 date-time|does not exist"):
        structure(text, dt.datetime)


# -- date and calendar arguments: one rule -----------------------------------------------------

MOMENT = dt.datetime(2024, 10, 8, 9, 30)
RECORD = {"id": "1", "title": "通知", "issued": "2024-09-20", "attribute": "主动公开",
          "marking": "此件公开发布", "published": "2024-09-23",
          "channels": ["government_website"]}  # fmt: skip

DATE_ARGUMENTS: list[tuple[str, Callable[[Any], Any]]] = [
    ("d", lambda v: CAL.add_workdays(v, 3)),
    ("d", lambda v: CAL.add_workdays(v, 0)),
    ("d", lambda v: CAL.is_workday(v)),
    ("d", lambda v: CAL.day_info(v)),
    ("a", lambda v: CAL.workdays_between(v, D(2024, 10, 8))),
    ("start", lambda v: CAL.estimated_years(v, D(2024, 10, 8))),
    ("as_of", lambda v: Auditor(as_of=v)),
    ("as_of", lambda v: audit_records([], as_of=v)),
    ("formed", lambda v: proactive_deadline(v, "20个工作日内", calendar=CAL)),
    ("received", lambda v: request_reply_deadline(v, calendar=CAL)),
    ("as_of", lambda v: validate_document(RECORD, as_of=v)),
]


@pytest.mark.parametrize(("path", "call"), DATE_ARGUMENTS)
def test_a_date_time_is_refused_where_a_date_is_taken(
    path: str, call: Callable[[Any], Any]
) -> None:
    with pytest.raises(InputError) as caught:
        call(MOMENT)
    assert str(caught.value) == (
        f"{path}: expected a datetime.date, got a date-time 2024-10-08T09:30:00; pass its "
        f".date() (应为日期，而非日期时间)"
    )
    with pytest.raises(InputError, match=re.escape(f"{path}: expected a datetime.date, got '")):
        call("2024-10-08")
    call(MOMENT.date())  # a date is fine


CALENDAR_ARGUMENTS: list[Callable[[Any], Any]] = [
    lambda c: Auditor(as_of=D(2024, 10, 8), calendar=c),
    lambda c: proactive_deadline(D(2024, 10, 8), "20个工作日内", calendar=c),
    lambda c: proactive_deadline(D(2024, 10, 8), "每年1月31日前", calendar=c),
    lambda c: request_reply_deadline(D(2024, 10, 8), calendar=c),
    lambda c: obligations(2024, calendar=c),
    lambda c: validate_document(RECORD, as_of=D(2024, 10, 8), calendar=c),
    lambda c: check_calendar(c, where="calendar"),
]


@pytest.mark.parametrize("call", CALENDAR_ARGUMENTS)
@pytest.mark.parametrize("junk", ["official", 2024, {}, WorkCalendar])
def test_a_calendar_argument_is_checked_alike(call: Callable[[Any], Any], junk: object) -> None:
    with pytest.raises(InputError) as caught:
        call(junk)
    assert str(caught.value).startswith("calendar: expected a WorkCalendar or None, got ")
    call(CAL)
    call(None)


def test_check_calendar_gives_the_default_for_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOVDISCLOSE_CALENDAR", raising=False)
    assert check_calendar(None, where="x") is default_calendar()
    assert check_calendar(CAL, where="x") is CAL
