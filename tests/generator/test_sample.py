"""The committed sample (tests/corpus) is what `python -m generator --sample tests/corpus` makes:
regenerating its text renditions gives the same bytes, gold included."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from generator.__main__ import SAMPLE_SPEC
from generator.corpus import TEXT_RENDITIONS, write_corpus
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"


def test_committed_sample_is_the_generators(tmp_path: Path) -> None:
    committed = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    spec = replace(SAMPLE_SPEC, renditions=tuple(r for r in SAMPLE_SPEC.renditions if r in TEXT_RENDITIONS))
    fresh = write_corpus(spec, tmp_path)
    text_files = {n: e for n, e in committed["files"].items() if e["variant"] in TEXT_RENDITIONS}
    assert text_files == fresh["files"]
    for name in text_files:
        assert (tmp_path / name).read_bytes() == (CORPUS / name).read_bytes(), name
        gold = f"gold/{name}.gold.json"
        assert (tmp_path / gold).read_bytes() == (CORPUS / gold).read_bytes(), gold
