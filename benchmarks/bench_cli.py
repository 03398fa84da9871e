"""Benchmark: start-up of whole command-line runs, as a ratio to ``python -c pass``.

Each command is run as its own process, the way a shell runs it, with the same interpreter:
``python -c pass`` (the baseline: the interpreter starting and stopping), then
``python -c "<the console script's two lines>" ARGS`` for each command — exactly what the
installed ``govdisclose`` script does (``from govdisclose.cli import main; sys.exit(main())``),
without depending on where the script is installed.  Each is timed ``--repeat`` times from
``subprocess.run`` start to end, taking the best (the least disturbed by other work on the
machine); baseline and commands are measured interleaved, in one run.  The children run
without ``PYTHONDONTWRITEBYTECODE`` (an installed package has its byte code compiled; a
checkout whose byte code is never cached would time the compiler on every run).

Goal (issue 14): every command at most 4× ``python -c pass``.  Run::

    python benchmarks/bench_cli.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

SCRIPT = "import sys\nfrom govdisclose.cli import main\nsys.exit(main())"
COMMANDS = (
    ("govdisclose --version", ["--version"]),
    ("govdisclose calendar day 2024-10-01", ["calendar", "day", "2024-10-01"]),
    ("govdisclose deadline request 2024-10-08", ["deadline", "request", "2024-10-08"]),
    ("govdisclose deadline proactive 2024-10-08", ["deadline", "proactive", "2024-10-08"]),
    ("govdisclose -h", ["-h"]),
)
GOAL = 4.0
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _time(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs of each (best is kept)")
    args = parser.parse_args()
    baseline_argv = [sys.executable, "-c", "pass"]
    runs = [(label, [sys.executable, "-c", SCRIPT, *argv]) for label, argv in COMMANDS]
    for _, argv in runs:  # once each, so that byte-code caches are written
        _time(argv)
    best = {label: float("inf") for label, _ in [("python -c pass", None), *runs]}
    for _ in range(args.repeat):
        best["python -c pass"] = min(best["python -c pass"], _time(baseline_argv))
        for label, argv in runs:
            best[label] = min(best[label], _time(argv))
    base = best["python -c pass"]
    print(f"{'command':<44} {'best ms':>8} {'ratio':>6}  goal ≤ {GOAL:g}×")
    print(f"{'python -c pass':<44} {base * 1000:8.1f} {1.0:6.1f}")
    for label, _ in runs:
        ratio = best[label] / base
        mark = "ok" if ratio <= GOAL else "over"
        print(f"{label:<44} {best[label] * 1000:8.1f} {ratio:6.1f}  {mark}")


if __name__ == "__main__":
    main()
