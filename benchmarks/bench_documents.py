"""Benchmark: ``validate_documents`` per record against merely reading the same records.

Builds N document records (default 20,000) as JSON data — proactive documents issued over
2024–2025, about 60 % published on time, 20 % late, 20 % unpublished, with interpretations and
not-disclosed documents now and then — then, in this process, times

* reading every record into a :class:`~govdisclose.checks.DocumentRecord`
  (``govdisclose.checks._document_record.read_document``, what every check starts with), and
* ``govdisclose.checks.validate_documents`` on the same list (reading and every check),

best of ``--repeat`` runs each, and prints the cost per record and the ratio.  The
publication check judges each record with the one due-date engine
(``govdisclose.deadlines.due_date`` and ``judge``); no day-by-day explanation is built.

Goal (issue 14): validating costs at most 2 × reading.

    python benchmarks/bench_documents.py [--records N] [--repeat K]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from typing import Any

GOAL = 2.0
AS_OF = dt.date(2026, 3, 31)


def records(n: int, seed: int = 20240920) -> list[dict[str, Any]]:
    """``n`` document records as JSON data."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1).toordinal()
    out: list[dict[str, Any]] = []
    for i in range(n):
        issued = dt.date.fromordinal(start + rng.randrange(700))
        record: dict[str, Any] = {
            "id": f"D{i:06d}",
            "title": f"关于做好第{i}项工作的通知",
            "issued": issued.isoformat(),
            "attribute": "proactive",
            "marking": "此件公开发布",
            "channels": ["government_website"],
        }
        draw = rng.random()
        if draw < 0.6:
            record["published"] = (issued + dt.timedelta(days=rng.randrange(0, 25))).isoformat()
        elif draw < 0.8:
            record["published"] = (issued + dt.timedelta(days=rng.randrange(30, 90))).isoformat()
        if i % 10 == 3:
            record["needs_interpretation"] = True
            record["interpretation"] = {"published": record.get("published"), "url": "u"}
        if i % 25 == 7:
            record.update(
                attribute="not_disclosed",
                marking="此件不公开",
                not_disclosed_basis="条例第十四条",
                channels=[],
            )
            record.pop("published", None)
        out.append(record)
    return out


def best(run: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from govdisclose.calendar import WorkCalendar
    from govdisclose.checks import validate_documents
    from govdisclose.checks._document_record import read_document

    calendar = WorkCalendar.official()
    data = records(args.records)
    validate_documents(data[:100], as_of=AS_OF, calendar=calendar)  # warm up

    def read_all() -> None:
        for index, record in enumerate(data):
            read_document(record, path=f"$[{index}]")

    def validate_all() -> None:
        validate_documents(data, as_of=AS_OF, calendar=calendar)

    reading = best(read_all, args.repeat)
    validating = best(validate_all, args.repeat)
    report = validate_documents(data, as_of=AS_OF, calendar=calendar)
    per = 1e6 / args.records
    print(f"{args.records:,} records, {len(report.findings):,} findings")
    print(f"read_document only  : {reading * per:.1f} µs/record (best of {args.repeat})")
    print(f"validate_documents  : {validating * per:.1f} µs/record (best of {args.repeat})")
    ratio = validating / reading
    verdict = "meets" if ratio <= GOAL else "MISSES"
    print(f"ratio validate/read : {ratio:.2f} × ({verdict} the goal of ≤ {GOAL} ×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
