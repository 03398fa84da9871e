"""Checking a JSON document against one of the package's own schemas: each error, located.

Every JSON input — a catalogue, a document record, a holiday arrangement, a requests ledger,
an annual report — gets its structural check here, from ``jsonschema`` against the very
schema ``govdisclose schema`` exports for front-end teams (Draft 2020-12, compiled once, on
first use; jsonschema is imported only then).  :func:`schema_problems` turns each error into
a :class:`SchemaProblem`: its JSON path (``$.requests[3].received``) and a message in English
and Chinese that names the value shortly.  The readers turn problems into their own findings
or errors; what a schema cannot say (dates that exist, a reply after its request …) stays in
Python, in each reader.

What every reader accepts beyond a schema is not a problem: a vocabulary's Chinese labels and
variants where the schema lists its codes (:meth:`govdisclose._vocabulary.Term.parse`).

>>> def root():
...     return {"type": "object", "properties": {"year": {"type": "integer"}},
...             "required": ["year", "title"], "additionalProperties": False}
>>> [(p.path, p.message) for p in schema_problems({"year": "x", "y": 1}, root)]
... # doctest: +NORMALIZE_WHITESPACE
[('$.year', "expected integer, got str 'x' (类型错误)"),
 ('$.title', "missing: required field 'title' (缺少必填字段)"),
 ('$.y', 'unknown field; allowed: year (未知字段)')]
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .._errors import short_repr
from .._vocabulary import Term

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

#: No vocabulary label or variant is longer than this; longer text is not looked up.
_MAX_TERM_LENGTH = 100

#: A schema, built by a function of no arguments (the function is the cache key).
Root = Callable[[], Mapping[str, Any]]


@attrs.frozen
class SchemaProblem:
    """One way data breaks a schema: where (a JSON path) and what, for people.

    ``missing`` names a field that is absent or ``null``; ``vocabulary`` is set for a value
    that is not a term of that vocabulary (``value``); ``field`` is the field concerned;
    ``keyword`` the schema's keyword that failed (``type``, ``additionalProperties`` …) and
    ``expected`` its value there (``"object"`` for a wrong type …).
    """

    path: str
    message: str
    field: str | None = None
    missing: str | None = None
    vocabulary: type[Term] | None = None
    value: object = None
    keyword: str = ""
    expected: object = None


def _vocabularies(cls: type[Term] = Term) -> Iterator[type[Term]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _vocabularies(sub)


@functools.cache
def _compiled(root: Root) -> tuple[Validator, object]:
    """The validator of the schema ``root()``, and its ``TimeLimit`` definition if any."""
    from jsonschema import Draft202012Validator

    original = root()
    compiled = _for_validation(original, original.get("$defs", {}))
    return Draft202012Validator(compiled), compiled.get("$defs", {}).get("TimeLimit")


def checked_schema(root: Root) -> Any:
    """The schema ``root()`` in the form :func:`schema_problems` checks (``format`` is only
    an annotation there: no format is checked)."""
    return _compiled(root)[0].schema


def _for_validation(node: Any, defs: Mapping[str, Any]) -> Any:
    """The same schema, in a form jsonschema checks faster: a ``oneOf`` of constants becomes
    an ``enum`` of them, and a ``oneOf`` of rule objects told apart by a ``kind`` constant
    becomes a choice by ``kind`` — each accepts exactly what the original accepts."""
    if isinstance(node, list):
        return [_for_validation(value, defs) for value in node]
    if not isinstance(node, dict):
        return node
    out = {key: _for_validation(value, defs) for key, value in node.items()}
    branches = out.get("oneOf", ())
    if branches and all(
        "const" in b and set(b) <= {"const", "title", "description"} for b in branches
    ):
        del out["oneOf"]
        out["enum"] = [b["const"] for b in branches]
    elif branches and all(set(b) == {"$ref"} for b in branches):
        kinds = [
            defs[b["$ref"].rpartition("/")[2]]["properties"]["kind"]["const"] for b in branches
        ]
        del out["oneOf"]
        out["required"] = ["kind"]
        out["properties"] = {"kind": {"enum": kinds}}
        out["allOf"] = [
            {"if": {"properties": {"kind": {"const": k}}}, "then": b}
            for k, b in zip(kinds, branches, strict=True)
        ]
    return out


def schema_problems(
    data: object,
    root: Root,
    path: str = "$",
    *,
    expected: Mapping[str, tuple[str, str]] | None = None,
) -> list[SchemaProblem]:
    """Every error of ``data`` against the schema ``root()``, with its JSON path under ``path``.

    ``expected`` words what a field should hold (field → English, Chinese), for the messages
    of a wrong type or value.  A vocabulary's labels and variants, a time limit given as its
    text, and Python dates (which JSON lacks: the converter judges them) are not problems.
    """
    validator, time_limit = _compiled(root)
    try:
        errors = list(validator.iter_errors(data))  # type: ignore[arg-type]
    except RecursionError:
        return [SchemaProblem(path, "a value is nested too deeply (嵌套过深)")]
    found = (
        problem
        for error in errors
        for problem in _problems(error, path, time_limit, expected or {})
    )
    # jsonschema reports each missing property of an object as its own error of the object.
    return list({(problem.path, problem.message): problem for problem in found}.values())


def _vocabulary(error: ValidationError) -> type[Term] | None:
    """The vocabulary whose codes the value's ``enum`` lists (its labels may be there too)."""
    schema: Any = error.schema
    listed = set(schema.get("enum", ())) if isinstance(schema, Mapping) else set()
    found = [c for c in _vocabularies() if (codes := {m.code for m in c}) and codes <= listed]
    return max(found, key=len, default=None)


def _problems(
    error: ValidationError,
    prefix: str,
    time_limit: object,
    expected: Mapping[str, tuple[str, str]],
) -> Iterator[SchemaProblem]:
    at = error.absolute_path
    where = prefix + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in at)
    field = next((p for p in reversed(at) if isinstance(p, str)), None)
    value: Any = error.instance
    kind = error.validator
    if kind == "required":
        for key in error.validator_value:  # type: ignore[union-attr]
            if key not in value:
                message = f"missing: required field {key!r} (缺少必填字段)"
                yield SchemaProblem(f"{where}.{key}", message, key, missing=key)
        return
    if kind == "additionalProperties":
        allowed = ", ".join(sorted(error.schema.get("properties", {})))  # type: ignore[union-attr]
        for key in value:
            if key not in error.schema.get("properties", {}):  # type: ignore[union-attr]
                shown = key if isinstance(key, str) and len(key) <= 60 else short_repr(key)
                message = f"unknown field; allowed: {allowed} (未知字段)"
                yield SchemaProblem(f"{where}.{shown}", message, str(key), keyword=kind)
        return
    if kind == "not" and "required" in error.validator_value:  # type: ignore[operator]
        schema: Any = error.schema
        zh, _, en = schema.get("description", "不应填写 / not allowed here").partition(" / ")
        for key in error.validator_value["required"]:  # type: ignore[index]
            yield SchemaProblem(f"{where}.{key}", f"given, but {en} ({zh})", key)
        return
    if value is None and at and isinstance(at[-1], str):
        message = f"{field} is null (为空)"
        yield SchemaProblem(
            where, message, field, missing=field, keyword=str(kind), expected=error.validator_value
        )
        return
    cls = _vocabulary(error)
    if cls is not None:
        readable = isinstance(value, str) and len(value) <= _MAX_TERM_LENGTH
        if readable and cls.parse(value, default=None) is not None:
            return  # a label or variant: the readers take it
        message = f"unknown {cls.__concept__} {short_repr(value)} (未知的{cls.__concept__})"
        yield SchemaProblem(where, message, field, vocabulary=cls, value=value)
        return
    if kind == "anyOf" and error.context:
        branches: list[Any] = error.validator_value  # type: ignore[assignment]
        if all("required" in b for b in branches):
            names = ", ".join(key for b in branches for key in b["required"])
            yield SchemaProblem(where, f"lists none of {names} (缺少{names})", field)
            return
        kept = [i for i, b in enumerate(branches) if b != {"type": "null"}]
        if len(kept) == 1:  # X | None: what is wrong with the X
            for sub in error.context:
                if sub.relative_schema_path[0] == kept[0]:
                    yield from _problems(sub, prefix, time_limit, expected)
            return
    if (error.schema is time_limit and isinstance(value, str)) or isinstance(value, dt.date):
        return  # a time limit given as its published text; a Python date
    message = _describe(error, field, expected)
    yield SchemaProblem(where, message, field, keyword=str(kind), expected=error.validator_value)


def _describe(
    error: ValidationError, field: str | None, expected: Mapping[str, tuple[str, str]]
) -> str:
    """What is wrong, naming the value shortly (never the whole of a large value)."""
    value = short_repr(error.instance, limit=60)
    at_field = not error.absolute_path or isinstance(error.absolute_path[-1], str)
    if at_field and (field or "$") in expected:
        en, zh = expected[field or "$"]
        return f"expected {en}, got {value} ({zh})"
    if error.validator == "type":
        kind = type(error.instance).__name__
        return f"expected {error.validator_value}, got {kind} {value} (类型错误)"
    if error.validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return f"{value} is out of range ({error.validator} {error.validator_value}) (超出范围)"
    schema: Any = error.schema
    described = schema.get("description", "") if isinstance(schema, Mapping) else ""
    if error.validator in ("pattern", "format") and " / " in described:
        zh, _, en = described.partition(" / ")
        return f"{value} is not {en} ({zh})"
    return f"{value} does not match the schema ({error.validator}) (不符合格式)"
