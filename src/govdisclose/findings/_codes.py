"""Finding codes and the findings made from them: severities, the registry, :class:`Finding`.

The implementation of :mod:`govdisclose.findings` (import the names from there): the
:class:`Severity` vocabulary, :class:`FindingCode`, the read-only registry :data:`CODES` of
every code of the library, :func:`all_codes`, and :class:`Finding`, whose code must be in
:data:`CODES`.  Each area of the library states its codes in one module-level table (a tuple
named ``CODES``, one :class:`FindingCode` per row); the registry is built from those tables,
listed here by area, each on first use.  Reports of findings are in
``govdisclose.findings._report``.

>>> from govdisclose.findings import CODES, Severity
>>> from govdisclose.checks import _document_codes as document_codes  # the document.* codes
>>> CODES["document.published-late"] is document_codes.PUBLISHED_LATE
True
>>> Severity.parse("警告"), Severity.WARNING.rank
(<Severity.WARNING: 'warning'>, 1)
"""

from __future__ import annotations

import enum
import importlib
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from .._errors import InputError, NotFoundError, short_repr
from .._model import FrozenDict
from .._output import output
from .._vocabulary import Term

_CODE_RE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)+")


class Severity(Term):
    """严重程度: ``error`` 错误, ``warning`` 警告, ``info`` 提示 (most serious first)."""

    __concept__ = "严重程度"

    ERROR = ("error", "错误")
    WARNING = ("warning", "警告")
    INFO = ("info", "提示")

    @property
    def rank(self) -> int:
        """0 for error, 1 for warning, 2 for info: sort with ``key=lambda s: s.rank``."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _parse_severity(value: object) -> Severity:
    return Severity.parse(value)


def _freeze(value: Any, where: str) -> Any:
    """Deep-copy ``value`` into immutable JSON values (tuples, read-only mappings)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, enum.Enum) and isinstance(value.value, (str, int)):
        return value.value
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{where}: data keys must be str, not {type(key).__name__}")
            out[key] = _freeze(item, f"{where}.{key}")
        return FrozenDict(out)
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(item, f"{where}[{i}]") for i, item in enumerate(value))
    raise TypeError(f"{where}: finding data must be JSON values, not {type(value).__name__}")


def _frozen_data(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    frozen: Mapping[str, Any] = _freeze(dict(value or {}), "data")
    return frozen


def _check_code_syntax(code: str) -> str:
    if not _CODE_RE.fullmatch(code):
        raise InputError(
            f"malformed finding code {code!r}: use dotted lower-case ASCII such as "
            f"'catalogue.missing-element' (问题代码格式不正确)"
        )
    return code


@attrs.frozen
class FindingCode:
    """A registered finding code: its default severity, short titles and a description."""

    code: str = attrs.field(converter=_check_code_syntax)
    severity: Severity = attrs.field(converter=_parse_severity)
    title_zh: str
    title_en: str
    description: str = ""

    def finding(
        self,
        path: str,
        *,
        message_zh: str | None = None,
        message_en: str | None = None,
        hint: str = "",
        severity: Severity | str | None = None,
        **data: Any,
    ) -> Finding:
        """Make a finding with this code at ``path``; messages default to the titles.

        ``severity`` overrides the code's default; extra keyword arguments become ``data``.
        """
        return Finding(
            code=self.code,
            severity=self.severity if severity is None else severity,
            path=path,
            message_zh=self.title_zh if message_zh is None else message_zh,
            message_en=self.title_en if message_en is None else message_en,
            hint=hint,
            data=data,
        )


#: The code tables of the library by area (a code's first part): module and table name.  A
#: table is a tuple of :class:`FindingCode` rows, or of plain rows of the same five values.
_TABLES: Mapping[str, tuple[tuple[str, str], ...]] = {
    "catalogue": (
        ("govdisclose.checks._prescan", "CODES"),
        ("govdisclose.checks._catalogue", "CODES"),
        ("govdisclose.checks._items", "CODES"),
    ),
    "localize": (("govdisclose.checks._against_standard", "CODES"),),
    "document": (("govdisclose.checks._document_codes", "CODES"),),
    "audit": (("govdisclose.audit._result", "CODES"),),
    "tables": (("govdisclose.tables._codes", "CODES"),),
    "personal-data": (("govdisclose._privacy", "CODES"),),
    "annual-report": (("govdisclose.annual_report._findings", "FINDINGS"),),
    "requests": (("govdisclose.requests._codes", "FINDING_CODES"),),
}


class _Registry(Mapping[str, FindingCode]):
    """Every finding code of the library, by code: read-only, built from the areas' tables.

    An area's table is loaded when one of its codes is first looked up (the module that
    makes the finding has loaded it already); listing the codes loads every table.
    """

    def __init__(self) -> None:
        self._areas: dict[str, dict[str, FindingCode]] = {}

    def _area(self, area: str) -> dict[str, FindingCode]:
        codes = self._areas.get(area)
        if codes is None:
            codes = {}
            for module, name in _TABLES[area]:
                for row in getattr(importlib.import_module(module), name):
                    definition = row if isinstance(row, FindingCode) else FindingCode(*row)
                    if definition.code in codes or not definition.code.startswith(area + "."):
                        raise InputError(f"finding code {definition.code!r} in the wrong table")
                    codes[definition.code] = definition
            self._areas[area] = codes
        return codes

    def __getitem__(self, code: str) -> FindingCode:
        try:
            return self._area(code.partition(".")[0])[code]
        except (KeyError, AttributeError):
            raise NotFoundError(
                f"unknown finding code {short_repr(code)} (未知的问题代码)", key=code
            ) from None

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(code for area in _TABLES for code in self._area(area)))

    def __len__(self) -> int:
        return sum(len(self._area(area)) for area in _TABLES)

    def __repr__(self) -> str:
        return f"<finding codes: {len(self)}>"


#: Every finding code of the library, by code (sorted).
CODES: Mapping[str, FindingCode] = _Registry()


def all_codes() -> tuple[FindingCode, ...]:
    """Every finding code of the library, sorted by code."""
    return tuple(CODES.values())


def _registered_code(code: str) -> str:
    try:
        CODES[code]
    except NotFoundError as exc:  # named at the field
        raise NotFoundError(exc.message, key=code, path="code") from None
    return code


@output()
@attrs.frozen
class Finding:
    """One thing a check found.  ``code`` must be registered in :data:`CODES`."""

    code: str = attrs.field(converter=_registered_code)
    severity: Severity = attrs.field(converter=_parse_severity)
    path: str
    message_zh: str
    message_en: str
    hint: str = ""
    data: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_data, hash=False)

    @property
    def definition(self) -> FindingCode:
        """The registered definition of :attr:`code`."""
        return CODES[self.code]

    def to_text(self) -> str:
        """One line (two with a hint) for people; see
        :meth:`govdisclose.findings.Report.to_text`."""
        line = (
            f"{self.severity.label} {self.severity.code}  {self.path}  {self.code}  "
            f"{self.message_zh} / {self.message_en}"
        )
        if self.hint:
            line += f"\n    建议 hint: {self.hint}"
        return line
