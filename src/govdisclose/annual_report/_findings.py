"""The finding codes of the yearly-report check, in one table, registered in one place.

Each row of :data:`FINDINGS` is ``(code, severity, message zh, message en, hint)``; the
relation a code checks (C1–C9 of the project's notes on the format) starts its hint.  Codes
are API; wording is not.

>>> from govdisclose.findings import CODES
>>> CODES["annual-report.balance"].severity.code
'error'
>>> len(FINDINGS) == len({row[0] for row in FINDINGS})
True
"""

from __future__ import annotations

from typing import Any

from ..findings import CODES, Finding, Severity

__all__ = ["FINDINGS", "finding"]

_P = "annual-report."

#: ``(code, severity, message zh, message en, hint)`` for every finding of the check.
FINDINGS: tuple[tuple[str, str, str, str, str], ...] = (
    (
        _P + "row-total",
        "error",
        "总计不等于各类申请人之和",
        "the 总计 column is not the sum of the applicant columns",
        "C1: 表三每一行，总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构"
        " + 其他。",
    ),
    (
        _P + "column-sum",
        "error",
        "（七）总计不等于各项办理结果之和",
        "（七）总计 is not the sum of the result rows",
        "C2: 表三每一列，（七）总计 = （一）+（二）+（三）1–8 +（四）1–3 +（五）1–5 +（六）1–3。",
    ),
    (
        _P + "balance",
        "error",
        "第一项加第二项之和不等于第三项加第四项之和",
        "new plus carried-over requests do not equal answered plus carried-forward ones",
        "C3: 表三每一列，一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理。",
    ),
    (
        _P + "review-total",
        "error",
        "行政复议、行政诉讼的总计不等于各项结果之和",
        "a group total of table 四 is not the sum of its results",
        "C4: 表四每组，总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。",
    ),
    (
        _P + "not-whole-number",
        "error",
        "数量应为非负整数",
        "a count must be a whole number ≥ 0",
        "C5: 只有本年收费金额（单位：万元）可以有小数。",
    ),
    (
        _P + "not-a-number",
        "error",
        "单元格不是数字",
        "the cell is not a number",
        "C5: 填写数字；没有的填0。",
    ),
    (
        _P + "blank-cell",
        "warning",
        "单元格为空",
        "the cell is blank",
        "没有的应填0；空白视为未填报，相关勾稽关系不作检查。",
    ),
    (
        _P + "unknown-label",
        "error",
        "不是年度报告格式中的行或列",
        "not a row or column of the national format",
        "C6: 按国办公开办函〔2021〕30号的表格填写行列名称。",
    ),
    (
        _P + "duplicate-label",
        "error",
        "同一行或列出现两次",
        "the same row or column is given twice",
        "C6: 每个行列只填一次；只读取第一次出现的数值。",
    ),
    (
        _P + "group-heading-values",
        "warning",
        "分组标题行不应有数值",
        "a group heading has numbers of its own",
        "C6: （三）至（五）只是标题，数值填在其下各小项。",
    ),
    (
        _P + "trial-layout",
        "error",
        "使用了2019年试行格式",
        "the report uses the 2019 trial layout",
        "C6: 2021年度起按国办公开办函〔2021〕30号填报："
        "表二无“其他对外管理服务事项”“政府集中采购”等，"
        "表三（六）其他处理分为三项。",
    ),
    (
        _P + "malformed",
        "error",
        "结构无法读取",
        "a part of the report has a shape that cannot be read",
        "表格应为以行名称为键的对象；表三可为 {columns, rows}。",
    ),
    (
        _P + "unknown-key",
        "warning",
        "未知字段，已忽略",
        "an unknown key, ignored",
        "已知字段：body、year、level、sections、table2、table3、table4。",
    ),
    (
        _P + "not-given",
        "info",
        "未提供",
        "not given",
        "未提供的表或行不作检查；需要它的勾稽关系跳过。",
    ),
    (
        _P + "relation-skipped",
        "info",
        "因缺少数据跳过勾稽关系检查",
        "a relation was skipped because cells it needs are missing",
        "补齐空白或未提供的单元格后再检查。",
    ),
    (
        _P + "carry-over",
        "error",
        "上年结转与上一年度报告的结转下年度不符",
        "carried over does not match last year's carried forward",
        "C8: 上一年度的四、结转下年度继续办理 = 本年度的二、上年结转政府信息公开申请数量。",
    ),
    (
        _P + "in-force",
        "warning",
        "现行有效件数与上年及本年制发、废止件数不符",
        "in-force count does not follow from last year's and this year's issued and repealed",
        "C8: 现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数"
        "（除非有文件因其他原因失效）。",
    ),
    (
        _P + "previous-report",
        "warning",
        "上一年度报告的机关或年度不符",
        "the previous report is of another body or not of the year before",
        "C8: --previous 应为同一机关上一年度的报告。",
    ),
    (
        _P + "regulations-level",
        "warning",
        "该层级机关无权制定规章",
        "a body of this level cannot make 规章",
        "C9: 只有省、自治区、直辖市和设区的市、自治州的人民政府（及国务院部门）可以制定规章；"
        "乡镇、县级机关的规章应为0。",
    ),
)


def finding(
    name: str,
    path: str,
    zh: str | None = None,
    en: str | None = None,
    *,
    severity: Severity | None = None,
    **data: Any,
) -> Finding:
    """A finding of ``annual-report.<name>`` at ``path`` with the code's hint; the messages
    default to the code's titles."""
    definition = CODES[_P + name]
    hint = definition.description
    return definition.finding(
        path, message_zh=zh, message_en=en, hint=hint, severity=severity, **data
    )
