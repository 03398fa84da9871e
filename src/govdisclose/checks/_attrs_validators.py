"""attrs validators and converters for your own classes: non-empty text, vocabulary terms.

A CMS plugin that keeps its own attrs classes can check the standard's rules when an object
is built.  The validators raise :class:`~govdisclose._errors.InputError` or
:class:`~govdisclose._errors.VocabularyError` — both :class:`~govdisclose._errors.GovdiscloseError`
and :class:`ValueError` — with the attribute's name as the error's ``path``.

>>> import attrs
>>> from govdisclose._vocabulary import Channel
>>> from govdisclose.checks._attrs_validators import (
...     each_in_vocabulary, non_empty, recognised_time_limit, to_term, to_terms)
>>> @attrs.frozen
... class Row:
...     name: str = attrs.field(validator=non_empty)
...     channel: Channel = attrs.field(converter=to_term(Channel))
...     others: tuple[Channel, ...] = attrs.field(
...         default=(), converter=to_terms(Channel), validator=each_in_vocabulary(Channel))
...     limit: str = attrs.field(default="按进展情况及时公开", validator=recognised_time_limit)
>>> Row("法律法规", "政府网站", ["两微一端"]).others
(<Channel.NEW_MEDIA: 'new_media'>,)
>>> Row("  ", "政府网站")
Traceback (most recent call last):
...
govdisclose._errors.InputError: name: must not be empty (不能为空)
>>> Row("x", "网站X")
Traceback (most recent call last):
...
govdisclose._errors.VocabularyError: unknown 公开渠道 '网站X'; allowed: ...
>>> Row("x", "政府网站", limit="尽快")
Traceback (most recent call last):
...
govdisclose._errors.InputError: limit: time limit '尽快' is not ...
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from .._errors import InputError, VocabularyError
from .._vocabulary import Term

T = TypeVar("T", bound=Term)


def _name(attribute: Any) -> str:
    return str(getattr(attribute, "name", "value"))


def non_empty(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse ``None``, text of white space only, and empty collections."""
    empty = (
        value is None
        or (isinstance(value, str) and not value.strip())
        or (isinstance(value, (tuple, list, set, frozenset, Mapping)) and not value)
    )
    if empty:
        raise InputError("must not be empty (不能为空)", path=_name(attribute))


def in_vocabulary(cls: type[T]) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A validator accepting only members of the vocabulary ``cls`` (e.g. ``Channel``).

    Use :func:`to_term` as the converter to accept codes, labels and variants as input.
    """

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        _check_member(cls, value, _name(attribute))

    return validate


def _check_member(cls: type[Term], value: Any, path: str) -> None:
    if not isinstance(value, cls):
        allowed = [f"{m.code} ({m.label})" for m in cls]
        raise VocabularyError(cls.__concept__, value, allowed, path=path)


def each_in_vocabulary(cls: type[T]) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A validator for a tuple or list whose every element is a member of ``cls``."""

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
            raise InputError(
                f"must be a list of {cls.__concept__}, got {type(value).__name__} (应为列表)",
                path=_name(attribute),
            )
        for index, entry in enumerate(value):
            _check_member(cls, entry, f"{_name(attribute)}[{index}]")

    return validate


def to_term(cls: type[T]) -> Callable[[Any], T]:
    """A converter reading a code, label or variant into a member of ``cls``."""

    def convert(value: Any) -> T:
        return cls.parse(value)

    return convert


def to_terms(cls: type[T]) -> Callable[[Any], tuple[T, ...]]:
    """A converter reading a list of codes, labels or variants into a tuple of members."""

    def convert(value: Any) -> tuple[T, ...]:
        if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
            raise InputError(
                f"expected a list of {cls.__concept__}, got {type(value).__name__} (应为列表)"
            )
        return tuple(cls.parse(v, path=f"[{i}]") for i, v in enumerate(value))

    return convert


def recognised_time_limit(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse a time-limit text (or a :class:`~govdisclose._model.TimeLimit`) not recognised."""
    from ..timelimits import parse_time_limit
    from ._prescan import clip

    text = getattr(value, "text", value)
    if not isinstance(text, str) or parse_time_limit(text).kind == "unrecognised":
        raise InputError(
            f"time limit {clip(repr(text) if isinstance(text, str) else text)} is not recognised "
            f"(无法识别的公开时限)",
            path=_name(attribute),
        )
