"""Benchmark: a 5,000-item catalogue as XLSX, written and read, against openpyxl alone.

* export — ``govdisclose.tables.to_xlsx(catalogue)`` against openpyxl writing the same cell
  values (same sheet, no styles, merges or dimensions) and saving: the baseline is the least
  any writer of these cells through openpyxl can cost.  Goal: ≤ 2×.
* import — ``govdisclose.tables.read_xlsx(path)`` (safety checks, the sheet's XML scan, loading,
  reading every row into items, findings) against ``openpyxl.load_workbook(path,
  data_only=True)`` of the same file.  Goal: ≤ 2×.
* CSV import of the same catalogue, against ``csv.reader`` over the same file (for reference).

Both sides run in this process, in turn, best of ``--repeat`` runs each.  Run::

    python benchmarks/bench_tables.py [--items N] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def side_by_side(
    ours: Callable[[], object], theirs: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Best wall times of ``repeat`` runs of each, in seconds, the two run in turn so that a
    busy machine slows both alike."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for k, run in enumerate((ours, theirs)):
            start = time.perf_counter()
            run()
            best[k] = min(best[k], time.perf_counter() - start)
    return best[0], best[1]


def catalogue(items: int):  # type: ignore[no-untyped-def]
    """A catalogue of ``items`` items: the standard's items repeated, numbered in order."""
    import attrs

    from govdisclose import standard
    from govdisclose._model import Catalogue

    base = standard("work_safety")
    out = []
    counters: dict[object, int] = {}
    for i in range(items):
        item = base.items[i % len(base.items)]
        counters[item.first_level] = counters.get(item.first_level, 0) + 1
        out.append(attrs.evolve(item, number=counters[item.first_level]))
    out.sort(key=lambda item: list(type(item.first_level)).index(item.first_level))
    return Catalogue(domain=base.domain, title="某市安全生产领域基层政务公开目录", items=out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import openpyxl

    from govdisclose.tables import read_csv, read_xlsx, to_csv, to_xlsx
    from govdisclose.tables._cells import row_values
    from govdisclose.tables._layout import columns_for, extra_channels

    cat = catalogue(args.items)
    columns = columns_for(cat)
    extras = extra_channels(cat)
    rows = [[c.header for c in columns]] + [row_values(i, columns, extras) for i in cat.items]

    def plain_openpyxl() -> bytes:
        wb = openpyxl.Workbook()
        ws = wb.active
        for row in rows:
            ws.append(row)
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()

    ours, theirs = side_by_side(lambda: to_xlsx(cat), plain_openpyxl, args.repeat)
    print(f"export {args.items} items: govdisclose {ours:.2f} s, openpyxl {theirs:.2f} s, "
          f"ratio {ours / theirs:.2f} (goal <= 2)")  # fmt: skip

    folder = Path(tempfile.mkdtemp())
    path = folder / "city.xlsx"
    path.write_bytes(to_xlsx(cat))
    read_xlsx(path)  # warm the lazy imports and the standard's data
    ours, theirs = side_by_side(
        lambda: read_xlsx(path),
        lambda: openpyxl.load_workbook(path, data_only=True),
        args.repeat,
    )
    print(f"import {args.items} items: govdisclose {ours:.2f} s, openpyxl {theirs:.2f} s, "
          f"ratio {ours / theirs:.2f} (goal <= 2)")  # fmt: skip

    csv_path = folder / "city.csv"
    csv_path.write_bytes(to_csv(cat))

    def plain_csv() -> int:
        with csv_path.open(encoding="utf-8-sig", newline="") as handle:
            return sum(1 for _ in csv.reader(handle))

    ours, theirs = side_by_side(lambda: read_csv(csv_path), plain_csv, args.repeat)
    print(f"csv import {args.items} items: govdisclose {ours:.3f} s, csv.reader {theirs:.3f} s, "
          f"ratio {ours / theirs:.1f} (for reference)")  # fmt: skip


if __name__ == "__main__":
    main()
