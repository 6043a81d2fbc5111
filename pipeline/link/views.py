"""Views of facilities for analysts (notebook, review report) over the tables of one run.

from pipeline import load_all
from pipeline.link.views import facilities_in_several_years, facility_timeline
tables = load_all()
facilities_in_several_years(tables)                 # one row per facility seen in 2+ years
facility_timeline(tables, facility_id)              # its rows and figures, year by year
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

DEFAULT_MIN_YEARS = 2
_ALIAS_RULES = ("merged", "split_from")


def _evidence(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    matches = tables["facility_matches"]
    return matches[~matches["rule"].isin(_ALIAS_RULES)]


def facilities_in_several_years(
    tables: Mapping[str, pd.DataFrame], min_years: int = DEFAULT_MIN_YEARS
) -> pd.DataFrame:
    """Facilities seen in `min_years` or more fiscal years, most years first: facility_id, name,
    kind, municipality, years (sorted list), year_count, groups, names (every printing)."""
    evidence = _evidence(tables).dropna(subset=["fiscal_year"])
    years = (
        evidence.groupby("facility_id")["fiscal_year"]
        .agg(lambda s: sorted({int(y) for y in s}))
        .rename("years")
        .reset_index()
    )
    years["year_count"] = years["years"].str.len()
    columns = ["facility_id", "name", "kind", "municipality", "groups", "names"]
    merged = tables["facilities"][columns].merge(years, on="facility_id")
    several = merged[merged["year_count"] >= min_years]
    ordered = several.sort_values(["year_count", "name", "facility_id"], ascending=[False, True, True])
    return ordered[
        ["facility_id", "name", "kind", "municipality", "years", "year_count", "groups", "names"]
    ].reset_index(drop=True)


def facility_timeline(tables: Mapping[str, pd.DataFrame], facility_id: str) -> pd.DataFrame:
    """One facility year by year: its member rows (role, name as printed, phone) and its outcome
    figures (metric, period, value), each with doc_id and fiscal_year."""
    members = tables["members"]
    outcomes = tables["outcomes"]
    listed = members[members["facility_id"] == facility_id].assign(
        source="members", metric=None, period=None, value=None
    )
    figures = outcomes[outcomes["facility_id"] == facility_id].assign(
        source="outcomes", name=outcomes["institution"]
    )
    columns = [
        "fiscal_year",
        "doc_id",
        "group_name",
        "source",
        "name",
        "role",
        "phone",
        "metric",
        "period",
        "value",
    ]
    parts = [frame.reindex(columns=columns) for frame in (listed, figures) if not frame.empty]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True).sort_values(
        ["fiscal_year", "doc_id", "source"], ignore_index=True
    )
