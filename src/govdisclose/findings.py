"""Findings: what a check found, where, how serious, in Chinese and English.

Every validator in the library reports :class:`Finding` objects collected into a
:class:`Report` — all problems at once, never only the first.  A finding has

* a **code** — stable, ASCII, registered in :data:`CODES`.  Codes are API: scripts filter
  and count by them, and a code keeps its meaning across releases.  The wording of messages
  is not API and may change.
* a **severity** — :class:`Severity`: ``error`` (must be fixed: the document breaks a rule
  or must not be published), ``warning`` (probably wrong, a person should look), ``info``.
* a **path** — where: a JSON path (``$.items[3].channels[1]``), a cell reference
  (``救灾!H12``) or a text span (``$.text[120:138]``, character offsets, end exclusive).
* ``message_zh`` / ``message_en`` / ``hint`` — for people; ``data`` — for programs
  (JSON values only: str, int, float, bool, None, lists and objects).

**Code scheme.**  A code is dotted, lower-case ASCII: ``<area>.<name>``, each part made of
letters, digits and single hyphens, e.g. ``catalogue.missing-element`` or
``personal-data.id-card``.  The first part names the area (usually the module) that owns
the code, so modules choose their own codes without colliding.  Each module registers its
codes with :func:`register_code` when it is imported; :func:`all_codes` imports the library's
modules and returns the whole table, for the documentation's one table of all codes.

>>> from govdisclose.findings import ReportBuilder, Severity, register_code
>>> DEMO = register_code(
...     "demo.missing-name", Severity.ERROR, "缺少名称", "name is missing",
...     "The item has no name (公开事项名称).",
... )
>>> builder = ReportBuilder(subject="目录.json")
>>> _ = builder.add(DEMO.finding("$.items[2].name", hint="填写事项名称 / fill in the name"))
>>> _ = builder.add("demo.missing-name", "$.items[5].name", column=3)
>>> report = builder.build()
>>> report.ok, report.counts
(False, {'error': 2, 'warning': 0, 'info': 0})
>>> print(report.to_text())
目录.json: 2 错误 error, 0 警告 warning, 0 提示 info
错误 error  $.items[2].name  demo.missing-name  缺少名称 / name is missing
    建议 hint: 填写事项名称 / fill in the name
错误 error  $.items[5].name  demo.missing-name  缺少名称 / name is missing
>>> report.findings[1].data
mappingproxy({'column': 3})

A code that was never registered cannot be used:

>>> builder.add("demo.no-such-code", "$")
Traceback (most recent call last):
...
govdisclose.findings.UnknownFindingCodeError: unknown finding code 'demo.no-such-code'; ...

Findings keep the order in which they were found; :meth:`Report.merge` (``+``) appends.
"""

from __future__ import annotations

import enum
import importlib
import pkgutil
import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from .errors import GovdiscloseError, InputError
from .vocabulary import Term

__all__ = [
    "CODES",
    "Finding",
    "FindingCode",
    "FindingCodeError",
    "Report",
    "ReportBuilder",
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
    command line (``govdisclose.cli``) and private ones (a name part starting with ``_``).
    """
    import govdisclose

    for info in pkgutil.walk_packages(govdisclose.__path__, prefix="govdisclose."):
        parts = info.name.split(".")[1:]
        if parts[0] == "cli" or any(part.startswith("_") for part in parts):
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


_SEVERITIES = tuple(Severity)


def _severity_set(severity: Severity | str | Iterable[Severity | str]) -> frozenset[Severity]:
    if isinstance(severity, (Severity, str)):
        return frozenset({Severity.parse(severity)})
    return frozenset(Severity.parse(s) for s in severity)


def _to_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(findings)


@attrs.frozen
class Report:
    """The findings of one check (or several merged), in the order they were found."""

    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_to_findings)
    subject: str | None = None

    def __attrs_post_init__(self) -> None:
        for i, finding in enumerate(self.findings):
            if not isinstance(finding, Finding):
                raise TypeError(f"findings[{i}] is a {type(finding).__name__}, not a Finding")

    def __len__(self) -> int:
        return len(self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __add__(self, other: Report) -> Report:
        if not isinstance(other, Report):
            return NotImplemented
        return self.merge(other)

    def count(self, severity: Severity | str) -> int:
        """How many findings have ``severity``."""
        wanted = Severity.parse(severity)
        return sum(1 for f in self.findings if f.severity is wanted)

    @property
    def counts(self) -> dict[str, int]:
        """Findings per severity code, every severity present: ``{"error": 1, ...}``."""
        return {s.code: self.count(s) for s in _SEVERITIES}

    @property
    def has_errors(self) -> bool:
        """Whether any finding is an error."""
        return any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def ok(self) -> bool:
        """No errors (warnings and infos are allowed)."""
        return not self.has_errors

    @property
    def codes(self) -> tuple[str, ...]:
        """The distinct codes found, in order of first appearance."""
        return tuple(dict.fromkeys(f.code for f in self.findings))

    def filter(
        self,
        severity: Severity | str | Iterable[Severity | str] | None = None,
        *,
        code: str | Iterable[str] | None = None,
    ) -> Report:
        """The findings with the given severity (or severities) and/or code(s), same order."""
        kept: Iterable[Finding] = self.findings
        if severity is not None:
            wanted = _severity_set(severity)
            kept = [f for f in kept if f.severity in wanted]
        if code is not None:
            codes = {code} if isinstance(code, str) else set(code)
            kept = [f for f in kept if f.code in codes]
        return Report(tuple(kept), self.subject)

    def merge(self, other: Report) -> Report:
        """Self's findings followed by other's.

        The subject is kept when both are the same or one is ``None``; two different
        subjects are joined with ``"; "``.
        """
        if self.subject is None or other.subject is None or self.subject == other.subject:
            subject = self.subject if self.subject is not None else other.subject
        else:
            subject = f"{self.subject}; {other.subject}"
        return Report(self.findings + other.findings, subject)

    def to_json(self) -> dict[str, Any]:
        """``{"subject", "ok", "counts", "findings": [...]}`` as JSON values."""
        return {
            "subject": self.subject,
            "ok": self.ok,
            "counts": self.counts,
            "findings": [f.to_json() for f in self.findings],
        }

    def summary(self) -> str:
        """One line: the subject and the counts by severity."""
        counts = ", ".join(f"{self.count(s)} {s.label} {s.code}" for s in _SEVERITIES)
        return f"{self.subject}: {counts}" if self.subject else counts

    def to_text(self) -> str:
        """A listing for people: the summary, then one line per finding, hints indented."""
        lines = [self.summary()]
        lines.extend(f.to_text() for f in self.findings)
        return "\n".join(lines)

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | str) -> Report:
        """Read what :meth:`to_json` wrote (a mapping or a JSON string).

        Raises :class:`~govdisclose.errors.InputError` with the path of the first bad value.
        ``ok`` and ``counts`` are derived; when present they must agree with the findings.
        Every code must be known to this version of the library (:func:`all_codes`).
        """
        if isinstance(data, str):
            from .textfile import parse_json

            data = parse_json(data)
        if not isinstance(data, Mapping):
            raise InputError("a report must be a JSON object (报告应为JSON对象)", path="$")
        unknown_keys = set(data) - {"subject", "ok", "counts", "findings"}
        if unknown_keys:
            raise InputError(f"unknown keys {sorted(unknown_keys)} (未知字段)", path="$")
        subject = data.get("subject")
        if subject is not None and not isinstance(subject, str):
            raise InputError("subject must be a string or null", path="$.subject")
        raw = data.get("findings", [])
        if not isinstance(raw, list):
            raise InputError("findings must be a list (findings应为数组)", path="$.findings")
        if any(isinstance(f, Mapping) and f.get("code") not in CODES for f in raw):
            all_codes()
        report = cls(
            tuple(_finding_from_json(f, f"$.findings[{i}]") for i, f in enumerate(raw)),
            subject,
        )
        for key, derived in (("ok", report.ok), ("counts", report.counts)):
            if key in data and data[key] != derived:
                raise InputError(
                    f"{key} is {data[key]!r} but the findings give {derived!r} (与问题列表不符)",
                    path=f"$.{key}",
                )
        return report


_FINDING_KEYS = ("code", "severity", "path", "message_zh", "message_en", "hint")


def _finding_from_json(raw: object, path: str) -> Finding:
    if not isinstance(raw, Mapping):
        raise InputError("a finding must be a JSON object", path=path)
    unknown = set(raw) - {*_FINDING_KEYS, "data"}
    if unknown:
        raise InputError(f"unknown keys {sorted(unknown)} (未知字段)", path=path)
    values: dict[str, Any] = {}
    for key in _FINDING_KEYS:
        value = raw.get(key, "" if key == "hint" else None)
        if not isinstance(value, str):
            raise InputError(f"{key} must be a string (应为字符串)", path=f"{path}.{key}")
        values[key] = value
    data = raw.get("data") or {}
    if not isinstance(data, Mapping):
        raise InputError("data must be a JSON object", path=f"{path}.data")
    try:
        severity = Severity.parse(values.pop("severity"))
    except GovdiscloseError as exc:
        raise InputError(exc.message, path=f"{path}.severity") from None
    try:
        code = _registered_code(values.pop("code"))
    except GovdiscloseError as exc:
        raise InputError(exc.message, path=f"{path}.code") from None
    return Finding(code=code, severity=severity, data=data, **values)


@attrs.define
class ReportBuilder:
    """A mutable collector: add findings as they are found, then :meth:`build` a report.

    It never stops at the first finding; the report keeps the order of :meth:`add` calls.
    """

    subject: str | None = None
    findings: list[Finding] = attrs.field(factory=list)

    def add(
        self,
        finding: Finding | FindingCode | str,
        path: str | None = None,
        *,
        message_zh: str | None = None,
        message_en: str | None = None,
        hint: str = "",
        severity: Severity | str | None = None,
        **data: Any,
    ) -> Finding:
        """Add a :class:`Finding`, or make one from a code (``str`` or :class:`FindingCode`).

        With a code, ``path`` is required and the other arguments go to
        :meth:`FindingCode.finding`.  Returns the finding added.
        """
        if isinstance(finding, Finding):
            extra = (path, message_zh, message_en, severity) != (None,) * 4 or hint or data
            if extra:
                raise TypeError("add(Finding) takes no other arguments")
            made = finding
        else:
            definition = finding if isinstance(finding, FindingCode) else CODES[finding]
            if path is None:
                raise TypeError(f"add({definition.code!r}) needs a path")
            made = definition.finding(
                path,
                message_zh=message_zh,
                message_en=message_en,
                hint=hint,
                severity=severity,
                **data,
            )
        self.findings.append(made)
        return made

    def extend(self, findings: Iterable[Finding]) -> None:
        """Add several findings (or every finding of a :class:`Report`), keeping their order."""
        for finding in findings:
            self.add(finding)

    def __len__(self) -> int:
        return len(self.findings)

    @property
    def has_errors(self) -> bool:
        """Whether an error has been added so far."""
        return any(f.severity is Severity.ERROR for f in self.findings)

    def build(self) -> Report:
        """The report of everything added so far (the builder can go on collecting)."""
        return Report(tuple(self.findings), self.subject)
