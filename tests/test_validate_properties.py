"""Properties of the validators over generated catalogues and document records (hypothesis)."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclose import standard
from govdisclose._converter import unstructure
from govdisclose._localize import derive, match_items
from govdisclose._model import Catalogue
from govdisclose._vocabulary import Domain, Level
from govdisclose.calendar._workcalendar import WorkCalendar
from govdisclose.checks import compare_with_standard, validate_catalogue, validate_document
from strategies import catalogues

CAL = WorkCalendar.official()


@settings(max_examples=30, deadline=None)
@given(catalogues())
def test_model_and_its_json_data_give_the_same_findings(catalogue: Catalogue) -> None:
    from_model = validate_catalogue(catalogue)
    from_data = validate_catalogue(unstructure(catalogue))
    assert [(f.code, f.path) for f in from_data] == [(f.code, f.path) for f in from_model]


@settings(max_examples=30, deadline=None)
@given(catalogues())
def test_comparing_any_catalogue_gives_a_report_with_paths_into_it(catalogue: Catalogue) -> None:
    report = compare_with_standard(catalogue)
    for finding in report:
        assert finding.path == "$.items" or finding.path.startswith(("$.items[", "$.domain"))
    added = len(report.filter(code="localize.added-item"))
    matched = len(match_items(catalogue, standard(catalogue.domain)).matches)
    if "localize.domain-mismatch" not in report.codes:
        assert added + matched == len(catalogue)


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(list(Domain)),
    st.sampled_from(list(Level)),
    st.booleans(),
    st.data(),
)
def test_removing_items_from_a_derived_catalogue_reports_exactly_them(
    domain: Domain, level: Level, renumber: bool, data: st.DataObject
) -> None:
    local = derive(standard(domain), level, renumber=renumber)
    keep = data.draw(st.lists(st.booleans(), min_size=len(local), max_size=len(local)))
    kept = [item for item, k in zip(local.items, keep, strict=True) if k]
    removed = [
        item for item, k in zip(derive(standard(domain), level).items, keep, strict=True) if not k
    ]
    report = compare_with_standard(attrs.evolve(local, items=tuple(kept)))
    assert report.codes in ((), ("localize.missing-item",))
    assert sorted(f.data["standard_id"] for f in report) == sorted(i.id for i in removed)


@settings(max_examples=100, deadline=None)
@given(
    st.dates(dt.date(2004, 1, 1), dt.date(2026, 11, 1)),
    st.integers(0, 60),
)
def test_published_late_exactly_when_after_20_working_days(issued: dt.date, after: int) -> None:
    published = issued + dt.timedelta(days=after)
    record = {
        "id": "1",
        "title": "通知",
        "issued": issued.isoformat(),
        "attribute": "proactive",
        "marking": "此件公开发布",
        "published": published.isoformat(),
        "channels": ["government_website"],
    }
    report = validate_document(record, calendar=CAL, as_of=dt.date(2026, 12, 31))
    due = CAL.add_workdays(issued, 20)
    if published > due:
        (finding,) = report.findings
        assert finding.code == "document.published-late"
        assert finding.data["late_workdays"] == CAL.workdays_between(due, published)
    else:
        assert report.findings == ()
