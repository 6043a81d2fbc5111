"""Report sections over the loaded tables: the run, documents by status / form / rendition, every
check with its place, and the outcomes across fiscal years."""

from __future__ import annotations

import pandas as pd

from pipeline.link.views import facilities_in_several_years
from pipeline.report.charts import CHARTS, metric_label, outcome_charts, yearly_totals
from pipeline.report.html import Safe, element, image, join, table

NONE_LABEL = "(none)"


def _counts(frame: pd.DataFrame, column: str) -> Safe:
    """Counts in the vocabulary's order (categoricals), then the documents without a value."""
    counts = [[k, v] for k, v in frame[column].value_counts(sort=False).items() if v]
    missing = int(frame[column].isna().sum())
    rows = [*counts, [NONE_LABEL, missing]] if missing else counts
    return table([column, "documents"], rows, numeric=frozenset({1}))


def run_section(run: pd.Series, tables: dict[str, pd.DataFrame], crops: tuple[int, int]) -> Safe:
    made, missing = crops
    rows = [
        ["run", run["run_id"]],
        ["finished", run["finished_at"]],
        ["pipeline version", run["pipeline_version"]],
        ["input root", run["input_root"]],
        ["files", len(tables["files"])],
        ["documents", len(tables["documents"])],
        ["checks", len(tables["checks"])],
        ["PDF cells shown cropped", made],
        ["PDF cells without a crop", missing],
    ]
    return join([element("h2", "Run", id="run"), table(["", "value"], rows)])


def documents_section(documents: pd.DataFrame) -> Safe:
    crosstab = pd.crosstab(
        documents["rendition"].astype(object).fillna(NONE_LABEL), documents["status"].astype(object)
    )
    listing = documents.sort_values(["source_path", "part"], na_position="first")
    columns = ["source_path", "doc_kind", "fiscal_year", "group_key", "form_version", "rendition", "status"]
    return join(
        [
            element("h2", "Documents", id="documents"),
            element("h3", "By status"),
            _counts(documents, "status"),
            element("h3", "By form version"),
            _counts(documents, "form_version"),
            element("h3", "By rendition"),
            _counts(documents, "rendition"),
            element("h3", "Rendition × status"),
            table(
                ["rendition", *crosstab.columns],
                [[r, *crosstab.loc[r].tolist()] for r in crosstab.index],
                numeric=frozenset(range(1, len(crosstab.columns) + 1)),
            ),
            element("h3", "Every document"),
            table([*columns, "message"], listing[[*columns, "message"]].itertuples(index=False)),
        ]
    )


def checks_section(checks: pd.DataFrame, documents: pd.DataFrame) -> Safe:
    merged = checks.merge(
        documents[["doc_id", "source_path"]], on="doc_id", how="left", validate="many_to_one"
    )
    merged = merged.sort_values(
        ["severity", "source_path", "page", "line"], ascending=[False, True, True, True]
    )
    rows = []
    for check in merged.itertuples(index=False):
        where = (
            f"p.{check.page}" if pd.notna(check.page) else (f"l.{check.line}" if pd.notna(check.line) else "")
        )
        rows.append([check.severity, check.check, check.source_path, check.group_key, where, check.detail])
    body = [element("h2", f"Checks ({len(checks)})", id="checks")]
    if not rows:
        return join([*body, element("p", "No checks.")])
    body.append(table(["severity", "check", "document", "group", "page / line", "detail"], rows))
    return join(body)


def outcomes_section(outcomes: pd.DataFrame, documents: pd.DataFrame) -> Safe:
    reports = documents[documents["doc_kind"] == "report"]
    years = sorted(int(y) for y in reports["fiscal_year"].dropna().unique())
    body = [
        element("h2", "Outcomes across fiscal years", id="outcomes"),
        element(
            "p",
            "Sums of each group's printed total (合計) in the 実績 column; blank cells left out.",
            class_="note",
        ),
    ]
    if not years:
        return join([*body, element("p", "No report with a fiscal year.")])
    charts = [
        image(svg, "image/svg+xml", spec.title, class_="chart")
        for spec, svg in outcome_charts(outcomes, years)
    ]
    body.append(element("div", join(charts), class_="charts"))
    totals = yearly_totals(outcomes)
    metrics = [m for spec in CHARTS for m in spec.metrics]
    rows = [[y, *(totals[m].get(y) if m in totals.columns else None for m in metrics)] for y in years]
    body.append(
        table(
            ["年度", *(metric_label(m) for m in metrics)], rows, numeric=frozenset(range(1, 1 + len(metrics)))
        )
    )
    repeated = reports.groupby(["group_key", "fiscal_year"]).size()
    repeated = repeated[repeated > 1]
    if len(repeated):
        items = [element("li", f"{g} {y}年度: {n} documents") for (g, y), n in repeated.items()]
        body += [
            element(
                "p", "Groups and years reported by more than one document (summed above):", class_="note"
            ),
            element("ul", join(items)),
        ]
    return join(body)


def facilities_section(tables: dict[str, pd.DataFrame]) -> Safe:
    """The bodies seen in two or more fiscal years, with their printings and groups."""
    several = facilities_in_several_years(tables)
    body = [
        element("h2", f"Facilities seen in several years ({len(several)})", id="facilities"),
        element(
            "p",
            f"{len(tables['facilities'])} facilities in all; matched by name, phone and municipality "
            "(facility_matches keeps the evidence, facility_ambiguous checks the pairs left apart).",
            class_="note",
        ),
    ]
    if several.empty:
        return join([*body, element("p", "No facility is seen in more than one fiscal year.")])
    rows = [
        [f.facility_id, f.name, f.kind, f.municipality, " ".join(map(str, f.years)), " / ".join(f.names)]
        for f in several.itertuples(index=False)
    ]
    body.append(table(["facility_id", "name", "kind", "municipality", "years", "printed as"], rows))
    return join(body)


def nav() -> Safe:
    links = [
        ("run", "Run"),
        ("documents", "Documents"),
        ("checks", "Checks"),
        ("outcomes", "Outcomes"),
        ("facilities", "Facilities"),
        ("figures", "Figures"),
    ]
    return element("nav", join(element("a", label, href=f"#{anchor}") for anchor, label in links))
