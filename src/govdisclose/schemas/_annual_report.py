"""The schema of the yearly report document (政府信息公开工作年度报告, 国办公开办函〔2021〕30号).

The document is keyed by the labels the format prints (what a scraper of published reports
writes, and what :func:`govdisclose.annual_report.to_document` writes), so its schema is built
from the format's own tables of rows and columns (:mod:`govdisclose.annual_report`) rather
than walked from attrs fields: every row and column label becomes a property whose title is
the label and whose description gives its code.  The level is the vocabulary
:class:`~govdisclose.annual_report.BodyLevel`, walked like every other vocabulary.  The
canonical form is the one written: labels with full-width punctuation and their numbering,
table 四's lawsuit groups nested under 行政诉讼; the reader accepts many more spellings.

The reader maps the spellings it accepts to this canonical form and checks the result against
:func:`annual_report_structure`: the same schema with every cell left to Python, which reads
numbers written as text and judges each value with its relation (C5: a whole number ≥ 0, only
the fee in 万元 fractional).

>>> from govdisclose.schemas import schema
>>> report = schema("annual-report")
>>> report["properties"]["table3"]["properties"]["rows"]["properties"][
...     "三、本年度办理结果（一）予以公开"]["description"]
'disclosed：7个数值，按列顺序 / 7 cells in column order'
"""

from __future__ import annotations

from collections.abc import Iterable

from ..annual_report._format import (
    ALL_TABLE3_ROWS,
    FORMAT_DOCUMENT,
    SECTIONS,
    TABLE2_COLUMNS,
    TABLE2_LAYOUT,
    TABLE2_ROWS,
    TABLE3_COLUMNS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    BodyLevel,
    Label,
    cell_kind,
    label_of,
)
from ._walker import JSON, SchemaWalker

__all__ = ["annual_report_schema", "annual_report_structure"]

_NULL: JSON = {"type": "null"}
_TRIAL = "（2019年试行格式）"
_KINDS = {  # what a cell holds (annual_report._format.cell_kind): its schema and description
    "count": ({"type": "integer", "minimum": 0}, "whole number ≥ 0"),
    "amount": ({"type": "number", "minimum": 0}, "number ≥ 0"),
    "change": ({"type": "integer"}, "whole number, negative for a decrease"),
}


def _prop(schema: JSON, title: str, description: str) -> JSON:
    return {"title": title, "description": description, **schema}


def _object(properties: dict[str, JSON], **more: object) -> JSON:
    return {"type": "object", "additionalProperties": False, **more, "properties": properties}


def _cells(columns: Iterable[Label], row: str = "", *, values: bool = True) -> JSON:
    properties: dict[str, JSON | bool] = {}
    for c in columns:
        schema, kind = _KINDS[cell_kind(row, c.code)]
        description = f"{c.code}{_TRIAL if c.trial else ''} / {kind}, null: blank"
        cell = _prop({"anyOf": [schema, _NULL]}, c.name, description)
        properties[c.label] = cell if values else True  # True: any value
    return {"type": "object", "additionalProperties": False, "properties": properties}


def annual_report_structure() -> JSON:
    """The schema the reader checks a report's canonical form against: the document's schema
    with every cell accepting any value (the reader judges cells itself)."""
    return annual_report_schema(values=False)


def annual_report_schema(*, values: bool = True) -> JSON:
    """The schema of the label-keyed yearly report document (root, with ``$defs``);
    ``values=False`` leaves the cells to the reader (:func:`annual_report_structure`)."""
    walker = SchemaWalker({})
    walker.defs["BodyLevel"] = {
        "title": "机关层级",
        "description": "township 乡镇级；county 县级；city 市级；province 省级",
        **walker.enum_schema(BodyLevel),
    }
    table2 = {
        row.label: _prop(
            _cells(
                (c for c in TABLE2_COLUMNS if c.trial or c.code in TABLE2_LAYOUT.get(row.code, ())),
                row.code,
                values=values,
            ),
            row.name,
            f"{row.code}{_TRIAL if row.trial else ''}",
        )
        for row in TABLE2_ROWS
    }
    width = len(TABLE3_COLUMNS)
    count = {"anyOf": [_KINDS["count"][0], _NULL]}
    items = {"items": count} if values else {}
    cells3 = {"type": "array", **items, "minItems": width, "maxItems": width}
    table3 = {
        row.label: _prop(
            cells3,
            row.name,
            f"{row.code}{_TRIAL if row.trial else ''}：{width}个数值，按列顺序 / "
            f"{width} cells in column order",
        )
        for row in ALL_TABLE3_ROWS
    }
    review, *lawsuits = TABLE4_GROUPS
    group = _cells(TABLE4_COLUMNS, values=values)
    lawsuit = _object({g.parts[-1]: _prop(group, g.parts[-1], g.code) for g in lawsuits})
    sections = {
        s.heading: _prop(
            {"type": "string"},
            s.heading,
            f"{s.code}：正文，空为待填写 / text, empty: to be written",
        )
        for s in SECTIONS
        if s.table is None
    }
    root = _object(
        {
            "format": _prop(
                {"const": FORMAT_DOCUMENT}, "报告格式", f"{FORMAT_DOCUMENT} / the format"
            ),
            "body": _prop(
                {"anyOf": [{"type": "string"}, _NULL]},
                "报告机关",
                "发布报告的行政机关 / the reporting body",
            ),
            "year": _prop(
                {"anyOf": [{"type": "integer", "minimum": 1990, "maximum": 9999}, _NULL]},
                "报告年度",
                "报告所述的年度 / the year reported on",
            ),
            "level": _prop(
                {"anyOf": [{"$ref": "#/$defs/BodyLevel"}, _NULL]},
                "机关层级",
                "报告机关的层级（规章检查）/ the body's level",
            ),
            "sections": _prop(
                _object(sections),
                "正文",
                "一、五、六 三部分的正文 / the text of sections 一, 五 and 六",
            ),
            "table2": _prop(
                _object(table2),
                "主动公开政府信息情况",
                "表二：按信息内容（行）和列名 / table 二 by row and column label",
            ),
            "table3": _prop(
                _object(
                    {
                        "columns": _prop(
                            {"const": [c.name for c in TABLE3_COLUMNS]},
                            "列",
                            "申请人情况各列 / the applicant columns, in order",
                        ),
                        "rows": _prop(_object(table3), "行", "各行的数值 / each row's cells"),
                    },
                    required=["columns", "rows"],
                ),
                "收到和处理政府信息公开申请情况",
                f"表三 / table 三 ({label_of(3, 'total').label} …)",
            ),
            "table4": _prop(
                _object(
                    {
                        review.label: _prop(group, review.label, review.code),
                        lawsuits[0].parts[0]: _prop(
                            lawsuit, lawsuits[0].parts[0], "、".join(g.code for g in lawsuits)
                        ),
                    }
                ),
                "政府信息公开行政复议、行政诉讼情况",
                "表四：行政复议，行政诉讼分未经复议直接起诉和复议后起诉 / table 四",
            ),
        }
    )
    root["$defs"] = dict(sorted(walker.defs.items()))
    return root
