"""Comparing two time-limit rules: is a local catalogue's rule looser than the standard's?

:func:`compare_strictness` returns a negative number when the local rule is stricter, ``0`` when
the two are the same obligation, a positive number when the local rule is looser, and ``None``
when they cannot be compared.  "Stricter" means: for every start date the local rule's due date
is never later (and its obligations are never fewer) than the standard's, and for some start
date it is earlier — a partial order, so many pairs are ``None``.

The rules used, by pair of kinds (the same for local/standard in either order):

* **Working days vs working days, calendar vs calendar** — comparable when the events are the
  same, or one of them is ``unspecified`` (a text such as ``1个工作日内`` counts from the
  row's own event), or both belong to the *formation family* (``formation_or_change``,
  ``formation``, ``issuance``, ``decision``: each names the moment the information comes into
  being — a document is formed when it is issued).  Fewer days is stricter.  The riders
  如有更新，及时公开 and 保持长期公开 are obligations too: a local rule that keeps the standard's
  riders and adds one is stricter, one that drops one is looser.  When the days and the riders
  point in different directions the pair is not comparable.
* **Calendar days vs working days** — *C* calendar days never end later than *C* working days
  (every working day is a calendar day, and a calendar period ending on a holiday moves to the
  next day, which is no later than the *C*-th working day).  So a local ``C`` calendar days
  against a standard ``W`` working days with ``C <= W`` is stricter; a local ``W`` working days
  against a standard ``C`` calendar days with ``W >= C`` is looser.  Other pairs depend on the
  holidays in between and are ``None``.
* **Annual fixed dates** — the earlier date in the year is stricter.
* **Lead times** — more days' notice is stricter.
* **Periodic updates** — ``n`` per period ``P`` is stricter than ``m`` per ``k·P`` when
  ``n·k >= m`` (updating every quarter implies at least twice a half year).  Equal periods
  compare by count; weeks compare only with weeks.
* **Promptly, consultation period, external requirement** — ``0`` when they are the same
  (same trigger, same authority), otherwise ``None``: they have no number to compare.
* **Anything else** (different kinds, ``Unrecognised``) — ``None``.
"""

from __future__ import annotations

from ._rules import (
    PERIODS,
    AnnualFixedDate,
    CalendarDaysAfterEvent,
    ConsultationPeriod,
    ExternalRequirement,
    LeadTimeBeforeEvent,
    PeriodicUpdate,
    Promptly,
    TimeLimitRule,
    WorkdaysAfterEvent,
)

#: Events that all name the moment the information comes into being.
FORMATION_FAMILY = frozenset({"formation_or_change", "formation", "issuance", "decision"})

_AfterEvent = WorkdaysAfterEvent | CalendarDaysAfterEvent


def _sign(value: int) -> int:
    return (value > 0) - (value < 0)


def _events_comparable(a: str, b: str) -> bool:
    return a == b or "unspecified" in (a, b) or {a, b} <= FORMATION_FAMILY


def _riders(rule: _AfterEvent) -> frozenset[str]:
    return frozenset(
        name
        for name, present in (
            ("updates_promptly", rule.updates_promptly),
            ("keep_long_term", rule.keep_long_term),
        )
        if present
    )


def _combine(*signs: int | None) -> int | None:
    """Join the directions of several aspects: all agree (or are equal), else ``None``."""
    result = 0
    for sign in signs:
        if sign is None or (sign and result and sign != result):
            return None
        result = result or sign
    return result


def _rider_sign(local: _AfterEvent, standard: _AfterEvent) -> int | None:
    mine, theirs = _riders(local), _riders(standard)
    if mine == theirs:
        return 0
    if mine > theirs:
        return -1
    if mine < theirs:
        return 1
    return None


def _compare_after_event(local: _AfterEvent, standard: _AfterEvent) -> int | None:
    if not _events_comparable(local.event, standard.event):
        return None
    days: int | None
    if type(local) is type(standard):
        days = _sign(local.days - standard.days)
    elif isinstance(local, CalendarDaysAfterEvent):  # calendar vs working
        days = -1 if local.days <= standard.days else None
    else:  # working vs calendar
        days = 1 if local.days >= standard.days else None
    return _combine(days, _rider_sign(local, standard))


def _compare_periodic(local: PeriodicUpdate, standard: PeriodicUpdate) -> int | None:
    if local.period == standard.period:
        return _sign(standard.at_least - local.at_least)
    mine, theirs = PERIODS[local.period][2], PERIODS[standard.period][2]
    if mine is None or theirs is None:
        return None
    if theirs % mine == 0 and local.at_least * (theirs // mine) >= standard.at_least:
        return -1
    if mine % theirs == 0 and standard.at_least * (mine // theirs) >= local.at_least:
        return 1
    return None


def compare_strictness(local: TimeLimitRule, standard: TimeLimitRule) -> int | None:
    """Compare a local rule with the standard's: < 0 stricter, 0 same, > 0 looser, None.

    >>> from govdisclose.timelimits import parse_time_limit as p
    >>> compare_strictness(p("信息形成（变更）5个工作日内"), p("信息形成或变更之日起20个工作日内"))
    -1
    >>> compare_strictness(p("按进展情况及时公开"), p("信息形成或变更之日起20个工作日内")) is None
    True
    """
    if isinstance(local, _AfterEvent) and isinstance(standard, _AfterEvent):
        return _compare_after_event(local, standard)
    if isinstance(local, AnnualFixedDate) and isinstance(standard, AnnualFixedDate):
        mine, theirs = (local.month, local.day), (standard.month, standard.day)
        return (mine > theirs) - (mine < theirs)
    if isinstance(local, LeadTimeBeforeEvent) and isinstance(standard, LeadTimeBeforeEvent):
        return _sign(standard.days - local.days)
    if isinstance(local, PeriodicUpdate) and isinstance(standard, PeriodicUpdate):
        return _compare_periodic(local, standard)
    if isinstance(local, Promptly) and isinstance(standard, Promptly):
        return 0 if local.trigger == standard.trigger else None
    if isinstance(local, ExternalRequirement) and isinstance(standard, ExternalRequirement):
        return 0 if local.authority == standard.authority else None
    if isinstance(local, ConsultationPeriod) and isinstance(standard, ConsultationPeriod):
        return 0
    return None
