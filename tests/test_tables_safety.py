"""Untrusted files: sizes, types, zip bombs and XML tricks are refused with clear messages."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import attrs
import openpyxl
import pytest

from govdisclose import InputError, LimitError, read_catalogue, standard, standards
from govdisclose.tables import Limits, read_csv, read_xlsx, to_csv, to_xlsx
from tables_helpers import make_xlsx, rewrite_zip


@pytest.fixture(scope="module")
def workbook() -> bytes:
    return to_xlsx(standard("disaster_relief"))


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_openpyxl_parses_xml_with_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML is True


def test_oversize_file(tmp_path: Path, workbook: bytes) -> None:
    path = _write(tmp_path, "big.xlsx", workbook)
    with pytest.raises(
        LimitError, match=r"more than 1000 bytes \(the max_file_bytes limit\).*文件过大"
    ):
        read_xlsx(path, limits=Limits(max_file_bytes=1000))
    csv_path = _write(tmp_path, "big.csv", to_csv(standard("work_safety")))
    with pytest.raises(LimitError, match="文件过大"):
        read_csv(csv_path, limits=Limits(max_file_bytes=1000))


def test_zip_bomb_member(tmp_path: Path, workbook: bytes) -> None:
    bomb = rewrite_zip(workbook, {"xl/media/padding.bin": b"\0" * (8 * 1024 * 1024)})
    path = _write(tmp_path, "bomb.xlsx", bomb)
    assert path.stat().st_size < 200_000
    with pytest.raises(InputError, match="possible zip bomb"):
        read_xlsx(path)
    with pytest.raises(
        InputError, match=r"unpacks to .* bytes, more than 10000 bytes .the max_unpacked_bytes"
    ):
        read_xlsx(_write(tmp_path, "ok.xlsx", workbook), limits=Limits(max_unpacked_bytes=10_000))


@pytest.mark.parametrize(
    ("data", "what"),
    [
        ("一级事项,二级事项\n政策文件,法律法规\n".encode(), "a text file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, r"an old-format Excel 97-2003 \(.xls\)"),
        (b"<html><table><tr><td>1</td></tr></table></html>", "an HTML page"),
        (b"", "an empty file"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 16, "a PNG image"),
    ],
    ids=["text", "pdf", "xls", "html", "empty", "png"],
)
def test_files_that_are_not_workbooks(tmp_path: Path, data: bytes, what: str) -> None:
    with pytest.raises(InputError, match=f"not an XLSX workbook but {what}"):
        read_xlsx(_write(tmp_path, "renamed.xlsx", data))


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"}, "a Word document"),
        ({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}, "OpenDocument"),
        ({"readme.txt": b"hello"}, "a ZIP archive but not an XLSX workbook"),
        ({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"not xml"}, "cannot read"),
    ],
    ids=["docx", "ods", "zip", "broken"],
)
def test_zips_that_are_not_workbooks(tmp_path: Path, members: dict[str, bytes], message: str
                                     ) -> None:  # fmt: skip
    with pytest.raises(InputError, match=message):
        read_xlsx(_write(tmp_path, "z.xlsx", _zip(members)))


def test_damaged_zip(tmp_path: Path, workbook: bytes) -> None:
    with pytest.raises(InputError, match="damaged"):
        read_xlsx(_write(tmp_path, "cut.xlsx", workbook[: len(workbook) // 2]))


def test_sheet_and_row_limits(tmp_path: Path) -> None:
    path = _write(tmp_path, "two.xlsx", to_xlsx(list(standards())))
    with pytest.raises(InputError, match="3 sheets, more than 2"):
        read_xlsx(path, limits=Limits(max_sheets=2))
    with pytest.raises(LimitError, match=r"more than 20 rows \(the max_rows limit\)") as rows:
        read_xlsx(path, limits=Limits(max_rows=20))
    assert (rows.value.limit, rows.value.value) == ("max_rows", 20)
    assert isinstance(rows.value, InputError) and "Limits(" not in str(rows.value)
    with pytest.raises(InputError, match="columns"):
        read_xlsx(path, limits=Limits(max_columns=10))
    with pytest.raises(
        InputError, match=r"32 rows × 15 columns, more than 400 cells .the max_cells limit"
    ):
        read_xlsx(path, limits=Limits(max_cells=400))


def test_a_sparse_sheet_with_a_huge_rectangle(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "sparse.xlsx", [["一级事项"]])
    wb = openpyxl.load_workbook(path)
    wb.active.cell(row=20_000, column=150, value="far away")
    wb.save(path)
    with pytest.raises(InputError, match="20000 rows × 150 columns, more than 2000000 cells"):
        read_xlsx(path)


def test_a_false_dimension_is_not_trusted(tmp_path: Path) -> None:
    """A sheet that declares a small size but has rows far below is still counted."""
    path = make_xlsx(tmp_path / "far.xlsx", [["一级事项"]])
    wb = openpyxl.load_workbook(path)
    wb.active.cell(row=150_000, column=1, value="x")
    wb.save(path)
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert '<dimension ref="A1:A150000" />' in sheet
    sheet = sheet.replace('<dimension ref="A1:A150000" />', '<dimension ref="A1" />')
    path.write_bytes(rewrite_zip(data, {"xl/worksheets/sheet1.xml": sheet.encode()}))
    with pytest.raises(InputError, match="more than 100000 rows"):
        read_xlsx(path)


@pytest.mark.parametrize("ref", ["A1:XFD1048576", "A1:GR9000", "B2:C200000"])
def test_a_huge_merged_range_is_refused_before_loading(tmp_path: Path, ref: str) -> None:
    """An 11 KB workbook merging a whole sheet made openpyxl build every merged cell."""
    path = make_xlsx(tmp_path / "merged.xlsx", [["一级事项", "公开内容", "公开时限"]])
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    merge = f'<mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'
    sheet = sheet.replace("</sheetData>", "</sheetData>" + merge)
    path.write_bytes(rewrite_zip(data, {"xl/worksheets/sheet1.xml": sheet.encode()}))
    assert path.stat().st_size < 12_000
    with pytest.raises(InputError, match=rf"merges cells '{ref}'.*the max_\w+ limit"):
        read_xlsx(path)


def test_an_honest_city_catalogue_of_ten_thousand_items_is_read(tmp_path: Path) -> None:
    from govdisclose import standard
    from govdisclose._model import Catalogue

    base = standard("work_safety")
    items = [attrs.evolve(base.items[i % 5], number=i + 1) for i in range(10_000)]
    big = Catalogue(domain=base.domain, title="某市安全生产领域目录", items=items)
    csv_path = _write(tmp_path, "city.csv", to_csv(big))
    assert len(read_csv(csv_path).catalogue.items) == 10_000


def test_formula_cells_without_a_saved_value_are_named(tmp_path: Path) -> None:
    rows = [
        ["XX县安全生产领域目录"],
        ["一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体"],
        ["政策文件", "法律法规", '=CONCATENATE("与安全生产","有关的法律")', "条例",
         "20个工作日", "应急管理局", "■政府网站"],
    ]  # fmt: skip
    path = make_xlsx(tmp_path / "script.xlsx", rows)  # openpyxl saves no cached value
    result = read_xlsx(path)
    found = [f for f in result.report.findings if f.code == "tables.formula-without-value"]
    assert [(f.path, f.severity.code) for f in found] == [("Sheet1!C3", "error")]
    assert result.catalogue.items[0].content == ""


def test_entity_expansion_is_refused(tmp_path: Path, workbook: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    entities = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    sheet = entities + sheet
    path = _write(tmp_path, "lol.xlsx",
                  rewrite_zip(workbook, {"xl/worksheets/sheet1.xml": sheet.encode()}))  # fmt: skip
    with pytest.raises(InputError, match=r"declares entities .*EntitiesForbidden"):
        read_xlsx(path)


def test_csv_that_is_not_text(tmp_path: Path, workbook: bytes) -> None:
    with pytest.raises(InputError, match="not a CSV text file but a ZIP archive"):
        read_csv(_write(tmp_path, "wb.csv", workbook))
    with pytest.raises(InputError, match="not a CSV text file but a binary file"):
        read_csv(_write(tmp_path, "bin.csv", "一级事项,".encode() + b"\x80\xff\x80" * 3))
    late = "一级事项,二级事项\n".encode() * 500 + b"\x80\xff\x80"  # past the sniffed start
    with pytest.raises(
        InputError, match=r"UTF-8 text with bytes that are not UTF-8 \(byte 13000\)"
    ):
        read_csv(_write(tmp_path, "late.csv", late))


def test_csv_is_decoded_like_every_text_file(tmp_path: Path) -> None:
    # A UTF-16 byte-order mark on bytes that are not UTF-16 is named as such (it used to be
    # "neither UTF-8 nor GB18030", which such a file was never tried as).
    with pytest.raises(InputError, match="utf-16 byte-order mark but is not utf-16"):
        read_csv(
            _write(tmp_path, "odd.csv", b"\xff\xfe" + "一级事项".encode("utf-16-le") + b"\x00")
        )
    # Mostly UTF-8 with a corrupt byte: said where (one detector with the audit's logs).
    with pytest.raises(InputError, match=r"UTF-8 text with bytes that are not UTF-8 \(byte \d+\)"):
        read_csv(_write(tmp_path, "late.csv", "一级事项,二级事项\n".encode() * 500 + b"\x80\xff"))


def test_csv_limits(tmp_path: Path) -> None:
    header = "一级事项,二级事项,公开内容,公开依据,公开时限,公开主体\n"
    long_field = _write(tmp_path, "long.csv", (header + "x," * 5 + "y" * 40_000).encode())
    with pytest.raises(InputError, match="longer than 32767"):
        read_csv(long_field)
    huge_field = _write(tmp_path, "huge.csv", (header + '"' + "y" * 200_000 + '"').encode())
    with pytest.raises(InputError, match="line 2"):
        read_csv(huge_field)
    many = _write(tmp_path, "many.csv", (header + "a,b\n" * 30).encode())
    with pytest.raises(InputError, match="more than 20 rows"):
        read_csv(many, limits=Limits(max_rows=20))
    wide = _write(tmp_path, "wide.csv", (header + ",".join("a" * 300)).encode())
    with pytest.raises(InputError, match="300 fields"):
        read_csv(wide)


def test_missing_file_and_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_xlsx(tmp_path / "missing.xlsx")
    with pytest.raises(InputError, match="no such file"):
        read_csv(tmp_path / "missing.csv")
    with pytest.raises(InputError, match=r"unsupported file type '\.ods'; use one of \.json"):
        read_catalogue(tmp_path / "catalogue.ods")


@pytest.mark.parametrize(
    ("tail", "line"),
    [
        ('政策文件,法律法规,"unclosed,,,\n政策文件,标准,x,y,20个工作日,局,■政府网站\n', 2),
        ('政策文件,标准,x,y,20个工作日,局,■政府网站\n政策文件,法律法规,"open\n' + "a,b\n" * 300
         + 'close",,\n', 3),
    ],
)  # fmt: skip
def test_csv_quote_left_open_names_its_line(tmp_path: Path, tail: str, line: int) -> None:
    header = "一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道和载体\n"
    path = _write(tmp_path, "open.csv", (header + tail).encode())
    with pytest.raises(InputError, match=f"line {line}: .*quote"):
        read_csv(path)


def test_read_catalogue_and_read_report_take_limits(tmp_path: Path) -> None:
    import govdisclose
    from govdisclose.annual_report import AnnualReport, read_report

    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"c{i}" for i in range(250)) + "\n", encoding="utf-8")
    with pytest.raises(LimitError) as refused:
        read_catalogue(wide)
    assert (refused.value.limit, refused.value.value) == ("max_columns", 200)
    with pytest.raises(InputError) as other:  # read past the limit, refused for what it is
        read_catalogue(wide, limits=Limits(max_columns=300))
    assert not isinstance(other.value, LimitError)
    book = tmp_path / "report.xlsx"
    book.write_bytes(govdisclose.to_xlsx(AnnualReport(body="某县应急管理局（示例）", year=2025)))
    with pytest.raises(LimitError):
        read_report(book, limits=Limits(max_file_bytes=100))
    assert read_report(book).report.year == 2025
