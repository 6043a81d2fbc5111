"""Render layout documents to PDFs the way the archive's PDFs were printed (LibreOffice headless):
`render_pdf(layout, out, PdfOptions(...))`, and read them back with poppler's `pdftotext`."""

from generator.pdf.options import PdfOptions
from generator.pdf.render import render_pdf, render_pdfs
from generator.pdf.text import pdftotext

__all__ = ["PdfOptions", "pdftotext", "render_pdf", "render_pdfs"]
