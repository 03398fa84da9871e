"""Cross-check with Ajv (Node): every schema compiles in strict mode, and Ajv and Python's
jsonschema judge the same documents the same way.

Needs Node.js and ``npm ci --prefix tests/js``.  Without them these tests fail and say so;
deselect them with ``-m "not ajv"`` on a machine without Node.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from govdisclose.schemas import SCHEMA_NAMES, schema, write_schemas
from schema_cases import ROOT, as_json, invalid_cases, valid_cases

pytestmark = pytest.mark.ajv

JS = ROOT / "tests" / "js"
SCRIPT = JS / "validate.mjs"
INSTALL = "npm ci --prefix tests/js"


def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.fail(
            "Node.js is not installed: the Ajv cross-check needs node (>= 18) and "
            f"`{INSTALL}`; deselect it with -m 'not ajv'"
        )
    if not (JS / "node_modules" / "ajv" / "package.json").is_file():
        pytest.fail(
            f"tests/js/node_modules is missing: run `{INSTALL}` (installs the pinned ajv and "
            "ajv-formats) before pytest, or deselect with -m 'not ajv'"
        )
    return found


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [node(), str(SCRIPT), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def schema_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("schemas")
    write_schemas(target)
    return target


def test_every_schema_compiles_in_strict_mode(schema_dir: Path) -> None:
    result = run(str(schema_dir))
    assert result.returncode == 0, result.stderr
    head, _, names = result.stdout.strip().partition(": ")
    assert head == f"compiled {len(SCHEMA_NAMES)} schemas"
    assert sorted(names.split(", ")) == sorted(SCHEMA_NAMES)


def test_ajv_agrees_with_jsonschema(schema_dir: Path) -> None:
    cases = [(label, name, as_json(doc), True) for label, name, doc in valid_cases()]
    cases += [(label, name, as_json(doc), False) for label, name, doc in invalid_cases()]
    batch = [{"schema": name, "document": doc} for _, name, doc, _ in cases]
    result = run(str(schema_dir), "--stdin", stdin=json.dumps(batch, ensure_ascii=False))
    assert result.returncode in (0, 1), result.stderr
    verdicts: list[dict[str, Any]] = json.loads(result.stdout)
    assert len(verdicts) == len(cases)
    validators = {
        name: Draft202012Validator(schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)
        for name in SCHEMA_NAMES
    }
    disagreements = []
    for (label, name, doc, expected), verdict in zip(cases, verdicts, strict=True):
        python_valid = validators[name].is_valid(doc)
        if not (verdict["valid"] == python_valid == expected):
            disagreements.append((label, expected, python_valid, verdict))
    assert disagreements == []
    assert result.returncode == 1  # the batch holds invalid documents


def test_file_mode_reports_each_file(schema_dir: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    bad = tmp_path / "bad.json"
    item = next(doc for _, name, doc in valid_cases() if name == "catalogue-item")
    good.write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
    bad.write_text(json.dumps({**item, "channels": ["两微一端"]}, ensure_ascii=False), "utf-8")
    result = run(str(schema_dir), "catalogue-item", str(good), str(bad))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{good}: valid"
    assert lines[1] == f"{bad}: invalid"
    assert "/channels/0" in result.stdout


def test_a_schema_ajv_refuses_is_reported(tmp_path: Path) -> None:
    (tmp_path / "loose.schema.json").write_text(
        json.dumps({"type": "object", "anyOf": [{"required": ["a"]}]}), encoding="utf-8"
    )
    result = run(str(tmp_path))
    assert result.returncode == 2
    assert "strict" in result.stderr and "loose.schema.json" in result.stderr
