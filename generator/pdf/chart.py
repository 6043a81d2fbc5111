"""Org charts drawn over a cell: labelled boxes and connector lines as ODF drawing shapes.

A layout chart is {"height": mm, "boxes": [{"text", "x", "y", "w", "h", "shape"}], "lines":
[[x1, y1, x2, y2]]} in mm from the top left of the area below the cell's text; "rect" and
"round" boxes are custom shapes (as Word's shapes come into LibreOffice) whose label wraps inside
the box, a "frame" is a text box without a border.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SHAPE_TYPES = {"rect": "rectangle", "round": "round-rectangle"}  # predefined custom-shape geometries


@dataclass(frozen=True)
class Placement:
    """Where chart coordinates land: x scaled by `xscale` (the cell's column shrunk or widened
    with its table), then shifted by (`dx`, `dy`) mm; `anchor` is the shapes' anchor attribute."""

    xscale: float = 1.0
    dx: float = 0.0
    dy: float = 0.0
    anchor: str = ' text:anchor-type="paragraph"'

    def x(self, value: float) -> str:
        return mm(value, self.xscale, self.dx)

    def y(self, value: float) -> str:
        return mm(value, 1.0, self.dy)

    def w(self, value: float) -> str:
        return mm(value, self.xscale, 0.0)


def mm(value: float, scale: float, offset: float) -> str:
    """A length as printed in the layout where nothing moves it, else rounded to 0.01 mm."""
    if scale == 1.0 and offset == 0.0:
        return f"{value}mm"
    return f"{round(value * scale + offset, 2)}mm"


def shapes_xml(
    chart: dict[str, Any], at: Placement, graphic: Callable[[str], str], label: Callable[[str], str]
) -> list[str]:
    """Boxes then lines; `graphic(kind)` names the graphic style of a shape kind (`rect`,
    `round`, `frame`, `line`), `label(text)` gives the paragraph inside a box."""
    shapes = []
    for box in chart["boxes"]:
        geo = (
            f'svg:x="{at.x(box["x"])}" svg:y="{at.y(box["y"])}" '
            f'svg:width="{at.w(box["w"])}" svg:height="{mm(box["h"], 1.0, 0.0)}"'
        )
        style = graphic(box["shape"])
        if box["shape"] == "frame":
            shapes.append(
                f'<draw:frame draw:style-name="{style}"{at.anchor} {geo}>'
                f"<draw:text-box>{label(box['text'])}</draw:text-box></draw:frame>"
            )
        else:
            kind = SHAPE_TYPES[box["shape"]]
            body = label(box["text"])
            shapes.append(
                f'<draw:custom-shape draw:style-name="{style}"{at.anchor} {geo}>{body}'
                f'<draw:enhanced-geometry svg:viewBox="0 0 21600 21600" draw:type="{kind}"/>'
                "</draw:custom-shape>"
            )
    for x1, y1, x2, y2 in chart["lines"]:
        shapes.append(
            f'<draw:line draw:style-name="{graphic("line")}"{at.anchor} '
            f'svg:x1="{at.x(x1)}" svg:y1="{at.y(y1)}" svg:x2="{at.x(x2)}" svg:y2="{at.y(y2)}"/>'
        )
    return shapes


def chart_width(chart: dict[str, Any]) -> float:
    """The chart's extent to the right, mm."""
    return float(
        max([b["x"] + b["w"] for b in chart["boxes"]] + [max(ln[0], ln[2]) for ln in chart["lines"]])
    )
