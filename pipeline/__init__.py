"""Ibaraki グループ化推進事業 reports -> versioned dataset."""

__version__ = "0.1.0"
