"""Tests for govdisclose.timelimits: the parse table, properties, strictness comparisons."""

from __future__ import annotations

import typing

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclose._errors import GovdiscloseError, InputError
from govdisclose._model import TimeLimit
from govdisclose.timelimits import (
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
    compare_strictness,
    parse_time_limit,
)

W = WorkdaysAfterEvent
C = CalendarDaysAfterEvent
FOC = "formation_or_change"

# The nine standard texts of DOMAIN.md §4, with every spelling the bundled 390 tables use.
STANDARD = [
    ("信息形成或变更之日起20个工作日内", W, {"days": 20, "event": FOC}),
    ("信息形成或者变更之日起20个工作日内", W, {"days": 20, "event": FOC}),
    (
        "信息形成或者变更20个工作日内，如有更新，及时公开",
        W,
        {"days": 20, "event": FOC, "updates_promptly": True, "keep_long_term": False},
    ),
    ("按进展情况及时公开", Promptly, {"trigger": "progress"}),
    ("重大决策作出后及时公开", Promptly, {"trigger": "decision"}),
    ("信息形成后及时公开", Promptly, {"trigger": "formation"}),
    ("提前一周发通知邀请", LeadTimeBeforeEvent, {"days": 7}),
    ("征求意见时对外公布的时限内公开", ConsultationPeriod, {}),
    ("按照中央有关要求公开", ExternalRequirement, {"authority": "central"}),
    ("按中央要求时限公开", ExternalRequirement, {"authority": "central"}),
    ("每年1月31日前", AnnualFixedDate, {"month": 1, "day": 31}),
]

# Local variants listed in DOMAIN.md §4.
LOCAL = [
    ("信息形成（变更）5个工作日内", W, {"days": 5, "event": FOC}),
    (
        "信息产生、变更之日起20个工作日内公开,保持长期公开",
        W,
        {"days": 20, "event": FOC, "keep_long_term": True, "updates_promptly": False},
    ),
    ("半年至少更新1次", PeriodicUpdate, {"period": "half_year", "at_least": 1}),
    ("每季度更新", PeriodicUpdate, {"period": "quarter", "at_least": 1}),
    ("成文3个工作日内", W, {"days": 3, "event": "issuance"}),
    ("1个工作日内", W, {"days": 1, "event": "unspecified"}),
]

# Neighbours: full-width, Chinese numerals, 天/日, 以内, optional 公开 and 之日起, other events.
NEIGHBOURS = [
    ("信息形成(变更)５个工作日内", W, {"days": 5, "event": FOC}),
    ("信息形成（变更）五个工作日以内", W, {"days": 5, "event": FOC}),
    ("信息形成或变更之日起二十个工作日内", W, {"days": 20, "event": FOC}),
    (" 信息形成或变更之日起 ２０ 个工作日内。", W, {"days": 20, "event": FOC}),
    ("信息形成或变更20个工作日内公开", W, {"days": 20, "event": FOC}),
    ("自信息形成或者变更之日起20个工作日内予以公开", W, {"days": 20, "event": FOC}),
    ("信息形成/变更之日起20个工作日内", W, {"days": 20, "event": FOC}),
    ("信息形成之日起20个工作日内", W, {"days": 20, "event": "formation"}),
    ("信息形成后二十个工作天内", W, {"days": 20, "event": "formation"}),
    ("自文件印发之日起20个工作日内向社会公布", W, {"days": 20, "event": "issuance"}),
    ("成文后三个工作日内公开", W, {"days": 3, "event": "issuance"}),
    ("作出行政处罚决定之日起7个工作日内", W, {"days": 7, "event": "decision"}),
    ("收到申请之日起20个工作日内", W, {"days": 20, "event": "receipt"}),
    ("一个工作日内", W, {"days": 1, "event": "unspecified"}),
    ("1个工作日以内", W, {"days": 1, "event": "unspecified"}),
    ("一百零五个工作日内", W, {"days": 105, "event": "unspecified"}),
    (
        "信息形成或变更之日起20个工作日内。如有更新及时公开。",
        W,
        {"days": 20, "event": FOC, "updates_promptly": True},
    ),
    (
        "信息形成或变更之日起20个工作日内，并及时更新，长期公开",
        W,
        {"days": 20, "event": FOC, "updates_promptly": True, "keep_long_term": True},
    ),
    ("20个自然日内", C, {"days": 20, "event": "unspecified"}),
    ("信息形成之日起20日内", C, {"days": 20, "event": "formation"}),
    ("行政处罚决定作出之日起七日内公开", C, {"days": 7, "event": "decision"}),
    ("15天内", C, {"days": 15, "event": "unspecified"}),
    ("按照进展情况及时公开", Promptly, {"trigger": "progress"}),
    ("根据工作进展情况，及时公开", Promptly, {"trigger": "progress"}),
    ("作出重大决策后及时公开", Promptly, {"trigger": "decision"}),
    ("信息产生后及时公开", Promptly, {"trigger": "formation"}),
    ("及时公开", Promptly, {"trigger": "other"}),
    ("第一时间公开", Promptly, {"trigger": "other"}),
    ("每年１月３１日前", AnnualFixedDate, {"month": 1, "day": 31}),
    ("每年一月三十一日之前", AnnualFixedDate, {"month": 1, "day": 31}),
    ("每年3月底前", AnnualFixedDate, {"month": 3, "day": 31}),
    ("每年4月底前公开", AnnualFixedDate, {"month": 4, "day": 30}),
    ("提前3天", LeadTimeBeforeEvent, {"days": 3}),
    ("提前3日发布公告", LeadTimeBeforeEvent, {"days": 3}),
    ("至少提前两周发出会议通知", LeadTimeBeforeEvent, {"days": 14}),
    ("在征求意见时对外公布的时限内公开", ConsultationPeriod, {}),
    ("按上级要求", ExternalRequirement, {"authority": "superior"}),
    ("按照上级部门有关要求公开", ExternalRequirement, {"authority": "superior"}),
    ("按照国家有关规定公开", ExternalRequirement, {"authority": "national"}),
    ("按省级要求公开", ExternalRequirement, {"authority": "provincial"}),
    ("按法律法规规定的时限公开", ExternalRequirement, {"authority": "law"}),
    ("按有关要求公开", ExternalRequirement, {"authority": "unspecified"}),
    ("每半年至少更新一次", PeriodicUpdate, {"period": "half_year", "at_least": 1}),
    ("每季度至少更新2次", PeriodicUpdate, {"period": "quarter", "at_least": 2}),
    ("每月更新一次", PeriodicUpdate, {"period": "month", "at_least": 1}),
    ("按年度更新", PeriodicUpdate, {"period": "year", "at_least": 1}),
    ("每周更新", PeriodicUpdate, {"period": "week", "at_least": 1}),
]

UNRECOGNISED = [
    "",
    "   ",
    "\u3000",
    "。",
    "三五个工作日内",  # a range, not a number
    "3-5个工作日内",
    "信息形成之日起20个工作日内，最迟不超过30个工作日",  # two numbers
    "20个工作日内（法律法规另有规定的除外）",
    "0个工作日内",
    "1000个工作日内",  # beyond MAX_DAYS
    "1234567个工作日内",
    "24小时内",  # hours are not a rule kind here
    "5小时内发布权威信息",
    "提前3个工作日",  # lead time in working days is not calendar days
    "提前1个月",
    "每年2月底前",  # the 28th or the 29th
    "每年2月29日前",
    "每年13月1日前",
    "每年4月31日前",
    "次年1月31日前",
    "长期公开",
    "按进展情况适时公开",
    "变更之日起20个工作日内",
    "完成审批程序后1个工作日内",
    "受理之日起20个工作日内",
    "如有更新，及时公开",
    "信息形成或变更之日起20个工作日内，每季度更新",
    "按进展情况及时公开，如有更新及时公开",
    "20个工作日内，如有更新，如有更新，及时公开，及时公开",
    "周",
    "常态化公开",
    "随时",
    # a refusal is no approval to count from (经…批准后20日内 is one)
    "不予批准后20日内",
    "作出不予批复决定后20日内公开",
    "未批准的20日内",
    "未经批准20日内公开",
]


def _check(text: str, cls: type, fields: dict[str, object]) -> None:
    rule = parse_time_limit(text)
    assert type(rule) is cls, (text, rule)
    assert rule.text == text
    for name, value in fields.items():
        assert getattr(rule, name) == value, (text, name, rule)


@pytest.mark.parametrize(("text", "cls", "fields"), STANDARD)
def test_standard_texts(text: str, cls: type, fields: dict[str, object]) -> None:
    _check(text, cls, fields)


@pytest.mark.parametrize(("text", "cls", "fields"), LOCAL)
def test_local_variants(text: str, cls: type, fields: dict[str, object]) -> None:
    _check(text, cls, fields)


@pytest.mark.parametrize(("text", "cls", "fields"), NEIGHBOURS)
def test_neighbours(text: str, cls: type, fields: dict[str, object]) -> None:
    _check(text, cls, fields)


@pytest.mark.parametrize("text", UNRECOGNISED)
def test_unrecognised(text: str) -> None:
    rule = parse_time_limit(text)
    assert rule == Unrecognised(text)
    assert rule.kind == "unrecognised"
    assert not rule.has_fixed_period


def test_working_days_are_never_calendar_days() -> None:
    assert parse_time_limit("20个工作日内").kind == "workdays_after_event"
    assert parse_time_limit("20个自然日内").kind == "calendar_days_after_event"
    assert parse_time_limit("20日内").kind == "calendar_days_after_event"
    assert parse_time_limit("20天内").kind == "calendar_days_after_event"


@pytest.mark.parametrize("value", [None, 20, b"20\xe4\xb8\xaa", ["1个工作日内"], 1.5])
def test_non_text_raises_input_error(value: object) -> None:
    with pytest.raises(InputError, match="公开时限") as info:
        parse_time_limit(value)  # type: ignore[arg-type]
    assert isinstance(info.value, GovdiscloseError)


def test_results_are_cached() -> None:
    assert parse_time_limit("每季度更新") is parse_time_limit("每季度更新")


def test_model_time_limit_rule_uses_parser() -> None:
    limit = TimeLimit("信息形成或变更之日起20个工作日内", service_level_workdays=None)
    assert limit.rule == WorkdaysAfterEvent(limit.text, days=20, event=FOC)


def test_describe() -> None:
    assert parse_time_limit("信息形成或变更之日起20个工作日内").describe() == (
        "20 working days after formation or change / 信息形成或变更之日起20个工作日内"
    )
    assert parse_time_limit("1个工作日内").describe() == "within 1 working day / 1个工作日内"
    assert parse_time_limit("每年3月底前").describe() == "by 31 March each year / 每年3月31日前"
    assert "未能识别" in parse_time_limit("??").describe()


def test_has_fixed_period() -> None:
    fixed = {
        text: parse_time_limit(text).has_fixed_period
        for text in (
            "信息形成或变更之日起20个工作日内",
            "20个自然日内",
            "每年1月31日前",
            "提前一周发通知邀请",
            "半年至少更新1次",
            "按进展情况及时公开",
            "征求意见时对外公布的时限内公开",
            "按照中央有关要求公开",
            "不知道",
        )
    }
    assert list(fixed.values()) == [True, True, True, True, True, False, False, False, False]


def test_rule_types_cover_the_union() -> None:
    classes = set(typing.get_args(TimeLimitRule))
    assert set(RULE_TYPES.values()) == classes
    assert all(RULE_TYPES[cls.kind] is cls for cls in classes)
    assert "kind" not in attrs.fields_dict(WorkdaysAfterEvent)  # a class attribute only


def test_rules_are_frozen_and_validated() -> None:
    rule = parse_time_limit("1个工作日内")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rule.days = 2  # type: ignore[misc, union-attr]
    with pytest.raises(ValueError, match="days"):
        WorkdaysAfterEvent("x", days=0)
    with pytest.raises(ValueError, match="event"):
        WorkdaysAfterEvent("x", days=1, event="someday")
    with pytest.raises(ValueError, match="day must be"):
        AnnualFixedDate("x", month=2, day=29)
    with pytest.raises(ValueError, match="month"):
        AnnualFixedDate("x", month=13, day=1)
    with pytest.raises(ValueError, match="period"):
        PeriodicUpdate("x", period="fortnight")


# --- properties -------------------------------------------------------------------------------


@given(st.text(max_size=60))
def test_parse_never_raises_and_keeps_text(text: str) -> None:
    rule = parse_time_limit(text)
    assert rule.text == text
    assert RULE_TYPES[rule.kind] is type(rule)
    assert isinstance(rule.describe(), str)


_TEXT_ALPHABET = st.sampled_from(
    list(
        "信息形成或变更之日起个工作日内自然天提前周每年月前季度半至少更新次公开及时按中央要求0123456789１２３一二三十两，、（）()"
    )
)


@given(st.lists(_TEXT_ALPHABET, max_size=30).map("".join))
def test_parse_never_raises_on_near_miss_text(text: str) -> None:
    assert parse_time_limit(text).text == text


_CN = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    """Write 1–999 in Chinese numerals (二十, 十五, 一百零五)."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = f"{_CN[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if not hundreds and tens == 1 else _CN[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (_CN[ones] if ones else "")


_EVENT_PHRASES = {
    "信息形成或变更之日起": FOC,
    "信息形成或者变更": FOC,
    "信息形成（变更）": FOC,
    "信息产生、变更之日起": FOC,
    "信息形成之日起": "formation",
    "成文": "issuance",
    "自文件印发之日起": "issuance",
    "收到申请之日起": "receipt",
    "": "unspecified",
}


@given(
    days=st.integers(1, MAX_DAYS),
    phrase=st.sampled_from(sorted(_EVENT_PHRASES)),
    numerals=st.sampled_from(["ascii", "fullwidth", "chinese"]),
    unit=st.sampled_from(["个工作日", "个自然日", "日", "天"]),
    within=st.sampled_from(["内", "以内"]),
    tail=st.sampled_from(["", "公开", "。", " "]),
)
def test_generated_day_counts(
    days: int, phrase: str, numerals: str, unit: str, within: str, tail: str
) -> None:
    number = {
        "ascii": str(days),
        "fullwidth": str(days).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
        "chinese": _chinese(days),
    }[numerals]
    text = f"{phrase}{number}{unit}{within}{tail}"
    rule = parse_time_limit(text)
    expected = WorkdaysAfterEvent if unit == "个工作日" else CalendarDaysAfterEvent
    assert type(rule) is expected, text
    assert (rule.days, rule.event) == (days, _EVENT_PHRASES[phrase])


def _rules() -> st.SearchStrategy[TimeLimitRule]:
    days = st.integers(1, MAX_DAYS)
    flags = st.booleans()
    events = st.sampled_from(sorted(EVENTS))
    return st.one_of(
        st.builds(WorkdaysAfterEvent, st.just(""), days, events, flags, flags),
        st.builds(CalendarDaysAfterEvent, st.just(""), days, events, flags, flags),
        st.builds(Promptly, st.just(""), st.sampled_from(sorted(TRIGGERS))),
        st.dates().map(lambda d: AnnualFixedDate("", d.month, min(d.day, 28))),
        st.builds(LeadTimeBeforeEvent, st.just(""), days),
        st.just(ConsultationPeriod("")),
        st.builds(ExternalRequirement, st.just(""), st.sampled_from(sorted(AUTHORITIES))),
        st.builds(PeriodicUpdate, st.just(""), st.sampled_from(sorted(PERIODS)), days),
    )


@given(_rules())
def test_chinese_description_parses_back_to_the_rule(rule: TimeLimitRule) -> None:
    chinese = rule.describe().split(" / ")[1]
    assert parse_time_limit(chinese) == attrs.evolve(rule, text=chinese)


@given(_rules(), _rules())
def test_strictness_is_antisymmetric(a: TimeLimitRule, b: TimeLimitRule) -> None:
    forward, backward = compare_strictness(a, b), compare_strictness(b, a)
    if forward is None:
        assert backward is None
    else:
        assert backward == -forward


@given(_rules())
def test_strictness_is_reflexive(rule: TimeLimitRule) -> None:
    assert compare_strictness(rule, rule) == 0
    assert compare_strictness(rule, Unrecognised("?")) is None
    assert compare_strictness(Unrecognised("?"), rule) is None


# --- strictness table -------------------------------------------------------------------------

STD_20 = "信息形成或变更之日起20个工作日内"

STRICTNESS = [
    ("信息形成（变更）5个工作日内", STD_20, -1),
    ("信息形成或变更之日起30个工作日内", STD_20, 1),
    ("信息形成或者变更之日起二十个工作日内", STD_20, 0),
    ("成文3个工作日内", STD_20, -1),  # issuance is a formation event
    ("1个工作日内", STD_20, -1),  # unspecified event: the row's own
    ("收到申请之日起10个工作日内", STD_20, None),  # receipt is another event
    ("信息形成或变更之日起20个工作日内，如有更新，及时公开", STD_20, -1),  # adds a rider
    (STD_20, "信息形成或者变更20个工作日内，如有更新，及时公开", 1),  # drops it
    ("信息形成（变更）5个工作日内", "信息形成或者变更20个工作日内，如有更新，及时公开", None),
    ("20个自然日内", STD_20, -1),  # calendar days never end later
    ("20个自然日内", "20个自然日内", 0),
    ("30个自然日内", STD_20, None),  # depends on the holidays in between
    ("信息形成之日起20个工作日内", "信息形成之日起15日内", 1),
    ("信息形成之日起10个工作日内", "信息形成之日起15日内", None),
    ("按进展情况及时公开", STD_20, None),
    (STD_20, "按进展情况及时公开", None),
    ("按照进展情况及时公开", "按进展情况及时公开", 0),
    ("信息形成后及时公开", "按进展情况及时公开", None),
    ("每年1月31日前", "每年3月底前", -1),
    ("每年3月31日前", "每年3月底前", 0),
    ("每年4月30日前", "每年3月底前", 1),
    ("提前10天", "提前一周发通知邀请", -1),
    ("提前3天", "提前一周发通知邀请", 1),
    ("提前7日", "提前一周发通知邀请", 0),
    ("每季度更新", "半年至少更新1次", -1),
    ("每季度更新", "每年至少更新4次", -1),
    ("每年至少更新4次", "每季度更新", 1),
    ("每季度更新", "每年至少更新5次", None),
    ("每半年至少更新2次", "每季度更新", 1),
    ("每季度至少更新2次", "每季度更新", -1),
    ("每周更新", "每月更新", None),
    ("征求意见时对外公布的时限内公开", "征求意见时对外公布的时限内公开", 0),
    ("按中央要求时限公开", "按照中央有关要求公开", 0),
    ("按上级要求", "按照中央有关要求公开", None),
    ("不知道", "不知道", None),
    ("每年1月31日前", STD_20, None),
]


@pytest.mark.parametrize(("local", "standard", "expected"), STRICTNESS)
def test_compare_strictness(local: str, standard: str, expected: int | None) -> None:
    result = compare_strictness(parse_time_limit(local), parse_time_limit(standard))
    assert result == expected
