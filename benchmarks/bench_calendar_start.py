"""Benchmark: what a calendar costs before its first answer, and what it costs to send it away.

A command-line run, a worker process or a web request often asks one question of a fresh
calendar.  This script measures, in fresh processes (the median of ``--runs``):

* ``WorkCalendar.official()`` — the object only: the data is loaded on first use;
* the first ``add_workdays(d, 20)`` — builds the 23 official arrangements from their
  generated table (chinese-calendar is not imported) and the tables — side by side with
  chinese-calendar's own first answer to the same question (``import chinese_calendar`` and
  ``find_workday(19, d)``, which counts the first working day after a non-working d as its
  0th);
* the first answer of a calendar unpickled in a fresh process that has imported the library
  (what a worker of ``multiprocessing`` receives): the pickle carries only the supplied years,
  and the official data is loaded where it is unpickled.

It prints the times and the ratios to chinese-calendar's first answer.  Run::

    python benchmarks/bench_calendar_start.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import subprocess
import sys

OURS = """
import time
t0 = time.perf_counter()
from datetime import date
from govdisclose import WorkCalendar
t1 = time.perf_counter()
cal = WorkCalendar.official()
t2 = time.perf_counter()
due = cal.add_workdays(date(2024, 9, 28), 20)
t3 = time.perf_counter()
cal.add_workdays(date(2024, 9, 29), 20)
t4 = time.perf_counter()
assert due.isoformat() == "2024-10-30", due
print({"import": t1 - t0, "official": t2 - t1, "first": t3 - t2, "second": t4 - t3})
"""

THEIRS = """
import time
t0 = time.perf_counter()
from datetime import date
import chinese_calendar
due = chinese_calendar.find_workday(19, date(2024, 9, 28))
t1 = time.perf_counter()
assert due.isoformat() == "2024-10-30", due
print({"first": t1 - t0})
"""

UNPICKLED = """
import pickle, sys, time
from datetime import date
import govdisclose.calendar  # imported as in the first row, not timed again
data = sys.stdin.buffer.read()
t0 = time.perf_counter()
cal = pickle.loads(data)
due = cal.add_workdays(date(2024, 9, 28), 20)
t1 = time.perf_counter()
assert due.isoformat() == "2024-10-30", due
print({"first": t1 - t0})
"""


def run(code: str, data: bytes = b"") -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", code], input=data, capture_output=True, check=True
    ).stdout
    parsed: dict[str, float] = json.loads(out.decode().replace("'", '"'))
    return parsed


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per measurement")
    args = parser.parse_args()

    from datetime import date

    from govdisclose import Arrangement, WorkCalendar

    supplied = Arrangement(
        2028,
        [date(2028, 1, 1)],
        [],
        notice_title="a supplied year (test data)",
        partial=True,
        partial_reason="元旦 only",
    )
    official = pickle.dumps(WorkCalendar.official())
    custom = pickle.dumps(WorkCalendar.official().with_arrangement(supplied))

    ours, theirs, unpickled = [], [], []
    for _ in range(max(1, args.runs)):  # interleaved, so that a busy machine slows all alike
        ours.append(run(OURS))
        theirs.append(run(THEIRS))
        unpickled.append(run(UNPICKLED, custom))
    reference = median(theirs, "first")
    rows = [
        ("import govdisclose (WorkCalendar)", median(ours, "import"), None),
        ("WorkCalendar.official()", median(ours, "official"), None),
        ("first add_workdays (data and tables built)", median(ours, "first"), reference),
        ("second add_workdays", median(ours, "second"), None),
        ("chinese_calendar: import + first find_workday", reference, reference),
        ("unpickled calendar: loads + first add_workdays", median(unpickled, "first"), reference),
    ]
    print(f"median of {len(ours)} fresh processes")
    for label, seconds, base in rows:
        ratio = f"  {seconds / base:6.2f}× chinese_calendar's first answer" if base else ""
        print(f"{label:<48} {seconds * 1e3:9.3f} ms{ratio}")
    print(
        f"pickle of WorkCalendar.official(): {len(official)} bytes; with a supplied year: "
        f"{len(custom)} bytes"
    )


if __name__ == "__main__":
    main()
