"""What an audit keeps while it reads: counters per catalogue item and for the whole log.

An :class:`ItemTally` counts the records of one catalogue item (or of one item text the
catalogue lacks); a :class:`Timing` judges records under one time limit and remembers each
judgement by (formed, published) date; an :class:`AuditTally` holds everything
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
from ..deadlines import Status, Timeliness, due_date, judge
from ..findings import Finding
from ..timelimits import TimeLimitRule

if TYPE_CHECKING:
    from ..calendar import WorkCalendar

#: Entries a cache (dates, judgements) may hold before it is cleared.
CACHE_LIMIT = 100_000


class Timing:
    """Judges records under one time limit (a rule and a service level) on one as-of date.

    Items with the same rule and service level share one timing, and so its memory of
    judgements by (formed, published) date.
    """

    __slots__ = ("as_of", "calendar", "judged", "level", "rule")

    def __init__(
        self, rule: TimeLimitRule, level: int | None, calendar: WorkCalendar, as_of: dt.date
    ) -> None:
        self.rule = rule
        self.level = level
        self.calendar = calendar
        self.as_of = as_of
        self.judged: dict[tuple[dt.date, dt.date | None], Timeliness] = {}

    def judge(self, formed: dt.date, published: dt.date | None) -> Timeliness:
        """The judgement of a record formed on ``formed`` and published on ``published``."""
        if len(self.judged) >= CACHE_LIMIT:
            self.judged.clear()
        due = due_date(self.rule, formed, self.calendar, self.level)
        judged = self.judged[formed, published] = judge(due, published, self.as_of, self.calendar)
        return judged


class ItemTally:
    """The counters of one catalogue item, or of one item text the catalogue lacks.

    ``item`` is ``None`` for an unknown item: then ``text`` is the item as the log gives it
    (``None`` for the records counted together once too many texts were seen), ``unknown``
    its judgement (reason ``unknown_item`` or ``ambiguous_item``), and ``first_line`` /
    ``first_index`` say where it was first named.
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
        unknown: Timeliness | None = None,
    ) -> None:
        self.domain = domain
        self.item = item
        self.timing = timing
        self.text = text
        self.unknown = unknown
        self.on_time = self.late = self.overdue = self.pending = self.not_assessable = 0
        self.provisional = 0
        self.max_late: int | None = None
        self.max_overdue: int | None = None
        #: Not-assessable records by (reason code, year without an arrangement).
        self.reasons: dict[tuple[str, int | None], int] = {}
        self.first_line: int | None = None
        self.first_index: int | None = None

    def count(self, judged: Timeliness) -> None:
        """Count one record's judgement."""
        status = judged.status
        if status is Status.ON_TIME:
            self.on_time += 1
        elif status is Status.PENDING:
            self.pending += 1
        elif status is Status.LATE:
            self.late += 1
            days = judged.workdays
            if days is not None and (self.max_late is None or days > self.max_late):
                self.max_late = days
        elif status is Status.OVERDUE:
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
        #: Where the first record formed after ``as_of`` is.
        self.formed_after_first: str | None = None
        #: Where and why the first unusable record could not be used.
        self.first_problem: str | None = None
        self.ignored: set[str] = set()
        #: Late, overdue and bad-record findings, at most ``max_listed`` of each code.
        self.listed: list[Finding] = []
        self.listed_counts: dict[str, int] = {}
        self.unlisted: dict[str, int] = {}
        #: Catalogue items in catalogue order (both domains).
        self.items: list[ItemTally] = []
        #: Item texts a catalogue lacks, by domain and text; then the rest, by domain.
        self.unknown: dict[tuple[Domain, str], ItemTally] = {}
        self.unknown_overflow: dict[Domain, ItemTally] = {}

    def listing(self, code: str) -> bool:
        """Whether a finding of ``code`` is still listed (else it is counted as unlisted)."""
        listed = self.listed_counts.get(code, 0)
        if listed < self.max_listed:
            self.listed_counts[code] = listed + 1
            return True
        self.unlisted[code] = self.unlisted.get(code, 0) + 1
        return False


def catalogue_map(
    catalogues: Mapping[Any, Catalogue] | Iterable[Catalogue] | Catalogue | None,
) -> dict[Domain, Catalogue]:
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
