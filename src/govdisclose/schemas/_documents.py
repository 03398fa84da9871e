"""The documents the library exchanges, and how each one's schema is built from the model.

Each :class:`SchemaDocument` names a document (``catalogue``, ``findings-report`` …), gives its
Chinese and English title and description, and builds its root schema with a
:class:`~govdisclose.schemas._walker.SchemaWalker`: which classes appear, and the
:class:`~govdisclose.schemas._walker.Shape` of each — the JSON rules of the code that writes
and reads it.  The library's JSON outputs (findings reports, deadlines, audit results, days
of the calendar) are walked from the form each class declares
(:func:`~govdisclose.schemas._outputs.output_shapes`), the form the package's converter
writes them in: every field and derived value, ``null`` for an absent one.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ..requests._schema import COUNTS_TEXTS, STATUS_TEXTS, ledger_schema
from ._annual_report import annual_report_schema
from ._outputs import output_shapes
from ._texts import CANONICAL_NOTE, FIELD_TEXTS
from ._walker import CONVERTER, JSON, SchemaWalker, Shape, finish


@attrs.frozen
class SchemaDocument:
    """One exchanged document: its schema name, titles, descriptions and builder.

    ``title`` and ``description`` are (Chinese, English).  ``build`` returns the root schema
    (``type``, ``properties`` …, and ``$defs``) without the header keys.
    """

    name: str
    title: tuple[str, str]
    description: tuple[str, str]
    build: Callable[[], JSON]


# -- catalogue and items --------------------------------------------------------------------


def _rule_schema(walker: SchemaWalker) -> JSON:
    from ..timelimits import RULE_TYPES, AnnualFixedDate

    branches = []
    for kind, cls in RULE_TYPES.items():
        override: dict[str, JSON] = {}
        if cls is AnnualFixedDate:  # its day check is a function; state the bounds here
            override = {
                "month": {"type": "integer", "minimum": 1, "maximum": 12},
                "day": {"type": "integer", "minimum": 1, "maximum": 31},
            }
        shape = Shape(
            required="all",
            nullable=False,
            exclude=("text",),
            extra={"kind": walker.with_text("rule.kind", {"type": "string", "const": kind})},
            override=override,
        )
        walker.defs.setdefault(cls.__name__, walker.object_schema(cls, shape))
        branches.append({"$ref": f"#/$defs/{cls.__name__}"})
    return {"oneOf": branches}


def _time_limit_schema(walker: SchemaWalker) -> JSON:
    """The converter writes ``{"text", "service_level_workdays"?, "rule"}``."""
    from .._model import TimeLimit

    level = {"type": "integer", "minimum": 1, "maximum": 366}  # as the converter checks
    shape = Shape(override={"service_level_workdays": {"anyOf": [level, {"type": "null"}]}})
    schema = walker.object_schema(TimeLimit, shape)
    schema["properties"]["rule"] = walker.with_text("TimeLimit.rule", _rule_schema(walker))
    return schema


def _catalogue(cls_name: str) -> JSON:
    """The schema of a catalogue or of one of its items."""
    from .._model import Catalogue, CatalogueItem, Citation, LegalBasis, Provenance, TimeLimit

    shapes = dict.fromkeys((LegalBasis, Citation, Provenance), CONVERTER)
    # The bounds the reader checks: an item's number counts from 1, a declared count from 0.
    shapes[CatalogueItem] = Shape(override={"number": {"type": "integer", "minimum": 1}})
    count = {"type": "integer", "minimum": 0}
    shapes[Catalogue] = Shape(
        override={"declared_item_count": {"anyOf": [count, {"type": "null"}]}}
    )
    walker = SchemaWalker(shapes, texts=FIELD_TEXTS, custom={TimeLimit: _time_limit_schema})
    cls = next(c for c in shapes if c.__name__ == cls_name)
    return finish(walker, walker.root(cls))


# -- outputs ---------------------------------------------------------------------------------


def _output(cls_name: str, texts: Mapping[str, tuple[str, str]] | None = None) -> JSON:
    """The schema of an output class (found by name among :func:`output_shapes`); ``texts``
    add to the field texts."""
    shapes = output_shapes()
    cls = next(c for c in shapes if c.__name__ == cls_name)
    walker = SchemaWalker(shapes, texts={**FIELD_TEXTS, **(texts or {})})
    return copy.deepcopy(finish(walker, walker.root(cls)))  # no shared parts


# -- document records ------------------------------------------------------------------------


def _document_record() -> JSON:
    from ..checks._document_record import DocumentRecord, InterpretationRecord, ReviewRecord

    shapes = dict.fromkeys((DocumentRecord, ReviewRecord, InterpretationRecord), CONVERTER)
    walker = SchemaWalker(shapes, texts=FIELD_TEXTS)
    return finish(walker, walker.root(DocumentRecord))


# -- publication logs ------------------------------------------------------------------------


def _publication_log_record() -> JSON:
    from .._vocabulary import Domain
    from ..audit._log_record import LogRecord

    walker = SchemaWalker({}, texts=FIELD_TEXTS)
    text: JSON = {"type": "string", "minLength": 1, "pattern": "\\S"}
    date: JSON = {"type": "string", "format": "date"}
    shape = Shape(
        # The audit ignores (and reports) keys that name no field, and reads a log record's
        # fields more loosely than its canonical form: codes, ISO dates, text.
        closed=False,
        override={
            "domain": walker.ref(Domain),
            "item": text,
            "formed": date,
            "published": {"anyOf": [date, {"type": "null"}]},
        },
    )
    return finish(walker, walker.object_schema(LogRecord, shape))


def _requests_status() -> JSON:
    """The schema of a ``LedgerStatus`` as written (``govdisclose requests status --format json``),
    walked from the output shapes the converter writes it by."""
    from ..deadlines import Deadline
    from ..requests._status import LedgerStatus
    from ..requests._terms import Outcome

    shapes = dict(output_shapes())
    # ``related`` is the command line's ``deadline opinion`` only (and its ``#`` would be this
    # document's root).
    deadline = shapes[Deadline]
    shapes[Deadline] = attrs.evolve(
        deadline,
        extra={k: v for k, v in deadline.extra.items() if k != "related"},
        optional=tuple(k for k in deadline.optional if k != "related"),
    )
    walker = SchemaWalker(shapes, texts={**FIELD_TEXTS, **STATUS_TEXTS})
    walker.ref(Deadline)
    walker.ref(Outcome)
    return finish(walker, walker.root(LedgerStatus))


#: The exchanged documents by schema name, in the order the docs list them.
DOCUMENTS: Mapping[str, SchemaDocument] = {
    doc.name: doc
    for doc in (
        SchemaDocument(
            "catalogue",
            ("政务公开目录", "Disclosure catalogue"),
            (
                "一部政务公开标准目录（390号的标准目录，或由其细化的县、乡本地目录），"
                "converter.dumps 输出的JSON。",
                "A disclosure catalogue — a standard catalogue of 390号 or a county or "
                "township catalogue derived from it — as govdisclose.dumps writes it.",
            ),
            functools.partial(_catalogue, "Catalogue"),
        ),
        SchemaDocument(
            "catalogue-item",
            ("目录事项", "Catalogue item"),
            (
                "目录中的一个二级事项，含国办发〔2019〕54号要求的八要素（名称、内容、依据、时限、"
                "主体、方式、渠道、公开对象）。",
                "One second-level item of a catalogue, with the eight elements of "
                "国办发〔2019〕54号 (name, content, basis, time limit, subject, modes, channels, "
                "audiences).",
            ),
            functools.partial(_catalogue, "CatalogueItem"),
        ),
        SchemaDocument(
            "document-record",
            ("文件记录", "Document record"),
            (
                "内容管理系统为一件政策性文件保存的记录（公开属性、标注、审查、发布、解读），"
                "供 validate_document 检查（应急厅函〔2019〕390号 四(一)、四(二)6）。",
                "What a CMS records about one policy document (disclosure attribute, marking, "
                "review, publication, interpretation), as validate_document reads it "
                "(应急厅函〔2019〕390号 四(一), 四(二)6).",
            ),
            _document_record,
        ),
        SchemaDocument(
            "publication-log-record",
            ("公开记录", "Publication-log record"),
            (
                "公开台账中的一条记录：某一事项下的一条信息何时形成、何时公开（JSON Lines 的一行，"
                "或CSV的一行按字段名），供 audit 审核是否按时公开。未公开时 published 为空。"
                "审核也接受中文表头（领域、事项、形成日期、公开日期）和多种日期写法；"
                "不属于字段的键被忽略并提示。",
                "One record of a publication log — when a piece of information under a catalogue "
                "item was formed and when it was published (a JSON Lines line, or a CSV row by "
                "field name) — as the audit reads it; published is null or absent while "
                "unpublished.  The audit also takes the Chinese headers (领域, 事项, 形成日期, "
                "公开日期) and other date forms; keys that name no field are ignored and reported.",
            ),
            _publication_log_record,
        ),
        SchemaDocument(
            "findings-report",
            ("检查报告", "Findings report"),
            (
                "一次检查发现的全部问题（govdisclose.dumps 及 --format json "
                "的输出）。问题代码是API，说明文字不是。",
                "Every finding of one check, as the library writes it (govdisclose.dumps, "
                "--format json).  Finding codes are "
                "API; message wording is not.",
            ),
            functools.partial(_output, "Report"),
        ),
        SchemaDocument(
            "audit-report",
            ("公开记录审计报告", "Publication-log audit report"),
            (
                "对公开台账的一次审计（即 govdisclose audit --format "
                "json）：合计、各事项和一级事项的计数，以及检查报告（report，与 findings-report "
                "相同）。",
                "One audit of a publication log, as govdisclose.dumps writes it (govdisclose "
                "audit --format json): totals, counts per item and per first-level item, and "
                "the findings report (report, as in findings-report).",
            ),
            functools.partial(_output, "AuditResult"),
        ),
        SchemaDocument(
            "audit-record-result",
            ("单条记录审计结果", "Audit result of one record"),
            (
                "一条公开记录的审计结果（即 govdisclose audit "
                "--records 写出的 JSON Lines 的一行）。",
                "The audit of one publication-log record, as govdisclose.dumps writes it "
                "(one line of the JSON Lines that govdisclose audit --records writes).",
            ),
            functools.partial(_output, "RecordResult"),
        ),
        SchemaDocument(
            "deadline",
            ("期限计算结果", "Deadline result"),
            (
                "一个期限的计算结果及计算过程（govdisclose.dumps 的输出），"
                "暂估时 provisional 为真。",
                "One computed deadline with its explanation, as govdisclose.dumps writes it; "
                "provisional is true when a year of the holiday calendar was estimated.",
            ),
            functools.partial(_output, "Deadline"),
        ),
        SchemaDocument(
            "day-info",
            ("日期信息", "Day information"),
            (
                "工作日历中一天的情况（govdisclose.dumps 的输出；govdisclose calendar day "
                "--format json 另加前后工作日）。",
                "One day of the working-day calendar, as govdisclose.dumps writes it; govdisclose "
                "calendar day --format json adds the previous and next working days.",
            ),
            functools.partial(_output, "DayInfo"),
        ),
        SchemaDocument(
            "annual-report",
            ("政府信息公开工作年度报告", "Yearly report on government information disclosure"),
            (
                "按国办公开办函〔2021〕30号格式的政府信息公开工作年度报告：表二、表三、表四以格式"
                "所印的行名和列名为键（annual_report.to_document 的输出，govdisclose annual-report "
                "build --format json），空白单元格为null；正文三部分为文本。检查时也接受半角标点、"
                "省略编号或分组标题等写法。",
                "The yearly report on government information disclosure in the format of "
                "国办公开办函〔2021〕30号: tables 二, 三 and 四 keyed by the row and column labels "
                "the format prints (as annual_report.to_document and govdisclose annual-report "
                "build --format json write it), null for a blank cell; the three text sections "
                "as text.  The check also reads half-width punctuation and labels without their "
                "numbering or group headings.",
            ),
            annual_report_schema,
        ),
        SchemaDocument(
            "requests-ledger",
            ("依申请公开台账", "Requests ledger"),
            (
                "行政机关的政府信息公开申请台账（read_ledger 读取、ledger_to_json 写出的JSON）："
                "每件申请的收到、补正、延期、征求意见、收费、答复及复议诉讼"
                "（《政府信息公开条例》第二十九条至第四十五条）。",
                "A body's ledger of requests for disclosure, as read_ledger reads and "
                "ledger_to_json writes it: receipt, supplement, extension, consultations, "
                "fee, reply and reviews of each request (条例 第二十九条–第四十五条).",
            ),
            ledger_schema,
        ),
        SchemaDocument(
            "requests-status",
            ("依申请公开办理情况", "Requests status"),
            (
                "台账在某日的办理情况（LedgerStatus.to_json 的输出，即 govdisclose requests "
                "status --format json）：每件申请的期限、剩余或逾期工作日、是否按时答复，合计，"
                "以及检查报告（report，与 findings-report 相同）。",
                "A ledger's status on a day, as LedgerStatus.to_json writes it (govdisclose "
                "requests status --format json): each request's deadline, working days left or "
                "late, whether answered on time, the summary, and the findings report (report, "
                "as in findings-report).",
            ),
            _requests_status,
        ),
        SchemaDocument(
            "requests-counts",
            ("年度报告表三、表四", "Tables 三 and 四 of a year"),
            (
                "台账某年的统计（govdisclose requests counts --format json）：年度报告表三、"
                "表四（国办公开办函〔2021〕30号），本年收取的信息处理费（元），读取台账的检查报告。",
                "A ledger's year counted (govdisclose requests counts --format json): tables "
                "三 and 四 of the annual report (国办公开办函〔2021〕30号), the information-"
                "processing fees paid in the year (yuan), and the findings of reading the ledger.",
            ),
            functools.partial(_output, "YearCounts", COUNTS_TEXTS),
        ),
    )
}


def header(doc: SchemaDocument, base_uri: str) -> dict[str, Any]:
    """The keys every schema starts with: ``$schema``, ``$id``, ``title``, ``description``."""
    zh, en = doc.description
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{base_uri}{doc.name}.schema.json",
        "title": f"{doc.title[0]} / {doc.title[1]}",
        "description": f"{zh}{CANONICAL_NOTE[0]}\n\n{en}  {CANONICAL_NOTE[1]}",
    }
