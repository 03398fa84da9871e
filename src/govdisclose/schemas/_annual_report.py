"""The schema of the yearly report document (政府信息公开工作年度报告, 国办公开办函〔2021〕30号).

The document is keyed by the labels the format prints (what a scraper of published reports
writes, and what :func:`govdisclose.annual_report.to_document` writes), so its schema is built
from the format's own tables of rows and columns (:mod:`govdisclose.annual_report`) rather
than walked from attrs fields: every row and column label becomes a property whose title is
the label and whose description gives its code.  The level is the vocabulary
:class:`~govdisclose.annual_report.BodyLevel`, walked like every other vocabulary.  The
canonical form is the one written: labels with full-width punctuation and their numbering,
table 四's lawsuit groups nested under 行政诉讼; the reader accepts many more spellings.

>>> from govdisclose.schemas import schema
>>> report = schema("annual-report")
>>> report["properties"]["table3"]["properties"]["rows"]["properties"][
...     "三、本年度办理结果（一）予以公开"]["description"]
'disclosed：7个数值，按列顺序 / 7 cells in column order'
"""

from __future__ import annotations

from typing import Any

from ._walker import JSON, SchemaWalker

__all__ = ["annual_report_schema"]

_NULL: JSON = {"type": "null"}


def _count(fraction: bool = False) -> JSON:
    number: JSON = {"type": "number" if fraction else "integer", "minimum": 0}
    return {"anyOf": [number, _NULL]}


def _prop(schema: JSON, title: str, description: str) -> JSON:
    return {"title": title, "description": description, **schema}


def _cell_schema(row: str, column: str, fee: tuple[str, str] | None) -> tuple[JSON, str]:
    from ..annual_report._format import TRIAL_AMOUNT_COLUMNS, TRIAL_SIGNED_COLUMNS

    if (row, column) == fee or column in TRIAL_AMOUNT_COLUMNS:
        return _count(fraction=True), "number ≥ 0"
    if column in TRIAL_SIGNED_COLUMNS:
        return {"anyOf": [{"type": "integer"}, _NULL]}, "whole number, negative for a decrease"
    return _count(), "whole number ≥ 0"


def _cells(columns: Any, fee: tuple[str, str] | None = None, row: str = "") -> JSON:
    properties: dict[str, JSON] = {}
    for c in columns:
        schema, kind = _cell_schema(row, c.code, fee)
        trial = "（2019年试行格式）" if c.trial else ""
        properties[c.label] = _prop(schema, c.name, f"{c.code}{trial} / {kind}, null: blank")
    return {"type": "object", "additionalProperties": False, "properties": properties}


def annual_report_schema() -> JSON:
    """The schema of the label-keyed yearly report document (root, with ``$defs``)."""
    from ..annual_report import (
        FORMAT_DOCUMENT,
        SECTIONS,
        TABLE2_COLUMNS,
        TABLE2_ROWS,
        TABLE3_COLUMNS,
        TABLE3_ROWS,
        TABLE4_COLUMNS,
        TABLE4_GROUPS,
        BodyLevel,
    )
    from ..annual_report._format import FEE_CELL, TABLE2_LAYOUT, TRIAL_OTHER_ROW, label_of

    walker = SchemaWalker({})
    level = walker.enum_schema(BodyLevel)
    walker.defs["BodyLevel"] = {
        "title": "机关层级",
        "description": "township 乡镇级；county 县级；city 市级；province 省级",
        **level,
    }
    table2_rows: dict[str, JSON] = {}
    for row in TABLE2_ROWS:
        allowed = TABLE2_LAYOUT.get(row.code, ())
        columns = [c for c in TABLE2_COLUMNS if c.code in allowed or c.trial]
        table2_rows[row.label] = _prop(
            _cells(columns, FEE_CELL, row.code),
            row.name,
            f"{row.code}{'（2019年试行格式）' if row.trial else ''}",
        )
    rows = [*TABLE3_ROWS, TRIAL_OTHER_ROW]
    row_cells: JSON = {
        "type": "array",
        "items": _count(),
        "minItems": len(TABLE3_COLUMNS),
        "maxItems": len(TABLE3_COLUMNS),
    }
    table3_rows = {
        row.label: _prop(
            row_cells,
            row.name,
            f"{row.code}{'（2019年试行格式）' if row.trial else ''}："
            f"{len(TABLE3_COLUMNS)}个数值，按列顺序 / {len(TABLE3_COLUMNS)} cells in column order",
        )
        for row in rows
    }
    group_cells = _cells(TABLE4_COLUMNS)
    review = TABLE4_GROUPS[0]
    lawsuits = TABLE4_GROUPS[1:]
    table4: JSON = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            review.label: _prop(group_cells, review.label, f"{review.code}"),
            lawsuits[0].parts[0]: _prop(
                {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {
                        g.parts[-1]: _prop(group_cells, g.parts[-1], g.code) for g in lawsuits
                    },
                },
                lawsuits[0].parts[0],
                "lawsuit_direct、lawsuit_after_review",
            ),
        },
    }
    sections = {
        s.heading: _prop(
            {"type": "string"},
            s.heading,
            f"{s.code}：正文，空为待填写 / text, empty: to be written",
        )
        for s in SECTIONS
        if s.table is None
    }
    nullable_text: JSON = {"anyOf": [{"type": "string"}, _NULL]}
    root: JSON = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "format": _prop(
                {"const": FORMAT_DOCUMENT}, "报告格式", "国办公开办函〔2021〕30号 / the format"
            ),
            "body": _prop(nullable_text, "报告机关", "发布报告的行政机关 / the reporting body"),
            "year": _prop(
                {"anyOf": [{"type": "integer", "minimum": 1990}, _NULL]},
                "报告年度",
                "报告所述的年度 / the year reported on",
            ),
            "level": _prop(
                {"anyOf": [{"$ref": "#/$defs/BodyLevel"}, _NULL]},
                "机关层级",
                "报告机关的层级（规章检查）/ the body's level",
            ),
            "sections": _prop(
                {"type": "object", "additionalProperties": False, "properties": sections},
                "正文",
                "一、五、六 三部分的正文 / the text of sections 一, 五 and 六",
            ),
            "table2": _prop(
                {"type": "object", "additionalProperties": False, "properties": table2_rows},
                "主动公开政府信息情况",
                "表二：按信息内容（行）和列名 / table 二 by row and column label",
            ),
            "table3": _prop(
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["columns", "rows"],
                    "properties": {
                        "columns": _prop(
                            {"const": [c.name for c in TABLE3_COLUMNS]},
                            "列",
                            "申请人情况各列 / the applicant columns, in order",
                        ),
                        "rows": _prop(
                            {
                                "type": "object",
                                "additionalProperties": False,
                                "properties": table3_rows,
                            },
                            "行",
                            "各行的数值 / each row's cells",
                        ),
                    },
                },
                "收到和处理政府信息公开申请情况",
                "表三 / table 三 (" + label_of(3, "total").label + " …)",
            ),
            "table4": _prop(
                table4,
                "政府信息公开行政复议、行政诉讼情况",
                "表四：行政复议，行政诉讼分未经复议直接起诉和复议后起诉 / table 四",
            ),
        },
    }
    root["$defs"] = dict(sorted(walker.defs.items()))
    return root
