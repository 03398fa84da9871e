"""The working-day calendar: arithmetic properties, golden days, the official data, coverage."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import date, datetime, timedelta

import attrs
import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclose import unstructure
from govdisclose._errors import CalendarDataError, InputError, UnknownYearError
from govdisclose.calendar._arrangement import Arrangement
from govdisclose.calendar._festivals import FESTIVAL_DATES, Festival, statutory_holidays
from govdisclose.calendar._official import AMENDMENTS, CORRECTIONS, NOTICES, official_arrangements
from govdisclose.calendar._sources import estimate_arrangement
from govdisclose.calendar._workcalendar import (
    PROVISIONAL_SOURCE,
    DayKind,
    WorkCalendar,
    default_calendar,
)

CAL = WorkCalendar.official()
PROV = WorkCalendar.official(provisional=True)
#: Test arrangements list one festival or two: they say so.
PARTIAL = {"partial": True, "partial_reason": "test data"}

# Dates far enough from the edges of 2004–2026 that |n| <= 40 working days stays inside.
inner_dates = st.dates(date(2004, 4, 1), date(2026, 10, 31))
steps = st.integers(-40, 40)


def walk(cal: WorkCalendar, d: date, n: int) -> date:
    """Reference implementation: step day by day."""
    step = timedelta(days=1 if n > 0 else -1)
    for _ in range(abs(n)):
        d += step
        while not cal.is_workday(d):
            d += step
    return d


# -- properties -----------------------------------------------------------------------------


@given(inner_dates, steps)
def test_add_workdays_matches_day_by_day_walk(d: date, n: int) -> None:
    assert CAL.add_workdays(d, n) == walk(CAL, d, n)


@given(inner_dates, steps.filter(bool))
def test_result_is_a_working_day_on_the_right_side(d: date, n: int) -> None:
    result = CAL.add_workdays(d, n)
    assert CAL.is_workday(result)
    assert (result > d) if n > 0 else (result < d)


@given(inner_dates, st.integers(-40, 39))
def test_monotone_in_n(d: date, n: int) -> None:
    assert CAL.add_workdays(d, n) < CAL.add_workdays(d, n + 1)


@given(inner_dates, steps)
def test_workdays_between_inverts_add_workdays(d: date, n: int) -> None:
    assert CAL.workdays_between(d, CAL.add_workdays(d, n)) == n


@given(inner_dates, inner_dates)
def test_add_workdays_reaches_any_working_day(a: date, b: date) -> None:
    if CAL.is_workday(b):
        assert CAL.add_workdays(a, CAL.workdays_between(a, b)) == b


@given(inner_dates, steps)
def test_negative_n_round_trips_from_a_working_day(d: date, n: int) -> None:
    start = d if CAL.is_workday(d) else CAL.next_workday(d)
    assert CAL.add_workdays(CAL.add_workdays(start, n), -n) == start


@settings(max_examples=50)
@given(inner_dates)
def test_start_day_is_never_counted(d: date) -> None:
    assert CAL.add_workdays(d, 1) == CAL.next_workday(d) > d
    assert CAL.add_workdays(d, -1) == CAL.previous_workday(d) < d
    assert CAL.add_workdays(d, 0) == d


# -- golden days ------------------------------------------------------------------------------


def test_national_day_2024() -> None:
    assert CAL.is_workday(date(2024, 9, 29))  # Sunday, make-up day
    assert CAL.is_workday(date(2024, 10, 12))  # Saturday, make-up day
    assert not any(CAL.is_workday(date(2024, 10, d)) for d in range(1, 8))
    assert CAL.next_workday(date(2024, 9, 27)) == date(2024, 9, 29)
    assert CAL.next_workday(date(2024, 9, 30)) == date(2024, 10, 8)
    assert CAL.previous_workday(date(2024, 10, 8)) == date(2024, 9, 30)
    # 10/8 … 10/12 are five working days in a row (Tuesday to Saturday).
    assert CAL.add_workdays(date(2024, 9, 30), 5) == date(2024, 10, 12)
    assert CAL.add_workdays(date(2024, 9, 30), 6) == date(2024, 10, 14)
    assert CAL.workdays_between(date(2024, 9, 28), date(2024, 10, 14)) == 8
    # 20 working days from 2024-09-20 (a Friday): 9/23–9/30 (7 with Sunday 9/29), 10/8–10/12 (5), …
    assert CAL.add_workdays(date(2024, 9, 20), 20) == date(2024, 10, 23)
    info = CAL.day_info(date(2024, 9, 29))
    assert (info.kind, info.for_holiday, info.workday) == (
        DayKind.MAKEUP_WORKDAY,
        Festival.NATIONAL_DAY,
        True,
    )
    assert CAL.day_info(date(2024, 10, 1)).kind is DayKind.HOLIDAY
    assert CAL.day_info(date(2024, 10, 4)).kind is DayKind.REST_DAY
    weekend = CAL.day_info(date(2024, 10, 5))
    assert (weekend.kind, weekend.holiday) == (DayKind.WEEKEND, Festival.NATIONAL_DAY)
    assert CAL.day_info(date(2024, 10, 8)).kind is DayKind.WORKDAY
    assert CAL.day_info(date(2024, 10, 8)).source.endswith("（国办发明电〔2023〕7号）")


def test_spring_festival_2026() -> None:
    # DOMAIN §7: off 2/15–2/23; work Saturday 2/14 and Saturday 2/28.
    assert CAL.is_workday(date(2026, 2, 14)) and CAL.is_workday(date(2026, 2, 28))
    assert not any(CAL.is_workday(date(2026, 2, d)) for d in range(15, 24))
    assert CAL.add_workdays(date(2026, 2, 12), 3) == date(2026, 2, 24)
    assert CAL.workdays_between(date(2026, 2, 13), date(2026, 2, 24)) == 2
    assert CAL.add_workdays(date(2026, 3, 2), -5) == date(2026, 2, 24)
    statutory = [d for d in range(15, 24) if CAL.day_info(date(2026, 2, d)).kind is DayKind.HOLIDAY]
    assert statutory == [16, 17, 18, 19]  # 除夕 and 正月初一至初三
    assert CAL.day_info(date(2026, 2, 20)).kind is DayKind.REST_DAY
    assert CAL.day_info(date(2026, 2, 20)).holiday is Festival.SPRING_FESTIVAL
    assert CAL.day_info(date(2026, 2, 28)).for_holiday is Festival.SPRING_FESTIVAL


def test_whole_2026_arrangement_of_domain_reference() -> None:
    off = {
        *[date(2026, 1, d) for d in (1, 2, 3)],
        *[date(2026, 2, d) for d in range(15, 24)],
        *[date(2026, 4, d) for d in (4, 5, 6)],
        *[date(2026, 5, d) for d in range(1, 6)],
        *[date(2026, 6, d) for d in (19, 20, 21)],
        *[date(2026, 9, d) for d in (25, 26, 27)],
        *[date(2026, 10, d) for d in range(1, 8)],
    }
    work = {date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9)}
    work |= {date(2026, 9, 20), date(2026, 10, 10)}
    day = date(2026, 1, 1)
    while day.year == 2026:
        expected = day in work or (day.weekday() < 5 and day not in off)
        assert CAL.is_workday(day) is expected, day
        day += timedelta(days=1)


def test_new_year_2006_correction() -> None:
    info = CAL.day_info(date(2005, 12, 31))
    assert info.workday and info.kind is DayKind.MAKEUP_WORKDAY
    assert info.for_holiday is Festival.NEW_YEARS_DAY
    assert info.source == "国务院办公厅关于2006年部分节假日安排的通知（国办发明电〔2005〕35号）"
    assert CAL.next_workday(date(2005, 12, 30)) == date(2005, 12, 31)


def test_amendment_notices_are_the_source_of_their_days() -> None:
    assert "国办发明电〔2020〕1号" in CAL.day_info(date(2020, 1, 31)).source
    assert not CAL.is_workday(date(2020, 2, 1))  # was a make-up day before the extension
    assert "国办发明电〔2019〕3号" in CAL.day_info(date(2019, 5, 5)).source
    assert CAL.day_info(date(2015, 9, 3)).holiday is Festival.ANTI_FASCIST_70TH_DAY


# -- the official data ------------------------------------------------------------------------


def test_every_day_2004_2026_agrees_with_chinese_calendar_except_corrections() -> None:
    differences = set()
    day = date(2004, 1, 1)
    while day <= date(2026, 12, 31):
        if CAL.is_workday(day) != chinese_calendar.is_workday(day):
            differences.add(day)
        day += timedelta(days=1)
    assert differences == {fix.date for fix in CORRECTIONS} == {date(2005, 12, 31)}


def test_statutory_holidays_are_rest_days_of_the_same_festival() -> None:
    for year in range(2004, 2027):
        for day, festival in statutory_holidays(year).items():
            assert not CAL.is_workday(day), day
            label = chinese_calendar.get_holiday_detail(day)[1]
            if label is not None:
                # chinese-calendar labels a lunar festival inside the National Day break (or on
                # 10/1–10/3) either way.
                allowed = {festival.code, "national_day"}
                allowed |= {"mid_autumn_festival"} if festival is Festival.NATIONAL_DAY else set()
                assert chinese_calendar.Holiday(label).name in allowed, (day, label)


def test_festival_table_agrees_with_solar_terms() -> None:
    for year, (_, _, _, qingming) in FESTIVAL_DATES.items():
        terms = chinese_calendar.get_solar_terms(date(year, 4, 1), date(year, 4, 30))
        assert [d for d, name in terms if name == "清明"] == [qingming]


def test_every_year_has_a_notice() -> None:
    arrangements = official_arrangements()
    assert sorted(arrangements) == list(range(2004, 2027)) == sorted(NOTICES)
    for year, arr in arrangements.items():
        assert arr.notice_title == f"国务院办公厅关于{year}年部分节假日安排的通知"
        assert arr.notice_number is None or arr.notice_number.startswith(
            f"国办发明电〔{year - 1}〕"
        )
    for change in AMENDMENTS:
        for day in change.days:
            assert arrangements[day.year].day_sources[day] == change.notice.source
            assert CAL.is_workday(day) is (day in change.makeup_workdays)


def test_statutory_counts() -> None:
    assert len(statutory_holidays(2007)) == 10
    assert len(statutory_holidays(2019)) == 11
    assert len(statutory_holidays(2027)) == 13
    assert date(2015, 9, 3) in statutory_holidays(2015)
    # 中秋 on 10/1 in 2020: one day, labelled National Day.
    assert statutory_holidays(2020)[date(2020, 10, 1)] is Festival.NATIONAL_DAY


# -- coverage and errors ----------------------------------------------------------------------


def test_unknown_year_raises_and_names_the_year() -> None:
    with pytest.raises(UnknownYearError) as caught:
        CAL.add_workdays(date(2026, 12, 20), 20)
    assert caught.value.year == 2027
    assert "2027" in str(caught.value)
    for call in (
        lambda: CAL.is_workday(date(2027, 1, 4)),
        lambda: CAL.day_info(date(2027, 1, 4)),
        lambda: CAL.next_workday(date(2026, 12, 31)),
        lambda: CAL.workdays_between(date(2026, 12, 1), date(2027, 1, 10)),
        lambda: CAL.add_workdays(date(2027, 5, 1), -3),
    ):
        with pytest.raises(UnknownYearError, match="2027"):
            call()
    with pytest.raises(UnknownYearError) as before:
        CAL.add_workdays(date(2004, 1, 5), -5)
    assert before.value.year == 2003
    assert CAL.add_workdays(date(2027, 1, 4), 0) == date(2027, 1, 4)  # nothing to compute
    assert CAL.add_workdays(date(2026, 12, 30), 1) == date(2026, 12, 31)


def test_gap_between_covered_years_is_not_crossed() -> None:
    arr = Arrangement(2028, [date(2028, 1, 1)], [], notice_title="test", **PARTIAL)
    cal = CAL.with_arrangement(arr)
    assert cal.years[-2:] == (2026, 2028)
    assert cal.is_workday(date(2028, 1, 3))
    with pytest.raises(UnknownYearError) as caught:
        cal.add_workdays(date(2026, 12, 1), 40)
    assert caught.value.year == 2027
    with pytest.raises(UnknownYearError) as back:
        cal.add_workdays(date(2028, 1, 10), -10)
    assert back.value.year == 2027


def test_provisional_estimate() -> None:
    assert PROV.provisional and not CAL.provisional
    assert PROV.add_workdays(date(2026, 12, 20), 20) == date(2027, 1, 18)
    assert PROV.estimated_years(date(2026, 12, 20), date(2027, 1, 18)) == (2027,)
    assert PROV.estimated_years(date(2024, 1, 1), date(2026, 1, 1)) == ()
    assert CAL.estimated_years(date(2026, 1, 1), date(2030, 1, 1)) == ()
    assert not PROV.day_info(date(2026, 10, 8)).provisional
    info = PROV.day_info(date(2027, 2, 5))  # 除夕, a statutory holiday since 2025
    assert (info.kind, info.holiday, info.provisional) == (
        DayKind.HOLIDAY,
        Festival.SPRING_FESTIVAL,
        True,
    )
    assert info.source == PROVISIONAL_SOURCE
    assert PROV.day_info(date(2027, 3, 1)).provisional  # an ordinary Monday is estimated too
    # No make-up days and no swapped rest days: only weekends and the 13 statutory days.
    estimate = estimate_arrangement(2027)
    assert len(estimate.days_off) == 13 and estimate.makeup_workdays == ()
    rest = [d for d in _days(2027) if not PROV.is_workday(d)]
    assert {d for d in rest if d.weekday() < 5} <= set(estimate.days_off)
    with pytest.raises(UnknownYearError) as caught:
        PROV.is_workday(date(2051, 1, 3))
    assert caught.value.year == 2051


def test_supplied_arrangement_replaces_the_estimate() -> None:
    arr = Arrangement(
        2027,
        [date(2027, 1, 1), date(2027, 1, 2), date(2027, 1, 3)],
        [],
        notice_title="国务院办公厅关于2027年部分节假日安排的通知",
        **PARTIAL,
    )
    cal = PROV.with_arrangement(arr)
    assert cal.estimated_years(date(2027, 1, 1), date(2028, 3, 1)) == (2028,)
    info = cal.day_info(date(2027, 1, 2))
    assert not info.provisional and info.source == arr.notice_title
    assert cal.day_info(date(2027, 1, 1)).kind is DayKind.HOLIDAY
    assert PROV.day_info(date(2027, 1, 2)).provisional  # the original is unchanged


def test_with_arrangement_replaces_a_year_and_checks_neighbours() -> None:
    original = official_arrangements()[2026]
    changed = Arrangement(
        2026,
        [*original.days_off, date(2026, 12, 31)],
        original.makeup_workdays,
        holidays=original.holidays,
        notice_title="newer notice",
    )
    cal = CAL.with_arrangement(changed)
    assert not cal.is_workday(date(2026, 12, 31)) and CAL.is_workday(date(2026, 12, 31))
    assert cal.day_info(date(2026, 12, 31)).source == "newer notice"
    # A 2027 notice cannot make a day worked that the 2026 notice declares off.
    clash = Arrangement(2027, [date(2027, 1, 1)], [date(2026, 12, 26)], notice_title="x", **PARTIAL)
    cal2 = cal.with_arrangement(
        Arrangement(
            2026,
            [*original.days_off, date(2026, 12, 26)],
            original.makeup_workdays,
            holidays=original.holidays,
            notice_title="y",
        )
    )
    with pytest.raises(CalendarDataError, match="2026-12-26"):
        cal2.with_arrangement(clash)


def test_an_incomplete_arrangement_is_refused_unless_partial() -> None:
    # The case, from Python: 2027 with only 国庆节 would make 春节 (2027-02-08) a
    # working day.
    national_day = {date(2027, 10, d): Festival.NATIONAL_DAY for d in range(1, 8)}
    only = Arrangement(2027, list(national_day), [], holidays=national_day, notice_title="t")
    for call in (lambda: CAL.with_arrangement(only), lambda: WorkCalendar([only])):
        with pytest.raises(CalendarDataError) as caught:
            call()
        message = str(caught.value)
        assert "missing 春节 spring_festival" in message and "partial=True" in message
        assert "missing 国庆节" not in message
    marked = attrs.evolve(only, partial=True, partial_reason="国庆节 only")
    cal = CAL.with_arrangement(marked)
    assert cal.is_workday(date(2027, 2, 8)) and cal.day_info(date(2027, 2, 8)).partial
    assert WorkCalendar([marked]).partial_years(date(2027, 1, 1), date(2027, 12, 31)) == (2027,)


@pytest.mark.parametrize(
    "make", [lambda c: pickle.loads(pickle.dumps(c)), copy.deepcopy, copy.copy]
)
def test_calendars_pickle_and_copy(make: Callable[[WorkCalendar], WorkCalendar]) -> None:
    """A calendar goes to other processes (multiprocessing pickles it) and into deep copies."""
    supplied = Arrangement(2028, [date(2028, 1, 1)], [], notice_title="t", **PARTIAL)
    for cal in (CAL, PROV, CAL.with_arrangement(supplied), WorkCalendar([supplied])):
        cal.add_workdays(cal.arrangement(cal.years[0]).days_off[0], 1)  # tables built
        copied = make(cal)
        assert (copied.years, copied.provisional) == (cal.years, cal.provisional)
        assert [copied.arrangement(y) for y in cal.years] == [cal.arrangement(y) for y in cal.years]
        for day in (date(2020, 1, 31), date(2024, 9, 20), date(2027, 2, 5), date(2028, 1, 1)):
            try:
                expected = (cal.add_workdays(day, 20), cal.day_info(day))
            except UnknownYearError:
                with pytest.raises(UnknownYearError):
                    copied.add_workdays(day, 20)
            else:
                assert (copied.add_workdays(day, 20), copied.day_info(day)) == expected
    assert make(CAL) is CAL  # the official calendar stays the one instance
    assert len(pickle.dumps(CAL)) < 200  # not the official data: it is loaded where unpickled
    arrangement = CAL.arrangement(2020)
    assert pickle.loads(pickle.dumps(arrangement)) == arrangement == copy.deepcopy(arrangement)


def test_shared_between_threads() -> None:
    cal = WorkCalendar(official_arrangements().values())
    results: list[date] = []

    def work() -> None:
        results.append(cal.add_workdays(date(2024, 9, 20), 20))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [date(2024, 10, 23)] * 8


def test_import_is_lazy() -> None:
    code = (
        "import sys, govdisclose.calendar._workcalendar as w; w.WorkCalendar.official(); "
        "assert 'chinese_calendar' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_day_info_json() -> None:
    data = unstructure(CAL.day_info(date(2024, 10, 1)))
    assert data["date"] == "2024-10-01" and data["kind"] == "holiday"
    assert data["holiday"] == "national_day" and data["holiday_label"] == "国庆节"
    assert data["provisional"] is False and data["workday"] is False


def _days(year: int) -> list[date]:
    start = date(year, 1, 1)
    return [start + timedelta(days=i) for i in range((date(year, 12, 31) - start).days + 1)]


# -- junk arguments and the years nothing covers ----------------------------------------------


@pytest.mark.parametrize("n", [True, False, 1.0, "1", None, [1]])
def test_add_workdays_needs_a_whole_number(n: object) -> None:
    with pytest.raises(InputError, match="n: expected a whole number"):
        CAL.add_workdays(date(2024, 10, 8), n)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "junk",
    [None, "2024-10-08", 20241008, [date(2024, 10, 8)], b"x", datetime(2024, 10, 8, 9, 30)],
)
def test_date_arguments_refuse_junk(junk: object) -> None:
    """A date-time is refused too, not truncated: pass its .date() (its zone may matter)."""
    for call in (
        lambda: CAL.is_workday(junk),  # type: ignore[arg-type]
        lambda: CAL.day_info(junk),  # type: ignore[arg-type]
        lambda: CAL.add_workdays(junk, 1),  # type: ignore[arg-type]
        lambda: CAL.add_workdays(junk, 0),  # type: ignore[arg-type]
        lambda: CAL.next_workday(junk),  # type: ignore[arg-type]
        lambda: CAL.workdays_between(junk, date(2024, 10, 8)),  # type: ignore[arg-type]
        lambda: CAL.workdays_between(date(2024, 10, 8), junk),  # type: ignore[arg-type]
        lambda: PROV.estimated_years(junk, date(2030, 1, 1)),  # type: ignore[arg-type]
    ):
        with pytest.raises(InputError, match=r"expected a datetime\.date"):
            call()


def test_huge_counts_name_the_first_uncovered_year() -> None:
    with pytest.raises(UnknownYearError) as forward:
        CAL.add_workdays(date(2024, 10, 8), 10**30)
    assert forward.value.year == 2027
    with pytest.raises(UnknownYearError) as back:
        PROV.add_workdays(date(2024, 10, 8), -(10**30))
    assert back.value.year == 2003


def test_constructor_and_lookups_refuse_junk() -> None:
    arr = Arrangement(2028, [date(2028, 1, 1)], [], notice_title="test", **PARTIAL)
    with pytest.raises(InputError, match="provisional"):
        WorkCalendar([arr], provisional="yes")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="provisional"):
        WorkCalendar.official(provisional=1)  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"arrangements\[1\]"):
        WorkCalendar([arr, {"year": 2029}])  # type: ignore[list-item]
    with pytest.raises(InputError, match="arrangements"):
        WorkCalendar(arr)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="arrangement"):
        CAL.with_arrangement({"year": 2028})  # type: ignore[arg-type]
    with pytest.raises(InputError, match="year"):
        CAL.arrangement("2024")  # type: ignore[arg-type]
    assert CAL.arrangement(1) is None and CAL.arrangement(2024) is not None


def test_default_calendar_refuses_a_single_string_for_files() -> None:
    with pytest.raises(InputError, match="files: expected a list of file paths"):
        default_calendar(files="2027.toml")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=r"files\[0\]"):
        default_calendar(files=[None])  # type: ignore[list-item]
    with pytest.raises(InputError, match="not a usable file name"):
        default_calendar(files=["a\x00b.toml"])


def test_unknown_year_messages_say_what_would_cover_the_year() -> None:
    with pytest.raises(UnknownYearError) as estimable:
        CAL.day_info(date(2030, 5, 1))
    assert estimable.value.estimable and "ask for a provisional estimate" in str(estimable.value)
    assert "--provisional" not in str(estimable.value)  # the command line adds its own hint
    with pytest.raises(UnknownYearError) as early:
        CAL.day_info(date(1999, 5, 1))
    message = str(early.value)
    assert "covers 2004–2026" in message and "covers only 2025–2050" in message
    assert "ask for a provisional estimate" not in message
    with pytest.raises(UnknownYearError) as beyond:
        PROV.add_workdays(date(2050, 12, 1), 40)
    message = str(beyond.value)
    assert beyond.value.year == 2051 and "provisional estimate covers only 2025–2050" in message
    assert "this calendar covers 2004–2050" in message and not beyond.value.estimable
    gap = CAL.with_arrangement(
        Arrangement(2028, [date(2028, 1, 1)], [], notice_title="t", **PARTIAL)
    )
    with pytest.raises(UnknownYearError) as between:
        gap.is_workday(date(2040, 1, 2))
    assert "covers 2004–2026, 2028" in str(between.value)


def test_day_info_json_form() -> None:
    import datetime as _dt

    info = WorkCalendar.official().day_info(_dt.date(2026, 10, 10))
    assert unstructure(info)["kind"] == "makeup_workday"
