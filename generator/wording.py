"""The printed wording of each form version, copied from the seeds and the fixture layouts.

The generator keeps its own copy (never normalizers/forms.py): a test that read the pipeline's
registry to write its inputs would only prove that the registry agrees with itself.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMS = ("H30", "R2", "R3", "R4")
# form -> the fiscal years a report on it can be for
FORM_YEARS: dict[str, tuple[int, ...]] = {"H30": (2018, 2019), "R2": (2020,), "R3": (2021,), "R4": (2022,)}

INTRO_NOTE = (
    "なお、必要に応じ、後方支援病院や在宅医療専門診療所（機能強化型在宅療養支援診療所を含む）などの"
    "支援（補完）を得て、在宅医療を提供する切れ目のない診療体制の仕組みづくりに取り組むものである。"
)
PROGRAMME = "医療提供施設等グループ化推進事業計画（報告）書"
MEMBER_SUBTITLE = "（参入促進・連携（グループ化）している医療機関一覧）"
GROUP_NAME_TITLE = "参入促進・連携（グループ化）名："
MEMBER_HEADERS = (
    "",
    "①拠点、②積極的役割を担う医療機関",
    "郡市医師会名又は医療機関等名",
    "所在地",
    "問い合わせ先 （電話番号）",
)
MEMBER_HEADER_VARIANTS = (
    MEMBER_HEADERS,
    ("区分", MEMBER_HEADERS[1], MEMBER_HEADERS[2], "所在地", "問い合わせ先\n（電話番号）"),
    (
        "",
        "①拠点、②積極的役割を\n担う医療機関",
        "郡市医師会名又は\n医療機関等名",
        "所在地",
        "問い合わせ先（電話番号）",
    ),
)
ROLE_LABELS = {
    "medical_association": "郡市医師会",
    "participant": "これから在宅医療への参入又は拡充に取り組む医療機関等",
    "backup_hospital": "後方支援病院等",
}
DESIGNATION_MARKS = {"hub": "①", "active": "②"}
MEMBER_NOTE = (
    "※①拠点、②積極的役割を担う医療機関の欄については、疾病・事業及び在宅医療に係る医療体制について"
    "（平成 29 年 3 月 31 日付、厚生労働省医政局地域医療計画課長通知）に記載されている、①在宅医療において"
    "積極的役割を担う医療機関、②在宅医療に必要な連携を担う拠点について、構成機関から選定"
)
PUBLICATION_NOTE = (
    "※「参入促進・連携（グループ化）の取組効果」の公表の取扱いについて、1から2の事項については個々の医療機関の"
    "情報は公表せず、連携する医療機関内の合計数を公表する。また、3の事項（死亡患者数）については公表の対象とせず、"
    "医療機関からの報告のみとする。"
)
OUTCOMES_HEADING = "【参入促進・連携（グループ化）の取組効果】"
TOTAL_ROW_LABEL = "連携する医療機関内の合計"
# The 医療機関名 column header as the forms print it, and as writers retyped it.
INSTITUTION_HEADERS = (
    "医療機関名\n※医療機関ごとに記載",
    "医療機関名\n※医療機関ごとに記載",
    "医療機関名 ※医療機関ごとに記載",
    "医療機関名",
    "医療機関名（※医療機関ごとに記載）",
    "医療機関等名\n※医療機関ごとに記載",
    "医療機関名称",
)
HOME_NOTE = (
    "※「在宅に赴いて診療（往診、訪問診療）」とは、自宅へ赴くものとする。施設、"
    "グループホーム、サービス付き高齢者向け住宅等は含まない。"
)
SECTION_NOTES = {
    1: (
        "※在宅に赴いてこれから診療を始めようとする、"
        "又はその取り組みを拡充しようとする医療機関における合計診療患者数（※実人数を記載）を記載。"
    ),
    2: (
        "※在宅に赴いてこれから診療を始めようとする、"
        "又はその取り組みを拡充しようとする医療機関における合計回数を記載。"
    ),
    3: (
        "※在宅に赴いてこれから診療を始めようとする、"
        "又はその取り組みを拡充しようとする医療機関における合計診療患者数に占める死亡患者数（うち医療機関以外での死亡患者数）を記載。"
    ),
}  # fmt: skip
SECTION_LABELS = {
    1: "在宅に赴いて診療（往診、訪問診療）する合計診療患者数（※実人数を記載）",
    2: "在宅に赴いて診療（往診、訪問診療）する合計回数",
    3: "在宅に赴いて診療（往診、訪問診療）する合計診療患者数に占める死亡患者数",
}
GROUP_TOTAL_LABELS = {
    1: "在宅に赴いて診療 （往診、訪問診療） する合計診療患者 数",
    2: "在宅に赴いて診療 （往診、訪問診療） する合計回数",
}
SECTION4_ROWS = (
    ("referrals", ("紹介数", "紹  介  数")),
    ("emergency_admissions", ("急変時の受入数",)),
    ("reverse_referrals", ("逆紹介数", "逆 紹 介 数")),
)
INSTRUCTION_CELLS = (
    "(記載例) {event}が6月の場合 ⇒12月から5月までの期間",
    "(記載例) {event}が6月の場合 ⇒6月から3月までの期間の計画",
    "(記載例) {event}事が6月の場合 ⇒6月から3月までの期間",
)


@dataclass(frozen=True)
class FormWording:
    form: str
    intro: str  # the ※ paragraph under the title
    items_heading: str
    item_titles: tuple[tuple[str, ...], ...]  # printed lines of each 取組事項 cell
    period_headers: dict[str, str]  # period -> column header of the 取組 table ("\n" between lines)
    outcome_headers: dict[str, str]  # period -> column header of the 取組効果 sections 1-3
    section_headings: dict[int, str]
    event: str  # the form's reference month: 事前協議 / 補助金交付申請
    annex_label: str  # 別添 label of the 取組 page
    annex_note: str
    full_width_digits: bool  # the form prints its own numbers full-width (１ 在宅に…)


_HEADINGS_R2 = {
    1: "1 在宅に赴いて診療（往診、訪問診療）する合計診療患者数（※実人数を記載）",
    2: "2 在宅に赴いて診療（往診、訪問診療）する合計回数",
    3: (
        "3 在宅に赴いて診療（往診、"
        "訪問診療）する合計診療患者数に占める死亡患者数（うち医療機関以外での死亡患者数）"
    ),
    4: (
        "4 グループ化した医療機関における後方支援病院等への在宅医療患者の診療の紹介数、"
        "急変時の受入数及び後方支援病院等からの逆紹介数"
    ),
}  # fmt: skip
_HEADINGS_R4 = {
    **_HEADINGS_R2,
    4: (
        "4 グループ化した医療機関が後方支援病院等（グループ内外問わず）への在宅"
        "医療患者の診療の紹介数、急変時の受入数及び後方支援病院等からの逆紹介数"
    ),
}  # fmt: skip
_ITEM2 = ("2 在宅医療を提供する連携体制として必要な拠点機能を担う取組", "※地域との連携に関すること。")
_ITEM3 = ("3 在宅医療についての普及啓発活動等の取組",)
_PRIOR = {
    "baseline": "現 状\n(事前協議月の前月から過去6箇月間の状況)",
    "plan": "取組目標\n(事前協議月から向こう6箇月間の取組)",
    "actual": "実 績\n(事前協議月から翌年3月末までの取組)",
}
_PRIOR_OUTCOMES = {
    "baseline": "現 状\n（事前協議月の前月から過去6箇月間の状況）",
    "plan": "取組目標\n（事前協議月から向こう6箇月間の取組）",
    "actual": "実 績\n（事前協議月から翌年3月末までの取組）",
}
_GRANT = {
    "baseline": "現 状\n(補助金交付申請の前月から過去6箇月間の状況)",
    "plan": "計 画\n(補助金交付申請の月から翌年3月末までの取組)",
    "actual": "実 績\n(補助金交付申請の月から翌年3月末までの取組)",
}

WORDING: dict[str, FormWording] = {
    "H30": FormWording(
        form="H30",
        intro=(
            "※これから在宅医療への参入又は拡充に取り組む医療機関同士の"
            "連携強化を支援する取り組みについて記載するものとする。"
        ),
        items_heading="【地域で支え合う医療機関の連携体制を構築するために必要な3つの取組】",
        item_titles=(
            (
                "1 これから在宅医療への参入又は拡充に取り組む医療機関同士の連携強化を図るための取組",
                "※グループ内の取組に関すること。",
            ),
            _ITEM2,
            _ITEM3,
        ),
        period_headers=_PRIOR,
        outcome_headers=_PRIOR_OUTCOMES,
        section_headings=_HEADINGS_R2,
        event="事前協議",
        annex_label="別添1",
        annex_note="※本票（別添1）は公表資料として活用する。（取組状況に応じて随時、修正するものとする）",
        full_width_digits=False,
    ),
    "R2": FormWording(
        form="R2",
        intro=(
            "※これから在宅医療への参入又は拡充に取り組む医療機関等"
            "の連携強化を支援する取組について記載するものとする。"
        ),
        items_heading="【地域で支え合う医療機関等の連携体制を構築するために必要な3つの取組】",
        item_titles=(
            (
                "1 これから在宅医療への参入又は拡充に取り組む医療機関等の連携強化を図るための取組",
                "※グループ内の取組に関すること。",
            ),
            _ITEM2,
            _ITEM3,
        ),
        period_headers={**_PRIOR, "plan": "取組目標\n(事前協議月から今回6箇月間の取組)"},
        outcome_headers=_PRIOR_OUTCOMES,
        section_headings=_HEADINGS_R2,
        event="事前協議",
        annex_label="別添 1",
        annex_note="※本票（別添 1）は公表資料として活用する。なお、令和 4 年度まで公表するものとする。",
        full_width_digits=False,
    ),
    "R3": FormWording(
        form="R3",
        intro=(
            "※これから在宅医療への参入又は拡充に取り組む医療機関等の"
            "連携強化を支援する取り組みについて記載するものとする。"
        ),
        items_heading="【地域で支え合う医療機関等の連携体制を構築するために必要な３つの取組】",
        item_titles=(
            (
                "１ これから在宅医療への参入又は拡充に取り組む医療機関等の連携強化を図るための取組",
                "※グループ内の取組に関すること。",
            ),
            ("２ 在宅医療を提供する連携体制として必要な拠点機能を担う取組", "※地域との連携に関すること。"),
            ("３ 在宅医療についての普及啓発活動等の取組",),
        ),
        period_headers={
            "baseline": "現  状\n（事前協議月の前月から過去６箇月間の状況）",
            "plan": "取組目標\n（事前協議月から向こう６箇月間の取組）",
            "actual": "実  績\n（事前協議月から翌年３月末までの取組）",
        },
        outcome_headers={
            "baseline": "現  状\n（事前協議月の前月から過去６箇月間の状況）",
            "plan": "取組目標\n（事前協議月から向こう６箇月間の取組）",
            "actual": "実  績\n（事前協議月から翌年３月末までの取組）",
        },
        section_headings={k: "１２３４"[k - 1] + v[1:] for k, v in _HEADINGS_R2.items()},
        event="事前協議",
        annex_label="別添１－２",
        annex_note=(
            "※本票（別添１－２）は公表資料として活用する。（取組状況に応じて随時、修正するものとする）。"
        ),
        full_width_digits=True,
    ),
    "R4": FormWording(
        form="R4",
        intro=(
            "※これから在宅医療への参入又は拡充に取り組む医療機関等の"
            "連携強化を支援する取り組みについて記載するものとする。"
        ),
        items_heading="【地域で支え合う医療機関等の連携体制を構築するために必要な3つの取組】",
        item_titles=(
            ("1 グループ化した医療機関等を支える取組", "※グループ内の取組に関すること。"),
            ("2 患者・家族を中心とした在宅医療を推進するための取組", "※地域との連携に関すること。"),
            ("3 在宅医療についての普及啓発活動等の取組を行う取組",),
        ),
        period_headers=_GRANT,
        outcome_headers=_GRANT,
        section_headings=_HEADINGS_R4,
        event="補助金交付申請",
        annex_label="別添 1 - 2",
        annex_note=(
            "※本票（別添 1 - 2）は公表資料として活用する。（取組状況に応じて随時、修正するものとする）。"
        ),
        full_width_digits=False,
    ),
}
