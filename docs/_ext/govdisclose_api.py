"""autodoc helpers for the API page: re-exported names, their constants, references to them.

The packages (``govdisclose.audit``, ``govdisclose.tables`` …) export names defined in their
submodules.  autodoc documents a re-exported class or function on the package's page, but not a
re-exported constant (its ``#:`` comment is in the submodule), and a submodule's page would
document the same class a second time.  This extension makes the API page follow the
``__all__`` lists instead:

* **Constants.**  A package's page lists every constant of its ``__all__`` with the ``#:``
  comment written where the constant is defined.  A constant in a documented ``__all__``
  without such a comment is a build warning (an error under ``-W``), so none is left out.
* **Submodules.**  A submodule's page leaves out the names its package re-exports (they are
  documented once, with the package, where users import them from) and says where they are.
* **References** resolve as the name would in the code of the module they are written in:
  ``:class:`InputError``` in a module that imports it links to
  ``govdisclose._errors.InputError``, ``:data:`HEADER_ALIASES``` in
  ``govdisclose.audit._log_record``
  to ``govdisclose.audit.HEADER_ALIASES``.  What still does not resolve is a dead reference,
  and ``nitpicky`` makes it fail the build.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from collections.abc import Iterator
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import PycodeError
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

LOGGER = logging.getLogger(__name__)
ROOT = "govdisclose"
_MISSING = object()

#: The module whose members autodoc is gathering (set when its docstring is processed, which
#: autodoc does just before it looks at the members).
_current_module: list[str] = []


def _attr_docs(modname: str) -> dict[tuple[str, str], list[str]]:
    try:
        analyzer = ModuleAnalyzer.for_module(modname)
        analyzer.analyze()
    except PycodeError:
        return {}
    return dict(analyzer.attr_docs)


def _is_constant(value: object) -> bool:
    return not (inspect.isclass(value) or inspect.isroutine(value) or inspect.ismodule(value))


def _parent_package(modname: str) -> Any:
    """The package ``modname`` belongs to, unless that is the top-level package."""
    parent = modname.rpartition(".")[0]
    if not parent or "." not in parent:
        return None
    return sys.modules.get(parent) or importlib.import_module(parent)


def reexported(modname: str) -> list[str]:
    """Names of ``modname``'s ``__all__`` that its package re-exports (the same object)."""
    module = sys.modules.get(modname) or importlib.import_module(modname)
    package = _parent_package(modname)
    if package is None:
        return []
    exported = set(getattr(package, "__all__", ()))
    return [
        name
        for name in getattr(module, "__all__", ())
        if name in exported and getattr(package, name, _MISSING) is getattr(module, name)
    ]


def _defining_comment(modname: str, name: str, value: object) -> tuple[str, list[str]] | None:
    """The module that defines a re-exported constant with a ``#:`` comment, and the comment."""
    top = modname.split(".")[0]
    candidates = sorted(
        (other for other in list(sys.modules) if other.startswith(f"{top}.")),
        key=lambda other: (not other.startswith(f"{modname}."), other),
    )
    for other in candidates:
        if other == modname or getattr(sys.modules[other], name, _MISSING) is not value:
            continue
        comment = _attr_docs(other).get(("", name))
        if comment:
            return other, comment
    return None


def _value_option(value: object) -> list[str]:
    if isinstance(value, (bool, int, float, str)):
        text = repr(value)
        if len(text) <= 60:
            return [f"   :value: {text}"]
    return []


def constant_comments(modname: str) -> dict[str, list[str] | None]:
    """The constants of a module's ``__all__`` that autodoc leaves out, with the ``#:``
    comment written where each is defined (``None``: there is none).

    autodoc documents a constant defined in the module itself with its comment; this gives
    the others (re-exported from a submodule), except those the package documents."""
    module = sys.modules.get(modname) or importlib.import_module(modname)
    own = _attr_docs(modname)
    skipped = set(reexported(modname))
    found: dict[str, list[str] | None] = {}
    for name in getattr(module, "__all__", ()):
        value = getattr(module, name, _MISSING)
        if value is _MISSING or not _is_constant(value) or name in skipped:
            continue
        if ("", name) in own:
            continue  # defined here: autodoc documents it (and warns of nothing missing)
        defined = _defining_comment(modname, name, value)
        found[name] = defined[1] if defined else None
    return found


def undocumented_constants(modname: str) -> list[str]:
    """Constants of ``__all__`` without a ``#:`` comment, here or where they are defined."""
    module = sys.modules.get(modname) or importlib.import_module(modname)
    own = _attr_docs(modname)
    missing = [name for name, comment in constant_comments(modname).items() if not comment]
    missing += [
        name
        for name in getattr(module, "__all__", ())
        if name not in reexported(modname)
        and _is_constant(getattr(module, name, None))
        and name not in constant_comments(modname)
        and not own.get(("", name))
    ]
    return missing


def _constant_lines(modname: str, module: Any) -> Iterator[str]:
    """``py:data`` entries for the constants of ``__all__`` that autodoc would leave out."""
    for name in undocumented_constants(modname):
        LOGGER.warning(
            "%s.%s is in __all__ but has no '#:' doc comment where it is defined; "
            "write one so the API page documents it",
            modname,
            name,
            type="govdisclose",
        )
    for name, comment in constant_comments(modname).items():
        if not comment:
            continue
        yield ""
        yield f".. py:data:: {name}"
        yield f"   :module: {modname}"
        yield from _value_option(getattr(module, name))
        yield ""
        yield from (f"   {line}" if line else "" for line in comment)


def _process_module_docstring(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    if what != "module" or not name.startswith(ROOT):
        return
    _current_module[:] = [name]
    extra = list(_constant_lines(name, obj))
    shared = reexported(name)
    if shared:
        package = name.rpartition(".")[0]
        refs = ", ".join(f":py:obj:`~{package}.{member}`" for member in shared)
        extra += [
            "",
            f"Also defined here, and documented with :mod:`{package}`, where they are "
            f"imported from: {refs}.",
        ]
    if extra:
        lines.extend(["", *extra, ""])


def _skip_reexported(
    app: Sphinx, what: str, name: str, obj: Any, skip: bool, options: Any
) -> bool | None:
    if what != "module" or not _current_module:
        return None
    if name in reexported(_current_module[0]):
        return True
    return None


def _owners(value: object, name: str, found_in: str) -> Iterator[str]:
    """Full names under which ``value`` (found as ``found_in.name``) may be documented."""
    modules = [found_in]
    defining = getattr(value, "__module__", None)
    qualname = getattr(value, "__qualname__", None)
    if not _is_constant(value) and isinstance(defining, str) and isinstance(qualname, str):
        yield f"{defining}.{qualname}"
        modules.insert(0, defining)
    for modname in modules:
        parts = modname.split(".")
        for end in range(len(parts), 0, -1):
            package = sys.modules.get(".".join(parts[:end]))
            if package is not None and getattr(package, name, _MISSING) is value:
                yield f"{package.__name__}.{name}"


def _lookup(target: str, modname: str | None) -> Iterator[str]:
    """Documented full names ``target`` can stand for, seen from module ``modname``."""
    parts = target.split(".")
    starts: list[tuple[Any, list[str]]] = []
    for end in range(len(parts) - 1, 0, -1):
        module = sys.modules.get(".".join(parts[:end]))
        if module is not None:
            starts.append((module, parts[end:]))
            break
    if modname and modname in sys.modules:
        starts.append((sys.modules[modname], parts))
    for module, rest in starts:
        value = getattr(module, rest[0], _MISSING)
        if value is _MISSING:
            continue
        for owner in _owners(value, rest[0], module.__name__):
            if owner.startswith(f"{ROOT}."):
                yield ".".join([owner, *rest[1:]])


def _import_name(fullname: str) -> object:
    parts = fullname.split(".")
    for end in range(len(parts) - 1, 0, -1):
        module = sys.modules.get(".".join(parts[:end]))
        if module is None:
            continue
        value: object = module
        for part in parts[end:]:
            value = getattr(value, part, _MISSING)
        return value
    return _MISSING


def _unique_suffix(target: str, objects: dict[str, Any]) -> str | None:
    """The documented object whose name ends with ``.target``, if there is exactly one."""
    matches = [name for name in objects if name.endswith(f".{target}")]
    values = {id(_import_name(name)) for name in matches}
    if not matches or len(values) != 1 or id(_MISSING) in values:
        return None
    value = _import_name(matches[0])
    defining = getattr(value, "__module__", None)
    return next((name for name in matches if name.rpartition(".")[0] == defining), matches[0])


def _resolve(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    if node.get("refdomain") != "py" or node.get("reftype") == "mod":
        return None
    target = node["reftarget"]
    objects = env.get_domain("py").objects  # type: ignore[attr-defined]
    found = next((name for name in _lookup(target, node.get("py:module")) if name in objects), None)
    if found is None and "." not in target:
        found = _unique_suffix(target, objects)
    if found is None:
        return None
    entry = objects[found]
    return make_refnode(app.builder, node["refdoc"], entry.docname, entry.node_id, contnode, found)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("autodoc-process-docstring", _process_module_docstring)
    app.connect("autodoc-skip-member", _skip_reexported)
    app.connect("missing-reference", _resolve)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
