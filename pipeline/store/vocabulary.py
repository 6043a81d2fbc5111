"""What each allowed value of a coded column means, and the order analysts see them in.

The allowed values themselves are decided elsewhere: by the schema gate (`store/gate.py`
VOCABULARIES), the checks registry (`checks.py`) and the form registry (`normalizers/forms.py`).
This module describes them, in a meaningful order (the order of categoricals and plot axes). A test
fails when a gate vocabulary has a value described nowhere here, or the other way round.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from normalizers.forms import FORMS
from pipeline.checks import CHECKS


@dataclass(frozen=True)
class ValueDoc:
    meaning: str
    term: str = ""  # the Japanese wording on the form that the value stands for


_STATUS = {
    "ok": ValueDoc("read completely"),
    "partial": ValueDoc("some sections could not be read or placed with certainty; see `message` and checks"),
    "skipped": ValueDoc("not a report (guidance material, an unrelated file)"),
    "failed": ValueDoc("could not be read at all (empty, damaged, time or memory limit)"),
}
_ITEMS = {
    1: ValueDoc("取組 1: within the group", "グループ内の取組"),
    2: ValueDoc("取組 2: with the region", "地域との連携"),
    3: ValueDoc("取組 3: public awareness", "普及啓発"),
}
_STATUS_PERIODS = {
    "baseline": ValueDoc("the situation before (past six months)", "現状"),
    "plan": ValueDoc("the target or plan", "取組目標 / 計画"),
    "actual": ValueDoc("what was done", "実績"),
}
_KINDS = {
    "clinic": ValueDoc("a clinic", "クリニック・医院・診療所"),
    "hospital": ValueDoc("a hospital", "病院"),
    "visiting_nurse_station": ValueDoc("a visiting-nurse station", "訪問看護ステーション"),
    "medical_association": ValueDoc("a medical association", "医師会"),
    "other": ValueDoc("any other body (pharmacy, care office, municipality)"),
}
_SEVERITIES = {
    "info": ValueDoc("a fact about the document worth knowing; nothing is wrong"),
    "warning": ValueDoc("something an analyst should look at before trusting the figures"),
    "error": ValueDoc("the document could not be used as it stands"),
}

VALUES: dict[tuple[str, str], Mapping[Any, ValueDoc]] = {
    ("files", "source_format"): {
        "pdf": ValueDoc("a PDF file"),
        "text": ValueDoc("a text rendition of a PDF"),
    },
    ("files", "status"): _STATUS,
    ("documents", "source_format"): {
        "pdf": ValueDoc("a PDF file"),
        "text": ValueDoc("a text rendition of a PDF"),
    },
    ("documents", "rendition"): {
        "pdf_text": ValueDoc("PDF with a text layer"),
        "pdf_image": ValueDoc("scanned PDF without a text layer, read by OCR"),
        "markdown": ValueDoc("Markdown with HTML tables"),
        "tsv_html": ValueDoc("tab-separated rows with HTML cells"),
        "layout_text": ValueDoc("flattened layout text (pdftotext-like)"),
    },
    ("documents", "doc_kind"): {
        "report": ValueDoc("a 計画（報告）書, with or without its 別添1 member list", "計画（報告）書"),
        "guidance": ValueDoc("guidance material of the programme such as slides", "説明資料"),
        "unknown": ValueDoc("neither"),
    },
    ("documents", "fiscal_year_source"): {
        "title": ValueDoc("printed in the title", "表題"),
        "content": ValueDoc("inferred from period headers such as `Ｒ3年度（Ｂ）`", "期間の見出し"),
        "path": ValueDoc("taken from the file's path"),
    },
    ("documents", "form_version"): {spec.id: ValueDoc(spec.label, "様式") for spec in FORMS},
    ("documents", "status"): _STATUS,
    ("members", "role"): {
        "medical_association": ValueDoc("the district medical association", "郡市医師会"),
        "participant": ValueDoc(
            "a body entering or extending home care",
            "これから在宅医療への参入又は拡充に取り組む医療機関等",
        ),
        "backup_hospital": ValueDoc("a hospital backing the group up", "後方支援病院等"),
        "other": ValueDoc("any other listed body"),
    },
    ("members", "designation"): {
        "hub": ValueDoc("the group's hub", "①拠点"),
        "active": ValueDoc("a body playing an active role", "②積極的役割を担う医療機関"),
    },
    ("initiatives", "item_no"): _ITEMS,
    ("initiatives", "item_theme"): {
        "intra_group": ValueDoc("取組 1: within the group", "グループ内の取組"),
        "regional": ValueDoc("取組 2: with the region", "地域との連携"),
        "awareness": ValueDoc("取組 3: public awareness", "普及啓発"),
    },
    ("status", "item_no"): _ITEMS,
    ("status", "period"): _STATUS_PERIODS,
    ("outcomes", "section"): {
        1: ValueDoc("patients", "合計診療患者数"),
        2: ValueDoc("home visits", "合計回数"),
        3: ValueDoc("deaths", "死亡患者数"),
        4: ValueDoc("referrals", "紹介数"),
    },
    ("outcomes", "metric"): {
        "patients": ValueDoc("patients treated at home", "合計診療患者数"),
        "visits": ValueDoc("home visits in all", "合計回数"),
        "visits_on_call": ValueDoc("of which visits on call", "うち往診"),
        "visits_scheduled": ValueDoc("of which scheduled home care visits", "うち訪問診療"),
        "deaths": ValueDoc("patients who died", "死亡患者数"),
        "deaths_outside_hospital": ValueDoc("of which outside a hospital", "うち医療機関以外"),
        "referrals": ValueDoc("referrals", "紹介数"),
        "emergency_admissions": ValueDoc("emergency admissions", "急変時の受入数"),
        "reverse_referrals": ValueDoc("reverse referrals", "逆紹介数"),
    },
    ("outcomes", "period"): {
        **_STATUS_PERIODS,
        "difference": ValueDoc("plan or actual minus baseline, as printed", "差 (B)-(A)"),
    },
    ("outcomes", "unit"): {
        "名": ValueDoc("people", "名"),
        "回": ValueDoc("times", "回"),
        "件": ValueDoc("cases", "件"),
    },
    ("dates", "source_table"): {
        "initiatives": ValueDoc("written in a 取組内容 bullet"),
        "status": ValueDoc("written in a 現状 / 取組目標 / 実績 cell"),
    },
    ("dates", "period"): _STATUS_PERIODS,
    ("checks", "severity"): _SEVERITIES,
    ("checks", "check"): {spec.name: ValueDoc(spec.meaning) for spec in CHECKS.values()},
    ("facilities", "kind"): _KINDS,
    ("facility_matches", "kind"): _KINDS,
    ("facility_matches", "rule"): {
        "exact": ValueDoc("same name key and same phone"),
        "same_report": ValueDoc("an outcome institution and a member row of the same report: same name key"),
        "phone_name": ValueDoc("one phone, names that are printings of one name (ありま / 有馬)"),
        "name_municipality": ValueDoc("same name key and same municipality"),
        "name_exchange": ValueDoc("same name key, phones that are lines of one exchange"),
        "name_group": ValueDoc("same name key within one named group"),
        "co_listed": ValueDoc("same name key in two reports that list two or more of the same names"),
        "same_report_partial": ValueDoc("an outcome institution contained in exactly one member name"),
        "single": ValueDoc("a facility of this one row"),
        "merged": ValueDoc("alias row: `former_id` was merged into this facility by new evidence"),
        "split_from": ValueDoc("alias row: this facility was split off `former_id`"),
    },
    ("facility_matches", "source_table"): {
        "members": ValueDoc("a 別添1 member row"),
        "outcomes": ValueDoc("an institution named in the 取組効果 tables"),
    },
}
# Vocabularies whose order means something (`<` and `>=` work on the loaded categoricals).
ORDERED: frozenset[tuple[str, str]] = frozenset({("checks", "severity")})


def values_of(table: str, column: str) -> Mapping[Any, ValueDoc] | None:
    return VALUES.get((table, column))


def categories_of(table: str, column: str) -> list[str] | None:
    """The ordered string values of a coded text column (the categories when loading), else None."""
    values = VALUES.get((table, column))
    if values is None or not all(isinstance(v, str) for v in values):
        return None
    return [str(v) for v in values]
