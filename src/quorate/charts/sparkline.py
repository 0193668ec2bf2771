"""A sparkline: a tiny line of the values with the last point marked."""

from __future__ import annotations

from collections.abc import Sequence

from quorate.charts.palette import MDC_PALETTE, Palette
from quorate.charts.svg import esc, fmt_value, num, safe_id
from quorate.core.spc import PointType


def sparkline_svg(
    values: Sequence[float | None],
    *,
    width: int = 120,
    height: int = 30,
    title: str | None = None,
    unit: str = "",
    last_point_type: PointType | str = PointType.COMMON_CAUSE,
    sparkline_id: str = "sparkline",
    palette: Palette = MDC_PALETTE,
) -> str:
    """A ``width`` x ``height`` sparkline; missing values break the line. The last point is
    coloured by ``last_point_type`` (e.g. the SPC result's last point type)."""
    ident = safe_id(sparkline_id)
    present = [(i, v) for i, v in enumerate(values) if v is not None]
    if title is None:
        title = (
            f"Trend of {len(present)} values, latest {fmt_value(present[-1][1], unit)}"
            if present
            else "No values"
        )
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{ident}-title">'
        f'<title id="{ident}-title">{esc(title)}</title>'
    )
    if not present:
        return head + "</svg>"
    lo = min(v for _, v in present)
    hi = max(v for _, v in present)
    span = (hi - lo) or 1.0
    pad = 3
    step = (width - 2 * pad) / max(len(values) - 1, 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        y = height / 2 if hi == lo else pad + (hi - v) / span * (height - 2 * pad)
        return pad + i * step, y

    lines = []
    run: list[str] = []
    for i, v in enumerate([*values, None]):
        if v is None:
            if len(run) > 1:
                lines.append(
                    f'<polyline points="{" ".join(run)}" fill="none" '
                    f'stroke="{palette.axis}" stroke-width="1.5"/>'
                )
            run = []
        else:
            x, y = xy(i, v)
            run.append(f"{num(x)},{num(y)}")
    x, y = xy(*present[-1])
    dot = f'<circle cx="{num(x)}" cy="{num(y)}" r="2.5" fill="{palette.point(last_point_type)}"/>'
    return head + "".join(lines) + dot + "</svg>"
