"""Document facts read from the report's own words: fiscal year (title, else content) and group name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from normalizers.era import find_fiscal_years
from normalizers.text import fold_width, match_key, reflow
from pipeline.locate.located import LocatedReport, TextAt

TITLE_FOLLOWERS = ("茨城県医療提供施設等グループ化推進事業", "医療提供施設等グループ化推進事業")
TITLE_WORDS = ("グループ化推進", "計画(報告)書")
DEFAULT_TITLE_SPAN = 40  # characters after the year in which a title names the programme
# The period after the grouping, printed as `（グループ化後（Ｒ3年度（Ｂ）））`, is the report's year.
_REPORT_PERIOD_MARK = regex.compile(r"^\s*[(（]\s*[BＢ]\s*[)）]")
GROUP_NAME_PATTERNS = (
    regex.compile(r"参入促進・連携[（(]グループ化[）)]名\s*[:：]?\s*(?P<name>.+)"),
    regex.compile(r"^\s*グループ名\s*[:：]?\s*(?P<name>.+)", regex.DOTALL),
)
_QUOTES = "「」『』\"'“”"


@dataclass(frozen=True)
class FiscalYearFact:
    year: int | None
    label: str | None
    source: str | None


def fiscal_year_of(paragraphs: Iterable[TextAt], located: LocatedReport) -> FiscalYearFact:
    """From a title line (`令和 2 年度茨城県医療提供施設等グループ化推進事業…`), else inferred from
    the period headers (`Ｒ3年度（Ｂ）`), else unknown."""
    texts = list(paragraphs)
    for text in texts:
        for mention in find_fiscal_years(text.text):
            if is_title_mention(text.text, mention.start, mention.end):
                return FiscalYearFact(mention.year, mention.label, "title")
    headers = [label for table in located.outcomes for label in table.period_labels]
    for words in [t.text for t in texts] + headers:
        for mention in find_fiscal_years(words):
            if _REPORT_PERIOD_MARK.match(fold_width(words[mention.end :])):
                return FiscalYearFact(mention.year, mention.label, "content")
    return FiscalYearFact(None, None, None)


def is_title_mention(text: str, start: int, end: int) -> bool:
    """A year that names the report: followed by the programme's name, or opening a line that
    goes on to name it in a few words (a title misread by OCR: `令和2年度茨城県医療混供施設等
    グループ化推進環業計画(報告)書`)."""
    after = match_key(text[end:])
    if any(after.startswith(w) for w in TITLE_FOLLOWERS):
        return True
    opens_line = not text[:start].strip(" \t\u3000#")
    return opens_line and any(w in after[:DEFAULT_TITLE_SPAN] for w in TITLE_WORDS)


def group_name_in(text: str) -> str | None:
    """The group's name from a `…（グループ化）名：X` line or a `グループ名 X ※…` paragraph."""
    for pattern in GROUP_NAME_PATTERNS:
        match = pattern.search(text)
        if match:
            name = reflow(match.group("name").split("※")[0].split("\n"))
            name = name.strip(_QUOTES + " :：")
            return name or None
    return None


def group_name_of(located: LocatedReport) -> str | None:
    candidates = [p.text for p in located.paragraphs]
    for item in located.items:
        candidates += [cell.text for _, cell in item.status]
    for text in candidates:
        for paragraph in text.split("\n\n"):
            name = group_name_in(paragraph)
            if name:
                return name
    return None


def is_group_name_paragraph(paragraph: str) -> bool:
    return match_key(paragraph).startswith("グループ名")


def is_reference_note(paragraph: str) -> bool:
    """A ※ note that points to another document (`※参考資料1 水戸市「…」参照`)."""
    key = match_key(paragraph)
    return key.startswith("※") and ("参考資料" in key or key.endswith("参照"))
