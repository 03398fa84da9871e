"""Publication-log records: their fields, the header names for them, dates, what is wrong.

**Fields** (:data:`FIELDS`) and the header names accepted for them (:data:`HEADER_ALIASES`;
compared after NFKC, without spaces, ignoring case): ``domain`` 领域, ``item`` 事项,
``formed`` 形成日期, ``published`` 公开日期, ``channel`` 渠道, ``title`` 标题, ``id`` 编号.
The first four are required (``published`` may be empty: not yet published).

**Dates** (:func:`parse_log_date`) are read with the library's one date grammar
(``govdisclose._dates.read_date_text``, the command line's too): ``2024-10-08``,
``2024/10/8``, ``2024.10.8``, ``2024年10月8日`` and the compact ``20241008``, full-width digits
too; also date-times (``2024-10-08T09:30:00+08:00``, ``2024-10-08T01:30:00Z``,
``2024-10-08 09:30``).  Deadlines are counted in days, so a date-time gives a date:

* with an offset (``Z``, ``+08:00``, ``-0500`` …), the calendar date in China Standard Time
  (Asia/Shanghai) at that moment — ``2024-10-07T20:00:00Z`` is 8 October in Beijing;
* without one, the date as written (the time is taken as Beijing time and dropped).

Refused, with a message saying why: day-first or month-first forms (``27/09/2024``: the
day/month order cannot be known; write ``2024-09-27``), Excel serial numbers (``45562``: format
the column as dates before exporting), and days or times that do not exist (``2024-02-30``).

**Problems** of a record that cannot be used (codes in the ``problems`` data of an
``audit.bad-record`` finding):

==============================  ================================================================
``missing_field:<field>``       a required field (domain, item, formed) is empty or absent
``bad_date:<field>``            formed or published is not a date
``unknown_domain``              the domain is not 安全生产/work_safety or 救灾/disaster_relief
``published_before_formed``     published earlier than formed
``field_count``                 a CSV row with more or fewer fields than the header
``undecodable``                 bytes that are not text in the log's encoding
``bad_json`` / ``not_object``   a JSON Lines line that is not JSON (or nested too deeply) / not
                                a JSON object
``duplicate_key``               a JSON object giving one key twice (the last value would win)
``bad_csv``                     a CSV record the csv module refuses (a NUL byte …)
``not_text:<field>``            a JSON value of the wrong type (a number as a date …)
``duplicate_field:<field>``     a JSON object naming a field twice (``item`` and ``事项``)
==============================  ================================================================

>>> from govdisclose.audit._log_record import field_for_header, parse_log_date
>>> parse_log_date("2024年10月8日"), parse_log_date("2024/10/8 17:45")
(datetime.date(2024, 10, 8), datetime.date(2024, 10, 8))
>>> parse_log_date("2024-10-07T20:00:00Z"), parse_log_date("20241008")
(datetime.date(2024, 10, 8), datetime.date(2024, 10, 8))
>>> parse_log_date("") is None
True
>>> parse_log_date("27/09/2024")
Traceback (most recent call last):
...
govdisclose.InputError: not a date: '27/09/2024' (day/month order unknown; ...
>>> parse_log_date("2024-02-30")
Traceback (most recent call last):
...
govdisclose.InputError: 2024-02-30 does not exist: February 2024 has 29 days ...
>>> field_for_header(" 公开日期 "), field_for_header("Published"), field_for_header("备注")
('published', 'published', None)
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

import attrs

from .._dates import DateRefusal, read_china_date, read_date_text
from .._errors import short_repr
from .._vocabulary import Domain, normalize_text
from ._decoding import has_undecodable

#: The fields of a log record, in the order of the rows the engine reads.
FIELDS = ("domain", "item", "formed", "published", "channel", "title", "id")
#: Fields every record must have (``published`` may be empty: not yet published).
REQUIRED_FIELDS = FIELDS[:4]

#: Header names (and JSON keys) accepted for each field, besides the field's own name.
HEADER_ALIASES: Mapping[str, tuple[str, ...]] = {
    "domain": ("领域",),
    "item": ("事项", "二级事项", "公开事项"),
    "formed": ("形成日期", "信息形成日期", "形成或变更日期"),
    "published": ("公开日期", "发布日期"),
    "channel": ("渠道", "公开渠道"),
    "title": ("标题",),
    "id": ("编号",),
}
_HEADER_TABLE = {
    normalize_text(name): field
    for field, aliases in HEADER_ALIASES.items()
    for name in (field, *aliases)
}


def field_for_header(name: str) -> str | None:
    """The field a header cell (or JSON key) names, or ``None`` if it names none."""
    return _HEADER_TABLE.get(normalize_text(name))


#: Entries a cache (dates, items, judgements) may hold before it is cleared.
CACHE_LIMIT = 100_000

#: The years a log date may have: earlier or later ones are placeholders or typos
#: (0001-01-01, 9999-12-31), refused with a message rather than counted.
LOG_YEARS = (1949, 2200)


class NotADate:
    """What :func:`log_date` gives for a value that is not a log date (a single instance,
    false like ``None``)."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_A_DATE"


#: The value :func:`log_date` gives for a value that is not a date.
NOT_A_DATE = NotADate()


def _read(value: object) -> dt.date | DateRefusal | None:
    """The date of a log value in China, ``None`` when blank, else why it is not a log date."""
    read: dt.date | dt.datetime | DateRefusal
    if isinstance(value, str):
        if not value or value.isspace():
            return None
        read = read_date_text(value)
    elif isinstance(value, dt.date):
        read = value
    elif value is None:
        return None
    elif isinstance(value, (int, float)) and not isinstance(value, bool) and 1e4 <= value < 1e5:
        serial = read_date_text(str(value))  # what an Excel serial day number looks like
        if isinstance(serial, DateRefusal):
            return DateRefusal(serial.kind, value, serial.en, serial.zh)
        return DateRefusal("not_a_date", value)
    else:
        return DateRefusal("not_a_date", value)
    if read.__class__ is not dt.date and not isinstance(read, DateRefusal):
        read = read_china_date(read)  # a date-time: its date in China
    if isinstance(read, DateRefusal) or LOG_YEARS[0] <= read.year <= LOG_YEARS[1]:
        return read
    low, high = LOG_YEARS
    return DateRefusal(
        "out_of_range",
        value,
        f"{read.isoformat()}: year {read.year} is outside {low}–{high}, the years a "
        f"publication log can hold (a placeholder or a typo?)",
        f"{read.year}年不在{low}–{high}年之间，疑为占位值或笔误",
    )


def log_date(value: Any) -> dt.date | NotADate | None:
    """A log date: the date, ``None`` when blank, :data:`NOT_A_DATE` when not a date.

    Accepts the strings :func:`parse_log_date` accepts, :class:`datetime.date` and
    :class:`datetime.datetime` (an aware one is taken in China Standard Time) and ``None``.
    Never raises.
    """
    read = _read(value)
    return NOT_A_DATE if isinstance(read, DateRefusal) else read


_COLON_SECONDS = frozenset(f":{n:02d}" for n in range(60))
_CLOCK = re.compile(r"[Tt ](?:[01][0-9]|2[0-3]):[0-5][0-9]")
_MIDSUMMER = dt.date(2000, 6, 15)


def _days_moved(clock_and_offset: str) -> int | None:
    """The days a clock time and what followed its seconds (``T09:30+08:00``: an offset, a
    fraction of a second) move the date in China, ``None`` when they are no time."""
    if _CLOCK.match(clock_and_offset) is None:
        return None
    # 2000-06-15 stands for any day since 1992: Asia/Shanghai has kept +08:00 all year since.
    read = _read(f"{_MIDSUMMER}{clock_and_offset[:6]}:00{clock_and_offset[6:]}")
    return (read - _MIDSUMMER).days if isinstance(read, dt.date) else None


class LogDates:
    """The audit's dates by the value they were read from: ``known[value]`` is
    :func:`log_date` of it, for each value :meth:`read` has read (bounded: cleared at
    :data:`CACHE_LIMIT` entries).

    An ISO date-time with seconds (``2024-10-08T09:30:00+08:00``) is not kept whole — the
    same one seldom comes twice — but read in parts: its date through ``known``, like a date
    alone, and its clock time and offset without the seconds (``T09:30+08:00``; the seconds
    never move the date) through ``moves``: the days they move the date in China.  Any
    other value, and a date-time whose parts are not all readable (``T24:61``, a year before
    1992), is read whole, so that it is refused with its reason.
    """

    __slots__ = ("known", "moves")

    def __init__(self) -> None:
        self.known: dict[Any, dt.date | NotADate | None] = {}
        self.moves: dict[str, int | None] = {}

    def read(self, value: Any) -> dt.date | NotADate | None:
        """The log date of a value not yet in :attr:`known` (remembered)."""
        known = self.known
        if value.__class__ is str and value[16:19] in _COLON_SECONDS:
            date_part, moves = value[:10], self.moves
            day = known[date_part] if date_part in known else self.read(date_part)
            # The date ends where the clock starts (not "2024-10-8 T09:30:00").
            if day and day.year > 1991 and not value[9].isspace():
                clock = value[10:16] + value[19:]
                moved = moves[clock] if clock in moves else _remember(moves, clock, _days_moved)
                if moved == 0:
                    return day
                if moved is not None:
                    day += dt.timedelta(days=moved)
                    return day if day.year <= LOG_YEARS[1] else NOT_A_DATE
        return _remember(known, value, log_date)  # type: ignore[no-any-return]


def _remember(cache: dict[Any, Any], key: Any, make: Callable[[Any], Any]) -> Any:
    """``cache[key]``, made by ``make(key)`` when missing; the cache is bounded."""
    if key in cache:
        return cache[key]
    if len(cache) >= CACHE_LIMIT:
        cache.clear()
    value = cache[key] = make(key)
    return value


def date_problem(value: object) -> tuple[str, str] | None:
    """Why ``value`` is not a log date, when more can be said than "not a date".

    Returns (Chinese, English) or ``None``.

    >>> date_problem("27/09/2024")[1]
    'day/month order unknown; use YYYY-MM-DD'
    >>> date_problem(45562)[1]
    'an Excel serial number: format the column as dates (YYYY-MM-DD) before exporting'
    >>> date_problem("2023-02-29")[1]
    '2023-02-29 does not exist: February 2023 has 28 days'
    >>> date_problem("0001-01-01")[1]  # doctest: +ELLIPSIS
    '0001-01-01: year 1 is outside 1949–2200, the years a publication log can hold ...'
    """
    read = _read(value)
    return read.reason if isinstance(read, DateRefusal) else None


def parse_log_date(value: object) -> dt.date | None:
    """A date from a log field; ``None`` when blank.

    Anything else raises :class:`~govdisclose._errors.InputError` saying why (the messages of
    ``govdisclose._dates.read_date_text``; a year outside :data:`LOG_YEARS` too).
    """
    read = _read(value)
    if isinstance(read, DateRefusal):
        raise read.error()
    return read


@attrs.frozen
class LogRecord:
    """One record of a publication log: a piece of information under a catalogue item.

    ``item`` is the item's Chinese name or its id (``policy_documents.1``); ``formed`` the day
    the information was formed or changed; ``published`` the day it was published, ``None``
    while it is not.  Dates may be :class:`datetime.date` or text (:func:`parse_log_date`).
    """

    domain: str | Domain
    item: str
    formed: dt.date | str | None
    published: dt.date | str | None = None
    channel: str | None = None
    title: str | None = None
    id: str | None = None


class BadRow(tuple):  # type: ignore[type-arg]
    """A record that could not be read into fields at all (not JSON, not an object …).

    ``problems`` are problem codes (``bad_json``, ``not_object`` …); ``detail`` says more;
    ``values`` are the fields that could be read, in :data:`FIELDS` order.  It is an empty
    tuple (it has no usable fields) but indexing it gives those values, ``None`` for others.
    """

    problems: tuple[str, ...]
    detail: str
    values: tuple[Any, ...]

    def __new__(cls, problems: tuple[str, ...], detail: str, values: Sequence[Any] = ()) -> BadRow:
        self = super().__new__(cls)
        self.problems = problems
        self.detail = detail
        self.values = tuple(values)
        return self

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, int) and 0 <= index < len(self.values):
            return self.values[index]
        return None


_SCALAR = (str, int, float)


_FIELD_INDEX = {field: index for index, field in enumerate(FIELDS)}
# Keys seen in records → field index (-1: not a field); bounded.
_KEY_INDEX: dict[str, int] = {}


def _key_index(key: object) -> int:
    if not isinstance(key, str):
        return -1
    index = _KEY_INDEX.get(key)
    if index is None:
        field = field_for_header(key)
        index = -1 if field is None else _FIELD_INDEX[field]
        if len(_KEY_INDEX) < 10_000:
            _KEY_INDEX[key] = index
    return index


def _checked_row(record: Mapping[str, Any], ignored: set[str]) -> Sequence[Any]:
    """A row from a mapping, checking every value's type (the general, slower path)."""
    row: list[Any] = [None] * len(FIELDS)
    seen: dict[int, str] = {}
    problems: list[str] = []
    for key, value in record.items():
        index = _key_index(key)
        if index < 0:
            if len(ignored) < 100:
                ignored.add(str(key))
            continue
        field = FIELDS[index]
        if index in seen:
            problems.append(f"duplicate_field:{field}")
            continue
        seen[index] = str(key)
        if (
            value is None
            or isinstance(value, str)
            or (index in (2, 3) and isinstance(value, dt.date))
            or (index == 0 and isinstance(value, Domain))
        ):
            row[index] = value
        elif isinstance(value, _SCALAR) and not isinstance(value, bool) and index >= 4:
            row[index] = str(value)
        else:
            problems.append(f"not_text:{field}")
            row[index] = value
    if problems:
        return BadRow(tuple(problems), ", ".join(problems), row)
    return row


class RowMaker:
    """Turns mappings (JSON objects, dicts) into rows in :data:`FIELDS` order.

    Keys not naming a field are added to ``ignored`` (at most 100 names).  Each key layout
    seen is remembered (up to 1000) as the one call picking its values, so a record whose
    values are all text or ``None`` costs a look-up and that call; a record with the keys of
    the last one (every key a field) costs that call only.
    """

    __slots__ = ("_last", "_layouts", "ignored")

    def __init__(self, ignored: set[str]) -> None:
        self.ignored = ignored
        self._layouts: dict[tuple[Any, ...], _Layout | None] = {}
        self._last: _Layout | None = None

    def _layout(self, keys: tuple[Any, ...]) -> _Layout | None:
        """How to pick the fields of a mapping with ``keys``; ``None`` when a field is named
        twice (the checked path reports it) or fewer than two are named."""
        at: dict[int, Any] = {}
        for key in keys:
            index = _key_index(key)
            if index < 0:
                if len(self.ignored) < 100:
                    self.ignored.add(str(key).encode("utf-8", "backslashreplace").decode())
            elif index in at:
                return None
            else:
                at[index] = key
        if len(at) < 2:
            return None
        slots = tuple(sorted(at))
        return _Layout(operator.itemgetter(*(at[i] for i in slots)), slots, len(keys))

    def __call__(self, record: Mapping[str, Any]) -> Sequence[Any]:
        layout = self._last
        values = None
        if layout is not None and len(record) == layout.keys == len(layout.slots):
            try:
                values = layout.pick(record)
            except KeyError:  # keys of another layout
                values = None
        if values is None:
            keys = tuple(record)
            if keys in self._layouts:
                layout = self._layouts[keys]
            else:
                layout = self._layout(keys)
                if len(self._layouts) < 1000:
                    self._layouts[keys] = layout
            if layout is None:
                return _checked_row(record, self.ignored)
            self._last = layout
            values = layout.pick(record)
        if not _TEXT_TYPES.issuperset(map(type, values)):
            return _checked_row(record, self.ignored)
        if len(values) == len(FIELDS):
            return values  # type: ignore[no-any-return]
        assert layout is not None
        row: list[Any] = [None] * len(FIELDS)
        for index, value in zip(layout.slots, values, strict=True):
            row[index] = value
        return row


@attrs.frozen
class _Layout:
    """The fields a key layout names: a call picking their values, in :data:`FIELDS` order,
    the indexes of those fields, and the number of keys (fields or not)."""

    pick: Callable[[Mapping[str, Any]], Any]
    slots: tuple[int, ...]
    keys: int


_TEXT_TYPES = frozenset({str, type(None)})


def value_at(row: Sequence[Any], column: int | None) -> Any:
    """The value in ``column`` of ``row``, ``None`` when absent."""
    if column is None:
        return None
    if isinstance(row, BadRow):
        return row[column]
    return row[column] if column < len(row) else None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def row_problems(
    row: Sequence[Any], columns: Sequence[int | None], width: int
) -> tuple[str, ...] | None:
    """The problems of a row: ``None`` if it is usable, ``()`` if it is blank (skipped)."""
    if isinstance(row, BadRow):
        return row.problems
    if not row or all(_blank(v) for v in row):
        return ()
    problems: list[str] = []
    if len(row) != width:
        problems.append("field_count")
    values = [value_at(row, c) for c in columns]
    if any(has_undecodable(v) for v in values):
        problems.append("undecodable")
    domain, item, formed, published = values[:4]
    if _blank(domain):
        problems.append("missing_field:domain")
    elif Domain.parse(domain, default=None) is None:
        problems.append("unknown_domain")
    if _blank(item):
        problems.append("missing_field:item")
    elif not isinstance(item, str):
        problems.append("not_text:item")
    formed_date, published_date = log_date(formed), log_date(published)
    if formed_date is None:
        problems.append("missing_field:formed")
    elif formed_date is NOT_A_DATE:
        problems.append("bad_date:formed")
    if published_date is NOT_A_DATE:
        problems.append("bad_date:published")
    if (
        isinstance(formed_date, dt.date)
        and isinstance(published_date, dt.date)
        and published_date < formed_date
    ):
        problems.append("published_before_formed")
    return tuple(problems) or None


def _show(value: Any) -> str:
    """A value in a message: a bounded repr (undecodable bytes show as ``\\udcXX``)."""
    return short_repr(value, limit=42)


def describe_problems(
    problems: Sequence[str], row: Sequence[Any], columns: Sequence[int | None], width: int
) -> tuple[str, str]:
    """Chinese and English text for ``problems`` of ``row``."""
    zh: list[str] = []
    en: list[str] = []
    for problem in problems:
        code, _, field = problem.partition(":")
        label = HEADER_ALIASES[field][0] if field in FIELDS else field
        value = value_at(row, columns[FIELDS.index(field)]) if field in FIELDS else None
        if code == "missing_field":
            zh.append(f"缺少{label}")
            en.append(f"{field} is missing")
        elif code == "bad_date":
            why = date_problem(value)
            zh.append(f"{label}不是有效日期：{_show(value)}" + (f"（{why[0]}）" if why else ""))
            en.append(f"{field} is not a date: {_show(value)}" + (f" ({why[1]})" if why else ""))
        elif code == "not_text":
            why = date_problem(value) if field in ("formed", "published") else None
            zh.append(f"{label}的值类型不对：{_show(value)}" + (f"（{why[0]}）" if why else ""))
            en.append(
                f"{field} has the wrong type: {_show(value)}" + (f" ({why[1]})" if why else "")
            )
        elif code == "duplicate_field":
            zh.append(f"{label}字段重复")
            en.append(f"{field} is given twice")
        elif code == "unknown_domain":
            shown = _show(value_at(row, columns[0]))
            zh.append(f"未知领域 {shown}（应为安全生产或救灾）")
            en.append(f"unknown domain {shown} (work_safety or disaster_relief)")
        elif code == "published_before_formed":
            zh.append("公开日期早于形成日期")
            en.append("published before it was formed")
        elif code == "field_count":
            zh.append(f"有{len(row)}个字段，表头有{width}个")
            en.append(f"{len(row)} fields where the header has {width}")
        elif code == "undecodable":
            zh.append("含有无法按文件编码解码的字节")
            en.append("bytes that do not decode in the file's encoding")
        elif code in ("bad_json", "not_object", "bad_csv", "duplicate_key"):
            detail = row.detail if isinstance(row, BadRow) else ""
            what = {
                "bad_json": "不是有效的JSON",
                "not_object": "不是JSON对象",
                "duplicate_key": "JSON对象中有重复的键",
            }.get(code, "CSV格式错误")
            zh.append(what + (f"（{detail}）" if detail else ""))
            en.append(detail or code)
        else:
            zh.append(problem)
            en.append(problem)
    return "；".join(zh), "; ".join(en)
