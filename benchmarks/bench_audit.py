"""Benchmark: the publication-log audit against merely parsing the same CSV with ``csv``.

Generates a log of N records (default 1,000,000) in a temporary directory — both domains,
items by name and by id, formed dates over 2024–2025, about 70 % published on time, 15 % late,
15 % unpublished, a few bad rows — then, in this process, times

* ``csv.reader`` reading every row of the file (nothing else), and
* ``govdisclose.audit.audit_file`` on the same file (the full audit, no per-record callback),

best of ``--repeat`` runs each, and prints the ratio.  Peak memory of the audit alone is
measured in a fresh subprocess (``resource.getrusage(RUSAGE_SELF).ru_maxrss`` after the audit,
with the same figure for a subprocess that only imports the library and loads the calendar and
catalogues, to show what the audit itself adds).

Goals: audit time at most 4 × the csv parse time; peak memory under 200 MB.

    python benchmarks/bench_audit.py [--records N] [--repeat K]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIME_GOAL = 4.0
MEMORY_GOAL_MB = 200.0
AS_OF = dt.date(2026, 3, 31)

_MEASURE = r"""
import datetime as dt, json, resource, sys, time
from govdisclose.audit import Auditor, audit_file
from govdisclose.calendar._workcalendar import default_calendar
calendar = default_calendar()
Auditor(as_of=dt.date(2026, 3, 31), calendar=calendar)  # loads catalogues and calendar tables
calendar.add_workdays(dt.date(2024, 1, 1), 1)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
traced = None
if sys.argv[1] == "trace":
    import tracemalloc
    tracemalloc.start()
    audit_file(sys.argv[2], as_of=dt.date(2026, 3, 31), calendar=calendar)
    traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
if sys.argv[1] == "audit":
    start = time.perf_counter()
    result = audit_file(sys.argv[2], as_of=dt.date(2026, 3, 31), calendar=calendar)
    seconds = time.perf_counter() - start
    records = result.records
else:
    seconds, records = 0.0, 0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"base_kb": base, "peak_kb": peak, "seconds": seconds, "records": records,
                  "traced_bytes": traced}))
"""


def generate(path: Path, n: int, seed: int = 20241008) -> None:
    """Write a CSV log of ``n`` records."""
    from govdisclose import standards
    from govdisclose.calendar._workcalendar import default_calendar

    calendar = default_calendar()
    rng = random.Random(seed)
    items = [(cat.domain, item) for cat in standards() for item in cat.items]
    start = dt.date(2024, 1, 1).toordinal()
    days = dt.date(2025, 12, 31).toordinal() - start
    due_cache: dict[tuple[int, int], dt.date] = {}
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["领域", "事项", "形成日期", "公开日期", "渠道", "标题", "编号"])
        for i in range(n):
            domain, item = items[rng.randrange(len(items))]
            formed_ord = start + rng.randrange(days)
            formed = dt.date.fromordinal(formed_ord)
            key = (formed_ord, 20)
            due = due_cache.get(key)
            if due is None:
                due = due_cache[key] = calendar.add_workdays(formed, 20)
            draw = rng.random()
            if draw < 0.70:
                published = formed + dt.timedelta(days=rng.randrange(0, 25))
            elif draw < 0.85:
                published = due + dt.timedelta(days=rng.randrange(1, 40))
            else:
                published = None
            domain_text = domain.label if i % 3 else domain.code
            item_text = item.name if i % 4 else item.id
            published_text = "" if published is None else published.isoformat()
            if i % 50_000 == 7:
                published_text = "2024-13-01"  # a bad row now and then
            writer.writerow(
                [
                    domain_text,
                    item_text,
                    formed.isoformat(),
                    published_text,
                    "政府网站",
                    f"信息{i}",
                    f"N{i:07d}",
                ]
            )


def time_csv(path: Path) -> float:
    start = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        for _row in csv.reader(handle):
            pass
    return time.perf_counter() - start


def time_audit(path: Path) -> tuple[float, int]:
    from govdisclose.audit import audit_file

    start = time.perf_counter()
    result = audit_file(path, as_of=AS_OF)
    return time.perf_counter() - start, result.records


def memory(path: Path, mode: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, mode, str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    data: dict[str, float] = json.loads(out)
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from govdisclose.audit import Auditor

    Auditor(as_of=AS_OF)  # warm up: catalogues, calendar tables
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "log.csv"
        t0 = time.perf_counter()
        generate(path, args.records)
        size = path.stat().st_size / 1e6
        print(
            f"generated {args.records:,} records, {size:.1f} MB in {time.perf_counter() - t0:.1f} s"
        )
        csv_times, audit_times = [], []
        for _ in range(args.repeat):
            csv_times.append(time_csv(path))
            seconds, records = time_audit(path)
            audit_times.append(seconds)
        assert records == args.records, (records, args.records)
        best_csv, best_audit = min(csv_times), min(audit_times)
        ratio = best_audit / best_csv
        print(f"csv.reader only : {best_csv:.3f} s (best of {args.repeat})")
        print(
            f"audit_file      : {best_audit:.3f} s (best of {args.repeat}), "
            f"{best_audit / args.records * 1e6:.2f} µs/record"
        )
        verdict = "meets" if ratio <= TIME_GOAL else "MISSES"
        print(f"ratio audit/csv : {ratio:.2f} × ({verdict} the goal of ≤ {TIME_GOAL} ×)")
        baseline = memory(path, "base")
        audited = memory(path, "audit")
        peak_mb = audited["peak_kb"] / 1024
        print(
            f"peak RSS, audit subprocess    : {peak_mb:.1f} MB "
            f"({audited['records']:,} records in {audited['seconds']:.2f} s)"
        )
        print(f"peak RSS, library loaded only : {baseline['peak_kb'] / 1024:.1f} MB")
        traced = memory(path, "trace")
        print(
            f"tracemalloc peak of the audit : {traced['traced_bytes'] / 2**20:.1f} MB "
            "(what audit_file itself allocates)"
        )
        verdict = "meets" if peak_mb < MEMORY_GOAL_MB else "MISSES"
        print(f"memory: {verdict} the goal of < {MEMORY_GOAL_MB:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
