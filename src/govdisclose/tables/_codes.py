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
        "the row could not be placed and is not in the catalogue.  Its cells (``cells``) and its "
        "二级事项 (``name``) are in the finding's data.",
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
        "Text in the channel cell before the first box, a box without a label, a name without "
        "a box in a cell of boxes, or lines whose boxes were lost as question marks "
        "(政府網站 ??政府公報): which of those channels are used cannot be read.",
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
    CONTINUATION_ROW := FindingCode(
        "tables.continuation-row",
        Severity.INFO,
        "续行并入上一行",
        "continuation row merged into the row above",
        "A row with no item of its own (no 一级事项, 序号 or 二级事项, no tick) only carries text "
        "that overflowed a cell above (a wrapped channel or content cell); its text was appended "
        "to that cell, and no item was made of it.",
    ),
    CARRIED_DOWN := FindingCode(
        "tables.carried-down",
        Severity.INFO,
        "空白单元格按合并单元格取上一事项的值",
        "blank cells read as merged with the item above",
        "In a CSV export a vertically merged cell keeps its text in its first row only.  A blank "
        "二级事项, 公开依据, 公开时限, 公开主体 or 公开渠道和载体 of an item whose 一级事项 group "
        "continues was read as merged with the item above, and took its text.",
    ),
    NAMES_IN_THIRD_LEVEL := FindingCode(
        "tables.names-in-third-level",
        Severity.INFO,
        "事项名称取自三级事项栏",
        "item names read from the 三级事项 column",
        "The 三级事项 column holds the standard's item names under a grouping 二级事项 (such as "
        "政策规范文件); the items were named from it and the grouping kept as a local field.",
    ),
    DOMAIN_LEVEL_ABOVE := FindingCode(
        "tables.domain-level-above",
        Severity.INFO,
        "一级事项栏为领域，二级事项栏为标准的一级事项",
        "一级事项 holds the domain; 二级事项 the standard's first-level items",
        "The table puts a level above the standard: 一级事项 names the domain (救灾 / 安全生产) "
        "and 二级事项 the standard's first-level items; each item's number and name were read "
        "from the start of its 公开内容 (1.法律法规：…).",
    ),
    NAME_NOT_IN_CONTENT := FindingCode(
        "tables.name-not-in-content",
        Severity.WARNING,
        "公开内容未以事项名称开头",
        "公开内容 does not start with the item name",
        "In a table whose items are named inside 公开内容 (1.名称：内容), this cell has no name "
        "before a colon; the item was left without a name.",
    ),
    LEVEL_IMPLIED := FindingCode(
        "tables.level-implied",
        Severity.INFO,
        "无公开层级栏，按指定层级",
        "no 公开层级 column: the level given applies",
        "The table has no 公开层级 column (a county's or a township's own catalogue); every item "
        "was given the level named by the caller (level=… / --level).",
    ),
    COLUMN_FROM_CELLS := FindingCode(
        "tables.column-from-cells",
        Severity.INFO,
        "栏目按单元格内容识别",
        "column told from its cells",
        "A header the page cut off (公开 over the time limits) was read as the column its cells "
        "show (公开时限, 公开渠道和载体); or a column headed by a channel's name (政府网站) holds "
        "text, not ticks, and was kept as a local field.",
    ),
    REPEATED_HEADER := FindingCode(
        "tables.repeated-header",
        Severity.INFO,
        "重复的表头行",
        "header row repeated",
        "A row below the header repeats the header's labels (a table printed over several pages, "
        "or another table after a title row); it was skipped, not read as an item.",
    ),
    FORMULA_WITHOUT_VALUE := FindingCode(
        "tables.formula-without-value",
        Severity.ERROR,
        "公式单元格没有计算结果",
        "formula cell has no computed value",
        "The cell holds a formula whose result was never saved (a workbook written by a script and "
        "not opened in a spreadsheet program); it was read as empty.  Open and save the workbook "
        "in a spreadsheet program, or replace the formula by its value.",
    ),
)
