"""Layouts, text renditions and gold files of invented reports: deterministic, well formed, and
every word the gold expects is printed in the rendition it describes."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from generator.corpus import TEXT_RENDITIONS, CorpusSpec, write_corpus
from generator.gold import gold_of
from generator.invent import make_truth
from generator.layout import make_layout
from generator.render_text import render
from generator.truth import ReportTruth
from generator.wording import FORMS
from tests.conftest import ROOT

SEED_GOLD = sorted((ROOT / "tests" / "gold").glob("00[0-3]_*.gold.json"))
CASES = [
    (make_truth(seed, form), rendition)
    for seed in range(12)
    for form in FORMS
    for rendition in TEXT_RENDITIONS
]
_TAG = re.compile(r"<[^>]+>")


def squeeze(text: str) -> str:
    """As the gold is compared: NFKC, no whitespace (tags dropped, as the extractors drop them)."""
    return "".join(unicodedata.normalize("NFKC", _TAG.sub("", text)).split())


def test_same_seed_same_files(tmp_path: Path) -> None:
    spec = CorpusSpec(seed=3, count=8)
    first, second = tmp_path / "a", tmp_path / "b"
    write_corpus(spec, first)
    write_corpus(spec, second)
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert len([n for n in names if n.parent == Path(".") and n.suffix == ".txt"]) == 16
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_file_names_say_nothing_of_the_truth(tmp_path: Path) -> None:
    manifest = write_corpus(CorpusSpec(seed=4, count=4), tmp_path)
    for name, entry in manifest["files"].items():
        assert re.fullmatch(r"[0-9]{4}_[0-9a-f]{16}\.txt", name)
        assert entry["form"] in FORMS and entry["variant"] in TEXT_RENDITIONS


def _grid_ok(table: dict[str, Any]) -> None:
    """Every row spans the table's columns; None exactly where a merged cell covers."""
    width = len(table["widths"])
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(table["rows"]):
        assert len(row) == width, (table["table"], r)
        for c, cell in enumerate(row):
            if cell is None:
                assert (r, c) in covered, (table["table"], r, c)
                continue
            assert (r, c) not in covered, (table["table"], r, c)
            spec = cell if isinstance(cell, dict) else {}
            for dr in range(spec.get("rowspan", 1)):
                for dc in range(spec.get("colspan", 1)):
                    if dr or dc:
                        covered.add((r + dr, c + dc))
    assert all(r < len(table["rows"]) for r, _ in covered), table["table"]


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("form", FORMS)
def test_layout_is_a_fixture_document(seed: int, form: str) -> None:
    layout = make_layout(make_truth(seed, form))
    assert json.loads(json.dumps(layout, ensure_ascii=False)) == layout
    roles = []
    for page in layout["pages"]:
        assert page["orientation"] in ("portrait", "landscape")
        for item in page["items"]:
            assert ("p" in item) != ("table" in item)
            if "table" in item:
                _grid_ok(item)
                roles.append(item["role"])
    assert roles.count("items") == 1


def _gold_texts(gold: dict[str, Any]) -> list[str]:
    texts = [gold["document"]["group_name"] or ""]
    texts += [m[k] for m in gold["members"] for k in ("name", "address")]
    texts += [b["text"] for b in gold["initiatives"]] + [s["text"] for s in gold["status"]]
    texts += [d["raw"] for d in gold["dates"]]
    texts += [o["institution"] for o in gold["outcomes"] if o["institution"]]
    return [t for t in texts if t]


@pytest.mark.parametrize(("truth", "rendition"), CASES, ids=lambda c: getattr(c, "form", c))
def test_rendition_prints_what_the_gold_expects(truth: ReportTruth, rendition: str) -> None:
    printed = render(make_layout(truth), rendition, truth.seed)
    gold = gold_of(truth, "x.txt", rendition, printed.markers_lost)
    body = squeeze(printed.text)
    for text in _gold_texts(gold):
        assert squeeze(text) in body, text
    for line in printed.text.splitlines():
        if rendition == "markdown" and line.startswith("|"):
            assert line.endswith("|") and "\t" not in line
    table_lines = [line for line in printed.text.splitlines() if "\t" in line]
    assert bool(table_lines) == (rendition == "tsv_html")


@pytest.mark.parametrize("path", SEED_GOLD, ids=lambda p: p.name[:3])
def test_gold_has_every_column_of_the_seed_gold(path: Path) -> None:
    seed_gold = json.loads(path.read_text(encoding="utf-8"))
    ours = [gold_of(make_truth(seed, form), "x.txt", "tsv_html") for seed in range(6) for form in FORMS]
    assert set(seed_gold) - {"source"} <= set(ours[0])
    assert set(seed_gold["document"]) == set(ours[0]["document"])
    for table in ("members", "initiatives", "status", "outcomes", "dates"):
        expected = {column for row in seed_gold.get(table, []) for column in row}
        have = {column for gold in ours for row in gold[table] for column in row}
        assert expected <= have, table
