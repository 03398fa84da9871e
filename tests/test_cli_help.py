"""The help of every command: fits 80 terminal columns, bilingual, and the parts a user meets
speak of the command line, not of Python."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from wcwidth import wcswidth

from govdisclose.cli import COMMANDS, build_parser, main

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = re.compile(r"[A-Za-z]{3,}")


def parsers() -> Iterator[tuple[str, argparse.ArgumentParser]]:
    def walk(parser: argparse.ArgumentParser, name: str) -> Iterator[tuple[str, Any]]:
        yield name, parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub_name, sub in action.choices.items():
                    yield from walk(sub, f"{name} {sub_name}")

    yield from walk(build_parser(), "govdisclose")


ALL = list(parsers())


def test_every_command_group_and_subcommand_is_covered() -> None:
    names = {name for name, _ in ALL}
    assert {f"govdisclose {group}" for group in COMMANDS} <= names
    assert {"govdisclose deadline annual-report", "govdisclose calendar day"} <= names
    assert len(names) >= 18


@pytest.mark.parametrize(("name", "parser"), ALL, ids=[name for name, _ in ALL])
def test_help_fits_80_columns_counting_chinese_as_two(
    name: str, parser: argparse.ArgumentParser, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # a wide terminal still gets 80 columns at most
    text = parser.format_help()
    too_wide = [line for line in text.splitlines() if wcswidth(line) > 80]
    assert not too_wide, f"{name}: {too_wide}"


@pytest.mark.parametrize(("name", "parser"), ALL, ids=[name for name, _ in ALL])
def test_help_is_bilingual(name: str, parser: argparse.ArgumentParser) -> None:
    texts = [("description", parser.description or "")]
    texts += [
        (action.dest, action.help or "")
        for action in parser._actions
        if not isinstance(action, argparse._SubParsersAction)
    ]
    for sub in parser._actions:
        if isinstance(sub, argparse._SubParsersAction):
            texts += [(choice.dest, choice.help or "") for choice in sub._choices_actions]
    for what, text in texts:
        if text == argparse.SUPPRESS:
            continue
        assert CJK.search(text) and ENGLISH.search(text), f"{name} {what}: {text!r}"


def test_a_narrow_terminal_wraps_chinese_by_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    for name, parser in ALL:
        for line in parser.format_help().splitlines():
            # argparse lays out the usage and option names itself; the help texts fit
            if CJK.search(line):
                assert wcswidth(line) <= 40, f"{name}: {line!r}"


@pytest.mark.parametrize(
    "argv",
    [
        ["deadline", "request", "2030-01-08"],
        ["deadline", "request", "2060-01-08", "--provisional"],
        ["deadline", "request", "2024-10-08", "--extended", "25"],
        ["calendar", "day", "2031-05-01"],
    ],
)
def test_messages_name_options_not_python_api(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    for python in ("WorkCalendar", "provisional=True", "True for", "with_arrangement"):
        assert python not in err


def test_findings_printed_by_validate_name_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = tmp_path / "record.json"
    record.write_text(
        '{"id": "1", "title": "x", "issued": "2031-01-02", "attribute": "proactive"}',
        encoding="utf-8",
    )
    main(["validate", str(record)])
    out = capsys.readouterr().out
    assert "document.deadline-unknown" in out and "--provisional" in out
    assert "provisional=True" not in out and "WorkCalendar" not in out


def test_version_and_top_level_help_import_no_command_group() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from govdisclose.cli import main\n"
        "main(['--version'])\n"
        "try:\n"
        "    main(['-h'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('govdisclose.cli.')))\n"
        "print(sorted(m for m in ('attrs', 'govdisclose._model', 'json') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.splitlines()[-2:] == ["[]", "[]"]


def test_a_date_taken_by_extended_says_to_put_the_date_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["deadline", "request", "--extended", "2024-10-08"])
    err = capsys.readouterr().err
    assert "put the date first: request RECEIVED --extended" in err and err.count("\n") == 1
    assert main(["deadline", "request", "2024-10-08", "--extended"]) == 0
