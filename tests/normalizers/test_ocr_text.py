"""normalizers.ocr_text: PP-OCR's known misreadings fixed in text, never a digit."""

from __future__ import annotations

import re

import pytest

from normalizers.ocr_text import fix_confusions


@pytest.mark.parametrize(
    ("read", "fixed"),
    [
        ("地域ケア会議ヘの出席", "地域ケア会議への出席"),  # a lone ヘ is the particle へ
        ("ヘの", "への"),
        ("ホームヘルパー", "ホームヘルパー"),  # inside a katakana word it stays
        ("ヘルパー", "ヘルパー"),
        ("センターヘ連絡", "センターヘ連絡"),  # after ー it may end a katakana word: as read
        ("訪問看護ステーションみどリ", "訪問看護ステーションみどり"),
        ("取リ組み", "取り組み"),
        ("リハビリテーション", "リハビリテーション"),
        ("ベッド ペン", "ベッド ペン"),
        ("食ベる", "食べる"),
        ("地域ケ了個別会議", "地域ケア個別会議"),  # 了 after a katakana is ア
        ("事業完了", "事業完了"),  # after a kanji it stays
        ("個别会議", "個別会議"),  # the simplified 别
        ("令和2年7/31〜8/19", "令和2年7/31～8/19"),  # the wave dash of a range: the full-width tilde
        ("18:30〜20:30", "18:30～20:30"),
        ("9月～3月", "9月～3月"),
        ("ヘ12件 了3回 〜4", "へ12件 了3回 ～4"),
        ("取組內容", "取組内容"),  # the traditional 內
        ("•根本外科内科医院", "・根本外科内科医院"),  # the bullet read for a ・
        ("ポスター揭示は準備が出来次第開始", "ポスター掲示は準備が出来次第開始"),  # the traditional 揭
        ("茨城県つくぱみらい市紫峰ヶ丘", "茨城県つくばみらい市紫峰ヶ丘"),  # a place name's dakuten
        ("つくぱ市 つくば市 つくぱ12", "つくば市 つくば市 つくば12"),
        ("派遠講師:在宅療養支援診療所医師", "派遣講師:在宅療養支援診療所医師"),  # 遣 read as 遠
        ("遠隔診療 永遠", "遠隔診療 永遠"),
        ("定期的(1回/4簡月)開催", "定期的(1回/4箇月)開催"),  # 箇 read as 簡
        ("簡単な 簡易", "簡単な 簡易"),
        ("派道講師:在宅療養支援診療所医師", "派遣講師:在宅療養支援診療所医師"),  # 遣 read as 道
        ("協力して儲催します", "協力して開催します"),  # 開 read as 儲
        ("訪問看謹、看取り", "訪問看護、看取り"),  # 護 read as 謹
        ("訪問着護ステーションひかり", "訪問看護ステーションひかり"),  # 看 read as 着 (訪問着 stays)
        ("在宅医撤において", "在宅医療において"),  # 療 read as 撤, 撩 or 攒 (binarized Mincho)
        ("医撩機関、医攒機関", "医療機関、医療機関"),
        ("在宅医療に間する住民向け", "在宅医療に関する住民向け"),  # 関 read as 間
        ("期間中 時間を", "期間中 時間を"),
        ("上記の医擦機関の専門性", "上記の医療機関の専門性"),  # 療 read as 擦 (Mincho, binarized)
        ("摩擦 擦過傷", "摩擦 擦過傷"),
        ("合計回数:回(うち往診;回、訪問診療：回)", "合計回数:回(うち往診：回、訪問診療：回)"),  # ：read as ;
        ("ケア;3回 ー;1", "ケア：3回 ー：1"),
        ("a;b 12;30 (;)", "a;b 12;30 (;)"),  # a semicolon after no Japanese letter stays
    ],
)
def test_known_misreadings_are_fixed_outside_digits(read: str, fixed: str) -> None:
    assert fix_confusions(read) == fixed
    assert len(fix_confusions(read)) == len(read)  # one character for one: boxes stay in place
    assert re.findall(r"\d+", fix_confusions(read)) == re.findall(r"\d+", read)
