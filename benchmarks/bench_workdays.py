"""Benchmark: "20 working days from D" for every D of 2010–2025, three ways, in one process.

* ``WorkCalendar.add_workdays(d, 20)`` — govdisclose: the 20th working day strictly after d.
* ``chinese_calendar.find_workday(20, d)`` — walks day by day, calling ``is_workday`` (which
  re-validates the date range on every call).  Semantics: ``find_workday(0, d)`` is d itself if
  d is a working day, else the next working day — i.e. **the start day is counted** when it is a
  working day and the count starts at the next working day otherwise.  So ``find_workday(20, d)``
  equals ``add_workdays(d, 20)`` when d is a working day, and ``add_workdays(d, 21)`` when it is
  not.  The script checks exactly that for every start date.
* ``holidays.country_holidays("CN").get_nth_working_day(d, 20)`` — also walks day by day;
  the n-th working day strictly after d (the start day is not counted), using the package's
  own Chinese holiday and make-up-day data.  Where its data differs from the notices (and from
  govdisclose) results differ; the script reports how many.

Goals: at least 1000× faster than chinese_calendar.find_workday and
50× faster than holidays.  Run::

    python benchmarks/bench_workdays.py [--stride N] [--repeat N]

``--stride N`` uses every N-th start date (default 1: all 5844 days; the chinese_calendar pass
takes several seconds).  Times are the best of ``--repeat`` passes, per call, in microseconds.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date, timedelta

N = 20


def best_per_call(run: Callable[[], object], calls: int, repeat: int) -> float:
    """Best time of ``repeat`` runs of ``run`` (which makes ``calls`` calls), in µs per call."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best / calls * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stride", type=int, default=1, help="use every N-th start date")
    parser.add_argument("--repeat", type=int, default=3, help="passes per method (best kept)")
    args = parser.parse_args()

    import chinese_calendar
    import holidays

    from govdisclose.calendar._workcalendar import WorkCalendar

    first, last = date(2010, 1, 1), date(2025, 12, 31)
    starts = [first + timedelta(days=i) for i in range(0, (last - first).days + 1, args.stride)]
    cal = WorkCalendar.official()
    cal.add_workdays(first, N)  # build the tables outside the timing
    cn = holidays.country_holidays("CN", years=range(2009, 2027))

    ours = [cal.add_workdays(d, N) for d in starts]
    theirs_cc = [chinese_calendar.find_workday(N, d) for d in starts]
    theirs_h = [cn.get_nth_working_day(d, N) for d in starts]

    # Semantics check: find_workday counts a working start day (see the module docstring).
    expected_cc = [cal.add_workdays(d, N if cal.is_workday(d) else N + 1) for d in starts]
    cc_diff = [d for d, a, b in zip(starts, expected_cc, theirs_cc, strict=True) if a != b]
    h_diff = [d for d, a, b in zip(starts, ours, theirs_h, strict=True) if a != b]

    calls = len(starts)
    repeat = max(1, args.repeat)
    t_ours = best_per_call(lambda: [cal.add_workdays(d, N) for d in starts], calls, repeat)
    t_cc = best_per_call(
        lambda: [chinese_calendar.find_workday(N, d) for d in starts], calls, min(repeat, 2)
    )
    t_h = best_per_call(lambda: [cn.get_nth_working_day(d, N) for d in starts], calls, repeat)

    print(f"{calls} start dates {starts[0]} … {starts[-1]}, n = {N}, best of {repeat}")
    rows = [
        ("govdisclose WorkCalendar.add_workdays", t_ours),
        ("chinese_calendar.find_workday", t_cc),
        ("holidays CN get_nth_working_day", t_h),
    ]
    for name, per_call in rows:
        print(f"  {name:40} {per_call:10.3f} µs/call   ratio {per_call / t_ours:7.0f}×")
    print(
        "goals: ≥1000× chinese_calendar, ≥50× holidays:",
        "met" if t_cc / t_ours >= 1000 and t_h / t_ours >= 50 else "NOT met",
    )
    print(
        f"results: chinese_calendar differs from govdisclose (same semantics) on {len(cc_diff)} "
        f"start dates {[d.isoformat() for d in cc_diff[:5]]}"
    )
    print(
        f"         holidays differs from govdisclose on {len(h_diff)} start dates "
        f"{[d.isoformat() for d in h_diff[:5]]}"
    )


if __name__ == "__main__":
    main()
