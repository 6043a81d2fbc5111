"""All form wording lives in the registry (normalizers/forms.py): a new form version is one entry in
one file. No locator or builder under pipeline/ may carry a Japanese literal of its own.

A Japanese string literal counts, except
- docstrings (they describe, they match nothing);
- text inside an f-string: the detail of a check, written for the analyst (`f"取組効果 {n}: …"`),
  never matched against a document;
- the few literals of ALLOWED below, each with the reason it is not form wording.
"""

from __future__ import annotations

import ast

import pytest
import regex

from tests.conftest import ROOT

JAPANESE = (
    (0x3040, 0x30FF),  # hiragana, katakana
    (0x4E00, 0x9FFF),  # CJK ideographs
    (0x2460, 0x2473),  # circled numbers ① … ⑳ (the form's designation marks)
)
# Modules of the table renditions (tsv_html, markdown, pdf_text) and the builders: enforced.
TABLE_MODULES = (
    "pipeline/locate/located.py",
    "pipeline/locate/tables.py",
    "pipeline/locate/table_align.py",
    "pipeline/locate/table_outcomes.py",
    "pipeline/build/consistency.py",
    "pipeline/build/damaged.py",
    "pipeline/build/disputed.py",
    "pipeline/build/context.py",
    "pipeline/build/dates.py",
    "pipeline/build/facts.py",
    "pipeline/build/items.py",
    "pipeline/build/members.py",
    "pipeline/build/outcomes.py",
    "pipeline/split/pairs.py",
    "pipeline/split/signals.py",
    "pipeline/split/tables.py",
)
# Layout-text locators (pdftotext renditions): every pipeline/locate/layout*.py, found by glob so a new
# one is covered from the start. They may hold punctuation and English messages naming a form's word,
# never the form's words themselves.
LAYOUT_MODULES = tuple(
    sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pipeline" / "locate").glob("layout*.py"))
)
_FORM_CHARS = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}※・①-⑳]")
_MESSAGE = regex.compile(r"[A-Za-z]{3,}")  # an English sentence naming a form's word: a message
# Modules whose only Japanese is in English messages (the layout rule applies to them).
MESSAGE_ONLY_MODULES = ("pipeline/split/bundle.py", "pipeline/split/parts.py")
ALLOWED: dict[tuple[str, str], str] = {
    ("pipeline/build/consistency.py", "グループ合計"): (
        "how a check's detail names the group-total row to the analyst; matched against nothing"
    ),
}


def is_japanese(text: str) -> bool:
    return any(lo <= ord(ch) <= hi for ch in text for lo, hi in JAPANESE)


def docstring_nodes(tree: ast.Module) -> set[int]:
    nodes = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                nodes.add(id(body[0].value))
    return nodes


def wording_literals(path: str) -> list[str]:
    return wording_literals_in((ROOT / path).read_text(encoding="utf-8"), path)


def plain_strings(tree: ast.Module) -> list[tuple[int, str]]:
    """The module's string constants that are neither docstrings nor parts of f-strings (check
    details, written for the analyst, never matched against a document)."""
    skip = docstring_nodes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            skip |= {id(part) for part in node.values}
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
    ]


def wording_literals_in(source: str, path: str) -> list[str]:
    """Japanese string literals of a module that are neither docstrings, nor check details in
    f-strings, nor allowed."""
    return [
        text
        for _, text in plain_strings(ast.parse(source))
        if is_japanese(text) and (path, text) not in ALLOWED
    ]


@pytest.mark.parametrize("path", TABLE_MODULES)
def test_table_locators_and_builders_carry_no_form_wording(path: str) -> None:
    assert wording_literals(path) == []


def layout_wording(path: str) -> list[str]:
    """String constants of a layout module that carry the form's script or marks and are neither
    docstrings, nor f-string messages, nor English messages naming a form's word."""
    return [
        f"{path}:{line}: {text!r}"
        for line, text in plain_strings(ast.parse((ROOT / path).read_text(encoding="utf-8")))
        if _FORM_CHARS.search(text) and not _MESSAGE.search(text)
    ]


def test_layout_locators_carry_no_form_wording() -> None:
    assert len(LAYOUT_MODULES) >= 10  # the glob itself works
    found = [hit for path in LAYOUT_MODULES + MESSAGE_ONLY_MODULES for hit in layout_wording(path)]
    assert not found, "form wording belongs in normalizers/forms.py:\n" + "\n".join(found)


def test_every_locator_and_builder_is_listed() -> None:
    """A new module under pipeline/locate or pipeline/build is covered by one of the two rules."""
    present = {
        str(p.relative_to(ROOT))
        for d in ("locate", "build", "split")
        for p in (ROOT / "pipeline" / d).glob("*.py")
    }
    listed = set(TABLE_MODULES) | set(LAYOUT_MODULES) | set(MESSAGE_ONLY_MODULES)
    assert {p for p in present if not p.endswith("__init__.py")} == listed


def test_the_rule_finds_wording() -> None:
    """The rule itself: a form word in a plain literal is found; a docstring, a check detail and
    an allowed literal are not."""
    source = (
        'WORDS = ("医療機関名",)\nWHO = "グループ合計"\n'
        'def f(n):\n    """取組効果."""\n    return f"取組効果 {n}"\n'
    )
    assert wording_literals_in(source, "pipeline/build/consistency.py") == ["医療機関名"]
    assert sorted(wording_literals_in(source, "pipeline/build/outcomes.py")) == ["グループ合計", "医療機関名"]
