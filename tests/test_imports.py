"""``import govdisclose`` and the command line's start stay light: heavy parts load on use."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("cattrs", "jsonschema", "openpyxl", "chinese_calendar", "stdnum", "dateutil")


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    return {name for name in HEAVY if name in out}


def test_import_loads_nothing_heavy() -> None:
    assert loaded_after("import govdisclose") == set()


def test_cli_help_loads_nothing_heavy() -> None:
    code = "from govdisclose.cli import build_parser\nbuild_parser().format_help()"
    assert loaded_after(code) == set()


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "govdisclose", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout.startswith("govdisclose ")
