"""pytest runs the ``>>>`` examples of these pages (``--doctest-glob=*.md``); not the Sphinx
configuration, the extension or a local build."""

collect_ignore = ["conf.py"]
collect_ignore_glob = ["_ext/*", "_build/*"]
