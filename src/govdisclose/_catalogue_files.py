"""Reading a catalogue file, whatever its form: JSON, or a table in the official layout.

A county keeps its catalogue as JSON (the library's own form, see the ``catalogue`` JSON
Schema) or as a table (``.xlsx`` or ``.csv`` in the 390 layout).  :func:`read_catalogue` picks
the reader by the file's suffix and always gives an
:class:`~govdisclose.tables.ImportResult`: the catalogue, and a report of what could not be
read (a table's unreadable cells; nothing for JSON, which is read whole or refused).

>>> import pathlib, tempfile
>>> from govdisclose import dumps, standard
>>> from govdisclose._catalogue_files import read_catalogue
>>> path = pathlib.Path(tempfile.mkdtemp()) / "县级目录.json"
>>> _ = path.write_text(dumps(standard("work_safety")), encoding="utf-8")
>>> result = read_catalogue(path)
>>> result.catalogue == standard("work_safety"), result.report.ok
(True, True)
>>> read_catalogue(path.with_suffix(".xls"))
Traceback (most recent call last):
...
govdisclose.InputError: ...县级目录.xls: a .xls file (the old Excel 97-2003 format); ...
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ._errors import DataError, InputError
from ._files import read_json_file
from ._model import Catalogue
from .findings import Report
from .tables import DEFAULT_LIMITS, ImportResult, Limits, read_csv, read_xlsx

#: The file suffixes :func:`read_catalogue` reads.
CATALOGUE_SUFFIXES = (".json", ".xlsx", ".csv")


def read_catalogue(
    path: str | Path, *, domain: Any = None, level: Any = None, limits: Limits = DEFAULT_LIMITS
) -> ImportResult:
    """Read a catalogue file: ``.json``, or an ``.xlsx`` / ``.csv`` table.

    ``domain`` (a code, label or :class:`~govdisclose._vocabulary.Domain`) is for tables whose
    title and sheet name do not say it; ``level`` for tables without a 公开层级 column;
    ``limits`` the sizes a table may have (:class:`~govdisclose.tables.Limits`).
    Unusable files raise :class:`~govdisclose._errors.InputError` naming the file; a JSON
    catalogue with wrong fields raises :class:`~govdisclose._errors.DataError` listing every
    problem with its path.
    """
    if not isinstance(path, (str, Path)) or (isinstance(path, str) and not path):
        raise InputError(f"expected a file path, got {type(path).__name__} (应为文件路径)")
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix == ".xls":
        raise InputError(
            f"{file}: a .xls file (the old Excel 97-2003 format); save it as .xlsx or .csv "
            f"first (.xls为旧版Excel格式，请另存为xlsx或csv)"
        )
    if suffix not in CATALOGUE_SUFFIXES:
        raise InputError(
            f"{file}: unsupported file type {file.suffix!r}; use one of "
            f"{', '.join(CATALOGUE_SUFFIXES)} (不支持的文件类型)"
        )
    if suffix == ".json":
        return _read_json(file)
    try:
        return (read_xlsx if suffix == ".xlsx" else read_csv)(
            file, domain=domain, level=level, limits=limits
        )
    except InputError as exc:
        if str(file) in exc.message:
            raise
        raise InputError(f"{file}: {exc.message}", path=exc.path) from None


def _read_json(file: Path) -> ImportResult:
    from ._converter import structure  # cattrs, slow to import

    data = read_json_file(file)
    try:
        catalogue = structure(data, Catalogue)
    except DataError as exc:
        raise DataError(f"{file}: {exc.message}", errors=exc.errors) from None
    return ImportResult(catalogue=catalogue, report=Report((), str(file)))
