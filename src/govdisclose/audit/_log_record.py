"""Publication-log records: their fields, the header names for them, dates, bad rows.

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
govdisclose._errors.InputError: not a date: '27/09/2024' (day/month order unknown; ...
>>> parse_log_date("2024-02-30")
Traceback (most recent call last):
...
govdisclose._errors.InputError: 2024-02-30 does not exist: February 2024 has 29 days ...
>>> field_for_header(" 公开日期 "), field_for_header("Published"), field_for_header("备注")
('published', 'published', None)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from .._dates import DateRefusal, read_china_date, read_date_text
from .._vocabulary import Domain, normalize_text

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


#: The years a log date may have: earlier or later ones are placeholders or typos
#: (0001-01-01, 9999-12-31), refused with a message rather than counted.
LOG_YEARS = (1949, 2200)


class NotADate:
    """What :func:`log_date` gives for a value that is not a log date (a single instance)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_A_DATE"


#: The value :func:`log_date` gives for a value that is not a date.
NOT_A_DATE = NotADate()


def _refusal(value: object) -> DateRefusal:
    """Why ``value``, which :func:`log_date` refuses, is not a log date."""
    read: object = value
    if isinstance(value, str):
        read = read_date_text(value)
    elif isinstance(value, (int, float)) and not isinstance(value, bool) and 1e4 <= value < 1e5:
        serial = read_date_text(str(value))  # what an Excel serial day number looks like
        if isinstance(serial, DateRefusal):
            return DateRefusal(serial.kind, value, serial.en, serial.zh)
    if isinstance(read, dt.date):
        read = read_china_date(read)
    if isinstance(read, dt.date):
        low, high = LOG_YEARS
        return DateRefusal(
            "out_of_range",
            value,
            f"{read.isoformat()}: year {read.year} is outside {low}–{high}, the years a "
            f"publication log can hold (a placeholder or a typo?)",
            f"{read.year}年不在{low}–{high}年之间，疑为占位值或笔误",
        )
    return read if isinstance(read, DateRefusal) else DateRefusal("not_a_date", value)


def _read(value: object) -> dt.date | NotADate | None:
    read: dt.date | dt.datetime | DateRefusal
    if isinstance(value, str):
        if not value or value.isspace():
            return None
        read = read_date_text(value)
        if isinstance(read, DateRefusal):
            return NOT_A_DATE
    elif isinstance(value, dt.date):
        read = value
    elif value is None:
        return None
    else:
        return NOT_A_DATE
    if read.__class__ is not dt.date:  # a date-time: its date in China
        read = read_china_date(read)
        if isinstance(read, DateRefusal):
            return NOT_A_DATE
    if not LOG_YEARS[0] <= read.year <= LOG_YEARS[1]:
        return NOT_A_DATE
    return read


# The date part (``2024-10-08``) and the time part without its seconds (``T09:30+08:00``) of
# ISO date-times seen so far: a date-time costs two look-ups, not a parse.  A time part gives
# the days its offset moves the date in China (-1, 0, 1), or ``None`` when it is not a time.
_HEADS: dict[str, dt.date] = {}
_TAILS: dict[str, int | None] = {}
_SECONDS = frozenset(f"{n:02d}" for n in range(60))
_AFTER_SECONDS = frozenset({"", "Z", "z", "+", "-"})
_ONE_DAY = dt.timedelta(days=1)
_MID = dt.date(2000, 6, 15)


def log_date(value: object) -> dt.date | NotADate | None:
    """A log date: the date, ``None`` when blank, :data:`NOT_A_DATE` when not a date.

    Accepts the strings :func:`parse_log_date` accepts, :class:`datetime.date` and
    :class:`datetime.datetime` (an aware one is taken in China Standard Time) and ``None``.
    Never raises.  The audit caches the result of a date by value; an ISO date-time
    (``2024-10-08T09:30:00+08:00``) is read from its date part and its time part, each
    remembered, since the same date-time seldom comes twice.
    """
    if value.__class__ is str and len(value) > 10:
        text: str = value
        day = _HEADS.get(text[:10])
        # Asia/Shanghai keeps +08:00 all year since 1992 (summer time 1986–1991).
        if day is not None and day.year > 1991 and (text[10] == "T" or text[10] == " "):
            if text[16:17] == ":" and text[17:19] in _SECONDS and text[19:20] in _AFTER_SECONDS:
                tail = text[10:16] + text[19:]  # seconds never move the date
            else:
                tail = text[10:]
            shift = _TAILS.get(tail, False)
            if shift is False and tail.isascii():
                whole = _read("2000-06-15" + tail)
                shift = (whole - _MID).days if isinstance(whole, dt.date) else None
                if len(_TAILS) < 100_000:
                    _TAILS[tail] = shift
            if shift == 0:
                return day
            if shift is not None and shift is not False:  # an offset moves the date in China
                moved = day + shift * _ONE_DAY
                return moved if LOG_YEARS[0] <= moved.year <= LOG_YEARS[1] else NOT_A_DATE
        elif day is None and text[4:5] == "-" == text[7:8] and text[10] in "T ":
            head = _read(text[:10])
            if isinstance(head, dt.date) and len(_HEADS) < 100_000:
                _HEADS[text[:10]] = head
                return log_date(text)
    return _read(value)


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
    return _refusal(value).reason if log_date(value) is NOT_A_DATE else None


def parse_log_date(value: object) -> dt.date | None:
    """A date from a log field; ``None`` when blank.

    Anything else raises :class:`~govdisclose._errors.InputError` saying why (the messages of
    ``govdisclose._dates.read_date_text``; a year outside :data:`LOG_YEARS` too).
    """
    day = log_date(value)
    if isinstance(day, NotADate):
        raise _refusal(value).error()
    return day


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
    seen is remembered (up to 1000), so a record whose values are all text or ``None`` costs
    one look-up and a copy.
    """

    __slots__ = ("_layouts", "ignored")

    def __init__(self, ignored: set[str]) -> None:
        self.ignored = ignored
        self._layouts: dict[tuple[Any, ...], tuple[tuple[Any, int], ...] | None] = {}

    def _layout(self, keys: tuple[Any, ...]) -> tuple[tuple[Any, int], ...] | None:
        pairs = []
        taken = set()
        for key in keys:
            index = _key_index(key)
            if index < 0:
                if len(self.ignored) < 100:
                    self.ignored.add(str(key).encode("utf-8", "backslashreplace").decode())
            elif index in taken:
                return None  # a field named twice: the checked path reports it
            else:
                taken.add(index)
                pairs.append((key, index))
        return tuple(pairs)

    def __call__(self, record: Mapping[str, Any]) -> Sequence[Any]:
        keys = tuple(record)
        layouts = self._layouts
        if keys in layouts:
            layout = layouts[keys]
        else:
            layout = self._layout(keys)
            if len(layouts) < 1000:
                layouts[keys] = layout
        if layout is None:
            return _checked_row(record, self.ignored)
        row: list[Any] = [None] * len(FIELDS)
        for key, index in layout:
            value = record[key]
            if value is None or type(value) is str:
                row[index] = value
            else:
                return _checked_row(record, self.ignored)
        return row
