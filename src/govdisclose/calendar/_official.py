"""The official holiday arrangements 2004–2026: chinese-calendar's data, corrected and sourced.

:func:`chinese_calendar_arrangements` turns the date tables of the ``chinese-calendar``
package (``chinese_calendar.holidays`` and ``chinese_calendar.workdays``) into one
:class:`~govdisclose.calendar.Arrangement` per year, each traced to its State Council notice
(:data:`NOTICES`), with the package's known errors corrected (:data:`CORRECTIONS`) and the later
notices applied (:data:`AMENDMENTS`).  What that gives is kept, generated, in the data file
``govdisclose/data/official-days.txt`` (:func:`write_official_days` writes it; a test checks
it equals what the package's data gives), so that :func:`official_arrangements`, which every
calendar uses, reads a small file instead of importing the package.

The yearly notice, 国务院办公厅关于YYYY年部分节假日安排的通知 (numbered 国办发明电〔YYYY-1〕N号),
is given below with its number and date where a copy of the notice was found; otherwise the
title alone (the numbers of the 2004, 2005, 2008, 2015 and 2026 notices are not given because no
reliable copy was checked).  Later notices that changed a published arrangement are listed in
:data:`AMENDMENTS`; the days they changed carry that notice as their source.

Corrections (days where chinese-calendar 1.11 differs from the notice):

==========  ===========================================  =========================================
date        chinese-calendar / notice                    notice
==========  ===========================================  =========================================
2005-12-31  rest day (Saturday) / make-up working day    国务院办公厅关于2006年部分节假日安排的通知
            for New Year 2006                            (国办发明电〔2005〕35号, 2005-12-16): 元旦
                                                         1月1日—3日放假 … 12月31日(星期六)上班
==========  ===========================================  =========================================

Every other year 2006–2026 was compared day by day with the text of its notice (and the
amendments below): no other difference was found.  2004 and 2005 could not be compared (no
copy of those notices was found); 2005's Spring Festival and Labour Day agree with local
government notices that quote the State Council's.

>>> from govdisclose.calendar._official import NOTICES, official_arrangements
>>> NOTICES[2024].source
'国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）'
>>> arr = official_arrangements()[2006]
>>> from datetime import date
>>> date(2005, 12, 31) in arr.makeup_workdays
True
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Final

import attrs

from ._arrangement import Arrangement
from ._festivals import Festival

#: First year of the official data.
FIRST_YEAR: Final = 2004
#: Last year of the official data (the newest State Council notice included).
LAST_YEAR: Final = 2026
#: The official days, by year and festival (:func:`write_official_days`).
OFFICIAL_DAYS_FILE: Final = Path(__file__).parent.parent / "data" / "official-days.txt"


@attrs.frozen
class Notice:
    """A State Council notice: title, document number and date where known."""

    title: str
    number: str | None = None
    date: date | None = None

    @property
    def source(self) -> str:
        """``title（number）``, or the title alone."""
        return f"{self.title}（{self.number}）" if self.number else self.title


def _yearly(year: int, number: str | None = None, issued: date | None = None) -> Notice:
    return Notice(f"国务院办公厅关于{year}年部分节假日安排的通知", number, issued)


#: year → the yearly notice that fixes its arrangement.
NOTICES: Final[Mapping[int, Notice]] = MappingProxyType(
    {
        2004: _yearly(2004),
        2005: _yearly(2005),
        2006: _yearly(2006, "国办发明电〔2005〕35号", date(2005, 12, 16)),
        2007: _yearly(2007, "国办发明电〔2006〕49号", date(2006, 12, 14)),
        2008: _yearly(2008),
        2009: _yearly(2009, "国办发明电〔2008〕42号"),
        2010: _yearly(2010, "国办发明电〔2009〕27号", date(2009, 12, 7)),
        2011: _yearly(2011, "国办发明电〔2010〕40号", date(2010, 12, 9)),
        2012: _yearly(2012, "国办发明电〔2011〕45号", date(2011, 12, 5)),
        2013: _yearly(2013, "国办发明电〔2012〕33号", date(2012, 12, 8)),
        2014: _yearly(2014, "国办发明电〔2013〕28号", date(2013, 12, 11)),
        2015: _yearly(2015, None, date(2014, 12, 16)),
        2016: _yearly(2016, "国办发明电〔2015〕18号", date(2015, 12, 10)),
        2017: _yearly(2017, "国办发明电〔2016〕17号", date(2016, 12, 1)),
        2018: _yearly(2018, "国办发明电〔2017〕12号", date(2017, 11, 30)),
        2019: _yearly(2019, "国办发明电〔2018〕15号", date(2018, 12, 4)),
        2020: _yearly(2020, "国办发明电〔2019〕16号", date(2019, 11, 21)),
        2021: _yearly(2021, "国办发明电〔2020〕27号", date(2020, 11, 25)),
        2022: _yearly(2022, "国办发明电〔2021〕11号", date(2021, 10, 25)),
        2023: _yearly(2023, "国办发明电〔2022〕16号", date(2022, 12, 8)),
        2024: _yearly(2024, "国办发明电〔2023〕7号", date(2023, 10, 25)),
        2025: _yearly(2025, "国办发明电〔2024〕12号", date(2024, 11, 12)),
        2026: _yearly(2026, None, date(2025, 11, 4)),
    }
)

_ANTI_FASCIST = Notice(
    "国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知",
    "国发明电〔2015〕1号",
    date(2015, 5, 13),
)
_LABOUR_2019 = Notice(
    "国务院办公厅关于调整2019年劳动节假期安排的通知", "国办发明电〔2019〕3号", date(2019, 3, 22)
)
_SPRING_2020 = Notice(
    "国务院办公厅关于延长2020年春节假期的通知", "国办发明电〔2020〕1号", date(2020, 1, 26)
)


@attrs.frozen
class Amendment:
    """A later notice that changed (or added to) a year's arrangement, and the days it decided."""

    notice: Notice
    festival: Festival
    days_off: tuple[date, ...]
    makeup_workdays: tuple[date, ...] = ()

    @property
    def days(self) -> tuple[date, ...]:
        """Every day the notice decided."""
        return tuple(sorted(self.days_off + self.makeup_workdays))


#: Later notices that changed a year's arrangement (applied over chinese-calendar's data, with
#: which they agree; they make those days name the later notice as their source).
AMENDMENTS: Final[tuple[Amendment, ...]] = (
    # 9月3日至5日调休放假，共3天。其中9月3日(星期四)放假，9月4日(星期五)调休，9月6日(星期日)上班。
    Amendment(
        _ANTI_FASCIST,
        Festival.ANTI_FASCIST_70TH_DAY,
        tuple(date(2015, 9, d) for d in (3, 4, 5)),
        (date(2015, 9, 6),),
    ),
    # 2019年5月1日至4日放假调休，共4天。4月28日(星期日)、5月5日(星期日)上班。
    Amendment(
        _LABOUR_2019,
        Festival.LABOUR_DAY,
        tuple(date(2019, 5, d) for d in (1, 2, 3, 4)),
        (date(2019, 4, 28), date(2019, 5, 5)),
    ),
    # 延长2020年春节假期至2月2日(农历正月初九，星期日)，2月3日(星期一)起正常上班。
    Amendment(
        _SPRING_2020,
        Festival.SPRING_FESTIVAL,
        (date(2020, 1, 31), date(2020, 2, 1), date(2020, 2, 2)),
    ),
)


@attrs.frozen
class Correction:
    """A day where chinese-calendar's data differs from the notice, and what the notice says."""

    date: date
    year: int  #: the arrangement (notice year) the day belongs to
    workday: bool  #: what the notice says
    festival: Festival
    notice: Notice
    note: str


#: Corrections applied on top of chinese-calendar's data.
CORRECTIONS: Final[tuple[Correction, ...]] = (
    Correction(
        date(2005, 12, 31),
        2006,
        True,
        Festival.NEW_YEARS_DAY,
        NOTICES[2006],
        "元旦：1月1日—3日放假……12月31日(星期六)上班 — chinese-calendar has a rest day",
    ),
)


def _notice_year(day: date, festival: Festival) -> int:
    # A New Year break (or make-up day) in late December belongs to the next year's notice.
    return day.year + 1 if day.month == 12 and festival is Festival.NEW_YEARS_DAY else day.year


@functools.cache
def official_arrangements() -> Mapping[int, Arrangement]:
    """Year → official :class:`~govdisclose.calendar.Arrangement` for 2004–2026, read from
    :data:`OFFICIAL_DAYS_FILE` on the first call (the same mapping afterwards)."""
    festivals = {f.code: f for f in Festival}
    off: dict[int, dict[date, Festival]] = {}
    work: dict[int, dict[date, Festival]] = {}
    for line in OFFICIAL_DAYS_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):  # YEAR FESTIVAL DAYS-OFF | MAKE-UP DAYS
            head, _, makeup = line.partition("|")
            year, code, *days_off = head.split()
            festival = festivals[code]
            off.setdefault(int(year), {}).update(dict.fromkeys(_read_days(days_off), festival))
            work.setdefault(int(year), {}).update(
                dict.fromkeys(_read_days(makeup.split()), festival)
            )
    return MappingProxyType({year: _arrangement(year, off[year], work[year]) for year in off})


def chinese_calendar_arrangements() -> dict[int, Arrangement]:
    """Year → the arrangement chinese-calendar's data gives for 2004–2026, corrected
    (:data:`CORRECTIONS`) and amended (:data:`AMENDMENTS`): what :data:`OFFICIAL_DAYS` holds."""
    import chinese_calendar

    # chinese-calendar's tables hold its Holiday members (or their values): one parse each.
    festivals = {h: Festival.parse(h.name) for h in chinese_calendar.Holiday}
    festivals.update({h.value: f for h, f in list(festivals.items())})

    off: dict[int, dict[date, Festival]] = {}
    work: dict[int, dict[date, Festival]] = {}
    for table, target in ((chinese_calendar.holidays, off), (chinese_calendar.workdays, work)):
        for day, value in table.items():
            festival = festivals[value]
            target.setdefault(_notice_year(day, festival), {})[day] = festival
    for fix in CORRECTIONS:
        off.setdefault(fix.year, {}).pop(fix.date, None)
        work.setdefault(fix.year, {}).pop(fix.date, None)
        (work if fix.workday else off)[fix.year][fix.date] = fix.festival
    for change in AMENDMENTS:
        for days, target, other in (
            (change.days_off, off, work),
            (change.makeup_workdays, work, off),
        ):
            for day in days:
                other.setdefault(day.year, {}).pop(day, None)
                target.setdefault(day.year, {})[day] = change.festival
    return {
        year: _arrangement(year, off.get(year, {}), work.get(year, {}))
        for year in range(FIRST_YEAR, LAST_YEAR + 1)
    }


def _arrangement(year: int, off: dict[date, Festival], work: dict[date, Festival]) -> Arrangement:
    """The official arrangement of ``year``: its notice, and the later notices' days."""
    notice = NOTICES[year]
    sources = _amended_days()
    return Arrangement(
        year=year,
        days_off=tuple(off),
        makeup_workdays=tuple(work),
        holidays={**off, **work},
        notice_title=notice.title,
        notice_number=notice.number,
        notice_date=notice.date,
        day_sources={d: s for d, s in sources.items() if d in off or d in work},
    )


@functools.cache
def _amended_days() -> dict[date, str]:
    """Day → the source of the later notice that changed it."""
    return {day: change.notice.source for change in AMENDMENTS for day in change.days}


def _read_days(runs: list[str]) -> Iterator[date]:
    """The days of ``YYYY-MM-DD`` and ``YYYY-MM-DD/YYYY-MM-DD`` runs."""
    for run in runs:
        first, _, last = run.partition("/")
        day, end = date.fromisoformat(first), date.fromisoformat(last or first)
        while day <= end:
            yield day
            day += timedelta(days=1)


def _runs(days: Iterable[date]) -> str:
    """Sorted days as runs of consecutive days (the form :func:`_read_days` reads)."""
    runs: list[list[date]] = []
    for day in sorted(days):
        if runs and day == runs[-1][1] + timedelta(days=1):
            runs[-1][1] = day
        else:
            runs.append([day, day])
    return " ".join(str(a) if a == b else f"{a}/{b}" for a, b in runs)


def official_days_text(arrangements: Mapping[int, Arrangement]) -> str:
    """The text of :data:`OFFICIAL_DAYS_FILE` holding ``arrangements``."""
    lines = [
        "# The official days off and make-up working days 2004–2026: one line per year and",
        "# festival, YEAR FESTIVAL DAYS-OFF | MAKE-UP-WORKING-DAYS, a day YYYY-MM-DD and a run of",
        "# days YYYY-MM-DD/YYYY-MM-DD.  Generated by write_official_days() in",
        "# govdisclose/calendar/_official.py from chinese-calendar's data with the corrections and",
        "# later notices listed there; never edited by hand (a test checks it equals that data).",
    ]
    for year, arrangement in sorted(arrangements.items()):
        by_festival: dict[Festival, tuple[list[date], list[date]]] = {}
        for day, festival in sorted(arrangement.holidays.items()):
            worked = day in arrangement.makeup_workdays
            by_festival.setdefault(festival, ([], []))[worked].append(day)
        for festival, (off, work) in by_festival.items():
            lines.append(f"{year} {festival.code} {_runs(off)} | {_runs(work)}".rstrip())
    return "\n".join([*lines, ""])


def write_official_days() -> Path:
    """Regenerate :data:`OFFICIAL_DAYS_FILE` from chinese-calendar's data."""
    text = official_days_text(chinese_calendar_arrangements())
    OFFICIAL_DAYS_FILE.write_text(text, encoding="utf-8")
    return OFFICIAL_DAYS_FILE
