"""Tests for govdisclose.findings: codes, findings, reports, the builder."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdisclose import dumps, loads, structure, unstructure
from govdisclose._errors import DataError, GovdiscloseError, InputError, NotFoundError
from govdisclose.findings import (
    CODES,
    Finding,
    FindingCode,
    Report,
    ReportBuilder,
    Severity,
    all_codes,
)

MISSING = CODES["catalogue.missing-element"]
ODD = CODES["catalogue.duplicate-term"]
NOTE = CODES["catalogue.as-published"]


def test_the_tables_give_the_registry() -> None:
    assert isinstance(MISSING, FindingCode)
    assert MISSING.severity is Severity.ERROR
    assert NOTE.severity is Severity.INFO
    import importlib

    from govdisclose.findings._codes import _TABLES

    rows = [
        row
        for tables in _TABLES.values()
        for module, name in tables
        for row in getattr(importlib.import_module(module), name)
    ]
    assert len(CODES) == len(all_codes()) == len(rows) >= 89  # codes are API: none lost
    assert [c.code for c in all_codes()] == sorted(CODES)


def test_a_code_loads_only_the_table_of_its_area() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from govdisclose.findings import CODES; "
        "CODES['catalogue.missing-element']; "
        "print(sorted(m for m in ('govdisclose.audit', 'govdisclose.tables', "
        "'govdisclose.requests', 'govdisclose.annual_report') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "code",
    ["GD101", "missing", "Catalogue.missing", "catalogue.missing_element", "a..b", "a.-b", ""],
)
def test_malformed_codes_are_refused(code: str) -> None:
    with pytest.raises(InputError, match="malformed"):
        FindingCode(code, "error", "x", "x")


def test_the_registry_cannot_be_written_directly() -> None:
    with pytest.raises(TypeError):
        CODES["nobody.sneaky"] = MISSING  # type: ignore[index]


def test_unknown_code_lookup_raises_a_library_error_that_is_also_a_key_error() -> None:
    with pytest.raises(NotFoundError) as info:
        CODES["nobody.never-registered"]
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, GovdiscloseError)
    assert "nobody.never-registered" in str(info.value)
    assert CODES.get("nobody.never-registered") is None


def test_a_finding_with_an_unregistered_code_cannot_be_made() -> None:
    with pytest.raises(NotFoundError):
        Finding("nobody.never-registered", "error", "$", "x", "x")


def test_finding_from_code_defaults_messages_to_titles_and_collects_data() -> None:
    finding = MISSING.finding("$.items[3].channels[1]", hint="补充 / add it", element="渠道")
    assert finding.code == "catalogue.missing-element"
    assert finding.severity is Severity.ERROR
    assert (finding.message_zh, finding.message_en) == (MISSING.title_zh, MISSING.title_en)
    assert finding.hint == "补充 / add it"
    assert dict(finding.data) == {"element": "渠道"}
    assert finding.definition is MISSING


def test_severity_can_be_overridden_per_finding() -> None:
    finding = MISSING.finding("$", severity="warning")
    assert finding.severity is Severity.WARNING


def test_data_is_frozen_and_copied() -> None:
    source: dict[str, Any] = {"span": [1, 5], "nested": {"a": [1]}}
    finding = Finding("catalogue.as-published", "info", "$", "m", "m", data=source)
    source["span"].append(9)
    assert finding.data["span"] == (1, 5)
    with pytest.raises(TypeError):
        finding.data["new"] = 1  # type: ignore[index]
    assert unstructure(finding)["data"] == {"span": [1, 5], "nested": {"a": [1]}}


def test_data_must_be_json_values() -> None:
    with pytest.raises(TypeError, match="JSON"):
        NOTE.finding("$", when=object())
    with pytest.raises(TypeError, match="keys"):
        Finding("catalogue.as-published", "info", "$", "m", "m", data={"a": {1: 2}})


def test_findings_are_hashable_and_compare_by_value() -> None:
    a = ODD.finding("救灾!H12", channel="网站X")
    b = ODD.finding("救灾!H12", channel="网站X")
    assert a == b
    assert len({a, b}) == 1


def test_severity_labels() -> None:
    assert [s.label for s in Severity] == ["错误", "警告", "提示"]
    assert Severity.parse("警告") is Severity.WARNING
    assert sorted(Severity, key=lambda s: s.rank)[0] is Severity.ERROR


def _sample() -> Report:
    builder = ReportBuilder(subject="某县目录.json")
    builder.add(MISSING, "$.items[0].basis", message_zh="缺少依据", message_en="no basis")
    builder.add("catalogue.duplicate-term", "$.items[1].channels[0]", channel="网站X")
    builder.add(NOTE.finding("$.items[2]", hint="仅供参考 / for information"))
    builder.add(MISSING, "$.items[3].time_limit")
    return builder.build()


def test_report_counts_and_ok() -> None:
    report = _sample()
    assert len(report) == 4
    assert report.counts == {"error": 2, "warning": 1, "info": 1}
    assert report.has_errors and not report.ok
    assert report.count("错误") == 2
    assert Report().ok and Report().counts == {"error": 0, "warning": 0, "info": 0}
    only_warnings = report.filter(severity="error").findings
    assert all(f.severity is Severity.ERROR for f in only_warnings)


def test_builder_keeps_the_order_findings_were_added() -> None:
    report = _sample()
    assert [f.path for f in report] == [
        "$.items[0].basis",
        "$.items[1].channels[0]",
        "$.items[2]",
        "$.items[3].time_limit",
    ]
    assert report.codes == (MISSING.code, ODD.code, NOTE.code)


def test_filter_by_severity_and_code() -> None:
    report = _sample()
    errors = report.filter(severity=Severity.ERROR)
    assert [f.path for f in errors] == ["$.items[0].basis", "$.items[3].time_limit"]
    assert errors.subject == report.subject
    assert len(report.filter(severity=["warning", "info"])) == 2
    assert len(report.filter(code=ODD.code)) == 1
    assert len(report.filter(severity="error", code=ODD.code)) == 0


def test_merge_appends_and_combines_subjects() -> None:
    a = Report((MISSING.finding("$.a"),), "a.json")
    b = Report((ODD.finding("$.b"),), "b.json")
    merged = a + b
    assert [f.path for f in merged] == ["$.a", "$.b"]
    assert merged.subject == "a.json; b.json"
    assert (a + Report((), None)).subject == "a.json"
    assert (Report((), None) + b).subject == "b.json"
    assert (a + a).subject == "a.json"
    assert a.merge(b) == merged


def test_to_json_shape() -> None:
    data = unstructure(_sample())
    assert data["subject"] == "某县目录.json"
    assert data["ok"] is False
    assert data["counts"] == {"error": 2, "warning": 1, "info": 1}
    assert data["findings"][1] == {
        "code": "catalogue.duplicate-term",
        "severity": "warning",
        "path": "$.items[1].channels[0]",
        "message_zh": "重复的取值",
        "message_en": "value listed twice",
        "hint": "",
        "data": {"channel": "网站X"},
    }
    json.dumps(data)  # plain JSON values only


def test_json_round_trip() -> None:
    report = _sample()
    assert structure(unstructure(report), Report) == report
    assert loads(dumps(report), Report) == report


def _error_paths(data: Any) -> list[str | None]:
    with pytest.raises(DataError) as info:
        structure(data, Report)
    return [problem.path for problem in info.value.errors]


def test_reading_a_report_names_the_bad_place() -> None:
    good = unstructure(_sample())
    bad_severity = json.loads(json.dumps(good))
    bad_severity["findings"][2]["severity"] = "fatal"
    assert _error_paths(bad_severity) == ["$.findings[2].severity"]

    bad_code = json.loads(json.dumps(good))
    bad_code["findings"][0]["code"] = "nobody.registered-this"
    assert _error_paths(bad_code) == ["$.findings[0].code"]

    wrong_counts = json.loads(json.dumps(good))
    wrong_counts["ok"] = True
    assert _error_paths(wrong_counts) == ["$.ok"]

    with pytest.raises(InputError):
        loads("[1, 2", Report)
    assert _error_paths({"findings": [{"code": MISSING.code, "extra": 1}]})
    missing = _error_paths({"findings": [{"code": MISSING.code, "severity": "error"}]})
    assert "$.findings[0].path" in missing


def test_to_text_lists_every_finding_with_both_messages_and_the_hint_indented() -> None:
    lines = _sample().to_text().splitlines()
    assert lines[0] == "某县目录.json: 2 错误 error, 1 警告 warning, 1 提示 info"
    assert lines[1] == (
        "错误 error  $.items[0].basis  catalogue.missing-element  缺少依据 / no basis"
    )
    assert lines[2].startswith("警告 warning  $.items[1].channels[0]  catalogue.duplicate-term")
    assert lines[3].startswith("提示 info  $.items[2]")
    assert lines[4] == "    建议 hint: 仅供参考 / for information"
    assert len(lines) == 6
    assert Report().to_text() == "0 错误 error, 0 警告 warning, 0 提示 info"


def test_builder_extend_and_misuse() -> None:
    builder = ReportBuilder()
    builder.extend(_sample())
    assert len(builder) == 4 and builder.has_errors
    first = builder.build()
    builder.add(NOTE, "$.x")
    assert len(first) == 4 and len(builder.build()) == 5
    with pytest.raises(TypeError):
        builder.add(NOTE.finding("$"), "$.y")
    with pytest.raises(TypeError):
        builder.add(NOTE)
    with pytest.raises(NotFoundError):
        builder.add("nobody.unregistered", "$")


def test_report_refuses_non_findings() -> None:
    with pytest.raises(TypeError):
        Report(("not a finding",))  # type: ignore[arg-type]


def test_all_codes_is_sorted_and_includes_registered_codes() -> None:
    codes = all_codes()
    names = [c.code for c in codes]
    assert names == sorted(names)
    assert MISSING in codes


def test_names_are_imported_from_the_package() -> None:
    from govdisclose import findings

    assert sorted(findings.__all__) == [
        "CODES",
        "Finding",
        "FindingCode",
        "Report",
        "ReportBuilder",
        "Severity",
        "all_codes",
    ]


def test_reports_and_findings_pickle_and_deep_copy() -> None:
    import copy
    import pickle

    report = _sample()
    assert pickle.loads(pickle.dumps(report)) == report
    assert copy.deepcopy(report) == report
    finding = report.findings[1]
    assert pickle.loads(pickle.dumps(finding)).data == {"channel": "网站X"}
    with pytest.raises(TypeError):
        copy.deepcopy(finding).data["channel"] = "x"  # type: ignore[index]


def test_str_of_a_report_is_short_readable_text() -> None:
    assert str(_sample()) == _sample().to_text()
    many = Report(tuple(MISSING.finding(f"$.items[{i}]") for i in range(1000)), "大.json")
    text = str(many)
    assert text.splitlines()[0] == "大.json: 1000 错误 error, 0 警告 warning, 0 提示 info"
    assert len(text.splitlines()) == 12 and text.endswith("… 990 more (共990条未列出)")


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
_json_leaf = st.none() | st.booleans() | st.integers() | _text
_json = st.recursive(
    _json_leaf,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3),
    max_leaves=8,
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from([MISSING, ODD, NOTE]),
            _text,
            _text,
            st.dictionaries(_text, _json, max_size=3),
        ),
        max_size=6,
    ),
    st.none() | _text,
)
def test_round_trip_property(items: list[tuple[FindingCode, str, str, Any]], subject: Any) -> None:
    report = Report(
        tuple(code.finding(path, hint=hint, **{"d": data}) for code, path, hint, data in items),
        subject,
    )
    assert structure(json.loads(json.dumps(unstructure(report))), Report) == report


def test_reading_a_report_refuses_unknown_top_level_keys() -> None:
    with pytest.raises(DataError, match="unknown field"):
        structure({"findings": [], "extra": 1}, Report)


def test_reading_report_text_junk_is_a_library_error() -> None:
    for text in ("[" * 100_000, "{", "not json"):
        with pytest.raises(GovdiscloseError):
            loads(text, Report)


def test_writing_a_report_loads_no_other_area() -> None:
    """The converter writes a report by its shape without loading the audit or the tables."""
    import subprocess
    import sys

    code = (
        "import sys; from govdisclose import dumps; from govdisclose.findings import Report; "
        "dumps(Report(subject='x')); "
        "print(sorted(m for m in ('govdisclose.audit', 'govdisclose.tables', "
        "'govdisclose.requests', 'govdisclose.annual_report', 'jsonschema') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
