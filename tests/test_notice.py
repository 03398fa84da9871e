"""Reading the State Council's holiday notices: every real notice found reproduces the bundled
calendar day for day; every phrasing since 2006; amending notices; refusals that quote the
sentence; completeness under the 放假办法 in force.

The notices in ``tests/data/notices`` are transcribed from public copies (each file names its
source in its first line); 2008 and 2009 are copies cut off after item 五.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from govdisclose._errors import CalendarDataError, InputError
from govdisclose.calendar import (
    Arrangement,
    Festival,
    WorkCalendar,
    completeness_problems,
    dump_arrangement,
    load_arrangement,
    notice_text,
    read_notice,
    read_notice_files,
)
from govdisclose.calendar._festivals import required_festivals, statutory_days
from govdisclose.calendar._official import NOTICES
from govdisclose.cli import main

NOTICES_DIR = Path(__file__).parent / "data" / "notices"
OFFICIAL = WorkCalendar.official()
#: Years whose whole notice was found (2008 and 2009: only copies cut off after item 五).
FOUND = (2006, 2007, *range(2010, 2027))
AMENDED = {2015: 1, 2019: 1, 2020: 1}


def notice_paths(year: int) -> list[Path]:
    amendments = sorted(NOTICES_DIR.glob(f"{year}-amend-*.txt"))
    return [NOTICES_DIR / f"{year}.txt", *amendments]


def read_year(year: int) -> Arrangement:
    return read_notice_files(*notice_paths(year))


def text_of(year: int) -> str:
    return (NOTICES_DIR / f"{year}.txt").read_text(encoding="utf-8")


def item(year: int, numeral: str) -> str:
    """The line of item ``numeral`` (一, 二 …) of the year's notice, as transcribed."""
    for line in text_of(year).splitlines():
        if re.match(rf"^{numeral}、", line):
            return line
    raise AssertionError(f"no item {numeral} in {year}")


def one_item(year: int, numeral: str) -> Arrangement:
    """A notice of the year's title and one item of it (partial: the others left out)."""
    text = f"国务院办公厅关于{year}年部分节假日安排的通知\n{item(year, numeral)}\n"
    return read_notice(text, partial="one item of the notice")


def window(year: int) -> list[date]:
    first, last = date(year - 1, 12, 1), date(year, 12, 31)
    return [first + timedelta(days=k) for k in range((last - first).days + 1)]


def unreadable(text: str, **kwargs: object) -> str:
    with pytest.raises(CalendarDataError) as caught:
        read_notice(text, **kwargs)  # type: ignore[arg-type]
    return str(caught.value)


# -- every notice found reads to the official arrangement -------------------------------------


def test_every_year_has_its_source_named() -> None:
    for path in sorted(NOTICES_DIR.glob("*.txt")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert re.match(r"^# source: (https?://\S+|project reference copy)", first), path.name


def assert_official_days(arr: Arrangement, year: int) -> None:
    """``arr`` gives every day of ``year`` (and the December before) as the bundled calendar."""
    official = OFFICIAL.arrangement(year)
    assert arr.year == year and official is not None and not arr.partial
    replaced = OFFICIAL.with_arrangement(arr)
    for day in window(year):
        mine, theirs = replaced.day_info(day), OFFICIAL.day_info(day)
        assert (mine.kind, mine.workday) == (theirs.kind, theirs.workday), day
    assert arr.makeup_workdays == official.makeup_workdays
    # every day the notice gives off is off in the bundled data (which sometimes leaves out
    # the weekend days of a break)
    assert all(not OFFICIAL.is_workday(d) for d in arr.days_off)
    assert completeness_problems(arr) == []


@pytest.mark.parametrize("year", FOUND)
def test_notice_reproduces_the_bundled_calendar_day_for_day(year: int) -> None:
    arr = read_year(year)
    assert_official_days(arr, year)
    assert dict(arr.day_sources) == dict(OFFICIAL.arrangement(year).day_sources)  # type: ignore[union-attr]


#: Copies reposted by other sites, each in its own layout (named in the file's header), with
#: whether it gives the document number and the date signed.
COPIES = {
    "2010-o571-newspaper.txt": (False, False),  # 通知指出，…现将2010年…; no title line
    "2011-ctia.txt": (True, False),  # 国务院办公厅:关于…通知, then the title over two lines
    "2011-mm111-newspaper.txt": (False, False),  # 国务院办公厅发出关于…; items in one paragraph
    "2011-wikisource-traditional.txt": (True, True),  # 關於, 農曆除夕
    "2012-dbehualu-traditional.txt": (True, True),  # traditional, readings, 二〇一一年十二月五日
    "2012-longnan-pinyin.txt": (False, False),  # readings inside 1月(yuè)21日(rì)(星(xīng)期六)
    "2014-lyd-news.txt": (False, False),  # a news story's own introduction, no title
    "2015-tjtfjx-dashes.txt": (False, False),  # ——元旦:… (a dash for each numeral)
    "2015-zhijia.txt": (False, True),  # the title without 的: …部分节假日安排通知
    "2016-gdychr.txt": (True, True),  # 国务院办公厅 above 关于…, after a line naming the title
    "2016-govcn-page.txt": (True, True),  # the page's metadata table: 标  题: 国务院办公厅…
    "2016-p719-traditional.txt": (True, True),
    "2017-0351ms-traditional.txt": (True, True),  # the gov.cn address above the title
    "2017-cri-traditional.txt": (False, False),  # 通知説，經國務院批准，2017年元旦…
    "2017-guoyuji-traditional.txt": (True, True),  # the site's dates of 春节 before the notice
    "2018-taiwancn.txt": (False, True),  # the title twice
    "2019-kunming.txt": (True, True),  # 一、元旦: 2018年… (a space after the colon)
    "2020-hbtlkj-pinyin.txt": (False, False),  # readings twice: 日(ri)(ri), 星(xing)(xing)期
    "2020-kaixinit.txt": (False, True),  # 国务院办公厅关于2020年  部分节假日安排的通知
    "2020-mte-local.txt": (False, False),  # a local office's own signature and date after it
    "2021-0798ci.txt": (True, True),  # number and title in brackets in the page's heading
    "2021-zhibohancheng-pinyin.txt": (False, False),  # 一(yī)、元旦…共3天 (no full stop)
    "2022-cgksw.txt": (True, True),  # the site's headline first, 国务院办公厅印发《关于…》 after
    "2022-kingfisher-traditional.txt": (False, False),  # …發布關于2022年部分節假日安排的通知。
    "2023-cdslxx-traditional.txt": (False, False),  # 新華社北京12月8日電 國務(wù)院…
    "2023-huibangqyh.txt": (False, True),  # 标题: …通知 [打印本页]; 标题: …通知
    "2024-wikisource.txt": (True, True),  # the wiki header before the notice
    "2025-52hrtt.txt": (False, True),  # …—安徽国务院办公厅关于…通知,全文如下:
    "2025-mttt.txt": (False, True),  # …通知如下。一、元旦:…; 国务院办公厅2024年11月12日
    "2026-gmw.txt": (False, True),  # 正在阅读:国务院办公厅关于…; 新华社北京11月4日电 …
    "2026-yuelansh-traditional.txt": (False, True),  # 國務(wù)院辦公廳關(guān)于…
}


@pytest.mark.parametrize("name", sorted(COPIES))
def test_reposted_copies_read_to_the_official_days(name: str) -> None:
    year = int(name[:4])
    arr = read_notice_files(NOTICES_DIR / name, *notice_paths(year)[1:])
    assert_official_days(arr, year)
    assert dict(arr.holidays) == dict(read_year(year).holidays)
    notice = NOTICES[year]
    has_number, has_date = COPIES[name]
    assert arr.notice_title == notice.title
    assert arr.notice_number == (notice.number if has_number else None)
    assert arr.notice_date == (notice.date if has_date else None)


@pytest.mark.parametrize("year", FOUND)
@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_file_form_keeps_the_whole_arrangement(year: int, suffix: str, tmp_path: Path) -> None:
    """What ``calendar notice``/``calendar add`` write reads back the same, down to the later
    notice each amended day comes from (2015's anniversary, 2019's Labour Day, 2020's Spring
    Festival), and passes the arrangement schema."""
    arr = read_year(year)
    path = tmp_path / f"{year}{suffix}"
    path.write_text(dump_arrangement(arr, format=suffix[1:]), encoding="utf-8")
    back = load_arrangement(path)
    assert back == arr and dict(back.day_sources) == dict(arr.day_sources)
    assert bool(arr.day_sources) is (year in AMENDED)


@pytest.mark.parametrize("year", FOUND)
def test_title_number_and_date_agree_with_the_bundled_sources(year: int) -> None:
    arr = read_year(year)
    notice = NOTICES[year]
    assert arr.notice_title == notice.title
    if arr.notice_number and notice.number:
        assert arr.notice_number == notice.number
    if arr.notice_date and notice.date:
        assert arr.notice_date == notice.date


@pytest.mark.parametrize("year", [2008, 2009])
def test_copies_cut_off_read_as_partial_and_agree_item_by_item(year: int) -> None:
    path = NOTICES_DIR / f"{year}-part.txt"
    with pytest.raises(CalendarDataError, match="missing 中秋节 mid_autumn_festival") as caught:
        read_notice_files(path)
    # the advice to read it as partial follows the list of what is missing, not counted in it
    message = str(caught.value)
    assert caught.value.partial_helps and "--partial" not in message
    assert message.splitlines()[-1].startswith("建议 hint: a copy that knowingly lacks")
    assert not any(line.startswith("  - a copy") for line in message.splitlines())
    arr = read_notice_files(path, partial="copy cut off after item 五")
    assert arr.partial and arr.partial_reason == "copy cut off after item 五"
    official = OFFICIAL.arrangement(year)
    assert official is not None
    for festival in set(arr.holidays.values()):
        mine = {d for d, f in arr.holidays.items() if f is festival}
        theirs = {d for d, f in official.holidays.items() if f is festival}
        assert {d for d in mine if OFFICIAL.is_workday(d)} == {
            d for d in theirs if d in official.makeup_workdays
        }
        assert mine & set(official.makeup_workdays) == theirs & set(official.makeup_workdays)
    for day in arr.days_off:
        assert not OFFICIAL.is_workday(day), day


def test_spaces_around_numbers_and_a_year_before_the_festival() -> None:
    # 现将 2018 年元旦…; 一、2018年元旦:1 月 1 日放假,与周末连休。 (a copy cut off after item 一)
    arr = read_notice_files(NOTICES_DIR / "2018-part-zk008.txt", partial="cut off after item 一")
    assert arr.year == 2018 and arr.days_off == days("2017-12-30/2018-01-01")
    assert all(not OFFICIAL.is_workday(d) for d in arr.days_off)
    wrong = (NOTICES_DIR / "2018-part-zk008.txt").read_text(encoding="utf-8")
    wrong = wrong.replace("一、2018年", "一、2017年")
    assert "一、元旦: 2017年 is not 2018" in unreadable(wrong, partial="cut off")


def test_bundled_data_is_complete_under_the_law_in_force() -> None:
    for year in range(2004, 2027):
        official = OFFICIAL.arrangement(year)
        assert official is not None
        assert completeness_problems(official) == [], year


def test_reference_copies_with_full_width_punctuation_read_the_same() -> None:
    reference = Path(__file__).parents[1].parent.parent / "shared" / "reference" / "notices"
    stored = NOTICES_DIR / "2026.txt"
    # tests/data keeps the reference copy as published (full-width brackets and commas)
    assert "（周四）" in stored.read_text(encoding="utf-8")
    assert read_notice_files(stored) == read_year(2026)
    del reference


# -- the phrasings ----------------------------------------------------------------------------


def days(*spec: str) -> tuple[date, ...]:
    out: list[date] = []
    for text in spec:
        first, _, last = text.partition("/")
        a = date.fromisoformat(first)
        b = date.fromisoformat(last) if last else a
        out += [a + timedelta(days=k) for k in range((b - a).days + 1)]
    return tuple(sorted(out))


def test_2026_style_with_weekdays_and_make_up_day() -> None:
    arr = one_item(2026, "一")  # 1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
    assert arr.days_off == days("2026-01-01/2026-01-03")
    assert arr.makeup_workdays == days("2026-01-04")
    assert set(arr.holidays.values()) == {Festival.NEW_YEARS_DAY}


def test_2007_style_with_swaps_and_days_of_the_year_before() -> None:
    arr = one_item(2007, "一")  # …将2006年12月30日（星期六）、31日（星期日）两个公休日分别调至…
    assert arr.days_off == days("2007-01-01/2007-01-03")
    assert arr.makeup_workdays == days("2006-12-30/2006-12-31")
    spring = one_item(2007, "二")  # 其中18日、19日、20日为法定假日 (days written without month)
    assert spring.days_off == days("2007-02-18/2007-02-24")
    assert spring.makeup_workdays == (date(2007, 2, 17), date(2007, 2, 25))


def test_2006_december_day_of_the_new_year_item_is_of_the_year_before() -> None:
    arr = one_item(2006, "一")  # …将12月31日（星期六）、1月1日（星期日）两个公休日调至…
    assert arr.makeup_workdays == (date(2005, 12, 31),)


def test_2008_break_across_the_new_year() -> None:
    arr = read_notice_files(NOTICES_DIR / "2008-part.txt", partial="cut off")
    new_year = {d for d, f in arr.holidays.items() if f is Festival.NEW_YEARS_DAY}
    assert new_year == set(days("2007-12-29/2008-01-01"))
    assert date(2007, 12, 29) in arr.makeup_workdays


def test_substitute_rest_day_joins_the_weekend_between() -> None:
    arr = one_item(2017, "一")  # 1月1日放假，1月2日（星期一）补休。
    assert arr.days_off == days("2016-12-31/2017-01-02")
    gap = one_item(2014, "三")  # 4月5日放假，4月7日（星期一）补休。(Sunday 4/6 between)
    assert gap.days_off == days("2014-04-05/2014-04-07")


def test_with_the_weekend() -> None:
    arr = one_item(2017, "四")  # 5月1日放假，与周末连休。
    assert arr.days_off == days("2017-04-29/2017-05-01")
    before = one_item(2024, "一")  # 1月1日放假，与周末连休。(Monday: the weekend of 2023)
    assert before.days_off == days("2023-12-30/2024-01-01")


def test_one_day_without_swap() -> None:
    assert one_item(2025, "一").days_off == days("2025-01-01")  # 1月1日（周三）放假1天，不调休。
    assert one_item(2014, "一").days_off == days("2014-01-01")  # 1月1日放假1天。
    assert one_item(2019, "四").days_off == days("2019-05-01")  # 5月1日放假。
    assert one_item(2015, "六").days_off == days("2015-09-27")  # 9月27日放假。(a Sunday)


def test_lunar_notes_in_brackets() -> None:
    arr = one_item(2025, "二")  # 1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）…
    assert arr.days_off == days("2025-01-28/2025-02-04")
    assert arr.makeup_workdays == (date(2025, 1, 26), date(2025, 2, 8))


def test_the_eve_sentence_only_encourages_a_day_off() -> None:
    arr = one_item(2024, "二")  # …鼓励各单位……安排职工在除夕（2月9日）休息。
    assert "除夕（2月9日）休息" in item(2024, "二")
    assert date(2024, 2, 9) not in arr.days_off
    assert arr.days_off == days("2024-02-10/2024-02-17")


def test_merged_festivals_label_each_day() -> None:
    arr = one_item(2023, "六")  # 中秋节、国庆节：9月29日至10月6日放假调休，共8天。
    assert arr.holidays[date(2023, 9, 29)] is Festival.MID_AUTUMN_FESTIVAL
    assert arr.holidays[date(2023, 10, 2)] is Festival.NATIONAL_DAY


def test_2009_style_with_the_moved_festival() -> None:
    # The 2009 国庆节、中秋节 item, as quoted from the notice by m.lurdlur.com (2008-12-10).
    text = (
        "国务院办公厅关于2009年部分节假日安排的通知\n"
        "六、国庆节、中秋节:10月1日至8日放假,共8天。其中,10月1日(星期四)、10月2日(星期五)、"
        "10月3日(星期六)为国庆节法定节假日,10月4日(星期日)照常公休;10月3日(星期六)公休日及"
        "中秋节分别调至10月5日(星期一)、10月6日(星期二),9月27日(星期日)、 10月10日(星期六)"
        "公休日调至10月7日(星期三)、10月8日(星期四)。9月27日(星期日)、10月10日(星期六)上班。"
    )
    arr = read_notice(text, partial="one item")
    assert arr.days_off == days("2009-10-01/2009-10-08")
    assert arr.makeup_workdays == (date(2009, 9, 27), date(2009, 10, 10))


def test_gb18030_text_and_the_saved_web_page(tmp_path: Path) -> None:
    text = text_of(2026)
    txt = tmp_path / "2026.txt"
    txt.write_bytes(text.encode("gb18030"))
    page = tmp_path / "2026.html"
    body = "".join(f"<p>{line}</p>\n" for line in text.splitlines()[1:])
    page.write_text(
        "<!DOCTYPE html><html><head><title>"
        "国务院办公厅关于2026年部分节假日安排的通知_政策_中国政府网</title>"
        "<script>var x = '1月1日放假';</script><style>p{}</style></head><body>"
        f"<div class='nav'>首页 &gt; 政策</div>{body}<p>扫一扫在手机打开当前页</p></body></html>",
        encoding="utf-8",
    )
    expected = read_year(2026)
    assert read_notice_files(txt) == expected
    assert read_notice_files(page) == expected
    assert "var x" not in notice_text(page.read_bytes())


def test_a_copy_on_one_line() -> None:
    copy = read_notice_files(NOTICES_DIR / "2023-one-line.txt")
    assert copy == read_year(2023)
    assert copy.notice_number == "国办发明电〔2022〕16号" and copy.notice_date == date(2022, 12, 8)


def test_title_on_two_lines() -> None:
    text = text_of(2013).replace("关于2013年部分", "关于2013年\n部分")
    assert read_notice(text) == read_year(2013)


def test_news_site_copy_with_notes_after_the_signature() -> None:
    copy = read_notice_files(NOTICES_DIR / "2022-hxnews.txt")
    year = read_year(2022)
    assert copy.days_off == year.days_off and copy.makeup_workdays == year.makeup_workdays
    assert (copy.notice_number, copy.notice_date) == (None, date(2021, 10, 25))


def test_newspaper_copy_with_the_office_above_the_title() -> None:
    # 人民日报 prints 国务院办公厅 on its own line, then the title, without number or date.
    copy = read_notice_files(NOTICES_DIR / "2022-people.txt")
    year = read_year(2022)
    assert (copy.year, copy.notice_title) == (2022, year.notice_title)
    assert copy.days_off == year.days_off and copy.makeup_workdays == year.makeup_workdays
    assert dict(copy.holidays) == dict(year.holidays)
    assert (copy.notice_number, copy.notice_date) == (None, None)


def test_a_page_of_many_links_above_the_newspaper_copy_reads_as_the_copy() -> None:
    # A saved page's menu (关于我们 …) above the office and the title: read in one pass over
    # the lines (each line beginning with 关于 looked back over all the lines before it).
    page = "关于我们\n" * 20_000 + (NOTICES_DIR / "2022-people.txt").read_text(encoding="utf-8")
    copy = read_notice(page)
    assert (copy.year, copy.days_off) == (2022, read_year(2022).days_off)
    with pytest.raises(CalendarDataError):
        read_notice("国务院办公厅\n关于\n" * 20_000)


@pytest.mark.parametrize(
    ("name", "quoted"),
    [
        # A prefecture's own arrangement (local festivals) is not the State Council's notice.
        ("liangshan-2017.txt", "凉山州人民政府办公室关于2017年部分节假日安排的通知"),
        # A copy whose years were replaced by the site: no year, so nothing is read.
        ("23xiu-year-replaced.txt", "未找到通知标题中的年份"),
        # A page printing the notice twice: each day of the repeat is named as listed twice.
        ("dangbao-2022-twice.txt", "2022-01-01 is listed twice"),
        # A forum copy whose make-up days carry wrong lunar notes: 2月15日 was not 除夕.
        ("xjsq-2015-wrong-lunar-notes.txt", "2015-02-15 is not 除夕 (2015-02-18 is)"),
        # A site's own note after the notice, giving other dates for 端午节: quoted to be cut.
        ("mudaan-2012-note-after-signature.txt", "「2012年端午节放假安排:6月23日至25日"),
        # A news summary: the items without their numbers and no title.
        ("chinacom-2019-summary.txt", "未找到通知标题中的年份"),
        # A copy with commas added after 、 and 。: 六,、中秋节 is not an item.
        ("tripcoinc-2021-commas.txt", "「六,、中秋节:9月19日至21日放假调休"),
        # A repost that changed 与周末连休 to 与周六连休 (1月1日 and 6月10日 are Mondays).
        ("qiyeku-2024-saturday.txt", "一、元旦: 「与周六连休」"),
        # A local repost with 6月2 for 6月2日 and working hours between the items.
        ("dxal-2025-local.txt", "五、端午节: 「5月31日(周六)至6月2(周一)放假」"),
        # A county's own notice of one break, citing the State Council's notice.
        ("gdls-2025-county.txt", "未找到放假安排条目"),
        # A company's notice copying the arrangement, 4月23日 misprinted 4月230.
        ("1wenmi-2023-company.txt", "四、劳动节: 「4月230(星期日)、5月6日(星期六)上班」"),
        # A document site's text that lost 年 and 月 between digits (1月1日 reads 11日).
        ("wddqw-2011-digits-lost.txt", "'国务院办公厅关于2011部分节假日安排的通知'"),
    ],
)
def test_real_copies_that_are_not_a_notice_are_refused(name: str, quoted: str) -> None:
    text = (NOTICES_DIR / "refused" / name).read_text(encoding="utf-8")
    assert quoted in unreadable(text)


def test_the_command_refuses_a_real_copy_naming_the_file_and_the_item(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = NOTICES_DIR / "refused" / "qiyeku-2024-saturday.txt"
    out = tmp_path / "2024.toml"
    assert main(["calendar", "notice", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "一、元旦: 「与周六连休」" in err and "Traceback" not in err
    assert not out.exists()
    traditional = NOTICES_DIR / "2026-yuelansh-traditional.txt"
    assert main(["calendar", "notice", str(traditional), "-o", str(out)]) == 0
    assert load_arrangement(out) == read_notice_files(traditional)


@pytest.mark.parametrize(
    ("note", "ok"),
    [
        ("2月18日(除夕)", True),
        ("2月18日(农历除夕、星期三)", True),
        ("2月19日(星期四、农历正月初一)", True),
        ("2月24日(大年初六)", True),
        ("2月24日(正月初七)", False),
        ("2月17日(除夕)", False),
    ],
)
def test_a_lunar_note_is_checked_against_the_date(note: str, ok: bool) -> None:
    text = f"国务院办公厅关于2015年部分节假日安排的通知\n二、春节:{note}放假。\n"
    if ok:
        assert read_notice(text, partial="one sentence") is not None
    else:
        assert "农历括注与日期不符" in unreadable(text, partial="one sentence")


def test_news_copy_of_the_2015_amendment_with_its_title_over_three_lines() -> None:
    copy = read_notice_files(NOTICES_DIR / "2015.txt", NOTICES_DIR / "2015-amendment-hxcmw.txt")
    year = read_year(2015)
    assert copy.days_off == year.days_off and copy.makeup_workdays == year.makeup_workdays
    assert dict(copy.holidays) == dict(year.holidays)
    assert date(2015, 9, 3) in copy.days_off and date(2015, 9, 6) in copy.makeup_workdays


def test_an_amending_notice_copied_without_its_title_is_refused_saying_so() -> None:
    untitled = NOTICES_DIR / "refused" / "changzhou-2015-amendment-untitled.txt"
    with pytest.raises(CalendarDataError, match="未找到调整通知的标题"):
        read_notice_files(NOTICES_DIR / "2015.txt", untitled)


# -- amending notices -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "2019-amendment-hmsrbp-traditional.txt",  # 國務院辦公廳關于調整 / 2019年勞動節…
        "2019-amendment-hxnews.txt",  # a headline …假期安排通知 (without 的) above the title
        "2020-amendment-gsyanyi.txt",
        "2020-amendment-hbcasj-traditional.txt",  # (受權發布)國務院辦公廳關于延長…
    ],
)
def test_reposted_amending_notices_apply_as_the_official_one(name: str) -> None:
    year = int(name[:4])
    arr = read_notice_files(NOTICES_DIR / f"{year}.txt", NOTICES_DIR / name)
    assert_official_days(arr, year)
    assert dict(arr.holidays) == dict(read_year(year).holidays)
    official = read_year(year).day_sources
    assert set(arr.day_sources) == set(official)
    titles = {
        source.partition("（")[0] for source in [*arr.day_sources.values(), *official.values()]
    }
    assert len(titles) == 1 and "关于" in titles.pop()


def test_2019_labour_day_change_replaces_the_festival() -> None:
    before = read_notice_files(NOTICES_DIR / "2019.txt")
    after = read_year(2019)
    assert OFFICIAL.with_arrangement(before).is_workday(date(2019, 5, 2))
    labour = {d for d, f in after.holidays.items() if f is Festival.LABOUR_DAY}
    assert labour == set(days("2019-04-28", "2019-05-01/2019-05-05"))
    assert date(2019, 4, 28) in after.makeup_workdays and date(2019, 5, 5) in after.makeup_workdays
    assert after.day_sources[date(2019, 5, 2)].endswith("（国办发明电〔2019〕3号）")


def test_2020_extension_turns_the_make_up_day_into_a_day_off() -> None:
    before = read_notice_files(NOTICES_DIR / "2020.txt")
    assert date(2020, 2, 1) in before.makeup_workdays
    after = read_year(2020)
    assert date(2020, 2, 1) in after.days_off and date(2020, 2, 1) not in after.makeup_workdays
    assert set(after.day_sources) == set(days("2020-01-31/2020-02-02"))


def test_2015_adds_the_anniversary() -> None:
    after = read_year(2015)
    assert after.holidays[date(2015, 9, 3)] is Festival.ANTI_FASCIST_70TH_DAY
    assert date(2015, 9, 6) in after.makeup_workdays


def test_amendments_in_the_wrong_place_are_refused() -> None:
    amendment = (NOTICES_DIR / "2020-amend-1.txt").read_bytes()
    with pytest.raises(CalendarDataError, match="not a yearly notice"):
        read_notice(amendment)
    with pytest.raises(CalendarDataError, match="amends 2020, but the notice is for 2019"):
        read_notice(text_of(2019), amendment)
    with pytest.raises(CalendarDataError, match="this is a yearly notice, not an amending one"):
        read_notice(text_of(2019), text_of(2020))
    unknown = "国务院办公厅关于做好2020年元旦春节期间有关工作的通知\n一、1月1日放假。\n"
    with pytest.raises(CalendarDataError, match="not an amending notice this reader knows"):
        read_notice(text_of(2020), unknown)


# -- refusals name the sentence ---------------------------------------------------------------


def notice_2026_with(old: str, new: str) -> str:
    text = text_of(2026)
    assert old in text
    return text.replace(old, new)


def test_a_sentence_not_understood_is_quoted() -> None:
    message = unreadable(notice_2026_with("放假调休，共3天。1月4日", "休息调整，共3天。1月4日"))
    assert "一、元旦" in message and "「1月1日(周四)至3日(周六)休息调整」" in message


def test_wrong_weekday() -> None:
    message = unreadable(notice_2026_with("1月4日（周日）上班", "1月4日（周六）上班"))
    assert "2026-01-04 is a Sunday, not Saturday as written" in message


def test_count_that_does_not_match() -> None:
    message = unreadable(
        notice_2026_with("至7日（周三）放假调休，共7天", "至7日（周三）放假调休，共8天")
    )
    assert "says 8 days but the days off listed are 7" in message and "七、国庆节" in message


def test_make_up_day_on_a_weekday() -> None:
    message = unreadable(notice_2026_with("5月9日（周六）上班", "5月8日上班"))
    assert "「5月8日上班」: 2026-05-08 is a Friday, not a weekend day" in message


def test_a_day_of_two_items_or_outside_the_year_names_its_clauses() -> None:
    # 1月4日 is the 元旦 make-up day; here 二、春节 also gives it off.
    message = unreadable(notice_2026_with("2月14日（周六）、2月28日（周六）上班", "1月4日放假"))
    assert (
        "二、春节: 「1月4日放假」: 2026-01-04 is both a day off and a make-up working day"
        in message
    )
    assert "(also at 一、元旦: 「1月4日(周日)上班」)" in message
    message = unreadable(notice_2026_with("1月4日（周日）上班", "2027年1月3日（周日）上班"))
    assert "一、元旦: 「2027年1月3日(周日)上班」: 2027-01-03 is not in 2026" in message


def test_unknown_festival_and_stray_dates_after_the_items() -> None:
    message = unreadable(notice_2026_with("七、国庆节", "七、国庆日"))
    assert "unknown festival '国庆日'" in message
    message = unreadable(text_of(2026) + "另：2月9日放假。\n")
    assert "「另:2月9日放假。」" in message


def test_several_problems_are_reported_together() -> None:
    text = notice_2026_with("1月4日（周日）上班", "1月4日（周六）上班")
    text = text.replace("5月9日（周六）上班", "5月8日上班")
    assert "2 problems in the holiday arrangement" in unreadable(text)


def test_a_missing_festival_is_refused_unless_partial() -> None:
    text = "\n".join(line for line in text_of(2026).splitlines() if not line.startswith("六、"))
    assert "missing 中秋节 mid_autumn_festival" in unreadable(text)
    arr = read_notice(text, partial="中秋节 left out of this copy")
    assert arr.partial and OFFICIAL.with_arrangement(arr).day_info(date(2026, 3, 2)).partial


def test_no_year_no_items_and_bad_arguments() -> None:
    assert "year is not found" in unreadable("一、元旦：1月1日放假。")
    assert "no holiday arrangement found" in unreadable(
        "国务院办公厅关于2026年部分节假日安排的通知\n"
    )
    with pytest.raises(InputError, match="partial"):
        read_notice(text_of(2026), partial="  ")
    with pytest.raises(InputError):
        read_notice(42)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="no such file"):
        read_notice_files(NOTICES_DIR / "1999.txt")


# -- completeness under the 放假办法 in force --------------------------------------------------


def test_festivals_and_statutory_days_per_revision() -> None:
    assert len(required_festivals(2007)) == 4 and len(required_festivals(2008)) == 7
    assert [d.day for d in statutory_days(2007)[Festival.LABOUR_DAY]] == [1, 2, 3]
    assert [d.day for d in statutory_days(2024)[Festival.LABOUR_DAY]] == [1]
    assert [d.day for d in statutory_days(2025)[Festival.LABOUR_DAY]] == [1, 2]
    assert len(statutory_days(2013)[Festival.SPRING_FESTIVAL]) == 3  # 除夕、初一、初二
    assert statutory_days(2013)[Festival.SPRING_FESTIVAL][0] == date(2013, 2, 9)
    assert statutory_days(2014)[Festival.SPRING_FESTIVAL][0] == date(2014, 1, 31)  # 初一
    assert len(statutory_days(2025)[Festival.SPRING_FESTIVAL]) == 4


def test_a_statutory_day_not_off_is_named() -> None:
    official = OFFICIAL.arrangement(2025)
    assert official is not None
    short = Arrangement(
        2025,
        [d for d in official.days_off if d != date(2025, 5, 2)],
        official.makeup_workdays,
        holidays={d: f for d, f in official.holidays.items() if d != date(2025, 5, 2)},
    )
    assert completeness_problems(short) == [
        "劳动节 labour_day: the statutory day(s) 2025-05-02 are not days off "
        "(法定节假日未列为放假日)"
    ]


def test_a_festival_on_another_festival_day_counts_as_listed() -> None:
    # 2020: 中秋 fell on 10/1, and the notice lists 国庆节、中秋节 together.
    arr = read_year(2020)
    assert Festival.MID_AUTUMN_FESTIVAL not in set(arr.holidays.values())
    assert completeness_problems(arr) == []


# -- the file form ----------------------------------------------------------------------------


def test_partial_notice_written_and_read_back(tmp_path: Path) -> None:
    arr = one_item(2026, "一")
    path = tmp_path / "2026.toml"
    path.write_text(dump_arrangement(arr), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert 'partial = true\npartial_reason = "one item of the notice"' in text
    assert load_arrangement(path) == arr
    with pytest.raises(InputError, match="format"):
        dump_arrangement(arr, format="yaml")
