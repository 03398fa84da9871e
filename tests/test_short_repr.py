"""Bounded text for values in messages: errors.short_repr, and the helpers built on it."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from govdisclose._errors import short_repr
from govdisclose.audit import audit_records
from govdisclose.checks._prescan import clip

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    max_leaves=200,
)


@given(json_values, st.integers(1, 300))
def test_short_repr_keeps_to_its_limit(value: object, limit: int) -> None:
    assert len(short_repr(value, limit=limit)) <= limit


def test_short_repr_without_limit_is_unchanged() -> None:
    assert short_repr("abc") == "'abc'"
    assert short_repr([1, [2, [3, [4]]]]) == "[1, [2, [3, [...]]]]"


def test_short_repr_of_a_value_whose_repr_fails() -> None:
    class Broken:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    assert short_repr(Broken(), limit=5) == "<Bro…"
    assert short_repr(Broken()).startswith("<Broken")


def test_clip_keeps_text_and_bounds_the_rest() -> None:
    assert clip("法律法规") == "法律法规"
    assert clip("x" * 100, 10) == "x" * 9 + "…"
    assert clip({"a": list(range(1000))}, 30) == "{'a': [0, 1, 2, 3, 4, 5, ...]}"
    assert len(clip([[[[[[[[1]]]]]]]] * 1000, 200)) <= 200


class Counted:
    """Counts how often its repr is taken."""

    calls = 0

    def __repr__(self) -> str:
        Counted.calls += 1
        return "Counted()"


def test_audit_messages_never_turn_a_whole_large_value_into_text() -> None:
    Counted.calls = 0
    huge = [Counted()] * 100_000
    record = {"domain": "安全生产", "item": "法律法规", "formed": huge, "published": "x" * 10_000}
    result = audit_records([record], as_of=dt.date(2024, 12, 31))
    (finding,) = result.report.filter(code="audit.bad-record").findings
    assert Counted.calls < 100  # a few elements, not 100 000
    assert "formed has the wrong type: [Counted(), " in finding.message_en
    assert len(finding.message_en) < 300 and result.first_problem is not None


def test_audit_messages_show_undecodable_bytes_as_escapes() -> None:
    record = {"domain": "安全生产", "item": "法律法规", "formed": "2024-09-\udcff1"}
    result = audit_records([record], as_of=dt.date(2024, 12, 31))
    (finding,) = result.report.filter(code="audit.bad-record").findings
    assert "'2024-09-\\udcff1'" in finding.message_en
    finding.message_en.encode("utf-8")  # printable: no lone surrogate left
