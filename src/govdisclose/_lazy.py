"""Names a package imports on first use (:pep:`562`), so that importing the package stays fast.

>>> import govdisclose
>>> govdisclose.read_catalogue.__name__  # imported from govdisclose._catalogue_files
'read_catalogue'
>>> "read_catalogue" in vars(govdisclose)  # and kept: the next use is a plain lookup
True
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(
    package: str, modules: Mapping[str, str], namespace: dict[str, Any]
) -> Callable[[str], Any]:
    """The module ``__getattr__`` of ``package``: a name listed in ``modules`` is imported
    from that module of the package (``"_model"``, ``"_notice"`` …) when first asked for,
    and kept in ``namespace`` (the package's ``globals()``) for the next time."""

    def __getattr__(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", package), name)
        namespace[name] = value
        return value

    return __getattr__
