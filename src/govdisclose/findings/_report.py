"""Reports of findings: :class:`Report`, its JSON form, and :class:`ReportBuilder`.

The implementation of :mod:`govdisclose.findings` (import the names from there): a
:class:`Report` holds the findings of one check in the order they were found, counts them by
severity, filters and merges (the package's converter writes it and reads it back:
:func:`govdisclose.dumps`, :func:`govdisclose.loads`); a
:class:`ReportBuilder` collects findings as a check goes.  Codes and findings themselves are
in :mod:`govdisclose.findings._codes`.

>>> from govdisclose import structure
>>> from govdisclose.findings import Report
>>> report = structure({"subject": "目录.json", "findings": []}, Report)
>>> report.ok, report.counts
(True, {'error': 0, 'warning': 0, 'info': 0})
>>> print(report.summary())
目录.json: 0 错误 error, 0 警告 warning, 0 提示 info
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from .._output import output
from ._codes import CODES, Finding, FindingCode, Severity

_SEVERITIES = tuple(Severity)

#: How many findings ``str()`` of a report lists.
_SHOWN = 10


def _severity_set(severity: Severity | str | Iterable[Severity | str]) -> frozenset[Severity]:
    if isinstance(severity, (Severity, str)):
        return frozenset({Severity.parse(severity)})
    return frozenset(Severity.parse(s) for s in severity)


def _to_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(findings)


@output(derived=("ok", "counts"))
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

    def summary(self) -> str:
        """One line: the subject and the counts by severity."""
        counts = ", ".join(f"{self.count(s)} {s.label} {s.code}" for s in _SEVERITIES)
        return f"{self.subject}: {counts}" if self.subject else counts

    def __str__(self) -> str:
        """The summary and the first findings (:meth:`to_text` lists them all)."""
        shown = self.findings[:_SHOWN]
        lines = [self.summary(), *(f.to_text() for f in shown)]
        if len(self.findings) > _SHOWN:
            rest = len(self.findings) - _SHOWN
            lines.append(f"… {rest} more (共{rest}条未列出)")
        return "\n".join(lines)

    def to_text(self) -> str:
        """A listing for people: the summary, then one line per finding, hints indented."""
        lines = [self.summary()]
        lines.extend(f.to_text() for f in self.findings)
        return "\n".join(lines)


@attrs.define
class ReportBuilder:
    """A mutable collector: add findings as they are found, then :meth:`build` a report.

    It never stops at the first finding; the report keeps the order of :meth:`add` calls.
    """

    subject: str | None = None
    findings: list[Finding] = attrs.field(factory=list)

    def add(
        self, finding: Finding | FindingCode | str, path: str | None = None, **details: Any
    ) -> Finding:
        """Add a :class:`Finding`, or make one from a code (``str`` or :class:`FindingCode`).

        With a code, ``path`` is required and ``details`` (messages, hint, severity, data) go
        to :meth:`FindingCode.finding`.  Returns the finding added.
        """
        if isinstance(finding, Finding):
            if path is not None or details:
                raise TypeError("add(Finding) takes no other arguments")
            made = finding
        else:
            definition = finding if isinstance(finding, FindingCode) else CODES[finding]
            if path is None:
                raise TypeError(f"add({definition.code!r}) needs a path")
            made = definition.finding(path, **details)
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
