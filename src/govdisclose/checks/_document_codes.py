"""The finding codes of the document checks (:mod:`govdisclose.checks._documents`).

Each code names the rule of 应急厅函〔2019〕390号 it checks.
"""

from __future__ import annotations

from ..findings import FindingCode, Severity

#: The finding codes of this area (see :mod:`govdisclose.findings`).
CODES = (
    NOT_A_RECORD := FindingCode(
        "document.not-a-record",
        Severity.ERROR,
        "不是文件记录",
        "not a document record",
        "The input is not a JSON object (or list of objects) describing policy documents.",
    ),
    INVALID_DATA := FindingCode(
        "document.invalid-data",
        Severity.ERROR,
        "文件记录数据格式错误",
        "invalid document record data",
        "A field of the record has the wrong type or value, is unknown, or is missing.",
    ),
    FIELD_MISSING := FindingCode(
        "document.field-missing",
        Severity.WARNING,
        "文件记录缺少标识或标题",
        "record has no id or title",
        "The record's id or title is empty.",
    ),
    ATTRIBUTE_MISSING := FindingCode(
        "document.attribute-missing",
        Severity.ERROR,
        "未明确公开属性",
        "no disclosure attribute",
        "390号 四(一)1: every policy document has its disclosure attribute (主动公开, 依申请公开, "
        "不予公开) set when it is drafted.",
    ),
    MARKING_MISSING := FindingCode(
        "document.marking-missing",
        Severity.WARNING,
        "未记录公开属性标注",
        "no marking recorded",
        "390号 四(一)5: the document carries 「此件公开发布」「此件依申请公开」or「此件不公开」 "
        "after "
        "its date; the record gives no marking.",
    ),
    MARKING_UNRECOGNISED := FindingCode(
        "document.marking-unrecognised",
        Severity.WARNING,
        "公开属性标注无法识别",
        "marking not recognised",
        "The marking text is none of 此件公开发布, 此件依申请公开, 此件不公开.",
    ),
    MARKING_MISMATCH := FindingCode(
        "document.marking-mismatch",
        Severity.ERROR,
        "公开属性标注与公开属性不符",
        "marking contradicts the attribute",
        "The document is marked for another disclosure attribute than the one recorded.",
    ),
    BASIS_MISSING := FindingCode(
        "document.basis-missing",
        Severity.ERROR,
        "不予公开未说明法定依据",
        "no legal basis for not disclosing",
        "390号 四(一)3: a document proposed as not disclosed states the legal basis.",
    ),
    REVIEW_MISSING := FindingCode(
        "document.review-missing",
        Severity.ERROR,
        "不予公开未经审查",
        "not-disclosed document not reviewed",
        "390号 四(一)2: before issue, the office responsible for government information disclosure "
        "reviews a document proposed as not disclosed (the secrecy office first, if state "
        "secrets are involved).",
    ),
    REVIEW_AFTER_ISSUE := FindingCode(
        "document.review-after-issue",
        Severity.WARNING,
        "审查晚于印发",
        "reviewed after issue",
        "390号 四(一)2: the review takes place before the document is issued (在发文前).",
    ),
    NOT_DISCLOSED_PUBLISHED := FindingCode(
        "document.not-disclosed-published",
        Severity.ERROR,
        "不予公开的文件已公开",
        "not-disclosed document published",
        "The record says the document is not disclosed, yet it has a publication date or channel.",
    ),
    ISSUED_MISSING := FindingCode(
        "document.issued-missing",
        Severity.ERROR,
        "缺少印发日期",
        "no issue date",
        "The record has no issue date, so the 20 working days of 390号 四(一)5 cannot be counted.",
    ),
    PUBLISHED_BEFORE_ISSUED := FindingCode(
        "document.published-before-issued",
        Severity.ERROR,
        "公开日期早于印发日期",
        "published before it was issued",
        "The publication date is before the issue date; one of them is wrong.",
    ),
    NOT_ON_WEBSITE := FindingCode(
        "document.not-on-website",
        Severity.ERROR,
        "主动公开文件未在政府网站公开",
        "proactive document not on the government website",
        "390号 四(一)6: a proactive document is published through the government website.",
    ),
    PUBLISHED_LATE := FindingCode(
        "document.published-late",
        Severity.ERROR,
        "公开超过20个工作日",
        "published after 20 working days",
        "390号 四(一)5: a proactive policy document is published within 20 working days of issue.",
    ),
    PUBLICATION_OVERDUE := FindingCode(
        "document.publication-overdue",
        Severity.ERROR,
        "逾期未公开",
        "publication overdue",
        "390号 四(一)5: the 20 working days after issue have passed and the document is not "
        "published.",
    ),
    PUBLICATION_PENDING := FindingCode(
        "document.publication-pending",
        Severity.INFO,
        "待公开",
        "publication due",
        "The document is not yet published; the 20 working days have not passed.",
    ),
    DEADLINE_UNKNOWN := FindingCode(
        "document.deadline-unknown",
        Severity.WARNING,
        "无法计算公开期限",
        "deadline cannot be computed",
        "The 20 working days reach a year for which no official holiday arrangement is known.",
    ),
    INTERPRETATION_MISSING := FindingCode(
        "document.interpretation-missing",
        Severity.ERROR,
        "需解读的文件未公开解读",
        "interpretation not published",
        "390号 四(二)6: a document that needs interpretation is published with its "
        "interpretation (三同步: drafted, approved and deployed together).",
    ),
    INTERPRETATION_NOT_SYNCHRONOUS := FindingCode(
        "document.interpretation-not-synchronous",
        Severity.ERROR,
        "解读与文件未同步发布",
        "interpretation not published with the document",
        "390号 四(二)6: the interpretation is published on the same day as the document.",
    ),
    INTERPRETATION_NOT_LINKED := FindingCode(
        "document.interpretation-not-linked",
        Severity.WARNING,
        "解读未与文件关联",
        "interpretation not linked",
        "The interpretation record gives neither a link nor an id that ties it to the document.",
    ),
    SELF_REVIEW_OVERDUE := FindingCode(
        "document.self-review-overdue",
        Severity.WARNING,
        "未按年度开展公开属性自查",
        "annual review missed",
        "390号 四(一)4: on-request and not-disclosed documents are reviewed every year; a whole "
        "calendar year has passed since the last review (or the issue).",
    ),
)
