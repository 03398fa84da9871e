"""Benchmark: checking yearly reports against merely parsing the same JSON files.

Writes N label-keyed report files (default 1,000) to a temporary directory — complete reports
in the 2021 layout built from random counts, every tenth with an arithmetic error, every
twentieth with blank cells, every fiftieth in the 2019 trial layout (invented figures) — then,
in this process, times

* ``json.loads`` of every file's text (the bare parse, nothing else),
* ``read_report_document`` on every parsed document (the labels mapped to the canonical
  shape, checked against the ``annual-report`` schema, the cells read), and
* ``govdisclose.annual_report.check_report`` on every file (read, decode, parse, check),

best of ``--repeat`` runs each in CPU time of this process (``time.process_time``: other work
on a shared machine does not move the ratios), and prints the ratios.

Goal: checking at most 25 × the bare parse (a report has about 230 cells, each read by
label, located and checked against several relations).

    python benchmarks/bench_annual_report.py [--reports N] [--repeat K]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

RATIO_GOAL = 25.0


def generate(directory: Path, n: int, seed: int = 20250131) -> list[Path]:
    """Write ``n`` report files; return their paths."""
    from govdisclose.annual_report import AnnualReport, to_document
    from govdisclose.annual_report._format import APPLICANT_COLUMNS, RESULT_ROWS

    rng = random.Random(seed)
    paths = []
    for i in range(n):
        results = {
            row: {c: rng.randrange(4) for c in rng.sample(APPLICANT_COLUMNS, 2)}
            for row in rng.sample(RESULT_ROWS, 5)
        }
        answered = {c: sum(r.get(c, 0) for r in results.values()) for c in APPLICANT_COLUMNS}
        table3 = {
            **results,
            "new_requests": {c: answered[c] + rng.randrange(2) for c in APPLICANT_COLUMNS},
        }
        report = AnnualReport.from_counts(
            body=f"某某县应急管理局{i}（虚构）",
            year=2025,
            level=rng.choice(["township", "county", "city"]),
            table2={
                "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
                "normative_documents": {"issued": 1, "repealed": 0, "in_force": 4},
                "licensing": {"decisions": rng.randrange(100)},
                "penalties": {"decisions": rng.randrange(50)},
                "enforcement": {"decisions": rng.randrange(5)},
                "fees": {"fee_amount": 0},
            },
            table3=table3,
            table4={"administrative_review": {"upheld": rng.randrange(3)}},
        )
        document = to_document(report)
        rows = document["table3"]["rows"]
        if i % 10 == 3:
            rows["三、本年度办理结果（七）总计"][0] += 1
        if i % 20 == 5:
            rows["三、本年度办理结果（一）予以公开"][2] = None
        if i % 50 == 7:
            for key in [k for k in rows if "（六）其他处理" in k]:
                del rows[key]
            rows["（六）其他处理"] = [0] * 7
        path = directory / f"report-{i:05d}.json"
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
        paths.append(path)
    return paths


def time_parse(paths: list[Path]) -> float:
    start = time.process_time()
    for path in paths:
        json.loads(path.read_text(encoding="utf-8"))
    return time.process_time() - start


def time_read(documents: list[object]) -> float:
    from govdisclose.annual_report import read_report_document

    start = time.process_time()
    for document in documents:
        read_report_document(document)
    return time.process_time() - start


def time_check(paths: list[Path]) -> tuple[float, int]:
    from govdisclose.annual_report import check_report

    start = time.process_time()
    errors = 0
    for path in paths:
        errors += check_report(path).count("error")
    return time.process_time() - start, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp), args.reports)
        time_check(paths[:5])  # imports and first-use tables, outside the timing
        parse = min(time_parse(paths) for _ in range(args.repeat))
        documents = [json.loads(path.read_text(encoding="utf-8")) for path in paths]
        read = min(time_read(documents) for _ in range(args.repeat))
        checks = [time_check(paths) for _ in range(args.repeat)]
        check = min(seconds for seconds, _ in checks)
        errors = checks[0][1]
    ratio = check / parse
    print(f"reports:            {args.reports}")
    print(f"json.loads:         {parse:.3f} s")
    print(f"read (parsed JSON): {read:.3f} s ({read / args.reports * 1000:.2f} ms per report)")
    print(f"check_report:       {check:.3f} s ({check / args.reports * 1000:.2f} ms per report)")
    print(f"errors found:       {errors}")
    verdict = "ok" if ratio <= RATIO_GOAL else "SLOW"
    print(f"ratio read/parse:   {read / parse:.1f}")
    print(f"ratio check/parse:  {ratio:.1f} (goal ≤ {RATIO_GOAL:g}) {verdict}")


if __name__ == "__main__":
    main()
