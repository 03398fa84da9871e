"""Tests for the shared date-option parsers of ``govdisclose.cli.common``."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclose._errors import InputError
from govdisclose.audit import parse_log_date
from govdisclose.cli.common import (
    parse_date_option,
    parse_datetime_option,
    parse_month_day_option,
)

D = dt.date


def spellings(day: dt.date) -> list[str]:
    y, m, d = day.year, day.month, day.day
    return [
        day.isoformat(),
        f"{y:04d}-{m}-{d}",
        f"{y:04d}/{m}/{d}",
        f"{y:04d}/{m:02d}/{d:02d}",
        f"{y:04d}.{m}.{d}",
        f"{y:04d}年{m}月{d}日",
        f"{y:04d}年{m:02d}月{d:02d}日",
        f"{y:04d}年{m}月{d}",
        f"{y:04d}{m:02d}{d:02d}",
        f"  {day.isoformat()}\t",
    ]


@given(st.dates())
def test_every_spelling_of_every_date(day: dt.date) -> None:
    for text in spellings(day):
        assert parse_date_option(text, "--as-of") == day


@given(st.dates(), st.times(), st.integers(-14 * 60, 14 * 60))
def test_date_times_with_and_without_offsets(day: dt.date, time: dt.time, minutes: int) -> None:
    clock = f"{time.hour:02d}:{time.minute:02d}:{time.second:02d}"
    naive = dt.datetime.combine(day, time.replace(microsecond=0))
    for date_text in spellings(day)[:-1]:
        assert parse_datetime_option(f"{date_text} {clock}", "--detected") == naive
    sign = "+" if minutes >= 0 else "-"
    offset = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    aware = parse_datetime_option(f"{day.isoformat()}T{clock}{offset}", "--detected")
    assert aware.utcoffset() == dt.timedelta(minutes=minutes)
    assert aware.replace(tzinfo=None) == naive


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2024-02-30", "February 2024 has 29 days"),
        ("2023-02-29", "February 2023 has 28 days"),
        ("2024/4/31", "April 2024 has 30 days"),
        ("2024年13月1日", "there is no month 13"),
        ("20240000", "there is no month 0"),
        ("0000-01-01", "there is no year 0"),
    ],
)
def test_an_impossible_date_does_not_exist(text: str, why: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date_option(text, "--formed")
    message = str(caught.value)
    assert message.startswith("--formed: ") and "does not exist" in message and why in message
    assert "use YYYY" not in message


@pytest.mark.parametrize(
    "text",
    ["", " ", "x", "yesterday", "27/09/2024", "24-9-27", "2024-09/27", "2024-0927",
     "2024-09-27T08", "2024--09-27", "1e3", "２０２４年", "2024-09-27x", "45562"],
)  # fmt: skip
def test_anything_else_is_not_a_date(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date_option(text, "--received")
    message = str(caught.value)
    assert message.startswith("--received: not a date")
    assert "YYYY-MM-DD" in message and "YYYY年M月D日" in message and "YYYYMMDD" in message


@pytest.mark.parametrize(
    ("text", "why"),
    [("27/09/2024", "(day/month order unknown; use YYYY-MM-DD)"),
     ("45562", "format the column as dates")],
)  # fmt: skip
def test_refusals_say_why_as_the_audit_does(text: str, why: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date_option(text, "--as-of")
    assert str(caught.value).startswith(f"--as-of: not a date: {text!r} ")
    assert why in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The publication-log audit's rule: with an offset, the date in China Standard Time;
        # without one, the date as written.
        ("2024-09-27T08:00", D(2024, 9, 27)),
        ("2024-09-27 23:59:59.5", D(2024, 9, 27)),
        ("2024年9月27日 10:30", D(2024, 9, 27)),
        ("2024-09-27T20:30:00Z", D(2024, 9, 28)),
        ("2024-09-27T23:30-0500", D(2024, 9, 28)),
        ("2024-09-28T05:59:59+14:00", D(2024, 9, 27)),
    ],
)
def test_a_date_time_gives_its_date_as_in_the_audit(text: str, expected: dt.date) -> None:
    assert parse_date_option(text, "--received") == expected
    assert parse_log_date(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [("2024-09-27T24:00", "24:00:00 is not a time of day"),
     ("2024-09-27T10:00+24:00", "+24:00 is not a UTC offset"),
     ("9999-12-31T23:00-05:00", "not a date in China Standard Time")],
)  # fmt: skip
def test_a_date_time_that_does_not_exist_is_said_so(text: str, says: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_date_option(text, "--received")
    assert str(caught.value).startswith("--received: ") and says in str(caught.value)


def test_every_date_option_takes_today() -> None:
    china_today = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()
    for option in ("DATE", "--as-of", "FORMED", "RECEIVED", "--supplemented"):
        assert parse_date_option(" Today ", option) in (
            china_today,
            china_today + dt.timedelta(days=1),  # the test ran across midnight
        )
    with pytest.raises(InputError, match="not a date") as caught:
        parse_date_option("tomorrow", "--as-of")
    assert "or today" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2024-10-01", "has no time of day"),
        ("2024年10月1日", "has no time of day"),
        ("2024-10-01T25:00", "25:00:00 is not a time of day"),
        ("2024-10-01T08:60", "is not a time of day"),
        ("2024-10-01T08:00+24:00", "is not a UTC offset"),
        ("2024-02-30T08:00", "2024-02-30 does not exist"),
        ("2024-10-01T08", "not a date-time"),
        ("soon", "not a date-time"),
    ],
)
def test_bad_date_times(text: str, says: str) -> None:
    with pytest.raises(InputError, match="--detected: ") as caught:
        parse_datetime_option(text, "--detected")
    assert says in str(caught.value)


def test_date_time_offsets_and_full_width_text() -> None:
    assert parse_datetime_option("2024-10-01t08:30z", "--d").utcoffset() == dt.timedelta(0)
    assert parse_datetime_option("2024-10-01 08:30+0800", "--d").isoformat() == (
        "2024-10-01T08:30:00+08:00"
    )
    assert parse_datetime_option("２０２４／１０／１　８：３０", "--d") == dt.datetime(
        2024, 10, 1, 8, 30
    )
    assert parse_datetime_option("2024-10-01T08:30:15.25", "--d").microsecond == 250_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12-31", (12, 31)), ("2-29", (2, 29)), ("06/30", (6, 30)), ("3.1", (3, 1)),
     ("3月1日", (3, 1)), (" 12-31 ", (12, 31))],
)  # fmt: skip
def test_month_day(text: str, expected: tuple[int, int]) -> None:
    assert parse_month_day_option(text, "--attribute-review") == expected


@pytest.mark.parametrize("text", ["02-30", "13-01", "00-10", "04-31", "1231", "12", "x", ""])
def test_not_a_day_of_the_year(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_month_day_option(text, "--attribute-review")
    message = str(caught.value)
    assert message.startswith("--attribute-review: ") and "is not a day of the year" in message
    assert "MM-DD" in message and "YYYY" not in message and "2000" not in message
