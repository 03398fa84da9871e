"""The public exceptions go by the name users import them by, in tracebacks and in pickles
(errors cross to worker processes as themselves)."""

from __future__ import annotations

import pickle
import traceback

import pytest

import govdisclose
from govdisclose import (
    CalendarDataError,
    DataError,
    InputError,
    NotFoundError,
    UnknownYearError,
    VocabularyError,
)
from govdisclose.calendar import WorkCalendar


@pytest.mark.parametrize("name", [n for n in govdisclose.__all__ if n.endswith("Error")])
def test_public_errors_are_named_as_imported(name: str) -> None:
    cls = getattr(govdisclose, name)
    assert f"{cls.__module__}.{cls.__qualname__}" == f"govdisclose.{name}"


def test_a_traceback_names_govdisclose_not_the_private_module() -> None:
    import datetime as dt

    with pytest.raises(UnknownYearError) as caught:
        WorkCalendar.official().is_workday(dt.date(2099, 1, 5))
    line = traceback.format_exception_only(caught.type, caught.value)[-1]
    assert line.startswith("govdisclose.UnknownYearError: no official holiday arrangement")


@pytest.mark.parametrize(
    "error",
    [
        InputError("bad value", path="$.items[0]"),
        NotFoundError("no such item", key="x"),
        UnknownYearError(2027, path="$.received"),
        VocabularyError("渠道", "网站X", ["government_website"], path="$.items[0].channels[1]"),
        DataError("inconsistent", errors=[InputError("before receipt", path="$.reply.date")]),
        CalendarDataError("2026-10-09 listed twice"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_errors_pickle_as_themselves(error: Exception) -> None:
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error) and str(back) == str(error)
    assert {k: v for k, v in vars(back).items() if k != "errors"} == {
        k: v for k, v in vars(error).items() if k != "errors"
    }
    assert [str(e) for e in getattr(back, "errors", ())] == [
        str(e) for e in getattr(error, "errors", ())
    ]
