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
govdisclose.findings._codes.UnknownFindingCodeError: unknown finding code 'demo.no-such-code'; ...

Findings keep the order in which they were found; :meth:`Report.merge` (``+``) appends.

The names are defined in two submodules and documented here, where they are imported from:
:mod:`govdisclose.findings._codes` (severities, codes, the registry, :class:`Finding`) and
:mod:`govdisclose.findings._report` (:class:`Report`, :class:`ReportBuilder`).
"""

from __future__ import annotations

from ._codes import (
    CODES,
    Finding,
    FindingCode,
    FindingCodeError,
    Severity,
    UnknownFindingCodeError,
    all_codes,
    register_code,
)
from ._codes import CodeRegistry as CodeRegistry
from ._report import Report, ReportBuilder

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
