"""The standard's vocabularies: domains, first-level items, channels, audiences, modes, levels.

Each term is an enum member whose value is its stable ASCII **code** (used in JSON and APIs)
and which carries its official Chinese **label** (what users see) and the **variants** seen in
real local catalogues.  :meth:`Term.parse` takes any of the three.

>>> from govdisclose._vocabulary import Channel, Level, Audience
>>> Channel.parse("两微一端")
<Channel.NEW_MEDIA: 'new_media'>
>>> Channel.parse("政务新媒体").label
'两微一端'
>>> Level.parse("县（区）级"), Level.parse("镇街级")
(<Level.COUNTY: 'county'>, <Level.TOWNSHIP: 'township'>)
>>> Audience.parse("特定群众").code
'specific_groups'
>>> Level.parse("省级")
Traceback (most recent call last):
...
govdisclose.VocabularyError: unknown 公开层级 '省级'; allowed: county (县级), ...

More information:

* 应急厅函〔2019〕390号 and its two standard catalogues (see DOMAIN reference §2)
* 国办发〔2019〕54号 (the eight required elements)
"""

from __future__ import annotations

import enum
import re
import unicodedata
from typing import Any, TypeVar, overload

from ._errors import VocabularyError

_T = TypeVar("_T", bound="Term")
_RAISE: Any = object()  # no default: an unknown value raises
#: Pinyin that copies of pages insert after a character ("鎮(zhèn)級", "法規(guī)", "日(ri)(ri)").
PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])(?:\([a-z\u00e0-\u00fc\u0100-\u01dc]{1,6}\))+")
#: Traditional characters of the words in labels, vocabularies, the standard's item names and
#: time limits, folded to simplified for comparison only (copies of county pages come in
#: traditional characters: 公開內容, 政府網站, 鄉級 …).  Values are kept as written.
_TRADITIONAL = str.maketrans(
    "與專業兩個爲舉鄉書於產僅衆會傷體黨關內寫衝決況準減劃創別辦務動勵區華協單廳壓縣參發變號後聽員響園圍國圖場壞聲處備復頭獎實"
    "審對導層屬並廣應開異彈強當錄徵徑態戶執報擔擬撥掛損換據數斷無時曉暫機權條來構標欄檔檢氣沒災點熱現電監碼確種稱簡類級紀綱納"
    "紙線組細經結絕統續綜編縮網罰羣職聯輿範營補見規視計認討議記許論設訪證評識訴詞話該誤說請讀調負財責質購費資贈車轉載過進適選"
    "採銷錯鎮長門閉問間聞閱隊際隱頁項預領題額館為眾説閲佈週獲製簽頒曆歷從",
    "与专业两个为举乡书于产仅众会伤体党关内写冲决况准减划创别办务动励区华协单厅压县参发变号后听员响园围国图场坏声处备复头奖实"
    "审对导层属并广应开异弹强当录征径态户执报担拟拨挂损换据数断无时晓暂机权条来构标栏档检气没灾点热现电监码确种称简类级纪纲纳"
    "纸线组细经结绝统续综编缩网罚群职联舆范营补见规视计认讨议记许论设访证评识诉词话该误说请读调负财责质购费资赠车转载过进适选"
    "采销错镇长门闭问间闻阅队际隐页项预领题额馆为众说阅布周获制签颁历历从",
)


def simplified(text: str) -> str:
    """``text`` with the traditional characters of labels, vocabularies, item names and
    time limits in their simplified form (each has only one), for comparison only."""
    return text.translate(_TRADITIONAL)


def normalize_text(value: str) -> str:
    """Fold a label for comparison: NFKC (full-width → half-width), simplified characters, no
    white space, lower case.

    >>> normalize_text(" 县（区）级 "), normalize_text("公開內容"), normalize_text("鎮(zhèn)級")
    ('县(区)级', '公开内容', '镇级')
    """
    folded = unicodedata.normalize("NFKC", value)
    if "(" in folded:  # most labels have no bracket: no pinyin to look for
        folded = PINYIN.sub("", folded)
    return "".join(simplified(folded).split()).lower()


class Term(enum.Enum):
    """A vocabulary term: code (the enum value), Chinese label and accepted variants.

    Terms are constants: their label and variants cannot be changed or deleted.

    >>> Channel.GOVERNMENT_WEBSITE.label = "本局网站"
    Traceback (most recent call last):
    ...
    AttributeError: vocabulary terms are read-only (词表取值不可修改): label
    """

    _value_: str
    _label: str
    _variants: tuple[str, ...]

    #: The concept's name, used in error messages (e.g. ``公开渠道``).
    __concept__ = "term"

    # Members are singletons compared by identity; Enum's own hash runs in Python.
    __hash__ = object.__hash__

    def __new__(cls, code: str, label: str, *variants: str) -> Term:
        obj = object.__new__(cls)
        obj._value_ = code
        object.__setattr__(obj, "_label", label)
        object.__setattr__(obj, "_variants", variants)
        return obj

    def __setattr__(self, name: str, value: object) -> None:
        # The enum machinery sets its own _sunder_ and __dunder__ names while building members.
        if name.startswith("_") and name.endswith("_"):
            super().__setattr__(name, value)
            return
        raise AttributeError(f"vocabulary terms are read-only (词表取值不可修改): {name}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"vocabulary terms are read-only (词表取值不可修改): {name}")

    @property
    def code(self) -> str:
        """The stable ASCII code of this term."""
        return self._value_

    @property
    def label(self) -> str:
        """The official Chinese label."""
        return self._label

    @property
    def variants(self) -> tuple[str, ...]:
        """Other spellings seen in local catalogues, accepted on input."""
        return self._variants

    def __str__(self) -> str:
        return self.label

    @classmethod
    def _lookup(cls) -> dict[str, Term]:
        table: dict[str, Term] | None = cls.__dict__.get("_lookup_table")
        if table is None:
            table = {}
            for member in cls:
                keys = (member.code, member.code.replace("_", "-"), member.label, *member.variants)
                for key in keys:
                    table.setdefault(normalize_text(key), member)
            setattr(cls, "_lookup_table", table)  # noqa: B010 - enum classes refuse plain attrs
        return table

    @overload
    @classmethod
    def parse(cls: type[_T], value: object, *, path: str | None = None) -> _T: ...

    @overload
    @classmethod
    def parse(cls: type[_T], value: object, *, default: None) -> _T | None: ...

    @classmethod
    def parse(
        cls: type[_T], value: object, *, path: str | None = None, default: Any = _RAISE
    ) -> Any:
        """Return the member named by ``value`` (a member, code, label or variant).

        When nothing matches: ``default`` if one is given (``Mode.parse(text, default=None)``),
        else a :class:`~govdisclose._errors.VocabularyError` naming the value, ``path`` and the
        allowed codes.
        """
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            member = cls._lookup().get(normalize_text(value))
            if member is not None:
                return member
        if default is not _RAISE:
            return default
        allowed = [f"{m.code} ({m.label})" for m in cls]
        raise VocabularyError(cls.__concept__, value, allowed, path=path)


class Domain(Term):
    """领域: the two fields the 390 directive covers."""

    __concept__ = "领域"

    WORK_SAFETY = ("work_safety", "安全生产", "安全生产领域")
    DISASTER_RELIEF = ("disaster_relief", "救灾", "救灾领域", "救灾生产")


class FirstLevel(Term):
    """一级事项: the first-level items of the two standard catalogues."""

    __concept__ = "一级事项"

    POLICY_DOCUMENTS = ("policy_documents", "政策文件", "政策法规")
    LAW_BASED_ADMINISTRATION = ("law_based_administration", "依法行政")
    ADMINISTRATIVE_MANAGEMENT = ("administrative_management", "行政管理")
    PUBLIC_SERVICES = ("public_services", "公共服务")
    KEY_AREA_DISCLOSURE = ("key_area_disclosure", "重点领域信息公开")
    DISASTER_PREPAREDNESS = ("disaster_preparedness", "备灾管理")
    # 灾害救助 is how the published disaster-relief table misspells the group of row 3.
    POST_DISASTER_RELIEF = ("post_disaster_relief", "灾后救助", "灾害救助")
    FUNDS_AND_MATERIALS = ("funds_and_materials", "款物管理")
    WORK_UPDATES = ("work_updates", "工作动态")

    @property
    def domains(self) -> tuple[Domain, ...]:
        """The standard catalogues in which this first-level item appears."""
        return _FIRST_LEVEL_DOMAINS[self]


_FIRST_LEVEL_DOMAINS: dict[FirstLevel, tuple[Domain, ...]] = {
    FirstLevel.POLICY_DOCUMENTS: (Domain.WORK_SAFETY, Domain.DISASTER_RELIEF),
    FirstLevel.LAW_BASED_ADMINISTRATION: (Domain.WORK_SAFETY,),
    FirstLevel.ADMINISTRATIVE_MANAGEMENT: (Domain.WORK_SAFETY,),
    FirstLevel.PUBLIC_SERVICES: (Domain.WORK_SAFETY,),
    FirstLevel.KEY_AREA_DISCLOSURE: (Domain.WORK_SAFETY,),
    FirstLevel.DISASTER_PREPAREDNESS: (Domain.DISASTER_RELIEF,),
    FirstLevel.POST_DISASTER_RELIEF: (Domain.DISASTER_RELIEF,),
    FirstLevel.FUNDS_AND_MATERIALS: (Domain.DISASTER_RELIEF,),
    FirstLevel.WORK_UPDATES: (Domain.DISASTER_RELIEF,),
}


class Channel(Term):
    """公开渠道和载体: the 13 boxes of the 390 template, in table order, and two later ones.

    :data:`TEMPLATE_CHANNELS` lists the 13 template boxes; :attr:`LIBRARY` and
    :attr:`NATIONAL_ARCHIVES` come from the revised channel list of newer local catalogues.
    """

    __concept__ = "公开渠道"

    GOVERNMENT_WEBSITE = ("government_website", "政府网站", "门户网站", "政府门户网站")
    GOVERNMENT_GAZETTE = ("government_gazette", "政府公报")
    NEW_MEDIA = (
        "new_media",
        "两微一端",
        "政务新媒体",
        "两微一端(政务微博、微信、客户端)",
        "政务微博、微信、客户端",
    )
    PRESS_CONFERENCE = ("press_conference", "发布会", "新闻发布会")
    RADIO_TV = ("radio_tv", "广播电视")
    PRINT_MEDIA = ("print_media", "纸质媒体")
    PUBLIC_READING_POINT = ("public_reading_point", "公开查阅点", "政府信息公开查阅点", "查阅点")
    SERVICE_CENTER = ("service_center", "政务服务中心", "提供政务服务的场所")
    CONVENIENCE_STATION = ("convenience_station", "便民服务站", "便民服务中心")
    DOOR_TO_DOOR = ("door_to_door", "入户/现场", "入户", "现场", "入户现场")
    BULLETIN_BOARD = (
        "bulletin_board",
        "社区/企事业单位、村公示栏（电子屏）",
        "社区/企事业单位、村公示栏",
        "公示栏",
        "村公示栏",
        "公示栏（电子屏）",
    )
    PRECISE_PUSH = ("precise_push", "精准推送")
    OTHER = ("other", "其他")
    LIBRARY = ("library", "图书馆")
    NATIONAL_ARCHIVES = ("national_archives", "国家档案馆", "档案馆")

    @property
    def in_template(self) -> bool:
        """Whether this channel is one of the 13 boxes of the 390 template."""
        return self in TEMPLATE_CHANNELS


#: The 13 channel boxes of the 390 template, in table order.
TEMPLATE_CHANNELS: tuple[Channel, ...] = tuple(Channel)[:13]


class Audience(Term):
    """公开对象."""

    __concept__ = "公开对象"

    WHOLE_SOCIETY = ("whole_society", "全社会", "面向全社会", "社会公众")
    SPECIFIC_GROUPS = ("specific_groups", "特定群体", "特定群众", "特定对象")


class Mode(Term):
    """公开方式."""

    __concept__ = "公开方式"

    PROACTIVE = ("proactive", "主动", "主动公开")
    ON_REQUEST = ("on_request", "依申请", "依申请公开")


class Level(Term):
    """公开层级: the two basic levels the standard covers."""

    __concept__ = "公开层级"

    COUNTY = ("county", "县级", "区级", "县（区）级", "县区级", "县(市、区)级", "县(市区)级")
    TOWNSHIP = (
        "township",
        "乡级",
        "乡、村级",
        "镇级",
        "乡镇级",
        "镇街级",
        "乡镇（街道）级",
        "街道级",
        "乡镇",
    )


class DisclosureAttribute(Term):
    """公开属性 of a policy document, with the marking printed after its date (390号 四(一)5)."""

    __concept__ = "公开属性"

    PROACTIVE = ("proactive", "主动公开", "此件公开发布", "主动")
    ON_REQUEST = ("on_request", "依申请公开", "此件依申请公开", "依申请")
    NOT_DISCLOSED = ("not_disclosed", "不予公开", "此件不公开", "不公开")

    @property
    def marking(self) -> str:
        """The marking text the document must carry, e.g. ``此件公开发布``."""
        return self.variants[0]
