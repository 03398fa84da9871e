"""README.md's two commands: the test command is what CI runs; the main job works."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from calendar_store import isolated_store  # noqa: F401
from govdisclose.cli import main

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_two_commands_near_the_top() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    assert "govdisclose catalogue show work-safety" in commands[0]
    assert commands[1].endswith("python -m pytest")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == readme_commands()[1]


def test_main_job(capsys: pytest.CaptureFixture[str]) -> None:
    command = readme_commands()[0].rsplit("&& govdisclose ", 1)[1].split()
    assert main(command) == 0
    assert "安全生产领域基层政务公开标准目录" in capsys.readouterr().out


def test_readme_examples() -> None:
    import doctest

    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False)
    assert result.attempted > 0 and result.failed == 0


def test_contributing_sets_up_with_the_readme_command() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert re.findall(r"```sh\n(.+?)\n```", text)[0] == readme_commands()[1]
    assert 'python -m pytest -m "not ajv"' in text  # how to run without Node.js
