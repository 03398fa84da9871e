"""Files on the command line: no output onto an input, outputs written whole or not at all,
closed standard output, oversized CSV fields, escaped control characters, errors said once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govdisclose._errors import InputError
from govdisclose._files import atomic_writer, same_file, write_file
from govdisclose.cli import main

LOG = "领域,事项,形成日期,公开日期,标题\n安全生产,法律法规,2024-09-02,2024-09-30,标题\n"


def log_file(tmp_path: Path) -> Path:
    path = tmp_path / "log.csv"
    path.write_text(LOG, encoding="utf-8")
    return path


def catalogue_json(tmp_path: Path) -> Path:
    path = tmp_path / "cat.json"
    assert main(["catalogue", "export", "work-safety", "-o", str(path)]) == 0
    return path


def catalogue_csv(tmp_path: Path) -> Path:
    path = tmp_path / "cat.csv"
    assert main(["catalogue", "export", "work-safety", "-o", str(path)]) == 0
    return path


# -- an output that is an input -----------------------------------------------------------


def cases(tmp_path: Path) -> list[tuple[list[str], Path]]:
    log = log_file(tmp_path)
    cat = catalogue_json(tmp_path)
    table = catalogue_csv(tmp_path)
    text = tmp_path / "notice.txt"
    text.write_text("电话 13812345678\n", encoding="utf-8")
    hard = tmp_path / "hard.json"
    os.link(cat, hard)
    soft = tmp_path / "soft.csv"
    soft.symlink_to(log)
    hard_text = tmp_path / "hard.txt"
    os.link(text, hard_text)
    return [
        (["audit", str(log), "--records", str(log)], log),
        (["audit", str(log), "--catalogue", str(cat), "--records", str(hard)], cat),
        (["audit", str(log), "-o", str(log)], log),
        (["audit", str(log), "-o", str(soft)], log),
        (["audit", str(soft), "--records", str(log)], log),
        (["audit", str(log), "--catalogue", str(cat), "-o", str(hard)], cat),
        (["catalogue", "import", str(table), "-o", str(table)], table),
        (["catalogue", "export", str(cat), "-o", str(cat)], cat),
        (["catalogue", "export", str(hard), "-o", str(cat)], cat),
        (["catalogue", "derive", str(cat), "--level", "county", "-o", str(hard)], cat),
        (["scan", str(text), "--mask", "-o", str(hard_text)], text),
    ]


def test_no_command_writes_onto_one_of_its_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv, source in cases(tmp_path):
        before = source.read_bytes()
        capsys.readouterr()
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert "the same file as an input" in err and err.count("\n") == 1, (argv, err)
        assert source.read_bytes() == before, argv


LEDGER = (
    "申请编号,收到申请日期,申请人类型,申请内容,延期天数,答复日期,办理结果\n"
    "2024-10,2024-09-27,商业企业,许可信息,,,\n"
)


@pytest.mark.parametrize("exists", [False, True])
@pytest.mark.parametrize(("first", "second"), [("F", "F"), ("./F", "F"), ("F", "d/../F")])
@pytest.mark.parametrize(
    ("command", "option"),
    [
        (["audit", "log.csv", "--as-of", "2024-10-08"], "--records"),
        (["requests", "status", "ledger.csv", "--as-of", "2024-11-05"], "--ics"),
    ],
)
def test_two_outputs_naming_one_file_are_refused(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    option: str,
    first: str,
    second: str,
    exists: bool,
) -> None:
    # Every command with two output files: audit (--output, --records) and requests status
    # (--output, --ics).  Nothing is written, whether the file exists yet or not.
    monkeypatch.chdir(tmp_path)
    log_file(tmp_path)
    Path("ledger.csv").write_text(LEDGER, encoding="utf-8")
    Path("d").mkdir()
    if exists:
        Path("F").write_text("old", encoding="utf-8")
    before = sorted(os.listdir())
    argv = [*command, "-o", first, option, second]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1, err
    assert f"--output and {option} name the same file" in err and "两个输出不能是同一文件" in err
    assert sorted(os.listdir()) == before
    assert not exists or Path("F").read_text(encoding="utf-8") == "old"


def test_two_outputs_hard_linked_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = log_file(tmp_path)
    records = tmp_path / "records.jsonl"
    records.write_text("old", encoding="utf-8")
    os.link(records, tmp_path / "link")
    assert main(["audit", str(log), "--records", str(records), "-o", str(tmp_path / "link")]) == 2
    assert "--output and --records name the same file" in capsys.readouterr().err
    assert records.read_text(encoding="utf-8") == "old"


def test_two_outputs_on_different_files_are_both_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    log_file(tmp_path)
    Path("ledger.csv").write_text(LEDGER, encoding="utf-8")
    assert main(["audit", "log.csv", "-o", "out.txt", "--records", "records.jsonl"]) == 0
    assert Path("records.jsonl").read_text(encoding="utf-8").count("\n") == 1
    assert "法律法规" in Path("out.txt").read_text(encoding="utf-8")
    argv = ["requests", "status", "ledger.csv", "--as-of", "2024-11-05", "-o", "s.txt"]
    assert main([*argv, "--ics", "d.ics"]) == 1  # overdue
    assert "BEGIN:VEVENT" in Path("d.ics").read_text(encoding="utf-8")
    assert "OVERDUE" in Path("s.txt").read_text(encoding="utf-8")


def test_same_file_is_device_and_inode(tmp_path: Path) -> None:
    a = tmp_path / "a"
    a.write_text("x")
    os.link(a, tmp_path / "b")
    (tmp_path / "c").symlink_to(a)
    (tmp_path / "d").write_text("x")
    assert same_file(a, tmp_path / "b") and same_file(tmp_path / "c", a)
    assert not same_file(a, tmp_path / "d") and not same_file(a, tmp_path / "missing")


# -- written whole or not at all ------------------------------------------------------------


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    with pytest.raises(KeyboardInterrupt), atomic_writer(target) as file:
        file.write(b"half of the new")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary left
    write_file(target, "新的")
    assert target.read_text(encoding="utf-8") == "新的"
    assert target.stat().st_mode & 0o777 == 0o640  # permissions kept


def test_writing_through_a_symbolic_link_replaces_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_file(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_an_unwritable_place_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"cannot write .*no-such-dir.*\(无法写入文件\)"):
        write_file(tmp_path / "no-such-dir" / "x.json", "{}")
    with pytest.raises(InputError, match="cannot write"):
        write_file(tmp_path, "{}")


WRITER = """
import sys, time
from govdisclose._files import atomic_writer
with atomic_writer(sys.argv[1]) as file:
    for i in range(10_000):
        file.write(b"x" * 1000)
        file.flush()
        if i == 5:
            print("writing", flush=True)
        time.sleep(0.001)
"""


def test_a_killed_writer_leaves_no_half_written_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"the old content")
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline() == "writing\n"
    time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert target.read_bytes() == b"the old content"
    partial = [p for p in tmp_path.iterdir() if p.name != "out.bin"]
    assert all(p.name.startswith(".out.bin.") and p.name.endswith(".tmp") for p in partial)


def test_an_interrupted_audit_keeps_the_old_records_file(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    row = "安全生产,法律法规,2024-09-02,2024-09-30,标题\n"
    log.write_text(LOG + row * 200_000, encoding="utf-8")
    records = tmp_path / "records.jsonl"
    records.write_text("old\n")
    code = "import sys; from govdisclose.cli import main; sys.exit(main(sys.argv[1:]))"
    process = subprocess.Popen(
        [sys.executable, "-c", code, "audit", str(log), "--records", str(records), "-o",
         str(tmp_path / "report.txt")]
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not any(
        p.name.startswith(".records.jsonl.") for p in tmp_path.iterdir()
    ):
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    assert process.wait() in (130, 0)
    assert records.read_text() in ("old\n",) or records.read_text().count("\n") == 200_001
    assert not (tmp_path / "report.txt").exists() or process.returncode == 0


# -- standard output, CSV fields, control characters, each error once ------------------------

CLI = "import sys; from govdisclose.cli import main; sys.exit(main(sys.argv[1:]))"


def test_a_closed_standard_output_is_one_line(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-c", CLI, "catalogue", "export", "work-safety"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        pass_fds=(),
        preexec_fn=lambda: os.close(1),
    )
    assert run.returncode == 2
    assert run.stderr.startswith("govdisclose: error: cannot write output")
    assert run.stderr.count("\n") == 1


def test_a_csv_header_over_the_field_limit_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "wide.csv"
    log.write_text("a," + "b" * 200_000 + "\n1,2\n", encoding="utf-8")
    assert main(["audit", str(log), "--as-of", "2024-12-31"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("govdisclose: error: ") and err.count("\n") == 1


def test_control_characters_in_a_log_are_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "log.csv"
    title = "标题\x1b]0;pwned\x07\x1b[2K\u202e"
    log.write_text(
        f"领域,事项,形成日期,公开日期,标题\n安全生产,法律法规,2024-09-02,,{title}\n",
        encoding="utf-8",
    )
    main(["audit", str(log), "--as-of", "2024-12-31"])
    text = capsys.readouterr().out
    main(["audit", str(log), "--as-of", "2024-12-31", "--format", "json"])
    as_json = capsys.readouterr().out
    for out in (text, as_json):
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b]0;pwned\\x07\\x1b[2K\\u202e" in text
    assert f'"title": {json.dumps(title)}' in json.dumps(json.loads(as_json))  # same data


def test_a_usage_error_escapes_what_the_user_typed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["deadline", "request", "2024-10-08", "--nope\x1b[2K"])
    assert "\x1b" not in capsys.readouterr().err


@pytest.mark.parametrize("command", ["show", "export", "derive", "audit"])
def test_the_details_of_an_error_are_printed_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"title": "x", "items": [{"id": 1}]}', encoding="utf-8")
    argv = {
        "show": ["catalogue", "show", str(bad)],
        "export": ["catalogue", "export", str(bad)],
        "derive": ["catalogue", "derive", str(bad), "--level", "county"],
        "audit": ["audit", str(log_file(tmp_path)), "--catalogue", str(bad)],
    }[command]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("$.items[0].first_level: required field missing") == 1


def test_catalogue_notes_are_marked_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "show", "work-safety"]) == 0
    out = capsys.readouterr().out
    assert "注：公开标准目录" in out and "注：注：" not in out


@pytest.mark.parametrize(
    ("command", "text", "key"),
    [
        (
            ["validate"],
            '{"id": "1", "title": "x", "issued": "2024-05-06", "issued": "2020-01-01", '
            '"attribute": "proactive"}',
            "issued",
        ),
        (
            ["catalogue", "show"],
            '{"domain": "work_safety", "title": "x", "domain": "disaster_relief", "items": []}',
            "domain",
        ),
        (
            ["validate"],
            '[{"id": "1", "title": "x", "issued": "2024-05-06", "attribute": "proactive",'
            ' "channels": {"a": 1, "b": 2, "a": 3}}]',
            "a",
        ),
    ],
)
def test_a_key_given_twice_in_json_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], text: str, key: str
) -> None:
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    assert main([*command, str(path)]) == 2
    err = capsys.readouterr().err
    assert f"key '{key}' given twice in one JSON object" in err and err.count("\n") == 1


def test_catalogue_text_and_json_carry_no_raw_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = catalogue_json(tmp_path)
    data = json.loads(source.read_text(encoding="utf-8"))
    data["title"] = "目录\x1b[2K\x9b31m\u202e"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["catalogue", "show", str(source)]) == 0
    shown = capsys.readouterr().out
    assert main(["catalogue", "export", str(source)]) == 0
    exported = capsys.readouterr().out
    for out in (shown, exported):
        assert not any(ch in out for ch in "\x1b\x9b\u202e")
    assert "目录\\x1b[2K\\x9b31m\\u202e" in shown
    assert json.loads(exported)["title"] == data["title"]  # the same data
