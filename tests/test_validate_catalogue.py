"""validate_catalogue: the bundled standards pass; each check fires on a minimal bad catalogue."""

from __future__ import annotations

import copy
from typing import Any

import attrs
import pytest

from govdisclose import VocabularyError, standard
from govdisclose._converter import unstructure
from govdisclose._localize import derive
from govdisclose._model import Catalogue, Provenance, ProvenanceKind, TimeLimit
from govdisclose._vocabulary import Channel, Level, Mode
from govdisclose.checks import is_valid_catalogue, validate_catalogue
from govdisclose.checks._items import WEBSITE_EXEMPTION_FIELD
from govdisclose.findings import CODES, Severity


def county_data() -> dict[str, Any]:
    """A clean local catalogue as JSON-ready data (the county catalogue, renumbered)."""
    data: dict[str, Any] = unstructure(
        derive(standard("work_safety"), "county", publisher="某县应急管理局", renumber=True)
    )
    for item in data["items"]:  # name what the standard leaves to localities
        if "precise_push" in item["channels"]:
            item["push_targets"] = ["危险化学品企业"]
        if "other" in item["channels"]:
            item["other_channels"] = ["12345热线"]
    return data


def codes_at(report: Any) -> set[tuple[str, str]]:
    return {(f.code, f.path) for f in report.findings}


def test_work_safety_standard_has_no_errors_or_warnings() -> None:
    report = validate_catalogue(standard("work_safety"))
    assert report.ok
    assert report.count("warning") == 0
    # the template leaves the target group of 精准推送 and what 其他 is to localities: info
    assert set(report.codes) == {"catalogue.other-channel-unnamed", "catalogue.push-target-missing"}


def test_disaster_relief_standard_only_count_warning_and_provenance_info() -> None:
    report = validate_catalogue(standard("disaster_relief"))
    assert report.ok
    warnings = report.filter("warning").findings
    assert [(f.code, f.data["declared"], f.data["listed"]) for f in warnings] == [
        ("catalogue.item-count-mismatch", 20, 19)
    ]
    reconstructed = report.filter(code="catalogue.reconstructed").findings
    assert [f.path for f in reconstructed] == [
        "$.items[11].provenance[0]",
        "$.items[12].provenance[0]",
    ]
    assert set(reconstructed[0].data["fields"]) == {"audiences", "modes", "levels"}
    assert set(report.codes) == {
        "catalogue.item-count-mismatch",
        "catalogue.reconstructed",
        "catalogue.as-published",
    }


def test_bundled_standards_as_json_data_validate_the_same() -> None:
    for domain in ("work_safety", "disaster_relief"):
        model = validate_catalogue(standard(domain))
        data = validate_catalogue(unstructure(standard(domain)))
        assert [unstructure(f) for f in data] == [unstructure(f) for f in model]


def test_clean_local_catalogue_is_clean() -> None:
    report = validate_catalogue(county_data())
    assert report.findings == ()
    assert is_valid_catalogue(county_data())


@pytest.mark.parametrize(
    "field", ["name", "content", "basis", "time_limit", "subject", "modes", "channels", "audiences"]
)
def test_each_of_the_eight_elements_missing_is_an_error(field: str) -> None:
    data = county_data()
    del data["items"][3][field]
    report = validate_catalogue(data)
    assert ("catalogue.missing-element", f"$.items[3].{field}") in codes_at(report)
    assert report.has_errors
    # the missing element is reported once, not again as a structural problem
    assert [f.path for f in report.findings].count(f"$.items[3].{field}") == 1


@pytest.mark.parametrize(
    ("field", "blank"),
    [
        ("name", "  "),
        ("content", "\u3000"),
        ("subject", ""),
        ("basis", {"text": " "}),
        ("time_limit", " "),
        ("channels", []),
        ("audiences", []),
        ("modes", []),
    ],
)
def test_blank_elements_are_errors(field: str, blank: object) -> None:
    data = county_data()
    data["items"][0][field] = blank
    report = validate_catalogue(data)
    found = report.filter(code="catalogue.missing-element").findings
    assert [f.path for f in found] == [f"$.items[0].{field}"]
    assert found[0].severity is Severity.ERROR
    assert found[0].message_zh and found[0].message_en and found[0].hint


def test_every_problem_is_reported_not_just_the_first() -> None:
    data = county_data()
    data["items"][1]["channels"][1] = "网站X"
    data["items"][4]["audiences"] = ["全体"]
    data["items"][6]["levels"] = []
    data["items"][7]["number"] = "三"
    data["extra"] = 1
    report = validate_catalogue(data)
    assert {
        ("catalogue.unknown-term", "$.items[1].channels[1]"),
        ("catalogue.unknown-term", "$.items[4].audiences[0]"),
        ("catalogue.no-level", "$.items[6].levels"),
        ("catalogue.invalid-data", "$.items[7].number"),
        ("catalogue.invalid-data", "$.extra"),
    } <= codes_at(report)
    # the good items are still checked: a later item with a problem of its own is found too
    data["items"][10]["time_limit"] = "尽快"
    assert ("catalogue.time-limit-unrecognised", "$.items[10].time_limit") in codes_at(
        validate_catalogue(data)
    )


def test_vocabulary_labels_and_variants_are_accepted_in_data() -> None:
    data = county_data()
    data["items"][0]["channels"] = ["门户网站", "政务新媒体"]
    data["items"][0]["levels"] = ["县（区）级"]
    data["items"][0]["first_level"] = "政策文件"
    assert validate_catalogue(data).findings == ()


def test_a_string_where_a_list_belongs_is_one_clear_error() -> None:
    data = county_data()
    data["items"][2]["levels"] = "county"
    report = validate_catalogue(data)
    assert [(f.code, f.path) for f in report.findings] == [
        ("catalogue.invalid-data", "$.items[2].levels")
    ]


def test_numbering_duplicate_and_gap() -> None:
    data = county_data()
    data["items"][1]["number"] = 1  # policy_documents: 1, 1, 3, 4 …
    report = validate_catalogue(data)
    assert ("catalogue.number-duplicate", "$.items[1].number") in codes_at(report)
    assert report.filter(code="catalogue.number-duplicate").findings[0].severity is Severity.ERROR
    gap = report.filter(code="catalogue.number-gap").findings
    assert gap and gap[0].data["first_level"] == "policy_documents"


def test_derived_catalogue_keeps_standard_numbers_and_warns_about_gaps() -> None:
    township = derive(standard("work_safety"), "township")
    report = validate_catalogue(township)
    assert report.ok
    gaps = report.filter(code="catalogue.number-gap").findings
    assert {f.data["first_level"] for f in gaps} == {
        "policy_documents",
        "administrative_management",
        "key_area_disclosure",
    }
    assert not validate_catalogue(
        derive(standard("work_safety"), "township", renumber=True)
    ).filter(code="catalogue.number-gap")


def test_duplicate_items() -> None:
    data = county_data()
    data["items"][2]["name"] = " 法律法规"  # same name as item 0, same first-level
    report = validate_catalogue(data)
    assert ("catalogue.duplicate-item", "$.items[2].name") in codes_at(report)
    data = county_data()
    twin = copy.deepcopy(data["items"][0])
    twin["first_level"] = "key_area_disclosure"
    twin["number"] = (
        len([i for i in data["items"] if i["first_level"] == "key_area_disclosure"]) + 1
    )
    data["items"].append(twin)
    report = validate_catalogue(data)
    dup = report.filter(code="catalogue.duplicate-content").findings
    assert [(f.path, f.severity) for f in dup] == [
        (f"$.items[{len(data['items']) - 1}]", Severity.WARNING)
    ]


def test_unrecognised_time_limit_is_a_warning() -> None:
    data = county_data()
    data["items"][5]["time_limit"] = {"text": "视情况而定"}
    found = validate_catalogue(data).filter(code="catalogue.time-limit-unrecognised").findings
    assert [(f.path, f.severity) for f in found] == [("$.items[5].time_limit", Severity.WARNING)]


def test_proactive_item_off_the_website_warns_unless_justified() -> None:
    data = county_data()
    data["items"][0]["channels"] = ["new_media"]
    report = validate_catalogue(data)
    assert [(f.code, f.path, f.severity.code) for f in report.findings] == [
        ("catalogue.website-missing", "$.items[0].channels", "warning")
    ]
    data["items"][0]["local_fields"] = {
        WEBSITE_EXEMPTION_FIELD: "本乡无政府网站，由县政府网站统一发布"
    }
    report = validate_catalogue(data)
    assert [(f.code, f.severity.code) for f in report.findings] == [
        ("catalogue.website-missing-justified", "info")
    ]
    assert "县政府网站" in report.findings[0].data["reason"]
    # an on-request item need not be on the website
    data = county_data()
    data["items"][0]["channels"] = ["service_center"]
    data["items"][0]["modes"] = ["on_request"]
    assert validate_catalogue(data).findings == ()


def test_website_justification_by_provenance_note() -> None:
    catalogue = derive(standard("work_safety"), "county", renumber=True)
    first = catalogue.items[0]
    note = Provenance(ProvenanceKind.NOTE, "未在政府网站公开：内部查阅", ("channels",))
    merged = Provenance(ProvenanceKind.MERGED_CELL, "政府网站 merged", ("channels",))
    changed = attrs.evolve(first, channels=(Channel.NEW_MEDIA,))
    for notes, code in (
        ((note,), "catalogue.website-missing-justified"),
        ((merged,), "catalogue.website-missing"),
    ):
        items = (attrs.evolve(changed, provenance=notes), *catalogue.items[1:])
        report = validate_catalogue(catalogue.with_items(items))
        assert report.filter(code=code).findings, code


def test_precise_push_and_other_channel_in_a_local_catalogue() -> None:
    data = county_data()
    index = next(i for i, it in enumerate(data["items"]) if "precise_push" in it["channels"])
    del data["items"][index]["push_targets"]
    del data["items"][index]["other_channels"]
    report = validate_catalogue(data)
    found = {(f.code, f.severity.code) for f in report.findings}
    assert found == {
        ("catalogue.push-target-missing", "warning"),
        ("catalogue.other-channel-unnamed", "warning"),
    }
    push = report.filter(code="catalogue.push-target-missing").findings[0]
    position = data["items"][index]["channels"].index("precise_push")
    assert push.path == f"$.items[{index}].channels[{position}]"
    data["items"][0]["push_targets"] = ["学校"]
    assert ("catalogue.push-targets-unused", "$.items[0].push_targets") in codes_at(
        validate_catalogue(data)
    )


def test_declared_item_count() -> None:
    data = county_data()
    data["declared_item_count"] = 3
    report = validate_catalogue(data)
    assert [(f.code, f.severity.code) for f in report.findings] == [
        ("catalogue.item-count-mismatch", "warning")
    ]


def test_level_argument() -> None:
    county = derive(standard("work_safety"), "county", renumber=True)
    report = validate_catalogue(county, level="乡级")
    not_applicable = report.filter(code="catalogue.level-not-applicable").findings
    assert len(not_applicable) == len([i for i in county if Level.TOWNSHIP not in i.levels])
    assert ("catalogue.level-mismatch", "$.level") in codes_at(report)
    # the standard checked as a township catalogue: its county-only items are errors
    relief = standard("disaster_relief")
    report = validate_catalogue(relief, level="township")
    assert [f.path for f in report.filter("error")] == [
        f"$.items[{i}].levels" for i, item in enumerate(relief) if Level.TOWNSHIP not in item.levels
    ]
    assert validate_catalogue(relief, level="county").ok
    # a catalogue's own level is used when none is given
    bad = county.with_items(county.items)
    bad = attrs.evolve(bad, level=Level.TOWNSHIP)
    assert not validate_catalogue(bad).ok


def test_not_a_catalogue() -> None:
    for junk in (None, 0, "", [], "catalogue", [{"items": []}]):
        report = validate_catalogue(junk)
        assert report.codes == ("catalogue.not-a-catalogue",)
        assert report.findings[0].path == "$"


def test_a_single_item_is_refused_saying_to_put_it_in_a_catalogue() -> None:
    (finding,) = validate_catalogue(standard("work_safety").items[0]).findings
    assert (finding.code, finding.path) == ("catalogue.not-a-catalogue", "$")
    assert finding.message_en == "a single item, not a catalogue"
    assert "单个事项" in finding.message_zh and "put the item in a Catalogue" in finding.hint


def test_empty_catalogue() -> None:
    data = county_data()
    data["items"] = []
    assert validate_catalogue(data).codes == ("catalogue.empty",)


def test_hand_built_model_with_wrong_values_gives_findings() -> None:
    catalogue = derive(standard("work_safety"), "county", renumber=True)
    item = attrs.evolve(
        catalogue.items[0],
        name=None,  # type: ignore[arg-type]
        channels=("政府网站",),  # the model reads labels and codes into members
        modes=(Mode.PROACTIVE, Mode.PROACTIVE),
        time_limit=TimeLimit(""),
    )
    assert item.channels == (Channel.GOVERNMENT_WEBSITE,)
    report = validate_catalogue(catalogue.with_items((item, *catalogue.items[1:])))
    assert {
        ("catalogue.missing-element", "$.items[0].name"),
        ("catalogue.duplicate-term", "$.items[0].modes[1]"),
        ("catalogue.missing-element", "$.items[0].time_limit"),
    } <= codes_at(report)
    with pytest.raises(VocabularyError, match="channels"):  # an unknown term, at once
        attrs.evolve(catalogue.items[0], channels=("网站X",))
    junk = Catalogue(domain="work_safety", title="x", items=(1, "a"))  # type: ignore[arg-type]
    report = validate_catalogue(junk)
    assert {f.path for f in report.findings} >= {"$.items[0]", "$.items[1]"}


def test_every_finding_has_registered_code_messages_and_hint() -> None:
    data = county_data()
    data["items"][0] = {"first_level": "政策文件", "number": 0, "levels": []}
    data["items"][1]["channels"] = ["other", "precise_push", "radio_tv"]
    data["items"][1]["other_channels"] = []
    data["items"][2]["time_limit"] = "?"
    report = validate_catalogue(data, level="township")
    assert len(report) > 5
    for finding in report:
        assert finding.code in CODES
        assert finding.message_zh and finding.message_en
        assert finding.path.startswith("$")


def test_is_valid_catalogue_never_raises() -> None:
    assert is_valid_catalogue(standard("work_safety"))
    assert not is_valid_catalogue({"items": 5})
    assert not is_valid_catalogue(object())
    assert not is_valid_catalogue(county_data(), level="省级")  # a bad argument → False


# -- the JSON Schema as the structural check of data ---------------------------------------


def test_schema_errors_become_findings_at_their_json_paths() -> None:
    data = county_data()
    data["items"][3]["channels"] = ["政府网站", "网站X"]  # a label, then nothing known
    data["items"][4]["name"] = None  # null is as good as missing
    data["items"][5]["number"] = 0  # out of the schema's range
    data["items"][6]["colour"] = "red"  # a field no schema names
    del data["items"][7]["levels"]
    found = codes_at(validate_catalogue(data))
    assert ("catalogue.unknown-term", "$.items[3].channels[1]") in found
    assert ("catalogue.missing-element", "$.items[4].name") in found
    assert ("catalogue.invalid-data", "$.items[5].number") in found
    assert ("catalogue.invalid-data", "$.items[6].colour") in found
    assert ("catalogue.no-level", "$.items[7].levels") in found
    assert not any(path == "$.items[3].channels[0]" for _, path in found)


def test_what_the_reader_accepts_beyond_the_schema_is_not_a_finding() -> None:
    """Chinese labels and variants, and a time limit given as its text, are read as such."""
    data = county_data()
    for item in data["items"]:
        item["channels"] = [Channel(code).label for code in item["channels"]]
        item["levels"] = ["县（区）级" if level == "county" else "乡镇" for level in item["levels"]]
        item["time_limit"] = item["time_limit"]["text"]
    data["domain"] = "安全生产"
    assert codes_at(validate_catalogue(data)) == codes_at(validate_catalogue(county_data()))


@pytest.mark.parametrize("junk", [[], "catalogue", None, 3, [{"title": "x"}]])
def test_data_that_is_not_a_catalogue_object_is_an_error(junk: Any) -> None:
    report = validate_catalogue(junk)
    assert not report.ok
    assert report.codes == ("catalogue.not-a-catalogue",)
    assert not is_valid_catalogue(junk)


def test_a_catalogue_without_items_is_an_error() -> None:
    data = county_data()
    assert validate_catalogue({**data, "items": []}).codes == ("catalogue.empty",)
    del data["items"]
    report = validate_catalogue(data)
    assert not report.ok and [f.path for f in report.filter(severity="error")] == ["$.items"]


def test_valid_data_does_not_load_jsonschema() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from govdisclose import standard, unstructure, validate_catalogue; "
        "assert validate_catalogue(unstructure(standard('work_safety'))).ok; "
        "print('jsonschema' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("text", ["[]", "{}", '"catalogue"', "3"])
def test_validate_command_refuses_data_with_nothing_to_check(
    text: str, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """``govdisclose validate`` of ``[]`` is unusable input (exit 2), not a clean pass."""
    from govdisclose.cli import main

    path = tmp_path / "x.json"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    assert main(["validate", "--kind", "catalogue", str(path)]) in (1, 2)
    assert "Traceback" not in capsys.readouterr().err
