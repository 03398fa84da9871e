"""Sphinx configuration for the govdisclose documentation (MyST Markdown pages).

Build with ``sphinx-build -W -b html docs docs/_build/html``; tests/test_docs.py does the same
in a temporary directory, and pytest runs the ``>>>`` examples of every page as doctests.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent / "src"))

from govdisclose import __version__  # noqa: E402

project = "govdisclose"
author = "govdisclose contributors"
copyright = "govdisclose contributors"
release = __version__
version = ".".join(__version__.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "govdisclose_docs",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "Thumbs.db", ".DS_Store"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "undoc-members": True, "show-inheritance": False}

# Every cross-reference must resolve (``sphinx-build -W`` fails on a dead one).  The public
# names are those of ``govdisclose.__all__``, documented on the API page; a reference written
# with a module path (``govdisclose.audit.audit_file``) goes to the public name, and one to an
# internal object (``Step``, the items of a deadline's ``steps``) is shown as code.  A name that
# exists nowhere is an error.  The standard library and the dependencies have no pages here
# (intersphinx would need the network; ``dt`` is how the modules import datetime).
nitpicky = True
_EXTERNAL = sorted(
    {*sys.stdlib_module_names, "dt", "attr", "attrs", "cattrs", "dateutil", "openpyxl"}
    | {"jsonschema", "stdnum", "chinese_calendar", "defusedxml", "tomli", "platformdirs"}
)
nitpick_ignore_regex = [
    (r"py:(class|mod|func|meth|attr|data|exc|obj)", rf"({'|'.join(_EXTERNAL)})(\..*)?"),
    # type variables (T, _T) of generic signatures have no page
    (r"py:class", r"(govdisclose(\.\w+)*\.)?_?T"),
]
nitpick_ignore = [
    ("py:class", "Path"),  # pathlib.Path, imported for type checking only
]


def _public_target(target: str) -> str | None:
    """``govdisclose.X…`` for a target naming the public name X through any module path."""
    import govdisclose

    parts = target.split(".")
    for i, part in enumerate(parts):
        if part in govdisclose.__all__ and (i == 0 or parts[0] == "govdisclose"):
            return ".".join(["govdisclose", *parts[i:]])
    return None


def _internal_object_exists(target: str) -> bool:
    """Whether an internal object of that name exists (so the reference is not dead)."""
    import importlib

    parts = target.split(".")
    if parts[0] == "govdisclose":
        for i in range(len(parts), 0, -1):
            try:
                obj = importlib.import_module(".".join(parts[:i]))
            except ImportError:
                continue
            try:
                for attr in parts[i:]:
                    obj = getattr(obj, attr)
            except AttributeError:
                return False
            return True
        return False
    return any(
        name.startswith("govdisclose") and hasattr(module, parts[0])
        for name, module in list(sys.modules.items())
    )


def _resolve(app, env, node, contnode):  # type: ignore[no-untyped-def]
    """Send references to the public names; show references to internal objects as code."""
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"].lstrip("~.")
    public = _public_target(target)
    domain = env.get_domain("py")
    if public is not None and public != target:
        for role in ("obj", "meth", "attr"):
            found = domain.resolve_xref(
                env, node["refdoc"], app.builder, role, public, node, contnode
            )
            if found is not None:
                return found
    if public is None and _internal_object_exists(target):
        return contnode
    return None


def setup(app):  # type: ignore[no-untyped-def]
    app.connect("missing-reference", _resolve)


html_theme = "alabaster"
html_title = f"govdisclose {release}"
html_theme_options = {
    "description": "安全生产和救灾领域基层政务公开标准目录 (应急厅函〔2019〕390号)",
    "fixed_sidebar": True,
}
