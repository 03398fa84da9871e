"""Finding codes and the findings made from them: severities, the registry, :class:`Finding`.

The implementation of :mod:`govdisclose.findings` (import the names from there): the
:class:`Severity` vocabulary, the code syntax and its errors, :class:`FindingCode`, the one
registry :data:`CODES` with :func:`register_code`, :func:`all_codes`, and :class:`Finding`,
whose code must be registered.  :class:`Finding` lives here with :class:`FindingCode` because
each needs the other (:meth:`FindingCode.finding` makes one; a finding checks its code in
:data:`CODES`).  Reports of findings are in :mod:`govdisclose.findings._report`.

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
import pkgutil
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from .._errors import GovdiscloseError
from .._vocabulary import Term

__all__ = [
    "CODES",
    "CodeRegistry",
    "Finding",
    "FindingCode",
    "FindingCodeError",
    "Severity",
    "UnknownFindingCodeError",
    "all_codes",
    "register_code",
]

_CODE_RE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)+")


class FindingCodeError(GovdiscloseError, ValueError):
    """A finding code that is malformed or registered twice with different definitions."""


class UnknownFindingCodeError(FindingCodeError, KeyError):
    """A finding code that is not in the registry :data:`CODES`."""

    def __init__(self, code: object, *, path: str | None = None) -> None:
        self.code = code
        super().__init__(
            f"unknown finding code {code!r}; register it with register_code() first "
            f"(未登记的问题代码)",
            path=path,
        )

    def __str__(self) -> str:  # KeyError would show the message's repr
        return Exception.__str__(self)


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
        return MappingProxyType(out)
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(item, f"{where}[{i}]") for i, item in enumerate(value))
    raise TypeError(f"{where}: finding data must be JSON values, not {type(value).__name__}")


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _thaw(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [_thaw(item) for item in value]
    return value


def _frozen_data(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    frozen: Mapping[str, Any] = _freeze(dict(value or {}), "data")
    return frozen


def _check_code_syntax(code: object) -> str:
    if not isinstance(code, str) or not _CODE_RE.fullmatch(code):
        raise FindingCodeError(
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


class CodeRegistry(Mapping[str, FindingCode]):
    """The table of all finding codes; read-only except through :meth:`register`."""

    def __init__(self) -> None:
        self._codes: dict[str, FindingCode] = {}

    def register(
        self,
        code: str,
        severity: Severity | str,
        title_zh: str,
        title_en: str,
        description: str = "",
    ) -> FindingCode:
        """Register a code and return its definition.

        Registering the same definition again is allowed (a module imported twice); a
        different definition for a code already taken raises :class:`FindingCodeError`.
        """
        definition = FindingCode(code, severity, title_zh, title_en, description)
        existing = self._codes.get(definition.code)
        if existing == definition:
            return existing
        if existing is not None:
            raise FindingCodeError(
                f"finding code {code!r} is already registered with another definition "
                f"(问题代码重复登记): {existing}"
            )
        self._codes[definition.code] = definition
        return definition

    def __getitem__(self, code: str) -> FindingCode:
        try:
            return self._codes[code]
        except (KeyError, TypeError):
            raise UnknownFindingCodeError(code) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

    def __repr__(self) -> str:
        return f"CodeRegistry({sorted(self._codes)})"


#: Every finding code registered so far (modules register theirs when imported).
CODES = CodeRegistry()
register_code = CODES.register


def all_codes() -> tuple[FindingCode, ...]:
    """Import the library's modules (so that each registers its codes); return all, sorted.

    Every module and package of ``govdisclose``, at any depth, is imported except the
    command line (``govdisclose.cli``).
    """
    import govdisclose

    for info in pkgutil.walk_packages(govdisclose.__path__, prefix="govdisclose."):
        parts = info.name.split(".")[1:]
        if parts[0] == "cli" or parts[-1].startswith("__"):
            continue
        importlib.import_module(info.name)
    return tuple(CODES[code] for code in sorted(CODES))


def _registered_code(code: object) -> str:
    checked = _check_code_syntax(code)
    if checked not in CODES:
        raise UnknownFindingCodeError(checked)
    return checked


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

    def to_json(self) -> dict[str, Any]:
        """The finding as JSON values."""
        return {
            "code": self.code,
            "severity": self.severity.code,
            "path": self.path,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "hint": self.hint,
            "data": _thaw(self.data),
        }

    def to_text(self) -> str:
        """One line (two with a hint) for people; see :meth:`Report.to_text`."""
        line = (
            f"{self.severity.label} {self.severity.code}  {self.path}  {self.code}  "
            f"{self.message_zh} / {self.message_en}"
        )
        if self.hint:
            line += f"\n    建议 hint: {self.hint}"
        return line
