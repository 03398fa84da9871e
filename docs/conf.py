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
    "govdisclose_api",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "Thumbs.db", ".DS_Store"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "undoc-members": True, "show-inheritance": False}

# Every cross-reference must resolve (``sphinx-build -W`` fails on a dead one); references
# resolve as the name would in the module's code (govdisclose_api).  The only exceptions are
# the standard library and the dependencies, which have no pages here (intersphinx would need
# the network; ``dt`` is how the modules import datetime), and the type variables of generic
# signatures.
nitpicky = True
_EXTERNAL = sorted(
    {*sys.stdlib_module_names, "dt", "attr", "attrs", "cattrs", "dateutil", "openpyxl"}
    | {"jsonschema", "stdnum", "chinese_calendar", "defusedxml", "tomli"}
)
nitpick_ignore_regex = [
    (r"py:(class|mod|func|meth|attr|data|exc|obj)", rf"({'|'.join(_EXTERNAL)})(\..*)?"),
    # type variables (T, _T) and private helpers (``_Counter``) in signatures have no page
    (r"py:class", r"(govdisclose(\.\w+)*\.)?_?T|govdisclose(\.\w+)*\._\w+"),
]
nitpick_ignore = [
    ("py:class", "Path"),  # pathlib.Path, imported for type checking only
]

html_theme = "alabaster"
html_title = f"govdisclose {release}"
html_theme_options = {
    "description": "安全生产和救灾领域基层政务公开标准目录 (应急厅函〔2019〕390号)",
    "fixed_sidebar": True,
}
