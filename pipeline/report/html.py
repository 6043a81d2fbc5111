"""HTML pieces for the review report. Every value is escaped unless it is a `Safe` fragment built
here, so text printed in a document (a `<script>` in a group name) shows as text and never runs.
The page loads nothing: a Content-Security-Policy allows only inline styles and data: images."""

from __future__ import annotations

import base64
import html
import math
from collections.abc import Iterable, Sequence
from typing import Any

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
STYLE = """
body { font-family: "Noto Sans CJK JP", "IPAexGothic", sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.5em; } h2 { border-bottom: 2px solid #888; margin-top: 2em; } h3 { margin-top: 1.5em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.9em; }
th, td { border: 1px solid #bbb; padding: 0.2em 0.5em; vertical-align: top; text-align: left; }
th { background: #eee; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.sev-warning { background: #fff4d6; } .sev-error { background: #ffd9d9; }
.crop img { border: 1px solid #c00; max-width: 420px; } .raw { white-space: pre-wrap; }
.charts img { margin: 0 1em 1em 0; border: 1px solid #ddd; }
.missing { color: #a00; } .note { color: #555; } nav a { margin-right: 1em; }
"""


class Safe(str):
    """HTML built by this module: inserted as is."""


def esc(value: Any) -> Safe:
    if isinstance(value, Safe):
        return value
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return Safe("")
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return Safe("")
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    return Safe(html.escape(str(value), quote=True))


def element(tag: str, content: Any = "", **attributes: Any) -> Safe:
    attrs = "".join(f' {name.rstrip("_")}="{esc(v)}"' for name, v in attributes.items() if v is not None)
    return Safe(f"<{tag}{attrs}>{esc(content)}</{tag}>")


def join(parts: Iterable[Any], separator: str = "") -> Safe:
    return Safe(esc(separator).join(esc(p) for p in parts))


def table(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], numeric: frozenset[int] = frozenset()
) -> Safe:
    head = join(element("th", h) for h in headers)
    body = []
    for row in rows:
        cells = (element("td", v, class_="n" if i in numeric else None) for i, v in enumerate(row))
        body.append(element("tr", join(cells)))
    return element("table", join([element("thead", element("tr", head)), element("tbody", join(body))]))


def image(data: bytes, mime: str, alt: str, **attributes: Any) -> Safe:
    uri = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    attrs = "".join(f' {name.rstrip("_")}="{esc(v)}"' for name, v in attributes.items())
    return Safe(f'<img src="{uri}" alt="{esc(alt)}"{attrs}>')


def page(title: str, body: Iterable[Any]) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="ja"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{STYLE}</style></head>\n"
        f"<body>\n{join(body, chr(10))}\n</body></html>\n"
    )
