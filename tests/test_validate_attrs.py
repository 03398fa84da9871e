"""attrs validators for users' own classes: GovdiscloseError and ValueError, with paths."""

from __future__ import annotations

import attrs
import pytest

from govdisclose._errors import GovdiscloseError, InputError, VocabularyError
from govdisclose._model import TimeLimit
from govdisclose._vocabulary import Channel, Level, Mode
from govdisclose.checks._attrs_validators import (
    each_in_vocabulary,
    in_vocabulary,
    non_empty,
    recognised_time_limit,
    to_term,
    to_terms,
)


@attrs.frozen
class Entry:
    """What a CMS plugin might keep: a name, a mode, channels, levels, a time limit."""

    name: str = attrs.field(validator=non_empty)
    mode: Mode = attrs.field(validator=in_vocabulary(Mode))
    channels: tuple[Channel, ...] = attrs.field(
        converter=to_terms(Channel), validator=[non_empty, each_in_vocabulary(Channel)]
    )
    level: Level = attrs.field(default=Level.COUNTY, converter=to_term(Level))
    limit: TimeLimit | str = attrs.field(
        default="信息形成或变更之日起20个工作日内", validator=recognised_time_limit
    )


def test_valid_entry_with_labels_and_variants() -> None:
    entry = Entry("法律法规", Mode.PROACTIVE, ["门户网站", "政务新媒体"], level="镇街级")
    assert entry.channels == (Channel.GOVERNMENT_WEBSITE, Channel.NEW_MEDIA)
    assert entry.level is Level.TOWNSHIP
    assert Entry("x", Mode.ON_REQUEST, ["其他"], limit=TimeLimit("每年1月31日前")).limit


@pytest.mark.parametrize(
    ("kwargs", "error", "path"),
    [
        ({"name": ""}, InputError, "name"),
        ({"name": None}, InputError, "name"),
        ({"mode": "proactive"}, VocabularyError, "mode"),  # a code is not a member
        ({"channels": []}, InputError, "channels"),
        ({"channels": ["网站X"]}, VocabularyError, "[0]"),
        ({"channels": "政府网站"}, InputError, None),
        ({"level": "省级"}, VocabularyError, None),
        ({"limit": "尽快"}, InputError, "limit"),
        ({"limit": TimeLimit("")}, InputError, "limit"),
        ({"limit": 20}, InputError, "limit"),
    ],
)
def test_bad_values(kwargs: dict[str, object], error: type[Exception], path: str | None) -> None:
    values: dict[str, object] = {
        "name": "法律法规",
        "mode": Mode.PROACTIVE,
        "channels": ["政府网站"],
    }
    values.update(kwargs)
    with pytest.raises(error) as info:
        Entry(**values)  # type: ignore[arg-type]
    assert isinstance(info.value, GovdiscloseError) and isinstance(info.value, ValueError)
    assert info.value.path == path


def test_each_in_vocabulary_names_the_index() -> None:
    @attrs.frozen
    class Raw:
        channels: tuple[object, ...] = attrs.field(validator=each_in_vocabulary(Channel))

    with pytest.raises(VocabularyError) as info:
        Raw((Channel.OTHER, "政府网站"))
    assert info.value.path == "channels[1]"
    with pytest.raises(InputError):
        Raw("abc")  # type: ignore[arg-type]
