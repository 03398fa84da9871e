"""Compliance validators for the 390 directive: catalogues, local catalogues, document records.

Every validator is a plain function returning a :class:`~govdisclose.findings.Report` — all
findings at once, each with a registered code, a severity, a JSON path and messages in Chinese
and English.  Nothing here raises on bad *data* (bad data is an error finding); only bad
*arguments* (an unknown level, say) raise :class:`~govdisclose._errors.GovdiscloseError`.

* :func:`validate_catalogue` — a standard or local catalogue (a model object or raw JSON data);
* :func:`compare_with_standard` — a local catalogue against the standard it localises;
* :func:`validate_document` / :func:`validate_documents` — the records a CMS keeps about
  policy documents (公开属性, marking, review, publication within 20 working days, 三同步);
  :func:`self_review_due` — documents due for the annual review;
* :func:`is_valid_catalogue` / :func:`is_valid_document` — booleans that never raise;

>>> from govdisclose import standard
>>> from govdisclose._localize import derive
>>> from govdisclose.checks import compare_with_standard, is_valid_catalogue, validate_catalogue
>>> township = derive(standard("work_safety"), "township", renumber=True)
>>> validate_catalogue(township).ok, compare_with_standard(township).ok
(True, True)
>>> is_valid_catalogue({"title": "?"})
False

More information:

* 应急厅函〔2019〕390号 四(一) (公文公开属性, review, 20 working days), 四(二)6 (三同步)
* 国办发〔2019〕54号 (the eight elements of a catalogue item)
"""

from __future__ import annotations

from ._against_standard import compare_with_standard
from ._catalogue import is_valid_catalogue, validate_catalogue
from ._document_record import DocumentRecord, InterpretationRecord, ReviewRecord
from ._documents import is_valid_document, self_review_due, validate_document, validate_documents

__all__ = [
    "DocumentRecord",
    "InterpretationRecord",
    "ReviewRecord",
    "compare_with_standard",
    "is_valid_catalogue",
    "is_valid_document",
    "self_review_due",
    "validate_catalogue",
    "validate_document",
    "validate_documents",
]
