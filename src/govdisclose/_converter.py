"""Lossless JSON for every model type, through the package's own cattrs converter.

Output uses the vocabulary **codes**; input also takes the Chinese labels and the variants seen
in local catalogues.  Unknown fields, wrong types and unknown terms are errors, all reported
at once, each with its JSON path:

>>> from govdisclose._converter import structure, unstructure
>>> from govdisclose._model import TimeLimit
>>> unstructure(TimeLimit("每年1月31日前"))["text"]
'每年1月31日前'
>>> from govdisclose._model import Provenance
>>> structure({"kind": "note", "note": "x", "fields": ["channels"]}, Provenance)
Provenance(kind=<ProvenanceKind.NOTE: 'note'>, note='x', fields=('channels',))
>>> structure({"kind": "note"}, Provenance)
Traceback (most recent call last):
...
govdisclose.DataError: cannot read Provenance (无法读取数据)
  - $.note: required field missing (缺少必填字段)

Use :func:`dumps` / :func:`loads` for JSON text, :func:`unstructure` / :func:`structure` for
JSON-ready Python data.  The library's results (findings reports, deadlines, audit results,
days of the calendar) are written by the same converter, every key present, in the form
each class declares (:mod:`govdisclose._output`; their JSON Schemas are walked from it too):

>>> from govdisclose.findings import Report
>>> unstructure(Report(subject="目录.json"))  # doctest: +NORMALIZE_WHITESPACE
{'ok': True, 'counts': {'error': 0, 'warning': 0, 'info': 0}, 'findings': [],
 'subject': '目录.json'}
"""

from __future__ import annotations

import datetime as dt
import json
import operator
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs
import cattrs
import cattrs.gen
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from ._dates import DateRefusal, parse_iso_datetime, read_iso_date
from ._errors import DataError, GovdiscloseError, InputError, short_repr
from ._files import decode_text, parse_json
from ._model import FrozenDict, TimeLimit
from ._output import output_of
from ._vocabulary import Term

T = TypeVar("T")

#: The package's converter (never the global one).  Unknown keys are refused.
converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)


def _strict(expected: type, label: str) -> Any:
    def hook(value: Any, _: Any) -> Any:
        if type(value) is not expected and not (expected is float and type(value) is int):
            raise InputError(
                f"expected {expected.__name__}, got {type(value).__name__} {short_repr(value)} "
                f"(应为{label})"
            )
        return value

    return hook


def _structure_int(value: Any, _: Any) -> int:
    # JSON has one number type: 1.0 is the integer 1 (as JSON Schema's "integer" says).
    if type(value) is float and value.is_integer():
        return int(value)
    if type(value) is not int:
        raise InputError(
            f"expected a whole number, got {type(value).__name__} {short_repr(value)} (应为整数)"
        )
    return value


converter.register_structure_hook(str, _strict(str, "文本"))
converter.register_structure_hook(int, _structure_int)
converter.register_structure_hook(bool, _strict(bool, "布尔值"))
converter.register_structure_hook(float, _strict(float, "数字"))


def _is_homogeneous_tuple(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _structure_tuple(value: Any, t: Any) -> tuple[Any, ...]:
    """Lists of values: a list (or tuple) only — a string is not read letter by letter."""
    if not isinstance(value, (list, tuple)):
        raise InputError(
            f"expected a list, got {type(value).__name__} {short_repr(value)} (应为列表)"
        )
    element = typing.get_args(t)[0]
    handler = converter.get_structure_hook(element)
    out: list[Any] = []
    errors: list[Exception] = []
    for index, item in enumerate(value):
        try:
            out.append(handler(item, element))
        except Exception as exc:
            notes = [*getattr(exc, "__notes__", [])]
            notes.append(IterableValidationNote(f"Structuring {t} @ index {index}", index, element))
            exc.__notes__ = notes  # type: ignore[attr-defined]
            errors.append(exc)
    if errors:
        raise IterableValidationError(f"While structuring {t!r}", errors, t)
    return tuple(out)


converter.register_structure_hook_func(_is_homogeneous_tuple, _structure_tuple)


def _at_field(exc: Exception, cls: type, name: str) -> ClassValidationError:
    """``exc`` as the error of the field ``name`` of ``cls`` (its JSON path names the field)."""
    exc.__notes__ = [  # type: ignore[attr-defined]
        *getattr(exc, "__notes__", []),
        AttributeValidationNote(f"Structuring class {cls.__name__} @ attribute {name}", name, Any),
    ]
    return ClassValidationError(f"While structuring {cls.__name__}", [exc], cls)


def _attrs_structure_factory(
    cls: type, derived: dict[str, Any] | None = None, mismatch: str | None = None
) -> Any:
    """Structure attrs classes from JSON objects only.

    An error the class itself raises for one of its fields (a bound, an unknown finding code)
    is put at that field.  Derived values (an output's, such as a report's ``ok`` and
    ``counts``; a time limit's ``rule``) may be given; they must agree with what the fields
    give, else the error at the derived value says ``mismatch`` (default: both values).
    """
    if derived is None:
        derived = _derived_values(cls) if _is_output(cls) else {}
    names = {field.name for field in attrs.fields(cls)}
    make: Any = cattrs.gen.make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)

    def inner(value: Any, t: Any) -> Any:
        try:
            return make(value, t)
        except ClassValidationError as exc:
            [error, *more] = exc.exceptions
            if more or not isinstance(error, GovdiscloseError) or error.path not in names:
                raise
            raise _at_field(error, cls, str(error.path)) from None

    def structure_object(value: Any, t: Any) -> Any:
        if not isinstance(value, Mapping):
            raise InputError(
                f"expected an object, got {type(value).__name__} {short_repr(value)} (应为对象)"
            )
        if not derived:
            return inner(value, t)
        given = {key: value[key] for key in derived if key in value}
        obj = inner({key: v for key, v in value.items() if key not in derived}, t)
        for key, expected in given.items():
            actual = unstructure(derived[key](obj))
            if _canonical(expected) != _canonical(actual):
                problem = InputError(
                    mismatch
                    or f"is {_json_clip(expected)} but the other fields give {_json_clip(actual)}; "
                    f"leave it out (与其他字段得出的值不符，可省略)"
                )
                raise _at_field(problem, cls, key)
        return obj

    return structure_object


converter.register_structure_hook_factory(attrs.has, _attrs_structure_factory)


def _structure_term(value: Any, cls: type[Term]) -> Term:
    return cls.parse(value)


converter.register_structure_hook_func(
    lambda t: isinstance(t, type) and issubclass(t, Term), _structure_term
)
converter.register_unstructure_hook_func(
    lambda t: isinstance(t, type) and issubclass(t, Term), lambda member: member.code
)


def _structure_date(value: Any, _: Any) -> dt.date:
    # Python callers (a CMS plugin's database rows) may pass dates as they have them.
    if isinstance(value, dt.datetime):
        raise InputError(
            f"expected a date, got the date-time {value.isoformat()}; pass its date "
            f"(应为日期而非日期时间)"
        )
    if isinstance(value, dt.date):
        return value
    day = read_iso_date(value)  # strictly YYYY-MM-DD, on every Python version
    if not isinstance(day, DateRefusal):
        return day
    if day.kind != "not_a_date":  # a day that does not exist
        raise day.error()
    raise InputError(f"expected an ISO 8601 date (YYYY-MM-DD), got {value!r:.60} (应为日期)")


def _structure_datetime(value: Any, _: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return parse_iso_datetime(value)
        except InputError:
            pass
    raise InputError(
        f"expected an ISO 8601 date-time (YYYY-MM-DDTHH:MM:SS, optionally +08:00 or Z), "
        f"got {value!r:.60} (应为日期时间)"
    )


converter.register_structure_hook(dt.date, _structure_date)
converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
converter.register_structure_hook(dt.datetime, _structure_datetime)
converter.register_unstructure_hook(dt.datetime, lambda d: d.isoformat())


def rule_to_json(rule: Any) -> dict[str, Any]:
    """A time-limit rule as JSON: its ``kind`` code and its fields (the text is not repeated)."""
    data = {k: v for k, v in attrs.asdict(rule).items() if k != "text"}
    return {"kind": rule.kind, **data}


def _canonical(data: Any) -> str:
    """JSON text for comparing values as JSON does (``0`` is not ``false``, ``1.0`` not ``1``)."""
    try:
        return json.dumps(data, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        return repr(type(data))


def _json_clip(data: Any, limit: int = 80) -> str:
    """``data`` as JSON text (as the user wrote it), cut to ``limit`` characters."""
    text = _canonical(data)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# A time limit is written with the rule read from its text; on input the text alone is enough
# (a bare string too), and a rule given must be the one the text gives.
_time_limit_object = _attrs_structure_factory(
    TimeLimit,
    {"rule": lambda limit: rule_to_json(limit.rule)},
    "does not match the rule read from 'text'; send 'text' alone "
    "(rule 与时限原文不符，只需给出 text)",
)
_time_limit_fields = cattrs.gen.make_dict_unstructure_fn(
    TimeLimit, converter, _cattrs_omit_if_default=True
)
converter.register_structure_hook(
    TimeLimit,
    lambda value, t: TimeLimit(value) if isinstance(value, str) else _time_limit_object(value, t),
)
converter.register_unstructure_hook(
    TimeLimit, lambda limit: {**_time_limit_fields(limit), "rule": rule_to_json(limit.rule)}
)


converter.register_unstructure_hook(
    FrozenDict, lambda mapping: {key: converter.unstructure(v) for key, v in mapping.items()}
)


def _is_output(cls: Any) -> bool:
    return output_of(cls) is not None and attrs.has(cls)


def _derived_values(cls: type) -> dict[str, Any]:
    """An output's derived values by name: how each is computed from an instance."""
    form = output_of(cls)
    assert form is not None
    return {name: form.values.get(name) or operator.attrgetter(name) for name in form.derived}


def _output_hook(cls: type) -> Any:
    """Write the derived values the class names, then every field (``None`` as null)."""
    form = output_of(cls)
    assert form is not None
    extras = list(_derived_values(cls).items())
    fields = [f.name for f in attrs.fields(cls) if f.name not in form.exclude]
    unstructure = converter.unstructure

    def hook(obj: Any) -> dict[str, Any]:
        out = {name: unstructure(get(obj)) for name, get in extras}
        for name in fields:
            out[name] = unstructure(getattr(obj, name))
        return out

    return hook


converter.register_unstructure_hook_factory(_is_output, _output_hook)


def unstructure(obj: Any) -> Any:
    """Turn a model object into JSON-ready data (dicts, lists, str, int, bool, None)."""
    try:
        return converter.unstructure(obj)
    except RecursionError:
        raise InputError(f"cannot turn {type(obj).__name__} into JSON: nested too deeply") from None


_TOO_DEEP = "a value is nested too deeply (嵌套过深)"


def _format(exc: BaseException, _type: Any) -> str:
    if isinstance(exc, GovdiscloseError):
        return exc.message
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown field(s) {', '.join(sorted(map(repr, exc.extra_fields)))} (未知字段)"
    if isinstance(exc, KeyError):
        return "required field missing (缺少必填字段)"
    if isinstance(exc, RecursionError):
        return _TOO_DEEP
    if isinstance(exc, (TypeError, ValueError, AttributeError)):
        return f"invalid value: {exc} (值无效)"
    return f"{type(exc).__name__}: {exc}"


def structure(data: Any, cls: type[T], *, path: str = "$") -> T:
    """Build a ``cls`` instance from JSON-ready data, or raise :class:`DataError`.

    The error lists every problem with its JSON path (``$.items[3].channels[1]``); data
    nested too deeply for Python to walk is one problem at ``path``.
    """
    try:
        return converter.structure(data, cls)
    except RecursionError:
        raise DataError(_TOO_DEEP, path=path) from None
    except (ClassValidationError, IterableValidationError, GovdiscloseError) as exc:
        if isinstance(exc, GovdiscloseError):
            problems = [GovdiscloseError(exc.message, path=exc.path or path)]
        else:
            problems = []
            for line in cattrs.transform_error(exc, path=path, format_exception=_format):
                message, _, where = line.rpartition(" @ ")
                problems.append(GovdiscloseError(message, path=where))
        name = getattr(cls, "__name__", cls)
        raise DataError(f"cannot read {name} (无法读取数据)", errors=problems) from None
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise DataError(_format(exc, cls), path=path) from None


def dumps(obj: Any, *, indent: int | None = 2) -> str:
    """Serialise a model object as JSON text (UTF-8 Chinese kept readable)."""
    try:
        return json.dumps(unstructure(obj), ensure_ascii=False, indent=indent)
    except (TypeError, ValueError, RecursionError) as exc:
        raise InputError(
            f"cannot write {type(obj).__name__} {short_repr(obj)} as JSON: {exc} (无法转为JSON)"
        ) from None


def loads(text: str | bytes, cls: type[T]) -> T:
    """Parse JSON text into a ``cls`` instance.

    Bytes are decoded like every text file (:func:`govdisclose._files.decode_text`: UTF-8
    with or without byte-order mark, UTF-16 with its mark, GB18030).  Undecodable bytes and
    broken or too deeply nested JSON are an :class:`InputError`.
    """
    if isinstance(text, (bytes, bytearray, memoryview)):
        text = decode_text(text)
    return structure(parse_json(text), cls)
