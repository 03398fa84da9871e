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

import csv
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._dates import check_count, check_date
from .._errors import InputError
from .._vocabulary import Domain, normalize_text
from ..deadlines import Status, Timeliness
from ._decoding import printable
from ._listing import (
    bad_record_finding,
    listed_finding,
    record_path,
    record_result,
)
from ._log_record import (
    CACHE_LIMIT,
    BadRow,
    LogDates,
    LogRecord,
    describe_problems,
    row_problems,
)
from ._logfile import LineCounter, LogSource, source_from_records
from ._result import AuditResult, RecordResult
from ._summary import build_result
from ._tally import (
    AuditTally,
    Catalogues,
    ItemTally,
    Outlook,
    Timing,
    catalogue_map,
)

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

_UNKNOWN_ITEM = Timeliness(Status.NOT_ASSESSABLE, reason="unknown_item")
_AMBIGUOUS_ITEM = Timeliness(Status.NOT_ASSESSABLE, reason="ambiguous_item")


class _RunOn(Exception):
    """A CSV record ran over lines ``args[0]`` to ``args[1]`` (an unbalanced quote)."""


def _replay(
    source: LogSource, first: int, last: int, detail: str, counter: LineCounter
) -> Iterator[Sequence[Any]]:
    """Lines ``first`` to ``last`` of a CSV log read again, one record a line.

    The first line, where the quote opened (or the csv module stopped), is a bad record
    saying so; each line after it is read on its own.  ``counter.line_num`` is the line last
    read, like a CSV reader's.
    """
    window = source.window
    held = window.lines(first, last) if window is not None and last > first else None
    message = detail or (
        f"a quote opened on line {first} is not closed on that line, so the csv reader ran "
        f"on to line {last}; the lines after it are read on their own (引号不成对)"
    )
    if last > first and held is None:
        message += f"; lines {first + 1}–{last} could not be read again"
    counter.line_num = first
    yield BadRow(("bad_csv",), message)
    delimiter = "\t" if source.format == "tsv" else ","
    for number, text in enumerate(held[1:] if held else (), start=first + 1):
        counter.line_num = number
        try:
            row = next(csv.reader([text], delimiter=delimiter), [])
        except csv.Error as exc:
            yield BadRow(("bad_csv",), str(exc))
            continue
        if row and row[-1].endswith(("\n", "\r")):  # this line's own quote is not closed
            yield BadRow(("bad_csv",), f"a quote opened on line {number} is not closed")
        else:
            yield row
    counter.line_num = last


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
        catalogues: Catalogues = None,
        calendar: WorkCalendar | None = None,
        max_listed: int = DEFAULT_MAX_LISTED,
        subject: str = "records",
        start: int = 0,
    ) -> None:
        as_of = check_date(as_of, "as_of")
        check_count(max_listed, "max_listed")
        check_count(start, "start")
        if not isinstance(subject, str):
            raise InputError(f"subject must be text, not {type(subject).__name__} (应为文本)")
        from ..calendar import check_calendar

        self.calendar = check_calendar(calendar, where="calendar")
        self.as_of = as_of
        self.start = start
        self.tally = AuditTally(as_of, max_listed, subject)
        #: Each domain's item texts (ids, names, normalized) → the item's tally.
        self._names: dict[Domain, dict[str, ItemTally | None]] = {}
        #: The item each (domain, item) pair of values in the log names (a cache).
        self._items: dict[tuple[Any, Any], ItemTally | None] = {}
        #: Dates by the text (or value) they were read from (a cache).
        self._dates = LogDates()
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

    def _item(self, values: tuple[Any, Any]) -> ItemTally | None:
        """The tally of the item a record's domain and item values name (its catalogue
        item's, or an unknown item's), ``None`` for an unknown domain or no item text."""
        domain_value, value = values
        domain = Domain.parse(domain_value, default=None)
        if domain is None or not isinstance(value, str) or not value.strip():
            return None
        names = self._names[domain]
        found = names.get(value, False)
        if found is False:
            found = names.get(normalize_text(value), False)
        if not isinstance(found, ItemTally):
            found = self._unknown_item(domain, value.strip(), found is None)
        if len(self._items) >= CACHE_LIMIT:
            self._items.clear()
        self._items[values] = found
        return found

    def _unknown_item(self, domain: Domain, text: str, ambiguous: bool) -> ItemTally:
        unknown, overflow = self.tally.unknown, self.tally.unknown_overflow
        tally = unknown.get((domain, text)) or overflow.get(domain)
        if tally is None:
            judged = Outlook(_AMBIGUOUS_ITEM if ambiguous else _UNKNOWN_ITEM, self.as_of)
            tally = ItemTally(domain, None, unknown=judged)
            if len(unknown) < MAX_UNKNOWN_NAMES:
                tally.text = text
                unknown[domain, text] = tally
            else:
                overflow[domain] = tally
        return tally

    def _outlook(self, item: ItemTally, formed: dt.date, index: int, line: int) -> Outlook:
        """The outlook of ``item``'s records formed on ``formed``, made once.

        The first usable record of each formed date (per time limit, or per unknown item)
        comes here: so the earliest formation date is kept here, and where an unknown item
        is first named.
        """
        tally = self.tally
        if tally.first_formed is None or formed < tally.first_formed:
            tally.first_formed = formed
        if item.timing is not None:
            return item.timing.outlook(formed)  # remembered in the timing's outlooks
        outlook = item.unknown
        assert outlook is not None
        if item.first_index is None:
            item.first_line = line if tally.format != "records" else None
            item.first_index = index
        if len(item.outlooks) >= CACHE_LIMIT:
            item.outlooks.clear()
        item.outlooks[formed] = outlook
        return outlook

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
                    (first, last), detail = run_on.args, ""
                except csv.Error as exc:  # a broken CSV record; the reader goes on after it
                    first, last, detail = self._last_line + 1, counter.line_num, str(exc)
                replayed = LineCounter(first - 1)
                rows_again = _replay(source, first, last, detail, replayed)
                yield from self._loop(source, rows_again, replayed, want)
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
        columns, width, window = source.columns, source.width, source.window
        domain_at, item_at, formed_at, published_at = columns[:4]  # required: never None
        assert domain_at is not None and item_at is not None
        assert formed_at is not None and published_at is not None
        # Lines with undecodable bytes read since the last look (this log's own counter).
        undecodable = source.undecodable
        items, dates, read_date = self._items, self._dates.known, self._dates.read
        as_of, start = self.as_of, self.start
        room = tally.room  # how many more findings of a status may be listed
        listing = room[Status.LATE] > 0 or room[Status.OVERDUE] > 0
        records = tally.records  # read so far, usable or not: the next one's index - start
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
                            records = tally.records = records + 1
                            yield from self._unusable(source, records, line, row, problems, want)
                        continue
                names = (row[domain_at], row[item_at])
                item = items.get(names) or self._item(names)
                formed_text, published_text = row[formed_at], row[published_at]
                formed = dates[formed_text] if formed_text in dates else read_date(formed_text)
                published = (
                    dates[published_text] if published_text in dates else read_date(published_text)
                )
                if (
                    not item
                    or not formed  # None or NOT_A_DATE
                    or (published is not None and (not published or published < formed))
                ):
                    problems = row_problems(row, columns, width)
                    if problems != ():
                        records = tally.records = records + 1
                        problems = problems or ("unusable",)
                        yield from self._unusable(source, records, line, row, problems, want)
                    continue
                index = start + records
                records += 1
                outlook = item.outlooks.get(formed) or self._outlook(item, formed, index, line)
                if published is not None and published <= outlook.until:
                    judged = outlook.on_time  # the common case
                else:
                    if formed > as_of:  # not yet formed on the as-of date: a wrong year?
                        tally.formed_after_as_of += 1
                        if tally.formed_after_first is None:
                            tally.formed_after_first = record_path(source, index, line)
                    if published is None:
                        judged = outlook.unpublished
                    elif published > as_of:  # judged as not yet published on as_of
                        tally.published_after_as_of += 1
                        judged = outlook.unpublished
                    else:
                        assert outlook.timing is not None
                        judged = outlook.timing.late(outlook, published)
                    # Late and overdue records are listed, up to a limit.
                    if listing and room.get(judged.status):
                        room[judged.status] -= 1
                        tally.listed.append(
                            listed_finding(
                                source, index, line, row, item, formed, published, judged, as_of
                            )
                        )
                        listing = room[Status.LATE] > 0 or room[Status.OVERDUE] > 0
                item.count(judged)
                if want:
                    tally.records = records
                    yield record_result(source, index, line, row, item, judged)
        finally:
            self._last_line = last_line
            tally.records = records

    def _unusable(
        self,
        source: LogSource,
        records: int,
        line: int,
        row: Sequence[Any],
        problems: tuple[str, ...],
        want: bool,
    ) -> Iterator[RecordResult]:
        """Count a record that cannot be used (the ``records``-th of this auditor), list it;
        yield its result when wanted."""
        tally = self.tally
        tally.invalid += 1
        index = self.start + records - 1
        if tally.first_problem is None:
            zh, en = describe_problems(problems, row, source.columns, source.width)
            where = f"line {line}" if source.has_lines else f"$[{index}]"
            tally.first_problem = printable(f"{where}: {en} ({zh})")
        if tally.room[Status.INVALID]:
            tally.room[Status.INVALID] -= 1
            tally.listed.append(bad_record_finding(source, index, line, row, problems))
        if want:
            yield record_result(source, index, line, row, None, None, problems)
