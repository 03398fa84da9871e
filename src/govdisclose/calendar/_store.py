"""The user's stored holiday arrangements: the years added with ``govdisclose calendar add``.

A year the bundled data does not have yet (2027 today) is added once and then used by every
later command, without flags: ``govdisclose calendar add 通知.txt`` reads the notice
(:func:`~govdisclose.calendar.read_notice`) or an arrangement file and stores the year as
``arrangement-YYYY.json`` in the user's data directory — the platform's convention, from
``platformdirs`` (``~/.local/share/govdisclose/calendar`` on Linux,
``~/Library/Application Support/govdisclose/calendar`` on macOS,
``%LOCALAPPDATA%\\govdisclose\\calendar`` on Windows).

The library reads the store only when asked: :meth:`WorkCalendar.from_user_data
<govdisclose.calendar.WorkCalendar.from_user_data>` in Python, and the command line (once per
run).  Every function takes ``directory`` to use another store (tests, a shared drive).

>>> import tempfile
>>> from govdisclose.calendar import read_notice, store_arrangement, stored_arrangements
>>> store = tempfile.mkdtemp()
>>> arr = read_notice('''国务院办公厅关于2026年部分节假日安排的通知
... 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
... ''', partial="元旦 only, for this example")
>>> store_arrangement(arr, store).name
'arrangement-2026.json'
>>> sorted(stored_arrangements(store)), stored_arrangements(store)[2026] == arr
([2026], True)
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .._errors import CalendarDataError, InputError, short_repr
from ._arrangement import Arrangement, check_complete

# The file form (json, the arrangement schema) is imported by the functions that read or write
# a stored file: a command that finds nothing stored does not load it.

_NAME = re.compile(r"^arrangement-(\d{4})\.json$")


def user_data_directory() -> Path:
    """Where the stored arrangements live: ``calendar`` in the user data directory of
    ``govdisclose`` (platformdirs, imported on first call).  Nothing is created or read."""
    import platformdirs

    return Path(platformdirs.user_data_dir("govdisclose", appauthor=False)) / "calendar"


def _directory(directory: str | os.PathLike[str] | None) -> Path:
    if directory is None:
        return user_data_directory()
    if not isinstance(directory, (str, os.PathLike)) or isinstance(directory, bytes):
        raise InputError(
            f"expected a directory path, got {short_repr(directory)} (应为目录路径)",
            path="directory",
        )
    return Path(directory)


def stored_files(directory: str | os.PathLike[str] | None = None) -> dict[int, Path]:
    """Year → its stored file (none when the directory does not exist)."""
    folder = _directory(directory)
    if not folder.is_dir():
        return {}
    found = {}
    for entry in sorted(folder.iterdir()):
        match = _NAME.match(entry.name)
        if match and entry.is_file():
            found[int(match.group(1))] = entry
    return found


def stored_arrangements(directory: str | os.PathLike[str] | None = None) -> dict[int, Arrangement]:
    """Year → the stored arrangement, each file read and checked like any arrangement file.

    A stored file that no longer reads (edited by hand) is a
    :class:`~govdisclose._errors.CalendarDataError` naming it and saying how to remove it.
    """
    files = stored_files(directory)
    if not files:
        return {}
    from ._arrangement_files import load_arrangement

    out: dict[int, Arrangement] = {}
    for year, path in files.items():
        try:
            arrangement = load_arrangement(path)
        except (InputError, CalendarDataError) as exc:
            raise type(exc)(
                f"stored arrangement for {year} is unusable: {exc}; remove it with "
                f"`govdisclose calendar remove {year}` and add it again (已保存的安排无法读取)"
            ) from None
        if arrangement.year != year:
            raise CalendarDataError(
                f"{path}: holds the arrangement for {arrangement.year}, not {year}; remove it "
                f"with `govdisclose calendar remove {year}` (文件名与年份不符)"
            )
        out[year] = arrangement
    return out


def store_arrangement(
    arrangement: Arrangement, directory: str | os.PathLike[str] | None = None
) -> Path:
    """Write ``arrangement`` to the store (replacing a stored file of its year); return the
    file.  An arrangement that lacks festivals without being marked partial is refused as
    :class:`~govdisclose._errors.CalendarDataError` (it would not read back), and a directory
    that cannot be created or written is an :class:`~govdisclose._errors.InputError` naming it."""
    from .._files import dump_json, write_file
    from ._arrangement_files import PARTIAL_HINT, arrangement_to_document

    if not isinstance(arrangement, Arrangement):
        raise InputError(
            f"expected an Arrangement, got {short_repr(arrangement)} (应为节假日安排)",
            path="arrangement",
        )
    check_complete(arrangement, f"the arrangement for {arrangement.year}", PARTIAL_HINT)
    folder = _directory(directory)
    path = folder / f"arrangement-{arrangement.year}.json"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror} (无法写入文件)") from None
    write_file(path, dump_json(arrangement_to_document(arrangement)))  # whole or not at all
    return path


def remove_arrangement(year: int, directory: str | os.PathLike[str] | None = None) -> Path:
    """Delete the stored arrangement of ``year``; return the file removed.  A year with no
    stored file is an :class:`~govdisclose._errors.InputError` listing the stored years."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise InputError(f"expected a year, got {short_repr(year)} (年份无效)", path="year")
    files = stored_files(directory)
    path = files.get(year)
    if path is None:
        listed = ", ".join(str(y) for y in files) or "none"
        raise InputError(
            f"no stored arrangement for {year} (stored: {listed}) (未保存该年的节假日安排)"
        )
    try:
        path.unlink()
    except OSError as exc:
        raise InputError(f"cannot remove {path}: {exc.strerror} (无法删除文件)") from None
    return path
