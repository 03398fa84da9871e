"""Reading requests ledgers: CSV, XLSX and JSON, tolerant, every unusable cell located.

The ledgers are invented (an imaginary county bureau); the header and channel spellings of
the real-data tests are transcribed, with their sources, in tests/data/requests/.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclose._errors import DataError, InputError
from govdisclose.requests import (
    ApplicantCategory,
    Consultation,
    FeeNotice,
    Ledger,
    Outcome,
    Reply,
    Request,
    Review,
    ledger_status,
    ledger_to_json,
    read_ledger,
    read_ledger_data,
    read_ledger_rows,
)
from govdisclose.schemas import schema

DATA = Path(__file__).parent / "data" / "requests"
D = dt.date

HEADER = [
    "申请编号", "收到申请日期", "提交方式", "申请人类型", "申请人", "申请内容",
    "告知补正日期", "收到补正日期", "延期天数", "延期日期",
    "征求意见对象", "征求意见日期", "意见答复日期", "征求意见日期2", "意见答复日期2",
    "收费方式", "收费通知日期", "收费金额", "页数", "缴费日期",
    "答复日期", "办理结果", "复议诉讼", "复议诉讼结果", "复议诉讼日期", "备注",
]  # fmt: skip


def row(**cells: object) -> list[object]:
    out: list[object] = [""] * len(HEADER)
    for name, value in cells.items():
        out[HEADER.index(name)] = value
    return out


def _lines(*rows: list[object]) -> str:
    return "\n".join(",".join(str(c) for c in r) for r in (HEADER, *rows)) + "\n"


FULL = row(
    申请编号="2025-014",
    收到申请日期="2025年6月3日",
    提交方式="网上申请",
    申请人类型="法人或其他组织-商业企业",
    申请人="某某化工有限公司",
    申请内容="2024年本县危险化学品企业安全检查记录",
    告知补正日期="2025/6/5",
    收到补正日期="2025-06-09",
    延期天数="10",
    延期日期="2025-07-01",
    征求意见对象="第三方",
    征求意见日期="2025-06-12",
    意见答复日期="2025-06-20",
    征求意见日期2="2025-06-16",
    意见答复日期2="2025-06-18",
    答复日期="2025-07-15",
    办理结果="（二）部分公开",
    复议诉讼="行政复议",
    复议诉讼结果="结果维持",
    复议诉讼日期="2025-08-01",
)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# -- CSV ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_a_full_row_is_read(tmp_path: Path, encoding: str) -> None:
    reading = read_ledger(write(tmp_path, "台账.csv", _lines(FULL), encoding))
    assert reading.report.findings == () and reading.ok
    (r,) = reading.ledger.requests
    assert r.received == D(2025, 6, 3) and r.channel is not None and r.channel.code == "online"
    assert r.applicant_category is ApplicantCategory.COMMERCIAL_ENTERPRISE
    assert (r.supplement_requested, r.supplement_received) == (D(2025, 6, 5), D(2025, 6, 9))
    assert (r.extension_days, r.extended_on) == (10, D(2025, 7, 1))
    assert r.consultations == (
        Consultation(D(2025, 6, 12), "third_party", D(2025, 6, 20)),
        Consultation(D(2025, 6, 16), "third_party", D(2025, 6, 18)),
    )
    assert r.reply == Reply(D(2025, 7, 15), Outcome.PARTLY_DISCLOSED)
    assert r.reviews == (Review("administrative_review", "upheld", filed=D(2025, 8, 1)),)
    assert reading.locations[0]["reply.outcome"] == "台账.csv!V2"


def test_every_unusable_cell_is_a_located_finding(tmp_path: Path) -> None:
    bad = row(
        申请编号="2025-020",
        收到申请日期="2025-02-30",
        申请人类型="个体户",
        延期天数="30",
        收费金额="一百",
        答复日期="下周",
        办理结果="同意公开",
    )
    good = row(申请编号="2025-021", 收到申请日期="2025-03-03", 申请人类型="自然人")
    reading = read_ledger(write(tmp_path, "l.csv", _lines(bad, good)))
    found = [(f.path, f.code, f.severity.code) for f in reading.report.findings]
    assert found == [
        ("l.csv!B2", "requests.bad-cell", "error"),
        ("l.csv!D2", "requests.bad-cell", "error"),
        ("l.csv!I2", "requests.bad-cell", "error"),
        ("l.csv!R2", "requests.bad-cell", "error"),
        ("l.csv!U2", "requests.bad-cell", "error"),
        ("l.csv!V2", "requests.bad-cell", "error"),
    ]
    assert [r.id for r in reading.ledger.requests] == ["2025-021"]
    assert not reading.ok
    first = reading.report.findings[0]
    assert "February 2025 has 28 days" in first.message_en and "2025-02-30" in first.message_en
    assert first.message_zh.startswith("单元格无法读取")
    assert first.data["value"] == "2025-02-30" and first.hint


def test_missing_values_and_contradictions(tmp_path: Path) -> None:
    reading = read_ledger(
        write(
            tmp_path,
            "l.csv",
            _lines(
                row(收到申请日期="2025-03-03", 申请人类型="自然人"),
                row(申请编号="B", 申请人类型="自然人"),
                row(申请编号="C", 收到申请日期="2025-03-03"),
                row(
                    申请编号="D",
                    收到申请日期="2025-03-10",
                    申请人类型="其他",
                    答复日期="2025-03-01",
                    办理结果="予以公开",
                ),
                row(
                    申请编号="E",
                    收到申请日期="2025-03-10",
                    申请人类型="其他",
                    答复日期="2025-03-20",
                ),
                row(申请编号="F", 收到申请日期="2025-03-10", 申请人类型="其他", 收费金额="100"),
                row(
                    申请编号="G",
                    收到申请日期="2025-03-10",
                    申请人类型="其他",
                    复议诉讼结果="结果维持",
                ),
            ),
        )
    )
    found = [(f.path, f.code, f.data.get("field")) for f in reading.report.findings]
    assert found == [
        ("l.csv!A2", "requests.missing-value", "id"),
        ("l.csv!B3", "requests.missing-value", "received"),
        ("l.csv!D4", "requests.missing-value", "applicant_category"),
        ("l.csv!U5", "requests.bad-order", "reply.date"),
        ("l.csv!V6", "requests.bad-order", "reply.outcome"),
        ("l.csv!Q7", "requests.bad-order", "fee.sent"),
        ("l.csv!W8", "requests.bad-order", "reviews[0].kind"),
    ]
    assert reading.ledger.requests == ()


def test_duplicate_ids_columns_and_unknown_columns(tmp_path: Path) -> None:
    text = (
        "编号,受理日期,申请人类别,联系电话,受理号\n"
        "A,2025-03-03,自然人,13800000000,X\n"
        "A,2025-03-04,自然人,,Y\n"
    )
    reading = read_ledger(write(tmp_path, "l.csv", text))
    found = [(f.path, f.code) for f in reading.report.findings]
    assert found == [
        ("l.csv!D1", "requests.unknown-column"),
        ("l.csv!E1", "requests.duplicate-column"),
        ("l.csv!A3", "requests.duplicate-id"),
    ]
    assert [r.received for r in reading.ledger.requests] == [D(2025, 3, 3)]


def test_missing_columns_stop_the_reading_with_findings(tmp_path: Path) -> None:
    reading = read_ledger(write(tmp_path, "l.csv", "编号,申请内容\nA,x\n"))
    assert [(f.code, f.data["field"]) for f in reading.report.findings] == [
        ("requests.missing-column", "applicant_category"),
        ("requests.missing-column", "received"),
    ]
    assert len(reading.ledger) == 0


def test_receipt_date_from_the_channel(tmp_path: Path) -> None:
    text = (
        "编号,申请人类别,提交方式,申请日期,签收日期,确认日期,收到日期\n"
        "P,自然人,邮寄,2025-03-03,2025-03-06,,\n"
        "Q,自然人,网上申请,2025-03-03,,2025-03-05,2025-03-03\n"
        "R,自然人,信函申请,2025-03-03,,,\n"
        "S,自然人,,2025-03-03,,,\n"
    )
    reading = read_ledger(write(tmp_path, "l.csv", text))
    assert [(r.id, r.received) for r in reading.ledger.requests] == [
        ("P", D(2025, 3, 6)),  # by post: the day the agency signed
        ("Q", D(2025, 3, 3)),  # as written, with a warning
    ]
    found = [(f.path, f.code) for f in reading.report.findings]
    assert found == [
        ("l.csv!G3", "requests.receipt-mismatch"),
        ("l.csv!C4", "requests.bad-cell"),
        ("l.csv!G5", "requests.missing-value"),
    ]
    assert "第三十一条" in reading.report.findings[1].message_zh


def test_real_channel_labels_of_a_statistics_form(tmp_path: Path) -> None:
    labels = [
        line for line in (DATA / "dingxi-channels.txt").read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    ]  # fmt: skip
    rows = [["编号", "收到日期", "申请人类别", "申请方式"]]
    rows += [[f"N{i}", "2025-03-03", "自然人", label] for i, label in enumerate(labels)]
    reading = read_ledger_rows(rows, sheet="台账")
    channels = {r.id: r.channel.code if r.channel else None for r in reading.ledger.requests}
    assert channels == {"N0": "in_person", "N1": "fax", "N2": "online", "N3": "online"}
    # 信函 does not say signed-for post or ordinary letter; 其他形式 is no channel of 第三十一条.
    assert [(f.path, f.code) for f in reading.report.findings] == [
        ("台账!D6", "requests.bad-cell"),
        ("台账!D7", "requests.bad-cell"),
    ]


def test_real_application_form_headers(tmp_path: Path) -> None:
    labels = [
        line for line in (DATA / "application-form-headers.txt").read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    ]  # fmt: skip
    rows = [
        [*labels, "提交方式", "申请人类别"],
        [
            "沪文2025-3",
            "2025-04-07",
            "安全生产检查记录",
            "电子邮件",
            "纸质文本",
            "当面提交",
            "自然人",
        ],
    ]
    reading = read_ledger_rows(rows, sheet="登记")
    (r,) = reading.ledger.requests
    assert (r.id, r.submitted, r.received) == ("沪文2025-3", D(2025, 4, 7), D(2025, 4, 7))
    assert r.subject == "安全生产检查记录"
    assert [(f.path, f.code) for f in reading.report.findings] == [
        ("登记!D1", "requests.unknown-column"),
        ("登记!E1", "requests.unknown-column"),
    ]


def test_header_below_a_title_and_serial_number_as_id() -> None:
    rows = [
        ["某县应急管理局2025年依申请公开台账", None, None],
        [None, None, None],
        ["序号", "收到日期", "申请人类别"],
        [1, "2025-01-06", "自然人"],
        [None, None, None],
        [2, "2025-01-07", "科研机构"],
    ]
    reading = read_ledger_rows(rows, sheet="2025")
    assert [(r.id, r.received) for r in reading.ledger.requests] == [
        ("1", D(2025, 1, 6)),
        ("2", D(2025, 1, 7)),
    ]
    assert reading.locations[1][""] == "2025!A6"


def test_tables_without_a_ledger_header() -> None:
    with pytest.raises(InputError, match="no ledger header"):
        read_ledger_rows([["a", "b"], [1, 2]], sheet="S")


def test_extension_spellings(tmp_path: Path) -> None:
    rows = [["编号", "收到日期", "申请人类别", "是否延期"]]
    rows += [
        [f"X{i}", "2025-01-06", "自然人", v] for i, v in enumerate(["是", "否", "15个工作日", "21"])
    ]
    reading = read_ledger_rows(rows, sheet="S")
    assert [r.extension_days for r in reading.ledger.requests] == [20, 0, 15]
    assert [f.path for f in reading.report.findings] == ["S!D5"]


def test_a_part_without_its_required_value_names_the_missing_column() -> None:
    rows = [
        [
            "编号",
            "收到日期",
            "申请人类别",
            "收费金额",
            "收费通知日期",
            "征求意见对象",
            "征求意见日期2",
        ],
        ["A", "2025-03-03", "自然人", "100", "2025-03-05", "", ""],
        ["B", "2025-03-03", "自然人", "", "", "第三方", "2025-03-06"],
    ]
    reading = read_ledger_rows(rows, sheet="S")
    found = [(f.path, f.code, f.data["field"]) for f in reading.report.findings]
    assert found == [
        ("S!A2", "requests.bad-order", "fee.basis"),
        ("S!A3", "requests.bad-order", "consultations[0].sent"),
    ]
    fee, consultation = reading.report.findings
    assert "“收费方式”" in fee.message_zh and "“征求意见日期”" in consultation.message_zh
    assert reading.ledger.requests == ()


def test_csv_with_a_quote_left_open_is_refused_at_its_line(tmp_path: Path) -> None:
    text = (
        '编号,收到日期,申请人类别,申请内容\nA,2025-03-03,自然人,"检查记录\nB,2025-03-04,自然人,x\n'
    )
    with pytest.raises(InputError, match=r"l\.csv: line 2: a quote .* is never closed"):
        read_ledger(write(tmp_path, "l.csv", text))


# -- XLSX --------------------------------------------------------------------------------------


def _xlsx(tmp_path: Path, rows: list[list[Any]], title: str = "台账") -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "说明"
    ws.append(["本工作簿记录依申请公开申请"])
    data = wb.create_sheet(title)
    for r in rows:
        data.append(r)
    path = tmp_path / "ledger.xlsx"
    wb.save(path)
    return path


def test_xlsx_with_date_cells(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path,
        [
            ["申请编号", "收到申请时间", "申请人类型", "答复日期", "办理结果"],
            ["A", dt.datetime(2025, 3, 3, 16, 45), "自然人", dt.datetime(2025, 3, 20), "予以公开"],
            ["B", 45720, "商业企业", None, None],
        ],
    )
    reading = read_ledger(path)
    (a,) = reading.ledger.requests
    assert (a.received, a.received_time) == (D(2025, 3, 3), "16:45")
    assert a.reply == Reply(D(2025, 3, 20), "disclosed")
    (finding,) = reading.report.findings
    assert finding.path == "台账!B3" and "Excel" in finding.message_en
    assert read_ledger(path, sheet="台账").ledger == reading.ledger
    with pytest.raises(InputError, match="no sheet holds a ledger"):
        read_ledger(path, sheet="说明")
    timed = _xlsx(  # a time cell under 收到时刻
        tmp_path,
        [
            ["申请编号", "收到申请日期", "收到时刻", "申请人类型"],
            ["T", "2025-03-03", dt.time(9, 5), "自然人"],
        ],
    )
    assert read_ledger(timed).ledger.requests[0].received_time == "09:05"


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not an XLSX workbook but a text file"):
        read_ledger(write(tmp_path, "fake.xlsx", "编号,收到日期\n"))
    with pytest.raises(InputError, match=r"\.xlsx, \.csv or \.json"):
        read_ledger(write(tmp_path, "l.xls", "x"))
    with pytest.raises(InputError, match="no ledger header"):
        read_ledger(write(tmp_path, "l.csv", "a,b\n1,2\n"))
    with pytest.raises(InputError, match="not valid JSON"):
        read_ledger(write(tmp_path, "l.json", "{"))
    with pytest.raises(InputError):
        read_ledger(tmp_path / "missing.csv")


# -- JSON --------------------------------------------------------------------------------------


def _sample() -> Ledger:
    return Ledger(
        [
            Request(
                "2025-014",
                D(2025, 6, 3),
                "商业企业",
                subject="检查记录",
                applicant="某某公司",
                channel="post",
                signed_for=D(2025, 6, 3),
                received_time="09:30",
                consultations=[Consultation(D(2025, 6, 12), "agency", D(2025, 6, 20))],
                fee=FeeNotice(D(2025, 6, 13), "per_page", amount=90, pages=40, paid=D(2025, 6, 16)),
                reply=Reply(D(2025, 7, 15), "not_disclosed.process_information"),
                reviews=[Review("lawsuit_direct", "pending", filed=D(2025, 8, 1))],
                note="复杂",
            ),
            Request("2025-015", D(2025, 6, 4), "natural_person"),
        ],
        body="某县应急管理局",
    )


def test_json_round_trip_and_schema() -> None:
    from jsonschema import Draft202012Validator

    data = ledger_to_json(_sample())
    reading = read_ledger_data(data)
    assert reading.report.findings == () and reading.ledger == _sample()
    validator = Draft202012Validator(schema("requests-ledger"))
    assert list(validator.iter_errors(data)) == []
    data["requests"][0]["reply"]["outcome"] = "予以公开"  # a label: read, not canonical
    assert list(validator.iter_errors(data))
    assert read_ledger_data(data).ledger.requests[0].reply == Reply(D(2025, 7, 15), "disclosed")


def test_json_file_with_chinese_keys(tmp_path: Path) -> None:
    data = [
        {
            "申请编号": "J1",
            "收到日期": "2025-03-03",
            "申请人类别": "自然人",
            "答复日期": "2025-03-10",
            "办理结果": "（四）无法提供 1.本机关不掌握相关政府信息",
        }
    ]
    path = write(tmp_path, "l.json", json.dumps(data, ensure_ascii=False))
    (r,) = read_ledger(path).ledger.requests
    assert r.reply is not None and r.reply.outcome is Outcome.UNAVAILABLE_NOT_HELD


def test_json_findings_are_json_paths() -> None:
    data = {
        "body": "某县应急管理局",
        "extra": 1,
        "requests": [
            {"id": "A", "received": "2025-03-03", "applicant_category": "natural_person",
             "reply": {"date": "2025-03-10", "outcome": "同意公开", "by": "x"}},
            {"id": "B", "received": 20250303, "applicant_category": "other"},
            {"id": "C", "received": "2025-03-03", "applicant_category": "other",
             "consultations": {"sent": "2025-03-04"}},
            "D",
            {"id": "E", "received": "2025-03-03", "applicant_category": "other", "phone": "1"},
        ],
    }  # fmt: skip
    reading = read_ledger_data(data)
    found = [(f.path, f.code) for f in reading.report.findings]
    assert found == [
        ("$.extra", "requests.unknown-key"),
        ("$.requests[0].reply.by", "requests.unknown-key"),
        ("$.requests[0].reply.outcome", "requests.bad-cell"),
        ("$.requests[1].received", "requests.bad-cell"),
        ("$.requests[2].consultations", "requests.bad-cell"),
        ("$.requests[3]", "requests.bad-cell"),
        ("$.requests[4].phone", "requests.unknown-key"),
    ]
    assert [r.id for r in reading.ledger.requests] == ["E"]
    with pytest.raises(InputError, match="needs a 'requests' list"):
        read_ledger_data({"body": "x"})
    with pytest.raises(InputError, match="expected a list of requests"):
        read_ledger_data("x")


def test_status_findings_point_at_the_files_cells(tmp_path: Path) -> None:
    text = "编号,收到日期,申请人类别,告知补正日期\nN,2025-03-03,自然人,2025-03-13\n"
    reading = read_ledger(write(tmp_path, "l.csv", text))
    status = ledger_status(reading.ledger, D(2025, 3, 20), locations=reading.locations)
    assert [(f.path, f.code) for f in status.report.findings] == [
        ("l.csv!D2", "requests.late-supplement-notice")
    ]


# -- robustness --------------------------------------------------------------------------------

_CELLS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["2025-03-04", "2025/3/4", "2025-02-30", "予以公开", "自然人", "20", "是"]),
    st.dates(min_value=D(1990, 1, 1), max_value=D(2040, 12, 31)),
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2040, 12, 31)),
    st.times(),
)


@settings(max_examples=200, deadline=None)
@given(
    header=st.lists(st.one_of(st.sampled_from(HEADER), _CELLS), min_size=0, max_size=6),
    rows=st.lists(st.lists(_CELLS, max_size=len(HEADER) + 2), max_size=6),
)
def test_any_table_is_read_or_refused_never_crashes(
    header: list[object], rows: list[list[object]]
) -> None:
    table = [[*HEADER[:3], "申请人类型", *header], *rows]
    reading = read_ledger_rows(table, sheet="S")
    if any(f.code == "requests.missing-column" for f in reading.report.findings):
        assert len(reading.ledger) == 0
        return
    loaded_rows = {int(where[""].split("!A")[1]) for where in reading.locations}
    reported = {
        int(match.group(1))
        for f in reading.report.findings
        if f.severity.code == "error" and (match := re.fullmatch(r"S![A-Z]+(\d+)", f.path))
    }
    for index, row in enumerate(rows, start=2):
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in row):
            continue
        # every row with something in it is loaded or has an error finding in its cells
        assert (index in loaded_rows) != (index in reported), index


@settings(max_examples=200, deadline=None)
@given(
    data=st.recursive(
        _CELLS.filter(lambda v: not isinstance(v, (dt.date, dt.time))),
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(
                st.sampled_from(["id", "received", "applicant_category", "reply", "fee",
                                 "consultations", "reviews", "date", "outcome", "收到日期", "x"]),
                inner,
                max_size=5,
            ),
        ),
        max_leaves=12,
    )
)  # fmt: skip
def test_any_json_is_read_or_refused_never_crashes(data: object) -> None:
    try:
        reading = read_ledger_data({"requests": data} if isinstance(data, list) else data)
    except InputError:
        return
    assert isinstance(reading.ledger, Ledger)


def test_an_empty_ledger_is_said_so() -> None:
    reading = read_ledger_rows([["编号", "收到日期", "申请人类别"], [None, "", None]], sheet="S")
    assert [(f.path, f.code) for f in reading.report.findings] == [("S!A1", "requests.empty")]
    assert read_ledger_data([]).report.findings[0].path == "$"


# -- writing and reading back ------------------------------------------------------------------

from govdisclose.requests import ledger_to_rows  # noqa: E402
from requests_strategies import full_ledgers  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(ledger=full_ledgers())
def test_rows_written_read_back_the_same(ledger: Ledger) -> None:
    rows = ledger_to_rows(ledger)
    reading = read_ledger_rows(rows, sheet="台账")
    if ledger.requests:
        assert reading.report.findings == ()
    assert reading.ledger == ledger
    # and JSON too
    assert read_ledger_data(ledger_to_json(ledger)).ledger == ledger


# -- workbooks ---------------------------------------------------------------------------------

from govdisclose.requests import LEDGER_SHEET, ledger_to_xlsx  # noqa: E402


@settings(max_examples=40, deadline=None)
@given(ledger=full_ledgers())
def test_a_workbook_written_reads_back_the_same(ledger: Ledger) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "台账.xlsx"
        path.write_bytes(ledger_to_xlsx(ledger))
        reading = read_ledger(path)
    if ledger.requests:
        assert reading.report.findings == ()
    assert reading.ledger == ledger


def test_workbook_cells_are_text_never_formulas(tmp_path: Path) -> None:
    import openpyxl

    ledger = Ledger(
        [
            Request("2025-001", D(2025, 3, 3), "自然人", subject='=HYPERLINK("x")'),
            Request("007", D(2025, 3, 4), "商业企业", note="+1"),
        ]
    )
    path = tmp_path / "台账.xlsx"
    path.write_bytes(ledger_to_xlsx(ledger))
    ws = openpyxl.load_workbook(path)[LEDGER_SHEET]
    assert ws.freeze_panes == "A2"
    values = {cell.value: cell.data_type for row in ws.iter_rows() for cell in row if cell.value}
    assert values['=HYPERLINK("x")'] == "s" and values["2025-001"] == "s"
    assert values["007"] == "s"
    assert read_ledger(path).ledger == ledger


def test_workbook_text_a_cell_cannot_hold_is_refused_with_its_cell() -> None:
    ledger = Ledger([Request("1", D(2025, 3, 3), "自然人", subject="a\x01b")])
    with pytest.raises(DataError) as raised:
        ledger_to_xlsx(ledger)
    assert raised.value.path == "依申请公开台账!J2"
    with pytest.raises(InputError):
        ledger_to_xlsx(Ledger([]), sheet="a/b")


# -- the structure of ledger JSON: checked against the requests-ledger schema -------------------

_GOOD = {"id": "A", "received": "2025-03-03", "applicant_category": "other"}


@pytest.mark.parametrize(
    ("request_data", "path", "code"),
    [
        ({**_GOOD, "reply": []}, "$.requests[0].reply", "requests.bad-cell"),
        ({**_GOOD, "consultations": None}, "$.requests[0].consultations", "requests.bad-cell"),
        ({**_GOOD, 1: "x"}, "$.requests[0].1", "requests.unknown-key"),
        ({**_GOOD, "fee": "100元"}, "$.requests[0].fee", "requests.bad-cell"),
        ({**_GOOD, "reviews": [1]}, "$.requests[0].reviews[0]", "requests.bad-cell"),
        ({**_GOOD, "consultations": [{"sent": "2025-03-04"}, "x"]},
         "$.requests[0].consultations[1]", "requests.bad-cell"),
        ({**_GOOD, "fee": {"sent": "2025-03-04", "basis": "per_page", "by": 1}},
         "$.requests[0].fee.by", "requests.unknown-key"),
        ({**_GOOD, "电话": "1"}, "$.requests[0].电话", "requests.unknown-key"),
        (7, "$.requests[0]", "requests.bad-cell"),
    ],
)  # fmt: skip
def test_a_structurally_wrong_ledger_gets_a_finding_at_its_path(
    request_data: object, path: str, code: str
) -> None:
    reading = read_ledger_data({"requests": [request_data, {**_GOOD, "id": "B"}]})
    assert (path, code) in [(f.path, f.code) for f in reading.report.findings]
    wrong_shape = code == "requests.bad-cell"
    assert [r.id for r in reading.ledger.requests] == (["B"] if wrong_shape else ["A", "B"])
    # a bare list of requests: the same finding, at $[0]
    bare = read_ledger_data([request_data])
    assert (path.replace("$.requests", "$"), code) in [(f.path, f.code) for f in bare.report]


def test_requests_of_one_wrong_shape_each_get_their_own_finding() -> None:
    data = [{**_GOOD, "id": f"A{n}", "电话": "1", "reply": f"已答复{n}"} for n in range(3)] + [
        {**_GOOD, "id": "B", "电话": "2"}
    ]
    found = [(f.path, f.code, f.message_en) for f in read_ledger_data({"requests": data}).report]
    for n in range(3):
        assert (f"$.requests[{n}].电话", "requests.unknown-key") in [f[:2] for f in found]
        shape = [f for f in found if f[:2] == (f"$.requests[{n}].reply", "requests.bad-cell")]
        assert len(shape) == 1 and f"已答复{n}" in shape[0][2]  # its own value named
    assert ("$.requests[3].电话", "requests.unknown-key") in [f[:2] for f in found]
    order = [int(f[0][len("$.requests[")]) for f in found]
    assert order == sorted(order)  # request by request


@pytest.mark.parametrize(
    "bad",
    [
        {"applicant_category": "robot"},
        {"channel": "pigeon"},
        {"id": ""},
        {"received_time": "25:00"},
        {"extension_days": 21},
        {"reply": {"date": "2025-03-20", "outcome": "lost"}},
        {"consultations": [{"sent": "2025-03-05", "party": "neighbour"}]},
        {"reviews": [{"kind": "lawsuit_direct", "result": "won"}]},
        {"fee": {"sent": "2025-03-06", "basis": "per_kilo", "pages": -1}},
    ],
)
def test_a_checked_good_shape_hides_no_value_the_schema_refuses(bad: dict[str, Any]) -> None:
    good = {
        **_GOOD,
        "channel": "online",
        "received_time": "09:30",
        "extension_days": 5,
        "reply": {"date": "2025-03-20", "outcome": "disclosed"},
        "consultations": [{"sent": "2025-03-05", "party": "agency"}],
        "reviews": [{"kind": "lawsuit_direct", "result": "upheld"}],
        "fee": {"sent": "2025-03-06", "basis": "per_page", "pages": 3},
    }
    data = {"requests": [good, {**good, **bad}, {**good, "id": "B"}, {**good, **bad}]}
    whole, checked = _whole_and_by_shape(data)
    assert {path.partition("]")[0] for path, _ in whole} == {"$.requests[1", "$.requests[3"}
    assert checked == whole


def test_a_value_a_problem_names_is_each_requests_own() -> None:
    data = {"requests": [{**_GOOD, "received": {"日": day}} for day in ("3", "4")]}
    whole, checked = _whole_and_by_shape(data)
    assert checked == whole and "'4'" in whole[1][1]


def _whole_and_by_shape(data: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The schema's problems of the whole ledger, and those the reader's check by shape finds."""
    from govdisclose.requests._reading import _EXPECTED, _problems
    from govdisclose.requests._schema import ledger_schema
    from govdisclose.schemas._problems import schema_problems

    whole = schema_problems(data, ledger_schema, expected=_EXPECTED)
    return [(p.path, p.message) for p in whole], [(path, p.message) for path, p in _problems(data)]


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ({"body": 3, "requests": []}, "$.body: expected text, got 3"),
        ({"requests": {"id": "A"}}, "$.requests: expected a list of requests"),
        (None, "$: expected a list of requests, or an object with one"),
    ],
)
def test_a_ledger_of_the_wrong_shape_is_refused(data: object, says: str) -> None:
    with pytest.raises(InputError) as caught:
        read_ledger_data(data)
    assert says in str(caught.value)


def test_every_schema_valid_ledger_reads() -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema("requests-ledger"))
    published = json.loads((DATA / "ledger.json").read_text(encoding="utf-8"))
    for data in (published, ledger_to_json(_sample()), {"requests": []}, {"requests": [_GOOD]}):
        assert validator.is_valid(data)
        reading = read_ledger_data(data)
        assert [f for f in reading.report if f.severity.code == "error"] == []


@settings(max_examples=60, deadline=None)
@given(ledger=full_ledgers())
def test_written_ledgers_are_schema_valid_and_read_without_findings(ledger: Ledger) -> None:
    from jsonschema import Draft202012Validator

    data = ledger_to_json(ledger)
    assert list(Draft202012Validator(schema("requests-ledger")).iter_errors(data)) == []
    reading = read_ledger_data(data)
    assert reading.ledger == ledger
    if ledger.requests:
        assert reading.report.findings == ()
