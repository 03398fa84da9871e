"""The JSON Schema of a requests ledger (``requests-ledger``), built from the model.

Built by ``SchemaWalker`` like every schema of the library
and exported with them (``govdisclose schema``); the field texts are here, next to the model
they describe.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..schemas._texts import FIELD_TEXTS
from ..schemas._walker import CONVERTER, SchemaWalker, Shape, finish
from ._counts import TABLE3_COLUMNS, TABLE4_COLUMNS, YearCounts
from ._ledger import Consultation, FeeNotice, Ledger, Reply, Request, Review
from ._status import LedgerStatus, RequestStatus
from ._terms import ApplicantCategory, Outcome, ReviewKind, ReviewResult


def _t(title: str, zh: str, en: str) -> tuple[str, str]:
    return title, f"{zh} / {en}"


#: ``"Class.field"`` → (Chinese title, "中文 / English" description).
LEDGER_TEXTS: Mapping[str, tuple[str, str]] = {
    "Ledger.requests": _t("申请", "台账中的政府信息公开申请", "the requests of the ledger"),
    "Ledger.body": _t("机关", "保存台账的行政机关", "the body that keeps the ledger"),
    "Request.id": _t("申请编号", "台账内唯一的编号", "an id unique in the ledger"),
    "Request.received": _t(
        "收到申请日期",
        "按第三十一条确定的收到申请之日",
        "the day the request counts as received (第三十一条)",
    ),
    "Request.applicant_category": _t(
        "申请人类别", "年度报告表三的申请人列", "the applicant column of table 三"
    ),
    "Request.subject": _t("申请内容", "所需信息的内容描述", "what was asked for"),
    "Request.applicant": _t(
        "申请人",
        "申请人姓名或名称（用于按件收费的每月计数）",
        "the applicant's name (for the monthly count of 按件 fees)",
    ),
    "Request.channel": _t(
        "提交方式", "当面、邮寄、平常信函、互联网或传真（第三十一条）", "how it was submitted"
    ),
    "Request.received_time": _t("收到时刻", "HH:MM，按办公室记录保留", "time of day, HH:MM"),
    "Request.submitted": _t("提交日期", "申请人提交之日", "the day the applicant submitted it"),
    "Request.signed_for": _t(
        "签收日期", "邮寄申请的签收之日", "the day a posted request was signed for"
    ),
    "Request.confirmed": _t(
        "确认日期",
        "平常信函、互联网或传真申请的确认之日",
        "the day of confirmation (ordinary letter, online, fax)",
    ),
    "Request.supplement_requested": _t(
        "告知补正日期", "一次性告知补正之日（第三十条）", "the day a supplement was requested"
    ),
    "Request.supplement_received": _t(
        "收到补正日期", "收到补正后申请之日，答复期限自此重新起算", "the day the supplement arrived"
    ),
    "Request.extension_days": _t(
        "延长工作日数",
        "经批准延长的工作日数（0至20，第三十三条）",
        "approved extension, 0–20 working days",
    ),
    "Request.extended_on": _t("延期日期", "作出延期决定并告知之日", "the day of the extension"),
    "Request.consultations": _t(
        "征求意见", "征求第三方或其他机关意见（第三十二条、第三十四条）", "consultations"
    ),
    "Request.fee": _t("信息处理费", "收费通知（国办函〔2020〕109号）", "the fee notice"),
    "Request.reply": _t("答复", "答复日期和办理结果；未答复时省略", "the reply; absent while open"),
    "Request.reviews": _t(
        "复议诉讼", "行政复议和行政诉讼（表四）", "reviews and lawsuits (table 四)"
    ),
    "Request.note": _t("备注", "办公室的备注", "the office's note"),
    "Consultation.sent": _t("发出日期", "发出征求意见之日", "the day it was sent"),
    "Consultation.party": _t("征求意见对象", "第三方或其他机关", "third party or agency"),
    "Consultation.answered": _t(
        "答复日期", "收到意见之日；未答复时省略", "the day the answer arrived"
    ),
    "FeeNotice.sent": _t("收费通知日期", "发出收费通知之日", "the day the notice was sent"),
    "FeeNotice.basis": _t("收费方式", "按件或按量（每件申请只用一种）", "per request or per page"),
    "FeeNotice.amount": _t("金额（元）", "通知收取的金额，单位元", "the amount in yuan"),
    "FeeNotice.pages": _t("页数", "按量计收时提供的页数", "pages provided (per page)"),
    "FeeNotice.paid": _t("缴费日期", "申请人缴费之日", "the day it was paid"),
    "FeeNotice.lapsed": _t(
        "逾期日期", "缴费期限届满而未缴之日", "the day the payment period ended unpaid"
    ),
    "Reply.date": _t("答复日期", "作出答复之日", "the day of the reply"),
    "Reply.outcome": _t("办理结果", "年度报告表三的一个结果行", "one result row of table 三"),
    "Review.kind": _t("类型", "行政复议、未经复议直接起诉或复议后起诉", "the group of table 四"),
    "Review.result": _t("结果", "结果维持、结果纠正、其他结果或尚未审结", "the column of table 四"),
    "Review.filed": _t("提起日期", "申请复议或起诉之日", "the day it was filed"),
    "Review.decided": _t("审结日期", "审结之日", "the day it was decided"),
}


def ledger_schema() -> dict[str, Any]:
    """The root schema of ``requests-ledger`` (without the header keys)."""
    shapes = {
        Ledger: CONVERTER,
        Request: Shape(
            override={
                "received_time": {
                    "anyOf": [
                        {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"},
                        {"type": "null"},
                    ]
                },
                "extension_days": {"type": "integer", "minimum": 0, "maximum": 20},
                "id": {"type": "string", "minLength": 1},
            }
        ),
        Consultation: CONVERTER,
        FeeNotice: Shape(
            override={
                "amount": {"anyOf": [_count(), {"type": "null"}]},
                "pages": {"anyOf": [_count(), {"type": "null"}]},
            }
        ),
        Reply: CONVERTER,
        Review: CONVERTER,
    }
    walker = SchemaWalker(shapes, texts={**FIELD_TEXTS, **LEDGER_TEXTS})
    return finish(walker, walker.root(Ledger))


#: Texts of the status output's fields.
STATUS_TEXTS: Mapping[str, tuple[str, str]] = {
    "LedgerStatus.as_of": _t("查看日期", "按哪一天判定", "the day the status is for"),
    "LedgerStatus.summary": _t("合计", "各状态的申请数", "requests by state"),
    "LedgerStatus.requests": _t(
        "申请", "查看日期前收到的每件申请", "every request received by that day"
    ),
    "LedgerStatus.report": _t("检查报告", "读取和检查发现的问题", "the findings"),
    "RequestStatus.id": _t("申请编号", "台账中的编号", "the request's id"),
    "RequestStatus.received": _t("收到申请日期", "第三十一条的收到之日", "the receipt date"),
    "RequestStatus.state": _t(
        "办理状态", "办理中、征求意见中、待补正、待缴费或已答复", "the state"
    ),
    "RequestStatus.state_label": _t("办理状态名称", "办理状态的中文名称", "its Chinese label"),
    "RequestStatus.subject": _t("申请内容", "所需信息的内容描述", "what was asked for"),
    "RequestStatus.due": _t(
        "答复期限", "答复的最后一天（无期限或无法计算为null）", "the reply's last day (or null)"
    ),
    "RequestStatus.provisional": _t(
        "暂估", "期限用到了估算的日历年份", "an estimated year was used"
    ),
    "RequestStatus.replied": _t("答复日期", "查看日期前的答复日期（无则null）", "the reply's day"),
    "RequestStatus.outcome": _t("办理结果", "答复的办理结果（无则null）", "the reply's outcome"),
    "RequestStatus.workdays_left": _t(
        "剩余工作日",
        "查看日期之后至期限的工作日数",
        "working days after the day through the due day",
    ),
    "RequestStatus.overdue": _t("已逾期", "未答复且已过期限", "open and past its deadline"),
    "RequestStatus.on_time": _t(
        "按时答复", "已答复时是否在期限内（未答复或无期限为null）", "answered on time (or null)"
    ),
    "RequestStatus.workdays_late": _t(
        "逾期工作日", "答复日或查看日晚于期限的工作日数", "working days after the due day"
    ),
    "RequestStatus.problem": _t(
        "无法计算的原因", "期限无法计算时的说明（如缺少节假日安排）", "why no deadline (or null)"
    ),
    "RequestStatus.deadline": _t(
        "期限说明", "仅 --explain：期限及逐日计算过程", "--explain only: the explained deadline"
    ),
    "RequestState": _t("办理状态", "申请在查看日期的状态", "where a request stands"),
}

_SUMMARY_KEYS = {
    "total": ("申请数", "查看日期前收到的申请", "requests received by the day"),
    "open": ("办理中", "未答复的申请", "not answered"),
    "overdue": ("已逾期", "未答复且已过期限", "open and past the deadline"),
    "due_soon": ("近期到期", "5个工作日内到期的未答复申请", "open, due within 5 working days"),
    "consulting": ("征求意见中", "等待征求意见答复", "waiting for a consultation"),
    "awaiting_supplement": ("待补正", "等待申请人补正", "waiting for the supplement"),
    "awaiting_fee": ("待缴费", "等待申请人缴费", "waiting for the fee"),
    "answered": ("已答复", "已答复的申请", "answered"),
    "answered_on_time": ("按时答复", "在期限内答复", "answered on time"),
    "answered_late": ("逾期答复", "超过期限答复", "answered late"),
    "not_computed": ("无法计算", "期限无法计算的申请", "no deadline could be computed"),
    "received_later": ("之后收到", "查看日期之后收到（未列出）", "received after the day"),
}


def _count() -> dict[str, Any]:
    return {"type": "integer", "minimum": 0}


def _described(title: str, zh: str, en: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"title": title, "description": f"{zh} / {en}", **schema}


def _closed(properties: dict[str, Any]) -> dict[str, Any]:
    """An object with exactly these properties."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def status_shapes() -> dict[type, dict[str, Any]]:
    """What the output schemas of :class:`~govdisclose.requests.LedgerStatus` and
    :class:`~govdisclose.requests.RequestStatus` add to the classes' declared output forms:
    the schemas of the derived values and of some fields (walked by
    :func:`govdisclose.schemas._outputs.output_shapes`).

    A request's ``deadline`` (the explained deadline) is written by the converter, ``null``
    when the status was built without explanations; ``to_json`` leaves it out unless asked.
    """
    null = {"type": "null"}
    summary = _closed(
        {key: _described(title, zh, en, _count()) for key, (title, zh, en) in _SUMMARY_KEYS.items()}
    )
    return {
        LedgerStatus: {"types": {"summary": summary}},
        RequestStatus: {
            "types": {
                "state_label": {"type": "string"},
                "deadline": {"anyOf": [{"$ref": "#/$defs/Deadline"}, null]},
            },
            "optional": ("deadline",),
            "override": {
                "outcome": {"anyOf": [{"$ref": "#/$defs/Outcome"}, null]},
                "workdays_left": {"anyOf": [_count(), null]},
                "workdays_late": {"anyOf": [_count(), null]},
            },
        },
    }


#: Texts of the counts output's fields.
COUNTS_TEXTS: Mapping[str, tuple[str, str]] = {
    "YearCounts.year": _t("年度", "统计年度", "the year"),
    "YearCounts.table3": _t(
        "表三", "收到和处理政府信息公开申请情况", "requests received and handled"
    ),
    "YearCounts.table4": _t("表四", "政府信息公开行政复议、行政诉讼情况", "reviews and lawsuits"),
    "YearCounts.fees_collected_yuan": _t(
        "收取信息处理费（元）", "本年缴纳的信息处理费", "fees paid in the year, yuan"
    ),
    "YearCounts.report": _t("检查报告", "读取台账发现的问题", "findings of reading"),
}


def counts_shapes() -> dict[type, dict[str, Any]]:
    """The field schemas of :class:`~govdisclose.requests.YearCounts`: tables 三 and 四 as
    :func:`~govdisclose.requests.table3_counts` and :func:`~govdisclose.requests.table4_counts`
    return them (walked by :func:`govdisclose.schemas._outputs.output_shapes`)."""

    def grid(
        rows: list[tuple[str, str, str]], columns: list[tuple[str, str, str]]
    ) -> dict[str, Any]:
        cells = _closed({key: _described(title, title, en, _count()) for key, title, en in columns})
        return _closed({key: _described(title, title, en, cells) for key, title, en in rows})

    table3_columns = [(c.code, c.label, c.code.replace("_", " ")) for c in ApplicantCategory]
    table3_columns.append(("total", "总计", "the six columns together"))
    assert [c[0] for c in table3_columns] == list(TABLE3_COLUMNS)
    table3_rows = [
        ("new_requests", "一、本年新收政府信息公开申请数量", "received in the year"),
        ("carried_over", "二、上年结转政府信息公开申请数量", "open on 1 January"),
        *((o.code, f"三、本年度办理结果{o.printed}", o.code) for o in Outcome),
        ("total", "（七）总计", "the result rows together"),
        ("carried_to_next_year", "四、结转下年度继续办理", "open on 31 December"),
    ]
    table4_columns = [(r.code, r.label, r.code.replace("_", " ")) for r in ReviewResult]
    table4_columns.append(("total", "总计", "the four columns together"))
    assert [c[0] for c in table4_columns] == list(TABLE4_COLUMNS)
    table4_rows = [(k.code, k.label, k.code.replace("_", " ")) for k in ReviewKind]
    return {
        YearCounts: {
            "override": {
                "year": {"type": "integer"},
                "table3": grid(table3_rows, table3_columns),
                "table4": grid(table4_rows, table4_columns),
                "fees_collected_yuan": _count(),
            },
        }
    }
