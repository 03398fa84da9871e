"""Schemas of the JSON outputs that scripts read: audit reports, per-record results, day info.

These documents are written by ``to_json`` / ``to_dict`` methods (every key always present,
``null`` for an absent value), not read back by the library, so each schema requires every key
and refuses others — a script can rely on the keys it reads.  They are walked from the same
attrs classes as the outputs (:class:`~govdisclose.audit.AuditResult`,
:class:`~govdisclose.audit.RecordResult`, :class:`~govdisclose.calendar.DayInfo`); the
audit report's ``report`` uses the definitions of the ``findings-report`` schema.

>>> from govdisclose.schemas import schema
>>> report = schema("audit-report")
>>> report["properties"]["report"]["$ref"], sorted(report["$defs"])[:3]
('#/$defs/Report', ['Domain', 'Finding', 'FirstLevel'])
>>> schema("audit-record-result")["properties"]["status"]["$ref"]
'#/$defs/Status'
>>> schema("day-info")["required"][:4]
['weekday', 'kind_label', 'workday', 'holiday_label']
"""

from __future__ import annotations

import copy
from collections.abc import Mapping

from ._documents import findings_shapes, finish
from ._texts import FIELD_TEXTS
from ._walker import JSON, SchemaWalker, Shape

__all__ = [
    "OUTPUT_TEXTS",
    "audit_record_result_schema",
    "audit_report_schema",
    "day_info_schema",
]

_COUNT: JSON = {"type": "integer", "minimum": 0}
_NULL: JSON = {"type": "null"}
_DATE: JSON = {"type": "string", "format": "date"}


def _t(title: str, zh: str, en: str) -> tuple[str, str]:
    return title, f"{zh} / {en}"


def _or_null(schema: JSON) -> JSON:
    return {"anyOf": [schema, _NULL]}


#: Titles and descriptions of the output documents' fields (see :mod:`._texts`).
OUTPUT_TEXTS: Mapping[str, tuple[str, str]] = {
    # -- audit report ----------------------------------------------------------------------
    "AuditResult.subject": _t("审计对象", "记录文件名（或 records）", "the log's file name"),
    "AuditResult.as_of": _t("审计基准日", "按哪一天判定", "the date the audit is as of"),
    "AuditResult.format": _t(
        "记录格式", "csv、tsv、jsonl，或 records（对象）", "csv, tsv, jsonl or records (objects)"
    ),
    "AuditResult.encoding": _t(
        "编码", "读取记录文件所用的编码（对象为null）", "the encoding read with (null: objects)"
    ),
    "AuditResult.ok": _t(
        "通过",
        "没有逾期、超期或无法使用的记录",
        "nothing late or overdue and every record usable",
    ),
    "AuditResult.records": _t("记录数", "读到的全部记录", "every record read"),
    "AuditResult.partial_years": _t(
        "部分安排年份",
        "审计涉及的、节假日安排标注为部分安排的年份",
        "years the audit spans whose arrangement is marked partial",
    ),
    "AuditResult.invalid": _t("无效记录数", "无法使用的记录", "records that cannot be used"),
    "AuditResult.totals": _t("合计", "可用记录按状态计数", "usable records by status"),
    "AuditResult.unknown_item_records": _t(
        "未知事项记录数", "事项不在目录中的记录（计入无法判定）", "records naming unknown items"
    ),
    "AuditResult.published_after_as_of": _t(
        "基准日后公开数", "公开日期晚于基准日的记录", "records published after the as-of date"
    ),
    "AuditResult.formed_after_as_of": _t(
        "基准日后形成数", "形成日期晚于基准日的记录", "records formed after the as-of date"
    ),
    "AuditResult.first_levels": _t("按一级事项", "各一级事项的计数", "counts per first-level item"),
    "AuditResult.items": _t("按事项", "有记录的各二级事项的计数", "counts per item with records"),
    "AuditResult.listed_limit": _t(
        "列出上限", "每类问题最多列出的条数", "findings listed per code at most"
    ),
    "AuditResult.report": _t("检查报告", "审计发现的问题", "the audit's findings"),
    "StatusCounts.on_time": _t("按时公开", "按时公开的记录数", "records on time"),
    "StatusCounts.late": _t("逾期公开", "逾期公开的记录数", "records published late"),
    "StatusCounts.overdue": _t("超期未公开", "超期未公开的记录数", "records overdue"),
    "StatusCounts.pending": _t("待公开", "未公开、未到期的记录数", "records not yet due"),
    "StatusCounts.not_assessable": _t("无法判定", "无法判定的记录数", "records not assessable"),
    "StatusCounts.provisional": _t(
        "暂估", "用到估算日历年份的记录数", "records that used an estimated calendar year"
    ),
    "StatusCounts.max_late_workdays": _t(
        "最多逾期工作日", "逾期最多的工作日数（无则null）", "most working days late (or null)"
    ),
    "StatusCounts.max_overdue_workdays": _t(
        "最多超期工作日", "超期最多的工作日数（无则null）", "most working days overdue (or null)"
    ),
    "StatusCounts.total": _t("总数", "各状态之和", "all statuses together"),
    "ItemSummary.domain": _t("领域", "事项所属领域", "the item's domain"),
    "ItemSummary.item_id": _t("事项标识", "如 policy_documents.1", "the item's id"),
    "ItemSummary.name": _t("事项名称", "二级事项名称", "the item's name"),
    "ItemSummary.first_level": _t("一级事项", "所属一级事项", "the first-level item"),
    "ItemSummary.time_limit": _t("公开时限", "目录所载的时限原文", "the time limit as published"),
    "ItemSummary.counts": _t("计数", "该事项的记录按状态计数", "the item's records by status"),
    "ItemSummary.reasons": _t(
        "无法判定原因", "无法判定的记录按原因计数", "not-assessable records by reason"
    ),
    "ItemSummary.unknown_years": _t(
        "缺少安排的年份", "因缺少节假日安排而无法判定的年份", "years without a holiday arrangement"
    ),
    "FirstLevelSummary.domain": _t("领域", "所属领域", "the domain"),
    "FirstLevelSummary.first_level": _t("一级事项", "一级事项代码", "the first-level item"),
    "FirstLevelSummary.label": _t("一级事项名称", "一级事项的中文名称", "its Chinese label"),
    "FirstLevelSummary.counts": _t("计数", "其下各事项的记录按状态计数", "records by status"),
    # -- one record's result -----------------------------------------------------------------
    "RecordResult.index": _t("序号", "记录在记录文件中的位置（从0起）", "0-based position"),
    "RecordResult.line": _t(
        "行号", "记录在文件中的首行（对象为null）", "first line in the file (null: objects)"
    ),
    "RecordResult.status": _t("公开状态", "按时、逾期、超期等", "on time, late, overdue …"),
    "RecordResult.domain": _t("领域", "记录的领域（无法识别为null）", "the domain (or null)"),
    "RecordResult.item": _t("事项", "记录所写的事项", "the item as the record gives it"),
    "RecordResult.item_id": _t(
        "事项标识", "目录中对应事项的标识（未找到为null）", "the catalogue item's id (or null)"
    ),
    "RecordResult.formed": _t("形成日期", "信息形成或变更的日期", "the day it was formed"),
    "RecordResult.published": _t("公开日期", "公开的日期（未公开为null）", "the day published"),
    "RecordResult.due": _t("截止日期", "应公开的最后一天（无则null）", "the due date (or null)"),
    "RecordResult.late_workdays": _t(
        "逾期工作日", "逾期公开的工作日数", "working days late (late records)"
    ),
    "RecordResult.overdue_workdays": _t(
        "超期工作日", "截至基准日超期的工作日数", "working days overdue on the as-of date"
    ),
    "RecordResult.reason": _t("原因", "无法判定的原因代码", "why it is not assessable"),
    "RecordResult.unknown_year": _t(
        "缺少安排的年份", "缺少节假日安排的年份", "the year without a holiday arrangement"
    ),
    "RecordResult.provisional": _t("暂估", "用到了估算的日历年份", "an estimated year was used"),
    "RecordResult.partial": _t(
        "部分安排", "用到了标注为部分安排的年份", "a year marked partial was used"
    ),
    "RecordResult.problems": _t(
        "问题代码", "无效记录的问题代码，如 bad_date:formed", "why an invalid record is unusable"
    ),
    "RecordResult.channel": _t("渠道", "公开渠道", "the channel"),
    "RecordResult.title": _t("标题", "信息标题", "the title"),
    "RecordResult.id": _t("编号", "记录编号", "the record's id"),
    "Status": _t(
        "公开状态",
        "on_time 按时公开；late 逾期公开；overdue 超期未公开；pending 待公开；"
        "not_assessable 无法判定；invalid 无效记录",
        "the record's status on the as-of date",
    ),
    # -- day info ----------------------------------------------------------------------------
    "DayInfo.date": _t("日期", "公历日期", "the date"),
    "DayInfo.weekday": _t("星期", "ISO星期序号：1为星期一，7为星期日", "ISO weekday, Monday 1"),
    "DayInfo.kind": _t("日期类型", "工作日、周末、法定节假日、调休等", "what kind of day"),
    "DayInfo.kind_label": _t("日期类型名称", "日期类型的中文名称", "the kind's Chinese label"),
    "DayInfo.workday": _t("工作日", "是否为工作日", "whether it is a working day"),
    "DayInfo.holiday": _t("节日", "放假所属的节日（无则null）", "the festival of a day off"),
    "DayInfo.holiday_label": _t("节日名称", "节日的中文名称", "the festival's Chinese label"),
    "DayInfo.for_holiday": _t(
        "补班节日", "调休上班日所补的节日（无则null）", "the festival a make-up day is for"
    ),
    "DayInfo.for_holiday_label": _t(
        "补班节日名称", "所补节日的中文名称", "that festival's Chinese label"
    ),
    "DayInfo.source": _t("依据", "国务院办公厅通知或估算说明", "the notice, or the estimate"),
    "DayInfo.provisional": _t("暂估", "该年尚无通知，按估算", "the year is only estimated"),
    "DayInfo.partial": _t(
        "部分安排", "该年安排未列全节日（partial）", "the year's arrangement lacks festivals"
    ),
    "DayInfo.next_workday": _t(
        "后一工作日", "命令行输出：之后的第一个工作日（未知为null）", "CLI: the next working day"
    ),
    "DayInfo.previous_workday": _t(
        "前一工作日", "命令行输出：之前的最后一个工作日（未知为null）", "CLI: the previous one"
    ),
    "DayInfo.neighbours_provisional": _t(
        "前后工作日为暂估",
        "命令行输出：前后工作日的计算用到了暂估年份",
        "CLI: the previous or next working day lies in, or was found through, an estimated year",
    ),
    "DayKind": _t(
        "日期类型",
        "workday 工作日；weekend 周末；holiday 法定节假日；rest_day 调休休息日；"
        "makeup_workday 调休上班日",
        "the kind of day",
    ),
    "Festival": _t("节日", "法定节假日所属的节日", "the festival"),
}

_TEXTS = {**FIELD_TEXTS, **OUTPUT_TEXTS}


def _counts_shape() -> Shape:
    counted = ("on_time", "late", "overdue", "pending", "not_assessable", "provisional")
    override: dict[str, JSON] = dict.fromkeys(counted, _COUNT)
    override["max_late_workdays"] = override["max_overdue_workdays"] = _or_null(_COUNT)
    return Shape(required="all", extra={"total": _COUNT}, override=override)


def audit_report_schema() -> JSON:
    """The schema of ``AuditResult.to_json()`` (``govdisclose audit --format json``)."""
    from ..audit import REASONS, AuditResult, FirstLevelSummary, ItemSummary, StatusCounts
    from ..audit._logfile import ENCODINGS

    reasons: JSON = {
        "type": "object",
        "propertyNames": {"type": "string", "enum": list(REASONS)},
        "additionalProperties": _COUNT,
    }
    shapes = {
        **findings_shapes(),
        AuditResult: Shape(
            required="all",
            exclude=("first_problem",),  # for the command line's message, not written
            extra={"ok": {"type": "boolean"}},
            override={
                "format": {"type": "string", "enum": ["csv", "tsv", "jsonl", "records"]},
                "encoding": _or_null({"type": "string", "enum": list(ENCODINGS)}),
                **dict.fromkeys(
                    (
                        "records",
                        "invalid",
                        "unknown_item_records",
                        "published_after_as_of",
                        "formed_after_as_of",
                        "listed_limit",
                    ),
                    _COUNT,
                ),
            },
        ),
        StatusCounts: _counts_shape(),
        ItemSummary: Shape(
            required="all",
            override={"reasons": reasons, "unknown_years": {"type": "array", "items": _COUNT}},
        ),
        FirstLevelSummary: Shape(required="all", extra={"label": {"type": "string"}}),
    }
    walker = SchemaWalker(shapes, texts=_TEXTS)
    return copy.deepcopy(finish(walker, walker.root(AuditResult)))  # no shared parts


def audit_record_result_schema() -> JSON:
    """The schema of ``RecordResult.to_json()`` (a line of ``govdisclose audit --records``)."""
    from ..audit import REASONS, RecordResult

    days = _or_null(_COUNT)
    shape = Shape(
        required="all",
        override={
            "index": _COUNT,
            "line": _or_null({"type": "integer", "minimum": 1}),
            "item": _or_null({"type": "string"}),
            "late_workdays": days,
            "overdue_workdays": days,
            "reason": _or_null({"type": "string", "enum": list(REASONS)}),
            "unknown_year": _or_null({"type": "integer"}),
            "problems": {
                "type": "array",
                "items": {"type": "string", "pattern": "^[a-z_]+(:[a-z_]+)?$"},
            },
        },
    )
    walker = SchemaWalker({RecordResult: shape}, texts=_TEXTS)
    return copy.deepcopy(finish(walker, walker.root(RecordResult)))  # no shared parts


def day_info_schema() -> JSON:
    """The schema of ``DayInfo.to_dict()`` and of ``govdisclose calendar day --format json``."""
    from ..calendar._workcalendar import DayInfo

    label = _or_null({"type": "string"})
    shape = Shape(
        required="all",
        extra={
            "weekday": {"type": "integer", "minimum": 1, "maximum": 7},
            "kind_label": {"type": "string"},
            "workday": {"type": "boolean"},
            "holiday_label": label,
            "for_holiday_label": label,
            # Added by the command line, not by DayInfo.to_dict.
            "next_workday": _or_null(_DATE),
            "previous_workday": _or_null(_DATE),
            "neighbours_provisional": {"type": "boolean"},
        },
        optional=("next_workday", "previous_workday", "neighbours_provisional"),
    )
    walker = SchemaWalker({DayInfo: shape}, texts=_TEXTS)
    return copy.deepcopy(finish(walker, walker.root(DayInfo)))  # no shared parts
