"""The Making Data Count variation and assurance icons, drawn by Quorate.

Variation: a ring in the signal's colour with H (higher) or L (lower) and an arrow; common
cause is a grey ring with a flat line. Assurance: a ring with P (pass), F (fail) or ? (hit or
miss) above a target bar. Each icon is a small standalone SVG with an accessible title.
"""

from __future__ import annotations

from quorate.charts.palette import MDC_PALETTE, Palette
from quorate.charts.svg import esc, safe_id
from quorate.core.spc import AssuranceIcon, VariationIcon

VARIATION_TITLES = {
    VariationIcon.COMMON_CAUSE: "Common cause variation",
    VariationIcon.IMPROVEMENT_HIGH: "Special cause variation – improvement (higher)",
    VariationIcon.IMPROVEMENT_LOW: "Special cause variation – improvement (lower)",
    VariationIcon.CONCERN_HIGH: "Special cause variation – concern (higher)",
    VariationIcon.CONCERN_LOW: "Special cause variation – concern (lower)",
    VariationIcon.NEUTRAL_HIGH: (
        "Special cause variation – neither improvement nor concern (higher)"
    ),
    VariationIcon.NEUTRAL_LOW: "Special cause variation – neither improvement nor concern (lower)",
}
ASSURANCE_TITLES = {
    AssuranceIcon.PASS: "Assurance – the process will consistently pass the target",
    AssuranceIcon.FAIL: "Assurance – the process will consistently fail the target",
    AssuranceIcon.INCONSISTENT: "Assurance – the process will hit and miss the target",
}
_NO_VARIATION = "Variation not assessed (too few points)"
_NO_ASSURANCE = "No assurance assessment (no target, or a neutral measure)"


def _frame(icon_id: str, title: str, size: int, body: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="{size}" '
        f'height="{size}" role="img" aria-labelledby="{icon_id}-title">'
        f'<title id="{icon_id}-title">{esc(title)}</title>{body}</svg>'
    )


def _ring(colour: str) -> str:
    return f'<circle cx="50" cy="50" r="44" fill="#ffffff" stroke="{colour}" stroke-width="8"/>'


def _letter(letter: str, colour: str, y: int = 62) -> str:
    return (
        f'<text x="50" y="{y}" text-anchor="middle" font-family="Arial, sans-serif" '
        f'font-size="36" font-weight="bold" fill="{colour}">{esc(letter)}</text>'
    )


def variation_icon_svg(
    icon: VariationIcon | str | None,
    *,
    size: int = 48,
    icon_id: str = "variation-icon",
    palette: Palette = MDC_PALETTE,
    unassessed: str = _NO_VARIATION,
) -> str:
    """The MDC variation icon; ``None`` draws an empty grey ring titled ``unassessed`` (say
    why there is no assessment)."""
    ident = safe_id(icon_id)
    if icon is None:
        return _frame(ident, unassessed, size, _ring(palette.common_cause))
    kind = VariationIcon(icon)
    title = VARIATION_TITLES[kind]
    if kind is VariationIcon.COMMON_CAUSE:
        grey = palette.common_cause
        dots = "".join(f'<circle cx="{x}" cy="50" r="5" fill="{grey}"/>' for x in (26, 42, 58, 74))
        body = _ring(grey) + f'<path d="M20 50 H80" stroke="{grey}" stroke-width="3"/>' + dots
        return _frame(ident, title, size, body)
    if kind in (VariationIcon.IMPROVEMENT_HIGH, VariationIcon.IMPROVEMENT_LOW):
        colour = palette.improvement
    elif kind in (VariationIcon.CONCERN_HIGH, VariationIcon.CONCERN_LOW):
        colour = palette.concern
    else:
        colour = palette.neutral
    high = kind.value.endswith("_high")
    arrow = (
        '<path d="M50 14 L60 28 H40 Z"' if high else '<path d="M50 86 L60 72 H40 Z"'
    ) + f' fill="{colour}"/>'
    body = _ring(colour) + _letter("H" if high else "L", colour) + arrow
    return _frame(ident, title, size, body)


def assurance_icon_svg(
    icon: AssuranceIcon | str | None,
    *,
    size: int = 48,
    icon_id: str = "assurance-icon",
    palette: Palette = MDC_PALETTE,
    unassessed: str = _NO_ASSURANCE,
) -> str:
    """The MDC assurance icon; ``None`` draws an empty grey ring titled ``unassessed`` (say
    why there is no assessment)."""
    ident = safe_id(icon_id)
    if icon is None:
        return _frame(ident, unassessed, size, _ring(palette.common_cause))
    kind = AssuranceIcon(icon)
    colour, letter = {
        AssuranceIcon.PASS: (palette.improvement, "P"),
        AssuranceIcon.FAIL: (palette.concern, "F"),
        AssuranceIcon.INCONSISTENT: (palette.common_cause, "?"),
    }[kind]
    target_bar = f'<path d="M28 74 H72" stroke="{palette.target}" stroke-width="5"/>'
    body = _ring(colour) + _letter(letter, colour, y=58) + target_bar
    return _frame(ident, ASSURANCE_TITLES[kind], size, body)
