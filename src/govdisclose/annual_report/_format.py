"""The national format of the yearly report as data: sections, tables, rows, columns, labels.

《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号) fixes six sections and
three statistical tables.  Every row and column has a stable ASCII **code** (used by programs:
the requests ledger fills table 三 by code) and the **label** printed in the format.  Published
reports print the labels in many ways — full- or half-width punctuation, with or without their
numbering (``（一）``, ``1.``) and the headings of the groups above them — and
:func:`match_label` reads them all.  The 2019 trial layout (国办公开办函〔2019〕60号) is known too,
so that a report still using it is recognised and named.

Evidence marks in the docstrings follow the project's notes on the format: **[F]** read in a
copy of the format itself, **[R]** the same in several real reports, **[T]** third-party blank
templates, **[I]** inferred from the table structure.

>>> TABLE3_ROWS[2].code, TABLE3_ROWS[2].label
('disclosed', '三、本年度办理结果（一）予以公开')
>>> match_label(3, "(一)予以公开").code, match_label(3, "予以公开").code
('disclosed', 'disclosed')
>>> match_label(3, "（三）不予公开 3.危及“三安全一稳定”").code
'not_disclosed.three_safeties_one_stability'
>>> match_label(2, "规范性文件").trial, match_label(2, "行政规范性文件").trial
(True, False)
>>> match_label(4, "行政诉讼/复议后起诉").code
'lawsuit_after_review'
>>> match_label("2b", "中华人民共和国政府信息公开条例 第二十条第(一)项").label
'第二十条第（一）项'

More information:

* 国办公开办函〔2021〕30号 (the format) and 国办公开办函〔2019〕60号 (the trial format)
* 《中华人民共和国政府信息公开条例》(国务院令第711号) 第二十条、第四十九条、第五十条
* 《中华人民共和国立法法》: who may make 规章
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from .._vocabulary import Term

__all__ = [
    "FORMAT_DOCUMENT",
    "SECTIONS",
    "TABLE2_BLOCKS",
    "TABLE2_COLUMNS",
    "TABLE2_ROWS",
    "TABLE3_COLUMNS",
    "TABLE3_GROUPS",
    "TABLE3_NOTE",
    "TABLE3_ROWS",
    "TABLE4_COLUMNS",
    "TABLE4_GROUPS",
    "TRIAL_DOCUMENT",
    "BodyLevel",
    "Label",
    "Section",
    "fold_label",
    "match_label",
]

#: The document that fixes the format (2021) and the trial format it replaced (2019).
FORMAT_DOCUMENT = "国办公开办函〔2021〕30号"
#: The trial format of 2019, whose layout some reports still use.
TRIAL_DOCUMENT = "国办公开办函〔2019〕60号"


class BodyLevel(Term):
    """机关层级 of the body that reports: township, county, city or province.

    Only bodies of a city with districts (设区的市、自治州) and of a province may make 规章
    (《立法法》), which :attr:`makes_regulations` says (relation C9, [I]).
    """

    __concept__ = "机关层级"

    TOWNSHIP = ("township", "乡镇级", "乡级", "镇级", "乡镇", "街道", "乡镇（街道）级", "镇街级")
    COUNTY = ("county", "县级", "区级", "县（区）级", "县区级", "县（市、区）级", "县(市区)级")
    CITY = ("city", "市级", "设区的市级", "地市级", "市（州）级", "地级")
    PROVINCE = ("province", "省级", "省（自治区、直辖市）级", "省部级")

    @property
    def makes_regulations(self) -> bool:
        """Whether a body of this level may make 规章 (city and province)."""
        return self in (BodyLevel.CITY, BodyLevel.PROVINCE)


@attrs.frozen
class Label:
    """One row, column or group of a table: code, printed label, numbering and evidence.

    ``label`` is the full printed label including the numbering and the headings of the
    groups above (``三、本年度办理结果（一）予以公开``); ``name`` is the bare name
    (``予以公开``); ``parts`` the label's pieces from the outermost group down, each as printed
    (with its numbering).  ``trial`` marks a label of the 2019 trial layout only.
    """

    code: str
    label: str
    name: str
    parts: tuple[str, ...]
    evidence: str = "[R][T]"
    trial: bool = False

    @property
    def heading(self) -> str:
        """The last part as printed (``（一）予以公开``, ``1.属于国家秘密``)."""
        return self.parts[-1]


@attrs.frozen
class Section:
    """One of the six sections: code, heading as reports print it, and whether it is a table."""

    code: str
    heading: str
    table: int | None = None


#: The six sections, in order (headings as real reports print them [R]).
SECTIONS: tuple[Section, ...] = (
    Section("summary", "一、总体情况"),
    Section("proactive", "二、主动公开政府信息情况", 2),
    Section("requests", "三、收到和处理政府信息公开申请情况", 3),
    Section("reviews", "四、政府信息公开行政复议、行政诉讼情况", 4),
    Section("problems", "五、存在的主要问题及改进情况"),
    Section("other_matters", "六、其他需要报告的事项"),
)


_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])")
_FOLD_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+\.|\([一二三四五六七八九十]+\)|\d+\.)")
_DROP = str.maketrans("", "", " \t\r\n\u3000“”\"'‘’「」『』/／>＞-—_·|")
_PARENTHESIS = re.compile(r"\([^()]*\)$")


def _label(code: str, *parts: str, evidence: str = "[R][T]", trial: bool = False) -> Label:
    name = _NUMBER.sub("", parts[-1])
    return Label(code, "".join(parts), name, tuple(parts), evidence, trial)


# -- table 二 --------------------------------------------------------------------------------

#: Table 二's columns.  The last five are the 2019 trial layout's (``trial``).
TABLE2_COLUMNS: tuple[Label, ...] = (
    _label("issued", "本年制发件数"),
    _label("repealed", "本年废止件数"),
    _label("in_force", "现行有效件数"),
    _label("decisions", "本年处理决定数量"),
    _label("fee_amount", "本年收费金额（单位：万元）"),
    _label("trial.made", "本年新制作数量", trial=True),
    _label("trial.published", "本年新公开数量", trial=True),
    _label("trial.published_total", "对外公开总数量", trial=True),
    _label("trial.previous_count", "上一年项目数量", trial=True),
    _label("trial.change", "本年增/减", trial=True),
    _label("trial.decisions", "处理决定数量", trial=True),
    _label("trial.procurement_count", "采购项目数量", trial=True),
    _label("trial.procurement_amount", "采购总金额", trial=True),
)

#: Table 二's rows (信息内容); ``trial`` rows are the 2019 layout's only.  The 2019 layout
#: named 行政规范性文件 ``规范性文件``; it is read as the same row, marked as the old label.
TABLE2_ROWS: tuple[Label, ...] = (
    _label("regulations", "规章", evidence="[F][R][T]"),
    _label("normative_documents", "行政规范性文件", evidence="[F][R][T]"),
    _label("licensing", "行政许可", evidence="[F][R][T]"),
    _label("penalties", "行政处罚", evidence="[F][R][T]"),
    _label("enforcement", "行政强制", evidence="[F][R][T]"),
    _label("fees", "行政事业性收费"),
    _label("trial.other_services", "其他对外管理服务事项", trial=True),
    _label("trial.procurement", "政府集中采购", trial=True),
)

#: The 2019 layout's name of 行政规范性文件: read as that row, and marked as a trial label.
_TRIAL_NORMATIVE = _label("normative_documents", "规范性文件", trial=True)


@attrs.frozen
class Block:
    """A block of table 二: the 条例第二十条 item it reports, its rows and its columns."""

    heading: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    trial: bool = False


#: Table 二's blocks in the 2021 layout, then the 2019 trial layout's block for 政府集中采购.
TABLE2_BLOCKS: tuple[Block, ...] = (
    Block(
        "第二十条第（一）项",
        ("regulations", "normative_documents"),
        ("issued", "repealed", "in_force"),
    ),
    Block("第二十条第（五）项", ("licensing",), ("decisions",)),
    Block("第二十条第（六）项", ("penalties", "enforcement"), ("decisions",)),
    Block("第二十条第（八）项", ("fees",), ("fee_amount",)),
)

#: The columns each table 二 row has in the 2021 layout.
TABLE2_LAYOUT: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {row: block.columns for block in TABLE2_BLOCKS for row in block.rows}
)


def cell_kind(row: str, column: str) -> str:
    """What a table 二 cell holds (relation C5): ``amount``, a number ≥ 0 (行政事业性收费's
    本年收费金额（单位：万元）, the trial layout's 采购总金额); ``change``, a whole number that is
    negative for a decrease (the trial layout's 本年增/减, as the 2019 template asks); or
    ``count``, a whole number ≥ 0 (as every cell of tables 三 and 四)."""
    if (row, column) == ("fees", "fee_amount") or column == "trial.procurement_amount":
        return "amount"
    return "change" if column == "trial.change" else "count"


# -- table 三 --------------------------------------------------------------------------------

#: The balance note printed in table 三's top-left cell (relation C3).
TABLE3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

#: Table 三's applicant columns, in order.  There is no subtotal for 法人或其他组织.
TABLE3_COLUMNS: tuple[Label, ...] = (
    _label("natural_person", "自然人"),
    _label("commercial_enterprise", "法人或其他组织", "商业企业"),
    _label("research_institution", "法人或其他组织", "科研机构"),
    _label("public_interest_org", "法人或其他组织", "社会公益组织"),
    _label("legal_service_org", "法人或其他组织", "法律服务机构"),
    _label("other", "法人或其他组织", "其他"),
    _label("total", "总计"),
)

_RESULTS = "三、本年度办理结果"
_NOT_DISCLOSED = "（三）不予公开"
_UNAVAILABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"
_OTHER = "（六）其他处理"

#: Group headings of table 三 (no cells of their own in the 2021 layout); a heading's code
#: starts the codes of the rows under it.
TABLE3_GROUPS: tuple[Label, ...] = (
    _label("results", _RESULTS),
    _label("not_disclosed", _RESULTS, _NOT_DISCLOSED),
    _label("unavailable", _RESULTS, _UNAVAILABLE),
    _label("not_processed", _RESULTS, _NOT_PROCESSED),
    _label("other", _RESULTS, _OTHER),
)


def _numbered(group: str, *rows: tuple[str, str], evidence: str = "[R][T]") -> list[Label]:
    """The rows ``1.`` … under the result group headed ``group``."""
    prefix = next(g.code for g in TABLE3_GROUPS if g.parts[-1] == group)
    return [
        _label(f"{prefix}.{code}", _RESULTS, group, f"{i}.{name}", evidence=evidence)
        for i, (code, name) in enumerate(rows, start=1)
    ]


#: Table 三's 25 data rows, in order.  ``other.*`` (rows 21–23) are seen in one complete real
#: report (淮安市 2024) and the template [T]; the 2019 trial layout had one row
#: ``（六）其他处理`` instead (code ``trial.other``).
TABLE3_ROWS: tuple[Label, ...] = (
    _label("new_requests", "一、本年新收政府信息公开申请数量"),
    _label("carried_over", "二、上年结转政府信息公开申请数量"),
    _label("disclosed", _RESULTS, "（一）予以公开"),
    _label(
        "partly_disclosed", _RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    ),
    *_numbered(
        _NOT_DISCLOSED,
        ("state_secret", "属于国家秘密"),
        ("prohibited_by_law", "其他法律行政法规禁止公开"),
        ("three_safeties_one_stability", "危及“三安全一稳定”"),
        ("third_party_rights", "保护第三方合法权益"),
        ("internal_affairs", "属于三类内部事务信息"),
        ("process_information", "属于四类过程性信息"),
        ("enforcement_files", "属于行政执法案卷"),
        ("administrative_query", "属于行政查询事项"),
    ),
    *_numbered(
        _UNAVAILABLE,
        ("not_held", "本机关不掌握相关政府信息"),
        ("needs_creation", "没有现成信息需要另行制作"),
        ("still_unclear", "补正后申请内容仍不明确"),
    ),
    *_numbered(
        _NOT_PROCESSED,
        ("petition_complaint", "信访举报投诉类申请"),
        ("repeated", "重复申请"),
        ("publications", "要求提供公开出版物"),
        ("mass_repeated", "无正当理由大量反复申请"),
        ("confirm_or_reissue", "要求行政机关确认或重新出具已获取信息"),
    ),
    *_numbered(
        _OTHER,
        ("no_supplement", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("fee_unpaid", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("other", "其他"),
        evidence="[R: 淮安市 2024][T]",
    ),
    _label("total", _RESULTS, "（七）总计"),
    _label("carried_to_next_year", "四、结转下年度继续办理"),
)

#: The 2019 trial layout's single row （六）其他处理, code ``trial.other``.
TRIAL_OTHER_ROW = _label("trial.other", _RESULTS, _OTHER, trial=True)

#: Every row table 三 may have, in order: the trial layout's （六） stands before （七）总计.
ALL_TABLE3_ROWS: tuple[Label, ...] = (*TABLE3_ROWS[:23], TRIAL_OTHER_ROW, *TABLE3_ROWS[23:])
#: Table 三's rows in the 2021 layout and in the 2019 trial layout (one row for （六）).
TABLE3_LAYOUT: tuple[str, ...] = tuple(r.code for r in TABLE3_ROWS)
TRIAL_TABLE3_LAYOUT: tuple[str, ...] = tuple(
    r.code for r in ALL_TABLE3_ROWS if not r.code.startswith("other.")
)
#: The result rows that add up to （七）总计 (relation C2), 2021 layout.
RESULT_ROWS: tuple[str, ...] = TABLE3_LAYOUT[2:-2]
#: The applicant columns that add up to 总计 (relation C1).
APPLICANT_COLUMNS: tuple[str, ...] = tuple(c.code for c in TABLE3_COLUMNS[:6])

# -- table 四 --------------------------------------------------------------------------------

#: Table 四's columns, the same in each group.
TABLE4_COLUMNS: tuple[Label, ...] = (
    _label("upheld", "结果维持"),
    _label("corrected", "结果纠正"),
    _label("other_result", "其他结果"),
    _label("pending", "尚未审结"),
    _label("total", "总计"),
)

#: Table 四's groups: 行政复议, and 行政诉讼 split by whether a review came first.
TABLE4_GROUPS: tuple[Label, ...] = (
    _label("administrative_review", "行政复议"),
    _label("lawsuit_direct", "行政诉讼", "未经复议直接起诉"),
    _label("lawsuit_after_review", "行政诉讼", "复议后起诉"),
)

#: The heading above the two lawsuit groups.
LAWSUIT_HEADING = "行政诉讼"

# -- reading labels --------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def fold_label(text: str) -> str:
    """A label folded for comparison: NFKC (half-width punctuation), no blanks, quotes or
    separators, ``、`` after a number read as ``.``.

    >>> fold_label(" （一） 予以公开 "), fold_label("1、属于国家秘密")
    ('(一)予以公开', '1.属于国家秘密')
    """
    folded = unicodedata.normalize("NFKC", text)
    folded = re.sub(r"(\d)\s*[、,]", r"\1.", folded)
    folded = re.sub(r"^([一二三四五六七八九十]+)\s*[、.,]", r"\1.", folded)
    folded = re.sub(r"([)\u3001])([一二三四五六七八九十]+)[、.,]", r"\1\2.", folded)
    return folded.translate(_DROP).lower()


def _strip_number(folded: str) -> str:
    return _FOLD_NUMBER.sub("", folded)


def _variants(parts: tuple[str, ...]) -> set[str]:
    """Every accepted folded spelling of a label made of ``parts`` (outermost first)."""
    folded = [fold_label(p) for p in parts]
    choices = [{f, _strip_number(f)} for f in folded]
    last = set(choices[-1])
    for f in list(last):  # a trailing note in parentheses may be left out
        bare = _PARENTHESIS.sub("", f)
        if bare:
            last.add(bare)
    choices[-1] = last
    out: set[str] = set()
    for start in range(len(parts)):  # the label with any number of the groups above it
        combos = {""}
        for options in choices[start:]:
            combos = {c + o for c in combos for o in options}
        out |= combos
    return out


def _table(labels: Iterable[Label]) -> dict[str, Label]:
    table: dict[str, Label] = {}
    for label in labels:
        for variant in _variants(label.parts):
            table.setdefault(variant, label)
    return table


#: The act a block heading of table 二 may be printed after (重庆市荣昌区应急管理局 2019:
#: "中华人民共和国政府信息公开条例 第二十条第(一)项").
_ACT = "中华人民共和国政府信息公开条例"

#: The labels :func:`match_label` reads and :func:`label_of` finds, by kind (see there).
_LABELS: Mapping[int | str, tuple[Label, ...]] = {
    2: (*TABLE2_ROWS, _TRIAL_NORMATIVE),
    "2c": TABLE2_COLUMNS,
    "2b": tuple(Label(b.heading, b.heading, b.heading, (_ACT, b.heading)) for b in TABLE2_BLOCKS),
    3: ALL_TABLE3_ROWS,
    "3b": (),
    "3g": TABLE3_GROUPS,
    "3c": TABLE3_COLUMNS,
    4: TABLE4_GROUPS,
    "4b": (Label("lawsuit", LAWSUIT_HEADING, LAWSUIT_HEADING, (LAWSUIT_HEADING,)),),
    "4c": TABLE4_COLUMNS,
    "s": tuple(_label(s.code, s.heading) for s in SECTIONS),
}
_TABLES = {kind: _table(labels) for kind, labels in _LABELS.items()}


@functools.lru_cache(maxsize=4096)
def match_label(table: int | str, text: str) -> Label | None:
    """The row (table 2 or 3) or group (table 4) that ``text`` names, or ``None``.

    ``table`` is 2, 3 or 4 for rows and groups; ``"2c"``, ``"3c"``, ``"4c"`` for columns,
    ``"2b"`` for the blocks of table 二, ``"4b"`` for 行政诉讼 over two groups of table 四,
    ``"3g"`` for table 三's group headings and ``"s"`` for the headings of the sections.  Table 三's
    ``（六）其他处理`` alone is the trial layout's single row (``trial.other``).  A note in
    parentheses after a label, as some local templates print, is read past.
    """
    folded = fold_label(text)
    found = _TABLES[table].get(folded)
    if found is None:  # a note in parentheses after the label: 规章（设区的市…应提供相关数据）
        bare = _PARENTHESIS.sub("", folded)
        if bare and bare != folded:
            found = _TABLES[table].get(bare)
    return found


@functools.lru_cache(maxsize=1024)
def cut_off_labels(text: str) -> tuple[str, ...]:
    """The printed names of the format that ``text`` is the start of (a header cell printed
    over two lines of which a copy kept only the first): a hint, never a reading; more than
    three names (``行政``) are no hint.

    >>> cut_off_labels("本年新"), cut_off_labels("现行有效件")
    (('本年新制作数量', '本年新公开数量'), ('现行有效件数',))
    """
    folded = fold_label(text)
    if len(folded) < 2:
        return ()
    found: dict[str, None] = {}
    for labels in _LABELS.values():
        for label in labels:
            name = label.parts[-1]
            if fold_label(name).startswith(folded) and fold_label(name) != folded:
                found.setdefault(name, None)
    return tuple(found) if len(found) <= 3 else ()


def label_of(table: int | str, code: str) -> Label:
    """The :class:`Label` of a code (``label_of(3, "disclosed")``)."""
    for label in _LABELS[table]:
        if label.code == code:
            return label
    raise KeyError(code)


def name_of(table: int | str, code: str) -> str:
    """A row's or column's name for messages (table 三's rows with their numbering); an
    unknown code stands for itself."""
    try:
        label = label_of(table, code)
    except KeyError:
        return code
    return label.heading if table == 3 else label.name
