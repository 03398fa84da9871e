"""Benchmark: the personal-data scan against a bare ``re.finditer`` over the same text.

Generates two texts in memory (default 20 MB of UTF-8 each):

* *ordinary* — Chinese prose as work-safety and disaster-relief notices are written: dates,
  amounts, document numbers, percentages, a hotline now and then, about one relief-list line
  with an ID and a mobile number per 2 KB;
* *dense* — a relief list (因灾过渡期生活救助 style): every line a name, an ID number, a mobile,
  a bank card number and an amount, some written in groups or with HTML tags.

and times, in this process, the best of ``--repeat`` runs each, taken in turn:

* the baseline: ``for m in re.finditer(r"[0-9]+", text): pass`` (a bare digit pattern), and
* ``govdisclose._privacy.iter_matches`` over the same text in pieces of 2**18 characters
  (the scan as ``scan_file`` and ``govdisclose scan`` run it), consuming every match;

and prints MB/s (MB = 10**6 bytes of UTF-8) and the ratio of the two.  Peak memory of the scan
is measured with :mod:`tracemalloc` in this process, for the streamed scan of a file of the
dense text once and of the same text four times over, and as the peak resident memory
(``VmHWM`` from ``/proc``, Linux) of the whole command ``govdisclose scan --format json --mask``
on the same two files, each in a fresh interpreter: flat memory means the peaks are alike.

Goals (ordinary text): at least 40 MB/s and within 5 × the bare regex.

    python benchmarks/bench_scan.py [--megabytes N] [--repeat K]
"""

from __future__ import annotations

import argparse
import functools
import random
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

SPEED_GOAL = 40.0
RATIO_GOAL = 5.0
PIECE = 1 << 18

_SENTENCES = [
    "为进一步做好安全生产和防灾减灾救灾工作，根据上级有关文件精神，结合本地实际，制定本方案。",
    "各乡镇人民政府、县直有关单位要高度重视，切实加强组织领导，明确责任分工，确保各项工作落到实处。",
    "{y}年{m}月{d}日，县应急管理局组织开展了安全生产大检查，共检查企业{n}家，发现隐患{k}处，已整改{j}处。",
    "本次共下达执法文书{n}份，责令限期整改{k}项，罚款{a}元。",
    "依据《中华人民共和国安全生产法》第{k}条，对该企业作出行政处罚决定（豫应急罚〔{y}〕{n}号）。",
    "全县共发放因灾过渡期生活救助资金{a}万元，涉及受灾群众{n}户{k}人。",
    "请于{y}年{m}月{d}日前将有关材料报送县应急管理局办公室，联系电话：0371-6{n:03d}{k:04d}。",
    "监督举报电话：12345；应急值守电话：0371-{n:04d}{k:04d}。",
    "截至{m}月底，全县安全生产形势总体平稳，事故起数同比下降{k}.{j}%。",
    "各单位要严格落实24小时值班和领导带班制度，遇有重大情况第一时间报告。",
    "根据气象部门预报，{m}月{d}日至{j}日我县将出现强降雨天气，累计降雨量{n}毫米以上。",
    "本通知自印发之日起施行，有效期{k}年。",
]


def _id(rng: random.Random) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    body = f"41{rng.randint(1, 17):02d}{rng.randint(1, 30):02d}"
    body += f"{rng.randint(1940, 2010)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    body += f"{rng.randint(0, 999):03d}"
    return body + "10X98765432"[sum(w * int(d) for w, d in zip(weights, body, strict=True)) % 11]


def _card(rng: random.Random) -> str:
    body = "622848" + "".join(str(rng.randint(0, 9)) for _ in range(12))
    for digit in "0123456789":
        number = body + digit
        total = 0
        for i, ch in enumerate(reversed(number)):
            d = int(ch)
            if i % 2:
                d = d * 2 - 9 if d > 4 else d * 2
            total += d
        if total % 10 == 0:
            return number
    raise AssertionError("unreachable")


def _mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randint(0, 999999999):09d}"


def _relief_line(rng: random.Random, n: int) -> str:
    name = rng.choice("张王李赵刘陈杨黄周吴") + rng.choice(
        ["三", "四", "五", "建国", "秀英", "桂兰"]
    )
    id_card, mobile, card = _id(rng), _mobile(rng), _card(rng)
    style = n % 5
    if style == 1:
        id_card = f"{id_card[:6]} {id_card[6:14]} {id_card[14:]}"
    elif style == 2:
        mobile = f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}"
    elif style == 3:
        id_card = f"{id_card[:10]}<span>{id_card[10:]}</span>"
    elif style == 4:
        card = " ".join(card[i : i + 4] for i in range(0, len(card), 4))
    return f"{n},{name},{id_card},{mobile},{card},{rng.randint(5, 200) * 100}.00\n"


def ordinary_text(megabytes: float, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    goal = int(megabytes * 1_000_000)
    while size < goal:
        if rng.random() < 0.02:
            part = _relief_line(rng, rng.randint(1, 500))
        else:
            part = rng.choice(_SENTENCES).format(
                y=rng.randint(2019, 2025),
                m=rng.randint(1, 12),
                d=rng.randint(1, 28),
                n=rng.randint(1, 9999),
                k=rng.randint(1, 99),
                j=rng.randint(1, 9),
                a=rng.randint(1, 99999),
            )
            if rng.random() < 0.1:
                part += "\n"
        parts.append(part)
        size += len(part.encode())
    return "".join(parts)


def dense_text(megabytes: float, seed: int = 2) -> str:
    rng = random.Random(seed)
    parts = ["序号,姓名,身份证号码,联系电话,银行卡号,救助金额（元）\n"]
    size, n = 0, 0
    goal = int(megabytes * 1_000_000)
    while size < goal:
        n += 1
        line = _relief_line(rng, n)
        parts.append(line)
        size += len(line.encode())
    return "".join(parts)


def pieces(text: str) -> Iterator[str]:
    for i in range(0, len(text), PIECE):
        yield text[i : i + PIECE]


def best_of(runs: dict[str, Callable[[], int]], repeat: int) -> dict[str, tuple[float, int]]:
    """The best time and the result of each run, the runs taken in turn ``repeat`` times
    (side by side, so that a busy machine slows them alike)."""
    times: dict[str, float] = {}
    counts: dict[str, int] = {}
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            counts[name] = run()
            seconds = time.perf_counter() - start
            times[name] = min(times.get(name, seconds), seconds)
    return {name: (times[name], counts[name]) for name in runs}


def bare_regex(text: str) -> int:
    count = 0
    for _ in re.finditer(r"[0-9]+", text):
        count += 1
    return count


def scan(text: str) -> int:
    from govdisclose._privacy import iter_matches

    return sum(1 for _ in iter_matches(pieces(text)))


def peak_of_file_scan(path: Path) -> int:
    """Peak bytes allocated (tracemalloc) while scanning ``path`` streamed, every match
    consumed and dropped."""
    from govdisclose._privacy import iter_matches, read_text_chunks

    tracemalloc.start()
    tracemalloc.reset_peak()
    with path.open("rb") as raw:
        _, chunks = read_text_chunks(raw, source=str(path))
        for _ in iter_matches(chunks):
            pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


# Run in a fresh interpreter: the whole command, listing as JSON to /dev/null and the masked
# text to a file.  VmHWM (peak resident memory of this process's own address space, which a
# new program starts afresh) is read from /proc; ru_maxrss is not used because Linux carries
# the parent's peak over into it.
_MEASURE = r"""
import sys
def peak_kb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
from govdisclose.cli import main
import govdisclose._privacy
before = peak_kb()
main(["scan", sys.argv[1], "--format", "json", "--mask", "-o", sys.argv[2]])
print(before, peak_kb(), file=sys.stderr)
"""


def peak_of_command(path: Path, out: Path) -> tuple[int, int] | None:
    """Peak resident kB of ``govdisclose scan --format json --mask`` on ``path`` in a fresh
    process, after importing and at the end; ``None`` where /proc is not available."""
    if not Path("/proc/self/status").exists():
        return None
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path), str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    before, after = done.stderr.split()[-2:]
    return int(before), int(after)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    import govdisclose._privacy  # noqa: F401  (imported before timing)

    print(f"Python {sys.version.split()[0]}; best of {args.repeat}; MB = 10**6 bytes of UTF-8")
    slow = False
    for label, make in (("ordinary", ordinary_text), ("dense", dense_text)):
        text = make(args.megabytes)
        megabytes = len(text.encode()) / 1e6
        timed = best_of(
            {"regex": functools.partial(bare_regex, text), "scan": functools.partial(scan, text)},
            args.repeat,
        )
        (base_s, base_n), (scan_s, found) = timed["regex"], timed["scan"]
        ratio = scan_s / base_s
        speed = megabytes / scan_s
        print(
            f"{label:9} {megabytes:6.1f} MB  re.finditer {megabytes / base_s:7.1f} MB/s "
            f"({base_n} runs)  scan {speed:6.1f} MB/s ({found} matches)  "
            f"ratio {ratio:4.1f}x"
        )
        if label == "ordinary" and (speed < SPEED_GOAL or ratio > RATIO_GOAL):
            slow = True
    with tempfile.TemporaryDirectory() as tmp:
        dense = dense_text(max(args.megabytes / 4, 2.0))  # many pieces either way
        once, four = Path(tmp, "once.txt"), Path(tmp, "four.txt")
        once.write_text(dense, encoding="utf-8")
        four.write_text(dense * 4, encoding="utf-8")
        del dense
        small, large = peak_of_file_scan(once), peak_of_file_scan(four)
        print(
            f"peak memory (tracemalloc) of the streamed file scan: "
            f"{once.stat().st_size / 1e6:.1f} MB file {small / 1e6:.1f} MB, "
            f"{four.stat().st_size / 1e6:.1f} MB file {large / 1e6:.1f} MB"
        )
        for path in (once, four):
            peaks = peak_of_command(path, Path(tmp, "masked.txt"))
            if peaks is None:
                print("peak resident memory of the command: /proc not available, not measured")
                break
            print(
                f"peak resident memory (VmHWM) of `govdisclose scan --format json --mask` in a "
                f"fresh process, {path.stat().st_size / 1e6:.1f} MB file: {peaks[1] / 1024:.1f} MB "
                f"({peaks[0] / 1024:.1f} MB after imports)"
            )
    print(
        f"goal (ordinary): >= {SPEED_GOAL:.0f} MB/s and <= {RATIO_GOAL:.0f}x the bare regex: "
        f"{'not met' if slow else 'met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
