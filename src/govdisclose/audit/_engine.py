"""The audit engine: :class:`Auditor` reads rows once, keeps counters, never the records.

Memory is constant in the number of records: per item a handful of counters; caches of
parsed dates and of due dates per (time-limit rule, formed date), each cleared when it
reaches :data:`CACHE_LIMIT` entries; at most ``max_listed`` findings per code.  Due dates
come from the calendar's table arithmetic (:meth:`WorkCalendar.add_workdays`), so the cost of
a record does not depend on the length of its period.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._dates import check_date
from .._errors import InputError, UnknownYearError, short_repr
from .._model import Catalogue
from .._vocabulary import Domain, normalize_text
from ..deadlines._deadline import workdays_late
from ..findings import Finding
from ._listing import (
    bad_record_finding,
    invalid_result,
    listed_finding,
    record_path,
    record_result,
)
from ._log_record import BadRow, LogRecord, date_ordinal
from ._logfile import LogSource, printable, source_from_records
from ._plans import CACHE_LIMIT, Entry, Plan, catalogue_map, plan_key
from ._problems import describe_problems, row_problems
from ._result import BAD_RECORD, LATE, OVERDUE, AuditResult, RecordResult

if TYPE_CHECKING:
    from ..calendar._workcalendar import WorkCalendar

__all__ = ["CACHE_LIMIT", "DEFAULT_MAX_LISTED", "Auditor"]

#: Findings listed per code by default; counts are always complete.
DEFAULT_MAX_LISTED = 1000
#: Distinct unknown item names tracked one by one per audit (the rest are counted together).
MAX_UNKNOWN_NAMES = 1000

_ON_TIME, _LATE, _OVERDUE, _PENDING, _NA, _PROVISIONAL = range(6)


class Auditor:
    """Audits publication-log records against catalogues; feed it, then ask for the result.

    ``catalogues`` replace the standard catalogue of their domain (a mapping domain →
    catalogue, or catalogues keyed by their own ``domain``, or one catalogue); other domains
    use the standard.
    ``calendar`` defaults to :func:`govdisclose.calendar.default_calendar`.  Records are
    counted as they are fed (:meth:`run`, :meth:`iter`); :meth:`result` may be called at any
    time.  An auditor is not thread-safe.
    """

    def __init__(
        self,
        *,
        as_of: dt.date,
        catalogues: Mapping[Any, Catalogue] | Iterable[Catalogue] | Catalogue | None = None,
        calendar: WorkCalendar | None = None,
        max_listed: int = DEFAULT_MAX_LISTED,
        subject: str = "records",
    ) -> None:
        as_of = check_date(as_of, "as_of")
        if isinstance(max_listed, bool) or not isinstance(max_listed, int) or max_listed < 0:
            raise InputError(
                f"max_listed must be a number ≥ 0, not {short_repr(max_listed)} (应为非负整数)"
            )
        if not isinstance(subject, str):
            raise InputError(f"subject must be text, not {type(subject).__name__} (应为文本)")
        from ..calendar._workcalendar import check_calendar

        self.calendar = calendar = check_calendar(calendar, where="calendar")
        self.provisional = bool(getattr(calendar, "provisional", True))
        #: Years whose arrangement is marked partial (results through them are marked).
        self.partial_years: frozenset[int] = frozenset(
            calendar.partial_years(dt.date(1950, 1, 1), dt.date(2199, 12, 31))
        )
        #: The ordinal of the earliest formation date of a usable record (0: none yet).
        self.first_formed = 0
        self.as_of = as_of
        self.max_listed = max_listed
        self.subject = subject
        self.format = "records"
        self.encoding: str | None = None
        self.records = 0
        self.invalid = 0
        self.after_as_of = 0
        self.formed_after = 0
        #: Where the first record formed after ``as_of`` is.
        self.formed_after_first: str | None = None
        #: Where and why the first unusable record could not be used.
        self.first_problem: str | None = None
        self.ignored: set[str] = set()
        self._listed: list[Finding] = []
        self._listed_counts = {LATE.code: 0, OVERDUE.code: 0, BAD_RECORD.code: 0}
        self._unlisted = dict.fromkeys(self._listed_counts, 0)
        self._reasons: list[tuple[str, int | None]] = []
        self._reason_index: dict[tuple[str, int | None], int] = {}
        self._dates: dict[Any, int] = {}
        self._spans: dict[int, tuple[int | None, bool]] = {}
        self._plans: dict[tuple[Any, ...], Plan] = {}
        self._entries: dict[Domain, list[Entry]] = {}
        self._lookup: dict[Domain, dict[str, Entry | None]] = {}
        self._item_caches: dict[Domain, dict[Any, Entry]] = {}
        self._domain_items: dict[Any, dict[Any, Entry]] = {}
        self._unknown_domains: set[Any] = set()
        self._unknown: dict[tuple[Domain, Any], Entry] = {}
        self._unknown_overflow: dict[Domain, Entry] = {}
        for domain, catalogue in catalogue_map(catalogues).items():
            self._index_catalogue(domain, catalogue)

    # -- set-up -------------------------------------------------------------------------------

    def _index_catalogue(self, domain: Domain, catalogue: Catalogue) -> None:
        entries: list[Entry] = []
        lookup: dict[str, Entry | None] = {}
        for item in catalogue.items:
            key = plan_key(item)
            plan = self._plans.get(key)
            if plan is None:
                kind = key[0]
                params: dict[str, Any]
                if kind == "workdays":
                    params = {"days": key[1]}
                elif kind == "fixed":
                    params = {"month_day": (key[1], key[2])}
                elif kind == "reason":
                    params = {"rule": key[1]}
                else:
                    params = {"rule": key[1], "level": key[2]}
                plan = Plan(kind, calendar=self.calendar, reason=self._reason, **params)
                self._plans[key] = plan
            entry = Entry(domain, item, plan)
            entries.append(entry)
            for name in {item.id, item.name, normalize_text(item.id), normalize_text(item.name)}:
                # A name several items share finds none of them (None marks it ambiguous).
                lookup[name] = entry if lookup.get(name, entry) is entry else None
        self._entries[domain] = entries
        self._lookup[domain] = lookup
        self._item_caches[domain] = {}

    def _reason(self, code: str, year: int | None = None) -> int:
        """The negative index standing for a not-assessable reason (and year)."""
        key = (code, year)
        index = self._reason_index.get(key)
        if index is None:
            self._reasons.append(key)
            index = self._reason_index[key] = -len(self._reasons)
        return index

    def _items_for_domain(self, value: Any) -> dict[Any, Entry] | None:
        if value in self._unknown_domains:
            return None
        domain = Domain.try_parse(value)
        if domain is None:
            if len(self._unknown_domains) < MAX_UNKNOWN_NAMES:
                self._unknown_domains.add(value)
            return None
        items = self._item_caches[domain]
        if len(self._domain_items) < MAX_UNKNOWN_NAMES:
            self._domain_items[value] = items
        return items

    def _resolve_item(self, items: dict[Any, Entry], domain_value: Any, value: Any) -> Entry | None:
        """The entry for an item text (an unknown-item entry if the catalogue lacks it)."""
        if not isinstance(value, str) or not value.strip():
            return None
        domain = Domain.parse(domain_value)
        lookup = self._lookup[domain]
        found = lookup.get(value, False)
        if found is False:
            found = lookup.get(normalize_text(value), False)
        if isinstance(found, Entry):
            entry = found
        else:
            reason = "ambiguous_item" if found is None else "unknown_item"
            key = (domain, value.strip())
            unknown = self._unknown.get(key)
            if unknown is None:
                if len(self._unknown) < MAX_UNKNOWN_NAMES:
                    unknown = self._unknown[key] = Entry(domain, None, None, value.strip())
                else:
                    unknown = self._unknown_overflow.get(domain)
                    if unknown is None:
                        unknown = self._unknown_overflow[domain] = Entry(domain, None, None)
            entry = unknown
            entry.reasons.setdefault(self._reason(reason), 0)
        if len(items) < CACHE_LIMIT:
            items[value] = entry
        return entry

    def _date(self, value: Any) -> int:
        ordinal = date_ordinal(value)
        dates = self._dates
        if len(dates) >= CACHE_LIMIT:
            dates.clear()
        with contextlib.suppress(TypeError):  # unhashable: not a date anyway
            dates[value] = ordinal
        return ordinal

    def _span(self, start: int, end: int) -> tuple[int | None, bool]:
        """Working days in (start, end] and whether an estimated year is involved."""
        key = start * 4_194_304 + end
        cached = self._spans.get(key)
        if cached is not None:
            return cached
        a, b = dt.date.fromordinal(start), dt.date.fromordinal(end)
        try:
            result: tuple[int | None, bool] = (
                workdays_late(self.calendar, a, b),
                self.provisional and bool(self.calendar.estimated_years(a, b)),
            )
        except UnknownYearError:
            result = (None, False)
        if len(self._spans) >= CACHE_LIMIT:
            self._spans.clear()
        self._spans[key] = result
        return result

    def result(self) -> AuditResult:
        """The summary and findings of everything audited so far."""
        from ._summary import build_result

        return build_result(self)

    # -- feeding ------------------------------------------------------------------------------

    def run(
        self,
        records: LogSource | Iterable[Mapping[str, Any] | LogRecord],
        *,
        on_record: Any = None,
    ) -> None:
        """Audit every record; call ``on_record(RecordResult)`` for each when given."""
        if on_record is not None and not callable(on_record):
            raise InputError(
                f"on_record must be callable, not {type(on_record).__name__} (on_record 须可调用)"
            )
        source = records if isinstance(records, LogSource) else source_from_records(records)
        if on_record is None:
            for _ in self._evaluate(source, False):  # yields nothing: counters only
                pass
        else:
            for result in self._evaluate(source, True):
                on_record(result)

    def iter(
        self, records: LogSource | Iterable[Mapping[str, Any] | LogRecord]
    ) -> Iterator[RecordResult]:
        """Audit the records lazily, yielding a :class:`RecordResult` for each."""
        source = records if isinstance(records, LogSource) else source_from_records(records)
        return self._evaluate(source, True)

    def _evaluate(self, source: LogSource, want: bool) -> Iterator[RecordResult]:
        self.format, self.encoding = source.format, source.encoding
        if self.subject == "records" and source.has_lines:
            self.subject = source.name
        try:
            while True:
                try:
                    yield from self._loop(source, want)
                    return
                except csv.Error as exc:  # a broken CSV record; the reader goes on after it
                    bad = BadRow(("bad_csv",), str(exc))
                    result = self._invalid(source, source.counter.line_num, bad, bad.problems)
                    if want:
                        yield invalid_result(
                            source, result, source.counter.line_num, bad, bad.problems
                        )
        finally:
            self.ignored |= source.ignored

    def _loop(self, source: LogSource, want: bool) -> Iterator[RecordResult]:
        """The hot loop: a few dictionary look-ups and counter increments per record."""
        columns = source.columns
        di, ii, fi, pi = columns[0], columns[1], columns[2], columns[3]
        assert di is not None and ii is not None and fi is not None and pi is not None
        width = source.width
        counter = source.counter
        # Lines with undecodable bytes read since the last look (this log's own counter).
        undecodable = source.undecodable
        dates = self._dates
        domain_items = self._domain_items
        as_of = self.as_of.toordinal()
        past_due = self._past_due
        has_lines = source.has_lines
        last = counter.line_num
        for row in source.rows:
            line = last + 1
            last = counter.line_num
            if len(row) != width or undecodable[0]:
                undecodable[0] = 0  # this row holds every line counted: look at it, once
                problems = row_problems(row, columns, width)
                if problems is not None:
                    if problems:  # () is a blank line: nothing to audit
                        index = self._invalid(source, line, row, problems)
                        if want:
                            yield invalid_result(source, index, line, row, problems)
                    continue
            d = row[di]
            items = domain_items.get(d)
            if items is None:
                items = self._items_for_domain(d)
            it = row[ii]
            entry = None if items is None else items.get(it)
            f = row[fi]
            fo = dates.get(f)
            if fo is None:
                fo = self._date(f)
            p = row[pi]
            if p:
                po = dates.get(p)
                if po is None:
                    po = self._date(p)
                if po == -1:  # blank: not published
                    po = 0
                elif po == 0:  # not a date: an invalid record, below
                    po = -1
            else:
                po = 0
            if entry is None and items is not None:
                entry = self._resolve_item(items, d, it)
            if entry is None or fo <= 0 or po < 0 or (po and po < fo):
                problems = row_problems(row, columns, width)
                if problems != ():
                    problems = problems or ("unusable",)
                    index = self._invalid(source, line, row, problems)
                    if want:
                        yield invalid_result(source, index, line, row, problems)
                continue
            index = self.records
            self.records = index + 1
            if fo < self.first_formed or not self.first_formed:
                self.first_formed = fo
            if fo > as_of:  # not yet formed on the as-of date: a wrong year? (pending)
                self.formed_after += 1
                if self.formed_after_first is None:
                    self.formed_after_first = record_path(source, index, line)
            plan = entry.plan
            counts = entry.counts
            due = days = 0
            provisional = False
            if po > as_of:  # published after the as-of date: not yet published on it
                self.after_as_of += 1
                evaluated = 0
            else:
                evaluated = po
            if plan is None:  # an item the catalogue does not have
                counts[_NA] += 1
                status = _NA
                if entry.first_index is None:
                    entry.first_line = line if has_lines else None
                    entry.first_index = index
            else:
                due = plan.dues.get(fo)  # type: ignore[assignment]
                if due is None:
                    due = plan.compute(fo)
                if due <= 0:
                    counts[_NA] += 1
                    status = _NA
                    entry.reasons[due] = entry.reasons.get(due, 0) + 1
                elif evaluated:
                    if evaluated <= due:
                        counts[_ON_TIME] += 1
                        status = _ON_TIME
                        if plan.estimated and fo in plan.estimated:
                            provisional = True
                            counts[_PROVISIONAL] += 1
                    else:
                        status = _LATE
                        days, provisional = past_due(  # type: ignore[assignment]
                            _LATE, source, index, line, row, entry, fo, due, evaluated
                        )
                elif as_of > due:
                    status = _OVERDUE
                    days, provisional = past_due(  # type: ignore[assignment]
                        _OVERDUE, source, index, line, row, entry, fo, due, as_of
                    )
                else:
                    counts[_PENDING] += 1
                    status = _PENDING
                    if plan.estimated and fo in plan.estimated:
                        provisional = True
                        counts[_PROVISIONAL] += 1
            if want:
                partial = False
                if self.partial_years and due > 0:
                    end = max(due, evaluated or as_of)
                    first, last = dt.date.fromordinal(fo).year, dt.date.fromordinal(end).year
                    partial = any(y in self.partial_years for y in range(first, last + 1))
                reason = self._reasons[-due - 1] if status == _NA and due < 0 else None
                if plan is None:
                    reason = self._reasons[-next(iter(entry.reasons)) - 1]
                yield record_result(
                    source,
                    index,
                    line,
                    row,
                    status,
                    entry,
                    fo,
                    po,
                    due,
                    days,
                    provisional,
                    reason,
                    partial,
                )

    def _past_due(
        self,
        status: int,
        source: LogSource,
        index: int,
        line: int,
        row: Sequence[Any],
        entry: Entry,
        formed: int,
        due: int,
        end: int,
    ) -> tuple[int | None, bool]:
        """Count a late (``end``: published) or overdue (``end``: as of) record; list it."""
        entry.counts[status] += 1
        days, provisional = self._span(due, end)
        provisional = provisional or formed in entry.plan.estimated  # type: ignore[union-attr]
        if provisional:
            entry.counts[_PROVISIONAL] += 1
        if status == _LATE:
            if days is not None and (entry.max_late is None or days > entry.max_late):
                entry.max_late = days
            definition = LATE
        else:
            if days is not None and (entry.max_overdue is None or days > entry.max_overdue):
                entry.max_overdue = days
            definition = OVERDUE
        code = definition.code
        if self._listed_counts[code] < self.max_listed:
            self._listed_counts[code] += 1
            published = end if status == _LATE else 0
            self._listed.append(
                listed_finding(
                    definition,
                    source,
                    index,
                    line,
                    row,
                    entry,
                    formed,
                    due,
                    published,
                    days,
                    self.as_of,
                )
            )
        else:
            self._unlisted[code] += 1
        return days, provisional

    def _invalid(
        self, source: LogSource, line: int, row: Sequence[Any], problems: tuple[str, ...]
    ) -> int:
        """Count a record that cannot be used, list it; return its index."""
        index = self.records
        self.records += 1
        self.invalid += 1
        if self.first_problem is None:
            zh, en = describe_problems(problems, row, source.columns, source.width)
            where = f"line {line}" if source.has_lines else f"$[{index}]"
            self.first_problem = printable(f"{where}: {en} ({zh})")
        code = BAD_RECORD.code
        if self._listed_counts[code] < self.max_listed:
            self._listed_counts[code] += 1
            self._listed.append(bad_record_finding(source, index, line, row, problems))
        else:
            self._unlisted[code] += 1
        return index
