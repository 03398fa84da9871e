"""The documentation builds without warnings and covers the library's vocabularies and modules.

The pages' ``>>>`` examples run as doctests with the rest of the suite (pyproject's
``--doctest-glob=*.md`` and ``testpaths``); the Sphinx build is marked ``docs`` (a few seconds).
"""

from __future__ import annotations

import importlib
import pkgutil
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

import govdisclose_api  # noqa: E402  (docs/_ext: the API page's autodoc helpers)
import govdisclose_docs  # noqa: E402  (docs/_ext: the generated tables)

#: Top-level modules with no entry on the API page, and why.
NOT_IN_API = {
    "__about__": "the version, exported as govdisclose.__version__",
    "__main__": "python -m govdisclose: the command line, on the CLI page",
    "_dates": "private date helpers",
    "cli": "the command line: docs/cli.md, generated from the argument parser",
    "_texttable": "an internal helper of the text output",
}


@pytest.mark.docs
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
    for constant in ("deadlines.REPLY_WORKDAYS", "audit.REASONS", "timelimits.RULE_TYPES"):
        assert f'id="govdisclose.{constant}"' in api_page  # re-exported, with its comment


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


def _api_modules() -> list[str]:
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    return re.findall(r"^\.\. automodule:: (govdisclose\.[\w.]+)$", api, flags=re.MULTILINE)


def test_api_reference_lists_every_top_level_module() -> None:
    documented = {name.split(".")[1] for name in _api_modules()}
    modules = {info.name for info in pkgutil.iter_modules(govdisclose.__path__)}
    assert modules - documented - set(NOT_IN_API) == set(), "add the module to docs/api.md"
    assert set(NOT_IN_API) <= modules, "NOT_IN_API names a module that no longer exists"
    assert not documented & set(NOT_IN_API)


def test_api_reference_modules_exist_once() -> None:
    names = _api_modules()
    assert len(names) == len(set(names))
    for name in names:
        importlib.import_module(name)


def test_documented_constants_have_doc_comments() -> None:
    """A constant in a documented ``__all__`` needs a ``#:`` comment to appear on the API page
    (the build fails without one); a re-exported one is shown with the package."""
    missing = {
        name: undocumented
        for name in _api_modules()
        if (undocumented := govdisclose_api.undocumented_constants(name))
    }
    assert missing == {}
    shown = govdisclose_api.constant_comments("govdisclose.deadlines")
    assert shown["REPLY_WORKDAYS"] and shown["MAX_EXTENSION_WORKDAYS"]
    assert "REASONS" in govdisclose_api.constant_comments("govdisclose.audit")


def test_submodule_pages_leave_re_exported_names_to_the_package() -> None:
    assert govdisclose_api.reexported("govdisclose.audit._logfile") == []
    assert govdisclose_api.reexported("govdisclose._model") == []  # top level: nothing left out


def test_every_legal_rule_code_in_the_source_has_an_example() -> None:
    computed = {deadline.rule.code for deadline, _ in govdisclose_docs.legal_rule_examples()}
    in_source = set(govdisclose_docs.codes_in_source())
    assert {"ogi_art26", "ogi_art33_extended", "major_emergency_24h"} <= in_source
    assert in_source <= computed
