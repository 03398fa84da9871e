"""``str()`` of the results the command line prints is short readable text, not a repr."""

from __future__ import annotations

import datetime as dt

from govdisclose._privacy import scan_text
from govdisclose.calendar import WorkCalendar
from govdisclose.deadlines import request_reply_deadline


def test_a_day_is_one_line() -> None:
    day = WorkCalendar.official().day_info(dt.date(2024, 10, 1))
    text = str(day)
    assert text.startswith("2024-10-01 ") and "国庆节 national_day" in text
    assert "\n" not in text and "DayInfo(" not in text and len(text) < 200


def test_a_scan_is_one_line_however_many_numbers() -> None:
    scan = scan_text("电话 13812345678\n" * 2000, subject="名单.txt")
    text = str(scan)
    assert text == "名单.txt: 2000 处个人信息 personal numbers: 手机号码 mobile 2000"
    assert "13812345678" not in str(scan_text("13812345678"))  # never the number itself
    assert str(scan_text("无")) == "<text>: 未发现个人信息 no personal numbers found"


def test_a_deadline_is_readable_text() -> None:
    text = str(request_reply_deadline(dt.date(2024, 10, 8), calendar=WorkCalendar.official()))
    assert "Deadline(" not in text and "2024-11-04" in text
