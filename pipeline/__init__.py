"""Ibaraki グループ化推進事業 reports -> versioned dataset.

    from pipeline import load, load_all
    outcomes = load("outcomes")        # the latest run as pandas; load(..., engine="polars") for polars

The loaders are imported on first use, so worker processes that never load do not pay for pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for type checkers and editors; at run time they come from __getattr__
    from pipeline.store.load import load, load_all, load_polars, read_table, recorded_runs

__version__ = "0.1.0"
__all__ = ["load", "load_all", "load_polars", "read_table", "recorded_runs"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from pipeline.store import load as loader

        return getattr(loader, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
