"""Benchmark: the status of a requests ledger against merely parsing the same CSV with ``csv``.

Generates an invented ledger of N requests (default 100,000) in a temporary directory —
received over 2024–2026, all six applicant categories, about a third with a supplement, a
fifth extended, a tenth with a consultation, a few with fees, about 80 % answered under
every outcome — then, in this process, times

* ``csv.reader`` reading every row of the file (nothing else), and
* ``read_ledger`` followed by ``ledger_status`` as of 2026-06-30 (every request's deadline,
  working days left or late, the checks), the work of ``govdisclose requests status``,

best of ``--repeat`` runs each in CPU time of this process (``time.process_time``: other work
on a shared machine does not move the ratio), and prints both times and their ratio, and the
two parts — ``read_ledger`` alone and ``ledger_status`` alone — against the parse.  The
status takes each due date from the calendar's index of working days (no day-by-day
explanation; a ledger's identical deadlines are computed once); ``--explain`` times
``ledger_status(explain=True)``, the work of ``requests status --explain``, as well.

    python benchmarks/bench_requests.py [--requests N] [--repeat K] [--explain]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import tempfile
import time
from pathlib import Path

AS_OF = dt.date(2026, 6, 30)
HEADER = [
    "申请编号", "收到申请日期", "提交方式", "申请人类型", "申请人", "申请内容",
    "告知补正日期", "收到补正日期", "延期天数", "征求意见日期", "意见答复日期",
    "收费方式", "收费通知日期", "页数", "缴费日期", "答复日期", "办理结果",
]  # fmt: skip
CATEGORIES = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
CHANNELS = ["当面提交", "网上申请", "传真", "邮寄"]


def write_ledger(path: Path, count: int, seed: int = 2025) -> None:
    from govdisclose.requests import Outcome

    outcomes = [
        o.label for o in Outcome if o.code not in ("other.no_supplement", "other.fee_unpaid")
    ]
    rng = random.Random(seed)
    first = dt.date(2024, 1, 2).toordinal()
    span = dt.date(2026, 6, 1).toordinal() - first
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n in range(count):
            received = dt.date.fromordinal(first + rng.randrange(span))
            cells = dict.fromkeys(HEADER, "")
            cells.update(
                {
                    "申请编号": f"Q{n:07d}",
                    "收到申请日期": received.isoformat(),
                    "提交方式": rng.choice(CHANNELS),
                    "申请人类型": rng.choice(CATEGORIES),
                    "申请人": f"申请人{rng.randrange(count // 5 + 1)}",
                    "申请内容": "某企业安全生产检查记录",
                }
            )
            last = received
            if rng.random() < 0.3:
                asked = received + dt.timedelta(days=rng.randrange(1, 6))
                last = asked + dt.timedelta(days=rng.randrange(1, 10))
                cells["告知补正日期"], cells["收到补正日期"] = asked.isoformat(), last.isoformat()
            if rng.random() < 0.2:
                cells["延期天数"] = str(rng.randrange(5, 21))
            if rng.random() < 0.1:
                sent = last + dt.timedelta(days=rng.randrange(1, 5))
                last = sent + dt.timedelta(days=rng.randrange(1, 20))
                cells["征求意见日期"], cells["意见答复日期"] = sent.isoformat(), last.isoformat()
            if rng.random() < 0.03:
                sent = last + dt.timedelta(days=2)
                last = sent + dt.timedelta(days=3)
                cells.update(
                    {"收费方式": "按量", "收费通知日期": sent.isoformat(), "页数": "60",
                     "缴费日期": last.isoformat()}
                )  # fmt: skip
            replied = last + dt.timedelta(days=rng.randrange(3, 45))
            if rng.random() < 0.8 and replied <= AS_OF:
                cells["答复日期"], cells["办理结果"] = replied.isoformat(), rng.choice(outcomes)
            writer.writerow(cells[h] for h in HEADER)


def bare_parse(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle))


def status(path: Path, calendar: object, *, explain: bool = False) -> int:
    from govdisclose.requests import ledger_status, read_ledger

    reading = read_ledger(path)
    result = ledger_status(
        reading.ledger,
        AS_OF,
        calendar=calendar,  # type: ignore[arg-type]
        locations=reading.locations,
        explain=explain,
    )
    return len(result.requests)


def best(repeat: int, run: object) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()  # type: ignore[operator]
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--explain", action="store_true", help="also time explain=True")
    args = parser.parse_args()
    from govdisclose.calendar import default_calendar

    calendar = default_calendar()
    calendar.add_workdays(dt.date(2024, 1, 2), 1)  # build the calendar tables before timing
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ledger.csv"
        write_ledger(path, args.requests)
        rows = bare_parse(path)
        assert status(path, calendar) > 0
        from govdisclose.requests import ledger_status, read_ledger

        reading = read_ledger(path)
        parse_time = best(args.repeat, lambda: bare_parse(path))
        status_time = best(args.repeat, lambda: status(path, calendar))
        read_time = best(args.repeat, lambda: read_ledger(path))
        alone_time = best(
            args.repeat,
            lambda: ledger_status(
                reading.ledger, AS_OF, calendar=calendar, locations=reading.locations
            ),
        )
        json_path = Path(folder) / "ledger.json"
        from govdisclose.requests import ledger_to_json

        json_path.write_text(json.dumps(ledger_to_json(reading.ledger), ensure_ascii=False))
        assert len(read_ledger(json_path).ledger.requests) == len(reading.ledger.requests)
        loads_time = best(args.repeat, lambda: json.loads(json_path.read_bytes()))
        json_time = best(args.repeat, lambda: read_ledger(json_path))
        explain_time = (
            best(args.repeat, lambda: status(path, calendar, explain=True)) if args.explain else 0
        )
    print(f"requests: {args.requests:,} ({rows - 1:,} rows), status as of {AS_OF}")
    print(f"csv.reader parse:        {parse_time:8.3f} s")
    print(f"read_ledger + status:    {status_time:8.3f} s")
    print(f"ratio status / parse:    {status_time / parse_time:8.1f} ×")
    print(f"  read_ledger alone:     {read_time / parse_time:8.1f} ×")
    print(f"  ledger_status alone:   {alone_time / parse_time:8.1f} ×")
    if args.explain:
        print(f"with explain=True:       {explain_time / parse_time:8.1f} ×")
    print(f"per request:             {status_time / args.requests * 1e6:8.1f} µs")
    print(f"json.loads of the JSON:  {loads_time:8.3f} s")
    print(f"read_ledger of the JSON: {json_time:8.3f} s")
    print(f"ratio read / json.loads: {json_time / loads_time:8.1f} ×")


if __name__ == "__main__":
    main()
