"""Benchmark: the publication-log audit against merely parsing the same log, side by side.

Generates a log of N records (default 1,000,000) in a temporary directory — both domains,
items by name and by id, formed dates over 2024–2025, about 70 % published on time, 15 % late,
15 % unpublished, a few bad rows — in three forms: CSV with dates (``2024-10-08``), CSV with
date-times in the formed and published fields (``2024-10-08T09:30:00+08:00``), and JSON Lines.
Then, in this process, best of ``--repeat`` runs each, it times

* ``csv.reader`` reading every row of the CSV file (nothing else) and ``audit_file`` on it;
* ``audit_file`` on the date-time CSV, against ``audit_file`` on the date CSV;
* ``json.loads`` of every line of the JSON Lines file (nothing else) and ``audit_file`` on it,

and prints the ratios.  Peak memory of the audit is measured in a **fresh subprocess** that
imports only the audit, loads the calendar and catalogues, then audits the CSV log: its peak
resident set is ``VmHWM`` of ``/proc/self/status`` (Linux), which a new program starts afresh
(``ru_maxrss`` is not used: on Linux a child inherits the parent's peak through ``fork``), taken
before and after the audit; ``tracemalloc`` gives what the audit itself allocates at its peak.

Goals (issue 9): audit ≤ 2 × the csv.reader parse; date-times ≤ 1.3 × dates; JSON Lines ≤ 2 ×
json.loads per line; peak memory under 200 MB, flat in the number of records.

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

TIME_GOAL = 2.0
DATETIME_GOAL = 1.3
JSONL_GOAL = 2.0
MEMORY_GOAL_MB = 200.0
AS_OF = dt.date(2026, 3, 31)

# Run as ``python -c`` in a new process: nothing of this benchmark's own memory is in it.
_MEASURE = r"""
import datetime as dt, json, sys, time

def hwm_kb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return None

from govdisclose.audit import Auditor, audit_file
from govdisclose.calendar import WorkCalendar
calendar = WorkCalendar.official()
Auditor(as_of=dt.date(2026, 3, 31), calendar=calendar)  # loads catalogues and calendar tables
base = hwm_kb()
traced = None
if sys.argv[1] == "trace":
    import tracemalloc
    tracemalloc.start()
    result = audit_file(sys.argv[2], as_of=dt.date(2026, 3, 31), calendar=calendar)
    traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
else:
    result = audit_file(sys.argv[2], as_of=dt.date(2026, 3, 31), calendar=calendar)
print(json.dumps({"base_kb": base, "peak_kb": hwm_kb(), "records": result.records,
                  "traced_bytes": traced}))
"""


def generate(path: Path, n: int, style: str = "dates", seed: int = 20241008) -> None:
    """Write a log of ``n`` records: ``dates`` or ``datetimes`` CSV, or ``jsonl``."""
    from govdisclose import standards
    from govdisclose.calendar._workcalendar import default_calendar

    calendar = default_calendar()
    rng = random.Random(seed)
    items = [(cat.domain, item) for cat in standards() for item in cat.items]
    start = dt.date(2024, 1, 1).toordinal()
    days = dt.date(2025, 12, 31).toordinal() - start
    due_cache: dict[tuple[int, int], dt.date] = {}
    header = ["领域", "事项", "形成日期", "公开日期", "渠道", "标题", "编号"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        if style != "jsonl":
            writer.writerow(header)
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
            formed_text = formed.isoformat()
            published_text = "" if published is None else published.isoformat()
            if style == "datetimes":  # a time of day, and an offset now and then
                clock = (
                    f"T{rng.randrange(8, 18):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
                )
                formed_text += clock + ("+08:00" if i % 2 else "")
                if published_text:
                    published_text += clock + ("Z" if i % 5 == 0 else "+08:00")
            if i % 50_000 == 7:
                published_text = "2024-13-01"  # a bad row now and then
            row = [
                domain_text,
                item_text,
                formed_text,
                published_text,
                "政府网站",
                f"信息{i}",
                f"N{i:07d}",
            ]
            if style == "jsonl":
                handle.write(json.dumps(dict(zip(header, row, strict=True)), ensure_ascii=False))
                handle.write("\n")
            else:
                writer.writerow(row)


def time_csv(path: Path) -> float:
    start = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        for _row in csv.reader(handle):
            pass
    return time.perf_counter() - start


def time_json_lines(path: Path) -> float:
    loads = json.loads
    start = time.perf_counter()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            loads(line)
    return time.perf_counter() - start


def time_audit(path: Path) -> tuple[float, int]:
    from govdisclose.audit import audit_file
    from govdisclose.calendar import WorkCalendar

    start = time.perf_counter()
    result = audit_file(path, as_of=AS_OF, calendar=WorkCalendar.official())
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


def _verdict(ratio: float, goal: float) -> str:
    return f"{ratio:.2f} × ({'meets' if ratio <= goal else 'MISSES'} the goal of ≤ {goal} ×)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from govdisclose.audit import Auditor

    Auditor(as_of=AS_OF)  # warm up: catalogues, calendar tables
    with tempfile.TemporaryDirectory() as tmp:
        paths = {
            style: Path(tmp) / f"log-{style}.{'jsonl' if style == 'jsonl' else 'csv'}"
            for style in ("dates", "datetimes", "jsonl")
        }
        t0 = time.perf_counter()
        for style, path in paths.items():
            generate(path, args.records, style)
        size = paths["dates"].stat().st_size / 1e6
        print(
            f"generated {args.records:,} records ({size:.1f} MB as CSV with dates) in "
            f"{time.perf_counter() - t0:.1f} s"
        )
        times: dict[str, list[float]] = {}
        for _ in range(args.repeat):  # interleaved, so that load on the machine hits all alike
            times.setdefault("csv", []).append(time_csv(paths["dates"]))
            times.setdefault("json", []).append(time_json_lines(paths["jsonl"]))
            for style, path in paths.items():
                seconds, records = time_audit(path)
                assert records == args.records, (style, records, args.records)
                times.setdefault(style, []).append(seconds)
        best = {name: min(values) for name, values in times.items()}
        per = 1e6 / args.records
        print(f"best of {args.repeat}, µs per record:")
        print(f"  csv.reader only          : {best['csv'] * per:.2f}")
        print(f"  audit_file, CSV dates    : {best['dates'] * per:.2f}")
        print(f"  audit_file, CSV datetimes: {best['datetimes'] * per:.2f}")
        print(f"  json.loads per line only : {best['json'] * per:.2f}")
        print(f"  audit_file, JSON Lines   : {best['jsonl'] * per:.2f}")
        print(
            f"ratio audit/csv.reader          : {_verdict(best['dates'] / best['csv'], TIME_GOAL)}"
        )
        print(
            f"ratio datetimes/dates           : "
            f"{_verdict(best['datetimes'] / best['dates'], DATETIME_GOAL)}"
        )
        print(
            "ratio audit JSON Lines/json.loads: "
            f"{_verdict(best['jsonl'] / best['json'], JSONL_GOAL)}"
        )
        audited = memory(paths["dates"], "audit")
        traced = memory(paths["dates"], "trace")
        peak_mb = audited["peak_kb"] / 1024
        print(
            f"peak resident memory (VmHWM) of a fresh process: {audited['base_kb'] / 1024:.1f} MB "
            f"with the library, calendar and catalogues loaded; {peak_mb:.1f} MB after auditing "
            f"{audited['records']:,} records"
        )
        print(
            f"tracemalloc peak during audit_file: {traced['traced_bytes'] / 2**20:.1f} MB "
            "(what the audit itself allocates)"
        )
        verdict = "meets" if peak_mb < MEMORY_GOAL_MB else "MISSES"
        print(f"memory: {verdict} the goal of < {MEMORY_GOAL_MB:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
