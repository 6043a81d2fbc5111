"""Pieces shared by the flat ODF documents of both styles: namespaces, inline markup, styles."""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.sax.saxutils import escape

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'office:version="1.3"'
)
MIMETYPE = {
    "text": "application/vnd.oasis.opendocument.text",
    "spreadsheet": "application/vnd.oasis.opendocument.spreadsheet",
}
ALIGN = {"left": "start", "center": "center", "right": "end"}
SMALL = 0.85  # <small> text, relative to the body size
INLINE = re.compile(r"(<b>.*?</b>|<small>.*?</small>)")


def document_open(kind: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:mimetype="{MIMETYPE[kind]}">'
    )


def font_faces(font: str) -> str:
    return (
        f'<office:font-face-decls><style:font-face style:name="{font}" svg:font-family="&apos;{font}&apos;"/>'
        "</office:font-face-decls>"
    )


def text_properties(font: str, size: float) -> str:
    return (
        f'style:font-name="{font}" style:font-name-asian="{font}" fo:font-size="{size}pt" '
        f'style:font-size-asian="{size}pt" fo:language="ja" fo:country="JP" '
        'style:language-asian="ja" style:country-asian="JP"'
    )


def span_properties(kind: str, size: float) -> str:
    if kind == "b":
        return 'fo:font-weight="bold" style:font-weight-asian="bold"'
    return f'fo:font-size="{size * SMALL:.1f}pt" style:font-size-asian="{size * SMALL:.1f}pt"'


def inline_xml(text: str, span_style: Callable[[str], str]) -> str:
    """Paragraph text to ODF: <b>/<small> spans (`span_style` names their text style), runs of
    spaces as <text:s>."""
    out = []
    for part in INLINE.split(text):
        match = re.fullmatch(r"<(b|small)>(.*)</\1>", part)
        body = match.group(2) if match else part
        body = re.sub(r"  +", lambda m: f' <text:s text:c="{len(m.group()) - 1}"/>', escape(body))
        body = re.sub(r"^ ", "<text:s/>", body)
        out.append(
            f'<text:span text:style-name="{span_style(match.group(1))}">{body}</text:span>' if match else body
        )
    return "".join(out)


class StyleSet:
    """Automatic styles, created on first use and named by their kind and order of creation."""

    def __init__(self) -> None:
        self.xml: list[str] = []
        self.names: dict[tuple[object, ...], str] = {}

    def get(self, key: tuple[object, ...], family: str, props: str, attrs: str = "") -> str:
        if key not in self.names:
            self.names[key] = f"{key[0]}{len(self.names)}"
            self.xml.append(
                f'<style:style style:name="{self.names[key]}" style:family="{family}"{attrs}>'
                f"{props}</style:style>"
            )
        return self.names[key]
