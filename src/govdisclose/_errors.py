"""The library's exceptions: one root, :class:`GovdiscloseError`, and a few kinds below it.

Every error the library raises on bad input is a :class:`GovdiscloseError`, so a caller can
catch one type.  Errors about a place in a document carry that place as a JSON-path string
(``$.items[3].channels[1]``) in the ``path`` attribute of the :class:`GovdiscloseError`.

>>> from govdisclose._errors import VocabularyError, GovdiscloseError
>>> err = VocabularyError("渠道", "网站X", ["government_website"], path="$.items[0].channels[1]")
>>> isinstance(err, GovdiscloseError), isinstance(err, ValueError)
(True, True)
>>> print(err)
$.items[0].channels[1]: unknown 渠道 '网站X'; allowed: government_website (未知的渠道：'网站X')

Codes are API; message wording is not (see the compatibility policy in the docs).
"""

from __future__ import annotations

import functools
import reprlib
from collections.abc import Iterable, Sequence

_SHORT = reprlib.Repr()
_SHORT.maxstring = 60
_SHORT.maxother = 60
_SHORT.maxlevel = 3


def short_repr(value: object, *, limit: int | None = None) -> str:
    """A repr for messages: bounded in length and depth, whatever the user sent.

    ``limit`` caps the whole text at that many characters (the end cut off and marked ``…``);
    without it, strings and other single values are cut to about 60 characters and
    containers to a few elements, three levels deep (a large container or string is cut
    before it is turned into text).

    >>> short_repr("x" * 1000)[:12], len(short_repr([[[[[[1]]]]]])) < 30
    ("'xxxxxxxxxxx", True)
    >>> short_repr(list(range(100)), limit=20)
    '[0, 1, 2, 3, 4, 5, …'
    """
    try:
        text = (_SHORT if limit is None else _limited(limit)).repr(value)
    except Exception:  # a user object whose repr fails
        text = f"<{type(value).__name__}>"
    if limit is not None and len(text) > limit:
        text = text[: max(limit - 1, 0)] + "…"
    return text


@functools.lru_cache(maxsize=16)
def _limited(limit: int) -> reprlib.Repr:
    shorter = reprlib.Repr()
    shorter.maxstring = shorter.maxother = max(limit, 8)
    shorter.maxlevel = 3
    return shorter


class GovdiscloseError(Exception):
    """Root of every error the library raises on purpose.

    ``path`` says where in the input the problem is (JSON-path style, ``None`` when it is not
    about a place in a document).
    """

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.message = message
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt as it is, without calling __init__ again (the subclasses' take other
        # arguments than the message): an error reaches a worker's parent as itself.
        return (_rebuilt, (type(self), self.args), self.__dict__)


def _rebuilt(cls: type[GovdiscloseError], args: tuple[object, ...]) -> GovdiscloseError:
    return cls.__new__(cls, *args)


class InputError(GovdiscloseError, ValueError):
    """Input that cannot be used at all: not JSON, wrong type, unreadable file, bad encoding."""


class LimitError(InputError):
    """An input file over one of the size limits that protect against hostile files.

    ``limit`` is the limit's name (a field of :class:`~govdisclose.tables.Limits`, e.g.
    ``max_columns``) and ``value`` the limit in force; in Python it is raised with
    ``limits=Limits(max_columns=…)``.
    """

    def __init__(self, message: str, *, limit: str, value: int, path: str | None = None) -> None:
        self.limit = limit
        self.value = value
        super().__init__(message, path=path)


class DataError(GovdiscloseError, ValueError):
    """A document whose shape is wrong: a missing or extra field, a wrong type, a bad value.

    ``errors`` holds every individual problem found (each a :class:`GovdiscloseError` with its
    own path), so that a user sees all of them at once, not only the first; ``message`` is
    the headline alone, ``str()`` the headline and the list.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        errors: Sequence[GovdiscloseError] = (),
    ) -> None:
        self.errors = tuple(errors)
        headline = message
        if self.errors:
            details = "\n".join(f"  - {e}" for e in self.errors)
            message = f"{message}\n{details}"
        super().__init__(message, path=path)
        self.message = headline  # the details are in ``errors`` (and in ``str()``) once


class VocabularyError(GovdiscloseError, ValueError):
    """A value that is not in one of the standard's vocabularies (channel, audience, mode …)."""

    def __init__(
        self,
        concept: str,
        value: object,
        allowed: Iterable[str],
        *,
        path: str | None = None,
    ) -> None:
        self.concept = concept
        self.value = value
        self.allowed = tuple(allowed)
        shown = short_repr(value)
        message = (
            f"unknown {concept} {shown}; allowed: {', '.join(self.allowed)} "
            f"(未知的{concept}：{shown})"
        )
        super().__init__(message, path=path)


class NotFoundError(GovdiscloseError, KeyError):
    """A name the library does not know: a finding code, a schema, a catalogue item.

    ``key`` is the name looked up.  Also a :class:`KeyError` (and so a :class:`LookupError`).
    """

    def __init__(self, message: str, *, key: object = None, path: str | None = None) -> None:
        self.key = key
        super().__init__(message, path=path)

    def __str__(self) -> str:  # not KeyError's repr of the message
        return Exception.__str__(self)


class CalendarDataError(GovdiscloseError, ValueError):
    """A holiday-arrangement file or value that is malformed.

    ``partial_helps`` is true for a notice that lacks festivals and would be read if marked
    partial with a reason (in Python ``read_notice(…, partial="why")``).
    """

    def __init__(
        self, message: str, *, path: str | None = None, partial_helps: bool = False
    ) -> None:
        self.partial_helps = partial_helps
        super().__init__(message, path=path)


class UnknownYearError(GovdiscloseError, LookupError):
    """A date computation needs a year for which no official holiday arrangement is loaded.

    ``year`` is the year; ``estimable`` whether a provisional estimate would cover it (and is
    not in use yet).  The message says what is missing in words that fit any caller; in Python
    the year is supplied with :func:`~govdisclose.calendar.read_notice` or
    :func:`~govdisclose.calendar.load_arrangement` and ``with_arrangement``, or estimated with
    ``provisional=True``.  ``message`` replaces the default where the caller knows better (the
    years a calendar covers, a year that even an estimate does not cover).
    """

    def __init__(
        self,
        year: int,
        *,
        estimable: bool = True,
        path: str | None = None,
        message: str | None = None,
    ) -> None:
        self.year = year
        self.estimable = estimable
        if message is None:
            message = (
                f"no official holiday arrangement is known for {year} "
                f"(尚无{year}年国务院办公厅节假日安排); supply the year's arrangement from the "
                f"State Council notice, or ask for a provisional estimate"
            )
        super().__init__(message, path=path)


# Shown (and pickled) under the name users import them by: ``govdisclose.InputError``.
for _public in (
    GovdiscloseError,
    InputError,
    LimitError,
    DataError,
    VocabularyError,
    NotFoundError,
    CalendarDataError,
    UnknownYearError,
):
    _public.__module__ = "govdisclose"
