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

Besides the wall-clock time it prints the processor time of each run (user and system, from
``resource.getrusage(RUSAGE_CHILDREN)``), best of the runs too: on a machine shared with other
work the wall-clock time includes waiting for a processor, the processor time much less so.

Goal (issue 14): every command at most 4× ``python -c pass``.  Run::

    python benchmarks/bench_cli.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import resource
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


def _time(argv: list[str]) -> tuple[float, float]:
    """Wall-clock and processor seconds of one run of ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, used


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs of each (best is kept)")
    args = parser.parse_args()
    baseline_argv = [sys.executable, "-c", "pass"]
    runs = [(label, [sys.executable, "-c", SCRIPT, *argv]) for label, argv in COMMANDS]
    for _, argv in runs:  # once each, so that byte-code caches are written
        _time(argv)
    everything = [("python -c pass", baseline_argv), *runs]
    best = {label: (float("inf"), float("inf")) for label, _ in everything}
    for _ in range(args.repeat):
        for label, argv in everything:
            wall, used = _time(argv)
            best[label] = (min(best[label][0], wall), min(best[label][1], used))
    base_wall, base_cpu = best["python -c pass"]
    print(
        f"{'command':<42} {'wall ms':>8} {'ratio':>6} {'cpu ms':>7} {'ratio':>6}  goal ≤ {GOAL:g}×"
    )
    for label, _ in everything:
        wall, used = best[label]
        ratio = wall / base_wall
        mark = "ok" if ratio <= GOAL else "over"
        print(
            f"{label:<42} {wall * 1000:8.1f} {ratio:6.1f} {used * 1000:7.1f} "
            f"{used / base_cpu:6.1f}  {mark}"
        )


if __name__ == "__main__":
    main()
