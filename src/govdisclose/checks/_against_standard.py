"""A local catalogue against the standard it localises: :func:`compare_with_standard`.

Items are paired with :func:`govdisclose._localize.match_items`.  What is reported:

* ``localize.missing-item`` (error) — a standard item that applies at the catalogue's level
  has no local counterpart (390号: localities refine and supplement the standard);
* ``localize.added-item`` (info) — a local item not in the standard (localities may add);
* ``localize.item-renamed`` (warning; info when only the wording varies) and
  ``localize.first-level-changed`` (warning);
* ``localize.channels-adjusted`` (info) — the tables' footnote lets localities adjust the
  channels (公开渠道和载体仅供参考，各地…可根据实际情况进行调整);
* ``localize.website-dropped`` (error) — a proactive item no longer lists 政府网站 although
  the standard does: the footnote allows adjusting channels "to make disclosure effective", but
  proactive information is published centrally on the government portal (条例第二十四条) and a
  proactive policy document goes out through the government website (390号 四(一)6).  With a
  recorded reason (see :mod:`govdisclose.checks._items`) it is a warning instead, for a
  person to confirm;
* ``localize.modes-changed``, ``localize.audiences-changed`` (warning) — who may see the
  information and how it is disclosed are the standard's substance, not a local detail;
* ``localize.time-limit-looser`` (error), ``localize.time-limit-stricter`` (info),
  ``localize.time-limit-changed`` (info: different, not comparable) — by
  :func:`govdisclose.timelimits.compare_strictness`;
* ``localize.levels-changed`` (info); ``localize.domain-mismatch`` (error);
* ``localize.comparison-skipped`` (info) — an item that could not be read (its raw name is
  still matched to a standard item, which is then not listed as missing), a table's row the
  reader refused whose name is matched so (``unread``), or the whole catalogue when its data
  has wrong types or unknown terms.

>>> import attrs
>>> from govdisclose import standard
>>> from govdisclose._localize import derive
>>> county = derive(standard("work_safety"), "county")
>>> county = county.with_items(county.items[1:])          # drop 法律法规
>>> report = compare_with_standard(county)
>>> [(f.code, f.data["standard_id"]) for f in report.findings]
[('localize.missing-item', 'policy_documents.1')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .._localize import ItemMatch, match_items, match_names, name_key
from .._model import Catalogue, TimeLimit
from .._standard import standard as load_standard
from .._vocabulary import Channel, FirstLevel, Level, Mode, Term, normalize_text
from ..findings import Finding, FindingCode, Report, ReportBuilder, Severity
from ..timelimits import compare_strictness
from ._items import website_justification
from ._prescan import INVALID_DATA, NOT_A_CATALOGUE, UNKNOWN_TERM, clip, read_catalogue

#: The finding codes of this area (see :mod:`govdisclose.findings`).
CODES = (
    MISSING_ITEM := FindingCode(
        "localize.missing-item",
        Severity.ERROR,
        "缺少标准目录事项",
        "standard item missing",
        "An item of the standard catalogue that applies at this level has no counterpart in the "
        "local catalogue (390号: localities refine and supplement the standard, 细化补充完善).",
    ),
    ADDED_ITEM := FindingCode(
        "localize.added-item",
        Severity.INFO,
        "本地增加的事项",
        "item added locally",
        "An item that is not in the standard catalogue (localities may add items).",
    ),
    ITEM_RENAMED := FindingCode(
        "localize.item-renamed",
        Severity.WARNING,
        "事项名称与标准目录不同",
        "item renamed",
        "A local item was matched to a standard item although its name differs.",
    ),
    FIRST_LEVEL_CHANGED := FindingCode(
        "localize.first-level-changed",
        Severity.WARNING,
        "事项移至其他一级事项",
        "item moved to another first-level item",
        "A standard item appears under another first-level item in the local catalogue.",
    ),
    CHANNELS_ADJUSTED := FindingCode(
        "localize.channels-adjusted",
        Severity.INFO,
        "公开渠道已调整",
        "channels adjusted",
        "The local item's channels differ from the standard's; the tables' footnote allows this.",
    ),
    WEBSITE_DROPPED := FindingCode(
        "localize.website-dropped",
        Severity.ERROR,
        "主动公开事项删去了政府网站",
        "government website dropped from a proactive item",
        "The standard lists 政府网站 for this proactive item and the local catalogue does not. "
        "Error without a recorded reason, warning with one.",
    ),
    MODES_CHANGED := FindingCode(
        "localize.modes-changed",
        Severity.WARNING,
        "公开方式与标准目录不同",
        "modes differ from the standard",
        "The local item's modes (主动/依申请) differ from the standard's.",
    ),
    AUDIENCES_CHANGED := FindingCode(
        "localize.audiences-changed",
        Severity.WARNING,
        "公开对象与标准目录不同",
        "audiences differ from the standard",
        "The local item's audiences differ from the standard's.",
    ),
    TIME_LIMIT_LOOSER := FindingCode(
        "localize.time-limit-looser",
        Severity.ERROR,
        "公开时限比标准目录宽松",
        "time limit looser than the standard",
        "The local time limit allows later publication (or fewer obligations) than the standard's.",
    ),
    TIME_LIMIT_STRICTER := FindingCode(
        "localize.time-limit-stricter",
        Severity.INFO,
        "公开时限比标准目录严格",
        "time limit stricter than the standard",
        "The local time limit is stricter than the standard's.",
    ),
    TIME_LIMIT_CHANGED := FindingCode(
        "localize.time-limit-changed",
        Severity.INFO,
        "公开时限与标准目录不同",
        "time limit differs from the standard",
        "The local time limit differs from the standard's and the two cannot be compared; a "
        "person should check it is not looser.",
    ),
    LEVELS_CHANGED := FindingCode(
        "localize.levels-changed",
        Severity.INFO,
        "公开层级与标准目录不同",
        "levels differ from the standard",
        "The local item applies at other levels than the standard item.",
    ),
    COMPARISON_SKIPPED := FindingCode(
        "localize.comparison-skipped",
        Severity.INFO,
        "未与标准目录比对",
        "not compared with the standard",
        "The catalogue, or one of its items, could not be read, so it was not compared with "
        "the standard.",
    ),
    DOMAIN_MISMATCH := FindingCode(
        "localize.domain-mismatch",
        Severity.ERROR,
        "领域与标准目录不同",
        "domain differs from the standard",
        "The local catalogue and the standard it is compared with are of different domains.",
    ),
)


#: Reading findings that keep raw data from being compared (missing elements do not).
_UNREADABLE = frozenset({NOT_A_CATALOGUE.code, INVALID_DATA.code, UNKNOWN_TERM.code})
_FIX_FIRST = "先更正上列数据错误 / fix the data errors above first"


def _codes(terms: tuple[Term, ...]) -> list[str]:
    return [t.code for t in terms]


def _labels(terms: tuple[Term, ...]) -> str:
    return "、".join(t.label for t in terms) or "（无）"


def _compare_sets(match: ItemMatch, path: str, builder: ReportBuilder) -> None:
    local, std = match.local, match.standard
    for field, code in (
        ("modes", MODES_CHANGED),
        ("audiences", AUDIENCES_CHANGED),
        ("levels", LEVELS_CHANGED),
    ):
        mine, theirs = getattr(local, field), getattr(std, field)
        if set(mine) != set(theirs):
            builder.add(
                code,
                f"{path}.{field}",
                message_zh=f"{code.title_zh}：本地为{_labels(mine)}，标准为{_labels(theirs)}",
                message_en=f"{code.title_en}: {_codes(mine)} here, {_codes(theirs)} in the "
                f"standard",
                hint=""
                if code is LEVELS_CHANGED
                else "如无依据，恢复为标准目录的取值 / restore the standard's values unless "
                "there is a legal reason",
                standard_id=std.id,
                local=_codes(mine),
                standard=_codes(theirs),
            )


def _compare_channels(match: ItemMatch, path: str, builder: ReportBuilder) -> None:
    local, std = match.local, match.standard
    added = tuple(c for c in local.channels if c not in std.channels)
    removed = tuple(c for c in std.channels if c not in local.channels)
    if not added and not removed:
        return
    website = Channel.GOVERNMENT_WEBSITE
    if website in removed and (Mode.PROACTIVE in local.modes or Mode.PROACTIVE in std.modes):
        reason = website_justification(local)
        builder.add(
            WEBSITE_DROPPED,
            f"{path}.channels",
            message_zh="主动公开事项未选“政府网站”（标准目录已选）"
            + (f"；所述理由：{reason}" if reason else "，且未说明理由"),
            message_en="the proactive item drops the government website the standard lists"
            + ("; a reason is recorded" if reason else " and records no reason"),
            hint="政府网站是主动公开的第一平台（条例第二十四条；390号 四(一)6），请加选 / add "
            "government_website: it is the first platform for proactive disclosure",
            severity=Severity.WARNING if reason else None,
            standard_id=std.id,
            justified=reason is not None,
        )
        removed = tuple(c for c in removed if c is not website)
        if not added and not removed:
            return
    builder.add(
        CHANNELS_ADJUSTED,
        f"{path}.channels",
        message_zh=f"公开渠道已调整：增加{_labels(added)}，减少{_labels(removed)}",
        message_en=f"channels adjusted: added {_codes(added)}, removed {_codes(removed)}",
        hint="标准目录注：渠道仅供参考，可根据实际情况调整 / the standard's footnote allows it",
        standard_id=std.id,
        added=_codes(added),
        removed=_codes(removed),
    )


def _compare_time_limit(match: ItemMatch, path: str, builder: ReportBuilder) -> None:
    local, std = match.local.time_limit, match.standard.time_limit
    if not isinstance(local, TimeLimit) or not isinstance(local.text, str):
        return
    if name_key(local.text) == name_key(std.text):
        return
    sign = compare_strictness(local.rule, std.rule)
    if sign is None:
        code = TIME_LIMIT_CHANGED
    elif sign > 0:
        code = TIME_LIMIT_LOOSER
    elif sign < 0:
        code = TIME_LIMIT_STRICTER
    else:
        return
    hint = (
        ""
        if code is TIME_LIMIT_STRICTER
        else "本地时限不得宽于标准目录 / a local time limit must not be looser than the standard's"
    )
    builder.add(
        code,
        f"{path}.time_limit",
        message_zh=f"{code.title_zh}：本地“{clip(local.text)}”，标准“{std.text}”",
        message_en=f"{code.title_en}: {local.rule.describe()} here; {std.rule.describe()} in "
        f"the standard",
        hint=hint,
        standard_id=match.standard.id,
        local=clip(local.text, 200),
        standard=std.text,
    )


def _compare_names(match: ItemMatch, path: str, builder: ReportBuilder) -> None:
    local, std = match.local, match.standard
    if match.how == "moved":
        builder.add(
            FIRST_LEVEL_CHANGED,
            f"{path}.first_level",
            message_zh=f"“{clip(std.name)}”在标准目录中属于{std.first_level.label}，本地列于"
            f"{local.first_level.label}",
            message_en=f"{clip(std.name)!r} is under {std.first_level.code} in the standard, under "
            f"{local.first_level.code} here",
            standard_id=std.id,
        )
    elif match.how == "id" or normalize_text(local.name) != normalize_text(std.name):
        builder.add(
            ITEM_RENAMED,
            f"{path}.name",
            message_zh=f"本地事项“{clip(local.name)}”对应标准目录“{std.name}”（{std.id}）",
            message_en=f"{clip(local.name)!r} taken as the standard's {std.name!r} ({std.id})",
            hint="确认是同一事项；宜沿用标准名称 / confirm it is the same item; prefer the "
            "standard's name",
            severity=Severity.INFO if match.how == "name" else None,
            standard_id=std.id,
            matched_by=match.how,
        )


def _raw_names(data: object, indexes: Sequence[int]) -> list[tuple[FirstLevel | None, str]]:
    """The first-level item (when it reads) and name of each raw item at ``indexes``."""
    items = data.get("items") if isinstance(data, Mapping) else None
    out: list[tuple[FirstLevel | None, str]] = []
    for index in indexes:
        raw = items[index] if isinstance(items, list) else None
        raw = raw if isinstance(raw, Mapping) else {}
        name = raw.get("name")
        first = raw.get("first_level")
        parsed = FirstLevel.parse(first, default=None) if isinstance(first, str) else None
        out.append((parsed, name if isinstance(name, str) else ""))
    return out


def compare_with_standard(
    local: Catalogue | object,
    standard: Catalogue | None = None,
    *,
    level: Level | str | None = None,
    unread: Iterable[Finding] = (),
) -> Report:
    """Compare a local catalogue (model or JSON-ready data) with the standard.

    ``standard`` defaults to the bundled standard of the local catalogue's domain; ``level``
    to the local catalogue's own level.  With neither, every standard item is expected.

    Raw data is read as :func:`~govdisclose.checks.validate_catalogue` reads it, and the
    report starts with the same reading findings.  Items lacking elements are left out of the
    comparison (``localize.comparison-skipped`` for each) and the rest compared; data with
    wrong types or unknown terms is not compared at all (``localize.comparison-skipped`` at
    ``$``).  ``unread``: the findings of reading the source table
    (``read_catalogue(...).report.findings``); the rows it refused (``tables.unknown-first-level``)
    are matched by name as unreadable items are.
    """
    wanted = Level.parse(level) if level is not None else None
    builder = ReportBuilder()
    read = read_catalogue(local, builder)
    if read.catalogue is None or (
        not isinstance(local, Catalogue) and any(f.code in _UNREADABLE for f in builder.findings)
    ):
        builder.add(COMPARISON_SKIPPED, "$", hint=_FIX_FIRST)
        return builder.build()
    local_data, local = local, read.catalogue
    builder.subject = local.title if isinstance(local.title, str) else None
    if standard is None:
        standard = load_standard(local.domain)
    if local.domain is not standard.domain:
        builder.add(
            DOMAIN_MISMATCH,
            "$.domain",
            message_zh=f"本地目录为{local.domain}领域，标准目录为{standard.domain.label}领域",
            message_en=f"a {local.domain.code} catalogue compared "
            f"with the {standard.domain.code} standard",
        )
        return builder.build()
    if wanted is None:
        wanted = local.level
    compared = {index for index, _ in read.items}
    skipped = [index for index in range(read.item_count) if index not in compared]
    usable = [(i, item) for i, item in read.items if isinstance(item.name, str)]
    for index, item in read.items:
        if not isinstance(item.name, str):
            builder.add(
                INVALID_DATA,
                f"$.items[{index}]",
                message_zh="事项名称无效，未比对",
                message_en="the item has no usable name and was not compared",
                hint="先用 validate_catalogue 检查 / run validate_catalogue first",
            )
    matching = match_items([item for _, item in usable], standard)
    refused = [
        (f.path, str(f.data.get("name", "")))
        for f in unread
        if f.code == "tables.unknown-first-level"
    ]  # rows of the table not in the data
    rows: list[tuple[FirstLevel | None, str]] = [(None, name) for _, name in refused]
    named = match_names(
        _raw_names(local_data, skipped) + rows, standard, matching.unmatched_standard
    )
    places = [f"$.items[{index}]" for index in skipped] + [where for where, _ in refused]
    for k, place in enumerate(places):
        std = standard.items[named[k]] if k in named else None
        unreadable = k < len(skipped)
        if std is None and not unreadable:
            continue  # a refused row the table's own finding reports
        builder.add(
            COMPARISON_SKIPPED,
            place,
            message_zh=("该事项未能读取" if unreadable else "该行未导入")
            + "，未与标准目录比对"
            + (f"；按名称对应标准事项“{std.name}”（{std.id}）" if std else ""),
            message_en=("the item could not be read" if unreadable else "the row was not imported")
            + " and was not compared"
            + (f"; by its name it stands for the standard's {std.id}" if std else ""),
            hint=_FIX_FIRST,
            standard_id=std.id if std else None,
        )
    for match in matching.matches:
        path = f"$.items[{usable[match.local_index][0]}]"
        _compare_names(match, path, builder)
        _compare_sets(match, path, builder)
        _compare_channels(match, path, builder)
        _compare_time_limit(match, path, builder)
    for index in matching.unmatched_local:
        original, item = usable[index]
        builder.add(
            ADDED_ITEM,
            f"$.items[{original}]",
            message_zh=f"本地增加事项：{item.first_level.label}“{clip(item.name)}”",
            message_en=f"added locally: {item.first_level.code} {clip(item.name)!r}",
            name=clip(item.name, 200),
        )
    for index in matching.unmatched_standard:
        std = standard.items[index]
        if index in named.values():
            continue  # an item that could not be read stands for it
        if wanted is not None and wanted not in std.levels:
            continue
        where = f"{wanted.label}" if wanted else "基层"
        builder.add(
            MISSING_ITEM,
            "$.items",
            message_zh=f"缺少标准目录事项 {std.first_level.label}“{clip(std.name)}”"
            f"（{std.id}，适用于{where}）",
            message_en=f"the standard's {std.id} {clip(std.name)!r} is missing",
            hint="补充该事项（本地目录在标准目录基础上细化补充）/ add the item: a local "
            "catalogue refines and adds to the standard",
            standard_id=std.id,
            name=std.name,
        )
    return builder.build()
