"""The vocabularies of a requests ledger: the columns and rows of the annual report's tables.

:class:`ApplicantCategory` is table 三's applicant columns, :class:`Outcome` its 21 result
rows (one reply has exactly one), :class:`ReviewKind` and :class:`ReviewResult` table 四's
groups and columns (国办公开办函〔2021〕30号).  Codes are the ones the annual report uses;
labels are the table's own.  Input also takes the labels as printed, with or without their
numbering and group prefixes, in full- or half-width punctuation:

>>> from govdisclose.requests import Outcome, ApplicantCategory
>>> Outcome.read("（三）不予公开 1.属于国家秘密")
<Outcome.NOT_DISCLOSED_STATE_SECRET: 'not_disclosed.state_secret'>
>>> Outcome.read("三、本年度办理结果(五)不予处理2.重复申请").code
'not_processed.repeated'
>>> Outcome.read("partly_disclosed").label
'部分公开（区分处理的，只计这一情形，不计其他情形）'
>>> ApplicantCategory.read("法人或其他组织-商业企业").code
'commercial_enterprise'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any, TypeVar

from .._vocabulary import Term

__all__ = [
    "ApplicantCategory",
    "ConsultedParty",
    "FeeBasis",
    "Outcome",
    "OutcomeGroup",
    "ReviewKind",
    "ReviewResult",
]

_T = TypeVar("_T", bound="_Readable")

# Numbering and punctuation around a table label: 三、 （三） (3) 1. 1、 ① and separators.
_NUMBERING = re.compile(
    r"^[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|(?<![0-9])[0-9]{1,2}[.、．)]"
)
_PUNCTUATION = re.compile(r"[\s、，,.．:：;；/／\\\-—–_·“”\"'‘’「」()（）]+")


def fold_label(text: str) -> str:
    """A label reduced for comparison: NFKC, numbering and punctuation removed, lower case."""
    folded = unicodedata.normalize("NFKC", text)
    folded = _NUMBERING.sub("", folded)
    return _PUNCTUATION.sub("", folded).lower()


@functools.cache
def folded_members(kind: type[Term]) -> dict[str, Any]:
    """A vocabulary's members by folded code, label, variant (and a printed label's keys)."""
    table: dict[str, Any] = {}
    for member in kind:
        extra = member._extra_keys() if isinstance(member, _Readable) else ()
        for key in (member.code, member.label, *member.variants, *extra):
            table.setdefault(fold_label(key), member)
    return table


class _Readable(Term):
    """A term read from a table label: code, label, variant, or with prefixes stripped."""

    #: Prefixes a printed label may carry (group names), removed before comparing.
    __prefixes__: tuple[str, ...] = ()

    def _extra_keys(self) -> tuple[str, ...]:
        return ()

    @classmethod
    def read(cls: type[_T], value: object, *, path: str | None = None) -> _T:
        """Like :meth:`~govdisclose.vocabulary.Term.parse`, also taking printed labels."""
        member = cls.parse(value, default=None)
        if member is None and isinstance(value, str):
            key, table = fold_label(value), folded_members(cls)
            for prefix in map(fold_label, ("", *cls.__prefixes__)):
                if key.startswith(prefix) and (member := table.get(key[len(prefix) :])):
                    break
        return cls.parse(value, path=path) if member is None else member


class ApplicantCategory(_Readable):
    """申请人情况: table 三's applicant columns (法人或其他组织 has five of them)."""

    __concept__ = "申请人类别"
    __prefixes__ = ("法人或其他组织",)

    NATURAL_PERSON = ("natural_person", "自然人", "公民", "个人")
    COMMERCIAL_ENTERPRISE = ("commercial_enterprise", "商业企业", "企业", "公司")
    RESEARCH_INSTITUTION = ("research_institution", "科研机构")
    PUBLIC_INTEREST_ORG = ("public_interest_org", "社会公益组织", "公益组织")
    LEGAL_SERVICE_ORG = ("legal_service_org", "法律服务机构", "律师事务所", "律所")
    OTHER = ("other", "其他", "其他组织")


class OutcomeGroup(Term):
    """The groups of table 三's result rows (（一）…（六）)."""

    __concept__ = "办理结果类别"

    DISCLOSED = ("disclosed", "予以公开")
    PARTLY_DISCLOSED = ("partly_disclosed", "部分公开")
    NOT_DISCLOSED = ("not_disclosed", "不予公开")
    UNAVAILABLE = ("unavailable", "无法提供")
    NOT_PROCESSED = ("not_processed", "不予处理")
    OTHER = ("other", "其他处理")


class Outcome(_Readable):
    """办理结果: the 21 result rows of table 三 (a reply has exactly one).

    ``label`` is the row's own text; :attr:`group` its group (（一）…（六）) and
    :attr:`printed` the label with its numbering as the table prints it.
    """

    __concept__ = "办理结果"
    __prefixes__ = ("三、本年度办理结果", "本年度办理结果", "办理结果")

    DISCLOSED = ("disclosed", "予以公开", "公开")
    PARTLY_DISCLOSED = (
        "partly_disclosed",
        "部分公开（区分处理的，只计这一情形，不计其他情形）",
        "部分公开",
        "区分处理",
    )
    NOT_DISCLOSED_STATE_SECRET = ("not_disclosed.state_secret", "属于国家秘密", "国家秘密")
    NOT_DISCLOSED_PROHIBITED_BY_LAW = (
        "not_disclosed.prohibited_by_law",
        "其他法律行政法规禁止公开",
        "法律行政法规禁止公开",
    )
    NOT_DISCLOSED_THREE_SAFETIES_ONE_STABILITY = (
        "not_disclosed.three_safeties_one_stability",
        "危及“三安全一稳定”",
        "危及三安全一稳定",
        "三安全一稳定",
    )
    NOT_DISCLOSED_THIRD_PARTY_RIGHTS = (
        "not_disclosed.third_party_rights",
        "保护第三方合法权益",
        "第三方合法权益",
    )
    NOT_DISCLOSED_INTERNAL_AFFAIRS = (
        "not_disclosed.internal_affairs",
        "属于三类内部事务信息",
        "内部事务信息",
    )
    NOT_DISCLOSED_PROCESS_INFORMATION = (
        "not_disclosed.process_information",
        "属于四类过程性信息",
        "过程性信息",
    )
    NOT_DISCLOSED_ENFORCEMENT_FILES = (
        "not_disclosed.enforcement_files",
        "属于行政执法案卷",
        "行政执法案卷",
    )
    NOT_DISCLOSED_ADMINISTRATIVE_QUERY = (
        "not_disclosed.administrative_query",
        "属于行政查询事项",
        "行政查询事项",
    )
    UNAVAILABLE_NOT_HELD = (
        "unavailable.not_held",
        "本机关不掌握相关政府信息",
        "不掌握相关政府信息",
        "信息不存在",
    )
    UNAVAILABLE_NEEDS_CREATION = (
        "unavailable.needs_creation",
        "没有现成信息需要另行制作",
        "需要另行制作",
    )
    UNAVAILABLE_STILL_UNCLEAR = (
        "unavailable.still_unclear",
        "补正后申请内容仍不明确",
        "申请内容仍不明确",
    )
    NOT_PROCESSED_PETITION_COMPLAINT = (
        "not_processed.petition_complaint",
        "信访举报投诉类申请",
        "信访举报投诉",
    )
    NOT_PROCESSED_REPEATED = ("not_processed.repeated", "重复申请")
    NOT_PROCESSED_PUBLICATIONS = (
        "not_processed.publications",
        "要求提供公开出版物",
        "公开出版物",
    )
    NOT_PROCESSED_MASS_REPEATED = (
        "not_processed.mass_repeated",
        "无正当理由大量反复申请",
        "大量反复申请",
    )
    NOT_PROCESSED_CONFIRM_OR_REISSUE = (
        "not_processed.confirm_or_reissue",
        "要求行政机关确认或重新出具已获取信息",
        "确认或重新出具已获取信息",
    )
    OTHER_NO_SUPPLEMENT = (
        "other.no_supplement",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "逾期不补正",
    )
    OTHER_FEE_UNPAID = (
        "other.fee_unpaid",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "逾期未缴纳费用",
        "逾期未缴费",
    )
    OTHER_OTHER = ("other.other", "其他")

    @property
    def group(self) -> OutcomeGroup:
        """The row's group: （一）予以公开 … （六）其他处理."""
        return OutcomeGroup.parse(self.code.split(".")[0])

    @property
    def number(self) -> int | None:
        """The row's number within its group (1–8), ``None`` for （一） and （二）."""
        members = [m for m in Outcome if m.group is self.group]
        return None if len(members) == 1 else members.index(self) + 1

    @property
    def printed(self) -> str:
        """The label as table 三 prints it, with its group and number."""
        group = self.group
        numbered = f"（{'一二三四五六'[list(OutcomeGroup).index(group)]}）"  # （一）…（六）
        if self.number is None:
            return f"{numbered}{self.label}"
        return f"{numbered}{group.label} {self.number}.{self.label}"

    def _extra_keys(self) -> tuple[str, ...]:
        if self.number is None:
            return ()
        group = self.group.label
        keys = [f"{group}{self.label}", *(f"{group}{v}" for v in self.variants)]
        if self is Outcome.OTHER_OTHER:  # 其他处理 3.其他 — also "其他处理"
            keys.append("其他处理")
        return tuple(keys)


class ReviewKind(_Readable):
    """Table 四's groups: 行政复议, 行政诉讼 未经复议直接起诉, 行政诉讼 复议后起诉."""

    __concept__ = "复议诉讼类型"
    __prefixes__ = ("行政诉讼",)

    ADMINISTRATIVE_REVIEW = ("administrative_review", "行政复议", "复议")
    LAWSUIT_DIRECT = ("lawsuit_direct", "未经复议直接起诉", "直接起诉")
    LAWSUIT_AFTER_REVIEW = ("lawsuit_after_review", "复议后起诉")


class ReviewResult(_Readable):
    """Table 四's columns: 结果维持, 结果纠正, 其他结果, 尚未审结."""

    __concept__ = "复议诉讼结果"

    UPHELD = ("upheld", "结果维持", "维持")
    CORRECTED = ("corrected", "结果纠正", "纠正")
    OTHER_RESULT = ("other_result", "其他结果", "其他")
    PENDING = ("pending", "尚未审结", "未审结", "审理中")


class ConsultedParty(_Readable):
    """Who was consulted: a third party (第三十二条) or another agency (第三十四条)."""

    __concept__ = "征求意见对象"

    THIRD_PARTY = ("third_party", "第三方", "第三方意见")
    AGENCY = ("agency", "其他机关", "有关机关", "行政机关")


class FeeBasis(_Readable):
    """How an information-processing fee is counted (109号 第三条): one basis per request."""

    __concept__ = "收费方式"

    PER_REQUEST = ("per_request", "按件计收", "按件")
    PER_PAGE = ("per_page", "按量计收", "按量", "按页")
