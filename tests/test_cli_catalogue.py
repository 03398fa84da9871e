"""``govdisclose catalogue``: show, export, derive; errors are messages with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govdisclose import Catalogue, standard
from govdisclose._converter import loads
from govdisclose.cli import main


def test_show_prints_every_item(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "show", "work-safety"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("安全生产领域基层政务公开标准目录")
    for item in standard("work_safety"):
        assert item.name[:6] in out.replace("\n", "") or item.name[:4] in out


def test_show_full_shows_provenance(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "show", "disaster-relief", "--full"]) == 0
    out = capsys.readouterr().out
    assert "reconstructed" in out and "声明 20" in out.replace("文件声明 ", "声明 ")


def test_export_json_is_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "export", "work-safety", "--to", "json"]) == 0
    assert loads(capsys.readouterr().out, Catalogue) == standard("work_safety")


def test_export_to_file_and_show_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "dr.json"
    assert main(["catalogue", "export", "救灾", "--output", str(target)]) == 0
    assert loads(target.read_bytes(), Catalogue) == standard("disaster_relief")
    assert main(["catalogue", "show", str(target)]) == 0
    assert "救灾领域" in capsys.readouterr().out


def test_derive(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "catalogue",
                "derive",
                "work-safety",
                "--level",
                "township",
                "--publisher",
                "某镇人民政府",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["level"] == "township" and data["publisher"] == "某镇人民政府"
    assert len(data["items"]) == 14
    assert all("township" in item["levels"] for item in data["items"])


@pytest.mark.parametrize(
    "argv",
    [
        ["catalogue", "show", "no-such-catalogue"],
        ["catalogue", "show", "README.md"],
        ["catalogue", "export", "work-safety", "--to", "nope"],
    ],
)
def test_bad_input_is_a_message(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        raise SystemExit(main(argv))
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err and "Traceback" not in err


def test_broken_json_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"domain": "work_safety", "items": [', encoding="utf-8")
    assert main(["catalogue", "show", str(bad)]) == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("govdisclose ")


def test_derive_renumber_and_derive_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "township.json"
    argv = ["catalogue", "derive", "work-safety", "--level", "township", "--renumber"]
    assert main([*argv, "--output", str(target)]) == 0
    township = loads(target.read_bytes(), Catalogue)
    numbers = [item.number for item in township.by_first_level("policy_documents")]
    assert numbers == [1, 2, 3, 4, 5, 6]
    assert main(["catalogue", "derive", str(target), "--level", "county"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["title"] == "安全生产领域基层政务公开标准目录（县级）"


def test_json_file_errors_name_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gbk = tmp_path / "gbk.json"
    from govdisclose._converter import dumps

    gbk.write_bytes(dumps(standard("work_safety")).encode("gb18030"))
    assert main(["catalogue", "show", str(gbk)]) == 0  # GB18030 is read like in validate
    capsys.readouterr()
    for content, expected in (("", "not valid JSON"), ("[1, 2]", "expected an object")):
        bad = tmp_path / "bad.json"
        bad.write_text(content, encoding="utf-8")
        assert main(["catalogue", "show", str(bad)]) == 2
        err = capsys.readouterr().err
        assert str(bad) in err and expected in err and "keys" not in err


def test_old_excel_files_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "目录.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    assert main(["catalogue", "show", str(old)]) == 2
    assert "save it as .xlsx or .csv" in capsys.readouterr().err
