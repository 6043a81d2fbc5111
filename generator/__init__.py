"""Invented 計画（報告）書 whose truth is known, for measuring the pipeline (dev only, not shipped).

truth (`truth.py`, invented by `invent_*.py`) -> layout document (`layout.py`, the JSON format of
tests/fixtures/pdf_content) -> renditions (`render_text.py`; PDFs in `generator/pdf/`), and
truth -> gold (`gold.py`). `python -m generator` writes a corpus; `bench/` scores the pipeline on it.
"""
