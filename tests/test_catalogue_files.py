"""``read_catalogue``: one reader for catalogue files, JSON or tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from govdisclose import DataError, InputError, dumps, standard
from govdisclose._catalogue_files import read_catalogue
from govdisclose.tables import to_csv, to_xlsx


@pytest.mark.parametrize("suffix", [".json", ".xlsx", ".csv"])
def test_every_form_reads_back(tmp_path: Path, suffix: str) -> None:
    catalogue = standard("disaster_relief")
    path = tmp_path / f"catalogue{suffix}"
    if suffix == ".json":
        path.write_text(dumps(catalogue), encoding="utf-8")
    else:
        path.write_bytes(to_xlsx(catalogue) if suffix == ".xlsx" else to_csv(catalogue))
    result = read_catalogue(path)
    assert result.catalogue == catalogue and result.report.ok


@pytest.mark.parametrize("junk", [None, 3, b"x.json", ""])
def test_a_path_is_needed(junk: object) -> None:
    with pytest.raises(InputError, match="file path"):
        read_catalogue(junk)  # type: ignore[arg-type]


def test_errors_name_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"domain": "work_safety", "title": "x", "items": [1]}', encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_catalogue(broken)
    assert str(broken) in str(info.value) and info.value.errors[0].path == "$.items[0]"
    for name in ("old.xls", "notes.txt"):
        with pytest.raises(InputError, match=name):
            read_catalogue(tmp_path / name)
