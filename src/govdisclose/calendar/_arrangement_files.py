"""The file form of a holiday arrangement: reading and writing ``.toml`` and ``.json`` files.

:func:`load_arrangement` reads a file (any encoding :func:`~govdisclose._files.decode_text`
accepts, at most :data:`MAX_FILE_BYTES`), :func:`arrangement_from_document` checks the parsed
document and builds the :class:`~govdisclose.calendar.Arrangement`, collecting every problem
into one :class:`~govdisclose._errors.CalendarDataError`, and :func:`arrangement_to_document`
writes the document back.  The form itself (one entry per festival; dates and inclusive
``start/end`` ranges) is described with
:mod:`govdisclose.calendar._arrangement`, which exports these
functions and is where they are documented; the JSON Schema is
:mod:`govdisclose.schemas._arrangement`.

>>> from govdisclose.calendar._arrangement_files import (
...     arrangement_from_document, arrangement_to_document)
>>> doc = {"year": 2027, "notice_title": "t", "partial": True, "partial_reason": "国庆节 only",
...        "holidays": [{"festival": "national_day", "days_off": ["2027-10-01/2027-10-07"],
...                      "makeup_workdays": ["2027-09-26", "2027-10-09"]}]}
>>> arrangement_to_document(arrangement_from_document(doc)) == doc
True
>>> arrangement_from_document({"year": 2027, "notice_title": "t",
...     "holidays": [{"days_off": ["2027-10-01", "2027-10-07/2027-10-01"]}]})
Traceback (most recent call last):
...
govdisclose._errors.CalendarDataError: <arrangement>: $.holidays[0]...forwards...
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._dates import DateRefusal, is_int, read_iso_date
from .._errors import CalendarDataError, InputError, VocabularyError, short_repr
from .._files import decode_text, parse_json, read_bytes
from ._festivals import Festival

if TYPE_CHECKING:
    from ._arrangement import Arrangement

# govdisclose.calendar._arrangement imports this module to export its functions: the model is
# imported
# where it is used, not here (by then it is loaded).

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_RANGE_DAYS",
    "arrangement_from_document",
    "arrangement_to_document",
    "dump_arrangement",
    "load_arrangement",
]

#: Longest range accepted in a file (a break is at most nine days; a month is plenty).
MAX_RANGE_DAYS = 31
#: Arrangement files larger than this are refused before reading.
MAX_FILE_BYTES = 1024 * 1024

_TOP_KEYS = {
    "$schema",
    "year",
    "notice_title",
    "notice_number",
    "notice_date",
    "partial",
    "partial_reason",
    "holidays",
}
_ENTRY_KEYS = {"festival", "days_off", "makeup_workdays"}


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
    :class:`~govdisclose._errors.CalendarDataError` naming ``where`` (the file) and each field.
    """
    from ._arrangement import (
        YEARS,
        Arrangement,
        _error,
        _semantic_problems,
        completeness_problems,
    )

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
    partial = doc.get("partial", False)
    if not isinstance(partial, bool):
        problems.append(
            f"$.partial: expected true or false, got {short_repr(partial)} (应为布尔值)"
        )
        partial = False
    reason = _optional_text(doc, "partial_reason", problems)
    if partial and reason is None and "partial_reason" not in doc:
        problems.append(
            "$.partial_reason: missing: a partial arrangement says why it lacks festivals "
            "(部分安排须说明原因)"
        )
    if not partial and "partial_reason" in doc:
        problems.append("$.partial_reason: given, but partial is not true (非部分安排不应填写原因)")
    if year is not None:
        problems += _semantic_problems(year, entries)
        if not any(not makeup for _, makeup, _ in entries) and holidays:
            problems.append("$.holidays: no day off is listed (没有放假日期)")
    if problems or year is None:
        raise _error(where, problems)
    arrangement = Arrangement(
        year=year,
        days_off=[d for d, makeup, _ in entries if not makeup],
        makeup_workdays=[d for d, makeup, _ in entries if makeup],
        holidays=festivals,
        notice_title=title or "",
        notice_number=number,
        notice_date=notice_date,
        partial=partial,
        partial_reason=reason if partial else None,
    )
    if not partial:
        missing = completeness_problems(arrangement)
        if missing:
            raise _error(
                where,
                [f"$.holidays: {p}" for p in missing]
                + [
                    "$.partial: a file that knowingly lacks festivals says partial = true and "
                    'partial_reason = "…" (如确属部分安排，请注明 partial = true 及原因)'
                ],
            )
    return arrangement


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
    as :func:`govdisclose._files.decode_text` reads every text file.  Raises
    :class:`~govdisclose._errors.InputError` for a missing, unreadable or too large file
    (more than 1 MiB) and :class:`~govdisclose._errors.CalendarDataError` (naming the
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
    >>> from govdisclose.calendar._arrangement import Arrangement
    >>> arr = Arrangement(2027, [date(2027, 1, 1)], [], notice_title="t")
    >>> arrangement_to_document(arr)
    {'year': 2027, 'notice_title': 't', 'holidays': [{'days_off': ['2027-01-01']}]}
    """
    from ._arrangement import Arrangement

    if not isinstance(arrangement, Arrangement):
        raise InputError(
            f"arrangement: expected an Arrangement, got {short_repr(arrangement)} (应为节假日安排)"
        )
    doc: dict[str, Any] = {"year": arrangement.year, "notice_title": arrangement.notice_title}
    if arrangement.notice_number:
        doc["notice_number"] = arrangement.notice_number
    if arrangement.notice_date:
        doc["notice_date"] = arrangement.notice_date.isoformat()
    if arrangement.partial:
        doc["partial"] = True
        doc["partial_reason"] = arrangement.partial_reason
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


def dump_arrangement(arrangement: Arrangement, *, format: str = "toml") -> str:
    """The file form of ``arrangement`` as text: ``"toml"`` (with the festivals' Chinese
    names as comments) or ``"json"``; :func:`load_arrangement` reads either back.

    >>> from datetime import date
    >>> from govdisclose.calendar._arrangement import Arrangement
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
    import json

    from .._files import dump_json

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
