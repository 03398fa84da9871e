"""The two standard catalogues of 应急厅函〔2019〕390号, bundled as package data.

>>> from govdisclose import standard
>>> ws = standard("work_safety")
>>> ws.title, len(ws), ws.declared_item_count
('安全生产领域基层政务公开标准目录', 28, 28)
>>> dr = standard("救灾")
>>> len(dr), dr.declared_item_count          # the notice says 20; every copy lists 19
(19, 20)
>>> ws.item("policy_documents.1").name
'法律法规'
>>> sorted(dr.item("灾情核定信息").reconstructed_fields)
['audiences', 'levels', 'modes']

The data files (``govdisclose/data/work_safety.json`` and ``disaster_relief.json``) name their
source in their ``source`` field and are read on first use only.  Where the published tables
cannot be read reliably, items carry :class:`~govdisclose._model.Provenance` notes.

More information:

* 应急管理部办公厅关于印发安全生产和救灾领域基层政务公开标准目录指引的通知（应急厅函〔2019〕390号）
* 河南省应急管理厅 豫应急办〔2020〕62号 (republishes the notice with both tables)
"""

from __future__ import annotations

import functools
from importlib import resources

from ._model import Catalogue
from ._vocabulary import Domain


@functools.cache
def _load(domain: Domain) -> Catalogue:
    from ._converter import loads

    text = (
        resources.files("govdisclose")
        .joinpath(f"data/{domain.code}.json")
        .read_text(encoding="utf-8")
    )
    return loads(text, Catalogue)


def standard(domain: Domain | str) -> Catalogue:
    """The standard catalogue of a domain (code, label, variant or :class:`Domain`)."""
    return _load(Domain.parse(domain))


def standards() -> tuple[Catalogue, ...]:
    """Both standard catalogues: work safety, then disaster relief."""
    return tuple(_load(domain) for domain in Domain)
