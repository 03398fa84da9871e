"""What an audit keeps while it reads: counters per catalogue item and for the whole log.

An :class:`ItemTally` counts the records of one catalogue item (or of one item text the
catalogue lacks) by their judgement; a :class:`Timing` judges the records under one time
limit, with an :class:`Outlook` per formed date; an :class:`AuditTally` holds everything
:func:`~govdisclose.audit._summary.build_result` turns into an
:class:`~govdisclose.audit.AuditResult`.  None of them keeps a record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .._errors import InputError
from .._model import Catalogue, CatalogueItem
from .._standard import standard
from .._vocabulary import Domain
from ..deadlines import Due, Status, Timeliness, due_date, judge
from ..findings import Finding
from ..timelimits import TimeLimitRule
from ._log_record import CACHE_LIMIT
from ._result import StatusCounts

if TYPE_CHECKING:
    from ..calendar import WorkCalendar


# Looked up once: an enum member's attribute look-up costs more than the rest of a count.
ON_TIME, LATE_STATUS, OVERDUE_STATUS, PENDING = (
    Status.ON_TIME,
    Status.LATE,
    Status.OVERDUE,
    Status.PENDING,
)


class Outlook:
    """The judgements of records formed on one day under one time limit, made once.

    ``until`` is the last publication date judged on time: the due date, or the as-of date
    when that is earlier (a publication after the as-of date is judged as not yet published).
    A record published by then is :attr:`on_time`, one not published by the as-of date is
    :attr:`unpublished` (overdue, pending or not assessable), one published in between is
    judged by :meth:`Timing.late`.  With no due date (or for an item the catalogue lacks:
    ``timing`` is ``None``) every judgement is the same.  Every judgement is
    :func:`govdisclose.deadlines.judge`'s.
    """

    __slots__ = ("due", "on_time", "timing", "unpublished", "until")

    def __init__(self, judged: Timeliness, until: dt.date, timing: Timing | None = None) -> None:
        self.due: Due | None = None
        self.timing = timing
        self.unpublished = self.on_time = judged
        self.until = until


class Timing:
    """Judges records under one time limit (a rule and a service level) on one as-of date.

    Items with the same rule and service level share one timing: its :class:`Outlook` of each
    formed date, and its judgements of late publications.
    """

    __slots__ = ("as_of", "calendar", "late_judged", "level", "outlooks", "rule")

    def __init__(
        self, rule: TimeLimitRule, level: int | None, calendar: WorkCalendar, as_of: dt.date
    ) -> None:
        self.rule = rule
        self.level = level
        self.calendar = calendar
        self.as_of = as_of
        self.outlooks: dict[dt.date, Outlook] = {}
        self.late_judged: dict[tuple[dt.date | None, bool, bool, dt.date], Timeliness] = {}

    def outlook(self, formed: dt.date) -> Outlook:
        """The outlook of records formed on ``formed`` (made and remembered)."""
        if len(self.outlooks) >= CACHE_LIMIT:
            self.outlooks.clear()
        as_of, calendar = self.as_of, self.calendar
        due = due_date(self.rule, formed, calendar, self.level)
        outlook = Outlook(judge(due, None, as_of, calendar), as_of, self)
        outlook.due = due
        if due.date is not None:
            outlook.until = min(due.date, as_of)
            outlook.on_time = judge(due, outlook.until, as_of, calendar)
        self.outlooks[formed] = outlook
        return outlook

    def late(self, outlook: Outlook, published: dt.date) -> Timeliness:
        """The judgement of a record published on ``published``, after ``outlook.until`` and
        on or before the as-of date."""
        due = outlook.due
        assert due is not None
        key = (due.date, due.provisional, due.partial, published)
        judged = self.late_judged.get(key)
        if judged is None:
            if len(self.late_judged) >= CACHE_LIMIT:
                self.late_judged.clear()
            judged = self.late_judged[key] = judge(due, published, self.as_of, self.calendar)
        return judged


class ItemTally:
    """The counters of one catalogue item, or of one item text the catalogue lacks.

    ``item`` is ``None`` for an unknown item: then ``text`` is the item as the log gives it
    (``None`` for the records counted together once too many texts were seen), ``unknown``
    the outlook of all its records (reason ``unknown_item`` or ``ambiguous_item``), and
    ``first_line`` / ``first_index`` say where it was first named.
    """

    __slots__ = (
        "domain",
        "first_index",
        "first_line",
        "item",
        "late",
        "max_late",
        "max_overdue",
        "not_assessable",
        "on_time",
        "outlooks",
        "overdue",
        "pending",
        "provisional",
        "reasons",
        "text",
        "timing",
        "unknown",
    )

    def __init__(
        self,
        domain: Domain,
        item: CatalogueItem | None,
        timing: Timing | None = None,
        *,
        text: str | None = None,
        unknown: Outlook | None = None,
    ) -> None:
        self.domain = domain
        self.item = item
        self.timing = timing
        self.text = text
        self.unknown = unknown
        #: The outlook of each formed date (the timing's, shared by the items under one time
        #: limit; an unknown item's own).
        self.outlooks: dict[dt.date, Outlook] = {} if timing is None else timing.outlooks
        self.on_time = self.late = self.overdue = self.pending = self.not_assessable = 0
        self.provisional = 0
        self.max_late: int | None = None
        self.max_overdue: int | None = None
        #: Not-assessable records by (reason code, year without an arrangement), in the
        #: order the reasons first came.
        self.reasons: dict[tuple[str, int | None], int] = {}
        self.first_line: int | None = None
        self.first_index: int | None = None

    def count(self, judged: Timeliness) -> None:
        """Count one record's judgement."""
        status = judged.status
        if status is ON_TIME:
            self.on_time += 1
        elif status is PENDING:
            self.pending += 1
        elif status is LATE_STATUS:
            self.late += 1
            days = judged.workdays
            if days is not None and (self.max_late is None or days > self.max_late):
                self.max_late = days
        elif status is OVERDUE_STATUS:
            self.overdue += 1
            days = judged.workdays
            if days is not None and (self.max_overdue is None or days > self.max_overdue):
                self.max_overdue = days
        else:
            self.not_assessable += 1
            key = (judged.reason or "", judged.year)
            self.reasons[key] = self.reasons.get(key, 0) + 1
        if judged.provisional:
            self.provisional += 1

    def counts(self) -> StatusCounts:
        """The records by status, with the greatest lateness."""
        return StatusCounts(
            self.on_time,
            self.late,
            self.overdue,
            self.pending,
            self.not_assessable,
            self.provisional,
            self.max_late,
            self.max_overdue,
        )


class AuditTally:
    """Everything an audit counted so far, ready for
    :func:`~govdisclose.audit._summary.build_result`."""

    def __init__(self, as_of: dt.date, max_listed: int, subject: str) -> None:
        self.as_of = as_of
        self.max_listed = max_listed
        self.subject = subject
        self.format = "records"
        self.encoding: str | None = None
        self.records = 0
        self.invalid = 0
        self.published_after_as_of = 0
        self.formed_after_as_of = 0
        #: The earliest formation date of a usable record.
        self.first_formed: dt.date | None = None
        #: Where the first record formed after ``as_of`` is.
        self.formed_after_first: str | None = None
        #: Where and why the first unusable record could not be used.
        self.first_problem: str | None = None
        self.ignored: set[str] = set()
        #: Late, overdue and bad-record findings, at most ``max_listed`` of each code (the
        #: records not listed are the counts less those listed).
        self.listed: list[Finding] = []
        #: How many more records of each listed status (late, overdue, invalid) may be listed.
        self.room = dict.fromkeys((Status.LATE, Status.OVERDUE, Status.INVALID), max_listed)
        #: Catalogue items in catalogue order (both domains).
        self.items: list[ItemTally] = []
        #: Item texts a catalogue lacks, by domain and text; then the rest, by domain.
        self.unknown: dict[tuple[Domain, str], ItemTally] = {}
        self.unknown_overflow: dict[Domain, ItemTally] = {}


#: What ``catalogues=`` takes: one catalogue, several, or a mapping domain → catalogue; each
#: replaces the standard catalogue of its domain (``None``: the standard ones).
Catalogues = Mapping[Any, Catalogue] | Iterable[Catalogue] | Catalogue | None


def catalogue_map(catalogues: Catalogues) -> dict[Domain, Catalogue]:
    """The catalogue of each domain: those given (see :class:`~govdisclose.audit.Auditor`),
    else the standard.  A single :class:`Catalogue` is taken as a list of one."""
    chosen: dict[Domain, Catalogue] = {}
    if isinstance(catalogues, Catalogue):
        catalogues = [catalogues]
    if catalogues is not None:
        pairs: Iterable[tuple[Any, Catalogue]]
        if isinstance(catalogues, Mapping):
            pairs = catalogues.items()
        elif isinstance(catalogues, str | bytes) or not hasattr(catalogues, "__iter__"):
            raise InputError(
                f"catalogues must be a Catalogue, an iterable of them or a mapping domain → "
                f"Catalogue, not {type(catalogues).__name__} (catalogues 应为目录或目录列表)"
            )
        else:
            pairs = ((getattr(c, "domain", None), c) for c in catalogues)
        for key, catalogue in pairs:
            if not isinstance(catalogue, Catalogue):
                raise InputError(f"not a Catalogue: {type(catalogue).__name__} (不是目录对象)")
            domain = Domain.parse(key)
            if catalogue.domain is not domain:
                raise InputError(
                    f"the catalogue {catalogue.title!r} is for {catalogue.domain.code}, "
                    f"given for {domain.code} (目录领域不符)"
                )
            if domain in chosen:
                raise InputError(f"two catalogues for {domain.code} (同一领域给出了两个目录)")
            chosen[domain] = catalogue
    for domain in Domain:
        chosen.setdefault(domain, standard(domain))
    return chosen
