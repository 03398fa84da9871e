"""Turn attrs classes and their type hints into JSON Schema (Draft 2020-12).

The walker knows the library's conventions, so that a document's schema follows its model:

* ``str``, ``int``, ``bool``, ``float`` → ``string``, ``integer``, ``boolean``, ``number``;
  :class:`datetime.date` / :class:`datetime.datetime` → ISO 8601 strings (``format``);
* ``tuple[X, ...]`` → an array of ``X``; ``Mapping[str, X]`` → an object of ``X`` values;
  ``X | None`` → ``X`` or ``null`` (or just ``X`` where ``None`` is never written);
* a :class:`~govdisclose._vocabulary.Term` enum → a string whose ``oneOf`` lists each code as
  ``{"const": code, "title": 中文标签}`` (forms show the label, documents carry the code);
  another enum → ``enum`` of its values;
* an attrs class → a ``$defs`` entry (``{"$ref": "#/$defs/Name"}``): an object of its fields,
  with the required fields and ``additionalProperties`` its :class:`Shape` gives;
* the attrs validators ``in_`` (→ ``enum``) and ``ge``/``gt``/``le``/``lt`` (→ bounds).

Titles and descriptions of fields come from a text table (``"Class.field"`` → (title,
description)); a field without one gets none.

>>> from govdisclose._model import Citation
>>> from govdisclose.schemas._walker import SchemaWalker, Shape
>>> walker = SchemaWalker({Citation: Shape()}, texts={"Citation.title": ("文件标题", "title")})
>>> citation = walker.root(Citation)
>>> citation["required"], citation["additionalProperties"]
(['title'], False)
>>> citation["properties"]["title"]
{'title': '文件标题', 'description': 'title', 'type': 'string'}
>>> citation["properties"]["number"]
{'anyOf': [{'type': 'string'}, {'type': 'null'}]}
>>> from govdisclose._vocabulary import Mode
>>> walker.enum_schema(Mode)["oneOf"]
[{'const': 'proactive', 'title': '主动'}, {'const': 'on_request', 'title': '依申请'}]
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Union

import attrs

from .._vocabulary import Term

#: A JSON Schema (or part of one) as Python data.
JSON = dict[str, Any]

#: Hooks for types whose JSON is custom: type → function(walker) → schema.
Custom = Mapping[type, Callable[["SchemaWalker"], JSON]]

_PLAIN: Mapping[Any, JSON] = {
    type(None): {"type": "null"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    str: {"type": "string"},
    dt.datetime: {"type": "string", "format": "date-time"},
    dt.date: {"type": "string", "format": "date"},
}
_BOUNDS = {">=": "minimum", ">": "exclusiveMinimum", "<=": "maximum", "<": "exclusiveMaximum"}


@attrs.frozen
class Shape:
    """How the instances of one attrs class are written as JSON objects.

    The rules of the code that writes and reads the class (for the library's results, the
    form each class declares: :func:`govdisclose.schemas._outputs.output_shapes`).
    ``required`` is ``"no_default"`` (fields without a default must be present: what the
    converter requires) or ``"all"`` (every field is always written).  ``nullable`` says
    whether an optional field (``X | None``) may be ``null`` (false where ``None`` is left out
    instead).  ``closed`` gives ``additionalProperties: false``.  ``exclude`` drops fields that
    are not written; ``extra`` adds properties that are written but are not fields (derived
    values), listed first and required when every field is, except those named in
    ``optional`` (added by the command line).  ``override`` replaces a field's schema.
    """

    required: str = attrs.field(
        default="no_default", validator=attrs.validators.in_(("no_default", "all"))
    )
    nullable: bool = True
    closed: bool = True
    exclude: tuple[str, ...] = ()
    extra: Mapping[str, JSON] = attrs.field(factory=dict)
    override: Mapping[str, JSON] = attrs.field(factory=dict)
    optional: tuple[str, ...] = ()


#: Shape of a class read and written by the package's cattrs converter: fields without a
#: default are required, defaults are left out on output, ``null`` is read as ``None``,
#: unknown keys are refused.
CONVERTER = Shape()


class SchemaWalker:
    """Build schemas for attrs classes; nested classes and enums are collected in :attr:`defs`.

    ``shapes`` gives the :class:`Shape` of each attrs class that may appear (an attrs class
    without one is an error, so that nothing is described by accident); ``texts`` the field
    titles and descriptions; ``custom`` the types whose JSON form is written by hand.
    """

    def __init__(
        self,
        shapes: Mapping[type, Shape],
        *,
        texts: Mapping[str, tuple[str, str]] | None = None,
        custom: Custom | None = None,
    ) -> None:
        self.shapes = shapes
        self.texts = texts or {}
        self.custom = custom or {}
        self.defs: dict[str, JSON] = {}

    # -- public -------------------------------------------------------------------------

    def root(self, cls: type) -> JSON:
        """The object schema of ``cls`` itself (not a reference)."""
        return self.object_schema(cls, self.shapes[cls])

    def ref(self, cls: type) -> JSON:
        """A reference to ``cls`` in :attr:`defs`, defining it on first use."""
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: a class may refer to itself
            if cls in self.custom:
                self.defs[name] = self.custom[cls](self)
            elif isinstance(cls, type) and issubclass(cls, enum.Enum):
                self.defs[name] = self.enum_schema(cls)
            else:
                self.defs[name] = self.object_schema(cls, self._shape(cls))
        return {"$ref": f"#/$defs/{name}"}

    def object_schema(self, cls: type, shape: Shape) -> JSON:
        """The object schema of an attrs class under ``shape``."""
        hints = typing.get_type_hints(cls)
        properties = {
            name: self.with_text(f"{cls.__name__}.{name}", dict(schema))
            for name, schema in shape.extra.items()
        }
        required = (
            [name for name in shape.extra if name not in shape.optional]
            if shape.required == "all"
            else []
        )
        for field in attrs.fields(cls):
            if field.name in shape.exclude:
                continue
            has_default = field.default is not attrs.NOTHING
            if field.name in shape.override:
                schema = dict(shape.override[field.name])
            else:
                hint = hints[field.name]
                if not shape.nullable and has_default and field.default is None:
                    hint = _without_none(hint)
                schema = self.type_schema(hint)
                schema = _constrain(schema, field.validator)
            properties[field.name] = self.with_text(f"{cls.__name__}.{field.name}", schema)
            if shape.required == "all" or not has_default:
                required.append(field.name)
        out: JSON = {"type": "object", "properties": properties}
        if required:
            out["required"] = required
        if shape.closed:
            out["additionalProperties"] = False
        return out

    def type_schema(self, hint: Any) -> JSON:
        """The schema of a value of type ``hint``."""
        origin = typing.get_origin(hint)
        if origin in (Union, types.UnionType):
            members = [self.type_schema(arg) for arg in typing.get_args(hint)]
            return members[0] if len(members) == 1 else {"anyOf": members}
        if origin in (tuple, list, Sequence):
            args = typing.get_args(hint)
            if origin is tuple and (len(args) != 2 or args[1] is not Ellipsis):
                raise TypeError(f"only homogeneous tuples (tuple[X, ...]) are supported: {hint}")
            return {"type": "array", "items": self.type_schema(args[0])}
        if origin in (dict, Mapping):
            key, value = typing.get_args(hint)
            if key is not str:
                raise TypeError(f"JSON object keys are strings: {hint}")
            return {"type": "object", "additionalProperties": self.type_schema(value)}
        return self._plain(hint)

    def enum_schema(self, cls: type[enum.Enum]) -> JSON:
        """A string of the enum's codes; a :class:`Term` lists each code with its label."""
        text = self.texts.get(cls.__name__)
        out: JSON = {"type": "string"}
        if issubclass(cls, Term):
            out["title"] = text[0] if text else cls.__concept__
            if text:
                out["description"] = text[1]
            out["oneOf"] = [{"const": m.code, "title": m.label} for m in cls]
        else:
            if text:
                out["title"], out["description"] = text
            out["enum"] = [m.value for m in cls]
        return out

    # -- helpers ------------------------------------------------------------------------

    def _plain(self, hint: Any) -> JSON:
        if hint is Any:
            return {}
        if hint in _PLAIN:
            return dict(_PLAIN[hint])
        if isinstance(hint, type) and (
            hint in self.custom or issubclass(hint, enum.Enum) or attrs.has(hint)
        ):
            return self.ref(hint)
        raise TypeError(f"no JSON Schema for type {hint!r}")

    def _shape(self, cls: type) -> Shape:
        try:
            return self.shapes[cls]
        except KeyError:
            raise TypeError(f"no Shape given for {cls.__qualname__}") from None

    def with_text(self, key: str, schema: JSON) -> JSON:
        """``schema`` with the title and description of ``key`` in the text table, if any."""
        text = self.texts.get(key)
        if not text or "title" in schema:
            return schema
        title, description = text
        return {"title": title, "description": description, **schema}


def finish(walker: SchemaWalker, root: JSON) -> JSON:
    """``root`` with the walker's ``$defs`` (sorted by name) added."""
    if walker.defs:
        root["$defs"] = dict(sorted(walker.defs.items()))
    return root


def _without_none(hint: Any) -> Any:
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = tuple(a for a in typing.get_args(hint) if a is not type(None))
        return Union[args] if len(args) > 1 else args[0]  # noqa: UP007 - built at runtime
    return hint


def _validators(validator: Any) -> list[Any]:
    if validator is None:
        return []
    inner = getattr(validator, "_validators", None)
    if inner is not None:  # attrs' and_ (a list given as validator=)
        return [v for part in inner for v in _validators(part)]
    wrapped = getattr(validator, "validator", None)
    if wrapped is not None:  # attrs' optional(...): None is allowed by the type already
        return _validators(wrapped)
    return [validator]


def _constrain(schema: JSON, validator: Any) -> JSON:
    """Add what the attrs validators ``in_``, ``ge``, ``gt``, ``le``, ``lt`` say.

    In ``X | None`` the constraints go to ``X``.
    """
    if "anyOf" in schema:
        members = [
            m if m == {"type": "null"} else _constrain(m, validator) for m in schema["anyOf"]
        ]
        return {**schema, "anyOf": members}
    out = dict(schema)
    for check in _validators(validator):
        options = getattr(check, "options", None)
        if options is not None:
            out["enum"] = list(options)
        op = getattr(check, "compare_op", None)
        if op in _BOUNDS:
            out[_BOUNDS[op]] = check.bound
    return out
