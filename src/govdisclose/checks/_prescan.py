"""Reading raw catalogue data for validation: every structural problem as a finding.

:func:`read_catalogue` takes JSON-ready data (what :func:`json.loads` gives) and returns the
catalogue's top-level fields and each item that could be read, *with its index in the input*,
plus error findings for everything that could not — a missing element, a term outside the
vocabulary, a wrong type, an unknown field — each with its JSON path.  Items are read one by
one, so a bad item does not hide the checks of the good ones.

>>> from govdisclose.findings import ReportBuilder
>>> builder = ReportBuilder()
>>> read = read_catalogue({"title": "X", "domain": "救灾", "items": [{"name": "A"}]}, builder)
>>> read.catalogue is not None, read.items
(True, ())
>>> sorted({f.code for f in builder.findings})
['catalogue.invalid-data', 'catalogue.missing-element', 'catalogue.no-level']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from .._errors import DataError, GovdiscloseError, short_repr
from .._model import Catalogue, CatalogueItem
from .._vocabulary import Audience, Channel, FirstLevel, Level, Mode, Term
from ..findings import FindingCode, ReportBuilder, Severity

__all__ = [
    "ELEMENTS",
    "INVALID_DATA",
    "MISSING_ELEMENT",
    "NOT_A_CATALOGUE",
    "NO_LEVEL",
    "UNKNOWN_TERM",
    "ReadCatalogue",
    "clip",
    "read_catalogue",
]

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

#: Item fields that hold vocabulary terms: field → (term class, is a list).
TERM_FIELDS: Mapping[str, tuple[type[Term], bool]] = {
    "first_level": (FirstLevel, False),
    "channels": (Channel, True),
    "audiences": (Audience, True),
    "modes": (Mode, True),
    "levels": (Level, True),
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


#: No vocabulary label or variant is longer than this; longer text is not looked up.
_MAX_TERM_LENGTH = 100

NO_LEVEL_HINT = "标明县级和/或乡级 / give county and/or township"


def clip(value: object, limit: int = 60) -> str:
    """A string, or a short ``repr`` (:func:`~govdisclose._errors.short_repr`), cut to
    ``limit`` characters: for messages about input.  Safe for large and deeply nested values.

    >>> clip("安全生产" * 30, 10), clip({"a": list(range(50))}, 20)
    ('安全生产安全生产安…', "{'a': [0, 1, 2, 3, …")
    """
    if isinstance(value, str):
        return value if len(value) <= limit else value[: limit - 1] + "…"
    return short_repr(value, limit=limit)


def missing_element_hint(field: str) -> str:
    """The hint for a missing element ``field``."""
    label = ELEMENTS.get(field, field)
    return f"填写{label}（国办发〔2019〕54号要求的八要素之一）/ fill in the item's {field}"


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


def _covered(path: str, reported: set[str]) -> bool:
    return any(path == p or path.startswith((p + ".", p + "[")) for p in reported)


def _prescan_item(raw: Mapping[str, Any], path: str, builder: ReportBuilder) -> set[str]:
    """Report missing elements and unknown terms; return the paths reported."""
    reported: set[str] = set()
    for field, label in ELEMENTS.items():
        if field not in raw or raw[field] is None:
            where = f"{path}.{field}"
            builder.add(
                MISSING_ELEMENT,
                where,
                message_zh=f"缺少{label}",
                message_en=f"the item has no {field}",
                hint=missing_element_hint(field),
                element=field,
            )
            reported.add(where)
    if raw.get("levels") is None:
        where = f"{path}.levels"
        builder.add(NO_LEVEL, where, hint=NO_LEVEL_HINT)
        reported.add(where)
    for field, (cls, is_list) in TERM_FIELDS.items():
        value = raw.get(field)
        where = f"{path}.{field}"
        if value is None:
            continue
        if is_list and not isinstance(value, list):
            builder.add(
                INVALID_DATA,
                where,
                message_zh=f"应为{cls.__concept__}的列表",
                message_en=f"{field} must be a list, got {type(value).__name__} {clip(value)}",
                hint=f'写成列表，如 ["{next(iter(cls)).code}"] / write a JSON list',
            )
            reported.add(where)
            continue
        values = value if is_list else [value]
        for index, entry in enumerate(values):
            if (
                not isinstance(entry, (str, cls))
                or (isinstance(entry, str) and len(entry) > _MAX_TERM_LENGTH)
                or cls.try_parse(entry) is None
            ):
                at = f"{where}[{index}]" if is_list else where
                allowed = "、".join(f"{m.label}({m.code})" for m in cls)
                builder.add(
                    UNKNOWN_TERM,
                    at,
                    message_zh=f"未知的{cls.__concept__}：{clip(entry)}",
                    message_en=f"unknown {field} value {clip(entry)}",
                    hint=f"可用 / allowed: {allowed}",
                    field=field,
                    value=clip(entry),
                )
                reported.add(at)
    return reported


def _add_data_errors(exc: DataError, builder: ReportBuilder, reported: set[str]) -> None:
    problems: Sequence[GovdiscloseError] = exc.errors or (exc,)
    for problem in problems:
        where = problem.path or "$"
        if _covered(where, reported):
            continue
        builder.add(
            INVALID_DATA,
            where,
            message_zh=f"数据无效：{clip(problem.message, 200)}",
            message_en=f"invalid data: {clip(problem.message, 200)}",
            hint="按目录的JSON格式更正该字段 / correct the field (see the catalogue JSON format)",
        )


def _structure(data: Any, cls: type[Any], path: str) -> Any:
    from .._converter import structure

    try:
        return structure(data, cls, path=path)
    except RecursionError:
        raise DataError(
            "a value is nested too deeply (嵌套过深)",
            errors=[GovdiscloseError("a value is nested too deeply (嵌套过深)", path=path)],
        ) from None


def read_catalogue(data: object, builder: ReportBuilder) -> ReadCatalogue:
    """Read JSON-ready catalogue data, adding a finding for every problem to ``builder``."""
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
    if not isinstance(raw_items, list):
        raw_items = []
    top = {key: value for key, value in data.items() if key != "items"}
    top["items"] = []
    catalogue: Catalogue | None
    reported: set[str] = set()
    if "items" in data and not isinstance(data["items"], list):
        builder.add(
            INVALID_DATA,
            "$.items",
            message_zh="items 应为事项列表",
            message_en=f"items must be a list, got {type(data['items']).__name__}",
            hint="items 写成JSON数组 / write items as a JSON list",
        )
        reported.add("$.items")
    try:
        catalogue = _structure(top, Catalogue, "$")
    except DataError as exc:
        catalogue = None
        _add_data_errors(exc, builder, reported)
    if "items" not in data:
        builder.add(
            INVALID_DATA,
            "$.items",
            message_zh="缺少 items（事项列表）",
            message_en="the catalogue has no items field",
            hint="添加 items 数组 / add an items list",
        )
    items: list[tuple[int, CatalogueItem]] = []
    for index, raw in enumerate(raw_items):
        path = f"$.items[{index}]"
        if not isinstance(raw, Mapping):
            builder.add(
                INVALID_DATA,
                path,
                message_zh="事项应为JSON对象",
                message_en=f"an item must be a JSON object, got {type(raw).__name__}",
                hint="每个事项写成一个JSON对象 / write each item as a JSON object",
            )
            continue
        item_reported = _prescan_item(raw, path, builder)
        try:
            items.append((index, _structure(raw, CatalogueItem, path)))
        except DataError as exc:
            _add_data_errors(exc, builder, item_reported)
    if catalogue is not None:
        catalogue = catalogue.with_items(item for _, item in items)
    return ReadCatalogue(catalogue, tuple(items), len(raw_items))
