"""Titles and descriptions the schemas give to fields and vocabularies (for forms and docs).

:data:`FIELD_TEXTS` maps ``"Class.field"`` (a field) or ``"Class"`` (an enum) to a Chinese
title and a bilingual description.  The schema test checks that every property of every
exported schema has a title and a description, so a new model field needs a line here.
"""

from __future__ import annotations

from collections.abc import Mapping

#: Said in every schema's description: what the schema describes, and what it does not.
CANONICAL_NOTE = (
    "本模式描述库所交换数据的规范形式：词表取值一律用英文代码"
    "（各取值的 title 为中文标签，供表单显示）。"
    "库读取输入时还接受中文标签和常见变体写法，本模式不描述这些写法。",
    "This schema describes the canonical form the library exchanges: vocabulary values are "
    "ASCII codes (each value's title is its Chinese label, for forms to show).  The library's "
    "readers also accept Chinese labels and the variants seen in local catalogues on input; "
    "this schema does not describe those.",
)


def _t(title: str, zh: str, en: str) -> tuple[str, str]:
    return title, f"{zh} / {en}"


#: ``"Class.field"`` or ``"Class"`` → (Chinese title, "中文 / English" description).
FIELD_TEXTS: Mapping[str, tuple[str, str]] = {
    # -- catalogue -------------------------------------------------------------------------
    "Catalogue.source": _t("数据来源", "数据转录自何处", "where the data was transcribed from"),
    "Catalogue.domain": _t("领域", "安全生产或救灾", "work safety or disaster relief"),
    "Catalogue.title": _t("目录名称", "目录的标题", "the catalogue's title"),
    "Catalogue.issuing_document": _t(
        "印发文件", "印发目录的文件，如应急厅函〔2019〕390号", "the issuing document's number"
    ),
    "Catalogue.declared_item_count": _t(
        "声明事项数",
        "印发文件声明的二级事项数（与实际列出的数目可能不同）",
        "the number of second-level items the issuing document declares",
    ),
    "Catalogue.level": _t(
        "公开层级", "本地目录适用的层级（标准目录不填）", "a local catalogue's level"
    ),
    "Catalogue.publisher": _t(
        "发布机关", "发布本地目录的机关，如XX县应急管理局", "the body that publishes it"
    ),
    "Catalogue.notes": _t("备注", "目录整体的说明（表注、已知差异）", "notes on the whole"),
    "Catalogue.items": _t("二级事项", "目录的二级事项", "the catalogue's second-level items"),
    # -- catalogue item ----------------------------------------------------------------------
    "CatalogueItem.first_level": _t("一级事项", "所属一级事项", "the first-level item"),
    "CatalogueItem.number": _t(
        "序号", "在一级事项内的序号（事项标识为 一级事项代码.序号）", "number within its group"
    ),
    "CatalogueItem.name": _t("公开事项名称", "二级事项名称", "the item's name"),
    "CatalogueItem.content": _t("公开内容", "公开内容（要素）", "what is published"),
    "CatalogueItem.basis": _t("公开依据", "公开依据", "the legal basis"),
    "CatalogueItem.time_limit": _t("公开时限", "公开时限", "the time limit"),
    "CatalogueItem.subject": _t("公开主体", "负责公开的机关", "the body that publishes"),
    "CatalogueItem.channels": _t("公开渠道和载体", "公开渠道和载体", "the channels"),
    "CatalogueItem.audiences": _t("公开对象", "全社会或特定群体", "the audience"),
    "CatalogueItem.modes": _t("公开方式", "主动或依申请", "proactive or on request"),
    "CatalogueItem.levels": _t("公开层级", "适用的层级", "the levels it applies to"),
    "CatalogueItem.push_targets": _t(
        "精准推送对象", "精准推送面向的行业或人群", "who a precise push goes to"
    ),
    "CatalogueItem.other_channels": _t(
        "其他渠道", "“其他”渠道具体指什么，如12345热线", "what the 'other' channel stands for"
    ),
    "CatalogueItem.responsible_office": _t(
        "责任科室", "本地目录指定的责任科室", "the responsible office"
    ),
    "CatalogueItem.third_level_items": _t(
        "三级事项", "本地目录增加的三级事项", "third-level items added locally"
    ),
    "CatalogueItem.local_fields": _t(
        "其他栏目", "本地目录的其他栏目（网址、备注等），键为表头", "other local columns"
    ),
    "CatalogueItem.provenance": _t(
        "来源说明", "说明某些取值从何而来（重构、合并单元格、照录原文等）", "provenance notes"
    ),
    "LegalBasis.text": _t("依据原文", "目录所载的依据原文", "the basis as published"),
    "LegalBasis.citations": _t(
        "引用文件", "从原文读出的被引文件", "the documents cited, read from the text"
    ),
    "Citation.title": _t("文件标题", "不含书名号的标题", "the title, without 《》"),
    "Citation.number": _t("文号", "如国务院令第711号", "the document number"),
    "Citation.issuer": _t("发文机关", "写在标题前的发文机关", "the issuing body"),
    "Provenance.kind": _t("说明类型", "为何附此说明", "why the note is attached"),
    "Provenance.note": _t("说明", "说明文字", "the note"),
    "Provenance.fields": _t(
        "涉及字段", "说明涉及的事项字段，空表示全部", "the fields concerned (empty: all)"
    ),
    "ProvenanceKind": _t(
        "说明类型",
        "reconstructed 重构；as_published 照录原文；merged_cell 合并单元格；local 本地；note 其他",
        "reconstructed, as_published, merged_cell, local or note",
    ),
    "Domain": _t("领域", "安全生产或救灾", "the domain"),
    "FirstLevel": _t("一级事项", "两部标准目录的一级事项", "the first-level items"),
    "Channel": _t(
        "公开渠道和载体",
        "390号模板的13个渠道，以及新版本地目录的图书馆、国家档案馆",
        "the 13 channels of the 390 template and two later ones",
    ),
    "Audience": _t("公开对象", "全社会或特定群体", "the audience"),
    "Mode": _t("公开方式", "主动或依申请", "proactive or on request"),
    "Level": _t("公开层级", "县级或乡级", "county or township"),
    # -- time limits -------------------------------------------------------------------------
    "TimeLimit.text": _t("时限原文", "目录所载的公开时限原文", "the time limit as published"),
    "TimeLimit.service_level_workdays": _t(
        "服务时限（工作日）",
        "对“及时公开”类时限，本单位承诺的工作日数",
        "working days a bureau commits to for a 'promptly' rule",
    ),
    "TimeLimit.rule": _t(
        "时限规则",
        "由原文读出的规则（输出时给出；输入时可省略，给出时须与原文一致）",
        "the rule read from the text: written on output; on input optional and checked",
    ),
    "rule.kind": _t("规则类型", "时限规则的类型代码", "the rule's kind code"),
    "WorkdaysAfterEvent.days": _t("工作日数", "工作日数", "number of working days"),
    "WorkdaysAfterEvent.event": _t("起算事件", "从何时起算", "the event counted from"),
    "WorkdaysAfterEvent.updates_promptly": _t(
        "及时更新", "如有更新，及时公开", "updates are published promptly"
    ),
    "WorkdaysAfterEvent.keep_long_term": _t("长期公开", "保持长期公开", "kept public long-term"),
    "CalendarDaysAfterEvent.days": _t("自然日数", "自然日数", "number of calendar days"),
    "CalendarDaysAfterEvent.event": _t("起算事件", "从何时起算", "the event counted from"),
    "CalendarDaysAfterEvent.updates_promptly": _t(
        "及时更新", "如有更新，及时公开", "updates are published promptly"
    ),
    "CalendarDaysAfterEvent.keep_long_term": _t(
        "长期公开", "保持长期公开", "kept public long-term"
    ),
    "Promptly.trigger": _t("触发", "何时及时公开", "what triggers publication"),
    "AnnualFixedDate.month": _t("月", "每年截止的月份", "the month of the yearly date"),
    "AnnualFixedDate.day": _t("日", "每年截止的日", "the day of the yearly date"),
    "LeadTimeBeforeEvent.days": _t("提前天数", "提前的自然日数", "calendar days ahead"),
    "ExternalRequirement.authority": _t("要求来源", "按谁的要求公开", "whose requirement applies"),
    "PeriodicUpdate.period": _t("周期", "更新周期", "the period"),
    "PeriodicUpdate.at_least": _t("至少次数", "每个周期至少更新次数", "updates per period"),
    # -- findings --------------------------------------------------------------------------
    "Report.subject": _t("检查对象", "被检查的文件或数据", "what was checked"),
    "Report.findings": _t("问题", "发现的问题，按发现顺序", "the findings, in order"),
    "Report.ok": _t("通过", "没有错误级问题（由问题列表导出）", "no errors (derived)"),
    "Report.counts": _t("计数", "各严重程度的问题数（由问题列表导出）", "counts (derived)"),
    "Finding.code": _t("问题代码", "稳定的问题代码（API）", "the stable finding code"),
    "Finding.severity": _t("严重程度", "错误、警告或提示", "error, warning or info"),
    "Finding.path": _t("位置", "JSON路径、单元格或文本区间", "a JSON path, a cell or a text span"),
    "Finding.message_zh": _t("说明（中文）", "中文说明", "the message in Chinese"),
    "Finding.message_en": _t("说明（英文）", "英文说明", "the message in English"),
    "Finding.hint": _t("建议", "如何修正", "how to fix it"),
    "Finding.data": _t("数据", "供程序使用的附加数据", "extra data for programs"),
    "Severity": _t("严重程度", "error 错误；warning 警告；info 提示", "the severity"),
    # -- document records --------------------------------------------------------------------
    "DocumentRecord.id": _t("标识", "文件在内容管理系统中的标识", "the document's id in the CMS"),
    "DocumentRecord.title": _t("标题", "文件标题", "the document's title"),
    "DocumentRecord.document_number": _t("文号", "发文字号", "the document number"),
    "DocumentRecord.issued": _t(
        "印发日期", "印发（或成文）日期，20个工作日由此起算", "the issue date (YYYY-MM-DD)"
    ),
    "DocumentRecord.attribute": _t("公开属性", "主动公开、依申请公开或不予公开", "the attribute"),
    "DocumentRecord.marking": _t(
        "公开属性标注", "文件中的标注原文，如「此件公开发布」", "the marking text in the document"
    ),
    "DocumentRecord.not_disclosed_basis": _t(
        "不予公开依据", "不予公开时说明的法律依据", "the legal basis for not disclosing it"
    ),
    "DocumentRecord.review": _t("发文前审查", "公开属性的发文前审查", "the review before issue"),
    "DocumentRecord.published": _t("发布日期", "公开发布的日期", "the publication date"),
    "DocumentRecord.channels": _t("发布渠道", "发布的渠道", "where it was published"),
    "DocumentRecord.url": _t("网址", "在政府网站上的地址", "its address on the website"),
    "DocumentRecord.needs_interpretation": _t(
        "需要解读", "是否须同步发布政策解读（三同步）", "whether an interpretation is required"
    ),
    "DocumentRecord.interpretation": _t("政策解读", "配套的政策解读", "the interpretation"),
    "DocumentRecord.last_self_review": _t(
        "最近年度审查", "依申请公开、不予公开文件最近一次年度审查的日期", "the last yearly review"
    ),
    "ReviewRecord.reviewer": _t("审查机构", "审查的科室或人员", "who reviewed"),
    "ReviewRecord.reviewed_on": _t("审查日期", "审查日期", "the review date"),
    "ReviewRecord.note": _t("审查意见", "审查意见", "a note"),
    "InterpretationRecord.published": _t("发布日期", "解读发布的日期", "its publication date"),
    "InterpretationRecord.url": _t("网址", "解读的地址", "its address"),
    "InterpretationRecord.id": _t("标识", "解读在内容管理系统中的标识", "its id in the CMS"),
    "DisclosureAttribute": _t(
        "公开属性", "主动公开、依申请公开或不予公开", "proactive, on request or not disclosed"
    ),
    # -- publication logs --------------------------------------------------------------------
    "LogRecord.domain": _t("领域", "事项所属领域", "the item's domain"),
    "LogRecord.item": _t(
        "事项", "二级事项的中文名称或标识（如 policy_documents.1）", "the item's name or id"
    ),
    "LogRecord.formed": _t("形成日期", "信息形成或变更的日期", "the day it was formed or changed"),
    "LogRecord.published": _t("公开日期", "公开的日期，未公开为空", "the day it was published"),
    "LogRecord.channel": _t("渠道", "公开渠道", "the channel"),
    "LogRecord.title": _t("标题", "信息标题", "the title"),
    "LogRecord.id": _t("编号", "记录编号", "the record's id"),
    # -- deadlines ---------------------------------------------------------------------------
    "Deadline.kind": _t("期限类型", "期限针对的义务", "which obligation"),
    "Deadline.related": _t(
        "相关期限",
        "同一事件的其他期限（重大突发事件的5小时权威发布、24小时发布会）",
        "other deadlines of the same event (a major emergency's 5 h release, 24 h conference)",
    ),
    "Deadline.kind_label": _t("期限类型名称", "期限类型的中文名称", "the kind's Chinese label"),
    "Deadline.rule": _t("依据", "适用的规定", "the rule applied"),
    "Deadline.start": _t(
        "起算点", "期限起算的日期或时刻（当日不计入）", "the date or time counted from"
    ),
    "Deadline.start_event": _t("起算事件", "起算点是什么", "what the start is"),
    "Deadline.explanation": _t("计算过程", "逐步说明", "how it was counted, step by step"),
    "Deadline.assessable": _t("可评估", "能否确定截止日期", "whether a due date can be given"),
    "Deadline.reason": _t("原因", "不能确定截止日期的原因", "why it is not assessable"),
    "Deadline.reason_code": _t("原因代码", "不能确定截止日期的原因代码", "why, as a stable code"),
    "Deadline.provisional": _t(
        "暂估", "用到了尚无官方安排的年份的估算日历", "an estimated year was used"
    ),
    "Deadline.estimated_years": _t("估算年份", "按估算计算的年份", "the years estimated"),
    "Deadline.partial": _t(
        "部分安排", "用到了标注为部分安排（未列全节日）的年份", "a year marked partial was used"
    ),
    "Deadline.partial_years": _t(
        "部分安排年份", "标注为部分安排的年份", "the years whose arrangement is partial"
    ),
    "Deadline.due": _t(
        "截止",
        "截止日期，或小时时限的带时区时刻；不可评估时为null",
        "the due date, or a date-time with offset for hour rules; null when not assessable",
    ),
    "LegalRule.code": _t("规则代码", "稳定的规则代码", "the stable rule code"),
    "LegalRule.source": _t("出处", "文件及条款", "the document and article"),
    "LegalRule.summary": _t("摘要", "中英文摘要", "a bilingual summary"),
    "Step.kind": _t("步骤类型", "这一步记录什么", "what the step records"),
    "Step.text": _t("说明", "中英文说明", "the bilingual explanation"),
    "Step.first": _t("起", "本段的第一天或时刻", "the first day or time of the run"),
    "Step.last": _t("止", "本段的最后一天或时刻", "the last day or time of the run"),
    "Step.days": _t("天数", "本段的天数", "days in the run"),
    "Step.counted": _t("已计工作日", "到本段末已计入的工作日数", "working days counted so far"),
    "Step.holiday": _t("节日", "假日或调休所属的节日", "the holiday concerned"),
    "Step.estimated": _t("估算", "该日按估算日历", "the day was only estimated"),
    "StepKind": _t("步骤类型", "计算步骤的类型代码", "the step's kind code"),
    "DeadlineKind": _t("期限类型", "期限针对的义务", "which obligation"),
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
