"""How due dates follow from catalogue items: per-item counters and per-rule due-date plans.

Each catalogue item gets an :class:`Entry` (its counters in one audit).  Items whose time limits
give due dates the same way share a :class:`Plan` (``20个工作日`` items all share one), which
caches the due date of each formed date.  A due date is the calendar's table arithmetic for
working-day rules and service levels, the next fixed date for 每年1月31日前, and
:func:`~govdisclose.deadlines.proactive_deadline` for the rarer kinds (calendar days, periodic
updates), so the audit agrees with the deadline calculators.  Which rules give no due date,
and why, is the deadlines' own answer (:func:`~govdisclose.deadlines.not_assessable_reason`,
the codes of a deadline's ``reason_code``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .._errors import InputError, UnknownYearError
from .._model import Catalogue, CatalogueItem
from .._standard import standard
from .._vocabulary import Domain
from ..deadlines import not_assessable_reason, proactive_deadline
from ..deadlines._fixed import next_fixed_date
from ..deadlines._proactive import counted_workdays
from ..timelimits import AnnualFixedDate, TimeLimitRule

if TYPE_CHECKING:
    from ..calendar._workcalendar import WorkCalendar

__all__ = ["CACHE_LIMIT", "Entry", "Plan", "catalogue_map", "plan_key"]

#: Entries a cache (dates, due dates, lateness) may hold before it is cleared.
CACHE_LIMIT = 100_000


class Entry:
    """Counters of one catalogue item (or of one unknown item text) in one audit."""

    __slots__ = (
        "counts",
        "domain",
        "first_index",
        "first_line",
        "item",
        "key",
        "max_late",
        "max_overdue",
        "plan",
        "reasons",
    )

    def __init__(
        self, domain: Domain, item: CatalogueItem | None, plan: Plan | None, key: Any = None
    ) -> None:
        self.domain = domain
        self.item = item
        self.plan = plan
        #: The item text as the log gives it (unknown items), or the reason code.
        self.key = key
        self.counts = [0, 0, 0, 0, 0, 0]
        self.max_late: int | None = None
        self.max_overdue: int | None = None
        #: Not-assessable records by reason index (negative ints, see Auditor._reason).
        self.reasons: dict[int, int] = {}
        self.first_line: int | None = None
        self.first_index: int | None = None


class Plan:
    """How due dates follow from formed dates under one rule; caches them by formed ordinal.

    A cached value is a due date's ordinal, or a negative reason index (not assessable).
    """

    __slots__ = (
        "calendar",
        "days",
        "dues",
        "estimated",
        "kind",
        "level",
        "month_day",
        "provisional",
        "reason",
        "rule",
    )

    def __init__(
        self,
        kind: str,
        *,
        calendar: WorkCalendar,
        reason: Callable[..., int],
        **params: Any,
    ) -> None:
        self.kind = kind
        self.calendar = calendar
        #: Whether the calendar may estimate years (then estimated due dates are marked).
        self.provisional = bool(getattr(calendar, "provisional", True))
        #: Gives the negative index of a not-assessable reason: reason(code, year=None).
        self.reason = reason
        self.days: int = params.get("days", 0)
        self.month_day: tuple[int, int] = params.get("month_day", (1, 1))
        self.rule: Any = params.get("rule")
        self.level: int | None = params.get("level")
        self.dues: dict[int, int] = {}
        #: Formed ordinals whose due date rests on an estimated calendar year.
        self.estimated: set[int] = set()

    def compute(self, formed_ordinal: int) -> int:
        if len(self.dues) >= CACHE_LIMIT:
            self.dues.clear()
            self.estimated.clear()
        due = self._compute(formed_ordinal)
        self.dues[formed_ordinal] = due
        return due

    def _compute(self, formed_ordinal: int) -> int:
        if self.kind == "reason":
            return self.reason(self.rule)
        formed = dt.date.fromordinal(formed_ordinal)
        calendar = self.calendar
        try:
            if self.kind == "workdays":
                due = calendar.add_workdays(formed, self.days)
            elif self.kind == "fixed":
                due = next_fixed_date(*self.month_day, formed)
            else:
                deadline = proactive_deadline(
                    formed, self.rule, service_level_workdays=self.level, calendar=calendar
                )
                if deadline.reason_code is not None:
                    return self.reason(deadline.reason_code)
                assert type(deadline.due) is dt.date  # proactive deadlines are dates
                due = deadline.due
        except UnknownYearError as exc:
            return self.reason("unknown_year", exc.year)
        except InputError:  # the due date would be after 9999-12-31 (next_fixed_date …)
            return self.reason("date_out_of_range")
        if self.provisional and self.kind != "fixed" and calendar.estimated_years(formed, due):
            self.estimated.add(formed_ordinal)
        return due.toordinal()


def plan_key(item: CatalogueItem) -> tuple[Any, ...]:
    """How an item's due dates are found; items with equal keys share a :class:`Plan`.

    ``("reason", code)`` when its rule gives no due date (the code of the deadline's
    ``reason_code``), ``("workdays", n)`` for n working days (the rule's or the service level),
    ``("fixed", month, day)`` for an annual date, else ``("deadline", rule, level)``.
    """
    rule: TimeLimitRule = item.time_limit.rule
    level = item.time_limit.service_level_workdays  # checked by TimeLimit
    reason = not_assessable_reason(rule, level)
    if reason is not None:
        return ("reason", reason)
    days = counted_workdays(rule, level)
    if days is not None:
        return ("workdays", days)
    if isinstance(rule, AnnualFixedDate):
        return ("fixed", rule.month, rule.day)
    return ("deadline", rule, level)


def catalogue_map(
    catalogues: Mapping[Any, Catalogue] | Iterable[Catalogue] | Catalogue | None,
) -> dict[Domain, Catalogue]:
    """The catalogue of each domain: those given (see :class:`~.engine.Auditor`), else the
    standard.  A single :class:`Catalogue` is taken as a list of one."""
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
