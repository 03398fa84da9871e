"""Real 公开时限 texts from published catalogues and the statute (tests/data/timelimits/real.tsv).

Each row: the text as published, the address it was copied from, and the reading a person gives
it (``kind days event +flag``) or ``unrecognised`` where it holds two rules or none.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from govdisclose.timelimits import parse_time_limit

DATA = Path(__file__).parent / "data" / "timelimits" / "real.tsv"


def _rows() -> list[tuple[str, str, str]]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        return [
            (r["text"], r["source"], r["expected"]) for r in csv.DictReader(handle, delimiter="\t")
        ]


ROWS = _rows()


def _reading(text: str) -> str:
    rule = parse_time_limit(text)
    words = [rule.kind]
    if rule.kind in ("workdays_after_event", "calendar_days_after_event"):
        words += [str(rule.days), rule.event]  # type: ignore[union-attr]
        words += [
            f"+{flag}" for flag in ("keep_long_term", "updates_promptly") if getattr(rule, flag)
        ]
    elif rule.kind == "promptly":
        words.append(rule.trigger)  # type: ignore[union-attr]
    elif rule.kind == "periodic_update":
        words += [rule.period, str(rule.at_least)]  # type: ignore[union-attr]
    elif rule.kind == "annual_fixed_date":
        words.append(f"{rule.month}-{rule.day}")  # type: ignore[union-attr]
    elif rule.kind == "lead_time_before_event":
        words.append(str(rule.days))  # type: ignore[union-attr]
    elif rule.kind == "external_requirement":
        words.append(rule.authority)  # type: ignore[union-attr]
    return " ".join(words)


def test_corpus_is_real_and_large() -> None:
    assert len(ROWS) >= 100
    assert all(source for _, source, _ in ROWS)
    assert len({source for _, source, _ in ROWS}) >= 20


@pytest.mark.parametrize(("text", "source", "expected"), ROWS)
def test_real_text_read_as_a_person_reads_it(text: str, source: str, expected: str) -> None:
    assert _reading(text) == expected, source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 条例第二十六条, as written, with and without its saving clause.
        (
            "自该政府信息形成或者变更之日起20个工作日内及时公开",
            "workdays_after_event 20 formation_or_change",
        ),
        (
            "自该信息形成或者变更之日起20个工作日内予以公开（法律、法规对政府信息公开的期限另有规定的，从其规定）",
            "workdays_after_event 20 formation_or_change",
        ),
        (
            "信息形成或变更之日起20个工作日内、法律法规另有规定的从其规定",
            "workdays_after_event 20 formation_or_change",
        ),
        ("制定或获取文件之日起20个工作日内", "workdays_after_event 20 formation"),
        ("自制作或获取该信息之日起20个工作日内", "workdays_after_event 20 formation"),
        ("公开事项信息形成或变更之日起20个工作日内", "workdays_after_event 20 formation_or_change"),
        ("信息获取（形成、变更）20个工作日内", "workdays_after_event 20 formation_or_change"),
        ("颁布或印发之日起20个工作日内", "workdays_after_event 20 issuance"),
        ("分配结果确定后5个工作日内", "workdays_after_event 5 result_determined"),
        ("实时公开", "promptly other"),
        ("20个工作日", "workdays_after_event 20 unspecified"),
        ("20 个\n工作日", "workdays_after_event 20 unspecified"),
        ("项目经批准后20日内", "calendar_days_after_event 20 approval"),
        (
            "信息形成之日起20个工作日内；长期公示",
            "workdays_after_event 20 formation +keep_long_term",
        ),
        (
            "信息形成或变更之日起20个工作日内，保持长期公开",
            "workdays_after_event 20 formation_or_change +keep_long_term",
        ),
        # A schedule named by 每/按 alone; a deadline the law sets; promptly after a meeting.
        ("每季度", "periodic_update quarter 1"),
        ("按年度", "periodic_update year 1"),
        ("每周", "periodic_update week 1"),
        ("季度", "unrecognised"),
        ("法定时限内公开", "external_requirement law"),
        ("在法定期限内答复", "external_requirement law"),
        ("会后及时公开", "promptly other"),
        # Two rules in one text: the model holds one, so nothing is guessed.
        ("制定或获取信息之日起10个工作日内,公示7个工作日", "unrecognised"),
        ("信息形成之日起20个工作日内，最迟不超过30个工作日", "unrecognised"),
        ("20个工作日或30日", "unrecognised"),
        ("同上", "unrecognised"),
    ],
)
def test_wordings_of_the_issue(text: str, expected: str) -> None:
    assert _reading(text) == expected


def test_traditional_characters_are_read_and_the_text_is_kept_as_published() -> None:
    # Copies of catalogues on other sites show them in traditional characters.
    rule = parse_time_limit("信息形成或變更之日起20個工作日內")
    assert (rule.kind, rule.text) == ("workdays_after_event", "信息形成或變更之日起20個工作日內")
    assert _reading("按進展情況及時公開") == "promptly progress"
    assert _reading("在信息形成或者变更之日起7个工作日之内公开") == (
        "workdays_after_event 7 formation_or_change"
    )
    # A copy with the reading added after characters (內(nèi)) reads as the text without it.
    rule = parse_time_limit("信息形成或變更之日起3個工作日內(nèi)")
    assert (rule.kind, rule.days, rule.text) == (  # type: ignore[union-attr]
        "workdays_after_event",
        3,
        "信息形成或變更之日起3個工作日內(nèi)",
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # Real texts of the corpus that are refused, each with the reason a reader is given.
        ("制定或获取信息之日起10个工作日内,公示7个工作日", "names 2 periods (10个工作日, 7个"),
        ("自抽查结束之日起20个工作日内", "names a period (20个工作日) but the other words"),
        ("同上", "points to another row"),
        ("长期公开", "names no period, date or schedule"),
        ("", "the text is empty"),
        ("24小时内", "counts hours"),
        ("三五个工作日", "is a range"),
        ("每年2月底前", "not one fixed date"),
        ("提前3个工作日", "not in working days"),
        # A minimum time on display (城乡规划: 批前公示), not a time limit for publishing.
        ("批前公示時間不得少于30日", "'30日' is how long a notice must stay up"),
        ("永久公开", "names no period, date or schedule"),
    ],
)
def test_a_refused_text_says_why(text: str, reason: str) -> None:
    rule = parse_time_limit(text)
    assert rule.kind == "unrecognised"
    zh, en = rule.why()  # type: ignore[union-attr]
    assert reason in en and zh
    assert reason in rule.describe()


def test_every_refused_real_text_gets_a_reason() -> None:
    refused = [parse_time_limit(text) for text, _, expected in ROWS if expected == "unrecognised"]
    assert len(refused) >= 5
    for rule in refused:
        zh, en = rule.why()  # type: ignore[union-attr]
        assert zh and en and en in rule.describe()
