"""Documents for the schema tests: valid ones the library writes, and invalid ones.

Shared by tests/test_schema.py (Python's jsonschema) and tests/test_schema_ajv.py (Ajv), so
that both implementations judge the same documents.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from govdisclose import standards
from govdisclose._converter import unstructure
from govdisclose.audit import audit_records
from govdisclose.calendar._arrangement_files import (
    arrangement_from_document,
    arrangement_to_document,
)
from govdisclose.calendar._workcalendar import WorkCalendar, default_calendar
from govdisclose.checks import validate_catalogue, validate_document
from govdisclose.deadlines import (
    annual_report_deadline,
    meeting_invitation_deadline,
    opinion_response_deadline,
    proactive_deadline,
    request_reply_deadline,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "govdisclose" / "data"

Case = tuple[str, str, Any]  # (label, schema name, document)

RECORD = {
    "id": "2024-17",
    "title": "关于做好汛期安全防范工作的通知",
    "document_number": "某应急〔2024〕17号",
    "issued": "2024-09-20",
    "attribute": "proactive",
    "marking": "此件公开发布",
    "review": {"reviewer": "办公室", "reviewed_on": "2024-09-18"},
    "published": "2024-10-30",
    "channels": ["government_website", "new_media"],
    "url": "https://yjj.example.gov.cn/zwgk/2024-17.html",
    "needs_interpretation": True,
    "interpretation": {"published": "2024-10-30", "id": "jd-2024-17"},
}


LOG = [
    {
        "domain": "work_safety",
        "item": "法律法规",
        "formed": "2024-09-27",
        "published": "2024-10-25",
    },
    {
        "domain": "work_safety",
        "item": "administrative_management.3",
        "formed": "2024-09-27",
        "published": "2024-11-04",
        "channel": "政府网站",
        "title": "行政执法公示",
        "id": "A-2",
    },
    {"domain": "disaster_relief", "item": "预警信息", "formed": "2024-12-20", "published": None},
    {"domain": "work_safety", "item": "动态信息", "formed": "2024-12-20"},
]


def arrangement_example() -> dict[str, Any]:
    """The bundled example arrangement file, in its JSON form (TOML dates as ISO text)."""
    text = (DATA / "arrangement-example.toml").read_text(encoding="utf-8")
    return json.loads(json.dumps(tomllib.loads(text), default=dt.date.isoformat))


def valid_cases() -> Iterator[Case]:
    """Documents the library writes (or reads as they are): each must be schema-valid."""
    for catalogue in standards():
        data = unstructure(catalogue)
        yield f"standard {catalogue.domain.code}", "catalogue", data
        for index, item in enumerate(data["items"]):
            yield f"{catalogue.domain.code} item {index}", "catalogue-item", item
    broken = unstructure(standards()[0])
    del broken["items"][0]["channels"]
    broken["items"][1]["channels"] = ["网站X"]
    yield "report of a broken catalogue", "findings-report", unstructure(validate_catalogue(broken))
    yield "empty report", "findings-report", {"subject": None, "ok": True, "findings": []}
    yield "record", "document-record", RECORD
    yield "minimal record", "document-record", {"id": "1", "title": "x"}
    late = unstructure(validate_document(RECORD))
    yield "report on a record", "findings-report", late
    for i, record in enumerate(LOG):
        yield f"log record {i}", "publication-log-record", record
    audit = audit_records(LOG, as_of=dt.date(2025, 1, 31))
    yield "audit report", "findings-report", unstructure(audit.report)
    yield "audit", "audit-report", unstructure(audit)
    for label, document in audit_outputs():
        yield label, "audit-report" if "records" in document else "audit-record-result", document
    for label, info in day_infos():
        yield label, "day-info", info
    yield "reply deadline", "deadline", unstructure(request_reply_deadline(dt.date(2024, 9, 27)))
    for i, deadline in enumerate(
        opinion_response_deadline(dt.datetime(2024, 9, 30, 22), major=True)
    ):
        yield f"opinion deadline {i}", "deadline", unstructure(deadline)
    yield "annual report", "deadline", unstructure(annual_report_deadline(2025))
    yield "meeting", "deadline", unstructure(meeting_invitation_deadline(dt.date(2024, 6, 3)))
    promptly = proactive_deadline(dt.date(2024, 5, 6), "按进展情况及时公开")
    yield "not assessable", "deadline", unstructure(promptly)
    provisional = proactive_deadline(
        dt.date(2026, 12, 20),
        "信息形成或变更之日起20个工作日内",
        calendar=default_calendar(provisional=True),
    )
    yield "provisional", "deadline", unstructure(provisional)
    example = arrangement_example()
    yield "arrangement example", "arrangement", example
    arrangement = arrangement_from_document(example)
    yield "arrangement written back", "arrangement", arrangement_to_document(arrangement)
    for year in (2015, 2020, 2024):  # 2015 and 2020: amended days with their notice
        official = WorkCalendar.official().arrangement(year)
        yield f"official {year}", "arrangement", arrangement_to_document(official)
    yield from annual_report_cases()


def annual_report_cases() -> Iterator[Case]:
    """Yearly reports as the library writes them (invented figures)."""
    from govdisclose.annual_report import AnnualReport, read_report_document, to_document

    invented = ROOT / "tests" / "data" / "annual_report" / "invented-county-2025.json"
    document = json.loads(invented.read_text(encoding="utf-8"))
    yield "invented yearly report", "annual-report", document
    blank = AnnualReport.from_counts(body="某某镇人民政府（示例）", year=2025).completed()
    yield "yearly report form", "annual-report", to_document(blank)
    rows = copy.deepcopy(document)
    rows["table3"]["rows"] = {
        k: v for k, v in rows["table3"]["rows"].items() if "（六）其他处理" not in k
    }
    rows["table3"]["rows"]["（六）其他处理"] = [0] * 7
    trial = read_report_document(rows).report
    yield "yearly report, trial layout", "annual-report", to_document(trial)


#: Records that give every status, every kind of not-assessable and unusable records.
AUDITED_LOG: list[Any] = [
    *LOG,
    {"domain": "work_safety", "item": "法律法规", "formed": "2026-12-15"},  # unknown year
    {"domain": "work_safety", "item": "没有这个事项", "formed": "2024-09-27"},
    {"domain": "disaster_relief", "item": "预警信息", "formed": "2025-03-01"},  # after as-of
    {
        "domain": "work_safety",
        "item": "法律法规",
        "formed": "2024-09-27",
        "published": "2026-01-05",
    },
    {"domain": "消防", "item": "法律法规", "formed": "27/09/2024", "x": 1},
    42,
]


def audit_outputs() -> Iterator[tuple[str, dict[str, Any]]]:
    """An audit report with every kind of count and finding, and each record's result."""
    results: list[Any] = []
    audit = audit_records(
        AUDITED_LOG, as_of=dt.date(2025, 1, 31), on_record=results.append, max_listed=1
    )
    yield "audit with every finding", unstructure(audit)
    for result in results:
        yield f"record result {result.index} ({result.status.code})", unstructure(result)
    calendar = default_calendar(provisional=True)
    provisional = audit_records(
        [{"domain": "work_safety", "item": "法律法规", "formed": "2026-12-15"}],
        as_of=dt.date(2027, 3, 1),
        calendar=calendar,
        on_record=results.append,
    )
    yield "provisional audit", unstructure(provisional)
    yield "provisional record result", unstructure(results[-1])


def day_infos() -> Iterator[tuple[str, dict[str, Any]]]:
    """Days of every kind, as DayInfo.to_dict writes them."""
    calendar = default_calendar(provisional=True)
    for day in ("2024-10-01", "2024-10-05", "2024-10-08", "2024-10-12", "2024-10-13", "2027-10-01"):
        info = calendar.day_info(dt.date.fromisoformat(day))
        yield f"day {day} ({info.kind.code})", unstructure(info)


def _item() -> dict[str, Any]:
    return copy.deepcopy(unstructure(standards()[0].items[0]))


def invalid_cases() -> Iterator[Case]:
    """Documents that break the schema (and, except where said, the library's reader)."""
    item = _item()

    def changed(**changes: Any) -> dict[str, Any]:
        out = copy.deepcopy(item)
        for key, value in changes.items():
            if value is ...:
                del out[key]
            else:
                out[key] = value
        return out

    report = next(annual_report_cases())[2]
    for label, change in (
        ("half-width label", lambda d: d["table2"].update({"行政许可(示例)": {}})),
        (
            "negative count",
            lambda d: d["table3"]["rows"]["四、结转下年度继续办理"].__setitem__(0, -1),
        ),
        ("six cells", lambda d: d["table3"]["rows"]["四、结转下年度继续办理"].pop()),
        ("level label", lambda d: d.update(level="县级")),  # the check reads it; not canonical
    ):
        broken = copy.deepcopy(report)
        change(broken)
        yield f"yearly report: {label}", "annual-report", broken
    yield "item without name", "catalogue-item", changed(name=...)
    yield "item without channels", "catalogue-item", changed(channels=...)
    yield "unknown field", "catalogue-item", changed(url="https://x")
    yield "unknown channel", "catalogue-item", changed(channels=["网站X"])
    # The reader accepts labels and variants; the canonical form uses codes.
    yield "label instead of code", "catalogue-item", changed(channels=["两微一端"])
    yield "number as text", "catalogue-item", changed(number="1")
    yield "channels not a list", "catalogue-item", changed(channels="government_website")
    yield "time limit as text", "catalogue-item", changed(time_limit="每年1月31日前")
    yield (
        "service level 0",
        "catalogue-item",
        changed(time_limit={"text": "按进展情况及时公开", "service_level_workdays": 0}),
    )
    yield (
        "unknown rule kind",
        "catalogue-item",
        changed(time_limit={"text": "x", "rule": {"kind": "someday"}}),
    )
    yield (
        "rule with extra key",
        "catalogue-item",
        changed(time_limit={"text": "x", "rule": {"kind": "unrecognised", "days": 3}}),
    )
    yield "local field not text", "catalogue-item", changed(local_fields={"网址": 3})
    yield "number below 1", "catalogue-item", changed(number=0)
    yield "negative number", "catalogue-item", changed(number=-5)
    catalogue = unstructure(standards()[1])
    yield "negative declared count", "catalogue", {**catalogue, "declared_item_count": -1}
    yield (
        "catalogue without items",
        "catalogue",
        {k: v for k, v in catalogue.items() if k != "items"},
    )
    yield "catalogue with a bad item", "catalogue", {**catalogue, "items": [changed(name=...)]}
    yield "unknown domain", "catalogue", {**catalogue, "domain": "fire"}
    yield "record without title", "document-record", {"id": "1"}
    yield "record with a date in Chinese", "document-record", {**RECORD, "issued": "5月6日"}
    yield (
        "record with a marking as attribute",
        "document-record",
        {**RECORD, "attribute": "此件公开发布"},
    )
    yield "review without date", "document-record", {**RECORD, "review": {"reviewer": "办公室"}}
    finding = {
        "code": "catalogue.no-such-code",
        "severity": "error",
        "path": "$",
        "message_zh": "x",
        "message_en": "x",
    }
    yield "unregistered code", "findings-report", {"findings": [finding]}
    good = {**finding, "code": "catalogue.missing-element"}
    yield (
        "finding without path",
        "findings-report",
        {"findings": [{k: v for k, v in good.items() if k != "path"}]},
    )
    yield "finding with extra key", "findings-report", {"findings": [{**good, "line": 3}]}
    yield "severity label", "findings-report", {"findings": [{**good, "severity": "错误"}]}
    log = LOG[0]
    yield "log record without formed", "publication-log-record", {**log, "formed": None}
    yield "log record with blank item", "publication-log-record", {**log, "item": " "}
    # The audit reads these too; the canonical form has codes and ISO dates.
    yield "log record with a slash date", "publication-log-record", {**log, "formed": "2024/9/27"}
    yield "log record with a domain label", "publication-log-record", {**log, "domain": "安全生产"}
    deadline = unstructure(request_reply_deadline(dt.date(2024, 9, 27)))
    yield "deadline without due", "deadline", {k: v for k, v in deadline.items() if k != "due"}
    yield "deadline with a bad kind", "deadline", {**deadline, "kind": "reply"}
    yield "deadline step without text", "deadline", {**deadline, "explanation": [{"kind": "note"}]}
    audit = dict(next(audit_outputs())[1])
    yield "audit without ok", "audit-report", {k: v for k, v in audit.items() if k != "ok"}
    yield "audit with an extra key", "audit-report", {**audit, "first_problem": "x"}
    yield "audit with an unknown format", "audit-report", {**audit, "format": "CSV"}
    yield (
        "audit with a negative count",
        "audit-report",
        {**audit, "totals": {**audit["totals"], "late": -1}},
    )
    yield (
        "audit with an unknown reason",
        "audit-report",
        {**audit, "items": [{**audit["items"][0], "reasons": {"someday": 1}}]},
    )
    yield (
        "audit with a bad finding",
        "audit-report",
        {**audit, "report": {**audit["report"], "findings": [{"code": "audit.late"}]}},
    )
    record = next(r for label, r in audit_outputs() if label.startswith("record result 0"))
    yield "record result with a status label", "audit-record-result", {**record, "status": "逾期"}
    yield (
        "record result without problems",
        "audit-record-result",
        {k: v for k, v in record.items() if k != "problems"},
    )
    yield "record result with a bad date", "audit-record-result", {**record, "due": "2024/10/30"}
    day = next(day_infos())[1]
    yield "day without kind", "day-info", {k: v for k, v in day.items() if k != "kind"}
    yield "day with weekday 0", "day-info", {**day, "weekday": 0}
    yield "day with a festival label", "day-info", {**day, "holiday": "国庆节"}
    yield "day with an extra key", "day-info", {**day, "lunar": "九月初一"}
    example = arrangement_example()
    yield (
        "arrangement without holidays",
        "arrangement",
        {k: v for k, v in example.items() if k != "holidays"},
    )
    yield (
        "arrangement with a bad date",
        "arrangement",
        {**example, "holidays": [{"days_off": ["2026-2-15"]}]},
    )
    yield (
        "arrangement entry without dates",
        "arrangement",
        {**example, "holidays": [{"festival": "春节"}]},
    )


def as_json(document: Any) -> Any:
    """The document as it travels: through JSON text (tuples become lists, and so on)."""
    return json.loads(json.dumps(document, ensure_ascii=False))
