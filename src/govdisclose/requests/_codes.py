"""The finding codes of requests ledgers, in one table, registered in one place.

Each row of :data:`FINDING_CODES` is (code, severity, message zh, message en, hint); the
registry :data:`govdisclose.findings.CODES` reads it.  The codes are API; the wording is not.

>>> from govdisclose.requests import FINDING_CODES
>>> sorted(row[0] for row in FINDING_CODES)[:2]
['requests.bad-cell', 'requests.bad-order']
"""

from __future__ import annotations

from typing import Any

from ..findings import CODES, Finding

__all__ = ["FINDING_CODES", "make_finding"]

#: (code, severity, message zh, message en, hint) for every finding a ledger can give.
FINDING_CODES: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "requests.bad-cell",
        "error",
        "单元格无法读取，该条申请未载入",
        "unusable cell; the request was not loaded",
        "按表头所示的格式填写（日期如2025-03-04，类别和结果用表三的名称），再重新读取。",
    ),
    (
        "requests.missing-value",
        "error",
        "缺少必填项，该条申请未载入",
        "a required value is missing; the request was not loaded",
        "每条申请须有编号、收到日期（或提交方式及相应日期）和申请人类别。",
    ),
    (
        "requests.bad-order",
        "error",
        "日期先后矛盾，该条申请未载入",
        "dates contradict each other; the request was not loaded",
        "核对各环节日期：补正、征求意见、收费、答复均不早于收到申请之日。",
    ),
    (
        "requests.duplicate-id",
        "error",
        "申请编号重复，后一条未载入",
        "duplicate request id; the later one was not loaded",
        "每条申请使用唯一编号。",
    ),
    (
        "requests.missing-column",
        "error",
        "缺少必需的列",
        "a required column is missing",
        "台账须有编号、收到日期和申请人类别三列（列名见文档）。",
    ),
    (
        "requests.unknown-column",
        "warning",
        "无法识别的列，其内容未读取",
        "unrecognised column; its cells were not read",
        "如该列有用，请改用文档所列的列名；否则可忽略本提示。",
    ),
    (
        "requests.duplicate-column",
        "error",
        "同一内容有两列，后一列未读取",
        "two columns hold the same field; the later one was not read",
        "删除或重命名重复的列。",
    ),
    (
        "requests.unknown-key",
        "warning",
        "无法识别的键，其内容未读取",
        "unrecognised key; its value was not read",
        "键名见 requests-ledger 模式。",
    ),
    (
        "requests.receipt-mismatch",
        "warning",
        "收到日期与第三十一条按提交方式确定的日期不一致",
        "the received date differs from the date 第三十一条 gives for the channel",
        "依第三十一条：当面提交以提交之日、邮寄以签收之日、平信及网络传真以确认之日为收到申请之日。",
    ),
    (
        "requests.late-extension",
        "warning",
        "延期决定晚于原答复期限",
        "the extension was decided after the ordinary reply period ended",
        "第三十三条第二款：需要延长答复期限的，应当在原期限内经批准并告知申请人。",
    ),
    (
        "requests.late-supplement-notice",
        "warning",
        "补正告知超过7个工作日",
        "the supplement was requested more than 7 working days after receipt",
        "第三十条：应当自收到申请之日起7个工作日内一次性告知申请人补正。",
    ),
    (
        "requests.fee-differs",
        "warning",
        "收费金额与国办函〔2020〕109号标准计算的不同",
        "the fee differs from the amount of 国办函〔2020〕109号's bands",
        "按件：同一申请人一个自然月内第11—30件100元/件，其后每10件一档加100元/件；"
        "按量：31—100页10元/页，101—200页20元/页，200页以上40元/页。",
    ),
    (
        "requests.unknown-year",
        "error",
        "涉及尚无节假日安排的年份，无法计算期限或工作日数",
        "a year without a holiday arrangement: the deadline or the working days cannot be computed",
        "提供该年的节假日安排文件（--calendar），或使用 --provisional 按估算计算。",
    ),
    (
        "requests.empty",
        "warning",
        "台账中没有申请",
        "the ledger holds no requests",
        "",
    ),
)


def make_finding(code: str, path: str, *, zh: str = "", en: str = "", **data: Any) -> Finding:
    """A finding of ``code`` at ``path``: the table's message, then ``zh``/``en`` detail."""
    definition = CODES[code]
    return definition.finding(
        path,
        message_zh=f"{definition.title_zh}：{zh}" if zh else definition.title_zh,
        message_en=f"{definition.title_en}: {en}" if en else definition.title_en,
        hint=definition.description,
        **data,
    )
