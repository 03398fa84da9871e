"""Time limits (公开时限) read into typed rules that deadline and audit code can use.

Every catalogue item states when it is published, as free text:
``信息形成或变更之日起20个工作日内``, ``按进展情况及时公开``, ``每年1月31日前`` …
:func:`parse_time_limit` reads such a text into one
frozen attrs rule per kind; each rule keeps the published ``text``, has a stable ``kind`` code
(the ``kind`` field in JSON; :data:`RULE_TYPES` maps it back to the class), a bilingual
``describe()`` and a ``has_fixed_period`` flag (True when a due date follows from the event's
date alone).

Kinds, with texts they read:

* ``workdays_after_event`` — :class:`WorkdaysAfterEvent`: 信息形成或变更之日起20个工作日内;
  信息形成（变更）5个工作日内; 成文3个工作日内; 1个工作日内; 20个工作日; the statute's own
  自该政府信息形成或者变更之日起20个工作日内及时公开 (with or without its saving clause
  法律、法规对政府信息公开的期限另有规定的，从其规定, which names no other period, and
  with its subject 属于主动公开范围的政府信息，应当…); 应当自收到申请之日起20个工作日内予以答复;
  制定或获取信息之日起10个工作日内; 分配结果确定后5个工作日内; 自决定做出起7个工作日进行公示
* ``calendar_days_after_event`` — :class:`CalendarDaysAfterEvent`: 20个自然日内;
  行政处罚决定作出之日起7日内; 部门预算经本级财政部门批复后20日内公开
* ``promptly`` — :class:`Promptly`: 按进展情况及时公开; 重大决策作出后及时公开; 信息形成后及时公开;
  实时公开; 会后及时公开
* ``annual_fixed_date`` — :class:`AnnualFixedDate`: 每年1月31日前; 每年3月底前;
  应当于每年3月31日前向社会公布
* ``lead_time_before_event`` — :class:`LeadTimeBeforeEvent`: 提前一周发通知邀请; 提前3天
* ``consultation_period`` — :class:`ConsultationPeriod`: 征求意见时对外公布的时限内公开
* ``external_requirement`` — :class:`ExternalRequirement`: 按照中央有关要求公开; 按上级要求;
  法定时限内公开
* ``periodic_update`` — :class:`PeriodicUpdate`: 半年至少更新1次; 每季度更新; 每季度; 按年度
* ``unrecognised`` — :class:`Unrecognised`: anything else, and empty text; its ``why()``
  says why in Chinese and English (two periods, hours, a range, no period named …)

Event codes (:data:`EVENTS`): ``formation_or_change`` (信息形成或变更, 产生、变更, 形成（变更）),
``formation`` (信息形成/产生 alone; 制作或获取, 制定或获取 — how 条例第二条 defines government
information), ``issuance`` (成文, 印发, 签发, 颁布或印发), ``decision`` (作出决定, 处罚决定作出),
``receipt`` (收到申请), ``approval`` (批准, 批复, 本级人民代表大会…批准),
``result_determined`` (分配结果确定),
``unspecified`` (no event named).  Riders on a day count:
``updates_promptly`` (如有更新，及时公开; 及时更新; 动态更新) and ``keep_long_term``
(保持长期公开; 长期公开; 长期公示).

Before matching, a text is normalised (:func:`normalize_time_limit`): NFKC (full-width digits
and brackets), white space removed, trailing punctuation dropped, 或者 → 或, （变更）/、变更 →
或变更, Chinese numerals before a unit (二十个, 一周, 两次) → digits, 天 → 日, 以内/之内 → 内,
traditional characters of the vocabulary (變, 個, 內 …) → simplified, readings a copy
inserts after characters (內(nèi)) left out; a final
公开/公布 and 之日起 are optional.  Each pattern must match the *whole* text, so nothing is
guessed: two numbers, a bracketed exception, 三五个工作日 (a range), 2月底 (not one date),
hours (24小时内) or 提前3个工作日 (lead time in working days) give :class:`Unrecognised`.
Working days (工作日) and calendar days (自然日, or a bare 日/天) are never confused.

>>> from govdisclose.timelimits import parse_time_limit
>>> rule = parse_time_limit("信息产生、变更之日起20个工作日内公开,保持长期公开")
>>> rule.kind, rule.days, rule.event, rule.keep_long_term
('workdays_after_event', 20, 'formation_or_change', True)
>>> parse_time_limit("提前一周发通知邀请")
LeadTimeBeforeEvent(text='提前一周发通知邀请', days=7)
>>> parse_time_limit("每年3月底前").describe()
'by 31 March each year / 每年3月31日前'
>>> parse_time_limit("按进展情况及时公开").has_fixed_period
False
>>> parse_time_limit("20个自然日内").kind
'calendar_days_after_event'
>>> parse_time_limit("信息形成之日起20个工作日内，最迟不超过30个工作日").kind
'unrecognised'

:func:`compare_strictness` tells whether a local catalogue's rule is stricter or looser than
the standard's (see :mod:`govdisclose.timelimits._strictness` for the rules it uses).

More information:

* 《中华人民共和国政府信息公开条例》(国务院令第711号) 第二十六条 (20 working days), 第四十九条
  (annual report by 31 January)
* 应急厅函〔2019〕390号, the time-limit column of its two standard catalogues (DOMAIN reference §4)
"""

from __future__ import annotations

from ._parsing import normalize_time_limit, parse_time_limit
from ._rules import (
    AUTHORITIES,
    EVENTS,
    MAX_DAYS,
    PERIODS,
    RULE_TYPES,
    TRIGGERS,
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
from ._strictness import FORMATION_FAMILY, compare_strictness

__all__ = [
    "AUTHORITIES",
    "EVENTS",
    "FORMATION_FAMILY",
    "MAX_DAYS",
    "PERIODS",
    "RULE_TYPES",
    "TRIGGERS",
    "AnnualFixedDate",
    "CalendarDaysAfterEvent",
    "ConsultationPeriod",
    "ExternalRequirement",
    "LeadTimeBeforeEvent",
    "PeriodicUpdate",
    "Promptly",
    "TimeLimitRule",
    "Unrecognised",
    "WorkdaysAfterEvent",
    "compare_strictness",
    "normalize_time_limit",
    "parse_time_limit",
]
