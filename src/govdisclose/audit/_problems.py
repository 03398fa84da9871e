"""What is wrong with a log record that cannot be used, as problem codes and bilingual text.

Problem codes (in the ``problems`` data of an ``audit.bad-record`` finding):

==============================  ================================================================
``missing_field:<field>``       a required field (domain, item, formed) is empty or absent
``bad_date:<field>``            formed or published is not a date
``unknown_domain``              the domain is not 安全生产/work_safety or 救灾/disaster_relief
``published_before_formed``     published earlier than formed
``field_count``                 a CSV row with more or fewer fields than the header
``undecodable``                 bytes that are not text in the log's encoding
``bad_json`` / ``not_object``   a JSON Lines line that is not JSON (or nested too deeply) / not
                                a JSON object
``duplicate_key``               a JSON object giving one key twice (the last value would win)
``bad_csv``                     a CSV record the csv module refuses (a NUL byte …)
``not_text:<field>``            a JSON value of the wrong type (a number as a date …)
``duplicate_field:<field>``     a JSON object naming a field twice (``item`` and ``事项``)
==============================  ================================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from .._errors import short_repr
from .._vocabulary import Domain
from ._decoding import has_undecodable
from ._log_record import FIELDS, NOT_A_DATE, BadRow, date_problem, log_date

#: Chinese names of the fields, for messages.
FIELD_LABELS = {
    "domain": "领域",
    "item": "事项",
    "formed": "形成日期",
    "published": "公开日期",
    "channel": "渠道",
    "title": "标题",
    "id": "编号",
}


def value_at(row: Sequence[Any], column: int | None) -> Any:
    """The value in ``column`` of ``row``, ``None`` when absent."""
    if column is None:
        return None
    if isinstance(row, BadRow):
        return row[column]
    return row[column] if column < len(row) else None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def row_problems(
    row: Sequence[Any], columns: Sequence[int | None], width: int
) -> tuple[str, ...] | None:
    """The problems of a row: ``None`` if it is usable, ``()`` if it is blank (skipped)."""
    if isinstance(row, BadRow):
        return row.problems
    if not row or all(_blank(v) for v in row):
        return ()
    problems: list[str] = []
    if len(row) != width:
        problems.append("field_count")
    values = [value_at(row, c) for c in columns]
    if any(has_undecodable(v) for v in values):
        problems.append("undecodable")
    domain, item, formed, published = values[:4]
    if _blank(domain):
        problems.append("missing_field:domain")
    elif Domain.parse(domain, default=None) is None:
        problems.append("unknown_domain")
    if _blank(item):
        problems.append("missing_field:item")
    elif not isinstance(item, str):
        problems.append("not_text:item")
    formed_date, published_date = log_date(formed), log_date(published)
    if formed_date is None:
        problems.append("missing_field:formed")
    elif formed_date is NOT_A_DATE:
        problems.append("bad_date:formed")
    if published_date is NOT_A_DATE:
        problems.append("bad_date:published")
    if (
        isinstance(formed_date, dt.date)
        and isinstance(published_date, dt.date)
        and published_date < formed_date
    ):
        problems.append("published_before_formed")
    return tuple(problems) or None


def _show(value: Any) -> str:
    """A value in a message: a bounded repr (undecodable bytes show as ``\\udcXX``)."""
    return short_repr(value, limit=42)


def describe_problems(
    problems: Sequence[str], row: Sequence[Any], columns: Sequence[int | None], width: int
) -> tuple[str, str]:
    """Chinese and English text for ``problems`` of ``row``."""
    zh: list[str] = []
    en: list[str] = []
    for problem in problems:
        code, _, field = problem.partition(":")
        label = FIELD_LABELS.get(field, field)
        value = value_at(row, columns[FIELDS.index(field)]) if field in FIELDS else None
        if code == "missing_field":
            zh.append(f"缺少{label}")
            en.append(f"{field} is missing")
        elif code == "bad_date":
            why = date_problem(value)
            zh.append(f"{label}不是有效日期：{_show(value)}" + (f"（{why[0]}）" if why else ""))
            en.append(f"{field} is not a date: {_show(value)}" + (f" ({why[1]})" if why else ""))
        elif code == "not_text":
            why = date_problem(value) if field in ("formed", "published") else None
            zh.append(f"{label}的值类型不对：{_show(value)}" + (f"（{why[0]}）" if why else ""))
            en.append(
                f"{field} has the wrong type: {_show(value)}" + (f" ({why[1]})" if why else "")
            )
        elif code == "duplicate_field":
            zh.append(f"{label}字段重复")
            en.append(f"{field} is given twice")
        elif code == "unknown_domain":
            shown = _show(value_at(row, columns[0]))
            zh.append(f"未知领域 {shown}（应为安全生产或救灾）")
            en.append(f"unknown domain {shown} (work_safety or disaster_relief)")
        elif code == "published_before_formed":
            zh.append("公开日期早于形成日期")
            en.append("published before it was formed")
        elif code == "field_count":
            zh.append(f"有{len(row)}个字段，表头有{width}个")
            en.append(f"{len(row)} fields where the header has {width}")
        elif code == "undecodable":
            zh.append("含有无法按文件编码解码的字节")
            en.append("bytes that do not decode in the file's encoding")
        elif code in ("bad_json", "not_object", "bad_csv", "duplicate_key"):
            detail = row.detail if isinstance(row, BadRow) else ""
            what = {
                "bad_json": "不是有效的JSON",
                "not_object": "不是JSON对象",
                "duplicate_key": "JSON对象中有重复的键",
            }.get(code, "CSV格式错误")
            zh.append(what + (f"（{detail}）" if detail else ""))
            en.append(detail or code)
        else:
            zh.append(problem)
            en.append(problem)
    return "；".join(zh), "; ".join(en)
