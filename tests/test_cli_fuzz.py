"""Fuzzing every command that reads a file: random bytes and mutations of valid files.

Whatever the input, a command ends with exit code 0, 1 or 2 — a result, findings, or a
one-line error — never a traceback; the input file is never written; an output file is
either absent or complete.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdisclose.cli import main

DATA = Path(__file__).parent / "data"
EXAMPLE = Path(__file__).parents[1] / "src" / "govdisclose" / "data" / "arrangement-example.toml"
TEMPLATES: dict[str, bytes] = {}


def template(name: str) -> bytes:
    """A valid file of the kind ``name`` (made once)."""
    if name not in TEMPLATES:
        if name == "log.csv":
            TEMPLATES[name] = (DATA / "audit" / "log_zh.csv").read_bytes()
        elif name == "log.jsonl":
            TEMPLATES[name] = (DATA / "audit" / "log.jsonl").read_bytes()
        elif name == "records.json":
            TEMPLATES[name] = (DATA / "validate" / "documents.json").read_bytes()
        elif name == "arrangement.toml":
            TEMPLATES[name] = EXAMPLE.read_bytes()
        elif name == "ledger.csv":
            TEMPLATES[name] = (DATA / "requests" / "ledger.csv").read_bytes()
        elif name == "report.json":
            TEMPLATES[name] = (DATA / "annual_report" / "invented-county-2025.json").read_bytes()
        elif name == "2026.txt":
            TEMPLATES[name] = (DATA / "notices" / "2026.txt").read_bytes()
        elif name == "notice.txt":
            TEMPLATES[name] = "联系电话 13812345678，身份证号 110101199003074514。\n".encode()
        else:  # a catalogue: JSON, CSV or XLSX of the bundled township catalogue
            with tempfile.TemporaryDirectory() as directory:
                path = Path(directory) / name
                argv = ["catalogue", "derive", "work-safety", "--level", "township"]
                if name.endswith(".json"):
                    assert quietly([*argv, "-o", str(path)])[0] == 0
                else:
                    json_path = Path(directory) / "t.json"
                    assert quietly([*argv, "-o", str(json_path)])[0] == 0
                    assert quietly(["catalogue", "export", str(json_path), "-o", str(path)])[0] == 0
                TEMPLATES[name] = path.read_bytes()[:200_000]
    return TEMPLATES[name]


def quietly(argv: list[str]) -> tuple[int, str, str]:
    """Run the command line in this process; the exit code, standard error and output."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return code, err.getvalue(), out.getvalue()


@st.composite
def mutated(draw: st.DrawFn, name: str) -> bytes:
    """A valid file of kind ``name`` with a few bytes flipped, cut, repeated or inserted."""
    data = bytearray(template(name))
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "cut", "insert", "repeat", "truncate"]))
        if op == "flip":
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "insert":
            special = st.sampled_from([b'"', b",", b"\n", b"\r", b"\x00", b"{", b"\xff", b"\xe4"])
            data[at:at] = draw(special | st.binary(max_size=16))
        elif op == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
        else:
            del data[at:]
    return bytes(data)


def inputs(name: str) -> st.SearchStrategy[bytes]:
    return mutated(name) | st.binary(max_size=300)


#: command -> (input file name, argv given the input path and an output path)
COMMANDS: dict[str, tuple[str, Callable[[str, str], list[str]]]] = {
    "audit csv": ("log.csv", lambda i, o: ["audit", i, "--as-of", "2024-12-31", "-o", o]),
    "audit jsonl": (
        "log.jsonl",
        lambda i, o: ["audit", i, "--as-of", "2024-12-31", "--records", o, "--format", "json"],
    ),
    "catalogue show json": ("cat.json", lambda i, o: ["catalogue", "show", i]),
    "catalogue export csv": ("cat.csv", lambda i, o: ["catalogue", "export", i, "-o", o]),
    "catalogue import csv": ("cat.csv", lambda i, o: ["catalogue", "import", i, "-o", o]),
    "catalogue import xlsx": ("cat.xlsx", lambda i, o: ["catalogue", "import", i, "-o", o]),
    "catalogue derive": (
        "cat.json",
        lambda i, o: ["catalogue", "derive", i, "--level", "township", "-o", o],
    ),
    "validate catalogue": ("cat.json", lambda i, o: ["validate", i, "--against-standard"]),
    "validate records": ("records.json", lambda i, o: ["validate", i, "--as-of", "2024-12-31"]),
    "scan": ("notice.txt", lambda i, o: ["scan", i, "--mask", "-o", o]),
    "calendar day": (
        "arrangement.toml",
        lambda i, o: ["calendar", "day", "2026-10-01", "--calendar", i],
    ),
    "calendar ics": (
        "arrangement.toml",
        lambda i, o: ["calendar", "ics", "2026", "--calendar", i, "-o", o],
    ),
    "requests status": (
        "ledger.csv",
        lambda i, o: ["requests", "status", i, "--as-of", "2025-06-30", "--ics", o],
    ),
    "requests counts": ("ledger.csv", lambda i, o: ["requests", "counts", i, "--year", "2025"]),
    "annual-report check": ("report.json", lambda i, o: ["annual-report", "check", i, "-o", o]),
    "annual-report build": ("report.json", lambda i, o: ["annual-report", "build", "--input", i]),
    "calendar notice": ("2026.txt", lambda i, o: ["calendar", "notice", i, "-o", o]),
    "deadline request": (
        "arrangement.toml",
        lambda i, o: ["deadline", "request", "2026-09-28", "--calendar", i],
    ),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_any_input_ends_in_a_result_or_a_one_line_error(command: str) -> None:
    name, argv = COMMANDS[command]
    suffix = Path(name).suffix

    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=inputs(name))
    def run(data: bytes) -> None:
        directory = Path(tempfile.mkdtemp())
        try:
            source = directory / f"input{suffix}"
            source.write_bytes(data)
            output = directory / f"output{'.jsonl' if 'records' in str(argv('', '')) else suffix}"
            code, err, out = quietly(argv(str(source), str(output)))
            assert code in (0, 1, 2), (code, err)
            assert "Traceback" not in err
            if code == 2:  # a one-line error (a data error with its list), or findings
                said = err.startswith("govdisclose") or ": error: " in err
                assert said or out, (err, out)  # the ledger's unusable rows: in the output
                assert len(err.splitlines()) <= 30, err
            assert source.read_bytes() == data  # the input is never written
            leftovers = [p.name for p in directory.iterdir() if p.name.endswith(".tmp")]
            assert not leftovers
        finally:
            shutil.rmtree(directory)

    run()


@settings(max_examples=60, deadline=None, database=None)
@given(
    words=st.lists(
        st.sampled_from(
            [
                "2024-10-08",
                "today",
                "now",
                "--extended",
                "5",
                "0",
                "-1",
                "25",
                "--pause",
                "2024-10-09",
                "--supplemented",
                "2024年2月30日",
                "9999-12-31",
                "0001-01-01",
                "--provisional",
                "--format",
                "json",
                "--days",
                "99999999999",
                "--rule",
                "每周更新",
                "--major",
                "--authority",
                "2024-10-08T25:00",
                "x",
                "",
            ]
        ),
        max_size=6,
    ),
    kind=st.sampled_from(["proactive", "request", "opinion", "annual-report", "meeting"]),
)
def test_any_deadline_arguments_end_in_a_result_or_a_one_line_error(
    words: list[str], kind: str
) -> None:
    code, err, _ = quietly(["deadline", kind, *words])
    assert code in (0, 2) and "Traceback" not in err
    if code == 2:
        assert len(err.splitlines()) == 1, err
