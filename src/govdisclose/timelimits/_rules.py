"""The typed time-limit rules: one frozen attrs class per kind of 公开时限.

See :mod:`govdisclose.timelimits` for the overview; this module holds the classes, the code
tables their fields draw from (:data:`EVENTS`, :data:`TRIGGERS`, :data:`PERIODS`,
:data:`AUTHORITIES`) and :data:`RULE_TYPES`.
"""

from __future__ import annotations

import calendar as calendar_module
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, TypeAlias

import attrs

from .._dates import shift_date
from .._errors import InputError

if TYPE_CHECKING:
    from ..calendar import WorkCalendar

#: The largest number of days a parsed rule may carry; larger numbers parse as unrecognised.
MAX_DAYS = 999

#: Events a period counts from: code → (English, Chinese phrase ending in 之日起).
EVENTS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        # 信息形成或变更 / 信息产生、变更 / 信息形成（变更） — 条例第二十六条.
        "formation_or_change": ("formation or change", "信息形成或变更之日起"),
        # 信息形成 / 信息产生 alone (no change named).
        "formation": ("formation", "信息形成之日起"),
        # 成文 / 印发 / 签发 of a document — 390号 四(一)5.
        "issuance": ("issuance", "成文（印发）之日起"),
        # 作出（行政处罚、行政许可 …）决定 / 决定作出.
        "decision": ("the decision", "决定作出之日起"),
        # 收到（申请） — 条例第三十三条.
        "receipt": ("receipt", "收到之日起"),
        # 批准 / 批复 (部门预算经本级财政部门批复后20日内公开).
        "approval": ("approval", "批准之日起"),
        # （分配）结果确定 (涉农补贴: 分配结果确定后).
        "result_determined": ("the result is determined", "结果确定之日起"),
        # The text names no event (1个工作日内): it is the catalogue row's own event.
        "unspecified": ("", ""),
    }
)

#: What a :class:`Promptly` rule is triggered by: code → (English, Chinese).
TRIGGERS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "progress": ("promptly as the matter progresses", "按进展情况及时公开"),
        "decision": ("promptly after the decision is made", "重大决策作出后及时公开"),
        "formation": ("promptly after the information is formed", "信息形成后及时公开"),
        # 三同步: an interpretation is published with the policy document it explains
        "with_document": ("together with the policy document", "与政策文件同步公开"),
        "other": ("promptly", "及时公开"),
    }
)

#: Periods of a :class:`PeriodicUpdate`: code → (English, Chinese, length in months or None).
PERIODS: Mapping[str, tuple[str, str, int | None]] = MappingProxyType(
    {
        "week": ("week", "周", None),
        "month": ("month", "月", 1),
        "quarter": ("quarter", "季度", 3),
        "half_year": ("half year", "半年", 6),
        "year": ("year", "年", 12),
    }
)

#: Whose requirement an :class:`ExternalRequirement` defers to: code → (English, Chinese).
AUTHORITIES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "central": ("central", "中央"),
        "national": ("national", "国家"),
        "provincial": ("provincial", "省级"),
        "superior": ("higher-level", "上级"),
        "law": ("statutory", "法律法规"),
        "unspecified": ("the relevant", "有关"),
    }
)

_MONTHS = tuple(calendar_module.month_name)
#: Months in each period of :data:`PERIODS` that has a length in months.
_PERIOD_MONTHS = {code: months for code, (_, _, months) in PERIODS.items() if months}


def _days_validator() -> Any:
    return [attrs.validators.instance_of(int), attrs.validators.ge(1)]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _modifiers(updates_promptly: bool, keep_long_term: bool) -> tuple[str, str]:
    en = (", updated promptly" if updates_promptly else "") + (
        ", kept public long-term" if keep_long_term else ""
    )
    zh = ("，如有更新，及时公开" if updates_promptly else "") + (
        "，保持长期公开" if keep_long_term else ""
    )
    return en, zh


class _Dated:
    """A rule that always gives a due date from a start date (a service level is not used)."""

    __slots__ = ()
    #: Whether a due date follows from the event's date alone.
    has_fixed_period: ClassVar[bool] = True

    def not_assessable(self, service_level_workdays: int | None = None) -> str | None:
        """None: the rule always gives a due date."""
        return None


@attrs.frozen
class _DaysAfterEvent(_Dated):
    """Publish within ``days`` days of some unit after ``event`` (the shared shape)."""

    #: The unit in English and Chinese, e.g. ("working day", "个工作日").
    unit: ClassVar[tuple[str, str]]
    text: str
    days: int = attrs.field(validator=_days_validator())
    event: str = attrs.field(default="unspecified", validator=attrs.validators.in_(EVENTS))
    updates_promptly: bool = False
    keep_long_term: bool = False

    def describe(self) -> str:
        """A short description in English and Chinese."""
        event_en, event_zh = EVENTS[self.event]
        unit_en, unit_zh = self.unit
        span = _plural(self.days, unit_en)
        en = f"{span} after {event_en}" if event_en else f"within {span}"
        mod_en, mod_zh = _modifiers(self.updates_promptly, self.keep_long_term)
        return f"{en}{mod_en} / {event_zh}{self.days}{unit_zh}内{mod_zh}"


@attrs.frozen
class WorkdaysAfterEvent(_DaysAfterEvent):
    """Publish within ``days`` working days after ``event`` (信息形成或变更之日起20个工作日内).

    ``event`` is a code of :data:`EVENTS`.  ``updates_promptly`` is the rider 如有更新，及时公开;
    ``keep_long_term`` is 保持长期公开.  The day of the event is not counted
    (《民法典》第二百零一条).
    """

    kind: ClassVar[str] = "workdays_after_event"
    unit: ClassVar[tuple[str, str]] = ("working day", "个工作日")

    def due_date(
        self, start: dt.date, calendar: WorkCalendar, service_level_workdays: int | None = None
    ) -> dt.date:
        """The ``days``-th working day strictly after ``start``."""
        return calendar.add_workdays(start, self.days)


@attrs.frozen
class CalendarDaysAfterEvent(_DaysAfterEvent):
    """Publish within ``days`` calendar days (自然日, or a bare 日/天) after ``event``.

    Not the same as working days: ``20日内`` counts weekends and holidays, except that a period
    whose last day is a statutory holiday ends on the day after it (《民法典》第二百零三条).
    """

    kind: ClassVar[str] = "calendar_days_after_event"
    unit: ClassVar[tuple[str, str]] = ("calendar day", "个自然日")

    def due_date(
        self, start: dt.date, calendar: WorkCalendar, service_level_workdays: int | None = None
    ) -> dt.date:
        """``start`` plus ``days``, or the first working day after it when that is a rest day."""
        last = shift_date(start, self.days, path="formed")
        return calendar.add_workdays(last - dt.timedelta(days=1), 1)


class _Undated:
    """A rule with no number of days of its own: :attr:`reason` says why it gives no due date.

    An open rule (及时公开 …) is assessable with a bureau's service level; the others never.
    """

    __slots__ = ()
    has_fixed_period: ClassVar[bool] = False
    #: The not-assessable reason code.
    reason: ClassVar[str]
    #: Whether a service level gives the rule a due date.
    open: ClassVar[bool] = True

    def not_assessable(self, service_level_workdays: int | None = None) -> str | None:
        """:attr:`reason`, unless the rule is open and a service level is given."""
        return None if self.open and service_level_workdays else self.reason

    def due_date(
        self, start: dt.date, calendar: WorkCalendar, service_level_workdays: int | None = None
    ) -> dt.date | None:
        """An open rule's service level in working days after ``start``; else ``None``."""
        if not (self.open and service_level_workdays):
            return None
        return calendar.add_workdays(start, service_level_workdays)


@attrs.frozen
class Promptly(_Undated):
    """Publish promptly (及时公开) — no legal number of days.

    Such a rule is not overdue-able until a bureau sets a service level for it
    (:attr:`govdisclose._model.TimeLimit.service_level_workdays`).
    """

    kind: ClassVar[str] = "promptly"
    reason: ClassVar[str] = "no_service_level"
    text: str
    trigger: str = attrs.field(default="other", validator=attrs.validators.in_(TRIGGERS))

    def describe(self) -> str:
        """A short description in English and Chinese."""
        en, zh = TRIGGERS[self.trigger]
        return f"{en} (no fixed period) / {zh}"


def _check_month_day(instance: AnnualFixedDate, attribute: Any, value: int) -> None:
    if not 1 <= instance.month <= 12:
        raise ValueError(f"month must be 1–12, not {instance.month}")
    # A fixed date must exist every year, so 29 February is refused.
    last = calendar_module.monthrange(2001, instance.month)[1]
    if not 1 <= value <= last:
        raise ValueError(f"day must be 1–{last} for month {instance.month}, not {value}")


@attrs.frozen
class AnnualFixedDate(_Dated):
    """Publish by a fixed date every year (每年1月31日前; 每年3月底前 is 31 March).

    The date is fixed: no official text moves it when it falls on a holiday.
    """

    kind: ClassVar[str] = "annual_fixed_date"
    text: str
    month: int = attrs.field(validator=attrs.validators.instance_of(int))
    day: int = attrs.field(validator=[attrs.validators.instance_of(int), _check_month_day])

    def due_date(
        self, start: dt.date, calendar: WorkCalendar, service_level_workdays: int | None = None
    ) -> dt.date:
        """The first such date on or after ``start``; not moved for holidays.

        Raises :class:`~govdisclose._errors.InputError` past 9999-12-31.
        """
        year = start.year if (self.month, self.day) >= (start.month, start.day) else start.year + 1
        if year > dt.MAXYEAR:
            raise InputError(
                f"no {self.month:02d}-{self.day:02d} on or after {start.isoformat()} before "
                f"9999-12-31, the last date there is (日期超出可计算范围)"
            )
        return dt.date(year, self.month, self.day)

    def describe(self) -> str:
        """A short description in English and Chinese."""
        return f"by {self.day} {_MONTHS[self.month]} each year / 每年{self.month}月{self.day}日前"


@attrs.frozen
class LeadTimeBeforeEvent(_Undated):
    """Act at least ``days`` calendar days before an event (提前一周发通知邀请 = 7).

    The latest day is counted back from the event's date, not from a start date: without the
    event the rule is not assessable (``event_date_needed``).
    """

    kind: ClassVar[str] = "lead_time_before_event"
    reason: ClassVar[str] = "event_date_needed"
    open: ClassVar[bool] = False
    has_fixed_period: ClassVar[bool] = True  # the event's date minus ``days``
    text: str
    days: int = attrs.field(validator=_days_validator())

    def describe(self) -> str:
        """A short description in English and Chinese."""
        return f"at least {_plural(self.days, 'calendar day')} before the event / 提前{self.days}日"


@attrs.frozen
class ConsultationPeriod(_Undated):
    """Publish within the period announced when the public is consulted (征求意见时公布的时限)."""

    kind: ClassVar[str] = "consultation_period"
    reason: ClassVar[str] = "consultation_period"
    text: str

    def describe(self) -> str:
        """A short description in English and Chinese."""
        return (
            "within the period announced when consulting the public"
            " / 征求意见时对外公布的时限内公开"
        )


@attrs.frozen
class ExternalRequirement(_Undated):
    """Publish as another authority requires (按照中央有关要求公开) — the user supplies the rule.

    ``authority`` is a code of :data:`AUTHORITIES`.
    """

    kind: ClassVar[str] = "external_requirement"
    reason: ClassVar[str] = "external_requirement"
    text: str
    authority: str = attrs.field(default="unspecified", validator=attrs.validators.in_(AUTHORITIES))

    def describe(self) -> str:
        """A short description in English and Chinese."""
        en, zh = AUTHORITIES[self.authority]
        return f"as {en} requirements say (to be supplied) / 按{zh}要求公开"


@attrs.frozen
class PeriodicUpdate(_Dated):
    """Update at least ``at_least`` times every ``period`` (半年至少更新1次; 每季度更新).

    ``period`` is a code of :data:`PERIODS`.
    """

    kind: ClassVar[str] = "periodic_update"
    text: str
    period: str = attrs.field(validator=attrs.validators.in_(PERIODS))
    at_least: int = attrs.field(default=1, validator=_days_validator())

    def due_date(
        self, start: dt.date, calendar: WorkCalendar, service_level_workdays: int | None = None
    ) -> dt.date:
        """The last day of the calendar period holding ``start`` (a week ends on Sunday)."""
        if self.period == "week":
            return shift_date(start, 6 - start.weekday(), path="formed")
        size = _PERIOD_MONTHS[self.period]
        month = ((start.month - 1) // size + 1) * size
        return dt.date(start.year, month, calendar_module.monthrange(start.year, month)[1])

    def describe(self) -> str:
        """A short description in English and Chinese."""
        en, zh, _ = PERIODS[self.period]
        times = "once" if self.at_least == 1 else f"{self.at_least} times"
        return f"at least {times} every {en} / 每{zh}至少更新{self.at_least}次"


@attrs.frozen
class Unrecognised(_Undated):
    """A text the parser does not understand (or an empty one); nothing is guessed, and
    nothing can be computed (``unrecognised_time_limit``)."""

    kind: ClassVar[str] = "unrecognised"
    reason: ClassVar[str] = "unrecognised_time_limit"
    open: ClassVar[bool] = False
    text: str

    def why(self) -> tuple[str, str]:
        """Why the text was not read, in Chinese and English.

        >>> Unrecognised("制定或获取信息之日起10个工作日内,公示7个工作日").why()[1]
        'it names 2 periods (10个工作日, 7个工作日) and does not say which one applies'
        >>> Unrecognised("常态化公开").why()[1]
        'it names no period, date or schedule'
        """
        text = "".join(unicodedata.normalize("NFKC", self.text).split())
        periods = _PERIOD_MENTION.findall(text)
        if not text:
            return "文本为空", "the text is empty"
        if any(p.endswith("小时") for p in periods):
            return "以小时计，不是日", "it counts hours, not days"
        if len(periods) > 1:
            listed = ", ".join(periods)
            return (
                f"含{len(periods)}个时限（{'、'.join(periods)}），未说明适用哪一个",
                f"it names {len(periods)} periods ({listed}) and does not say which one applies",
            )
        if text in ("同上", "同前", "同上一项"):
            return "指向另一行，未写明时限", "it points to another row instead of stating a limit"
        if periods and _RANGE.search(periods[0]):
            return f"「{periods[0]}」是范围，不是一个数", f"{periods[0]!r} is a range, not a number"
        if periods and periods[0].endswith(("月底", "月末")):
            return (
                f"「{periods[0]}」不是一个固定日期（平年、闰年不同）",
                f"{periods[0]!r} is not one fixed date (it differs in leap years)",
            )
        if periods and re.search(r"不得?(?:少|低)[于於]|不短[于於]|至少公示", text):
            return (
                f"「{periods[0]}」是公示持续的最短时间，不是公开期限",
                f"{periods[0]!r} is how long a notice must stay up, not when it is published",
            )
        if periods and "提前" in text:
            return (
                "提前时限按工作日计的写法未能识别（只识别日、周）",
                "a lead time is read in days or weeks only, not in working days",
            )
        if periods:
            return (
                f"写明了时限「{periods[0]}」，但其余措辞（如所起算的事件）未能识别",
                f"it names a period ({periods[0]}) but the other words (such as the event it "
                "counts from) are not understood",
            )
        return "未写明期限、日期或周期", "it names no period, date or schedule"

    def describe(self) -> str:
        """A short description in English and Chinese, with the reason (:meth:`why`)."""
        zh, en = self.why()
        return f"unrecognised time limit {self.text!r}: {en} / 未能识别的公开时限：{zh}"


# A period as written: a number (digits or Chinese numerals) and a unit of time.
_PERIOD_MENTION = re.compile(
    r"(?<![0-9])(?:[0-9]{1,6}|[零〇一二两三四五六七八九十百]+)[个個]?"
    r"(?:工作日|自然日|日历日|日|天|周|星期|月底|月末|小时|(?<=[个個])月|年(?![0-9]))"
)
_RANGE = re.compile(r"[一二三四五六七八九][一二三四五六七八九]")


#: Any time-limit rule.
TimeLimitRule: TypeAlias = (
    WorkdaysAfterEvent
    | CalendarDaysAfterEvent
    | Promptly
    | AnnualFixedDate
    | LeadTimeBeforeEvent
    | ConsultationPeriod
    | ExternalRequirement
    | PeriodicUpdate
    | Unrecognised
)

#: The rule classes by their ``kind`` code (the ``kind`` field in JSON).
RULE_TYPES: dict[str, type[TimeLimitRule]] = {
    cls.kind: cls
    for cls in (
        WorkdaysAfterEvent,
        CalendarDaysAfterEvent,
        Promptly,
        AnnualFixedDate,
        LeadTimeBeforeEvent,
        ConsultationPeriod,
        ExternalRequirement,
        PeriodicUpdate,
        Unrecognised,
    )
}
