"""JSON Schema (Draft 2020-12) for every document the library exchanges, built from the model.

Front-end teams validate forms and files with these schemas; a form can show each vocabulary
value's Chinese label, which the schema carries as the value's ``title``::

    "channels": {"type": "array", "items": {"$ref": "#/$defs/Channel"}}
    "Channel": {"type": "string",
                "oneOf": [{"const": "government_website", "title": "政府网站"}, …]}

The schemas are generated, not written by hand: :mod:`govdisclose.schemas._walker` walks the
attrs classes and their type hints (vocabulary enums become ``oneOf`` of codes with labels),
and :mod:`govdisclose.schemas._documents` says, for each document, which classes it holds and
how the code that writes and reads it treats them — required fields exactly as the reader
requires them, ``additionalProperties: false`` where the reader refuses unknown keys.  A
schema describes the **canonical** form (vocabulary codes, a time limit as an object); the
readers also accept Chinese labels and variants, which the schemas do not describe.

The JSON **outputs** scripts read have schemas too, walked from the form each result class
declares and the converter writes (:func:`govdisclose.schemas._outputs.output_shapes`):
``audit-report`` (``govdisclose audit --format json``; its ``report`` is a findings report),
``audit-record-result`` (a line of ``audit --records``) and ``day-info`` (``calendar day
--format json``).  Every key of an output is always written, so these schemas require them all.

Each schema has ``$id`` ``https://govdisclose.github.io/schemas/<name>.schema.json`` and a
title and description in Chinese and English, and is self-contained (its parts are in its own
``$defs``).  The repository's ``schemas/`` directory holds the current export
(``govdisclose schema --output schemas``); a test fails when it is stale.

>>> from govdisclose.schemas import SCHEMA_NAMES, schema
>>> SCHEMA_NAMES
('catalogue', 'catalogue-item', 'document-record', 'publication-log-record',
 'findings-report', 'audit-report', 'audit-record-result', 'deadline', 'day-info',
 'annual-report', 'requests-ledger', 'requests-status', 'requests-counts', 'arrangement')
>>> item = schema("catalogue-item")
>>> item["$id"]
'https://govdisclose.github.io/schemas/catalogue-item.schema.json'
>>> item["required"]
['first_level', 'number', 'name', 'content', 'basis', 'time_limit', 'subject', 'channels',
 'audiences', 'modes', 'levels']
>>> item["$defs"]["Channel"]["oneOf"][2]
{'const': 'new_media', 'title': '两微一端'}
>>> schema("catalog")
Traceback (most recent call last):
...
govdisclose.NotFoundError: unknown schema 'catalog'; known: catalogue, ...

More information:

* JSON Schema Draft 2020-12: https://json-schema.org/draft/2020-12
* The compatibility policy in the documentation (what may change in a schema, and ``$id``)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .._errors import InputError, NotFoundError

#: Where the schemas are published; a schema's ``$id`` is ``BASE_URI + <name>.schema.json``.
BASE_URI = "https://govdisclose.github.io/schemas/"

#: The schema names, one per exchanged document (inputs, and the JSON outputs scripts read).
SCHEMA_NAMES: tuple[str, ...] = (
    "catalogue",
    "catalogue-item",
    "document-record",
    "publication-log-record",
    "findings-report",
    "audit-report",
    "audit-record-result",
    "deadline",
    "day-info",
    "annual-report",
    "requests-ledger",
    "requests-status",
    "requests-counts",
    "arrangement",
)


def _check_name(name: object) -> str:
    if not isinstance(name, str) or name not in SCHEMA_NAMES:
        raise NotFoundError(
            f"unknown schema {name!r}; known: {', '.join(SCHEMA_NAMES)} (未知的模式名称)", key=name
        )
    return name


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of the document ``name`` (a fresh dict each call)."""
    name = _check_name(name)
    if name == "arrangement":
        from ._arrangement import arrangement_schema

        return arrangement_schema()
    from ._documents import DOCUMENTS, header

    doc = DOCUMENTS[name]
    return {**header(doc, BASE_URI), **doc.build()}


def schema_filename(name: str) -> str:
    """The file name of a schema in an export: ``<name>.schema.json``."""
    return f"{_check_name(name)}.schema.json"


def write_schemas(directory: str | Path, names: tuple[str, ...] = SCHEMA_NAMES) -> list[Path]:
    """Write the schemas to ``directory`` (created if missing), each as the command line prints
    JSON (:func:`govdisclose._files.dump_json`); return the files written."""
    from .._files import dump_json, write_file

    target = Path(directory)
    written = []
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot write schemas to {target}: {exc.strerror} (无法写入)") from None
    for name in names:
        path = target / schema_filename(name)
        write_file(path, dump_json(schema(name)))  # each file whole or not at all
        written.append(path)
    return written


def stale_schemas(directory: str | Path) -> list[str]:
    """The schema names whose file in ``directory`` is missing or differs from the generated one.

    Files are compared as JSON values, so a hand-formatted file that says the same is current.
    Extra ``*.schema.json`` files that are not schemas of this version are listed by file
    name, so that a removed schema does not linger in an export.
    """
    target = Path(directory)
    stale = []
    for name in SCHEMA_NAMES:
        path = target / schema_filename(name)
        try:
            current = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):  # unreadable, broken or absurd: stale
            current = None
        if current != schema(name):
            stale.append(name)
    known = {schema_filename(n) for n in SCHEMA_NAMES}
    if target.is_dir():
        stale.extend(sorted(p.name for p in target.glob("*.schema.json") if p.name not in known))
    return stale
