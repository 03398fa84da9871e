"""Finding codes reported when a catalogue table is imported (area ``tables``).

Every cell the reader cannot use becomes one of these findings, with the cell reference as
its path (``救灾!H12``; ``H12`` for a CSV file) and the cell's text in ``data["text"]``, so
nothing in the table is silently dropped.

>>> from govdisclose.findings import CODES
>>> CODES["tables.bad-tick"].severity
<Severity.ERROR: 'error'>
>>> sorted(code for code in CODES if code.startswith("tables."))[:3]
['tables.bad-metadata', 'tables.bad-number', 'tables.bad-tick']
"""

from __future__ import annotations

from ..findings import FindingCode, Severity

__all__ = [
    "BAD_METADATA",
    "BAD_NUMBER",
    "BAD_TICK",
    "BAD_VALUE",
    "DOMAIN_INFERRED",
    "DUPLICATE_COLUMN",
    "EXTRA_TEXT",
    "FIRST_LEVEL_DOMAIN",
    "MISSING_TITLE",
    "NUMBERED_BY_POSITION",
    "UNKNOWN_CHANNEL",
    "UNKNOWN_FIRST_LEVEL",
    "UNKNOWN_TERM",
    "UNLABELLED_COLUMN",
    "UNREADABLE_CHANNELS",
]

#: The finding codes of this area (see :mod:`govdisclose.findings`).
CODES = (
    BAD_TICK := FindingCode(
        "tables.bad-tick",
        Severity.ERROR,
        "勾选栏无法识别",
        "tick cell cannot be read",
        "A tick column (全社会, 特定群体, 主动, 依申请, 县级, 乡级 or a channel column) holds "
        "something other than a tick (√ ✓ ☑ ■ 是) or a blank/cross (× 否 -); it was read as "
        "not ticked.",
    ),
    BAD_NUMBER := FindingCode(
        "tables.bad-number",
        Severity.ERROR,
        "二级事项序号无法识别",
        "item number cannot be read",
        "The 二级事项 number is not a whole number; the item was numbered by its position.",
    ),
    BAD_VALUE := FindingCode(
        "tables.bad-value",
        Severity.ERROR,
        "单元格内容无法识别",
        "cell cannot be read",
        "A structured local column (服务时限（工作日）, 依据文件（结构化）, 来源说明) holds text "
        "that is not in its form; the text is in the finding's data.",
    ),
    UNKNOWN_FIRST_LEVEL := FindingCode(
        "tables.unknown-first-level",
        Severity.ERROR,
        "一级事项无法识别",
        "first-level item not recognised",
        "The row's 一级事项 is not one of the standard's first-level items (or there is none); "
        "the row could not be placed and is not in the catalogue.  Its cells are in the finding's "
        "data.",
    ),
    UNKNOWN_TERM := FindingCode(
        "tables.unknown-term",
        Severity.ERROR,
        "公开对象、方式或层级无法识别",
        "audience, mode or level not recognised",
        "A 公开对象 / 公开方式 / 公开层级 text column names something that is not in the "
        "vocabulary.",
    ),
    UNKNOWN_CHANNEL := FindingCode(
        "tables.unknown-channel",
        Severity.WARNING,
        "未知的公开渠道",
        "unknown channel",
        "A channel box or column names a channel that is not in the vocabulary.  A ticked one is "
        "kept as 其他 with its name in other_channels (其他渠道说明); an unticked one is "
        "reported only (severity info).",
    ),
    UNREADABLE_CHANNELS := FindingCode(
        "tables.unreadable-channels",
        Severity.WARNING,
        "公开渠道栏有无法识别的文字",
        "channel cell has text that is not a channel box",
        "Text in the channel cell before the first box, or a box without a label.",
    ),
    FIRST_LEVEL_DOMAIN := FindingCode(
        "tables.first-level-domain",
        Severity.WARNING,
        "一级事项不属于该领域的标准目录",
        "first-level item not in this domain's standard",
        "The item's 一级事项 belongs to the other domain's standard catalogue.",
    ),
    DUPLICATE_COLUMN := FindingCode(
        "tables.duplicate-column",
        Severity.WARNING,
        "重复的栏目",
        "duplicate column",
        "A second column with the same meaning; its cells are kept as a local field named by its "
        "header and column letter.",
    ),
    UNLABELLED_COLUMN := FindingCode(
        "tables.unlabelled-column",
        Severity.WARNING,
        "无表头的栏目有内容",
        "column without a header has content",
        "Cells in a column without a header are kept as a local field named after the column "
        "letter (如 P列).",
    ),
    BAD_METADATA := FindingCode(
        "tables.bad-metadata",
        Severity.WARNING,
        "目录信息无法识别",
        "catalogue information cannot be read",
        "A value on the 目录信息 sheet or above the CSV header (领域, 层级, 声明事项数 …) cannot "
        "be read; it was left out of the catalogue.",
    ),
    DOMAIN_INFERRED := FindingCode(
        "tables.domain-inferred",
        Severity.INFO,
        "领域由事项推断",
        "domain inferred from the items",
        "Neither the file nor the caller named the domain; it was inferred from the first-level "
        "items and item names.",
    ),
    MISSING_TITLE := FindingCode(
        "tables.missing-title",
        Severity.INFO,
        "表格无标题",
        "table has no title",
        "No title row above the header; the file name was used as the title.",
    ),
    NUMBERED_BY_POSITION := FindingCode(
        "tables.numbered-by-position",
        Severity.INFO,
        "二级事项按位置编号",
        "items numbered by position",
        "The table has no 二级事项 number column; items were numbered 1, 2, … within each "
        "first-level item.",
    ),
    EXTRA_TEXT := FindingCode(
        "tables.extra-text",
        Severity.INFO,
        "表头上方的文字作为注记保留",
        "text above the header kept as a note",
        "Rows above the header that are neither the title nor catalogue information were kept in "
        "the catalogue's notes.",
    ),
)
