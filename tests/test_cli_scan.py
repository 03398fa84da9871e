"""Tests for ``govdisclose scan``."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from govdisclose import loads
from govdisclose.cli import main

ID = "410105199003071272"  # synthetic; check digit computed per GB 11643
MOBILE = "138-1234-5678"
CARD = "6222021234567894"  # synthetic; Luhn-valid
LIST = (
    "因灾过渡期生活救助公示\r\n"
    f"张三,{ID},{MOBILE},1200.00\r\n"
    f"李四,卡号{CARD},投诉电话0371-12345678\r\n"
)
SECRETS = (ID, MOBILE, CARD)


@pytest.fixture
def relief_list(tmp_path: Path) -> Path:
    path = tmp_path / "名单.csv"
    path.write_bytes(LIST.encode("utf-8"))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["scan", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_listing_shows_positions_kinds_and_masked_values(
    relief_list: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, str(relief_list))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        f"{relief_list}:2:4: 错误 error personal-data.id-card 居民身份证号码 4101**********1272"
    )
    assert lines[1].startswith(f"{relief_list}:2:23: 错误 error personal-data.mobile")
    assert lines[1].endswith("138-****-5678")
    assert lines[2].startswith(f"{relief_list}:3:6: ")
    assert "发现 3 处个人信息" in lines[3]
    assert not any(secret in out + err for secret in SECRETS)


def test_clean_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "公告.txt"
    path.write_text("监督电话：0371-12345678，12345热线。豫应急办〔2020〕62号", encoding="utf-8")
    code, out, _ = run(capsys, str(path))
    assert code == 0
    assert "未发现" in out and "not checked" in out


def test_json_is_the_report(relief_list: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(relief_list), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["subject"] == str(relief_list)
    assert data["ok"] is False
    assert data["counts"] == {"error": 3, "warning": 0, "info": 0}
    assert [f["code"] for f in data["findings"]] == [
        "personal-data.id-card",
        "personal-data.mobile",
        "personal-data.bank-card",
    ]
    assert data["findings"][0]["data"]["line"] == 2
    assert not any(secret in out for secret in SECRETS)


def test_mask_to_output_file_keeps_line_ends(
    relief_list: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "公示.csv"
    code, out, _ = run(capsys, str(relief_list), "--mask", "--output", str(target))
    assert code == 1  # the original still holds personal data
    masked = target.read_bytes().decode("utf-8")
    assert masked == (
        "因灾过渡期生活救助公示\r\n"
        "张三,4101**********1272,138-****-5678,1200.00\r\n"
        "李四,卡号6222********7894,投诉电话0371-12345678\r\n"
    )
    assert "personal-data.id-card" in out  # the listing still goes to standard output


def test_mask_to_stdout_sends_the_listing_to_stderr(
    relief_list: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, str(relief_list), "--mask")
    assert code == 1
    assert out.startswith("因灾过渡期生活救助公示")
    assert "张三,4101**********1272" in out
    assert "personal-data.id-card" not in out
    assert "personal-data.id-card" in err


def test_output_without_mask_is_a_usage_error(
    relief_list: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, str(relief_list), "--output", str(tmp_path / "x.txt"))
    assert code == 2
    assert "--mask" in err


def test_output_may_not_overwrite_the_input(
    relief_list: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, str(relief_list), "--mask", "-o", str(relief_list))
    assert code == 2
    assert "overwrite" in err
    assert relief_list.read_bytes() == LIST.encode("utf-8")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("名单.xlsx", b"PK\x03\x04\x14\x00\x00\x00", "binary"),
        ("bad.txt", b"abc\x80\x80", "neither UTF-8 nor GB18030"),
        # UTF-8 with one corrupt byte late in the file: refused, saying where, before any output
        ("broken.txt", "公示名单".encode() * 5000 + b"\xff\n", "not UTF-8 (byte 60000)"),
        ("bom.txt", b"\xef\xbb\xbf" + b"a" * 5000 + b"\xff", "byte-order mark but is not"),
    ],
)
def test_unusable_input_exits_2_with_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: bytes | None,
    message: str,
) -> None:
    import govdisclose._privacy as privacy

    monkeypatch.setattr(privacy, "CHUNK_BYTES", 4096)  # the file is judged over many blocks
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, str(path))
    assert code == 2
    assert out == ""
    assert message in err and name in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_standard_input_gb18030(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = "王五 手机13912345678\n".encode("gb18030")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "-")
    assert code == 1
    assert out.startswith("<stdin>:1:6: 错误 error personal-data.mobile 手机号码 139****5678")


def test_standard_input_mask(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = f"\ufeff张三 {ID}\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "-", "--mask")
    assert code == 1
    assert out == "\ufeff张三 4101**********1272\n"  # the byte-order mark is kept


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["scan", "--help"])
    assert info.value.code == 0
    assert "--mask" in capsys.readouterr().out


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-8", "utf-16"])
def test_mask_keeps_the_input_encoding(tmp_path: Path, encoding: str) -> None:
    source = tmp_path / "notice.txt"
    text = "救助公示：张三，电话13812345678。\r\n"
    source.write_bytes(text.encode(encoding))
    target = tmp_path / "masked.txt"
    assert main(["scan", str(source), "--mask", "--output", str(target)]) == 1
    assert target.read_bytes() == "救助公示：张三，电话138****5678。\r\n".encode(encoding)


def test_output_may_not_be_a_hard_link_or_symbolic_link_to_the_input(
    relief_list: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hard = tmp_path / "硬链接.csv"
    os.link(relief_list, hard)
    soft = tmp_path / "软链接.csv"
    soft.symlink_to(relief_list)
    for target in (hard, soft):
        code, _, err = run(capsys, str(relief_list), "--mask", "-o", str(target))
        assert code == 2
        assert "same file" in err and len(err.strip().splitlines()) == 1
    assert relief_list.read_bytes() == LIST.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["名单.csv", "硬链接.csv", "软链接.csv"]
    )


def test_standard_input_redirected_from_the_output_file_is_refused(
    relief_list: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with relief_list.open("rb") as handle:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(handle))
        code, _, err = run(capsys, "-", "--mask", "-o", str(relief_list))
    assert code == 2 and "same file" in err
    assert relief_list.read_bytes() == LIST.encode("utf-8")


def test_mask_output_appears_whole_or_not_at_all(
    relief_list: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import govdisclose._privacy as privacy

    target = tmp_path / "公示.csv"
    target.write_text("the previous version\n", encoding="utf-8")
    real_feed = privacy.PersonalDataScanner.feed

    def interrupted(self: privacy.PersonalDataScanner, text: str) -> list[object]:
        real_feed(self, text)
        raise KeyboardInterrupt

    monkeypatch.setattr(privacy.PersonalDataScanner, "feed", interrupted)
    code = main(["scan", str(relief_list), "--mask", "-o", str(target)])
    capsys.readouterr()
    assert code != 0
    # the previous file is untouched and no temporary file is left behind
    assert target.read_text(encoding="utf-8") == "the previous version\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["公示.csv", "名单.csv"]
    monkeypatch.undo()
    assert main(["scan", str(relief_list), "--mask", "-o", str(target)]) == 1
    assert "4101**********1272" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["公示.csv", "名单.csv"]


def test_large_files_are_read_in_pieces_with_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import govdisclose._privacy as privacy
    from govdisclose._privacy import mask_text, scan_text

    monkeypatch.setattr(privacy, "CHUNK_BYTES", 1000)  # many pieces, as a large file has
    text = "".join(
        f"{n},张三,{ID[:6]} {ID[6:14]} {ID[14:]},13912345678,{n * 100}.00\r\n" for n in range(2000)
    )
    source = tmp_path / "大名单.csv"
    source.write_bytes(text.encode("gb18030"))
    target = tmp_path / "公示.csv"
    code, out, _ = run(capsys, str(source), "--mask", "-o", str(target))
    assert code == 1
    assert target.read_bytes() == mask_text(text).encode("gb18030")
    expected = scan_text(text).matches
    assert len(out.splitlines()) == len(expected) + 1 == 4001
    assert out.splitlines()[-2].endswith(expected[-1].masked)


def test_json_listing_is_streamed_and_reads_back_as_the_report(
    relief_list: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from govdisclose._privacy import scan_file
    from govdisclose.findings import Report

    code, out, _ = run(capsys, str(relief_list), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert list(data) == ["subject", "findings", "ok", "counts"]
    report = loads(out, Report)
    assert report == scan_file(relief_list).report()


def test_json_listing_of_a_clean_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "clean.txt"
    path.write_text("没有号码\n", encoding="utf-8")
    code, out, _ = run(capsys, str(path), "--format", "json")
    assert code == 0
    assert json.loads(out) == {
        "subject": str(path),
        "findings": [],
        "ok": True,
        "counts": {"error": 0, "warning": 0, "info": 0},
    }


def test_info_only_exits_0_and_warnings_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "orders.txt"
    path.write_text("订单号 110101900101123\n", encoding="utf-8")
    code, out, _ = run(capsys, str(path))
    assert code == 0
    assert "提示 info personal-data.suspect-old-id-card" in out
    path.write_text("身份证 110101900101123\n", encoding="utf-8")
    code, out, _ = run(capsys, str(path))
    assert code == 1
    assert "警告 warning personal-data.suspect-old-id-card" in out


def test_html_source_is_read_as_a_reader_sees_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = f"{ID[:6]}&nbsp;{ID[6:14]}&nbsp;{ID[14:]}"
    page = f"<table>\n<tr><td>张三</td><td>{number}</td></tr>\n</table>\n"
    path = tmp_path / "公示.html"
    path.write_text(page, encoding="utf-8")
    target = tmp_path / "masked.html"
    code, out, _ = run(capsys, str(path), "--mask", "-o", str(target))
    assert code == 1
    assert out.startswith(f"{path}:2:20: 错误 error personal-data.id-card")
    assert target.read_text(encoding="utf-8") == page.replace(
        number, "4101**&nbsp;********&nbsp;1272"
    )


def test_a_number_across_lines_stays_on_one_listing_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "wrapped.txt"
    path.write_text(f"张三 {ID[:14]}\r\n{ID[14:]}\r\n", encoding="utf-8")
    code, out, _ = run(capsys, str(path))
    assert code == 1
    assert out.splitlines()[0].endswith("4101**********\\r\\n1272")
    assert len(out.splitlines()) == 2


def test_streamed_json_follows_the_findings_report_schema(
    relief_list: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import jsonschema

    from govdisclose.schemas import schema

    _, out, _ = run(capsys, str(relief_list), "--format", "json")
    jsonschema.Draft202012Validator(schema("findings-report")).validate(json.loads(out))


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_mask_output_gets_the_permissions_a_plain_write_gives(
    relief_list: Path, tmp_path: Path
) -> None:
    new = tmp_path / "new.csv"
    assert main(["scan", str(relief_list), "--mask", "-o", str(new)]) == 1
    umask = os.umask(0)
    os.umask(umask)
    assert new.stat().st_mode & 0o777 == 0o666 & ~umask
    existing = tmp_path / "existing.csv"
    existing.write_text("old\n", encoding="utf-8")
    existing.chmod(0o640)
    assert main(["scan", str(relief_list), "--mask", "-o", str(existing)]) == 1
    assert existing.stat().st_mode & 0o777 == 0o640


# --- published pages (tests/data/privacy; sources in each file's header) ---------------------

PAGES = Path(__file__).parent / "data" / "privacy"
CLEAN_PAGES = sorted(
    path.name
    for path in PAGES.glob("*.txt")
    if path.name not in ("caolawyer-2021-fire-case-rules.txt", "relief-list-layout.txt")
)


@pytest.mark.parametrize("name", CLEAN_PAGES)
def test_published_pages_without_personal_numbers_exit_0(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, str(PAGES / name))
    assert (code, err) == (0, "")
    assert out.startswith(f"{PAGES / name}: 未发现")


def test_a_published_page_with_mobile_numbers_exits_1_and_masks_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = PAGES / "caolawyer-2021-fire-case-rules.txt"
    code, out, _ = run(capsys, str(page))
    assert code == 1
    assert out.splitlines() == [
        f"{page}:14:1: 错误 error personal-data.mobile 手机号码 155****8460",
        f"{page}:17:6: 错误 error personal-data.mobile 手机号码 130****4810",
        f"{page}: 发现 2 处个人信息，发布前请去标识化 / found 2 personal number(s); "
        "de-identify before publishing",
    ]
    # the same page as a GB18030 site serves it, masked into a file in that encoding
    source = tmp_path / "page.txt"
    text = page.read_text(encoding="utf-8")
    source.write_bytes(text.encode("gb18030"))
    target = tmp_path / "masked.txt"
    code, out, _ = run(capsys, str(source), "--mask", "-o", str(target), "--format", "json")
    assert code == 1
    assert json.loads(out)["counts"] == {"error": 2, "warning": 0, "info": 0}
    masked = target.read_bytes().decode("gb18030")
    assert masked == text.replace("15527318460", "155****8460").replace(
        "13052964810", "130****4810"
    )
    assert run(capsys, str(target))[0] == 0
