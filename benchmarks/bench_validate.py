"""Benchmark: validating a catalogue as JSON data, side by side with the model, in one process.

* ``validate_catalogue(Catalogue)`` — the semantic checks alone (the baseline).
* ``validate_catalogue(data)`` for the same catalogue as JSON data (what ``json.loads`` gives):
  the converter reads it, then the same checks.  Data the converter reads is not checked
  against the JSON Schema again, so the ratio is the cost of reading.
* ``validate_catalogue(broken)`` — every item lacks its ``name`` and gives one channel that
  is not in the vocabulary: each item is checked against the ``catalogue-item`` JSON Schema
  (jsonschema, Draft 2020-12, compiled once) and its errors become findings.

Valid data costs the converter's reading (no schema check); broken data adds what jsonschema
takes to check each refused item (about 1.4 ms an item).  The ratios are printed for the
record; there is no goal yet.
Run::

    python benchmarks/bench_validate.py [--copies N] [--repeat N]

``--copies N`` repeats the 28 items of the work-safety standard N times (default 10).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

from govdisclose import standard, unstructure, validate_catalogue


def best(run: Callable[[], object], repeat: int) -> float:
    """Best time of ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    model = standard("work_safety")
    model = model.with_items(model.items * args.copies)
    data: dict[str, Any] = unstructure(model)
    broken = {
        **data,
        "items": [
            {**{k: v for k, v in item.items() if k != "name"}, "channels": ["网站X"]}
            for item in data["items"]
        ],
    }
    findings = len(validate_catalogue(broken))  # also compiles the schema once
    validate_catalogue(data)

    base = best(lambda: validate_catalogue(model), args.repeat)
    raw = best(lambda: validate_catalogue(data), args.repeat)
    bad = best(lambda: validate_catalogue(broken), args.repeat)
    print(f"{len(model)} items; best of {args.repeat}")
    print(f"model      {base:8.2f} ms")
    print(f"JSON data  {raw:8.2f} ms  ratio {raw / base:5.2f}× the model")
    print(f"broken     {bad:8.2f} ms  ratio {bad / base:5.2f}× the model, {findings} findings")


if __name__ == "__main__":
    main()
