"""The schema of a holiday-arrangement file (节假日安排): the structure
:func:`~govdisclose.calendar.load_arrangement` checks every file against.

An arrangement file is written by people (TOML or JSON), not by the converter, so this schema
is stated here rather than walked from attrs classes (with a Chinese ``title`` and a bilingual
``description`` for every property, like the others); the festivals (codes and Chinese names
of :class:`~govdisclose.calendar.Festival`) are taken from the model.  What a schema cannot say
is checked by the reader in Python: that a date exists, that a range runs forwards over at most
:data:`MAX_RANGE_DAYS` days, the year's window, make-up days on weekends, completeness.

It must stay equal, as a JSON value, to ``schemas/arrangement.schema.json``
of the repository, which the calendar code documents (a test compares the two).  Festivals
are the one place where a schema accepts Chinese names: the file is hand-written input.

>>> from govdisclose.schemas._arrangement import arrangement_schema
>>> s = arrangement_schema()
>>> s["required"], s["$defs"]["festival"]["enum"][1]
(['year', 'notice_title', 'holidays'], 'spring_festival')
"""

from __future__ import annotations

from typing import Any

#: Longest range ``start/end`` accepted in a file (a break is at most nine days; a month is plenty).
MAX_RANGE_DAYS = 31

_DAY = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_TEXT = {"type": "string", "minLength": 1, "pattern": "\\S"}


def arrangement_schema() -> dict[str, Any]:
    """The JSON Schema of an arrangement file (``arrangement.schema.json``)."""
    from ..calendar._festivals import Festival  # the calendar package reads files with this

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://govdisclose.github.io/schemas/arrangement.schema.json",
        "title": "节假日安排 / Holiday arrangement",
        "description": (
            "某一年国务院办公厅节假日安排通知（国务院办公厅关于YYYY年部分节假日安排的通知）的放假调休"
            "日期，供 govdisclose 计算工作日。 / One year's holiday arrangement from the State "
            "Council General Office's yearly notice: the days off and the weekend days worked "
            "instead, for govdisclose's working-day calendar. Dates are YYYY-MM-DD or inclusive "
            "ranges YYYY-MM-DD/YYYY-MM-DD and must lie between 1 December of the previous year "
            "and 31 December of the year (checked by the library, not by this schema)."
        ),
        "type": "object",
        "properties": {
            "$schema": {
                "title": "模式地址",
                "description": "可选：本模式的地址 / optional: this schema's URI",
                "type": "string",
            },
            "year": {
                "title": "年份",
                "description": "安排所属年份 / the year the notice is for",
                "type": "integer",
                "minimum": 1950,
                "maximum": 2199,
            },
            "notice_title": {
                "title": "通知标题",
                "description": (
                    "通知标题 / the notice's title, e.g. 国务院办公厅关于2027年部分节假日安排的通知"
                ),
                **_TEXT,
            },
            "notice_number": {
                "title": "发文字号",
                "description": "发文字号 / document number, e.g. 国办发明电〔2024〕12号",
                **_TEXT,
            },
            "notice_date": {
                "title": "成文日期",
                "description": "成文日期 / the notice's date",
                "$ref": "#/$defs/date",
            },
            "partial": {
                "title": "部分安排",
                "description": (
                    "true 表示本安排有意未列全《全国年节及纪念日放假办法》规定的节日（须在 "
                    "partial_reason 说明原因），据此计算的结果均标注为部分安排 / true when the "
                    "arrangement knowingly lacks festivals of the statutory holiday rules (say why "
                    "in partial_reason); every result computed through it is marked partial"
                ),
                "type": "boolean",
            },
            "partial_reason": {
                "title": "部分安排的原因",
                "description": "为何未列全 / why the arrangement is partial",
                **_TEXT,
            },
            "holidays": {
                "title": "放假调休安排",
                "description": (
                    "各节日的放假调休安排，一项一个节日 / one entry per festival, as the notice "
                    "lists them"
                ),
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "#/$defs/holiday"},
            },
        },
        "required": ["year", "notice_title", "holidays"],
        # partial_reason if and only if partial is true.  Each subschema names the properties
        # it requires, so that Ajv's strict mode (strictRequired) accepts the schema.
        "if": {
            "properties": {
                "partial": {
                    "title": "部分安排",
                    "description": "为 true 时须说明原因 / when true, partial_reason is required",
                    "const": True,
                }
            },
            "required": ["partial"],
        },
        "then": {"properties": {"partial_reason": True}, "required": ["partial_reason"]},
        "else": {
            "description": "非部分安排不应填写原因 / partial is not true",
            "not": {"properties": {"partial_reason": True}, "required": ["partial_reason"]},
        },
        "additionalProperties": False,
        "$defs": {
            "date": {
                "description": "日期 / a date, YYYY-MM-DD",
                "type": "string",
                "pattern": f"^{_DAY}$",
            },
            "dateOrRange": {
                "description": (
                    "日期或闭区间 / a date, or an inclusive range start/end "
                    f"(at most {MAX_RANGE_DAYS} days)"
                ),
                "type": "string",
                "pattern": f"^{_DAY}(/{_DAY})?$",
            },
            "festival": {
                "description": "节日代码或中文名称 / festival code or Chinese name",
                "type": "string",
                "enum": [f.code for f in Festival] + [f.label for f in Festival],
            },
            "holiday": {
                "description": (
                    "一个节日的放假日期（含假期内的周末）与调休上班日 / one festival's days off "
                    "(weekend days of the break included) and make-up working days"
                ),
                "type": "object",
                "properties": {
                    "festival": {
                        "title": "节日",
                        "description": "节日代码或中文名称 / the festival, by code or Chinese name",
                        "$ref": "#/$defs/festival",
                    },
                    "days_off": {
                        "title": "放假日期",
                        "description": "放假日期 / days off",
                        "type": "array",
                        "items": {"$ref": "#/$defs/dateOrRange"},
                    },
                    "makeup_workdays": {
                        "title": "调休上班日",
                        "description": (
                            "调休上班日（周六或周日）/ weekend days declared working days"
                        ),
                        "type": "array",
                        "items": {"$ref": "#/$defs/dateOrRange"},
                    },
                    "source": {
                        "title": "依据通知",
                        "description": (
                            "本项日期所依据的后续通知（标题及发文字号），如延长假期的通知；"
                            "缺省为本年度通知 / the later notice these days come from (title and "
                            "number), such as a notice extending a holiday; by default the "
                            "year's notice"
                        ),
                        **_TEXT,
                    },
                },
                # Each branch names its property so that Ajv's strict mode (strictRequired)
                # accepts the schema.
                "anyOf": [
                    {"properties": {"days_off": True}, "required": ["days_off"]},
                    {"properties": {"makeup_workdays": True}, "required": ["makeup_workdays"]},
                ],
                "additionalProperties": False,
            },
        },
    }
