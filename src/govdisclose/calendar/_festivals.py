"""Statutory holidays (法定节假日) under 《全国年节及纪念日放假办法》, year by year.

The State Council's yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知) decides which days
are off and which weekend days are worked; the *statutory* holidays inside those breaks come from
the 放假办法 in force that year.  This module knows those rules and the festivals' dates, so
that :mod:`govdisclose.calendar` can tell a statutory holiday from a weekend or a swapped
rest day (调休), and can estimate a year that has no notice yet (``provisional=True``).

=====================  ===========================================================
in force               statutory holidays for all citizens
=====================  ===========================================================
2000-01-01 – 2007      元旦 1/1; 春节 正月初一–初三; 劳动节 5/1–5/3; 国庆节 10/1–10/3 (10 days)
2008 – 2013            元旦; 春节 除夕–初二; 清明; 劳动节 5/1; 端午; 中秋; 国庆 10/1–10/3 (11)
2014 – 2024            as 2008 but 春节 初一–初三 (除夕 no longer a holiday) (11)
2025 –                 元旦; 春节 除夕 and 初一–初三; 清明; 劳动节 5/1–5/2; 端午; 中秋; 国庆 (13)
=====================  ===========================================================

One-off: 2015-09-03 (抗战胜利70周年纪念日, 国发明电〔2015〕1号).

Lunar dates (春节 = 正月初一, 端午 = 五月初五, 中秋 = 八月十五) and the solar term 清明 are
tabulated for 2004–2050 in :data:`FESTIVAL_DATES`.  Source: the Chinese lunisolar tables of the
``holidays`` package (``holidays/calendars/chinese.py``), checked for 2004–2026 against the
holiday data of the ``chinese-calendar`` package (every statutory day computed here is a rest
day there, under the same festival) and for 清明 against ``chinese_calendar.get_solar_terms``
for every year of the table; 2026 also against the State Council notice of 2025-11-04.

>>> from datetime import date
>>> from govdisclose.calendar._festivals import Festival, statutory_holidays
>>> days = statutory_holidays(2026)
>>> len(days)
13
>>> sorted(d.isoformat() for d, f in days.items() if f is Festival.SPRING_FESTIVAL)
['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19']
>>> days[date(2026, 9, 25)].label
'中秋节'
>>> Festival.parse("春节").code
'spring_festival'

More information:

* 《全国年节及纪念日放假办法》 (国务院令第270号 of 1999, revised 2007, 2013 and 2024)
* https://www.gov.cn/zhengce/ (the State Council's policy library, where the notices appear)
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType
from typing import Final

from .._vocabulary import Term


class Festival(Term):
    """节日: a festival that gives a statutory holiday; the value is the ASCII code."""

    __concept__ = "节日"

    NEW_YEARS_DAY = ("new_years_day", "元旦", "新年")
    SPRING_FESTIVAL = ("spring_festival", "春节", "农历新年")
    TOMB_SWEEPING_DAY = ("tomb_sweeping_day", "清明节", "清明")
    LABOUR_DAY = ("labour_day", "劳动节", "五一", "国际劳动节", "五一劳动节", "五一国际劳动节")
    DRAGON_BOAT_FESTIVAL = ("dragon_boat_festival", "端午节", "端午")
    MID_AUTUMN_FESTIVAL = ("mid_autumn_festival", "中秋节", "中秋")
    NATIONAL_DAY = ("national_day", "国庆节", "国庆", "十一")
    ANTI_FASCIST_70TH_DAY = (
        "anti_fascist_70th_day",
        "抗战胜利70周年纪念日",
        "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
    )


#: Years covered by :data:`FESTIVAL_DATES` (inclusive).
FESTIVAL_TABLE_YEARS: Final = (2004, 2050)

# year: (正月初一, 端午 五月初五, 中秋 八月十五, 清明) as MMDD numbers.
# fmt: off
_TABLE: Final[dict[int, tuple[int, int, int, int]]] = {
    2004: (122, 622, 928, 404), 2005: (209, 611, 918, 405), 2006: (129, 531, 1006, 405),
    2007: (218, 619, 925, 405), 2008: (207, 608, 914, 404), 2009: (126, 528, 1003, 404),
    2010: (214, 616, 922, 405), 2011: (203, 606, 912, 405), 2012: (123, 623, 930, 404),
    2013: (210, 612, 919, 404), 2014: (131, 602, 908, 405), 2015: (219, 620, 927, 405),
    2016: (208, 609, 915, 404), 2017: (128, 530, 1004, 404), 2018: (216, 618, 924, 405),
    2019: (205, 607, 913, 405), 2020: (125, 625, 1001, 404), 2021: (212, 614, 921, 404),
    2022: (201, 603, 910, 405), 2023: (122, 622, 929, 405), 2024: (210, 610, 917, 404),
    2025: (129, 531, 1006, 404), 2026: (217, 619, 925, 405), 2027: (206, 609, 915, 405),
    2028: (126, 528, 1003, 404), 2029: (213, 616, 922, 404), 2030: (203, 605, 912, 405),
    2031: (123, 624, 1001, 405), 2032: (211, 612, 919, 404), 2033: (131, 601, 908, 404),
    2034: (219, 620, 927, 405), 2035: (208, 610, 916, 405), 2036: (128, 530, 1004, 404),
    2037: (215, 618, 924, 404), 2038: (204, 607, 913, 405), 2039: (124, 527, 1002, 405),
    2040: (212, 614, 920, 404), 2041: (201, 603, 910, 404), 2042: (122, 622, 928, 404),
    2043: (210, 611, 917, 405), 2044: (130, 531, 1005, 404), 2045: (217, 619, 925, 404),
    2046: (206, 608, 915, 404), 2047: (126, 529, 1004, 405), 2048: (214, 615, 922, 404),
    2049: (202, 604, 911, 404), 2050: (123, 623, 930, 404),
}
# fmt: on


#: year → (春节 正月初一, 端午, 中秋, 清明) for the years in :data:`FESTIVAL_TABLE_YEARS`.
FESTIVAL_DATES: Final = MappingProxyType(
    {year: tuple(date(year, v // 100, v % 100) for v in row) for year, row in _TABLE.items()}
)

_ONE_OFF: Final = {date(2015, 9, 3): Festival.ANTI_FASCIST_70TH_DAY}


_FIXED: Final = (Festival.NEW_YEARS_DAY, Festival.LABOUR_DAY, Festival.NATIONAL_DAY)
_SEVEN: Final = tuple(f for f in Festival if f not in _ONE_OFF.values())
_FOUR: Final = tuple(f for f in _SEVEN if f in _FIXED or f is Festival.SPRING_FESTIVAL)


def required_festivals(year: int) -> tuple[Festival, ...]:
    """The festivals every arrangement for ``year`` must list: the four of the 1999 放假办法
    until 2007, the seven of its 2007 revision (kept in 2013 and 2024) from 2008.

    >>> [f.label for f in required_festivals(2007)]
    ['元旦', '春节', '劳动节', '国庆节']
    >>> len(required_festivals(2008))
    7
    """
    return _FOUR if year <= 2007 else _SEVEN


@lru_cache(maxsize=256)
def statutory_days(year: int) -> MappingProxyType[Festival, tuple[date, ...]]:
    """Festival → its statutory days in ``year`` under the 放假办法 then in force, each festival
    on its own (中秋 on 10/1 in 2020 is 中秋's day here, and 国庆's in
    :func:`statutory_holidays`).  Lunar festivals and 清明 only for the table's years.

    >>> [d.isoformat() for d in statutory_days(2025)[Festival.LABOUR_DAY]]
    ['2025-05-01', '2025-05-02']
    """
    days: dict[Festival, tuple[date, ...]] = {
        Festival.NEW_YEARS_DAY: (date(year, 1, 1),),
        Festival.NATIONAL_DAY: tuple(date(year, 10, d) for d in (1, 2, 3)),
    }
    labour = (1, 2, 3) if year <= 2007 else (1,) if year <= 2024 else (1, 2)
    days[Festival.LABOUR_DAY] = tuple(date(year, 5, d) for d in labour)
    row = FESTIVAL_DATES.get(year)
    if row is not None:
        new_year, dragon_boat, mid_autumn, qingming = row
        if year <= 2007 or 2014 <= year <= 2024:
            offsets: tuple[int, ...] = (0, 1, 2)  # 正月初一至初三
        elif year <= 2013:
            offsets = (-1, 0, 1)  # 除夕、初一、初二
        else:
            offsets = (-1, 0, 1, 2)  # 除夕、初一至初三
        days[Festival.SPRING_FESTIVAL] = tuple(new_year + timedelta(days=k) for k in offsets)
        if year >= 2008:
            days[Festival.TOMB_SWEEPING_DAY] = (qingming,)
            days[Festival.DRAGON_BOAT_FESTIVAL] = (dragon_boat,)
            days[Festival.MID_AUTUMN_FESTIVAL] = (mid_autumn,)
    for day, festival in _ONE_OFF.items():
        if day.year == year:
            days[festival] = (day,)
    return MappingProxyType(days)


@lru_cache(maxsize=256)
def statutory_holidays(year: int) -> MappingProxyType[date, Festival]:
    """The statutory holidays of ``year`` (date → festival) under the 放假办法 then in force.

    Lunar festivals and 清明 are included only for the years of :data:`FESTIVAL_TABLE_YEARS`;
    for other years only the fixed-date ones (元旦, 劳动节, 国庆节) are returned.  Rules before
    2000 are not modelled: the years before 2004 return the 2000–2007 rules.

    >>> [d.isoformat() for d in statutory_holidays(2008) if d.month == 2]
    ['2008-02-06', '2008-02-07', '2008-02-08']
    """
    days: dict[date, Festival] = {}
    # A lunar festival on a fixed-date holiday (中秋 on 10/1 in 2020 and 2031) keeps the
    # fixed-date label; the notice then merges the two breaks.  One-off days are labelled last.
    order = sorted(
        statutory_days(year).items(),
        key=lambda item: (item[0] in _ONE_OFF.values(), item[0] not in _FIXED),
    )
    for festival, festival_days in order:
        for day in festival_days:
            if festival in _ONE_OFF.values():
                days[day] = festival
            else:
                days.setdefault(day, festival)
    return MappingProxyType(dict(sorted(days.items())))
