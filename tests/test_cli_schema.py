"""``govdisclose schema --check`` on something that is not an export directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from govdisclose.cli import main


@pytest.mark.parametrize("target", ["missing-dir", "README.md"])
def test_check_needs_a_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    path = tmp_path / target
    if target.endswith(".md"):
        path.write_text("# x\n", encoding="utf-8")
    assert main(["schema", "--check", str(path)]) == 2
    assert "not a directory" in capsys.readouterr().err
