"""govdisclose — the basic-level disclosure standard for work safety and disaster relief.

安全生产和救灾领域基层政务公开标准目录（应急厅函〔2019〕390号）的 Python 库：类型化的目录模型、
两部标准目录、工作日与公开时限计算、合规校验、JSON 与 JSON Schema。

>>> import govdisclose
>>> cat = govdisclose.standard("work_safety")
>>> [item.name for item in cat.by_first_level("公共服务")][:2]
['政务公开目录', '政务公开标准']
>>> govdisclose.Channel.parse("政务新媒体").code
'new_media'

The names below are the public API; everything else is internal.  Heavier parts (JSON,
calendars, validators, tables) are imported on first use, so ``import govdisclose`` is fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .__about__ import __version__
from .errors import (
    CalendarDataError,
    DataError,
    GovdiscloseError,
    InputError,
    UnknownYearError,
    VocabularyError,
)
from .model import (
    Catalogue,
    CatalogueItem,
    Citation,
    LegalBasis,
    Provenance,
    ProvenanceKind,
    TimeLimit,
)
from .standard import standard, standards
from .vocabulary import (
    Audience,
    Channel,
    DisclosureAttribute,
    Domain,
    FirstLevel,
    Level,
    Mode,
)

# Public names that live in modules loaded on first use: name -> module.
_LAZY = {
    "dumps": "converter",
    "loads": "converter",
    "structure": "converter",
    "unstructure": "converter",
    "parse_time_limit": "timelimits",
}

__all__ = [
    "Audience",
    "CalendarDataError",
    "Catalogue",
    "CatalogueItem",
    "Channel",
    "Citation",
    "DataError",
    "DisclosureAttribute",
    "Domain",
    "FirstLevel",
    "GovdiscloseError",
    "InputError",
    "LegalBasis",
    "Level",
    "Mode",
    "Provenance",
    "ProvenanceKind",
    "TimeLimit",
    "UnknownYearError",
    "VocabularyError",
    "__version__",
    "standard",
    "standards",
    *_LAZY,
]

if TYPE_CHECKING:  # pragma: no cover
    from .converter import dumps as dumps
    from .converter import loads as loads
    from .converter import structure as structure
    from .converter import unstructure as unstructure
    from .timelimits import parse_time_limit as parse_time_limit


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'govdisclose' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
