"""Localising the standard (细化补充完善标准目录): derive a county or township catalogue.

A county emergency-management bureau starts from the standard catalogue, keeps the items that
apply at its level, then adds items, third-level items and responsible offices of its own.

>>> from govdisclose import standard
>>> from govdisclose.localize import derive
>>> township = derive(standard("work_safety"), "township", publisher="某镇人民政府")
>>> township.level, len(township), township.title
(<Level.TOWNSHIP: 'township'>, 14, '安全生产领域基层政务公开标准目录（乡级）')
"""

from __future__ import annotations

import attrs

from .model import Catalogue
from .vocabulary import Level

__all__ = ["derive"]


def derive(standard: Catalogue, level: Level | str, *, publisher: str | None = None) -> Catalogue:
    """The catalogue for one level: the standard's items that apply at that level.

    The result keeps the standard's items unchanged (same numbers, so they can be traced back);
    its ``level`` and ``publisher`` are set and the declared item count dropped.
    """
    wanted = Level.parse(level)
    items = tuple(item for item in standard.items if wanted in item.levels)
    return attrs.evolve(
        standard,
        title=f"{standard.title}（{wanted.label}）",
        level=wanted,
        declared_item_count=None,  # the count the notice declares is the standard's
        publisher=publisher if publisher is not None else standard.publisher,
        items=items,
    )
