"""An autouse fixture for command-line tests: an empty store of stored years (the user's own
data directory is never read) and no ``GOVDISCLOSE_CALENDAR``.  Import it into a test module:
``from calendar_store import isolated_store  # noqa: F401``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from govdisclose.cli.common import DATA_DIR_VAR, ENV_VAR


@pytest.fixture(autouse=True)
def isolated_store(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    store = tmp_path_factory.mktemp("govdisclose-data")
    monkeypatch.setenv(DATA_DIR_VAR, str(store))
    monkeypatch.delenv(ENV_VAR, raising=False)
    yield store
