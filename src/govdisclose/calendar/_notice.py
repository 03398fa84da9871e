"""Reading the State Council's holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知).

Every year the General Office of the State Council publishes the next year's holiday
arrangement as a short notice.  :func:`read_notice` reads its text — pasted from the
website, or the saved HTML page — into the :class:`~govdisclose.calendar.Arrangement` that an
arrangement file would give, so that a new year takes one command, not an hour of typing
dates.  Amending notices (2015's extra holiday, 2019's longer Labour Day, 2020's longer Spring
Festival) are applied on top of the year's notice.

The reader knows every phrasing the notices have used since 2006:

* ``1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。`` (2010s–2020s);
* ``1月1日—3日放假，共3天。其中1月1日为法定假日，将2006年12月30日（星期六）、31日（星期日）两个
  公休日分别调至2007年1月2日、3日，……上班。`` (2006–2009: the 其中 clauses are checked
  against the days off, not skipped);
* ``1月1日放假，1月2日（星期一）补休``; ``5月1日放假，与周末连休`` (the adjoining weekend joins
  the break); ``放假1天，不调休``; ``放假公休``;
* 农历 notes and weekdays in brackets (a weekday is checked against the date); dates in the
  neighbouring year (``2022年12月31日至2023年1月2日``; a December date in the 元旦 item is
  of the year before);
* the sentence that only *encourages* a day off on 除夕 (``鼓励各单位……安排职工在除夕（2月9日）
  休息``), which is not a holiday and is left out.

Each festival's days are checked against its ``共N天``, make-up days must be weekend days, and
the arrangement must hold every festival of the 《全国年节及纪念日放假办法》 in force for its year
with its statutory days (:func:`~govdisclose.calendar.completeness_problems`).  A sentence the
reader does not understand is a :class:`~govdisclose._errors.CalendarDataError` that quotes it:
the reader never guesses.

>>> from govdisclose.calendar import read_notice
>>> arr = read_notice('''国务院办公厅关于2026年部分节假日安排的通知
... 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
... ''', partial="只抄录了元旦")
>>> [d.isoformat() for d in arr.days_off], arr.makeup_workdays[0].isoformat()
(['2026-01-01', '2026-01-02', '2026-01-03'], '2026-01-04')
>>> read_notice('''国务院办公厅关于2026年部分节假日安排的通知
... 一、元旦：1月1日（周五）至3日（周六）放假调休，共3天。''')
Traceback (most recent call last):
...
govdisclose._errors.CalendarDataError: <notice>: 一、元旦: 1月1日(周五): 2026-01-01 is a Thursday...

More information:

* the notices: https://www.gov.cn/zhengce/ (search 部分节假日安排的通知)
* 《全国年节及纪念日放假办法》 (国务院令第270号, revised 2007, 2013, 2024)
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Final

import attrs

from .._errors import CalendarDataError, InputError, short_repr
from .._files import decode_text, read_bytes
from ._arrangement import Arrangement, completeness_problems
from ._festivals import Festival, statutory_holidays

#: Notice files (text or a saved web page) larger than this are refused before reading.
MAX_NOTICE_BYTES: Final = 4 * 1024 * 1024

_DATE_MARK: Final = "\ue000"
_DIGITS: Final = "〇○零一二三四五六七八九"
_NUMERAL: Final = "一二三四五六七八九十"
_WEEKDAY_NAMES: Final = "一二三四五六日"
_WEEKDAY_EN: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_YEARLY_TITLE = re.compile(r"国务院办公厅关于(\d{4})年部分节假日(?:放假)?安排的通知")
_NUMBER = re.compile(r"国(?:办)?发明电〔\d{4}〕\d+号")
_ITEM = re.compile(rf"^([{_NUMERAL}]+)、\s*(.*)$")
_DATE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^()]*)\))?")
_NOTE_WEEKDAY = re.compile(r"^(?:星期|周)([一二三四五六日天])$")
_SIGNED = re.compile(
    rf"^(?:(\d{{4}})年(\d{{1,2}})月(\d{{1,2}})日|([{_DIGITS}]{{4}})年([{_NUMERAL}]+)月([{_NUMERAL}]+)日)$"
)
_HOLIDAY_WORDS = re.compile(r"放假|上班|调休|补休|休息|公休")
_MONTH_DAY = re.compile(r"\d{1,2}月\d{1,2}日")

# One clause of an item, with the dates replaced by _DATE_MARK ("X" below).
_X = _DATE_MARK
_DAYS = rf"{_X}(?:[至—\-~到]{_X})?(?:[、和]{_X}(?:[至—\-~到]{_X})?)*"
_OFF = re.compile(
    rf"^(?P<days>{_DAYS})(?P<kind>放假调休|调休放假|放假公休|放假|补休|调休)(?:(?P<n>\d+)天)?$"
)
_WORK = re.compile(rf"^(?P<days>{_DAYS})(?P<kind>照常上班|上班|起正常上班)$")
_COUNT = re.compile(r"^共(?P<n>\d+)天$")
_STATUTORY = re.compile(rf"^(?P<days>{_DAYS})为(?:[^\d{_X}]{{0,6}})?法定(?:节)?假日$")
_WEEKEND = re.compile(rf"^(?P<days>{_DAYS})(?:照常公休|为公休日|公休)$")
_SWAP = re.compile(
    rf"^将?(?P<from>{_DAYS})(?:[两三四五\d]个)?公休日(?P<also>及[^\d{_X}]{{1,6}})?(?:分别)?"
    rf"调至(?P<to>{_DAYS})$"
)
_EXTEND = re.compile(rf"^延长(?:\d{{4}}年)?(?P<name>[^\d{_X}]+?)假期至(?P<days>{_X})$")
_JOINED = {"与周末连休", "不调休"}

_ALIASES: Final = {"五一国际劳动节": Festival.LABOUR_DAY, "五一": Festival.LABOUR_DAY}


class _Unread(Exception):
    """A sentence the reader does not understand (turned into one problem of the notice)."""


# -- text -------------------------------------------------------------------------------------


class _TextOf(HTMLParser):
    """The text of a saved web page, a line per block element; scripts and styles left out."""

    _BLOCKS = frozenset(
        {"p", "div", "br", "li", "tr", "td", "th", "table", "section", "article", "title"}
        | {"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dd", "dt"}
    )
    _SKIP = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _looks_like_html(text: str) -> bool:
    head = text[:4096].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head or "<p>" in head


def notice_text(data: bytes | str, *, source: str = "<notice>") -> str:
    """The notice's text: bytes decoded like every text file (UTF-8 or GB18030), a saved
    web page reduced to its text (with the standard library's ``html.parser``: no network,
    nothing run), each line NFKC-normalized (full-width brackets and digits made ASCII) and
    stripped, blank lines left out.

    >>> notice_text("<html><body><p>一、元旦：1月1日放假</p><script>x()</script></body></html>")
    '一、元旦:1月1日放假'
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        text = decode_text(bytes(data), source=source)
    elif isinstance(data, str):
        text = data
    else:
        raise InputError(f"{source}: expected text or bytes, got {short_repr(data)} (应为文本)")
    if _looks_like_html(text):
        parser = _TextOf()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    lines = []
    for line in text.splitlines():
        line = unicodedata.normalize("NFKC", line).replace("\u3000", " ").strip()
        line = re.sub(r"\s+", " ", line)
        if line:
            lines.append(line)
    return "\n".join(lines)


# -- the notice's parts -----------------------------------------------------------------------


@attrs.frozen
class _Item:
    label: str  #: 一、元旦 (for messages)
    festivals: tuple[Festival, ...]
    body: str


@attrs.frozen
class _Parts:
    title: str
    year: int | None
    number: str | None
    signed: date | None
    items: tuple[_Item, ...]
    problems: tuple[str, ...]


def _chinese_number(text: str) -> int:
    if all(c in _DIGITS for c in text):
        return int("".join(str(max(_DIGITS.index(c) - 2, 0)) for c in text))
    value = 0
    if "十" in text:
        tens, _, units = text.partition("十")
        value = (_NUMERAL.index(tens) + 1 if tens else 1) * 10
        text = units
    return value + (_NUMERAL.index(text) + 1 if text else 0)


def _signed(line: str) -> date | None:
    match = _SIGNED.match(line)
    if match is None:
        return None
    try:
        if match.group(1):
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        return date(
            _chinese_number(match.group(4)),
            _chinese_number(match.group(5)),
            _chinese_number(match.group(6)),
        )
    except ValueError:
        return None


def _festivals(names: str, label: str) -> tuple[Festival, ...]:
    found: list[Festival] = []
    for name in re.split(r"[、和与及]", names):
        name = name.strip().strip("“”\"'「」").replace("“", "").replace("”", "").replace('"', "")
        festival = _ALIASES.get(name) or Festival.parse(name, default=None)
        if festival is None:
            raise _Unread(f"{label}: unknown festival {name!r} (无法识别的节日)")
        found.append(festival)
    return tuple(found)


def _parts(text: str, *, default_festival: Festival | None) -> _Parts:
    # A copy that runs the items together on one line: each item, and the closing paragraph,
    # starts after a full stop (…如下。一、元旦:…。二、春节:… 。节假日期间,…).
    text = re.sub(rf"(?<=[。:])\s*(?=[{_NUMERAL}]{{1,2}}、)", "\n", text)
    text = re.sub(r"(?<=。)\s*(?=节假日期间|国务院办公厅\s|国务院办公厅$)", "\n", text)
    text = re.sub(r"\s+(?=(?:国务院办公厅|国务院)?\s*\d{4}年\d{1,2}月\d{1,2}日$)", "\n", text)
    lines: list[str] = []
    for line in text.split("\n"):
        if (
            lines
            and re.search(r"关于(?:调整|延长)?\d{4}年$", lines[-1])
            and line.startswith("部分")
        ):
            lines[-1] += line  # a title printed on two lines (…关于2012年 / 部分节假日安排的通知)
        else:
            lines.append(line)
    title, year, number, signed = "", None, None, None
    items: list[list[str]] = []
    problems: list[str] = []
    trailing: list[str] = []
    for line in lines:
        if line.startswith("#"):
            continue
        if not title and line.endswith("通知") and len(line) < 120 and "关于" in line:
            title = line
            match = _YEARLY_TITLE.search(line)
            if match:
                year = int(match.group(1))
            continue
        if number is None and (found := _NUMBER.search(line)) and len(line) < 40:
            number = found.group(0)
            continue
        if number is None and not items and (found := _NUMBER.match(line)):
            number = found.group(0)  # the number run together with what follows it
            line = line[found.end() :]
        if (day := _signed(line)) is not None:
            signed = day
            continue
        match = _ITEM.match(line)
        if match:
            items.append([line])
            trailing = []
            continue
        if items and not trailing and (_item_open(items[-1]) or line[:1].isdigit()):
            items[-1].append(line)
            continue
        if not items:
            intro = re.search(r"现将(\d{4})年|(\d{4})年,?元旦", line)
            if year is None and intro:
                year = int(intro.group(1) or intro.group(2))
            # An amending notice without numbered items: what follows 如下… is its arrangement.
            arranged = re.search(r"如下[^:。,]{0,4}:(.+)$", line)
            if arranged and default_festival is not None:
                items.append([f"一、{arranged.group(1)}"])
                trailing = [line]
            continue
        trailing.append(line)
        if _MONTH_DAY.search(line) and _HOLIDAY_WORDS.search(line) and "鼓励" not in line:
            problems.append(f"sentence not understood (无法识别的句子): 「{line}」")
    parsed: list[_Item] = []
    for lines_of_item in items:
        joined = "".join(lines_of_item)
        match = _ITEM.match(joined)
        assert match is not None
        numeral, rest = match.groups()
        head = re.match(r"^([^:\d]*?)\s*:\s*(.*)$", rest) or re.match(r"^(\D*?)(\d.*)$", rest)
        try:
            named = head is not None and head.group(1).strip()
            if named and (default_festival is None or ":" in rest):
                assert head is not None
                label = f"{numeral}、{head.group(1).strip()}"
                festivals = _festivals(head.group(1), label)
                body = head.group(2)
            elif default_festival is not None:
                label, festivals, body = f"{numeral}、", (default_festival,), rest
            else:
                raise _Unread(f"{numeral}、: no festival named (未写明节日): 「{joined}」")
        except _Unread as exc:
            if _MONTH_DAY.search(rest) or default_festival is None:
                problems.append(str(exc))
            continue
        if default_festival is not None and not _MONTH_DAY.search(body):
            continue  # an amending notice's other items (schools, pay …) give no dates
        parsed.append(_Item(label, festivals, body.strip()))
    return _Parts(title, year, number, signed, tuple(parsed), tuple(problems))


def _item_open(lines: list[str]) -> bool:
    """Whether an item so far is only its heading (``一、元旦:``), its dates on the next line."""
    return len(lines) == 1 and lines[0].rstrip().endswith(":")


# -- one item ---------------------------------------------------------------------------------


@attrs.define
class _Reading:
    year: int
    festivals: tuple[Festival, ...]
    label: str
    off: dict[date, str] = attrs.Factory(dict)
    work: dict[date, str] = attrs.Factory(dict)
    counts: list[tuple[int, str]] = attrs.Factory(list)
    joined: bool = False
    extend_to: date | None = None
    checks: list[tuple[str, tuple[date, ...], str]] = attrs.Factory(list)
    first: date | None = None  #: the item's first date
    last: date | None = None  #: the sentence's last date written with its month


def _resolve(match: re.Match[str], reading: _Reading, sentence_year: int | None) -> date:
    y, m, d, note = match.groups()
    # A day written without its month (…、29日) is of the month last written in its sentence,
    # else of the item's first date (其中18日、19日 … in the 春节 item of 2月18日—24日).
    last = reading.last or reading.first
    if y:
        year, month = int(y), int(m) if m else None
    elif m:
        year = sentence_year or reading.year
        if sentence_year is None and int(m) == 12 and Festival.NEW_YEARS_DAY in reading.festivals:
            year = reading.year - 1  # the 元旦 break's December days are of the year before
        month = int(m)
    elif last is not None:
        year, month = last.year, last.month
    else:
        raise _Unread(f"{match.group(0)}: a day without its month (日期缺少月份)")
    if month is None:
        raise _Unread(f"{match.group(0)}: a year and day without the month (日期缺少月份)")
    try:
        day = date(year, month, int(d))
    except ValueError:
        raise _Unread(f"{match.group(0)}: no such date (日期不存在)") from None
    for part in re.split(r"[、,\s]+", note or ""):
        weekday = _NOTE_WEEKDAY.match(part)
        if weekday:
            said = _WEEKDAY_NAMES.index(weekday.group(1).replace("天", "日"))
            if said != day.weekday():
                raise _Unread(
                    f"{match.group(0)}: {day.isoformat()} is a {_WEEKDAY_EN[day.weekday()]}, "
                    f"not {_WEEKDAY_EN[said]} as written (星期与日期不符)"
                )
        elif re.search(r"\d", part):
            raise _Unread(f"{match.group(0)}: bracketed note not understood (括注无法识别)")
    if m:
        reading.last = day
    if reading.first is None:
        reading.first = day
    return day


def _days(skeleton: str, dates: Sequence[date]) -> list[date]:
    """The dates of a ``_DAYS`` match: single days and inclusive ranges, in order."""
    out: list[date] = []
    index = 0
    pieces = re.split(r"[、和]", skeleton)
    for piece in pieces:
        count = piece.count(_X)
        if count == 1:
            out.append(dates[index])
        else:
            start, end = dates[index], dates[index + 1]
            if not start < end or (end - start).days > 31:
                raise _Unread("a date range that does not run forwards (日期区间无效)")
            out.extend(start + timedelta(days=k) for k in range((end - start).days + 1))
        index += count
    return out


def _clauses(sentence: str) -> list[str]:
    """A sentence's clauses: split at commas and semicolons outside brackets."""
    out: list[str] = []
    current: list[str] = []
    depth = 0
    for char in sentence:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        if char in ",;:" and depth == 0:
            out.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    out.append("".join(current).strip())
    return [c for c in out if c]


def _read_sentence(sentence: str, reading: _Reading) -> None:
    sentence = re.sub(r"^其中\s*[:,]?\s*", "", sentence.strip())
    if sentence.startswith("鼓励") and "休息" in sentence:
        return  # encourages a day off (除夕): not a holiday of the arrangement
    if not _DATE.search(sentence) and not _HOLIDAY_WORDS.search(sentence):
        return  # no date and no day off or work: not part of the arrangement (值班、安全…)
    clauses = _clauses(sentence)
    # "4月4日(清明节),为法定节假日": a clause of dates alone, its predicate after the comma
    merged: list[str] = []
    for clause in clauses:
        if merged and _DATE.fullmatch(merged[-1]) and clause.startswith("为"):
            merged[-1] += clause
        else:
            merged.append(clause)
    sentence_year: int | None = None
    reading.last = None
    for clause in merged:
        dates: list[date] = []

        def mark(match: re.Match[str], _dates: list[date] = dates) -> str:
            nonlocal sentence_year
            _dates.append(_resolve(match, reading, sentence_year))
            if match.group(1):
                sentence_year = int(match.group(1))
            return _X

        skeleton = _DATE.sub(mark, clause).replace(" ", "")
        _read_clause(skeleton, dates, clause, reading)


def _read_clause(skeleton: str, dates: list[date], clause: str, reading: _Reading) -> None:
    if skeleton in _JOINED:
        reading.joined = reading.joined or skeleton == "与周末连休"
        return
    if (m := _COUNT.match(skeleton)) is not None:
        reading.counts.append((int(m.group("n")), clause))
        return
    if (m := _OFF.match(skeleton)) is not None:
        for day in _days(m.group("days"), dates):
            reading.off[day] = clause
        if m.group("n"):
            reading.counts.append((int(m.group("n")), clause))
        if m.group("kind") == "补休":
            reading.joined = True
        return
    if (m := _WORK.match(skeleton)) is not None:
        days = _days(m.group("days"), dates)
        if m.group("kind") == "起正常上班":
            reading.checks.append(("resume", tuple(days), clause))
            return
        for day in days:
            if day.weekday() < 5:
                raise _Unread(
                    f"{clause}: {day.isoformat()} is a {_WEEKDAY_EN[day.weekday()]}; a make-up "
                    "working day is a Saturday or Sunday (调休上班日必须是周六或周日)"
                )
            reading.work[day] = clause
        return
    if (m := _EXTEND.match(skeleton)) is not None:
        festival = _ALIASES.get(m.group("name")) or Festival.parse(m.group("name"), default=None)
        if festival is None or festival not in reading.festivals:
            raise _Unread(f"{clause}: which holiday is extended is not understood (无法识别)")
        reading.extend_to = dates[0]
        return
    for kind, pattern in (("statutory", _STATUTORY), ("weekend", _WEEKEND)):
        if (m := pattern.match(skeleton)) is not None:
            reading.checks.append((kind, tuple(_days(m.group("days"), dates)), clause))
            return
    if (m := _SWAP.match(skeleton)) is not None:
        count_from = m.group("from").count(_X)
        sources = _days(m.group("from"), dates[:count_from])
        targets = _days(m.group("to"), dates[count_from:])
        reading.checks.append(("swap_from", tuple(sources), clause))
        reading.checks.append(("swap_to", tuple(targets), clause))
        return
    raise _Unread(f"「{clause}」")


def _join_weekends(days: set[date]) -> set[date]:
    """The days with the weekend days that adjoin them or lie between them (…与周末连休, 补休)."""
    out = set(days)
    for day in sorted(days):
        for step in (-1, 1):
            other = day + timedelta(days=step)
            while other.weekday() >= 5 and other not in out:
                out.add(other)
                other += timedelta(days=step)
    first, last = min(out), max(out)
    gap = [first + timedelta(days=k) for k in range((last - first).days + 1)]
    if all(d in out or d.weekday() >= 5 for d in gap):
        out.update(gap)
    return out


def _check_item(reading: _Reading) -> list[str]:
    problems: list[str] = []
    if reading.joined and reading.off:
        for day in _join_weekends(set(reading.off)) - set(reading.off):
            reading.off[day] = "与周末连休"
    off = set(reading.off)
    for n, clause in reading.counts:
        if n != len(off):
            problems.append(
                f"「{clause}」: says {n} days but the days off listed are {len(off)} "
                f"({_span(off)}) (共{n}天与所列放假日期不符)"
            )
    for kind, days, clause in reading.checks:
        if kind == "resume":
            continue
        for day in days:
            if kind in ("statutory", "weekend", "swap_to") and day not in off:
                problems.append(
                    f"「{clause}」: {day.isoformat()} is not among the days off of this item "
                    "(该日期不在本项放假日期内)"
                )
            if kind in ("weekend", "swap_from") and day.weekday() < 5:
                problems.append(
                    f"「{clause}」: {day.isoformat()} is a {_WEEKDAY_EN[day.weekday()]}, "
                    "not a weekend day (公休日应为周六或周日)"
                )
            if kind == "swap_from" and day not in off and day not in reading.work:
                problems.append(
                    f"「{clause}」: the weekend day {day.isoformat()} is moved but neither off "
                    "nor worked in this item (调出的公休日既未放假也未上班)"
                )
    if not off and reading.extend_to is None:
        problems.append("no day off is given (未给出放假日期)")
    return problems


def _span(days: Iterable[date]) -> str:
    ordered = sorted(days)
    if not ordered:
        return "none"
    return ordered[0].isoformat() if len(ordered) == 1 else f"{ordered[0]}…{ordered[-1]}"


def _read_item(item: _Item, year: int) -> tuple[_Reading, list[str]]:
    reading = _Reading(year, item.festivals, item.label)
    problems: list[str] = []
    for sentence in item.body.split("。"):
        if not sentence.strip():
            continue
        try:
            _read_sentence(sentence, reading)
        except _Unread as exc:
            problems.append(f"{item.label}: {exc}")
    if not problems:
        problems = [f"{item.label}: {p}" for p in _check_item(reading)]
    return reading, problems


# -- the arrangement --------------------------------------------------------------------------


def _label(day: date, festivals: tuple[Festival, ...], year: int) -> Festival:
    """The festival of a day of an item naming several (中秋节、国庆节): the one whose
    statutory day it is, else the one whose statutory days are nearest."""
    if len(festivals) == 1:
        return festivals[0]
    statutory = statutory_holidays(year)
    if statutory.get(day) in festivals:
        return statutory[day]
    best = festivals[0]
    distance = 10**6
    for festival in festivals:
        for other, f in statutory.items():
            if f is festival and abs((other - day).days) < distance:
                best, distance = festival, abs((other - day).days)
    return best


@attrs.frozen
class _Notice:
    title: str
    number: str | None
    signed: date | None
    year: int
    off: dict[date, Festival]
    work: dict[date, Festival]
    readings: tuple[_Reading, ...]
    sources: dict[date, str] = attrs.Factory(dict)

    @property
    def source(self) -> str:
        return f"{self.title}（{self.number}）" if self.number else self.title


def _read(
    text: str, source: str, *, default_festival: Festival | None, year: int | None
) -> _Notice:
    parts = _parts(text, default_festival=default_festival)
    problems = [f"{source}: {p}" for p in parts.problems]
    notice_year = parts.year or year
    if notice_year is None:
        raise CalendarDataError(
            f"{source}: the notice's year is not found: its title should read "
            "国务院办公厅关于YYYY年部分节假日安排的通知 (未找到通知标题中的年份)"
        )
    if problems:
        raise _problems_error(source, problems)
    if not parts.items:
        raise CalendarDataError(
            f"{source}: no holiday arrangement found: the notice's items (一、元旦：…) are "
            "missing (未找到放假安排条目)"
        )
    off: dict[date, Festival] = {}
    work: dict[date, Festival] = {}
    readings = []
    for item in parts.items:
        reading, item_problems = _read_item(item, notice_year)
        problems += [f"{source}: {p}" for p in item_problems]
        readings.append(reading)
        for target, days in ((off, reading.off), (work, reading.work)):
            for day, clause in days.items():
                if day in off or day in work:
                    problems.append(
                        f"{source}: {item.label}: {day.isoformat()} is given twice "
                        f"(「{clause}」) (日期重复)"
                    )
                target[day] = _label(day, item.festivals, notice_year)
    first, last = date(notice_year - 1, 12, 1), date(notice_year, 12, 31)
    for day in sorted(set(off) | set(work)):
        if not first <= day <= last:
            problems.append(
                f"{source}: {day.isoformat()} is outside the {notice_year} arrangement "
                f"({first.isoformat()}–{last.isoformat()}) (日期不在该年度安排范围内)"
            )
    if problems:
        raise _problems_error(source, problems)
    return _Notice(parts.title, parts.number, parts.signed, notice_year, off, work, tuple(readings))


def _problems_error(source: str, problems: list[str]) -> CalendarDataError:
    if len(problems) == 1:
        return CalendarDataError(problems[0])
    details = "\n".join(f"  - {p}" for p in problems)
    return CalendarDataError(
        f"{source}: {len(problems)} problems in the notice (通知有{len(problems)}处无法读取):\n"
        f"{details}"
    )


def _amendment_festival(title: str, source: str) -> tuple[Festival, str]:
    """What an amending notice's title says it changes: (festival, kind)."""
    kinds = (
        (r"关于调整(?:\d{4}年)?(.+?)假期安排的通知", "replace"),
        (r"关于延长(?:\d{4}年)?(.+?)假期的通知", "extend"),
        (r"关于(.+?)调休放假的通知", "add"),
    )
    for pattern, kind in kinds:
        match = re.search(pattern, title)
        if match:
            name = match.group(1)
            festival = _ALIASES.get(name) or Festival.parse(name, default=None)
            if festival is not None:
                return festival, kind
    raise CalendarDataError(
        f"{source}: not an amending notice this reader knows: {short_repr(title)}; it reads "
        "notices that adjust (调整…假期安排), extend (延长…假期) or add (…调休放假) one holiday; "
        "write the change in an arrangement file instead (无法识别的调整通知)"
    )


def _title(text: str) -> str:
    """The notice's title: its first line that reads 关于…通知."""
    lines = text.split("\n")
    return next((line for line in lines if line.endswith("通知") and "关于" in line), "")


def _apply(notice: _Notice, text: str, source: str) -> _Notice:
    title = _title(text)
    if _YEARLY_TITLE.search(title):
        raise CalendarDataError(
            f"{source}: this is a yearly notice, not an amending one; give the year's notice "
            "first and the amending notices after it (应为调整通知)"
        )
    festival, kind = _amendment_festival(title, source)
    titled = re.search(r"(\d{4})年", title)
    if titled and int(titled.group(1)) != notice.year:
        raise CalendarDataError(
            f"{source}: amends {titled.group(1)}, but the notice is for {notice.year} "
            f"(调整通知年份与通知不符)"
        )
    change = _read(text, source, default_festival=festival, year=notice.year)
    if change.year != notice.year:
        raise CalendarDataError(
            f"{source}: amends {change.year}, but the notice is for {notice.year} "
            f"(调整通知年份与通知不符)"
        )
    off, work = dict(notice.off), dict(notice.work)
    if kind == "replace":
        for days in (off, work):
            for day in [d for d, f in days.items() if f is festival]:
                del days[day]
    if kind == "extend":
        ends = [r.extend_to for r in change.readings if r.extend_to is not None]
        current = [d for d, f in off.items() if f is festival]
        if not ends or not current:
            raise CalendarDataError(
                f"{source}: the extension's last day, or the {festival.label} break it extends, "
                "is not found (未找到延长后的截止日期或原假期)"
            )
        end = ends[-1]
        start = max(current) + timedelta(days=1)
        if end < start:
            raise CalendarDataError(
                f"{source}: extends {festival.label} to {end.isoformat()}, which is not after "
                f"the break's end {max(current).isoformat()} (延长日期不在原假期之后)"
            )
        for k in range((end - start).days + 1):
            day = start + timedelta(days=k)
            work.pop(day, None)
            off[day] = festival
        resume = [d for r in change.readings for k, ds, _ in r.checks if k == "resume" for d in ds]
        if resume and resume != [end + timedelta(days=1)]:
            raise CalendarDataError(
                f"{source}: work resumes on {resume[0].isoformat()}, not the day after "
                f"{end.isoformat()} (恢复上班日期与延长截止日期不符)"
            )
        changed = {start + timedelta(days=k) for k in range((end - start).days + 1)}
    else:
        changed = set(change.off) | set(change.work)
        for day in change.off:
            work.pop(day, None)
            off[day] = festival
        for day in change.work:
            off.pop(day, None)
            work[day] = festival
    sources = {**notice.sources, **dict.fromkeys(changed, change.source)}
    return attrs.evolve(notice, off=off, work=work, sources=sources)


def read_notice(
    text: str | bytes,
    *amendments: str | bytes,
    source: str = "<notice>",
    partial: str | None = None,
) -> Arrangement:
    """The :class:`~govdisclose.calendar.Arrangement` of a yearly notice's text (``str``, or
    the bytes of a .txt or saved .html file), with the amending notices applied in order.

    The result lists every day off (weekend days inside a break too) and every make-up
    working day, each with its festival; the days an amending notice decided name it in
    ``day_sources``.  The arrangement must be complete for its year
    (:func:`~govdisclose.calendar.completeness_problems`) unless ``partial`` gives the reason
    it is not (then it is marked partial, and so is every result computed through it).
    Raises :class:`~govdisclose._errors.CalendarDataError` quoting each sentence that is not
    understood or does not check.
    """
    named = [(text, source)]
    named += [(a, f"{source} (amendment {i + 1})") for i, a in enumerate(amendments)]
    return _arrangement(named, partial)


def read_notice_files(
    path: str | os.PathLike[str],
    *amendments: str | os.PathLike[str],
    partial: str | None = None,
) -> Arrangement:
    """:func:`read_notice` of files: the notice saved as text (UTF-8 or GB18030) or as its web
    page (.html), then its amending notices.  A missing, unreadable or too large file (over
    4 MiB) is an :class:`~govdisclose._errors.InputError` naming it."""
    named: list[tuple[str | bytes, str]] = []
    for index, entry in enumerate((path, *amendments)):
        if not isinstance(entry, (str, os.PathLike)):
            raise InputError(
                f"expected a file path, got {short_repr(entry)} (应为文件路径)",
                path=f"paths[{index}]",
            )
        named.append((read_bytes(Path(entry), limit=MAX_NOTICE_BYTES), str(entry)))
    return _arrangement(named, partial)


def _arrangement(named: list[tuple[str | bytes, str]], partial: str | None) -> Arrangement:
    if partial is not None and (not isinstance(partial, str) or not partial.strip()):
        raise InputError(
            f"expected the reason as text, got {short_repr(partial)} (应说明原因)", path="partial"
        )
    (text, source), rest = named[0], named[1:]
    plain = notice_text(text, source=source)
    title = _title(plain)
    if title and not _YEARLY_TITLE.search(title):
        raise CalendarDataError(
            f"{source}: not a yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知): "
            f"{short_repr(title)}; give the year's notice first, then the notices "
            "that amend it (应先给出年度通知)"
        )
    notice = _read(plain, source, default_festival=None, year=None)
    if notice.title and not _YEARLY_TITLE.search(notice.title):
        raise CalendarDataError(
            f"{source}: not a yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知): "
            f"{short_repr(notice.title)}; give the year's notice first, then the notices "
            "that amend it (应先给出年度通知)"
        )
    for amendment, where in rest:
        notice = _apply(notice, notice_text(amendment, source=where), where)
    arrangement = Arrangement(
        year=notice.year,
        days_off=tuple(notice.off),
        makeup_workdays=tuple(notice.work),
        holidays={**notice.off, **notice.work},
        notice_title=notice.title or f"国务院办公厅关于{notice.year}年部分节假日安排的通知",
        notice_number=notice.number,
        notice_date=notice.signed,
        day_sources=notice.sources,
        partial=partial is not None,
        partial_reason=partial.strip() if partial else None,
    )
    if partial is None:
        problems = completeness_problems(arrangement)
        if problems:
            raise _problems_error(source, [f"{source}: {p}" for p in problems])
    return arrangement
