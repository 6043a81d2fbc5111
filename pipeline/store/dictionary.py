"""The data dictionary: what every table and column means, and the Japanese term it comes from.

This is the one place to describe a column. Adding a column to `records.py` means adding its line
here (a test fails otherwise); a column with one meaning in every table (`doc_id`, `page`, the
bounding box, ...) is described once in COMMON. From this module come `docs/data_dictionary.md`
(`python -m pipeline dictionary`) and the Delta table and column metadata written with every
commit (`store/describe.py`). Allowed values are described in `store/vocabulary.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.records import GROUP_KEY_UNNAMED


@dataclass(frozen=True)
class ColumnDoc:
    meaning: str
    term: str = ""  # the Japanese wording on the form the column comes from; "" for bookkeeping


TABLES: dict[str, ColumnDoc] = {
    "files": ColumnDoc("One row per input file, whatever it holds."),
    "documents": ColumnDoc(
        "One row per report (doc_id unique); a file that holds no readable report still has its row.",
        "計画（報告）書",
    ),
    "members": ColumnDoc(
        "One row per body listed in 別添1.",
        "別添1 参入促進・連携（グループ化）している医療機関一覧",
    ),
    "initiatives": ColumnDoc("One row per bullet of 取組内容 of the three 取組.", "取組内容"),
    "status": ColumnDoc(
        "The 現状 / 取組目標（計画） / 実績 cells of the three 取組, one row per segment.",
        "現状・取組目標（計画）・実績",
    ),
    "outcomes": ColumnDoc(
        "One row per figure of the 取組効果 tables: a metric of an institution or the group, for one period.",
        "取組効果",
    ),
    "dates": ColumnDoc("Every date or date range written in initiatives and status text.", "日付"),
    "checks": ColumnDoc(
        "What the pipeline noticed and did not correct: figures stay as printed, a check says where to look."
    ),
    "runs": ColumnDoc("One row per extract run, naming the table versions it committed."),
    "facilities": ColumnDoc(
        "One row per real body across all reports (clinic, hospital, station, association), "
        "linked by pipeline/link from member rows and outcome institutions.",
        "医療機関",
    ),
    "facility_matches": ColumnDoc(
        "The evidence of each match: one row per member row and per institution named in a "
        "document's outcomes, plus alias rows for ids merged into another."
    ),
}

_BBOX = "the {what}'s box on `page`, in PDF points from the page's top left: {edge}; null for text inputs"
COMMON: dict[str, ColumnDoc] = {
    "doc_id": ColumnDoc("the document the row comes from (documents.doc_id)"),
    "fiscal_year": ColumnDoc(
        "the report's fiscal year as the western year it starts in: 平成30年度 → 2018, 令和元年度 → 2019",
        "年度",
    ),
    "group_name": ColumnDoc(
        "the group as printed, whitespace-normalized; null when the report does not say",
        "参入促進・連携（グループ化）名",
    ),
    "page": ColumnDoc("1-based page of the input; null for text inputs"),
    "line": ColumnDoc("1-based line of a text input; null for PDFs"),
    "bbox_x0": ColumnDoc(_BBOX.format(what="cell", edge="left")),
    "bbox_y0": ColumnDoc(_BBOX.format(what="cell", edge="top")),
    "bbox_x1": ColumnDoc(_BBOX.format(what="cell", edge="right")),
    "bbox_y1": ColumnDoc(_BBOX.format(what="cell", edge="bottom")),
    "ocr": ColumnDoc("the text came from OCR (a scanned page)"),
    "facility_id": ColumnDoc("the real body this row names (facilities.facility_id); null until matched"),
}

COLUMNS: dict[str, dict[str, ColumnDoc]] = {
    "files": {
        "source_path": ColumnDoc("path of the file relative to the input root"),
        "file_sha256": ColumnDoc("SHA-256 of the file's bytes, 64 hex digits"),
        "size_bytes": ColumnDoc("size of the file in bytes"),
        "source_format": ColumnDoc("what the file is; null for a file that is neither PDF nor text"),
        "doc_ids": ColumnDoc(
            "the documents the file holds: one for a report, several for a bundle, the twin's for a copy"
        ),
        "duplicate_of": ColumnDoc("the first path with the same bytes; null for that first path"),
        "status": ColumnDoc("the file as a whole"),
        "message": ColumnDoc("why, for every status but ok"),
    },
    "documents": {
        "doc_id": ColumnDoc(
            "the report's id, unique: first 16 hex digits of the file's SHA-256 (a bundle's reports get "
            "ids derived from the bytes and their place in the file)"
        ),
        "source_path": ColumnDoc("path of the file holding the report, relative to the input root"),
        "source_sha256": ColumnDoc("SHA-256 of the file holding the report"),
        "source_format": ColumnDoc("what the file is; null for a file that is neither PDF nor text"),
        "rendition": ColumnDoc("how the report was rendered: the reader that read it"),
        "doc_kind": ColumnDoc("what the document is"),
        "fiscal_year_label": ColumnDoc("the fiscal year as printed, e.g. `令和 4 年度`", "年度"),
        "fiscal_year_source": ColumnDoc("where the fiscal year was read"),
        "form_version": ColumnDoc(
            "the form's version, detected from the form's own wording (not from the year)", "様式"
        ),
        "form_score": ColumnDoc("how well the wording fits that version, 0–1"),
        "group_key": ColumnDoc(
            f"a key that is never null, to group by: the printed group name, else `{GROUP_KEY_UNNAMED} "
            "<doc_id>` (an unnamed report stays in every groupby and never merges with another)",
            "参入促進・連携（グループ化）名",
        ),
        "pages": ColumnDoc("number of pages of a PDF; null for text inputs"),
        "status": ColumnDoc("how completely the report was read"),
        "message": ColumnDoc("why, for every status but ok"),
        "size_bytes": ColumnDoc("size of the file in bytes"),
        "part": ColumnDoc("the report's place in a file holding several (a bundle), from 1; null otherwise"),
        "page_start": ColumnDoc("first page of the report inside a bundle PDF"),
        "page_end": ColumnDoc("last page of the report inside a bundle PDF"),
        "line_start": ColumnDoc("first line of the report inside a bundle text file"),
        "line_end": ColumnDoc("last line of the report inside a bundle text file"),
        "ocr_engines": ColumnDoc(
            "the OCR engines (name, version, model) that read the report's scanned pages: the first "
            "gives the text, a figure is kept only where all agree; empty when no page was scanned"
        ),
    },
    "members": {
        "row_no": ColumnDoc("order in the list, from 1"),
        "role": ColumnDoc("the list section the body is in", "区分"),
        "role_label": ColumnDoc("the section label as printed"),
        "designation": ColumnDoc(
            "①/② mark; the column header decides what ① and ② mean", "①拠点、②積極的役割を担う医療機関"
        ),
        "designation_label": ColumnDoc("the mark as printed"),
        "name": ColumnDoc(
            "the body's name as printed, whitespace-normalized", "郡市医師会名又は医療機関等名"
        ),
        "facility_name": ColumnDoc("the name without the corporation prefix (`みらい平クリニック`)"),
        "corporation": ColumnDoc("the corporation prefix (`医療法人`, `医療法人貴風会`)", "法人"),
        "address": ColumnDoc("address as printed", "所在地"),
        "municipality": ColumnDoc("the municipality of the address (`つくばみらい市`)", "市町村"),
        "phone": ColumnDoc("phone number, half-width digits with hyphens", "問い合わせ先（電話番号）"),
        "phone_raw": ColumnDoc("phone number as printed", "問い合わせ先（電話番号）"),
        "bbox_x0": ColumnDoc(_BBOX.format(what="row", edge="left")),
        "bbox_y0": ColumnDoc(_BBOX.format(what="row", edge="top")),
        "bbox_x1": ColumnDoc(_BBOX.format(what="row", edge="right")),
        "bbox_y1": ColumnDoc(_BBOX.format(what="row", edge="bottom")),
    },
    "initiatives": {
        "item_no": ColumnDoc("which of the three 取組", "取組事項"),
        "item_theme": ColumnDoc("the 取組's theme", "取組事項"),
        "item_title": ColumnDoc("the 取組's title as printed, reflowed", "取組事項"),
        "bullet_no": ColumnDoc("order of the bullet within the 取組, from 1"),
        "marker": ColumnDoc(
            "the bullet's marker as printed (`・`, `▶`, `①`); null where the rendition lost it"
        ),
        "level": ColumnDoc("nesting depth: 0 top level, 1 under a numbered heading, 2 below that"),
        "text": ColumnDoc("the bullet's text without its marker, reflowed", "取組内容"),
    },
    "status": {
        "item_no": ColumnDoc("which of the three 取組", "取組事項"),
        "period": ColumnDoc("which column of the 取組 table"),
        "period_label": ColumnDoc("the column header as printed"),
        "seq": ColumnDoc("order of the segment within the cell, from 1"),
        "marker": ColumnDoc("the segment's list marker as printed; null where none"),
        "text": ColumnDoc("the segment without its marker, reflowed"),
        "value": ColumnDoc("the count the segment states (`3回` → 3); null where it states none"),
        "unit": ColumnDoc("the count's unit (`回`, `件`, ...)"),
    },
    "outcomes": {
        "section": ColumnDoc("which 取組効果 table"),
        "row_no": ColumnDoc("the row's place in its table, from 1 (two unnamed rows stay apart)"),
        "metric": ColumnDoc("what is counted"),
        "institution": ColumnDoc(
            "the institution as printed in the row; null for a group total", "医療機関名"
        ),
        "is_total": ColumnDoc(
            "the group total: the 合計 row, or the only figure of a report that gives group totals only",
            "連携する医療機関内の合計",
        ),
        "period": ColumnDoc("which column of the table"),
        "period_label": ColumnDoc("the column header as printed (`Ｒ2年度（Ａ）`)"),
        "period_fiscal_year": ColumnDoc("the fiscal year the header names (`Ｒ2年度（Ａ）` → 2020)", "年度"),
        "value": ColumnDoc("the figure as printed; null where the cell is blank or unreadable (see raw)"),
        "unit": ColumnDoc("the figure's unit"),
        "raw": ColumnDoc("the cell text as printed"),
    },
    "dates": {
        "source_table": ColumnDoc("the table whose text holds the date"),
        "item_no": ColumnDoc("which of the three 取組", "取組事項"),
        "period": ColumnDoc("the status column it was written in; null for initiatives"),
        "raw": ColumnDoc("the whole expression as printed, weekday and times included"),
        "date_start": ColumnDoc("the first day (month-only mentions: the first of the month)"),
        "date_end": ColumnDoc("the last day of a range (month-only: the month's last day); null for a day"),
        "time_start": ColumnDoc("start time, `HH:MM`"),
        "time_end": ColumnDoc("end time, `HH:MM`"),
        "weekday_printed": ColumnDoc("the weekday as printed (`金`)", "曜日"),
        "weekday_ok": ColumnDoc("whether the printed weekday is the date's; null where none is printed"),
        "year_inferred": ColumnDoc("the year was not printed and comes from the fiscal year"),
        "era_out_of_range": ColumnDoc(
            "a date before its era began (令和元年4月1日), resolved arithmetically"
        ),
    },
    "checks": {
        "check": ColumnDoc("what kind of problem (the checks registry)"),
        "severity": ColumnDoc("how much it matters"),
        "detail": ColumnDoc("what and where, in words an analyst can act on"),
    },
    "runs": {
        "run_id": ColumnDoc("the run's id (32 hex digits)"),
        "started_at": ColumnDoc("when the run started (UTC)"),
        "finished_at": ColumnDoc("when the run committed its tables (UTC)"),
        "pipeline_version": ColumnDoc("the pipeline's version"),
        "input_root": ColumnDoc("the input folder, as given to extract"),
        "documents_total": ColumnDoc("documents in the run"),
        "documents_ok": ColumnDoc("documents with status ok"),
        "documents_partial": ColumnDoc("documents with status partial"),
        "documents_skipped": ColumnDoc("documents with status skipped"),
        "documents_failed": ColumnDoc("documents with status failed"),
        "table_versions": ColumnDoc("JSON object: table name → the Delta version this run committed"),
    },
    "facilities": {
        "facility_id": ColumnDoc(
            "`fac_` + 12 hex digits derived from the evidence the facility was founded on (its earliest "
            "record's phone and kind, or name key and municipality); kept across runs"
        ),
        "name": ColumnDoc(
            "canonical name: the latest year's member printing, NFKC, spaces collapsed", "名称"
        ),
        "facility_name": ColumnDoc("the canonical name without its corporation", "医療機関名"),
        "corporation": ColumnDoc("the canonical name's corporation, if printed", "法人名"),
        "kind": ColumnDoc("what kind of body, read from the name"),
        "municipality": ColumnDoc(
            "the latest known municipality; null where only outcomes name it", "所在地"
        ),
        "phones": ColumnDoc("every phone printed for it, normalized", "電話番号"),
        "names": ColumnDoc("every printing of its facility_name"),
        "first_fiscal_year": ColumnDoc("the first fiscal year it was seen in", "年度"),
        "last_fiscal_year": ColumnDoc("the last fiscal year it was seen in", "年度"),
        "groups": ColumnDoc("the printed group names it was seen in", "参入促進・連携（グループ化）名"),
        "evidence_count": ColumnDoc("its rows in facility_matches (member rows and outcome institutions)"),
    },
    "facility_matches": {
        "facility_id": ColumnDoc("the facility the row joined (facilities.facility_id)"),
        "rule": ColumnDoc("how the row joined its facility: the strongest accepted link it takes part in"),
        "source_table": ColumnDoc("the table of the row: members or outcomes"),
        "row_no": ColumnDoc("members.row_no of a member row; null for an outcome institution"),
        "name": ColumnDoc("the name as printed in that row"),
        "name_key": ColumnDoc(
            "the name compared: NFKC, corporation and markers removed, 異体字 and kana variants folded"
        ),
        "kind": ColumnDoc("the kind read from this row's name"),
        "phone": ColumnDoc("the row's phone, normalized; null where none is printed"),
        "municipality": ColumnDoc("the row's municipality; null where none is printed"),
        "evidence_id": ColumnDoc("the id this row's evidence alone would found: a stable handle across runs"),
        "matched_with": ColumnDoc(
            "the row it was linked to (`<doc_id> <table> <row>`); null for single/aliases"
        ),
        "score": ColumnDoc("the names' similarity (0–1) for the rule that joined them"),
        "is_anchor": ColumnDoc("the row the facility_id derives from"),
        "former_id": ColumnDoc("on alias rows: the id merged into (or split from) this facility"),
    },
}

# Added when loading (`pipeline.load`), not stored: every table with `doc_id` and `group_name`.
DERIVED: dict[str, ColumnDoc] = {
    "group_key": ColumnDoc(
        f"added on load: group_name, else `{GROUP_KEY_UNNAMED} <doc_id>`, the same key as "
        "documents.group_key, so that a groupby keeps unnamed reports"
    ),
}


def column_doc(table: str, column: str) -> ColumnDoc:
    """The column's description; a column described nowhere raises KeyError naming this module."""
    doc = COLUMNS.get(table, {}).get(column) or COMMON.get(column)
    if doc is None:
        raise KeyError(f"{table}.{column} has no description: add it to pipeline/store/dictionary.py")
    return doc
