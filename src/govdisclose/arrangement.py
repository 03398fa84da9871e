"""A year's holiday arrangement (节假日安排), as the State Council's notice gives it, and its files.

Each year the General Office of the State Council publishes 国务院办公厅关于YYYY年部分节假日安排的
通知: for every festival, the days off (放假调休) and the weekend days that are worked instead
(调休上班).  :class:`Arrangement` holds one such notice:

* ``days_off`` — **every** day of every holiday break, weekend days inside a break included
  (2026 春节: 2026-02-15 … 2026-02-23, nine days).  Listing the weekend days is harmless (they are
  rest days anyway) and lets each day carry its festival.
* ``makeup_workdays`` — the weekend days declared working days.  A make-up day, or a day off,
  may lie in the last December of the previous year: 2005-12-31 (a Saturday) was worked for
  New Year 2006 and belongs to the 2006 arrangement.
* ``holidays`` — optional: which festival each listed day belongs to (date → :class:`Festival`),
  for days off and make-up days alike.
* ``notice_title``, ``notice_number``, ``notice_date`` — where the arrangement comes from.

A user who has a newer notice (say 2027's) writes it in a small TOML or JSON file and loads it
with :func:`load_arrangement`; see ``data/arrangement-example.toml`` (the real 2026 notice) and
the JSON Schema ``schemas/arrangement.schema.json``.  The file lists one entry per festival, as
the notice does; a date is ``YYYY-MM-DD`` and an inclusive range ``YYYY-MM-DD/YYYY-MM-DD``::

    year = 2026
    notice_title = "国务院办公厅关于2026年部分节假日安排的通知"
    [[holidays]]
    festival = "spring_festival"
    days_off = ["2026-02-15/2026-02-23"]
    makeup_workdays = ["2026-02-14", "2026-02-28"]

>>> from govdisclose.arrangement import arrangement_from_document
>>> arr = arrangement_from_document({
...     "year": 2026, "notice_title": "国务院办公厅关于2026年部分节假日安排的通知",
...     "holidays": [{"festival": "元旦", "days_off": ["2026-01-01/2026-01-03"],
...                   "makeup_workdays": ["2026-01-04"]}]})
>>> [d.isoformat() for d in arr.days_off], arr.makeup_workdays[0].isoformat()
(['2026-01-01', '2026-01-02', '2026-01-03'], '2026-01-04')
>>> arrangement_from_document({"year": 2026, "notice_title": "x",
...     "holidays": [{"days_off": ["2026-01-01"], "makeup_workdays": ["2026-01-05"]}]},
...     where="mine.json")
Traceback (most recent call last):
...
govdisclose.errors.CalendarDataError: mine.json: $.holidays[0].makeup_workdays[0]: 2026-01-05 ...
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from ._dates import DateRefusal, is_int, read_iso_date
from .errors import CalendarDataError, InputError, VocabularyError, short_repr
from .festivals import Festival
from .textfile import decode_text, parse_json, read_bytes

__all__ = [
    "Arrangement",
    "arrangement_from_document",
    "arrangement_to_document",
    "load_arrangement",
]

#: Longest range accepted in a file (a break is at most nine days; a month is plenty).
MAX_RANGE_DAYS = 31
#: The years an arrangement may be for (the State Council's notices began in 1999).
YEARS = (1950, 2199)
#: Arrangement files larger than this are refused before reading.
MAX_FILE_BYTES = 1024 * 1024

_WEEKDAYS = ("a Monday", "a Tuesday", "a Wednesday", "a Thursday", "a Friday")
_TOP_KEYS = {"$schema", "year", "notice_title", "notice_number", "notice_date", "holidays"}
_ENTRY_KEYS = {"festival", "days_off", "makeup_workdays"}


def _day(value: object, path: str) -> date:
    """A listed day: a :class:`datetime.date`, not a date-time or text."""
    if type(value) is not date:
        raise CalendarDataError(
            f"{path}: expected a datetime.date, got {short_repr(value)} (应为日期)"
        )
    return value


def _list(value: object, path: str) -> list[object]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise CalendarDataError(f"{path}: expected a list of dates, got {short_repr(value)}")
    return list(value)


def _days_off(value: Iterable[date]) -> tuple[date, ...]:
    return tuple(
        sorted({_day(d, f"$.days_off[{i}]") for i, d in enumerate(_list(value, "$.days_off"))})
    )


def _makeup(value: Iterable[date]) -> tuple[date, ...]:
    days = _list(value, "$.makeup_workdays")
    return tuple(sorted({_day(d, f"$.makeup_workdays[{i}]") for i, d in enumerate(days)}))


def _mapping(value: object, path: str) -> Mapping[object, object]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise CalendarDataError(f"{path}: expected a mapping of dates, got {short_repr(value)}")
    return value


def _festivals(value: Mapping[date, Festival | str] | None) -> Mapping[date, Festival]:
    """Date → festival; a festival may be given by code or Chinese name."""
    items = {}
    for d, f in _mapping(value, "$.holidays").items():
        day = _day(d, "$.holidays (a key)")
        items[day] = Festival.parse(f, path=f"$.holidays[{day}]")
    return MappingProxyType(dict(sorted(items.items())))


def _sources(value: Mapping[date, str] | None) -> Mapping[date, str]:
    items = {}
    for d, text in _mapping(value, "$.day_sources").items():
        day = _day(d, "$.day_sources (a key)")
        if not isinstance(text, str):
            raise CalendarDataError(
                f"$.day_sources[{day}]: expected text, got {short_repr(text)} (应为文本)"
            )
        items[day] = text
    return MappingProxyType(dict(sorted(items.items())))


def _year(instance: Any, attribute: Any, value: Any) -> None:
    if not is_int(value) or not YEARS[0] <= value <= YEARS[1]:
        raise CalendarDataError(
            f"$.year: expected a year {YEARS[0]}–{YEARS[1]}, got {short_repr(value)} (年份无效)"
        )


def _text(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, str) and not (value is None and attribute.name == "notice_number"):
        raise CalendarDataError(
            f"$.{attribute.name}: expected text, got {short_repr(value)} (应为文本)"
        )


def _notice_date(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        _day(value, "$.notice_date")


@attrs.frozen
class Arrangement:
    """One year's holiday arrangement; construction checks it (see the module reference).

    ``day_sources`` names a later notice for particular days (the official data uses it for
    国办发明电〔2019〕3号, which lengthened 2019's Labour Day, and 〔2020〕1号, which extended
    2020's Spring Festival); it is empty for arrangements read from files.
    """

    year: int = attrs.field(validator=_year)
    days_off: tuple[date, ...] = attrs.field(converter=_days_off)
    makeup_workdays: tuple[date, ...] = attrs.field(converter=_makeup)
    holidays: Mapping[date, Festival] = attrs.field(factory=dict, converter=_festivals)
    notice_title: str = attrs.field(default="", validator=_text)
    notice_number: str | None = attrs.field(default=None, validator=_text)
    notice_date: date | None = attrs.field(default=None, validator=_notice_date)
    day_sources: Mapping[date, str] = attrs.field(factory=dict, converter=_sources, repr=False)

    def __attrs_post_init__(self) -> None:
        entries = [(d, False, f"$.days_off[{i}]") for i, d in enumerate(self.days_off)]
        entries += [
            (d, True, f"$.makeup_workdays[{i}]") for i, d in enumerate(self.makeup_workdays)
        ]
        problems = _semantic_problems(self.year, entries)
        listed = set(self.days_off) | set(self.makeup_workdays)
        problems += [
            f"$.holidays[{d.isoformat()}]: {d.isoformat()} is neither a day off nor a make-up "
            "day of this arrangement (节日标注的日期不在安排中)"
            for d in self.holidays
            if d not in listed
        ]
        if problems:
            raise _error(f"arrangement for {self.year}", problems)

    @property
    def source(self) -> str:
        """The notice as one string: ``title（number）`` (or the title alone)."""
        return (
            f"{self.notice_title}（{self.notice_number}）"
            if self.notice_number
            else self.notice_title
        )

    def window(self) -> tuple[date, date]:
        """The dates a notice for :attr:`year` may list: from 1 December of the year before."""
        return date(self.year - 1, 12, 1), date(self.year, 12, 31)


def _semantic_problems(year: int, entries: list[tuple[date, bool, str]]) -> list[str]:
    """Problems of the listed dates: outside the window, both off and worked, weekday make-up."""
    problems: list[str] = []
    first, last = date(year - 1, 12, 1), date(year, 12, 31)
    seen: dict[date, tuple[bool, str]] = {}
    for day, makeup, path in entries:
        iso = day.isoformat()
        if not first <= day <= last:
            problems.append(
                f"{path}: {iso} is not in {year} (a {year} arrangement lists dates from "
                f"{first.isoformat()} to {last.isoformat()}) (日期不在该年度安排范围内)"
            )
        if makeup and day.weekday() < 5:
            problems.append(
                f"{path}: {iso} is {_WEEKDAYS[day.weekday()]}, not a weekend day "
                "(调休上班日必须是周六或周日)"
            )
        if day in seen:
            other_makeup, other_path = seen[day]
            if other_makeup != makeup:
                problems.append(
                    f"{path}: {iso} is both a day off and a make-up working day (also at "
                    f"{other_path}) (同一天不能既放假又上班)"
                )
            else:
                problems.append(f"{path}: {iso} is listed twice (also at {other_path}) (日期重复)")
        else:
            seen[day] = (makeup, path)
    return problems


def _error(where: str, problems: list[str]) -> CalendarDataError:
    if len(problems) == 1:
        return CalendarDataError(f"{where}: {problems[0]}")
    details = "\n".join(f"  - {p}" for p in problems)
    return CalendarDataError(
        f"{where}: {len(problems)} problems in the holiday arrangement "
        f"(节假日安排有{len(problems)}处错误):\n{details}"
    )


def _parse_day(value: object, path: str, problems: list[str]) -> date | None:
    if isinstance(value, date) and type(value) is date:
        return value
    day = read_iso_date(value) if isinstance(value, str) else DateRefusal("not_a_date", value)
    if not isinstance(day, DateRefusal):
        return day
    if day.kind == "not_a_date":
        problems.append(
            f"{path}: {short_repr(value)} is not a date YYYY-MM-DD (日期格式应为YYYY-MM-DD)"
        )
    else:  # written YYYY-MM-DD, but no such day
        problems.append(f"{path}: {short_repr(value)} is not a date: {day.en} ({day.zh})")
    return None


def _parse_dates(value: object, path: str, problems: list[str]) -> list[tuple[date, str]]:
    """A list of dates and inclusive ``start/end`` ranges → (date, path of its entry) pairs."""
    if not isinstance(value, list):
        problems.append(
            f"{path}: expected a list of dates, got {type(value).__name__} (应为日期列表)"
        )
        return []
    out: list[tuple[date, str]] = []
    for i, item in enumerate(value):
        item_path = f"{path}[{i}]"
        if isinstance(item, str) and "/" in item:
            start_text, _, end_text = item.partition("/")
            start = _parse_day(start_text, item_path, problems)
            end = _parse_day(end_text, item_path, problems)
            if start is None or end is None:
                continue
            span = (end - start).days
            if not 0 <= span < MAX_RANGE_DAYS:
                problems.append(
                    f"{item_path}: range {short_repr(item)} must run forwards and span at most "
                    f"{MAX_RANGE_DAYS} days (日期区间无效)"
                )
                continue
            out.extend((start + timedelta(days=k), item_path) for k in range(span + 1))
        else:
            day = _parse_day(item, item_path, problems)
            if day is not None:
                out.append((day, item_path))
    return out


def _key(key: object) -> str:
    """A field name for a message: itself when short text, else a bounded repr."""
    return key if isinstance(key, str) and len(key) <= 60 else short_repr(key)


def _optional_text(doc: Mapping[str, Any], key: str, problems: list[str]) -> str | None:
    value = doc.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        problems.append(f"$.{key}: expected non-empty text, got {short_repr(value)} (应为非空文本)")
        return None
    return value.strip()


def arrangement_from_document(doc: object, *, where: str = "<arrangement>") -> Arrangement:
    """Build an :class:`Arrangement` from the file form (a parsed TOML/JSON mapping).

    Every problem is collected and reported at once in one
    :class:`~govdisclose.errors.CalendarDataError` naming ``where`` (the file) and each field.
    """
    if not isinstance(where, str):
        raise InputError(f"where: expected text, got {short_repr(where)} (应为文本)")
    if not isinstance(doc, Mapping):
        raise _error(where, [f"$: expected a table/object, got {type(doc).__name__} (应为对象)"])
    problems = [
        f"$.{_key(key)}: unknown field; allowed: {', '.join(sorted(_TOP_KEYS))} (未知字段)"
        for key in doc
        if key not in _TOP_KEYS
    ]
    year = doc.get("year")
    if not is_int(year) or not YEARS[0] <= year <= YEARS[1]:
        problems.append(f"$.year: expected a year such as 2027, got {short_repr(year)} (年份无效)")
        year = None
    title = _optional_text(doc, "notice_title", problems)
    if title is None and "notice_title" not in doc:
        problems.append("$.notice_title: missing: the notice's title (缺少通知标题)")
    number = _optional_text(doc, "notice_number", problems)
    notice_date = None
    if doc.get("notice_date") is not None:
        notice_date = _parse_day(doc["notice_date"], "$.notice_date", problems)
    entries: list[tuple[date, bool, str]] = []
    festivals: dict[date, Festival] = {}
    holidays = doc.get("holidays")
    if not isinstance(holidays, list) or not holidays:
        problems.append("$.holidays: expected a non-empty list of holiday entries (缺少放假安排)")
        holidays = []
    for i, entry in enumerate(holidays):
        path = f"$.holidays[{i}]"
        if not isinstance(entry, Mapping):
            problems.append(f"{path}: expected a table/object (应为对象)")
            continue
        problems += [
            f"{path}.{_key(key)}: unknown field; allowed: {', '.join(sorted(_ENTRY_KEYS))} "
            "(未知字段)"
            for key in entry
            if key not in _ENTRY_KEYS
        ]
        festival = None
        if entry.get("festival") is not None:
            try:
                festival = Festival.parse(entry["festival"], path=f"{path}.festival")
            except VocabularyError as exc:
                problems.append(str(exc))
        off = _parse_dates(entry.get("days_off", []), f"{path}.days_off", problems)
        work = _parse_dates(entry.get("makeup_workdays", []), f"{path}.makeup_workdays", problems)
        if "days_off" not in entry and "makeup_workdays" not in entry:
            problems.append(f"{path}: lists neither days_off nor makeup_workdays (缺少日期)")
        entries += [(d, False, p) for d, p in off] + [(d, True, p) for d, p in work]
        if festival is not None:
            festivals.update((d, festival) for d, _ in off + work)
    if year is not None:
        problems += _semantic_problems(year, entries)
        if not any(not makeup for _, makeup, _ in entries) and holidays:
            problems.append("$.holidays: no day off is listed (没有放假日期)")
    if problems or year is None:
        raise _error(where, problems)
    return Arrangement(
        year=year,
        days_off=[d for d, makeup, _ in entries if not makeup],
        makeup_workdays=[d for d, makeup, _ in entries if makeup],
        holidays=festivals,
        notice_title=title or "",
        notice_number=number,
        notice_date=notice_date,
    )


def _parse(path: Path) -> object:
    """The document in a ``.toml`` or ``.json`` file, read and decoded like every text file."""
    name = str(path)
    raw = read_bytes(path, limit=MAX_FILE_BYTES)
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".json"):
        raise CalendarDataError(
            f"{name}: unknown file type {suffix or '(none)'!s}; use .toml or .json "
            "(文件类型应为TOML或JSON)"
        )
    try:
        text = decode_text(raw, source=name)
        if suffix == ".json":
            return parse_json(text, source=name)
    except InputError as exc:  # what the file holds is unusable: bad arrangement data
        raise CalendarDataError(exc.message) from None
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CalendarDataError(f"{name}: not valid TOML: {exc} (TOML格式错误)") from None


def load_arrangement(path: str | Path) -> Arrangement:
    """Read an arrangement from a ``.toml`` or ``.json`` file and check it.

    The file may be UTF-8 (with or without byte-order mark), UTF-16 with its mark or GB18030,
    as :func:`govdisclose.textfile.decode_text` reads every text file.  Raises
    :class:`~govdisclose.errors.InputError` for a missing, unreadable or too large file
    (more than 1 MiB) and :class:`~govdisclose.errors.CalendarDataError` (naming the
    file, and the field where there is one) for bad content: text in no accepted encoding,
    broken TOML or JSON, or an arrangement that does not check.
    """
    if not isinstance(path, (str, os.PathLike)) or isinstance(path, bytes):
        raise InputError(f"path: expected a file path, got {short_repr(path)} (应为文件路径)")
    path = Path(path)
    return arrangement_from_document(_parse(path), where=str(path))


def _runs(days: Iterable[date]) -> list[str]:
    """Dates as the file writes them: single days and ``start/end`` runs of consecutive days."""
    out: list[str] = []
    run: list[date] = []
    for day in sorted(days):
        if run and day - run[-1] != timedelta(days=1):
            out.append(_run_text(run))
            run = []
        run.append(day)
    if run:
        out.append(_run_text(run))
    return out


def _run_text(run: list[date]) -> str:
    return run[0].isoformat() if len(run) == 1 else f"{run[0].isoformat()}/{run[-1].isoformat()}"


def arrangement_to_document(arrangement: Arrangement) -> dict[str, Any]:
    """The JSON form of ``arrangement`` (what :func:`arrangement_from_document` reads back).

    >>> from datetime import date
    >>> arr = Arrangement(2027, [date(2027, 1, 1)], [], notice_title="t")
    >>> arrangement_to_document(arr)
    {'year': 2027, 'notice_title': 't', 'holidays': [{'days_off': ['2027-01-01']}]}
    """
    if not isinstance(arrangement, Arrangement):
        raise InputError(
            f"arrangement: expected an Arrangement, got {short_repr(arrangement)} (应为节假日安排)"
        )
    doc: dict[str, Any] = {"year": arrangement.year, "notice_title": arrangement.notice_title}
    if arrangement.notice_number:
        doc["notice_number"] = arrangement.notice_number
    if arrangement.notice_date:
        doc["notice_date"] = arrangement.notice_date.isoformat()
    groups: dict[Festival | None, tuple[list[date], list[date]]] = {}
    for day in arrangement.days_off:
        groups.setdefault(arrangement.holidays.get(day), ([], []))[0].append(day)
    for day in arrangement.makeup_workdays:
        groups.setdefault(arrangement.holidays.get(day), ([], []))[1].append(day)
    entries = []
    for festival, (off, work) in sorted(
        groups.items(), key=lambda item: min(item[1][0] + item[1][1])
    ):
        entry: dict[str, Any] = {}
        if festival is not None:
            entry["festival"] = festival.code
        if off:
            entry["days_off"] = _runs(off)
        if work:
            entry["makeup_workdays"] = [d.isoformat() for d in work]
        entries.append(entry)
    doc["holidays"] = entries
    return doc
