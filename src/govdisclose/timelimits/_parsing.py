"""Reading 公开时限 texts: normalisation and the grammar of each rule kind.

See :mod:`govdisclose.timelimits` for what is accepted.  Every pattern must match the whole
normalised text; anything left over (a second number, a bracketed exception, an unknown event)
makes the text :class:`~govdisclose.timelimits._rules.Unrecognised`.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from collections.abc import Callable

from .._errors import InputError
from .._vocabulary import PINYIN, simplified
from ._rules import (
    MAX_DAYS,
    AnnualFixedDate,
    CalendarDaysAfterEvent,
    ConsultationPeriod,
    ExternalRequirement,
    LeadTimeBeforeEvent,
    PeriodicUpdate,
    Promptly,
    TimeLimitRule,
    Unrecognised,
    WorkdaysAfterEvent,
)

_CN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3,
    "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CN_UNITS = {"十": 10, "百": 100}
# Chinese numerals are converted only where a counted unit follows them.
_CN_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百]+(?=个|日|天|周|星期|次|月|小时)")


def _cn_to_int(numeral: str) -> int | None:
    """二十 → 20, 三十一 → 31, 一百零五 → 105; None for 三五 (a range) or malformed input."""
    total, digit, last_unit = 0, None, 1000
    for ch in numeral:
        if ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        elif digit is not None and digit != 0:
            return None  # 三五个工作日: two digits in a row is a range, not a number
        else:
            digit = _CN_DIGITS[ch]
    if digit is not None:
        total += digit
    return total


def _replace_numeral(match: re.Match[str]) -> str:
    value = _cn_to_int(match.group())
    return match.group() if value is None else str(value)


def normalize_time_limit(text: str) -> str:
    """Fold a time-limit text to the form the patterns read.

    NFKC (full-width digits and brackets to half-width), the reading a copy inserts after a
    character left out (內(nèi) → 內), traditional characters of the vocabulary to simplified
    ones, no white space, no trailing punctuation, 或者 → 或,
    （变更）/、变更 → 或变更, Chinese numerals before a unit to digits, 天 → 日, 以内/之内 → 内,
    sentence punctuation to ``,``.

    >>> normalize_time_limit(" 信息形成（变更）二十个工作日以内。")
    '信息形成或变更20个工作日内'
    >>> normalize_time_limit("信息形成或變更之日起20個工作日內")
    '信息形成或变更之日起20个工作日内'
    """
    out = "".join(unicodedata.normalize("NFKC", text).split())
    out = simplified(PINYIN.sub("", out) if "(" in out else out)
    out = out.replace("或者", "或")
    out = re.sub(r"\(变更\)|[、/]变更", "或变更", out)
    out = _CN_NUMERAL.sub(_replace_numeral, out)
    out = re.sub(r"[以之]内", "内", out.replace("天", "日"))
    out = re.sub(r"[;。]", ",", out)
    # 条例第二十六条 as written: 属于主动公开范围的政府信息，应当自…
    out = re.sub(r"^属于主动公开(?:范围)?的政府信息,?", "", out)
    out = re.sub(r"^(?:应当|应)(?=自|在|于|从)", "", out)
    return out.rstrip(",.:!?、")


# Numbers are ASCII digits after NFKC; at most six of them (int() of a huge string is refused).
_NUM = r"[0-9]{1,6}"
_PUB = r"(?:予以|主动|向社会|对外|进行)?(?:(?:公开|公布|公示)(?:发布)?|发布)"
_INFO = r"(?:公开事项)?该?(?:政府)?(?:信息)?"
_EVENT_PATTERNS = {
    "formation_or_change": rf"{_INFO}(?:形成|产生|生成)或变更|信息获取\(形成或变更\)",
    # 制作或者获取 is how 条例第二条 defines government information coming into being.
    "formation": rf"{_INFO}(?:形成|产生|生成)|(?:制定|制作)或获取该?(?:政府)?(?:信息|文件|指南)?",
    "issuance": r"(?:政策性?)?(?:文件)?(?:成文\(印发\)|成文|印发|签发|颁布或印发|颁布)",
    "approval": r"[^\d,()]{0,20}?(?<!不予)(?<![不未])(?<!未经)(?:批准|批复)",  # not a refusal
    "result_determined": r"(?:分配)?结果确定",
    "decision": r"[作做]出(?:行政)?(?:处罚|许可|执法)?决定"
    r"|(?:行政)?(?:处罚|许可|执法)?决定[作做]出",
    "receipt": r"(?:收到|接到)(?:政府信息公开)?(?:申请)?",
}
_EVENT_ALT = "|".join(f"(?P<{code}>{pattern})" for code, pattern in _EVENT_PATTERNS.items())
_AFTER_EVENT = re.compile(
    rf"(?:自|从|在|于)?(?:(?:{_EVENT_ALT})(?:之日起|之日|起|后|之后)?,?)?(?:的)?(?:在|于)?"
    rf"(?P<n>{_NUM})个?(?P<unit>工作日|自然日|日历日|日)(?P<within>内|(?=进行))(?:及时)?(?:{_PUB}|(?:予以)?答复)?"
)
_BARE_WORKDAYS = re.compile(rf"(?P<n>{_NUM})个?工作日")
_RIDERS = {
    "updates_promptly": re.compile(
        rf"(?:如|若)?有(?:更新|变更|变化|调整)(?:的|时)?,?及时(?:更新|{_PUB})|及时更新|动态更新"
    ),
    "keep_long_term": re.compile(rf"(?:保持)?长期(?:保持)?{_PUB}"),
    # 条例第二十六条's saving clause: it names no other period, so the rule stands.
    "saving_clause": re.compile(
        r"\(?(?:法律、?法规对政府信息公开的期限|相关政策法规|法律法规)另有规定的,?应?从其规定\)?"
    ),
}
_RIDER_JOIN = re.compile(r"[,、]?(?:并|且|同时)?")

_PROMPTLY = {
    "progress": re.compile(r"(?:按|按照|根据|依)(?:工作)?(?:进展|进度)(?:情况)?"),
    "decision": re.compile(r"(?:重大)?决策作出(?:之)?后|作出(?:重大)?决策(?:之)?后"),
    "formation": re.compile(r"(?:政府)?信息(?:形成|产生|生成)(?:或变更)?(?:之)?后"),
    "other": re.compile(r"(?:会后|会议(?:召开|结束)后)?"),
}
# 同政策文件同步发布: published with the document, not after it
_WITH_DOCUMENT = re.compile(
    rf"(?:与|同|随|和)(?:所解读的?)?(?:政策性?)?文件(?:一起|一并)?同步(?:{_PUB}|上网)?"
)
_PROMPTLY_TAIL = re.compile(rf",?(?:及时|第一时间|实时)(?:{_PUB}|更新)")
_ANNUAL = re.compile(
    rf"(?:于|在)?(?:每年度?)?(?P<m>{_NUM})月(?:(?P<d>{_NUM})[日号]|(?P<end>底|末))(?:之|以)?前(?:{_PUB})?"
    r"(?:上一?年度(?:政府信息)?(?:公开)?(?:工作)?(?:年度)?报告)?"
)
_LEAD = re.compile(
    rf"(?:至少|须|应)?(?:会议召开前|会前|召开前)?(?:至少)?提前(?P<n>{_NUM})个?"
    r"(?P<unit>周|星期|自然日|日)"
    rf"(?:(?:发|发出|发布|下发)?(?:会议)?(?:通知|公告)(?:邀请)?|{_PUB})?"
)
_CONSULTATION = re.compile(
    rf"(?:在|于|按|按照)?(?:公开)?征求意见时(?:对外|向社会)?(?:公布|公告)的(?:时限|期限)内?(?:{_PUB})?"
)
_AUTHORITY_PATTERNS = {
    "central": r"党中央|中央",
    "national": r"国家|国务院",
    "provincial": r"省委省政府|省政府|省级|省",
    "superior": r"上级(?:部门)?",
    "law": r"法律法规|法律、法规",
}
_AUTHORITY_ALT = "|".join(f"(?P<{code}>{p})" for code, p in _AUTHORITY_PATTERNS.items())
_EXTERNAL = re.compile(
    rf"(?:按|按照|根据|依照|依据|遵照)(?:{_AUTHORITY_ALT})?(?:有关|相关)?的?(?:要求|规定)的?"
    rf"(?:时限)?(?:{_PUB})?"
    # 法定时限内公开: within the period the law sets
    rf"|(?:在|按|按照)?(?P<statutory>法定)(?:时限|期限)内?(?:{_PUB}|(?:予以)?答复)?"
)
_PERIOD_CODES = {
    "半年": "half_year", "季度": "quarter", "季": "quarter", "月度": "month", "月": "month",
    "年度": "year", "年": "year", "周": "week", "星期": "week",
}  # fmt: skip
# 每季度/按年度 alone name the schedule too (每年1月31日前 is read as a fixed date first)
_PERIODIC = re.compile(
    r"(?:至少)?(?P<every>每|按)?(?P<period>半年|季度|季|月度|月|年度|年|周|星期)(?:至少)?"
    rf"(?P<said>(?:更新|公开|发布|公布)(?:(?P<n>{_NUM})次)?|(?P<n2>{_NUM})次(?:更新|公开|发布|公布)?)?"
)


def _parse_after_event(norm: str, text: str) -> TimeLimitRule | None:
    match = _AFTER_EVENT.match(norm)
    if match is None:
        bare = _BARE_WORKDAYS.fullmatch(norm)  # 20个工作日: a period with no event named
        days = int(bare.group("n")) if bare else 0
        return WorkdaysAfterEvent(text, days=days) if 1 <= days <= MAX_DAYS else None
    riders: set[str] = set()
    rest = norm[match.end() :]
    while rest:
        joined = _RIDER_JOIN.match(rest)
        rest = rest[joined.end() :] if joined else rest
        for name, pattern in _RIDERS.items():
            rider = pattern.match(rest)
            if rider and name not in riders:
                riders.add(name)
                rest = rest[rider.end() :]
                break
        else:
            return None
    days = int(match.group("n"))
    if not 1 <= days <= MAX_DAYS:
        return None
    event = next((code for code in _EVENT_PATTERNS if match.group(code)), "unspecified")
    if not match.group("within") and event == "unspecified":
        return None  # 20日进行公示: without 内 only a period counted from an event is read
    cls = WorkdaysAfterEvent if match.group("unit") == "工作日" else CalendarDaysAfterEvent
    return cls(
        text,
        days=days,
        event=event,
        updates_promptly="updates_promptly" in riders,
        keep_long_term="keep_long_term" in riders,
    )


def _parse_promptly(norm: str, text: str) -> TimeLimitRule | None:
    if _WITH_DOCUMENT.fullmatch(norm):
        return Promptly(text, trigger="with_document")
    for trigger, pattern in _PROMPTLY.items():
        head = pattern.match(norm)
        if head and _PROMPTLY_TAIL.fullmatch(norm, head.end()):
            return Promptly(text, trigger=trigger)
    return None


def _parse_annual(norm: str, text: str) -> TimeLimitRule | None:
    match = _ANNUAL.fullmatch(norm)
    if match is None:
        return None
    month = int(match.group("m"))
    if not 1 <= month <= 12 or (match.group("end") and month == 2):
        return None  # 2月底 is the 28th or the 29th: not one fixed date
    last = calendar.monthrange(2001, month)[1]
    day = last if match.group("end") else int(match.group("d"))
    return AnnualFixedDate(text, month=month, day=day) if 1 <= day <= last else None


def _parse_lead(norm: str, text: str) -> TimeLimitRule | None:
    match = _LEAD.fullmatch(norm)
    if match is None:
        return None
    days = int(match.group("n")) * (7 if match.group("unit") in ("周", "星期") else 1)
    return LeadTimeBeforeEvent(text, days=days) if 1 <= days <= MAX_DAYS else None


def _parse_consultation(norm: str, text: str) -> TimeLimitRule | None:
    return ConsultationPeriod(text) if _CONSULTATION.fullmatch(norm) else None


def _parse_external(norm: str, text: str) -> TimeLimitRule | None:
    match = _EXTERNAL.fullmatch(norm)
    if match is None:
        return None
    authority = next((c for c in _AUTHORITY_PATTERNS if match.group(c)), "unspecified")
    authority = "law" if match.group("statutory") else authority
    return ExternalRequirement(text, authority=authority)


def _parse_periodic(norm: str, text: str) -> TimeLimitRule | None:
    match = _PERIODIC.fullmatch(norm)
    if match is None or not (match.group("every") or match.group("said")):
        return None  # 季度 alone says nothing
    count = int(match.group("n") or match.group("n2") or 1)
    if not 1 <= count <= MAX_DAYS:
        return None
    return PeriodicUpdate(text, period=_PERIOD_CODES[match.group("period")], at_least=count)


_PARSERS: tuple[Callable[[str, str], TimeLimitRule | None], ...] = (
    _parse_after_event,
    _parse_promptly,
    _parse_annual,
    _parse_lead,
    _parse_consultation,
    _parse_external,
    _parse_periodic,
)


@functools.lru_cache(maxsize=4096)
def _parse_cached(text: str) -> TimeLimitRule:
    norm = normalize_time_limit(text)
    if norm:
        for parser in _PARSERS:
            rule = parser(norm, text)
            if rule is not None:
                return rule
    return Unrecognised(text)


def parse_time_limit(text: str) -> TimeLimitRule:
    """Read a 公开时限 text into its typed rule; unknown or empty text gives ``Unrecognised``.

    Results are cached.  A ``text`` that is not a ``str`` raises
    :class:`~govdisclose._errors.InputError`.

    >>> parse_time_limit("信息形成或变更之日起20个工作日内").describe()
    '20 working days after formation or change / 信息形成或变更之日起20个工作日内'
    """
    if not isinstance(text, str):
        raise InputError(
            f"a time limit must be text, not {type(text).__name__} (公开时限必须是文本)"
        )
    return _parse_cached(text)
