"""The `grid` style: a layout as a flat ODS spreadsheet (.fods), an Excel 方眼紙 form Calc prints.

One sheet per layout page, in the page's orientation, fitted to the page width, its print range
the filled area. Borders are drawn per merged range; manual page breaks sit on grid rows; org
charts are drawing shapes placed over their cell. Sheet geometry: grid_sheet and grid_table.
"""

from __future__ import annotations

from functools import partial
from typing import Any
from xml.sax.saxutils import escape

from generator.pdf.chart import shapes_xml
from generator.pdf.grid_sheet import DEFAULT_PADDING_MM, Range, Sheet, sheet_metrics
from generator.pdf.grid_table import TableOnSheet
from generator.pdf.odf import ALIGN, StyleSet, document_open, font_faces, inline_xml, span_properties
from generator.pdf.odf import text_properties as default_text_properties
from generator.pdf.options import PageOrientation, PdfOptions, page_size
from generator.pdf.plan import is_table, page_orientations, table_breaks

BORDER = "0.5pt solid #000000"
MASTERS: dict[PageOrientation, str] = {"landscape": "Landscape", "portrait": "Portrait"}
VALIGN = {"top": "top", "middle": "middle", "bottom": "bottom"}


def build_sheet(
    page: dict[str, Any], n: int, orientation: PageOrientation, options: PdfOptions, size: float
) -> Sheet:
    metrics = sheet_metrics(orientation, options.font, size, options.break_seed, f"sheet{n}")
    sheet = Sheet(f"Sheet{n + 1}", orientation, metrics)
    widest = max((sum(i["widths"]) for i in page["items"] if is_table(i)), default=1)
    for item_no, item in enumerate(page["items"]):
        if is_table(item):
            breaks = table_breaks(item, options.break_seed, f"{n}:{item_no}")
            TableOnSheet(sheet, item, metrics.width_mm / widest).place(breaks)
        else:
            sheet.paragraph(item)
    return sheet


class Styles(StyleSet):
    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size

    def span(self, kind: str) -> str:
        return self.get(("T", kind), "text", f"<style:text-properties {span_properties(kind, self.size)}/>")

    def cell(self, r: Range) -> str:
        border = f' fo:border="{BORDER}"' if r.border else ""
        size = r.size or self.size
        weight = ' fo:font-weight="bold" style:font-weight-asian="bold"' if r.bold else ""
        props = (
            f'<style:table-cell-properties{border} fo:wrap-option="wrap" '
            f'style:vertical-align="{VALIGN[r.valign]}" fo:padding="{DEFAULT_PADDING_MM}mm" '
            'style:text-align-source="fix" style:repeat-content="false"/>'
            f'<style:paragraph-properties fo:text-align="{ALIGN[r.align]}"/>'
            f'<style:text-properties fo:font-size="{size}pt" style:font-size-asian="{size}pt"{weight}/>'
        )
        return self.get(("ce", r.border, r.align, r.valign, size, r.bold), "table-cell", props)

    def column(self, width_mm: float) -> str:
        props = (
            f'<style:table-column-properties fo:break-before="auto" style:column-width="{width_mm:.3f}mm"/>'
        )
        return self.get(("co", round(width_mm, 3)), "table-column", props)

    def row(self, height_mm: float, page_break: bool) -> str:
        brk = "page" if page_break else "auto"
        props = (
            f'<style:table-row-properties style:row-height="{height_mm}mm" fo:break-before="{brk}" '
            'style:use-optimal-row-height="false"/>'
        )
        return self.get(("ro", height_mm, page_break), "table-row", props)

    def table(self, orientation: PageOrientation) -> str:
        props = '<style:table-properties table:display="true" style:writing-mode="lr-tb"/>'
        attrs = f' style:master-page-name="{MASTERS[orientation]}"'
        return self.get(("ta", orientation), "table", props, attrs)

    def graphic(self, kind: str) -> str:
        stroke = 'draw:stroke="none"' if kind == "frame" else 'draw:stroke="solid" svg:stroke-width="0.3mm"'
        props = (
            f'<style:graphic-properties {stroke} svg:stroke-color="#000000" draw:fill="none" '
            'draw:textarea-horizontal-align="center" draw:textarea-vertical-align="middle" '
            'draw:auto-grow-height="false" fo:wrap-option="wrap"/>'
        )
        return self.get(("gr", kind), "graphic", props)

    def label(self, font: str, scale: float) -> str:
        """Chart labels: the body font, smaller where the chart was narrowed with its column."""
        size = round(self.size * min(1.0, max(scale, 0.6)), 1)
        props = (
            '<style:paragraph-properties fo:text-align="center"/>'
            f"<style:text-properties {default_text_properties(font, size)}/>"
        )
        return self.get(("P", size), "paragraph", props)


def column_name(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def cell_xml(r: Range, styles: Styles) -> str:
    spans = f' table:number-columns-spanned="{r.cols}" table:number-rows-spanned="{r.rows}"'
    paras = "".join(f"<text:p>{inline_xml(p, styles.span)}</text:p>" for p in r.text.split("\n") if r.text)
    style = styles.cell(r)
    cell = f'<table:table-cell table:style-name="{style}"{spans} office:value-type="string">'
    return f"{cell}{paras}</table:table-cell>"


def run_xml(kind: str, count: int) -> str:
    rep = f' table:number-columns-repeated="{count}"' if count > 1 else ""
    return f"<table:{kind}{rep}/>"


def rows_xml(sheet: Sheet, styles: Styles) -> str:
    m = sheet.metrics
    starts: dict[tuple[int, int], Range] = {(r.row, r.col): r for r in sheet.ranges}
    covered = {
        (rr, cc)
        for r in sheet.ranges
        for rr in range(r.row, r.row + r.rows)
        for cc in range(r.col, r.col + r.cols)
    }
    out = []
    for row in range(sheet.n_rows):
        cells, run, run_len = [], "", 0
        for col in range(m.n_cols):
            if (row, col) in starts:
                kind = ""
            else:
                kind = "covered-table-cell" if (row, col) in covered else "table-cell"
            if kind != run and run_len:
                cells.append(run_xml(run, run_len))
                run_len = 0
            if kind:
                run, run_len = kind, run_len + 1
            else:
                cells.append(cell_xml(starts[(row, col)], styles))
                run = ""
        if run_len:
            cells.append(run_xml(run, run_len))
        style = styles.row(m.unit_mm, row in sheet.breaks)
        out.append(f'<table:table-row table:style-name="{style}">{"".join(cells)}</table:table-row>')
    return "".join(out)


def label_xml(style: str, text: str) -> str:
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'


def table_xml(sheet: Sheet, styles: Styles) -> str:
    m = sheet.metrics
    shapes: list[str] = []
    for chart, at in sheet.charts:
        shapes += shapes_xml(chart, at, styles.graphic, partial(label_xml, styles.label(m.font, at.xscale)))
    shapes_block = f"<table:shapes>{''.join(shapes)}</table:shapes>" if shapes else ""
    last = f"{column_name(m.n_cols - 1)}{max(sheet.n_rows, 1)}"
    area = f"&apos;{sheet.name}&apos;.A1:&apos;{sheet.name}&apos;.{last}"
    return (
        f'<table:table table:name="{sheet.name}" table:style-name="{styles.table(sheet.orientation)}" '
        f'table:print-ranges="{area}">{shapes_block}'
        f'<table:table-column table:style-name="{styles.column(m.col_mm)}" '
        f'table:number-columns-repeated="{m.n_cols}"/>'
        f"{rows_xml(sheet, styles)}</table:table>"
    )


def page_layout_xml(orientation: PageOrientation) -> str:
    size = page_size(orientation)
    m = size.margin_mm
    return (
        f'<style:page-layout style:name="pl_{orientation}"><style:page-layout-properties '
        f'fo:page-width="{size.width_mm:g}mm" fo:page-height="{size.height_mm:g}mm" '
        f'style:print-orientation="{orientation}" fo:margin-top="{m:g}mm" fo:margin-bottom="{m:g}mm" '
        f'fo:margin-left="{m:g}mm" fo:margin-right="{m:g}mm" style:scale-to-X="1" style:scale-to-Y="0" '
        'style:print="charts drawings objects zero-values" style:print-page-order="ttb"/></style:page-layout>'
    )


def fods(layout: dict[str, Any], options: PdfOptions) -> str:
    font, size = options.font, options.font_size or layout["font_size"]
    orients = page_orientations(layout, options.orientation)
    sheets = [build_sheet(page, n, orients[n], options, size) for n, page in enumerate(layout["pages"])]
    styles = Styles(size)
    tables = "".join(table_xml(sheet, styles) for sheet in sheets)
    used = sorted(set(orients))
    layouts = "".join(page_layout_xml(o) for o in used)
    masters = "".join(
        f'<style:master-page style:name="{MASTERS[o]}" style:page-layout-name="pl_{o}"/>' for o in used
    )
    return (
        f"{document_open('spreadsheet')}{font_faces(font)}<office:styles>"
        '<style:default-style style:family="table-cell">'
        f"<style:text-properties {default_text_properties(font, size)}/></style:default-style>"
        f"</office:styles><office:automatic-styles>{''.join(styles.xml)}{layouts}</office:automatic-styles>"
        f"<office:master-styles>{masters}</office:master-styles>"
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document>"
    )
