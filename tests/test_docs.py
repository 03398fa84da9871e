"""The documentation builds without warnings and covers the library's vocabularies and modules.

The pages' ``>>>`` examples run as doctests with the rest of the suite (pyproject's
``--doctest-glob=*.md`` and ``testpaths``); the Sphinx build is marked ``docs`` (a few seconds).
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

import govdisclose
from govdisclose._vocabulary import Term
from govdisclose.findings import all_codes

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

try:  # docs/_ext: the generated tables (the extension needs Sphinx)
    import govdisclose_docs
except ImportError:  # Python 3.10: the test extras install no Sphinx there
    govdisclose_docs = None

#: Tests that use the docs extension, which imports Sphinx.
needs_sphinx = pytest.mark.skipif(
    govdisclose_docs is None, reason="Sphinx is installed with the test extras on Python 3.11+"
)


def _sphinx_version() -> tuple[int, ...]:
    try:
        from importlib.metadata import version
    except ImportError:  # pragma: no cover
        return ()
    try:
        return tuple(int(part) for part in version("sphinx").split(".")[:2])
    except Exception:  # not installed, or an unusual version string
        return ()


@pytest.mark.docs
@pytest.mark.skipif(
    _sphinx_version() < (9,),
    reason="the docs are built with Sphinx 9 or later, which needs Python 3.11 or later",
)
def test_sphinx_build_has_no_warnings(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            "-d",
            str(tmp_path / "doctrees"),
            str(DOCS),
            str(tmp_path / "html"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    pages = {p.stem for p in (tmp_path / "html").glob("*.html")}
    assert {
        "index",
        "overview",
        "tutorial",
        "glossary",
        "findings",
        "cli",
        "api",
        "compatibility",
        "schemas",
    } <= pages
    findings = (tmp_path / "html" / "findings.html").read_text(encoding="utf-8")
    codes = subprocess.run(  # a clean process: tests register codes of their own
        [
            sys.executable,
            "-c",
            "from govdisclose.findings import all_codes; print(*(c.code for c in all_codes()))",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.split()
    assert len(codes) > 50
    assert [code for code in codes if code not in findings] == []
    glossary = (tmp_path / "html" / "glossary.html").read_text(encoding="utf-8")
    assert "``" not in glossary  # docstring lines in tables are rendered, not shown as reST
    assert [c for c in govdisclose_docs.codes_in_source() if c not in glossary] == []
    assert "time_limit_&lt;kind&gt;" in glossary
    api_page = (tmp_path / "html" / "api.html").read_text(encoding="utf-8")
    for name in govdisclose.__all__:
        if name != "__version__":
            assert f'id="govdisclose.{name}"' in api_page, name


def test_pages_are_collected_as_doctests() -> None:
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "--doctest-glob=*.md" in config
    assert re.search(r'testpaths = \[[^\]]*"docs"', config)
    with_examples = [p.name for p in DOCS.glob("*.md") if ">>> " in p.read_text("utf-8")]
    assert {"tutorial.md", "index.md", "schemas.md"} <= set(with_examples)


def _term_classes() -> set[type[Term]]:
    all_codes()  # imports every module of the library
    found: set[type[Term]] = set()
    todo = list(Term.__subclasses__())
    while todo:
        cls = todo.pop()
        if cls.__module__.startswith("govdisclose.") and list(cls):
            found.add(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_glossary_lists_every_vocabulary() -> None:
    glossary = (DOCS / "glossary.md").read_text(encoding="utf-8")
    documented = set()
    for entry in re.findall(r"```\{vocabulary\} (\S+)", glossary):
        module, _, name = entry.rpartition(".")
        cls = getattr(importlib.import_module(module), name)
        assert issubclass(cls, Term), entry
        documented.add(cls)
    missing = sorted(cls.__qualname__ for cls in _term_classes() - documented)
    assert not missing, f"add a {{vocabulary}} table to docs/glossary.md for {missing}"


def test_api_page_documents_each_public_name_once() -> None:
    """The API page is the list of public names: every name of ``govdisclose.__all__``,
    once, and nothing else (modules are internal)."""
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\.\. auto\w+:: govdisclose\.(\w+)$", api, flags=re.MULTILINE)
    assert len(documented) == len(set(documented))
    assert set(documented) == set(govdisclose.__all__) - {"__version__"}
    assert "automodule" not in api


@needs_sphinx
def test_every_legal_rule_code_in_the_source_has_an_example() -> None:
    computed = {deadline.rule.code for deadline, _ in govdisclose_docs.legal_rule_examples()}
    in_source = set(govdisclose_docs.codes_in_source())
    assert {"ogi_art26", "ogi_art33_extended", "major_emergency_24h"} <= in_source
    assert in_source <= computed
