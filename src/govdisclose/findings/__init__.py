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
``personal-data.id-card``.  The first part names the area that owns the code.  Each area
states its codes in one table, a module-level tuple of :class:`FindingCode` rows (code,
severity, Chinese and English title, description); :data:`CODES` is built from those tables
and :func:`all_codes` lists them all, for the documentation's one table of all codes.

>>> from govdisclose.findings import CODES, ReportBuilder, Severity
>>> CODES["catalogue.missing-element"].severity
<Severity.ERROR: 'error'>
>>> builder = ReportBuilder(subject="目录.json")
>>> _ = builder.add(CODES["catalogue.missing-element"].finding(
...     "$.items[2].name", hint="填写事项名称 / fill in the name"))
>>> _ = builder.add("catalogue.title-missing", "$.title", column=3)
>>> report = builder.build()
>>> report.ok, report.counts
(False, {'error': 1, 'warning': 1, 'info': 0})
>>> print(report.to_text())  # doctest: +ELLIPSIS
目录.json: 1 错误 error, 1 警告 warning, 0 提示 info
错误 error  $.items[2].name  catalogue.missing-element  缺少必备要素 / required element ...
    建议 hint: 填写事项名称 / fill in the name
警告 warning  $.title  catalogue.title-missing  目录无标题 / the catalogue has no title
>>> report.findings[1].data
{'column': 3}

A code the library does not define cannot be used:

>>> builder.add("demo.no-such-code", "$")
Traceback (most recent call last):
...
govdisclose.NotFoundError: unknown finding code 'demo.no-such-code' (未知的问题代码)

Findings keep the order in which they were found; :meth:`Report.merge` (``+``) appends.

The names are defined in two submodules and documented here, where they are imported from:
:mod:`govdisclose.findings._codes` (severities, codes, the registry, :class:`Finding`) and
``govdisclose.findings._report`` (:class:`Report`, :class:`ReportBuilder`).
"""

from __future__ import annotations

from ._codes import CODES, Finding, FindingCode, Severity, all_codes
from ._report import Report, ReportBuilder

__all__ = ["CODES", "Finding", "FindingCode", "Report", "ReportBuilder", "Severity", "all_codes"]
