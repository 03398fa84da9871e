"""Benchmark: reading a holiday notice inside a large saved page, against the notice alone.

Times, in this process, the best of ``--repeat`` runs each, taken in turn:

* ``read_notice`` of the 2022 notice as 人民日报 printed it (the office on a line above the
  title), and
* ``read_notice`` of the same copy under a page's menu of ``--lines`` lines beginning with
  关于 (关于我们 …), about 100 KB by default;

and prints both times and the time per KB of each.  The reader goes over the lines once, so
the time per KB of the page stays near the notice's (a reader looking back over every line
before each 关于 line grows with the square of the lines: seconds at 100 KB).

    python benchmarks/bench_notice.py [--lines N] [--repeat K]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from govdisclose.calendar import read_notice

NOTICE = Path(__file__).parent.parent / "tests" / "data" / "notices" / "2022-people.txt"


def _best(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        read_notice(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=7_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    notice = NOTICE.read_text(encoding="utf-8")
    page = "关于我们\n" * args.lines + notice
    alone, inside = _best(notice, args.repeat), _best(page, args.repeat)
    for name, text, took in (("notice", notice, alone), ("page", page, inside)):
        size = len(text.encode()) / 1000
        print(f"{name:7s} {size:8.1f} KB {took * 1000:9.2f} ms {took * 1e6 / size:8.1f} µs/KB")
    print(f"ratio per KB (page / notice): {inside / len(page) / (alone / len(notice)):.2f}")


if __name__ == "__main__":
    main()
