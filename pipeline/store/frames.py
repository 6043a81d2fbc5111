"""Arrow tables → data frames with the dtypes an analyst expects.

pandas: integers as nullable `Int32`/`Int64`, booleans as nullable `boolean`, dates as
`datetime64[ms]`, text as pandas' `str`, floats as `float64`/`float32` with NaN for null (the
dataset holds no NaN of its own), and every coded column (gate and registry vocabularies) as a
categorical in the vocabulary's order. polars: its own types, coded columns as `Enum`.
A value outside the vocabulary (an older run, a newer registry) is kept: it is appended to the
categories, never turned into a missing value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.records import GROUP_KEY_UNNAMED
from pipeline.store.vocabulary import ORDERED, categories_of

if TYPE_CHECKING:
    import polars as pl

_PANDAS_TYPES: dict[pa.DataType, Any] = {
    pa.int8(): pd.Int8Dtype(),
    pa.int16(): pd.Int16Dtype(),
    pa.int32(): pd.Int32Dtype(),
    pa.int64(): pd.Int64Dtype(),
    pa.bool_(): pd.BooleanDtype(),
}


def with_group_key(name: str, table: pa.Table) -> pa.Table:
    """Add `group_key` after `group_name` to a table of records (documents already has it):
    the printed group name, else `(グループ名なし) <doc_id>`, as `records.group_key_of` decides."""
    names = table.column_names
    if "group_key" in names or "doc_id" not in names or "group_name" not in names:
        return table
    group_name = table.column("group_name")
    named = pc.fill_null(pc.not_equal(group_name, ""), False)
    unnamed = pc.binary_join_element_wise(GROUP_KEY_UNNAMED, table.column("doc_id"), " ")
    key = pc.if_else(named, group_name, unnamed)
    return table.add_column(names.index("group_name") + 1, pa.field("group_key", pa.string(), False), key)


def _categories(name: str, table: pa.Table, column: str) -> list[str] | None:
    """The column's categories: its vocabulary, then any value outside it (kept, never lost)."""
    categories = categories_of(name, column)
    if categories is None:
        return None
    known = set(categories)
    present = table.column(column).unique().to_pylist()
    return categories + sorted({v for v in present if v is not None and v not in known})


def pandas_dtype(name: str, field: pa.Field) -> str:
    """The pandas dtype `to_pandas` gives the column (for the data dictionary)."""
    if categories_of(name, field.name) is not None:
        return "category"
    mapped = _PANDAS_TYPES.get(field.type)
    if mapped is not None:
        return str(mapped)
    empty = pa.table({field.name: pa.array([], field.type)}).to_pandas(date_as_object=False)
    return str(empty[field.name].dtype)


def to_pandas(name: str, table: pa.Table) -> pd.DataFrame:
    frame = table.to_pandas(types_mapper=_PANDAS_TYPES.get, date_as_object=False)
    for column in frame.columns:
        categories = _categories(name, table, column)
        if categories is not None:
            dtype = pd.CategoricalDtype(categories, ordered=(name, column) in ORDERED)
            frame[column] = frame[column].astype(dtype)
    return frame


def to_polars(name: str, table: pa.Table) -> pl.DataFrame:
    try:
        import polars as pl
    except ModuleNotFoundError as missing:  # an optional extra, not in the extract venv
        raise ModuleNotFoundError(
            "engine='polars' needs polars: pip install -e '.[analysis]' (or make test's venv)"
        ) from missing

    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    casts = []
    for column in frame.columns:
        categories = _categories(name, table, column)
        if categories is not None:
            casts.append(pl.col(column).cast(pl.Enum(categories)))
    return frame.with_columns(casts) if casts else frame
