"""The shapes of the library's results in the output schemas.

A result class declares how it is written (:mod:`govdisclose._output`): its derived values,
written first, and the fields left out.  Its shape here takes that declaration as it is and
adds what only a schema says: the JSON types of the derived values, the bounds and
enumerations of fields, and the keys the command line adds to some outputs.

>>> from govdisclose.findings import Report
>>> from govdisclose.schemas._outputs import output_shapes
>>> list(output_shapes()[Report].extra)
['ok', 'counts']
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from .._output import output_of
from ._walker import JSON, Shape

_COUNT: JSON = {"type": "integer", "minimum": 0}


def _or_null(schema: JSON) -> JSON:
    return {"anyOf": [schema, {"type": "null"}]}


def _written(
    cls: type,
    *,
    types: Mapping[str, JSON] | None = None,
    added: Mapping[str, JSON] | None = None,
    override: Mapping[str, JSON] | None = None,
    optional: tuple[str, ...] = (),
    every_field: bool = True,
) -> Shape:
    """The shape of a result class: its declared form, ``types`` giving each derived value's
    schema (``optional`` those that may be left out), ``added`` the optional keys the command
    line adds after them."""
    form = output_of(cls)
    if form is None:
        raise TypeError(f"{cls.__name__} declares no output form")
    types = types or {}
    if set(types) != set(form.derived):
        raise TypeError(f"{cls.__name__}: schemas for {sorted(types)}, derived {form.derived}")
    added = added or {}
    return Shape(
        required="all" if every_field else "no_default",
        exclude=form.exclude,
        extra={**{name: types[name] for name in form.derived}, **added},
        optional=(*optional, *added),
        override=override or {},
    )


@functools.cache
def output_shapes() -> Mapping[type, Shape]:
    """The shapes of the classes the library writes in full (every key, ``null`` for none)."""
    from ..audit import (
        REASONS,
        AuditResult,
        FirstLevelSummary,
        ItemSummary,
        RecordResult,
        StatusCounts,
    )
    from ..audit._logfile import ENCODINGS
    from ..calendar import DayInfo
    from ..deadlines import Deadline, LegalRule, Step
    from ..deadlines._schedule import Obligation
    from ..requests._schema import counts_shapes, status_shapes

    counted = ("on_time", "late", "overdue", "pending", "not_assessable", "provisional")
    status_counts: dict[str, JSON] = dict.fromkeys(counted, _COUNT)
    status_counts["max_late_workdays"] = status_counts["max_overdue_workdays"] = _or_null(_COUNT)
    reasons: JSON = {
        "type": "object",
        "propertyNames": {"type": "string", "enum": list(REASONS)},
        "additionalProperties": _COUNT,
    }
    audit_counts = ("records", "invalid", "unknown_item_records", "published_after_as_of")
    name = _or_null({"type": "string"})
    return {
        **findings_shapes(),
        Deadline: _written(
            Deadline,
            types={"kind_label": {"type": "string"}},
            # The CLI's ``deadline opinion`` puts a major emergency's other deadlines here.
            added={"related": {"type": "array", "items": {"$ref": "#"}}},
        ),
        LegalRule: _written(LegalRule),
        # A step leaves out absent values and a false ``estimated``, as the converter does.
        Step: Shape(nullable=False),
        AuditResult: _written(
            AuditResult,
            types={"ok": {"type": "boolean"}},
            override={
                "format": {"type": "string", "enum": ["csv", "tsv", "jsonl", "records"]},
                "encoding": _or_null({"type": "string", "enum": list(ENCODINGS)}),
                **dict.fromkeys((*audit_counts, "formed_after_as_of", "listed_limit"), _COUNT),
            },
        ),
        StatusCounts: _written(StatusCounts, types={"total": _COUNT}, override=status_counts),
        ItemSummary: _written(
            ItemSummary,
            override={"reasons": reasons, "unknown_years": {"type": "array", "items": _COUNT}},
        ),
        FirstLevelSummary: _written(FirstLevelSummary, types={"label": {"type": "string"}}),
        RecordResult: _written(
            RecordResult,
            override={
                "index": _COUNT,
                "line": _or_null({"type": "integer", "minimum": 1}),
                "item": name,
                "late_workdays": _or_null(_COUNT),
                "overdue_workdays": _or_null(_COUNT),
                "reason": _or_null({"type": "string", "enum": list(REASONS)}),
                "unknown_year": _or_null({"type": "integer"}),
                "problems": {
                    "type": "array",
                    "items": {"type": "string", "pattern": "^[a-z_]+(:[a-z_]+)?$"},
                },
            },
        ),
        DayInfo: _written(
            DayInfo,
            types={
                "weekday": {"type": "integer", "minimum": 1, "maximum": 7},
                "kind_label": {"type": "string"},
                "workday": {"type": "boolean"},
                "holiday_label": name,
                "for_holiday_label": name,
            },
            added={
                "next_workday": _or_null({"type": "string", "format": "date"}),
                "previous_workday": _or_null({"type": "string", "format": "date"}),
                "neighbours_provisional": {"type": "boolean"},
            },
        ),
        Obligation: _written(Obligation),
        **{
            cls: _written(cls, **parts)
            for cls, parts in {**status_shapes(), **counts_shapes()}.items()
        },
    }


def findings_shapes() -> dict[type, Shape]:
    """The shapes of a findings report (Report, Finding), for reports inside other outputs.

    A report is also read back, so only the fields without a default are required.
    """
    from ..findings import Finding, Report, Severity, all_codes

    codes = [{"const": c.code, "title": c.title_zh, "description": c.title_en} for c in all_codes()]
    counts: JSON = {
        "type": "object",
        "properties": {
            s.code: {
                "title": s.label,
                "description": f"{s.label}级问题数 / number of {s.code} findings",
                **_COUNT,
            }
            for s in Severity
        },
        "required": [s.code for s in Severity],
        "additionalProperties": False,
    }
    return {
        Report: _written(
            Report, types={"ok": {"type": "boolean"}, "counts": counts}, every_field=False
        ),
        Finding: _written(
            Finding,
            override={"code": {"type": "string", "oneOf": codes}, "data": {"type": "object"}},
            every_field=False,
        ),
    }
