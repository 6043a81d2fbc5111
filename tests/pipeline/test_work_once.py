"""Per-document work done once (issue 10, the cold run against the floor): what one stage tells is
handed on, not told again. Counted by calls of the real functions, never timed."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

import pytest

import normalizers.forms
from pipeline.process import process_document

LAYOUT = Path(__file__).resolve().parents[1] / "fixtures" / "layout"


def counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    """Replace module.name by itself, counting its calls."""
    calls: list[int] = []
    real: Callable[..., object] = getattr(module, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


@pytest.mark.parametrize("name", ["h30_ryugasaki.pdftotext-layout.txt", "h30_ryugasaki.pdftotext.txt"])
def test_layout_text_form_told_once(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The layout locator tells the form (its 取組効果 cells follow the form's patterns) from the
    texts `build_result` would tell it from again: the report's form is scored once."""
    calls = counting(monkeypatch, normalizers.forms, "form_of_key")
    result = process_document((LAYOUT / name).read_bytes())
    assert result.document.form_version is not None
    assert len(calls) == 1


def test_patterns_compiled_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pattern is compiled once, at import or by a bounded cache (`normalizers.text.compiled`):
    a module-level `regex.search(pattern, ...)` looks its pattern up again on every call (some
    17 us, thousands of calls a document). A document read a second time compiles nothing."""
    data = [
        (LAYOUT / name).read_bytes()
        for name in ("h30_ryugasaki.pdftotext-layout.txt", "h30_ryugasaki.pdftotext.txt")
    ]
    data.append((Path(__file__).resolve().parents[1] / "fixtures" / "facilities" / "r4_ami.txt").read_bytes())
    for one in data:
        process_document(one)
    calls = counting(monkeypatch, importlib.import_module("regex._main"), "_compile")
    for one in data:
        process_document(one)
    assert calls == []
