"""A Japanese font for matplotlib, so that labels such as 往診 render instead of empty boxes.

`make test` installs Debian's fonts-noto-cjk. `use_japanese_font()` picks the first installed
font of JAPANESE_FONTS and puts it first in matplotlib's sans-serif list; without one it raises,
naming the package to install, rather than drawing boxes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

JAPANESE_FONTS = ("Noto Sans CJK JP", "IPAexGothic", "IPAGothic", "IPAPGothic")
# File names of those fonts, for a matplotlib font cache built before the font was installed.
JAPANESE_FONT_FILES = ("NotoSansCJK-Regular", "ipaexg", "ipag", "ipagp")


class JapaneseFontMissing(RuntimeError):
    pass


def japanese_font() -> str:
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    if not installed & set(JAPANESE_FONTS):  # a stale cache: add the system's files by hand
        for path in font_manager.findSystemFonts():
            if any(Path(path).stem == stem for stem in JAPANESE_FONT_FILES):
                font_manager.fontManager.addfont(path)
        installed = {font.name for font in font_manager.fontManager.ttflist}
    for name in JAPANESE_FONTS:
        if name in installed:
            return name
    raise JapaneseFontMissing(
        f"no Japanese font found (tried {', '.join(JAPANESE_FONTS)}): install Debian's fonts-noto-cjk "
        "(`apt-get install fonts-noto-cjk`, which `make test` does as root), then remove matplotlib's "
        "font cache (~/.cache/matplotlib)"
    )


def japanese_rc() -> dict[RcKeyType, Any]:
    """matplotlib settings that draw text in a Japanese font (for `matplotlib.rc_context`)."""
    import matplotlib

    name = japanese_font()
    fallbacks = [f for f in matplotlib.rcParams["font.sans-serif"] if f != name]
    return {"font.family": "sans-serif", "font.sans-serif": [name, *fallbacks], "axes.unicode_minus": False}


def use_japanese_font() -> str:
    """Make matplotlib draw text in a Japanese font from now on (a notebook's first cell); returns
    the font's name."""
    import matplotlib

    settings = japanese_rc()
    matplotlib.rcParams.update(settings)
    return str(settings["font.sans-serif"][0])
