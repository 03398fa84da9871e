"""govdisclose — the basic-level disclosure standard for work safety and disaster relief.

安全生产和救灾领域基层政务公开标准目录（应急厅函〔2019〕390号）的 Python 库：类型化的目录模型、
两部标准目录、工作日与公开时限计算、合规校验、依申请公开台账与年度报告、JSON 与 JSON Schema。

>>> import govdisclose
>>> cat = govdisclose.standard("work_safety")
>>> [item.name for item in cat.by_first_level("公共服务")][:2]
['政务公开目录', '政务公开标准']
>>> govdisclose.Channel.parse("政务新媒体").code
'new_media'

The names in ``__all__`` are the public API, all documented on one page; modules and
subpackages are internal.  Every part (the model, JSON, calendars, validators, tables) is
imported on first use, so ``import govdisclose`` is fast.  Where to start:

=================================  ==========================================================
job                                entry points
=================================  ==========================================================
the standard catalogues            :func:`standard`, :func:`standards`
read a catalogue file              :func:`read_catalogue` (JSON, XLSX, CSV), :func:`loads`
localise the standard              :func:`derive`, :func:`compare_with_standard`
check a catalogue or a document    :func:`validate_catalogue`, :func:`validate_document`
compute a deadline                 :func:`proactive_deadline`, :func:`request_reply_deadline`,
                                   :func:`opinion_response_deadline`, :class:`WorkCalendar`
a new year's holiday notice        :func:`read_notice`, :func:`load_arrangement`
audit a publication log            :func:`audit_file`, :func:`audit_records`
scan a text before publishing      :func:`scan_text`, :func:`mask_text`, :func:`scan_file`
the requests ledger (台账)          :func:`read_ledger`, :func:`ledger_status`
the yearly report (年度报告)        :func:`read_report`, :func:`check_report`,
                                   :func:`build_report`
tables for people                  :func:`to_xlsx`, :func:`to_csv`, :func:`to_html`
JSON and JSON Schema               :func:`dumps`, :func:`loads`, :func:`schema`
=================================  ==========================================================

>>> govdisclose.validate_catalogue(cat).ok
True
"""

from __future__ import annotations

from .__about__ import __version__
from ._errors import (
    CalendarDataError,
    DataError,
    GovdiscloseError,
    InputError,
    LimitError,
    NotFoundError,
    UnknownYearError,
    VocabularyError,
)
from ._lazy import lazy_names

TYPE_CHECKING = False  # typing is not loaded by ``import govdisclose``

# Public names that live in modules loaded on first use: name -> module.
_LAZY = {
    # the catalogue model and the standard (attrs is loaded with them)
    **dict.fromkeys(
        ("Catalogue", "CatalogueItem", "Citation", "LegalBasis", "Provenance", "ProvenanceKind"),
        "_model",
    ),
    "TimeLimit": "_model",
    "standard": "_standard",
    "standards": "_standard",
    **dict.fromkeys(
        ("Audience", "Channel", "DisclosureAttribute", "Domain", "FirstLevel", "Level", "Mode"),
        "_vocabulary",
    ),
    # catalogues: files, localising, tables, JSON
    "read_catalogue": "_catalogue_files",
    "ImportResult": "tables",
    "derive": "_localize",
    "to_csv": "tables",
    "to_html": "tables",
    "to_xlsx": "tables",
    "dumps": "_converter",
    "loads": "_converter",
    "structure": "_converter",
    "unstructure": "_converter",
    "schema": "schemas",
    # calendar, time limits, deadlines
    "WorkCalendar": "calendar",
    "DayInfo": "calendar",
    "Arrangement": "calendar",
    "load_arrangement": "calendar",
    "read_notice": "calendar",
    "parse_time_limit": "timelimits",
    "Deadline": "deadlines",
    "proactive_deadline": "deadlines",
    "request_reply_deadline": "deadlines",
    "opinion_response_deadline": "deadlines",
    # checks
    "Finding": "findings",
    "Report": "findings",
    "Severity": "findings",
    "validate_catalogue": "checks",
    "is_valid_catalogue": "checks",
    "compare_with_standard": "checks",
    "DocumentRecord": "checks",
    "validate_document": "checks",
    "validate_documents": "checks",
    "is_valid_document": "checks",
    "audit_file": "audit",
    "audit_records": "audit",
    "AuditResult": "audit",
    "RecordResult": "audit",
    "REASONS": "audit",
    "Status": "deadlines",
    "merge_results": "audit",
    "scan_text": "_privacy",
    "scan_file": "_privacy",
    "mask_text": "_privacy",
    # requests ledger and yearly report
    "Ledger": "requests",
    "read_ledger": "requests",
    "ledger_status": "requests",
    "AnnualReport": "annual_report",
    "read_report": "annual_report",
    "check_report": "annual_report",
    "build_report": "annual_report",
}

__all__ = [
    "CalendarDataError",
    "DataError",
    "GovdiscloseError",
    "InputError",
    "LimitError",
    "NotFoundError",
    "UnknownYearError",
    "VocabularyError",
    "__version__",
    *_LAZY,
]

if TYPE_CHECKING:  # pragma: no cover
    from ._catalogue_files import read_catalogue as read_catalogue
    from ._converter import dumps as dumps
    from ._converter import loads as loads
    from ._converter import structure as structure
    from ._converter import unstructure as unstructure
    from ._localize import derive as derive
    from ._model import Catalogue as Catalogue
    from ._model import CatalogueItem as CatalogueItem
    from ._model import Citation as Citation
    from ._model import LegalBasis as LegalBasis
    from ._model import Provenance as Provenance
    from ._model import ProvenanceKind as ProvenanceKind
    from ._model import TimeLimit as TimeLimit
    from ._privacy import mask_text as mask_text
    from ._privacy import scan_file as scan_file
    from ._privacy import scan_text as scan_text
    from ._standard import standard as standard
    from ._standard import standards as standards
    from ._vocabulary import Audience as Audience
    from ._vocabulary import Channel as Channel
    from ._vocabulary import DisclosureAttribute as DisclosureAttribute
    from ._vocabulary import Domain as Domain
    from ._vocabulary import FirstLevel as FirstLevel
    from ._vocabulary import Level as Level
    from ._vocabulary import Mode as Mode
    from .annual_report import AnnualReport as AnnualReport
    from .annual_report import build_report as build_report
    from .annual_report import check_report as check_report
    from .annual_report import read_report as read_report
    from .audit import REASONS as REASONS
    from .audit import AuditResult as AuditResult
    from .audit import RecordResult as RecordResult
    from .audit import audit_file as audit_file
    from .audit import audit_records as audit_records
    from .audit import merge_results as merge_results
    from .calendar import Arrangement as Arrangement
    from .calendar import DayInfo as DayInfo
    from .calendar import WorkCalendar as WorkCalendar
    from .calendar import load_arrangement as load_arrangement
    from .calendar import read_notice as read_notice
    from .checks import DocumentRecord as DocumentRecord
    from .checks import compare_with_standard as compare_with_standard
    from .checks import is_valid_catalogue as is_valid_catalogue
    from .checks import is_valid_document as is_valid_document
    from .checks import validate_catalogue as validate_catalogue
    from .checks import validate_document as validate_document
    from .checks import validate_documents as validate_documents
    from .deadlines import Deadline as Deadline
    from .deadlines import Status as Status
    from .deadlines import opinion_response_deadline as opinion_response_deadline
    from .deadlines import proactive_deadline as proactive_deadline
    from .deadlines import request_reply_deadline as request_reply_deadline
    from .findings import Finding as Finding
    from .findings import Report as Report
    from .findings import Severity as Severity
    from .requests import Ledger as Ledger
    from .requests import ledger_status as ledger_status
    from .requests import read_ledger as read_ledger
    from .schemas import schema as schema
    from .tables import ImportResult as ImportResult
    from .tables import to_csv as to_csv
    from .tables import to_html as to_html
    from .tables import to_xlsx as to_xlsx
    from .timelimits import parse_time_limit as parse_time_limit


__getattr__ = lazy_names(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted(__all__)
