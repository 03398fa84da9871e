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
* 农历 notes and weekdays in brackets (a weekday, and a day of the Spring Festival — 除夕,
  正月初N, 大年初N — is checked against the date); dates in the
  neighbouring year (``2022年12月31日至2023年1月2日``; a December date in the 元旦 item is
  of the year before);
* the sentence that only *encourages* a day off on 除夕 (``鼓励各单位……安排职工在除夕（2月9日）
  休息``), which is not a holiday and is left out.

and copies as other sites repost them: in traditional characters, with the reading inserted
after characters (``節(jié)``), a page's header, headline or 新华社 lead around the notice, the
title over several lines or after a label (``标  题：``), items run together on one line or
after dashes (``——元旦：``), spaces around numbers.  Only a date signed by 国务院(办公厅) is
taken as the notice's date.

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
govdisclose.CalendarDataError: <notice>: 一、元旦: 1月1日(周五): 2026-01-01 is a Thursday...

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
from typing import Final

import attrs

from .._errors import CalendarDataError, InputError, short_repr
from .._files import decode_text, read_bytes
from .._vocabulary import PINYIN, simplified
from ._arrangement import WEEKDAYS, Arrangement, arrangement_error, check_complete, date_problems
from ._festivals import FESTIVAL_DATES, Festival, statutory_holidays

#: Notice files (text or a saved web page) larger than this are refused before reading.
MAX_NOTICE_BYTES: Final = 4 * 1024 * 1024

_DIGITS: Final = "〇○零一二三四五六七八九"
_NUMERAL: Final = "一二三四五六七八九十"
_WEEKDAY_NAMES: Final = "一二三四五六日"

#: Traditional characters of the notice's words that :func:`simplified` does not fold.
_TRADITIONAL: Final = str.maketrans("節勞慶農臘連將戰勝", "节劳庆农腊连将战胜")
#: Characters of every notice in traditional characters (國務院辦公廳, 節假日, 調休), so that a
#: notice in simplified characters is not folded character by character.
_IS_TRADITIONAL = re.compile("[國務辦廳關節調]")
_YEARLY_TITLE = re.compile(r"国务院办公厅关于(\d{4})年部分节假日(?:放假)?安排的?通知")
_NUMBER = re.compile(r"国(?:办)?发明电〔\d{4}〕\d+号")
# 一、元旦:…; a news story's ——元旦:… (a dash for the numeral)
_ITEM = re.compile(rf"^(?:[{_NUMERAL}]+、|——(?=[^:]{{1,12}}:))")
_DATE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^()]*)\))?")
_NOTE_WEEKDAY = re.compile(r"^(?:星期|周)([一二三四五六日天])$")
# A note naming a day of the Spring Festival: 除夕, 正月初二, 大年初六 (农历 before it or not).
_NOTE_LUNAR = re.compile(r"^(?:即)?(?:农历)?(除夕|(?:正月|大年)初([一二三四五六七八九十]))$")
_SIGNED = re.compile(
    rf"^(?:国务院(?:办公厅)? ?)?(?:(\d{{4}})年(\d{{1,2}})月(\d{{1,2}})日"
    rf"|([{_DIGITS}]{{4}})年([{_NUMERAL}]+)月([{_NUMERAL}]+)日)$"
)
_SPACES = re.compile(r"\s+")
_DIGIT_SPACE = re.compile(r"(?<=\d) (?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) (?=\d)")
_HOLIDAY_WORDS = re.compile(r"放假|上班|调休|补休|休息|公休")
_MONTH_DAY = re.compile(r"\d{1,2}月\d{1,2}日")

# One clause of an item, with each date replaced by the mark _X.  Each named group
# of dates says what the clause makes of them (its kind); ``n`` is a count of days, ``joined``
# joins the adjoining weekend to the days off, ``name`` the festival an extension names.
_X: Final = "\ue000"  # a private-use character, never in a notice
_DAYS = rf"{_X}(?:[至—\-~到]{_X})?(?:[、和]{_X}(?:[至—\-~到]{_X})?)*"
_CLAUSES: Final = tuple(
    re.compile(pattern)
    for pattern in (
        rf"^(?P<off>{_DAYS})(?:放假调休|调休放假|放假公休|放假|(?P<joined>补休)|调休)(?:(?P<n>\d+)天)?$",
        rf"^(?P<work>{_DAYS})(?:照常上班|上班)$",
        rf"^(?P<resume>{_DAYS})起正常上班$",
        r"^共(?P<n>\d+)天$",
        rf"^(?P<statutory>{_DAYS})为(?:[^\d{_X}]{{0,6}})?法定(?:节)?假日$",
        rf"^(?P<weekend>{_DAYS})(?:照常公休|为公休日|公休)$",
        rf"^将?(?P<swap_from>{_DAYS})(?:[两三四五\d]个)?公休日(?:及[^\d{_X}]{{1,6}})?(?:分别)?"
        rf"调至(?P<swap_to>{_DAYS})$",
        rf"^延长(?:\d{{4}}年)?(?P<name>[^\d{_X}]+?)假期至(?P<extend>{_X})$",
        r"^(?:(?P<joined>与周末连休)|不调休)$",
    )
)


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


def notice_text(data: bytes | str, *, source: str = "<notice>") -> str:
    """The notice's text: bytes decoded like every text file (UTF-8 or GB18030), a saved
    web page reduced to its text (with the standard library's ``html.parser``: no network,
    nothing run), NFKC-normalized (full-width brackets and digits made ASCII), the notice's
    words in traditional characters made simplified and the readings some copies insert
    after characters (節(jié)) left out, each line stripped, blank lines left out.

    >>> notice_text("<html><body><p>一、元旦：1月1日放假</p><script>x()</script></body></html>")
    '一、元旦:1月1日放假'
    >>> notice_text("二、春節(jié)：2月7日至13日放假調(diào)休")
    '二、春节:2月7日至13日放假调休'
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        text = decode_text(bytes(data), source=source)
    elif isinstance(data, str):
        text = data
    else:
        raise InputError(f"{source}: expected text or bytes, got {short_repr(data)} (应为文本)")
    if re.search(r"<html|<!doctype html|<body|<p>", text[:4096], re.IGNORECASE):
        parser = _TextOf()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    text = "\n".join(unicodedata.normalize("NFKC", line) for line in text.splitlines())
    if "(" in text:  # the reading a copy inserts after characters: 節(jié), 星(xīng)期六
        text = PINYIN.sub("", text)
    if _IS_TRADITIONAL.search(text):
        text = simplified(text).translate(_TRADITIONAL)
    # one space for any white space; none between a digit and a character (现将 2018 年, 1 月 1 日)
    lines = (_SPACES.sub(" ", x).strip() for x in text.splitlines())
    return "\n".join(_DIGIT_SPACE.sub("", x) if " " in x else x for x in lines if x)


# -- the notice's parts -----------------------------------------------------------------------


@attrs.frozen
class _Item:
    label: str  #: 一、元旦 (for messages)
    festivals: tuple[Festival, ...]
    body: str


@attrs.frozen
class _Notice:
    """A notice's heading, its numbered items and the lines around them not understood."""

    title: str
    year: int | None
    number: str | None
    signed: date | None
    items: tuple[_Item, ...]
    problems: tuple[str, ...]


def _number(text: str) -> int:
    """A number in digits, in 〇一二… digit by digit (二〇二五), or in words (十二, 二十三)."""
    if text.isdigit():
        return int(text)
    if all(c in _DIGITS for c in text):
        return int("".join(str(max(_DIGITS.index(c) - 2, 0)) for c in text))
    tens, ten, units = text.rpartition("十")
    value = (_NUMERAL.index(tens) + 1 if tens else 1) * 10 if ten else 0
    return value + (_NUMERAL.index(units) + 1 if units else 0)


def _signed(line: str) -> date | None:
    match = _SIGNED.match(line)
    if match is None:
        return None
    try:
        return date(*(_number(part) for part in match.groups() if part))
    except ValueError:
        return None


def _festivals(names: str, label: str) -> tuple[Festival, ...]:
    found: list[Festival] = []
    for name in re.split(r"[、和与及]", names):
        name = name.strip().strip("“”\"'「」").replace("“", "").replace("”", "").replace('"', "")
        festival = Festival.parse(name, default=None)
        if festival is None:
            raise _Unread(f"{label}: unknown festival {name!r} (无法识别的节日)")
        found.append(festival)
    return tuple(found)


_TITLE_PIECE = re.compile(r"^[^。，,:;；：]{1,40}$")


def _join_title(lines: list[str]) -> list[str]:
    """A title printed over up to three lines, blank lines between (国务院关于中国人民抗日战争暨 /
    世界反法西斯战争胜利70周年纪念日 / 调休放假的通知), joined into one line; nothing else is
    joined, and a text with a one-line title is left as it is."""
    if any(x.strip().endswith("通知") and "关于" in x for x in lines):
        return lines
    for start, line in enumerate(lines):
        if "关于" not in line or not _TITLE_PIECE.match(line.strip()):
            continue
        pieces, at = [line.strip()], start + 1
        while at < len(lines) and len(pieces) < 3:
            piece = lines[at].strip()
            at += 1
            if not piece:
                continue
            if not _TITLE_PIECE.match(piece):
                break
            pieces.append(piece)
            if piece.endswith("通知"):
                return [*lines[:start], "".join(pieces), *lines[at:]]
        break
    return lines


def _lines(text: str) -> tuple[str, list[str]]:
    """The notice's title (its first line that reads 关于…通知) and its other lines: each item
    and the closing paragraph on a line of its own, ``#`` comments left out."""
    # A copy that runs the items together on one line: each item, and the closing paragraph,
    # starts after a full stop (…如下。一、元旦:…。二、春节:… 。节假日期间,…).
    text = re.sub(rf"(?<=[。:])\s*(?=[{_NUMERAL}]{{1,2}}、)", "\n", text)
    text = re.sub(r"(?<=。)\s*(?=节假日期间|国务院办公厅\s|国务院办公厅$)", "\n", text)
    text = re.sub(r"\s+(?=(?:国务院办公厅|国务院)?\s*\d{4}年\d{1,2}月\d{1,2}日$)", "\n", text)
    lines: list[str] = []
    titled = False  # a title (关于…通知) seen: no office above one is looked for
    for line in text.split("\n"):
        if (
            lines
            and re.search(r"关于(?:调整|延长)?\d{4}年$", lines[-1])
            and line.startswith("部分")
        ):
            lines[-1] += line  # a title printed on two lines (…关于2012年 / 部分节假日安排的通知)
        elif (
            line.strip().startswith("关于")
            and not titled
            and next((x.strip() for x in reversed(lines) if x.strip()), "") == "国务院办公厅"
        ):
            # the office on a line of its own above the title, as a newspaper prints it
            # (国务院办公厅 / blank lines / 关于2022年部分节假日安排的通知)
            while lines[-1].strip() != "国务院办公厅":
                lines.pop()
            lines[-1] = "国务院办公厅" + line.strip()
        else:
            lines.append(line)
        titled = titled or (lines[-1].strip().endswith("通知") and "关于" in lines[-1])
    lines = _join_title([line for line in lines if not line.startswith("#")])
    titles = [i for i, x in enumerate(lines) if x.endswith("通知") and "关于" in x and len(x) < 120]
    # a headline above the notice that drops 的 (…假期安排通知) gives way to the title itself
    at = next((i for i in titles if lines[i].endswith("的通知")), titles[0] if titles else None)
    title = lines.pop(at) if at is not None else ""
    # what a page prints before the title (标 题:, 正在阅读:, 受权发布丨) is not part of it, nor
    # what a headline puts between the office and 关于 (国务院办公厅:关于…, 国务院办公厅发出关于…)
    office = re.search(r"(国务院(?:办公厅)?)(?: |:|发出|印发)?(?=关于)", title)
    title = (office.group(1) + title[office.end() :] if office else title).replace(" ", "")
    # a headline that drops 的 (…部分节假日安排通知) names the notice by its title
    return re.sub(r"(?<=部分节假日安排)(?=通知$)", "的", title), lines


def _parts(title: str, lines: list[str], *, default_festival: Festival | None) -> _Notice:
    titled = _YEARLY_TITLE.search(title)
    year = int(titled.group(1)) if titled else None
    number, signed = None, None
    items: list[list[str]] = []
    problems: list[str] = []
    trailing: list[str] = []
    for at, line in enumerate(lines):
        if number is None and (found := _NUMBER.search(line)) and len(line) < 40:
            number = found.group(0)
            continue
        if number is None and not items and (found := _NUMBER.match(line)):
            number = found.group(0)  # the number run together with what follows it
            line = line[found.end() :]
        if (day := _signed(line)) is not None:
            if line.startswith("国务院") or lines[at - 1 : at] in (["国务院办公厅"], ["国务院"]):
                signed = day  # signed by the office, not by whoever copied the notice
            continue
        if _ITEM.match(line):
            items.append([line])
            trailing = []
            continue
        opened = len(items[-1]) == 1 and items[-1][0].endswith(":") if items else False
        if items and not trailing and (opened or line[:1].isdigit()):
            items[-1].append(line)  # an item's dates on the lines after its heading
            continue
        if not items:
            # …现将2026年元旦…; 2014年元旦…; a news lead naming the notice (…关于2022年部分…)
            intro = re.search(r"现将(\d{4})年|(\d{4})年,?元旦|关于(\d{4})年部分节假日", line)
            if year is None and intro:
                year = int(next(filter(None, intro.groups())))
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
        numeral, _, rest = joined.partition("——" if joined.startswith("——") else "、")
        mark = f"{numeral}、" if numeral else "——"
        rest = rest.lstrip()
        # the festival before the colon, a copy's year before it or not (一、2018年元旦:…)
        head = re.match(r"^(?:(\d{4})年)?([^:\d]*?)\s*:\s*(.*)$", rest)
        head = head or re.match(r"^()(\D*?)(\d.*)$", rest)
        try:
            if head and head.group(2).strip() and (default_festival is None or ":" in rest):
                label = f"{mark}{head.group(2).strip()}"
                if head.group(1) and year is not None and int(head.group(1)) != year:
                    raise _Unread(f"{label}: {head.group(1)}年 is not {year} (年份与通知不符)")
                festivals = _festivals(head.group(2), label)
                body = head.group(3)
            elif default_festival is not None:
                label, festivals, body = mark, (default_festival,), rest
            else:
                raise _Unread(f"{mark}: no festival named (未写明节日): 「{joined}」")
        except _Unread as exc:
            if _MONTH_DAY.search(rest) or default_festival is None:
                problems.append(str(exc))
            continue
        if default_festival is not None and not _MONTH_DAY.search(body):
            continue  # an amending notice's other items (schools, pay …) give no dates
        parsed.append(_Item(label, festivals, body.strip()))
    return _Notice(title, year, number, signed, tuple(parsed), tuple(problems))


# -- one item ---------------------------------------------------------------------------------


@attrs.define
class _Reading:
    """What the sentences of one item give: days off and make-up days (day → clause), and
    the other clauses' dates by kind (statutory, weekend, swap_from, swap_to, resume, extend)."""

    year: int
    festivals: tuple[Festival, ...]
    off: dict[date, str] = attrs.Factory(dict)
    work: dict[date, str] = attrs.Factory(dict)
    checks: list[tuple[str, tuple[date, ...], str]] = attrs.Factory(list)
    counts: list[tuple[int, str]] = attrs.Factory(list)
    joined: bool = False
    first: date | None = None  #: the item's first date
    last: date | None = None  #: the sentence's last date written with its month


def _check_lunar_note(written: str, day: date, note: re.Match[str]) -> None:
    """A note naming a day of the Spring Festival (除夕, 正月初N) must name ``day``; years
    outside :data:`FESTIVAL_DATES` are not checked."""
    first = FESTIVAL_DATES.get(day.year, (None,))[0]
    if first is None:
        return
    offset = -1 if note.group(1) == "除夕" else _NUMERAL.index(note.group(2))
    meant = first + timedelta(days=offset)
    if meant != day:
        raise _Unread(
            f"{written}: {day.isoformat()} is not {note.group(0)} ({meant.isoformat()} is) "
            f"(农历括注与日期不符)"
        )


def _resolve(match: re.Match[str], reading: _Reading, sentence_year: int | None) -> date:
    y, m, d, note = match.groups()
    # A day written without its month (…、29日) is of the month last written in its sentence,
    # else of the item's first date (其中18日、19日 … in the 春节 item of 2月18日—24日).
    last = reading.last or reading.first
    if m:
        year, month = int(y) if y else sentence_year or reading.year, int(m)
        new_year = Festival.NEW_YEARS_DAY in reading.festivals
        if not y and sentence_year is None and month == 12 and new_year:
            year -= 1  # the 元旦 break's December days are of the year before
    elif last is not None and not y:
        year, month = last.year, last.month
    else:
        raise _Unread(f"{match.group(0)}: a day without its month (日期缺少月份)")
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
                    f"{match.group(0)}: {day.isoformat()} is a {WEEKDAYS[day.weekday()]}, "
                    f"not {WEEKDAYS[said]} as written (星期与日期不符)"
                )
        elif lunar := _NOTE_LUNAR.match(part):
            _check_lunar_note(match.group(0), day, lunar)
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
    """A sentence's clauses: split at commas, colons and semicolons outside brackets."""
    return [c.strip() for c in re.split(r"[,;:](?![^()]*\))", sentence) if c.strip()]


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
    match = next((m for pattern in _CLAUSES if (m := pattern.match(skeleton))), None)
    if match is None:
        raise _Unread(f"「{clause}」")
    index = 0
    for kind, text in match.groupdict().items():
        if text is None:
            continue
        if kind == "n":
            reading.counts.append((int(text), clause))
        elif kind == "joined":
            reading.joined = True
        elif kind == "name":
            if Festival.parse(text, default=None) not in reading.festivals:
                raise _Unread(f"{clause}: which holiday is extended is not understood (无法识别)")
        else:
            count = text.count(_X)
            days = _days(text, dates[index : index + count])
            index += count
            if kind in ("off", "work"):
                getattr(reading, kind).update(dict.fromkeys(days, clause))
            else:
                reading.checks.append((kind, tuple(days), clause))


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
        for day in days:
            if kind in ("statutory", "weekend", "swap_to") and day not in off:
                problems.append(
                    f"「{clause}」: {day.isoformat()} is not among the days off of this item "
                    "(该日期不在本项放假日期内)"
                )
            if kind in ("weekend", "swap_from") and day.weekday() < 5:
                problems.append(
                    f"「{clause}」: {day.isoformat()} is a {WEEKDAYS[day.weekday()]}, "
                    "not a weekend day (公休日应为周六或周日)"
                )
            if kind == "swap_from" and day not in off and day not in reading.work:
                problems.append(
                    f"「{clause}」: the weekend day {day.isoformat()} is moved but neither off "
                    "nor worked in this item (调出的公休日既未放假也未上班)"
                )
    if not off and not any(kind == "extend" for kind, _, _ in reading.checks):
        problems.append("no day off is given (未给出放假日期)")
    return problems


def _span(days: Iterable[date]) -> str:
    ordered = sorted(days)
    if not ordered:
        return "none"
    return ordered[0].isoformat() if len(ordered) == 1 else f"{ordered[0]}…{ordered[-1]}"


# -- the arrangement --------------------------------------------------------------------------


def _label(day: date, festivals: tuple[Festival, ...], year: int) -> Festival:
    """The festival of a day of an item naming several (中秋节、国庆节): the one whose
    statutory day it is, else the one whose statutory days are nearest."""
    statutory = statutory_holidays(year)
    if statutory.get(day) in festivals:
        return statutory[day]
    distances = {
        f: [abs((d - day).days) for d, g in statutory.items() if g is f] for f in festivals
    }
    return min(festivals, key=lambda f: min(distances[f], default=10**6))


def _read(text: str, source: str, amended: Arrangement | None, partial: str | None) -> Arrangement:
    """The arrangement of the yearly notice in ``text`` (``partial`` the reason it is partial),
    or ``amended`` with the amending notice in ``text`` applied."""
    title, lines = _lines(text)
    yearly = _YEARLY_TITLE.search(title)
    festival, kind = None, ""
    if amended is None and title and not yearly:
        raise CalendarDataError(
            f"{source}: not a yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知): "
            f"{short_repr(title)}; give the year's notice first, then the notices "
            "that amend it (应先给出年度通知)"
        )
    if amended is not None and yearly:
        raise CalendarDataError(
            f"{source}: this is a yearly notice, not an amending one; give the year's notice "
            "first and the amending notices after it (应为调整通知)"
        )
    if amended is not None:
        festival, kind = _amendment_festival(title, source)
    notice = _parts(title, lines, default_festival=festival)
    year = notice.year
    if amended is not None:
        titled = re.search(r"(\d{4})年", title)
        for said in (int(titled.group(1)) if titled else None, notice.year):
            if said is not None and said != amended.year:
                raise CalendarDataError(
                    f"{source}: amends {said}, but the notice is for {amended.year} "
                    "(调整通知年份与通知不符)"
                )
        year = amended.year
    if year is None:
        raise CalendarDataError(
            f"{source}: the notice's year is not found: its title should read "
            "国务院办公厅关于YYYY年部分节假日安排的通知 (未找到通知标题中的年份)"
        )
    if notice.problems:
        raise arrangement_error(source, list(notice.problems))
    if not notice.items:
        raise CalendarDataError(
            f"{source}: no holiday arrangement found: the notice's items (一、元旦：…) are "
            "missing (未找到放假安排条目)"
        )
    problems: list[str] = []
    entries: list[tuple[date, bool, str]] = []
    checks: list[tuple[str, tuple[date, ...], str]] = []
    off: dict[date, Festival] = {}
    work: dict[date, Festival] = {}
    for item in notice.items:
        reading = _Reading(year, item.festivals)
        unread = len(problems)
        for sentence in filter(str.strip, item.body.split("。")):
            try:
                _read_sentence(sentence, reading)
            except _Unread as exc:
                problems.append(f"{item.label}: {exc}")
        if len(problems) == unread:  # the item's sentences read: check what they say
            problems += [f"{item.label}: {p}" for p in _check_item(reading)]
        checks += reading.checks
        for days, makeup, target in ((reading.off, False, off), (reading.work, True, work)):
            for day, clause in days.items():
                entries.append((day, makeup, f"{item.label}: 「{clause}」"))
                target[day] = _label(day, item.festivals, year)
    problems += date_problems(year, entries)
    if problems:
        raise arrangement_error(source, problems)
    if amended is None or festival is None:
        return Arrangement(
            year=year,
            days_off=tuple(off),
            makeup_workdays=tuple(work),
            holidays={**off, **work},
            notice_title=notice.title or f"国务院办公厅关于{year}年部分节假日安排的通知",
            notice_number=notice.number,
            notice_date=notice.signed,
            partial=partial is not None,
            partial_reason=partial.strip() if partial else None,
        )
    decided = f"{notice.title}（{notice.number}）" if notice.number else notice.title
    return _apply(amended, festival, kind, list(off), list(work), checks, decided, source)


def _amendment_festival(title: str, source: str) -> tuple[Festival, str]:
    """What an amending notice's title says it changes: (festival, kind)."""
    kinds = (
        (r"关于调整(?:\d{4}年)?(.+?)假期安排的通知", "replace"),
        (r"关于延长(?:\d{4}年)?(.+?)假期的通知", "extend"),
        (r"关于(.+?)调休放假的通知", "add"),
    )
    for pattern, kind in kinds:
        match = re.search(pattern, title)
        festival = Festival.parse(match.group(1), default=None) if match else None
        if festival is not None:
            return festival, kind
    if not title:
        raise CalendarDataError(
            f"{source}: the amending notice's title (国务院…关于…的通知) is not found; an amending "
            "notice is read by what its title says it changes (未找到调整通知的标题)"
        )
    raise CalendarDataError(
        f"{source}: not an amending notice this reader knows: {short_repr(title)}; it reads "
        "notices that adjust (调整…假期安排), extend (延长…假期) or add (…调休放假) one holiday; "
        "write the change in an arrangement file instead (无法识别的调整通知)"
    )


def _apply(
    arrangement: Arrangement,
    festival: Festival,
    kind: str,
    days_off: list[date],
    workdays: list[date],
    checks: list[tuple[str, tuple[date, ...], str]],
    decided: str,
    source: str,
) -> Arrangement:
    """``arrangement`` with an amending notice's days off and make-up days applied to
    ``festival``: they replace its days, extend its break to a later day (``kind``), or are
    added; the days it decided are named ``decided``."""
    days = dict(arrangement.holidays)
    worked = set(arrangement.makeup_workdays)
    if kind == "replace":
        days = {d: f for d, f in days.items() if f is not festival}
    if kind == "extend":
        ends = [d for k, dates, _ in checks if k == "extend" for d in dates]
        current = [d for d, f in days.items() if f is festival and d not in worked]
        if not ends or not current:
            raise CalendarDataError(
                f"{source}: the extension's last day, or the {festival.label} break it extends, "
                "is not found (未找到延长后的截止日期或原假期)"
            )
        start, end = max(current) + timedelta(days=1), ends[-1]
        if end < start:
            raise CalendarDataError(
                f"{source}: extends {festival.label} to {end.isoformat()}, which is not after "
                f"the break's end {max(current).isoformat()} (延长日期不在原假期之后)"
            )
        resume = [d for k, dates, _ in checks if k == "resume" for d in dates]
        if resume and resume != [end + timedelta(days=1)]:
            raise CalendarDataError(
                f"{source}: work resumes on {resume[0].isoformat()}, not the day after "
                f"{end.isoformat()} (恢复上班日期与延长截止日期不符)"
            )
        days_off = [start + timedelta(days=k) for k in range((end - start).days + 1)]
        workdays = []
    days.update(dict.fromkeys([*days_off, *workdays], festival))
    worked = (worked - set(days_off)) | set(workdays)
    return attrs.evolve(
        arrangement,
        days_off=[d for d in days if d not in worked],
        makeup_workdays=[d for d in days if d in worked],
        holidays=days,
        day_sources={**arrangement.day_sources, **dict.fromkeys([*days_off, *workdays], decided)},
    )


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
    paths = (path, *amendments)
    return _arrangement([(read_bytes(p, limit=MAX_NOTICE_BYTES), str(p)) for p in paths], partial)


def _arrangement(named: list[tuple[str | bytes, str]], partial: str | None) -> Arrangement:
    if partial is not None and (not isinstance(partial, str) or not partial.strip()):
        raise InputError(
            f"expected the reason as text, got {short_repr(partial)} (应说明原因)", path="partial"
        )
    (text, source), *amendments = named
    arrangement = _read(notice_text(text, source=source), source, None, partial)
    for text, where in amendments:
        arrangement = _read(notice_text(text, source=where), where, arrangement, partial)
    hint = "a copy that knowingly lacks festivals is read as partial, with the reason why"
    return check_complete(
        arrangement, source, f"{hint} (如确属部分安排，请说明原因)", partial_helps=True
    )
