"""How a result class is written as JSON, declared with the class itself.

The library's results (a findings report, a deadline, an audit result, a day of the
calendar …) are written *in full*: every field, ``null`` for an absent value, after the values
derived from the fields (a report's ``ok`` and ``counts``).  A result class says so with the
:func:`output` decorator, naming its derived values and the fields that are not written; the
package's converter writes it by that statement, and the output schemas are walked from the
same statement, so neither needs to know the other.

>>> import attrs
>>> from govdisclose._output import output, output_of
>>> @output(derived=("total",))
... @attrs.frozen
... class Tally:
...     done: int
...     open: int = 0
...     @property
...     def total(self) -> int:
...         return self.done + self.open
>>> output_of(Tally)
Output(derived=('total',), values={}, exclude=())
>>> from govdisclose import unstructure
>>> unstructure(Tally(3))
{'total': 3, 'done': 3, 'open': 0}
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

T = TypeVar("T", bound=type)

_ATTRIBUTE = "_govdisclose_output"


@attrs.frozen
class Output:
    """The JSON form of a result class.

    ``derived`` names the values written before the fields, in order: each is the attribute
    of that name (a property), or ``values[name](obj)``.  ``exclude`` names the fields that
    are not written.
    """

    derived: tuple[str, ...] = ()
    values: Mapping[str, Callable[[Any], Any]] = attrs.field(factory=dict)
    exclude: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        unnamed = set(self.values) - set(self.derived)
        if unnamed:
            raise ValueError(f"values for names not in derived: {sorted(unnamed)}")


def output(
    *,
    derived: tuple[str, ...] = (),
    values: Mapping[str, Callable[[Any], Any]] | None = None,
    exclude: tuple[str, ...] = (),
) -> Callable[[T], T]:
    """Declare an attrs class a result written in full (see :class:`Output`)."""
    form = Output(derived, dict(values or {}), exclude)

    def declare(cls: T) -> T:
        setattr(cls, _ATTRIBUTE, form)
        return cls

    return declare


def output_of(cls: Any) -> Output | None:
    """The JSON form ``cls`` declares (not one it inherits), or ``None`` for other types."""
    if not isinstance(cls, type):
        return None
    form = vars(cls).get(_ATTRIBUTE)
    return form if isinstance(form, Output) else None


def label(name: str) -> Callable[[Any], str | None]:
    """A derived value: the Chinese label of the term in field ``name`` (``None`` for none)."""

    def get(obj: Any) -> str | None:
        term = getattr(obj, name)
        return None if term is None else term.label

    return get
