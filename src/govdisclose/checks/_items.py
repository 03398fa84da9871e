"""Checks on one catalogue item: elements, vocabulary, channels, time limit, level.

Used by :func:`govdisclose.checks.validate_catalogue`; each function adds findings to a
:class:`~govdisclose.findings.ReportBuilder`.  The model makes the vocabulary fields tuples of
terms; the text fields of an item built by hand are still checked, as a CMS row may hold
anything.

How a reason for not publishing a proactive item on the government website is recorded
(see :func:`website_justification`): either a local column named
:data:`WEBSITE_EXEMPTION_FIELD` (``未在政府网站公开理由``) with the reason, or a provenance note
of kind ``note`` or ``local`` whose ``fields`` include ``channels`` and whose text mentions
政府网站 (or "government website").

>>> from govdisclose import standard
>>> from govdisclose.findings import ReportBuilder
>>> builder = ReportBuilder()
>>> check_item(standard("work_safety").items[0], "$.items[0]", builder, template=True)
>>> builder.findings
[]
"""

from __future__ import annotations

from .._model import CatalogueItem, LegalBasis, Provenance, ProvenanceKind, TimeLimit
from .._vocabulary import Channel, Level, Mode, Term
from ..findings import FindingCode, ReportBuilder, Severity
from ._prescan import ELEMENTS, INVALID_DATA, add_missing, clip, is_blank

#: The local column that records why a proactive item is not on the government website.
WEBSITE_EXEMPTION_FIELD = "未在政府网站公开理由"

#: The finding codes of this area (see :mod:`govdisclose.findings`).
CODES = (
    DUPLICATE_TERM := FindingCode(
        "catalogue.duplicate-term",
        Severity.WARNING,
        "重复的取值",
        "value listed twice",
        "The same channel, audience, mode or level appears twice in one item.",
    ),
    TIME_LIMIT_UNRECOGNISED := FindingCode(
        "catalogue.time-limit-unrecognised",
        Severity.WARNING,
        "公开时限无法识别",
        "time limit not recognised",
        "The time-limit text is not one the library can read into a rule, so no deadline can be "
        "computed from it.",
    ),
    WEBSITE_MISSING := FindingCode(
        "catalogue.website-missing",
        Severity.WARNING,
        "主动公开事项未在政府网站公开",
        "proactive item not on the government website",
        "A proactive item does not list 政府网站 among its channels and no reason is recorded. "
        "The government website is the first platform for proactive disclosure (条例第二十四条; "
        "390号 四(一)6).",
    ),
    WEBSITE_MISSING_JUSTIFIED := FindingCode(
        "catalogue.website-missing-justified",
        Severity.INFO,
        "未在政府网站公开（已说明理由）",
        "not on the government website (reason recorded)",
        "A proactive item does not list 政府网站 but records why.",
    ),
    PUSH_TARGET_MISSING := FindingCode(
        "catalogue.push-target-missing",
        Severity.WARNING,
        "精准推送未说明推送对象",
        "precise push names no target group",
        "An item pushed by 精准推送 should say to whom (industry or population tags): "
        "push_targets.",
    ),
    PUSH_TARGETS_UNUSED := FindingCode(
        "catalogue.push-targets-unused",
        Severity.WARNING,
        "有推送对象但未选精准推送",
        "push targets without the precise-push channel",
        "push_targets are given but 精准推送 is not among the channels.",
    ),
    OTHER_CHANNEL_UNNAMED := FindingCode(
        "catalogue.other-channel-unnamed",
        Severity.WARNING,
        "“其他”渠道未说明",
        "the 'other' channel is not named",
        "An item using the channel 其他 should say what it is (other_channels, e.g. 12345热线).",
    ),
    OTHER_CHANNELS_UNUSED := FindingCode(
        "catalogue.other-channels-unused",
        Severity.WARNING,
        "列有其他渠道但未选“其他”",
        "other channels named without the 'other' channel",
        "other_channels are given but 其他 is not among the channels.",
    ),
    RECONSTRUCTED := FindingCode(
        "catalogue.reconstructed",
        Severity.INFO,
        "取值系重建",
        "reconstructed values",
        "Some of the item's values could not be read from the source and were reconstructed; "
        "check them against your own copy of the table.",
    ),
    AS_PUBLISHED := FindingCode(
        "catalogue.as-published",
        Severity.INFO,
        "照原文保留的存疑取值",
        "doubtful value kept as published",
        "A value is kept as published although it is probably a typo.",
    ),
    LEVEL_NOT_APPLICABLE := FindingCode(
        "catalogue.level-not-applicable",
        Severity.ERROR,
        "事项不适用于本层级",
        "item does not apply at this level",
        "A catalogue for one level holds an item whose levels do not include that level.",
    ),
)


#: The item fields that hold a tuple of vocabulary terms.
_TERM_LISTS = ("channels", "audiences", "modes", "levels")
_LEFT_TO_LOCALITIES = "（标准目录留待各地填写 / left to local catalogues）"


def website_justification(item: CatalogueItem) -> str | None:
    """The recorded reason for not publishing ``item`` on the government website, if any."""
    reason = item.local_fields.get(WEBSITE_EXEMPTION_FIELD)
    if not is_blank(reason):
        return str(reason).strip()
    for note in item.provenance:
        if (
            isinstance(note, Provenance)
            and note.kind in (ProvenanceKind.NOTE, ProvenanceKind.LOCAL)
            and "channels" in note.fields
            and isinstance(note.note, str)
            and ("政府网站" in note.note or "government website" in note.note.lower())
        ):
            return note.note.strip()
    return None


def _check_elements(item: CatalogueItem, path: str, builder: ReportBuilder) -> None:
    for field, label in ELEMENTS.items():
        value = getattr(item, field, None)
        if isinstance(value, (LegalBasis, TimeLimit)):
            value = value.text
        where = f"{path}.{field}"
        if field in _TERM_LISTS:  # a tuple of terms (the model converts them)
            if not value:
                add_missing(builder, where, field)
        elif value is not None and not isinstance(value, str):
            builder.add(
                INVALID_DATA,
                where,
                message_zh=f"{label}应为文本",
                message_en=f"{field} must be text, got {type(value).__name__}",
            )
        elif is_blank(value):
            add_missing(builder, where, field)


def _check_terms(item: CatalogueItem, path: str, builder: ReportBuilder) -> None:
    """Terms listed twice, and no level (the model makes every value a term)."""
    for field in _TERM_LISTS:
        seen: set[Term] = set()
        for index, entry in enumerate(getattr(item, field)):
            if entry in seen:
                builder.add(
                    DUPLICATE_TERM,
                    f"{path}.{field}[{index}]",
                    message_zh=f"{entry.__concept__}“{entry.label}”重复",
                    message_en=f"{field} lists {entry.code} twice",
                    hint="删除重复项 / remove the repeated value",
                    value=entry.code,
                )
            seen.add(entry)
    if not item.levels:
        add_missing(builder, f"{path}.levels", "levels")


def _check_time_limit(item: CatalogueItem, path: str, builder: ReportBuilder) -> None:
    limit = getattr(item, "time_limit", None)
    if not isinstance(limit, TimeLimit) or is_blank(limit.text):
        return  # reported as a missing element or invalid data
    rule = limit.rule
    if rule.kind == "unrecognised":
        builder.add(
            TIME_LIMIT_UNRECOGNISED,
            f"{path}.time_limit",
            message_zh=f"公开时限“{clip(limit.text)}”无法识别，不能据此计算期限",
            message_en=f"time limit {clip(limit.text)!r} is not recognised; no deadline can "
            f"be computed from it",
            hint="改用常见写法，如“信息形成或变更之日起20个工作日内” / use a common wording, "
            "e.g. 信息形成或变更之日起20个工作日内",
            text=clip(limit.text, 200),
        )


def _check_channels(
    item: CatalogueItem, path: str, builder: ReportBuilder, *, template: bool
) -> None:
    channels, modes = item.channels, item.modes
    if not channels:
        return
    soft = Severity.INFO if template else None
    where = f"{path}.channels"
    if Mode.PROACTIVE in modes and Channel.GOVERNMENT_WEBSITE not in channels:
        reason = website_justification(item)
        if reason is None:
            builder.add(
                WEBSITE_MISSING,
                where,
                hint=f"加选“政府网站”，或在本地字段“{WEBSITE_EXEMPTION_FIELD}”中说明理由 / add "
                f"government_website, or record the reason in local_fields"
                f"['{WEBSITE_EXEMPTION_FIELD}']",
            )
        else:
            builder.add(WEBSITE_MISSING_JUSTIFIED, where, reason=clip(reason, 200))
    left = _LEFT_TO_LOCALITIES if template else ""
    # A ticked channel that must say more, and the field that says it (精准推送 → to whom,
    # 其他 → what): missing when ticked, unused when not.
    for channel, field, missing, unused, missing_hint, unused_hint in (
        (
            Channel.PRECISE_PUSH,
            "push_targets",
            PUSH_TARGET_MISSING,
            PUSH_TARGETS_UNUSED,
            "在 push_targets 中写明推送对象（行业或人群）/ name the target groups in push_targets",
            "加选“精准推送”或删去推送对象 / add precise_push or remove push_targets",
        ),
        (
            Channel.OTHER,
            "other_channels",
            OTHER_CHANNEL_UNNAMED,
            OTHER_CHANNELS_UNUSED,
            "在 other_channels 中写明，如“12345热线” / name it in other_channels",
            "加选“其他”或删去 other_channels / add other or remove other_channels",
        ),
    ):
        named = getattr(item, field, ())
        if channel in channels and not named:
            where_ticked = f"{where}[{channels.index(channel)}]"
            builder.add(missing, where_ticked, hint=missing_hint + left, severity=soft)
        elif named and channel not in channels:
            builder.add(unused, f"{path}.{field}", hint=unused_hint)


def _check_provenance(item: CatalogueItem, path: str, builder: ReportBuilder) -> None:
    for index, note in enumerate(item.provenance):
        if not isinstance(note, Provenance):
            continue
        code = {
            ProvenanceKind.RECONSTRUCTED: RECONSTRUCTED,
            ProvenanceKind.AS_PUBLISHED: AS_PUBLISHED,
        }.get(note.kind)
        if code is None:
            continue
        fields = list(note.fields) if isinstance(note.fields, tuple) else []
        builder.add(
            code,
            f"{path}.provenance[{index}]",
            message_zh=f"{code.title_zh}（{'、'.join(fields) or '全部'}）：{clip(note.note, 300)}",
            message_en=f"{code.title_en} ({', '.join(fields) or 'all fields'})",
            hint="请与本地掌握的原表核对 / check against your copy of the source table",
            fields=fields,
        )


def check_item(
    item: CatalogueItem,
    path: str,
    builder: ReportBuilder,
    *,
    template: bool = False,
    level: Level | None = None,
) -> None:
    """All one-item checks.  ``template``: the item is from a standard (not a local) catalogue,
    so channel details left to localities (push targets, 其他) are info, not warnings."""
    _check_elements(item, path, builder)
    _check_terms(item, path, builder)
    _check_time_limit(item, path, builder)
    _check_channels(item, path, builder, template=template)
    levels = item.levels
    if level is not None and levels and level not in levels:
        applies = "、".join(lv.label for lv in levels)
        builder.add(
            LEVEL_NOT_APPLICABLE,
            f"{path}.levels",
            message_zh=f"本目录为{level.label}目录，该事项仅适用于{applies}",
            message_en=f"a {level.code} catalogue holds an item for "
            f"{', '.join(lv.code for lv in levels)} only",
            hint=f"删去该事项，或在 levels 中加入 {level.code} / remove the item or add "
            f"{level.code} to its levels",
            level=level.code,
        )
    _check_provenance(item, path, builder)
