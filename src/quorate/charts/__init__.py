"""Hand-built SVG for SPC charts, MDC icons and sparklines.

Pure string building: no Django, no plotting library, no inline ``style`` (presentation
attributes only, so a strict Content Security Policy holds). Every text is XML-escaped and
every picture carries ``role="img"`` with a ``<title>`` and ``<desc>`` for assistive
technology.
"""

from quorate.charts.icons import (
    ASSURANCE_TITLES,
    VARIATION_TITLES,
    assurance_icon_svg,
    variation_icon_svg,
)
from quorate.charts.palette import MDC_PALETTE, Palette
from quorate.charts.sparkline import sparkline_svg
from quorate.charts.spc_chart import spc_chart_svg

__all__ = [
    "ASSURANCE_TITLES",
    "MDC_PALETTE",
    "VARIATION_TITLES",
    "Palette",
    "assurance_icon_svg",
    "sparkline_svg",
    "spc_chart_svg",
    "variation_icon_svg",
]
