"""The audit engine: :class:`Auditor` reads rows once, keeps counters, never the records.

The loop over records looks up the record's item and dates, takes the judgement of its
formed and published dates (:class:`~govdisclose.audit._tally.Outlook`: the one due-date
engine, :func:`govdisclose.deadlines.due_date` and :func:`~govdisclose.deadlines.judge`,
remembered per time limit and formed date) and counts the record by its judgement.  Memory is
constant in the number of records: per item the counts by judgement; caches of dates and
judgements, each cleared when it reaches ``CACHE_LIMIT`` entries; at most ``max_listed``
findings per code.  A CSV record running over many lines (a stray quote) is read again line
by line.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._dates import check_date
from .._errors import InputError, short_repr
from .._model import Catalogue
from .._vocabulary import Domain, normalize_text
from ..deadlines import Status, Timeliness
from ._decoding import printable
from ._listing import (
    bad_record_finding,
    invalid_result,
    listed_finding,
    record_path,
    record_result,
)
from ._log_record import NOT_A_DATE, BadRow, LogRecord, NotADate, log_date
from ._logfile import LogSource, source_from_records
from ._problems import describe_problems, row_problems
from ._result import BAD_RECORD, LATE, OVERDUE, AuditResult, RecordResult
from ._summary import build_result
from ._tally import CACHE_LIMIT, AuditTally, ItemTally, Timing, catalogue_map
from ._tally import LATE as LATE_STATUS
from ._tally import OVERDUE as OVERDUE_STATUS

if TYPE_CHECKING:
    from ..calendar import WorkCalendar

#: Findings listed per code by default; counts are always complete.
DEFAULT_MAX_LISTED = 1000
#: Distinct unknown item names tracked one by one per audit (the rest are counted together).
MAX_UNKNOWN_NAMES = 1000

#: The most lines one CSV record may span (a quoted field with line breaks); a record over
#: more lines, or one whose fields do not fit the header, is taken for a stray quote that ran
#: on: its first line is a bad record and the lines after it are read again on their own.
MAX_LINES_PER_RECORD = 20

#: A value not yet in the date cache.
_UNREAD: Any = object()
_UNKNOWN_ITEM = Timeliness(Status.NOT_ASSESSABLE, reason="unknown_item")
_AMBIGUOUS_ITEM = Timeliness(Status.NOT_ASSESSABLE, reason="ambiguous_item")

#: An item text for a domain: the tally of the item it names (``None``: no item).
_Items = dict[Any, ItemTally | None]


class _RunOn(Exception):
    """A CSV record ran over lines ``first`` to ``last`` (an unbalanced quote)."""

    def __init__(self, first: int, last: int) -> None:
        super().__init__(first, last)
        self.first, self.last = first, last


class _Replay:
    """Lines ``first`` to ``last`` of a CSV log read again, one record a line.

    The first line, where the quote opened (or the csv module stopped), is a bad record
    saying so; each line after it is read on its own.  ``line_num`` is the line last read,
    like a CSV reader's.
    """

    def __init__(self, source: LogSource, first: int, last: int, detail: str) -> None:
        self.source, self.first, self.last = source, first, last
        self.detail = detail
        self.line_num = first - 1

    def rows(self) -> Iterator[Sequence[Any]]:
        window, first, last = self.source.window, self.first, self.last
        held = window.lines(first, last) if window is not None and last > first else None
        if self.detail:
            message = self.detail
        else:
            message = (
                f"a quote opened on line {first} is not closed on that line, so the csv "
                f"reader ran on to line {last}; the lines after it are read on their own "
                f"(引号不成对)"
            )
        if last > first and held is None:
            message += f"; lines {first + 1}–{last} could not be read again"
        self.line_num = first
        yield BadRow(("bad_csv",), message)
        delimiter = "\t" if self.source.format == "tsv" else ","
        for number, text in enumerate(held[1:] if held else (), start=first + 1):
            self.line_num = number
            try:
                row = next(csv.reader([text], delimiter=delimiter), [])
            except csv.Error as exc:
                yield BadRow(("bad_csv",), str(exc))
                continue
            if row and row[-1].endswith(("\n", "\r")):  # this line's own quote is not closed
                yield BadRow(("bad_csv",), f"a quote opened on line {number} is not closed")
            else:
                yield row
        self.line_num = last


class Auditor:
    """Audits publication-log records against catalogues; feed it, then ask for the result.

    ``catalogues`` replace the standard catalogue of their domain (a mapping domain →
    catalogue, or catalogues keyed by their own ``domain``, or one catalogue); other domains
    use the standard.  ``calendar`` defaults to
    :func:`govdisclose.calendar.default_calendar`.  ``start`` is the index of the first
    record (for a part of a longer list of records: findings then name the record's place in
    the whole).  Records are counted as they are fed (:meth:`run`, :meth:`iter`);
    :meth:`result` may be called at any time.  An auditor is not thread-safe.
    """

    def __init__(
        self,
        *,
        as_of: dt.date,
        catalogues: Mapping[Any, Catalogue] | Iterable[Catalogue] | Catalogue | None = None,
        calendar: WorkCalendar | None = None,
        max_listed: int = DEFAULT_MAX_LISTED,
        subject: str = "records",
        start: int = 0,
    ) -> None:
        as_of = check_date(as_of, "as_of")
        for name, value in (("max_listed", max_listed), ("start", start)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise InputError(
                    f"{name} must be a number ≥ 0, not {short_repr(value)} (应为非负整数)"
                )
        if not isinstance(subject, str):
            raise InputError(f"subject must be text, not {type(subject).__name__} (应为文本)")
        from ..calendar import check_calendar

        self.calendar = check_calendar(calendar, where="calendar")
        self.as_of = as_of
        self.start = start
        self.tally = AuditTally(as_of, max_listed, subject)
        #: Each domain's item texts (ids, names, normalized) → the item's tally.
        self._names: dict[Domain, dict[str, ItemTally | None]] = {}
        #: Item texts seen in the log, per domain text as written (a cache).
        self._items: dict[Any, _Items] = {}
        self._items_of: dict[Domain, _Items] = {domain: {} for domain in Domain}
        self._unknown_domains: set[Any] = set()
        #: Dates by the text (or value) they were read from (a cache).
        self._dates: dict[Any, dt.date | NotADate | None] = {}
        timings: dict[tuple[Any, int | None], Timing] = {}
        for domain, catalogue in catalogue_map(catalogues).items():
            names: dict[str, ItemTally | None] = {}
            for item in catalogue.items:
                rule, level = item.time_limit.rule, item.time_limit.service_level_workdays
                timing = timings.get((rule, level))
                if timing is None:
                    timing = timings[rule, level] = Timing(rule, level, self.calendar, as_of)
                tally = ItemTally(domain, item, timing)
                self.tally.items.append(tally)
                for name in {
                    item.id,
                    item.name,
                    normalize_text(item.id),
                    normalize_text(item.name),
                }:
                    # A name several items share finds none of them (None marks it ambiguous).
                    names[name] = tally if names.get(name, tally) is tally else None
            self._names[domain] = names

    # -- looking things up --------------------------------------------------------------------

    def _domain_items(self, value: Any) -> _Items | None:
        """The item cache of a domain as the log writes it; ``None`` for an unknown domain."""
        items = self._items.get(value)
        if items is not None or value in self._unknown_domains:
            return items
        domain = Domain.parse(value, default=None)
        if domain is None:
            if len(self._unknown_domains) < MAX_UNKNOWN_NAMES:
                self._unknown_domains.add(value)
            return None
        items = self._items_of[domain]
        if len(self._items) < MAX_UNKNOWN_NAMES:
            self._items[value] = items
        return items

    def _item(self, items: _Items, domain_value: Any, value: Any) -> ItemTally | None:
        """The tally of an item text: its catalogue item's, or an unknown item's."""
        if not isinstance(value, str) or not value.strip():
            return None
        domain = Domain.parse(domain_value)
        names = self._names[domain]
        found = names.get(value, False)
        if found is False:
            found = names.get(normalize_text(value), False)
        if isinstance(found, ItemTally):
            tally = found
        else:
            tally = self._unknown_item(domain, value.strip(), found is None)
        if len(items) < CACHE_LIMIT:
            items[value] = tally
        return tally

    def _unknown_item(self, domain: Domain, text: str, ambiguous: bool) -> ItemTally:
        unknown = self.tally.unknown
        tally = unknown.get((domain, text))
        if tally is None:
            judged = _AMBIGUOUS_ITEM if ambiguous else _UNKNOWN_ITEM
            if len(unknown) < MAX_UNKNOWN_NAMES:
                tally = unknown[domain, text] = ItemTally(domain, None, text=text, unknown=judged)
            else:
                overflow = self.tally.unknown_overflow
                tally = overflow.get(domain)
                if tally is None:
                    tally = overflow[domain] = ItemTally(domain, None, unknown=judged)
        return tally

    def _date(self, value: Any) -> dt.date | NotADate | None:
        dates = self._dates
        if len(dates) >= CACHE_LIMIT:
            dates.clear()
        day = log_date(value)
        with contextlib.suppress(TypeError):  # unhashable: not a date anyway
            dates[value] = day
        return day

    def result(self) -> AuditResult:
        """The summary and findings of everything audited so far."""
        first, as_of = self.tally.first_formed, self.as_of
        partial = (
            () if first is None or first > as_of else self.calendar.partial_years(first, as_of)
        )
        return build_result(self.tally, partial)

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
        tally = self.tally
        tally.format, tally.encoding = source.format, source.encoding
        if tally.subject == "records" and source.has_lines:
            tally.subject = source.name
        rows, counter = source.rows, source.counter
        try:
            while True:
                try:
                    yield from self._loop(source, rows, counter, want)
                    return
                except _RunOn as run_on:  # a quote ran over line ends: read them again
                    first, last, detail = run_on.first, run_on.last, ""
                except csv.Error as exc:  # a broken CSV record; the reader goes on after it
                    first, last, detail = self._last_line + 1, counter.line_num, str(exc)
                replay = _Replay(source, first, last, detail)
                yield from self._loop(source, replay.rows(), replay, want)
        finally:
            tally.ignored |= source.ignored
            tally.encoding = source.encoding  # an ASCII start lets later bytes decide it

    def _loop(
        self, source: LogSource, rows: Iterable[Sequence[Any]], counter: Any, want: bool
    ) -> Iterator[RecordResult]:
        """The loop over records: look up, judge (memoized), count; list what needs it.

        ``counter.line_num`` is the last line read (the rows' own counter).
        """
        tally = self.tally
        columns = source.columns
        domain_at, item_at, formed_at, published_at = columns[0], columns[1], columns[2], columns[3]
        assert domain_at is not None and item_at is not None
        assert formed_at is not None and published_at is not None
        width = source.width
        window = source.window
        # Lines with undecodable bytes read since the last look (this log's own counter).
        undecodable = source.undecodable
        dates = self._dates
        read_date = self._date
        domain_items = self._items
        as_of = self.as_of
        start = self.start
        first_formed = tally.first_formed or dt.date.max  # the earliest so far
        last_line = counter.line_num
        try:
            for row in rows:
                line = last_line + 1
                last_line = counter.line_num
                if len(row) != width or undecodable[0] or last_line != line:
                    if (
                        last_line != line
                        and window is not None
                        and (len(row) != width or last_line - line >= MAX_LINES_PER_RECORD)
                    ):
                        raise _RunOn(line, last_line)  # a stray quote ran over line ends
                    undecodable[0] = 0  # this row holds every line counted: look at it, once
                    problems = row_problems(row, columns, width)
                    if problems is not None:
                        if problems:  # () is a blank line: nothing to audit
                            index = self._unusable(source, line, row, problems)
                            if want:
                                yield invalid_result(source, index, line, row, problems)
                        continue
                domain_text, item_text = row[domain_at], row[item_at]
                items = domain_items.get(domain_text)
                if items is None:
                    items = self._domain_items(domain_text)
                item = None
                if items is not None:
                    item = items.get(item_text)
                    if item is None:
                        item = self._item(items, domain_text, item_text)
                formed_text, published_text = row[formed_at], row[published_at]
                # A date is looked up by its text; a date-time (longer) is read by its parts.
                formed = dates.get(formed_text, _UNREAD)
                if formed is _UNREAD:
                    long = formed_text.__class__ is str and len(formed_text) > 10
                    formed = log_date(formed_text) if long else read_date(formed_text)
                published = dates.get(published_text, _UNREAD)
                if published is _UNREAD:
                    long = published_text.__class__ is str and len(published_text) > 10
                    published = log_date(published_text) if long else read_date(published_text)
                if (
                    item is None
                    or formed is None
                    or formed is NOT_A_DATE
                    or published is NOT_A_DATE
                    or (published is not None and published < formed)
                ):
                    problems = row_problems(row, columns, width)
                    if problems != ():
                        problems = problems or ("unusable",)
                        index = self._unusable(source, line, row, problems)
                        if want:
                            yield invalid_result(source, index, line, row, problems)
                    continue
                index = start + tally.records
                tally.records += 1
                if formed < first_formed:
                    first_formed = formed
                if formed > as_of:  # not yet formed on the as-of date: a wrong year? (pending)
                    tally.formed_after_as_of += 1
                    if tally.formed_after_first is None:
                        tally.formed_after_first = record_path(source, index, line)
                if published is not None and published > as_of:
                    tally.published_after_as_of += 1  # judged as not yet published on as_of
                timing = item.timing
                if timing is None:  # an item the catalogue does not have
                    judged = item.unknown
                    assert judged is not None
                    if item.first_index is None:
                        item.first_line = line if source.has_lines else None
                        item.first_index = index
                else:
                    outlook = timing.outlooks.get(formed)
                    if outlook is None:
                        outlook = timing.outlook(formed)
                    if published is None or published > as_of:
                        judged = outlook.unpublished
                    elif published <= outlook.deadline:
                        judged = outlook.on_time
                    else:
                        judged = timing.late(outlook, published)
                item.count(judged)
                status = judged.status
                if (status is LATE_STATUS or status is OVERDUE_STATUS) and tally.listing(
                    LATE.code if status is LATE_STATUS else OVERDUE.code
                ):
                    tally.listed.append(
                        listed_finding(
                            source, index, line, row, item, formed, published, judged, as_of
                        )
                    )
                if want:
                    yield record_result(source, index, line, row, item, formed, published, judged)
        finally:
            self._last_line = last_line
            if first_formed != dt.date.max:
                tally.first_formed = first_formed

    def _unusable(
        self, source: LogSource, line: int, row: Sequence[Any], problems: tuple[str, ...]
    ) -> int:
        """Count a record that cannot be used, list it; return its index."""
        tally = self.tally
        index = self.start + tally.records
        tally.records += 1
        tally.invalid += 1
        if tally.first_problem is None:
            zh, en = describe_problems(problems, row, source.columns, source.width)
            where = f"line {line}" if source.has_lines else f"$[{index}]"
            tally.first_problem = printable(f"{where}: {en} ({zh})")
        if tally.listing(BAD_RECORD.code):
            tally.listed.append(bad_record_finding(source, index, line, row, problems))
        return index
