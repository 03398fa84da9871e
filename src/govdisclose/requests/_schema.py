"""The JSON Schema of a requests ledger (``requests-ledger``), built from the model.

Built by :class:`~govdisclose.schemas.walker.SchemaWalker` like every schema of the library
and exported with them (``govdisclose schema``); the field texts are here, next to the model
they describe.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["LEDGER_TEXTS", "ledger_schema"]


def _t(title: str, zh: str, en: str) -> tuple[str, str]:
    return title, f"{zh} / {en}"


_DATE_NOTE = "ISO 8601 日期 / ISO 8601 date"

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
    from ..schemas._documents import CONVERTER, finish
    from ..schemas._texts import FIELD_TEXTS
    from ..schemas._walker import SchemaWalker, Shape
    from ._ledger import Consultation, FeeNotice, Ledger, Reply, Request, Review

    count = {"type": "integer", "minimum": 0}
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
                "amount": {"anyOf": [count, {"type": "null"}]},
                "pages": {"anyOf": [count, {"type": "null"}]},
            }
        ),
        Reply: CONVERTER,
        Review: CONVERTER,
    }
    walker = SchemaWalker(shapes, texts={**FIELD_TEXTS, **LEDGER_TEXTS})
    return finish(walker, walker.root(Ledger))
