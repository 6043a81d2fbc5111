"""Workers live across thousands of documents: a function cache keyed by document text must be
bounded, or a worker's memory grows with the archive (issue 10). Every functools cache in the
per-document code is found by import; only those keyed by something other than document content
(a record type, a form section, no argument at all) may be unbounded, and they are named here."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from typing import Any

import extractors
import normalizers
import pipeline

# cache -> what its keys are: never document text
UNBOUNDED_ALLOWED = {
    "pipeline.records.arrow_schema": "a record type",
    "pipeline.records.row_values": "a record type",
    "pipeline.locate.layout_cells._template": "a 取組効果 section number",
    "pipeline.locate.layout_words._phrase_keys": "no argument",
    "normalizers.readings._converter": "no argument",
    "extractors.ocr_rapid.engine": "no argument",
    "extractors.ocr_lexicon.runs_of_phrases": "the form's phrases",
    "extractors.ocr_lexicon.circled_runs": "the form's phrases",
}


OPTIONAL = {"dask", "distributed"}


def caches() -> Iterator[tuple[str, Any]]:
    for package in (pipeline, extractors, normalizers):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith(".__main__"):  # running it is the command line
                continue
            try:
                module = importlib.import_module(info.name)
            except ModuleNotFoundError as missing:  # an optional extra (dask) not installed here
                if (missing.name or "").split(".")[0] not in OPTIONAL:
                    raise
                continue
            for name, value in vars(module).items():
                if callable(value) and hasattr(value, "cache_info") and value.__module__ == info.name:
                    yield f"{info.name}.{name}", value


def test_caches_keyed_by_document_text_are_bounded() -> None:
    found = dict(caches())
    assert "pipeline.locate.layout_cells.fits" in found  # the walk reaches the layout modules
    unbounded = {name for name, fn in found.items() if fn.cache_info().maxsize is None}
    assert unbounded <= set(UNBOUNDED_ALLOWED), sorted(unbounded - set(UNBOUNDED_ALLOWED))
