"""Publication-log records: their fields, the header names for them, dates, bad rows.

**Fields** (:data:`FIELDS`) and the header names accepted for them (:data:`HEADER_ALIASES`;
compared after NFKC, without spaces, ignoring case): ``domain`` 领域, ``item`` 事项,
``formed`` 形成日期, ``published`` 公开日期, ``channel`` 渠道, ``title`` 标题, ``id`` 编号.
The first four are required (``published`` may be empty: not yet published).

**Dates** (:func:`parse_log_date`): ``2024-10-08``, ``2024/10/8``, ``2024.10.8``,
``2024年10月8日`` and the compact ``20241008``; also ISO 8601 date-times
(``2024-10-08T09:30:00+08:00``, ``2024-10-08T01:30:00Z``, ``2024-10-08 09:30``).  Deadlines are
counted in days, so a date-time gives a date:

* with an offset (``Z``, ``+08:00``, ``-0500`` …), the calendar date in China Standard Time
  (Asia/Shanghai) at that moment — ``2024-10-07T20:00:00Z`` is 8 October in Beijing;
* without one, the date as written (the time is taken as Beijing time and dropped).

Refused, with a message saying why: day-first or month-first forms (``27/09/2024``: the
day/month order cannot be known; write ``2024-09-27``), Excel serial numbers (``45562``: format
the column as dates before exporting), and days or times that do not exist (``2024-02-30``).

>>> parse_log_date("2024年10月8日"), parse_log_date("2024/10/8 17:45")
(datetime.date(2024, 10, 8), datetime.date(2024, 10, 8))
>>> parse_log_date("2024-10-07T20:00:00Z"), parse_log_date("20241008")
(datetime.date(2024, 10, 8), datetime.date(2024, 10, 8))
>>> parse_log_date("") is None
True
>>> parse_log_date("27/09/2024")
Traceback (most recent call last):
...
govdisclose.errors.InputError: not a date: '27/09/2024' (day/month order unknown; ...
>>> parse_log_date("2024-02-30")
Traceback (most recent call last):
...
govdisclose.errors.InputError: not a date: '2024-02-30' (no such day or time); ...
>>> field_for_header(" 公开日期 "), field_for_header("Published"), field_for_header("备注")
('published', 'published', None)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from ..errors import InputError, short_repr
from ..vocabulary import Domain, normalize_text

__all__ = [
    "CHINA_TZ",
    "FIELDS",
    "HEADER_ALIASES",
    "REQUIRED_FIELDS",
    "BadRow",
    "LogRecord",
    "RowMaker",
    "date_ordinal",
    "date_problem",
    "field_for_header",
    "parse_log_date",
]

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


_DATE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:(?:\s+|[Tt])(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?",
    re.ASCII,
)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)
# Day or month first, year last: 27/09/2024, 9-27-2024 (a time may follow).
_YEAR_LAST = re.compile(r"\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}(?:[\sTt].*)?", re.ASCII)
# An Excel serial day number (45562 is 2024-09-27), perhaps with a fraction of a day.
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?", re.ASCII)
#: China Standard Time: the zone a date-time with an offset is taken in.
CHINA_TZ = ZoneInfo("Asia/Shanghai")


def _offset(zone: str) -> dt.tzinfo | None:
    if zone in ("Z", "z"):
        return dt.timezone.utc
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        return None
    delta = dt.timedelta(hours=hours, minutes=minutes)
    return dt.timezone(-delta if zone[0] == "-" else delta)


def _text_ordinal(text: str) -> int:
    match = _DATE.fullmatch(text) or _COMPACT.fullmatch(text)
    if match is None:
        return 0
    groups = match.groups()
    try:
        day = dt.date(int(groups[0]), int(groups[1]), int(groups[2]))
    except ValueError:
        return 0
    if len(groups) == 3 or groups[3] is None:
        return day.toordinal()
    hour, minute, second = int(groups[3]), int(groups[4]), int(groups[5] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return 0
    if groups[6] is None:  # no offset: the date as written
        return day.toordinal()
    zone = _offset(groups[6])
    if zone is None:
        return 0
    try:
        moment = dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone)
        return moment.astimezone(CHINA_TZ).toordinal()
    except (OverflowError, ValueError):  # beyond year 1 or 9999 in Beijing
        return 0


def date_ordinal(value: object) -> int:
    """A log date as a proleptic ordinal: ``-1`` when blank, ``0`` when not a date.

    Accepts the strings :func:`parse_log_date` accepts, :class:`datetime.date` and
    :class:`datetime.datetime` (an aware one is taken in China Standard Time) and ``None``.
    """
    if value is None:
        return -1
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            try:
                value = value.astimezone(CHINA_TZ)
            except (OverflowError, ValueError):
                return 0
        return value.toordinal()
    if isinstance(value, dt.date):
        return value.toordinal()
    if not isinstance(value, str):
        return 0
    text = value.strip()
    if not text:
        return -1
    return _text_ordinal(text)


def date_problem(value: object) -> tuple[str, str] | None:
    """Why ``value`` is not a log date, when more can be said than "not a date".

    Returns (Chinese, English) or ``None``.

    >>> date_problem("27/09/2024")[1]
    'day/month order unknown; use YYYY-MM-DD'
    >>> date_problem(45562)[1]
    'an Excel serial number: format the column as dates (YYYY-MM-DD) before exporting'
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if 10_000 <= value < 100_000:
            return _EXCEL
        return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _YEAR_LAST.fullmatch(text):
        return ("日月顺序不明，请用YYYY-MM-DD", "day/month order unknown; use YYYY-MM-DD")
    if _SERIAL.fullmatch(text):
        return _EXCEL
    if (_DATE.fullmatch(text) or _COMPACT.fullmatch(text)) and date_ordinal(text) == 0:
        return ("没有这一天或这一时刻", "no such day or time")
    return None


_EXCEL = (
    "像是Excel日期序号，导出前请把该列设为日期格式（YYYY-MM-DD）",
    "an Excel serial number: format the column as dates (YYYY-MM-DD) before exporting",
)


def parse_log_date(value: object) -> dt.date | None:
    """A date from a log field; ``None`` when blank.  Raises :class:`InputError` otherwise."""
    ordinal = date_ordinal(value)
    if ordinal == -1:
        return None
    if ordinal == 0:
        why = date_problem(value)
        en, zh = (f" ({why[1]})", f"：{why[0]}") if why else ("", "")
        raise InputError(
            f"not a date: {short_repr(value)}{en}; use 2024-10-08, 2024/10/8, 2024年10月8日, "
            f"20241008 or an ISO 8601 date-time (日期格式不正确{zh})"
        )
    return dt.date.fromordinal(ordinal)


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
