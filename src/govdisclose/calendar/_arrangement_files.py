"""The file form of a holiday arrangement: reading and writing ``.toml`` and ``.json`` files.

:func:`load_arrangement` reads a file (any encoding :func:`~govdisclose._files.decode_text`
accepts, at most :data:`MAX_FILE_BYTES`); :func:`arrangement_from_document` checks the parsed
document — its structure against the package's own JSON Schema
(:mod:`govdisclose.schemas._arrangement`, the schema front-end teams use), then in Python what
a schema cannot say (dates that exist, ranges, the year's window, make-up days on weekends,
completeness) — and reports every problem at once in one
:class:`~govdisclose._errors.CalendarDataError` naming the file and each JSON path.
:func:`arrangement_to_document` and :func:`dump_arrangement` write the form back; the days a
later notice decided (2015's anniversary holiday, 2020's longer Spring Festival) are an entry
of their own whose ``source`` names that notice.  The form is described in
:mod:`govdisclose.calendar._arrangement`.

>>> doc = {"year": 2027, "notice_title": "t", "partial": True, "partial_reason": "国庆节 only",
...        "holidays": [{"festival": "national_day", "days_off": ["2027-10-01/2027-10-07"],
...                      "makeup_workdays": ["2027-09-26", "2027-10-09"]}]}
>>> arrangement_to_document(arrangement_from_document(doc)) == doc
True
>>> arrangement_from_document({"year": 2027, "notice_title": "t", "holidays": [
...     {"days_off": ["2027-10-01", "2027-10-07/2027-10-01", "2027-10-32"], "day": 1}]})
Traceback (most recent call last):
...
govdisclose.CalendarDataError: <arrangement>: 3 problems in the holiday arrangement ...
  - $.holidays[0].days_off[2]: '2027-10-32' is not a date, or an inclusive range ...
  - $.holidays[0].day: unknown field; allowed: days_off, festival, makeup_workdays, source ...
  - $.holidays[0].days_off[1]: range '2027-10-07/2027-10-01' must run forwards ...
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .._dates import DateRefusal, read_iso_date
from .._errors import CalendarDataError, InputError, short_repr
from .._files import decode_text, dump_json, parse_json, read_bytes
from ..schemas._arrangement import MAX_RANGE_DAYS, arrangement_schema
from ..schemas._problems import schema_problems
from ._arrangement import Arrangement, arrangement_error, check_complete, date_problems
from ._festivals import Festival

#: Arrangement files larger than this are refused before reading.
MAX_FILE_BYTES = 1024 * 1024

#: How a field that breaks the schema is described: field → (what is expected, in Chinese).
_EXPECTED = {
    "$": ("a table/object", "应为对象"),
    "$schema": ("text", "应为文本"),
    "year": ("a year 1950–2199 such as 2027", "年份无效"),
    "notice_title": ("non-empty text", "应为非空文本"),
    "notice_number": ("non-empty text", "应为非空文本"),
    "partial_reason": ("non-empty text", "应为非空文本"),
    "source": ("non-empty text", "应为非空文本"),
    "partial": ("true or false", "应为布尔值"),
    "holidays": ("a non-empty list of holiday entries", "缺少放假安排"),
    "days_off": ("a list of dates", "应为日期列表"),
    "makeup_workdays": ("a list of dates", "应为日期列表"),
}
PARTIAL_HINT = (
    "$.partial: a file that knowingly lacks festivals says partial = true and "
    'partial_reason = "…" (如确属部分安排，请注明 partial = true 及原因)'
)
#: Deeper than any arrangement's values are nested (document, holidays, entry, dates, date).
_DEPTH = 6


def _plain(value: object, depth: int = _DEPTH) -> object:
    """The document as the schema sees it: TOML's dates as ``YYYY-MM-DD`` text, and values
    nested deeper than an arrangement's cut off (so no message recurses without end)."""
    if isinstance(value, date):  # a date-time is not a date: its text fails the schema
        return value.isoformat()
    if isinstance(value, (Mapping, list)) and depth == 0:
        return "<nested too deeply>"
    if isinstance(value, Mapping):
        return {key: _plain(item, depth - 1) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item, depth - 1) for item in value]
    return value


def _day(text: str, path: str, problems: list[str]) -> date | None:
    day = read_iso_date(text)
    if isinstance(day, DateRefusal):
        problems.append(f"{path}: {short_repr(text)} is not a date: {day.en} ({day.zh})")
        return None
    return day


def _days(text: str, path: str, problems: list[str]) -> list[date]:
    """The days of ``YYYY-MM-DD`` or an inclusive range ``YYYY-MM-DD/YYYY-MM-DD``."""
    start_text, _, end_text = text.partition("/")
    start = _day(start_text, path, problems)
    end = _day(end_text, path, problems) if end_text else start
    if start is None or end is None:
        return []
    span = (end - start).days
    if not 0 <= span < MAX_RANGE_DAYS:
        problems.append(
            f"{path}: range {short_repr(text)} must run forwards and span at most "
            f"{MAX_RANGE_DAYS} days (日期区间无效)"
        )
        return []
    return [start + timedelta(days=k) for k in range(span + 1)]


def arrangement_from_document(doc: object, *, where: str = "<arrangement>") -> Arrangement:
    """Build an :class:`Arrangement` from the file form (a parsed TOML/JSON mapping; TOML's
    dates are taken as their ``YYYY-MM-DD`` text).

    Every problem is collected and reported at once in one
    :class:`~govdisclose._errors.CalendarDataError` naming ``where`` (the file) and each field.
    """
    doc = _plain(doc)
    broken: dict[str, str] = {}  # JSON path → its first problem against the schema
    for problem in schema_problems(doc, arrangement_schema, expected=_EXPECTED):
        broken.setdefault(problem.path, f"{problem.path}: {problem.message}")
    problems = list(broken.values())
    if not isinstance(doc, dict):
        raise arrangement_error(where, problems)
    year = doc.get("year") if "$.year" not in broken else None
    year = int(year) if year is not None else None  # 2027.0 is an integer to JSON Schema
    entries: list[tuple[date, bool, str]] = []
    festivals: dict[date, Festival] = {}
    sources: dict[date, str] = {}
    holidays = doc.get("holidays") if "$.holidays" not in broken else []
    for i, entry in enumerate(holidays or []):
        path = f"$.holidays[{i}]"
        if path in broken or not isinstance(entry, dict):
            continue
        festival = Festival.parse(entry.get("festival"), default=None)
        source = entry.get("source") if f"{path}.source" not in broken else None
        for key, makeup in (("days_off", False), ("makeup_workdays", True)):
            listed = entry.get(key, [])
            for j, text in enumerate(listed if isinstance(listed, list) else []):
                item_path = f"{path}.{key}[{j}]"
                if item_path in broken or not isinstance(text, str):
                    continue
                days = _days(text, item_path, problems)
                entries += [(d, makeup, item_path) for d in days]
                if festival is not None:
                    festivals.update(dict.fromkeys(days, festival))
                if source is not None:
                    sources.update(dict.fromkeys(days, source.strip()))
    notice_date = None
    if isinstance(doc.get("notice_date"), str) and "$.notice_date" not in broken:
        notice_date = _day(doc["notice_date"], "$.notice_date", problems)
    if year is not None:
        problems += date_problems(year, entries)
        if not any(p.startswith("$.holidays") for p in broken) and all(m for _, m, _ in entries):
            problems.append("$.holidays: no day off is listed (没有放假日期)")
    if problems or year is None:
        raise arrangement_error(where, problems)
    partial = doc.get("partial", False)
    reason = doc.get("partial_reason", "")
    arrangement = Arrangement(
        year=year,
        days_off=[d for d, makeup, _ in entries if not makeup],
        makeup_workdays=[d for d, makeup, _ in entries if makeup],
        holidays=festivals,
        notice_title=doc["notice_title"].strip(),
        notice_number=doc["notice_number"].strip() if "notice_number" in doc else None,
        notice_date=notice_date,
        day_sources=sources,
        partial=partial,
        partial_reason=reason.strip() if partial else None,
    )
    return check_complete(arrangement, where, PARTIAL_HINT)


def load_arrangement(path: str | os.PathLike[str]) -> Arrangement:
    """Read an arrangement from a ``.toml`` or ``.json`` file and check it.

    The file may be UTF-8 (with or without byte-order mark), UTF-16 with its mark or GB18030,
    as :func:`govdisclose._files.decode_text` reads every text file.  Raises
    :class:`~govdisclose._errors.InputError` for a missing, unreadable or too large file
    (more than 1 MiB) and :class:`~govdisclose._errors.CalendarDataError` (naming the
    file, and the field where there is one) for bad content: text in no accepted encoding,
    broken TOML or JSON, or an arrangement that does not check.
    """
    raw = read_bytes(path, limit=MAX_FILE_BYTES)
    name, suffix = str(path), Path(path).suffix.lower()
    if suffix not in (".toml", ".json"):
        raise CalendarDataError(
            f"{name}: unknown file type {suffix or '(none)'!s}; use .toml or .json "
            "(文件类型应为TOML或JSON)"
        )
    try:
        text = decode_text(raw, source=name)
        doc = parse_json(text, source=name) if suffix == ".json" else None
    except InputError as exc:  # what the file holds is unusable: bad arrangement data
        raise CalendarDataError(exc.message) from None
    if suffix == ".toml":
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - Python 3.10
            import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
        try:
            doc = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise CalendarDataError(f"{name}: not valid TOML: {exc} (TOML格式错误)") from None
    return arrangement_from_document(doc, where=name)


def _runs(days: Iterable[date]) -> list[str]:
    """Dates as the file writes them: single days and ``start/end`` runs of consecutive days."""
    out: list[list[date]] = []
    for day in sorted(days):
        if out and day - out[-1][-1] == timedelta(days=1):
            out[-1].append(day)
        else:
            out.append([day])
    return [r[0].isoformat() if len(r) == 1 else f"{r[0]}/{r[-1]}" for r in out]


def arrangement_to_document(arrangement: Arrangement) -> dict[str, Any]:
    """The JSON form of ``arrangement`` (what :func:`arrangement_from_document` reads back):
    one entry per festival, and one per festival and later notice for the days it decided.

    >>> from datetime import date
    >>> arr = Arrangement(2027, [date(2027, 1, 1)], [], notice_title="t")
    >>> arrangement_to_document(arr)
    {'year': 2027, 'notice_title': 't', 'holidays': [{'days_off': ['2027-01-01']}]}
    """
    doc: dict[str, Any] = {"year": arrangement.year, "notice_title": arrangement.notice_title}
    if arrangement.notice_number:
        doc["notice_number"] = arrangement.notice_number
    if arrangement.notice_date:
        doc["notice_date"] = arrangement.notice_date.isoformat()
    if arrangement.partial:
        doc["partial"] = True
        doc["partial_reason"] = arrangement.partial_reason
    groups: dict[tuple[Festival | None, str | None], tuple[list[date], list[date]]] = {}
    for days, index in ((arrangement.days_off, 0), (arrangement.makeup_workdays, 1)):
        for day in days:
            key = (arrangement.holidays.get(day), arrangement.day_sources.get(day))
            groups.setdefault(key, ([], []))[index].append(day)
    entries = []
    for (festival, source), (off, work) in sorted(
        groups.items(), key=lambda g: min(g[1][0] + g[1][1])
    ):
        entry: dict[str, Any] = {}
        if festival is not None:
            entry["festival"] = festival.code
        if off:
            entry["days_off"] = _runs(off)
        if work:
            entry["makeup_workdays"] = [d.isoformat() for d in work]
        if source is not None:
            entry["source"] = source
        entries.append(entry)
    doc["holidays"] = entries
    return doc


def dump_arrangement(arrangement: Arrangement, *, format: str = "toml") -> str:
    """The file form of ``arrangement`` as text: ``"toml"`` (with the festivals' Chinese
    names as comments) or ``"json"``; :func:`load_arrangement` reads either back.

    >>> from datetime import date
    >>> arr = Arrangement(2027, [date(2027, 1, 1)], [], holidays={date(2027, 1, 1): "元旦"},
    ...                   notice_title="t", partial=True, partial_reason="元旦 only")
    >>> print(dump_arrangement(arr))
    year = 2027
    notice_title = "t"
    partial = true
    partial_reason = "元旦 only"
    <BLANKLINE>
    [[holidays]]
    festival = "new_years_day"  # 元旦
    days_off = ["2027-01-01"]
    <BLANKLINE>
    """
    if not isinstance(arrangement, Arrangement):
        raise InputError(
            f"arrangement: expected an Arrangement, got {short_repr(arrangement)} (应为节假日安排)"
        )
    doc = arrangement_to_document(arrangement)
    if format == "json":
        return dump_json(doc)
    if format != "toml":
        raise InputError(f"format: expected toml or json, got {short_repr(format)} (格式无效)")

    def value(item: Any) -> str:
        if isinstance(item, bool):
            return "true" if item else "false"
        if isinstance(item, int):
            return str(item)
        if isinstance(item, list):
            return "[" + ", ".join(value(v) for v in item) + "]"
        return json.dumps(item, ensure_ascii=False)  # a TOML basic string

    lines = [f"{key} = {value(item)}" for key, item in doc.items() if key != "holidays"]
    for entry in doc["holidays"]:
        lines += ["", "[[holidays]]"]
        for key, item in entry.items():
            note = f"  # {Festival.parse(item).label}" if key == "festival" else ""
            lines.append(f"{key} = {value(item)}{note}")
    return "\n".join(lines) + "\n"
