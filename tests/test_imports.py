"""``import govdisclose`` and the command line's start stay light: heavy parts load on use."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

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


# -- the import graph: one direction of flow -----------------------------------------------

SRC = Path(__file__).resolve().parents[1] / "src"


def _modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    found = {}
    for path in sorted((SRC / "govdisclose").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _type_checking_only(tree: ast.Module) -> set[int]:
    """The ids of the nodes under ``if TYPE_CHECKING:`` (imports for annotations only)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(sub) for stmt in node.body for sub in ast.walk(stmt))
    return skipped


def _imported(module: str, path: Path, modules: dict[str, Path]) -> dict[str, list[int]]:
    """The package's modules ``module`` imports, at any depth, with the lines importing them."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_only(tree)
    found: dict[str, list[int]] = {}
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            # ``from pkg import name``: the submodule pkg.name when there is one, else pkg
            targets = [
                f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names
            ]
        for target in targets:
            if target in modules and target != module:
                lines = found.setdefault(target, [])
                if node.lineno not in lines:
                    lines.append(node.lineno)
    return found


def import_graph() -> dict[str, dict[str, list[int]]]:
    modules = _modules()
    return {name: _imported(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, dict[str, list[int]]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def test_import_graph_is_read_at_every_depth() -> None:
    graph = import_graph()
    # a module-level import, an import inside a function, and one only for type checking
    assert "govdisclose._output" in graph["govdisclose._converter"]
    assert "govdisclose.annual_report._tables" in graph["govdisclose.annual_report._reading"]
    assert "govdisclose.calendar" not in graph["govdisclose.audit._tally"]
    assert cycles({"a": {"b": []}, "b": {"c": []}, "c": {"a": []}, "d": {"a": []}}) == [
        frozenset("abc")
    ]


def test_no_import_cycles() -> None:
    """Data flows one way: files → model → rules and calendar → findings, deadlines and
    reports → output formats → command line.  No module imports one that imports it back,
    directly or through others, even inside a function."""
    graph = import_graph()
    found = list(cycles(graph))
    described = [
        {m: {t: lines for t, lines in graph[m].items() if t in c} for m in sorted(c)} for c in found
    ]
    assert described == [], described


def test_no_private_names_across_packages() -> None:
    """A package uses another package's helpers by their public names, never ``_name``."""
    modules = _modules()
    found = []
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
            base = ".".join([*anchor, *([node.module] if node.module else [])])
            home = base if base in modules and modules[base].name == "__init__.py" else None
            home = home or base.rpartition(".")[0]
            for alias in node.names:
                private = alias.name.startswith("_") and not alias.name.startswith("__")
                if private and home != package:
                    found.append(f"{path.relative_to(SRC)}:{node.lineno} {base}.{alias.name}")
    assert found == [], found
