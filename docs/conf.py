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
autodoc_default_options = {"members": True, "show-inheritance": False}

html_theme = "alabaster"
html_title = f"govdisclose {release}"
html_theme_options = {
    "description": "安全生产和救灾领域基层政务公开标准目录 (应急厅函〔2019〕390号)",
    "fixed_sidebar": True,
}
