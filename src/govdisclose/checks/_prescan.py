"""Reading raw catalogue data for validation: every structural problem as a finding.

:func:`read_catalogue` reads JSON-ready data (what :func:`json.loads` gives) into the catalogue
and each item that can be read, *with its index in the input*, so that a bad item does not
hide the checks of the good ones.  Data the package's converter refuses is checked against
the ``catalogue`` / ``catalogue-item`` JSON Schema — the very schemas front-end teams use
(Draft 2020-12, compiled once, on first use) — and each schema error becomes a finding with
its JSON path: a missing element, a term outside the vocabulary, a wrong type, an unknown
field.  What the schema does not describe but the reader accepts (a vocabulary's Chinese
labels and variants, a time limit given as its text) is not a finding.

>>> from govdisclose.findings import ReportBuilder
>>> builder = ReportBuilder()
>>> read = read_catalogue({"title": "X", "domain": "救灾", "items": [{"name": "A"}]}, builder)
>>> read.catalogue is not None, read.items
(True, ())
>>> sorted({f.code for f in builder.findings})
['catalogue.invalid-data', 'catalogue.missing-element', 'catalogue.no-level']
>>> read_catalogue([], builder).catalogue is None, builder.findings[-1].code
(True, 'catalogue.not-a-catalogue')
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import attrs

from .._errors import DataError, GovdiscloseError, short_repr
from .._model import Catalogue, CatalogueItem
from ..findings import FindingCode, ReportBuilder, Severity
from ..schemas import schema
from ..schemas._problems import Root, SchemaProblem, schema_problems

#: The eight required elements (国办发〔2019〕54号): field name → Chinese label.
ELEMENTS: Mapping[str, str] = {
    "name": "事项名称",
    "content": "公开内容",
    "basis": "公开依据",
    "time_limit": "公开时限",
    "subject": "公开主体",
    "modes": "公开方式",
    "channels": "公开渠道",
    "audiences": "公开对象",
}

#: The finding codes of this area (see :mod:`govdisclose.findings`).
CODES = (
    NOT_A_CATALOGUE := FindingCode(
        "catalogue.not-a-catalogue",
        Severity.ERROR,
        "不是目录数据",
        "not catalogue data",
        "The input is not a JSON object with a catalogue's fields (title, domain, items).",
    ),
    INVALID_DATA := FindingCode(
        "catalogue.invalid-data",
        Severity.ERROR,
        "数据格式错误",
        "invalid data",
        "A field has the wrong type, is unknown, or a required non-element field is missing.",
    ),
    MISSING_ELEMENT := FindingCode(
        "catalogue.missing-element",
        Severity.ERROR,
        "缺少必备要素",
        "required element missing or empty",
        "One of the eight elements every catalogue item must give (国办发〔2019〕54号: 名称、内容、"
        "依据、时限、主体、方式、渠道、公开对象) is missing, empty or only white space.",
    ),
    NO_LEVEL := FindingCode(
        "catalogue.no-level",
        Severity.ERROR,
        "未标明公开层级",
        "no level",
        "The item names no level (公开层级: 县级, 乡级) at which it applies.",
    ),
    UNKNOWN_TERM := FindingCode(
        "catalogue.unknown-term",
        Severity.ERROR,
        "不在标准词表中",
        "not in the standard's vocabulary",
        "A channel, audience, mode, level or first-level item that the standard does not know.",
    ),
)


_CORRECT_HINT = "按目录的JSON格式更正该字段 / correct the field (see the catalogue JSON format)"


def clip(value: object, limit: int = 60) -> str:
    """A string, or a short ``repr`` (:func:`~govdisclose._errors.short_repr`), cut to
    ``limit`` characters: for messages about input.  Safe for large and deeply nested values.

    >>> clip("安全生产" * 30, 10), clip({"a": list(range(50))}, 20)
    ('安全生产安全生产安…', "{'a': [0, 1, 2, 3, …")
    """
    if isinstance(value, str):
        return value if len(value) <= limit else value[: limit - 1] + "…"
    return short_repr(value, limit=limit)


def is_blank(value: object) -> bool:
    """True for ``None``, a non-string, or a string of white space only."""
    return not isinstance(value, str) or not value.strip()


def add_missing(builder: ReportBuilder, where: str, field: str) -> None:
    """Report an element (``catalogue.missing-element``) or the levels
    (``catalogue.no-level``) missing or empty at ``where``."""
    if field == "levels":
        builder.add(NO_LEVEL, where, hint="标明县级和/或乡级 / give county and/or township")
        return
    label = ELEMENTS[field]
    builder.add(
        MISSING_ELEMENT,
        where,
        message_zh=f"缺少{label}或{label}为空",
        message_en=f"the item's {field} is missing or empty",
        hint=f"填写{label}（国办发〔2019〕54号要求的八要素之一）/ fill in the item's {field}",
        element=field,
    )


@attrs.frozen
class ReadCatalogue:
    """What :func:`read_catalogue` could read.

    ``catalogue`` is the catalogue with the items that could be read (``None`` when its
    top-level fields could not be read); ``items`` pairs each readable item with its index in
    the input; ``item_count`` is the number of items in the input.
    """

    catalogue: Catalogue | None
    items: tuple[tuple[int, CatalogueItem], ...]
    item_count: int


@functools.cache
def _root(name: str) -> Root:
    """The builder of the schema ``name``, one per name (it keys the compiled validator)."""
    return functools.partial(schema, name)


def read_problems(
    exc: DataError, data: object, name: str, path: str
) -> list[SchemaProblem | GovdiscloseError]:
    """Why the converter refused ``data``: the schema's problems, then the converter's own
    that no schema problem covers (a time limit's rule that does not match its text …)."""
    problems = schema_problems(data, _root(name), path)
    found: list[SchemaProblem | GovdiscloseError] = [*problems]
    reported = {problem.path for problem in problems}
    # an unknown field is reported at its own path; the converter names the object holding it
    unknown = {p.path.rpartition(".")[0] for p in problems if p.keyword == "additionalProperties"}
    for problem in exc.errors or (exc,):
        where = problem.path or path
        if where not in unknown and not any(
            where == p or where.startswith((p + ".", p + "[")) for p in reported
        ):
            found.append(GovdiscloseError(problem.message, path=where))
    return found


def _report(problem: SchemaProblem | GovdiscloseError, builder: ReportBuilder) -> None:
    where = problem.path or "$"
    missing = problem.missing if isinstance(problem, SchemaProblem) else None
    if missing is not None and (missing in ELEMENTS or missing == "levels"):
        add_missing(builder, where, missing)
    elif isinstance(problem, SchemaProblem) and problem.vocabulary is not None:
        vocabulary = problem.vocabulary
        allowed = "、".join(f"{m.label}({m.code})" for m in vocabulary)
        builder.add(
            UNKNOWN_TERM,
            where,
            message_zh=f"未知的{vocabulary.__concept__}：{clip(problem.value)}",
            message_en=f"unknown {problem.field} value {clip(problem.value)}",
            hint=f"可用 / allowed: {allowed}",
            field=problem.field,
            value=clip(problem.value),
        )
    else:
        builder.add(
            INVALID_DATA,
            where,
            message_zh=f"数据无效：{clip(problem.message, 200)}",
            message_en=f"invalid data: {clip(problem.message, 200)}",
            hint=_CORRECT_HINT,
        )


def _read(data: Any, cls: type[Any], name: str, path: str, builder: ReportBuilder) -> Any:
    """``data`` as a ``cls``, or ``None`` after reporting why not.

    What the converter reads conforms to the schema ``name`` (the schema tests keep the two
    in agreement), so only data it refuses is checked against the schema.
    """
    from .._converter import structure

    try:
        return structure(data, cls, path=path)
    except DataError as exc:
        problem = exc
    except RecursionError:
        problem = DataError("a value is nested too deeply (嵌套过深)", path=path)
    for found in read_problems(problem, data, name, path):
        _report(found, builder)
    return None


def read_catalogue(data: object, builder: ReportBuilder) -> ReadCatalogue:
    """Read a catalogue model or JSON-ready catalogue data, adding a finding for every
    problem to ``builder`` (in a model: an entry of its items that is not an item)."""
    if isinstance(data, Catalogue):
        pairs = []
        for index, item in enumerate(data.items):
            if isinstance(item, CatalogueItem):
                pairs.append((index, item))
            else:
                message = f"not a CatalogueItem: {type(item).__name__}"
                builder.add(
                    INVALID_DATA, f"$.items[{index}]", message_zh="不是目录事项", message_en=message
                )
        return ReadCatalogue(data, tuple(pairs), len(data.items))
    if isinstance(data, CatalogueItem):
        builder.add(
            NOT_A_CATALOGUE,
            "$",
            message_zh="这是单个事项，不是目录",
            message_en="a single item, not a catalogue",
            hint="把事项放入 Catalogue(items=...) / put the item in a Catalogue",
        )
        return ReadCatalogue(None, (), 0)
    if not isinstance(data, Mapping):
        builder.add(
            NOT_A_CATALOGUE,
            "$",
            message_zh=f"应为目录（JSON对象），实为{type(data).__name__}",
            message_en=f"expected a catalogue (a JSON object), got {type(data).__name__}",
            hint="目录需含 title、domain、items 字段 / a catalogue has title, domain and items",
        )
        return ReadCatalogue(None, (), 0)
    raw_items = data.get("items")
    top = {**data, "items": []} if isinstance(raw_items, list) else data
    catalogue: Catalogue | None = _read(top, Catalogue, "catalogue", "$", builder)
    items: list[tuple[int, CatalogueItem]] = []
    for index, raw in enumerate(raw_items if isinstance(raw_items, list) else ()):
        item = _read(raw, CatalogueItem, "catalogue-item", f"$.items[{index}]", builder)
        if item is not None:
            items.append((index, item))
    if catalogue is not None:
        catalogue = catalogue.with_items(item for _, item in items)
    return ReadCatalogue(
        catalogue, tuple(items), len(raw_items) if isinstance(raw_items, list) else 0
    )
