"""The `word` style: a layout as a flat ODT (.fodt), a Word-like document LibreOffice Writer prints.

Paragraphs between bordered tables; column widths follow the layout, shrunk in proportion where
the page is narrower. Every layout page starts a new page; a page whose orientation differs from
the one before switches the master page. With a break seed, tables are broken across pages at
drawn rows (the table is split there, a merged cell continues empty on the next page as Word
prints it), the header rows are repeated or not, and rows may run over a page end.
"""

from __future__ import annotations

from typing import Any

from generator.pdf.chart import Placement, shapes_xml
from generator.pdf.odf import ALIGN, StyleSet, document_open, font_faces, inline_xml, span_properties
from generator.pdf.odf import text_properties as default_text_properties
from generator.pdf.options import PageOrientation, PdfOptions, Rules, page_size
from generator.pdf.plan import (
    Row,
    TableBreaks,
    cell_spec,
    header_rows,
    is_table,
    page_orientations,
    scaled_widths,
    split_rows,
    table_breaks,
)

CELL_PADDING_MM = 1.0
LINE_HEIGHT_EM = 1.3  # fixed line pitch, as in a spreadsheet row
MASTERS = ("Standard", "Other")  # the first page's orientation, and the other one
RULE = "0.5pt solid #000000"
CELL_BORDERS: dict[Rules, str] = {
    "all": f'fo:border="{RULE}"',
    "rows": f'fo:border-top="{RULE}" fo:border-bottom="{RULE}" fo:border-left="none" fo:border-right="none"',
    "none": 'fo:border="none"',
}


class Styles(StyleSet):
    def __init__(self, size: float, rules: Rules = "all") -> None:
        super().__init__()
        self.size = size
        self.rules = rules

    def para(
        self,
        align: str = "left",
        size: float | None = None,
        bold: bool = False,
        page_break: bool = False,
        master: str | None = None,
    ) -> str:
        size = size or self.size
        weight = ' fo:font-weight="bold" style:font-weight-asian="bold"' if bold else ""
        brk = ' fo:break-before="page"' if page_break and master is None else ""
        props = (
            f'<style:paragraph-properties fo:text-align="{ALIGN[align]}" '
            f'fo:line-height="{size * LINE_HEIGHT_EM:.2f}pt"{brk}/>'
            f'<style:text-properties fo:font-size="{size}pt" style:font-size-asian="{size}pt"{weight}/>'
        )
        key = ("P", align, size, bold, page_break) + ((master,) if master else ())
        return self.get(key, "paragraph", props, master_attr(master))

    def span(self, kind: str) -> str:
        return self.get(("T", kind), "text", f"<style:text-properties {span_properties(kind, self.size)}/>")

    def table(self, width_mm: float, page_break: bool, master: str | None = None) -> str:
        brk = ' fo:break-before="page"' if page_break and master is None else ""
        props = (
            f'<style:table-properties style:width="{width_mm}mm" table:align="left" fo:margin-top="1mm" '
            f'fo:margin-bottom="1mm" style:may-break-between-rows="true"{brk}/>'
        )
        key = ("Tab", width_mm, page_break) + ((master,) if master else ())
        return self.get(key, "table", props, master_attr(master))

    def column(self, width_mm: float) -> str:
        return self.get(
            ("Col", width_mm),
            "table-column",
            f'<style:table-column-properties style:column-width="{width_mm}mm"/>',
        )

    def row(self, may_split: bool = False) -> str:
        keep = "auto" if may_split else "always"
        key = ("Row",) + (("split",) if may_split else ())
        return self.get(key, "table-row", f'<style:table-row-properties fo:keep-together="{keep}"/>')

    def cell(self, valign: str) -> str:
        props = (
            f'<style:table-cell-properties {CELL_BORDERS[self.rules]} fo:padding="{CELL_PADDING_MM}mm" '
            f'style:vertical-align="{valign}"/>'
        )
        return self.get(("Cell", valign), "table-cell", props)

    def graphic(self, kind: str) -> str:
        stroke = 'draw:stroke="none"' if kind == "frame" else 'draw:stroke="solid" svg:stroke-width="0.3mm"'
        props = (
            f'<style:graphic-properties {stroke} svg:stroke-color="#000000" draw:fill="none" '
            'style:wrap="run-through" style:run-through="foreground" style:vertical-pos="from-top" '
            'style:vertical-rel="paragraph" style:horizontal-pos="from-left" '
            'style:horizontal-rel="paragraph" draw:textarea-horizontal-align="center" '
            'draw:textarea-vertical-align="middle" fo:wrap-option="wrap"/>'
        )
        return self.get(("G", kind), "graphic", props)


def master_attr(master: str | None) -> str:
    return f' style:master-page-name="{master}"' if master else ""


def paragraph_xml(text: str, style: str, styles: Styles) -> str:
    return f'<text:p text:style-name="{style}">{inline_xml(text, styles.span)}</text:p>'


def chart_xml(chart: dict[str, Any], styles: Styles, xscale: float) -> str:
    """An empty paragraph as tall as the chart, with boxes and lines anchored to it."""
    label_size = None if xscale >= 1 else round(styles.size * max(xscale, 0.6), 1)
    shapes = shapes_xml(
        chart,
        Placement(xscale=xscale),
        styles.graphic,
        lambda text: paragraph_xml(text, styles.para("center", label_size), styles),
    )
    spacer = styles.get(
        ("Chart", chart["height"]),
        "paragraph",
        f'<style:paragraph-properties fo:margin-bottom="{chart["height"]}mm"/>',
    )
    return f'<text:p text:style-name="{spacer}">{"".join(shapes)}</text:p>'


def cell_xml(cell: str | dict[str, Any] | None, styles: Styles, xscale: float) -> str:
    if cell is None:
        return "<table:covered-table-cell/>"
    spec = cell_spec(cell)
    span = "".join(
        f' table:number-{kind}-spanned="{spec[key]}"'
        for key, kind in (("rowspan", "rows"), ("colspan", "columns"))
        if key in spec
    )
    style = styles.para(spec.get("align", "left"))
    body = (
        "".join(paragraph_xml(p, style, styles) for p in spec["text"].split("\n"))
        if spec["text"]
        else "<text:p/>"
    )
    if "chart" in spec:
        body += chart_xml(spec["chart"], styles, xscale)
    return (
        f'<table:table-cell table:style-name="{styles.cell(spec.get("valign", "top"))}"{span} '
        f'office:value-type="string">{body}</table:table-cell>'
    )


def table_part_xml(
    item: dict[str, Any], rows: list[Row], head: int, styles: Styles, brk: tuple[bool, str | None], **kw: Any
) -> str:
    widths, may_split, xscale = kw["widths"], kw["may_split"], kw["xscale"]
    columns = "".join(f'<table:table-column table:style-name="{styles.column(w)}"/>' for w in widths)
    xml = [
        f'<table:table-row table:style-name="{styles.row(may_split)}">'
        + "".join(cell_xml(c, styles, xscale) for c in row)
        + "</table:table-row>"
        for row in rows
    ]
    if head:
        xml[:head] = ["<table:table-header-rows>" + "".join(xml[:head]) + "</table:table-header-rows>"]
    style = styles.table(round(sum(widths), 2), *brk)
    body = columns + "".join(xml)
    return f'<table:table table:name="{item["table"]}" table:style-name="{style}">{body}</table:table>'


def table_xml(
    item: dict[str, Any], styles: Styles, brk: tuple[bool, str | None], breaks: TableBreaks, width_mm: float
) -> str:
    widths = scaled_widths(item["widths"], width_mm)
    kw = {"widths": widths, "may_split": breaks.rows_may_split, "xscale": sum(widths) / sum(item["widths"])}
    head_n = header_rows(item)
    head = head_n if breaks.repeat_header else 0
    parts, rows, done = [], [list(r) for r in item["rows"]], 0
    for cut in breaks.before:
        first, rows = split_rows(rows, cut - done)
        parts.append(first)
        done = cut
    parts.append(rows)
    out = [table_part_xml(item, parts[0], head, styles, brk, **kw)]
    for part in parts[1:]:
        copies = [list(r) for r in item["rows"][:head_n]] if breaks.repeat_header else []
        out.append(table_part_xml(item, copies + part, head, styles, (True, None), **kw))
    return "".join(out)


def body_xml(
    layout: dict[str, Any], styles: Styles, options: PdfOptions, orients: list[PageOrientation]
) -> str:
    parts = []
    for page_no, page in enumerate(layout["pages"]):
        switch = page_no > 0 and orients[page_no] != orients[page_no - 1]
        master = MASTERS[orients[page_no] != orients[0]] if switch else None
        width = page_size(orients[page_no]).text_width_mm
        for item_no, item in enumerate(page["items"]):
            brk = (page_no > 0 and item_no == 0, master if item_no == 0 else None)
            if is_table(item):
                breaks = table_breaks(item, options.break_seed, f"{page_no}:{item_no}")
                parts.append(table_xml(item, styles, brk, breaks, width))
            else:
                style = styles.para(
                    item.get("align", "left"), item.get("size"), item.get("bold", False), *brk
                )
                parts.append(paragraph_xml(item["p"], style, styles))
    return "".join(parts)


def page_layout_xml(name: str, orientation: PageOrientation) -> str:
    size = page_size(orientation)
    m = size.margin_mm
    return (
        f'<style:page-layout style:name="{name}">'
        f'<style:page-layout-properties fo:page-width="{size.width_mm:g}mm" '
        f'fo:page-height="{size.height_mm:g}mm" '
        f'style:print-orientation="{orientation}" fo:margin-top="{m:g}mm" fo:margin-bottom="{m:g}mm" '
        f'fo:margin-left="{m:g}mm" fo:margin-right="{m:g}mm"/></style:page-layout>'
    )


def fodt(layout: dict[str, Any], options: PdfOptions) -> str:
    font, size = options.font, options.font_size or layout["font_size"]
    styles = Styles(size, options.rules)
    orients = page_orientations(layout, options.orientation)
    body = body_xml(layout, styles, options, orients)
    layouts = page_layout_xml("pm1", orients[0])
    masters = f'<style:master-page style:name="{MASTERS[0]}" style:page-layout-name="pm1"/>'
    if len(set(orients)) > 1:
        other: PageOrientation = "portrait" if orients[0] == "landscape" else "landscape"
        layouts += page_layout_xml("pm2", other)
        masters += f'<style:master-page style:name="{MASTERS[1]}" style:page-layout-name="pm2"/>'
    return (
        f"{document_open('text')}{font_faces(font)}<office:styles>"
        f'<style:default-style style:family="paragraph">'
        f"<style:text-properties {default_text_properties(font, size)}/>"
        "</style:default-style></office:styles>"
        f"<office:automatic-styles>{''.join(styles.xml)}{layouts}</office:automatic-styles>"
        f"<office:master-styles>{masters}</office:master-styles>"
        f"<office:body><office:text>{body}</office:text></office:body></office:document>"
    )
