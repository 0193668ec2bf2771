"""The SPC (XmR) chart as SVG, drawn the Making Data Count way.

Grey points are common cause, blue improvement, orange concern, purple neither; the mean is a
solid line and the process limits dashed lines, per limit group; the target is a red line.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

from quorate.charts.icons import ASSURANCE_TITLES, VARIATION_TITLES
from quorate.charts.palette import MDC_PALETTE, Palette
from quorate.charts.svg import esc, fmt_value, num, safe_id
from quorate.core.spc import PointType, SpcResult

Scale = Callable[[float], float]
WIDTH, HEIGHT = 720, 360
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 48, 64
_TYPE_WORDS = {
    PointType.IMPROVEMENT: "special cause improvement",
    PointType.CONCERN: "special cause concern",
    PointType.NEUTRAL_HIGH: "special cause, neither improvement nor concern (high)",
    PointType.NEUTRAL_LOW: "special cause, neither improvement nor concern (low)",
}


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / ticks
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _y_range(
    result: SpcResult, values: Sequence[float | None], targets: Sequence[float | None]
) -> tuple[float, float]:
    pool = [v for v in values if v is not None]
    for g in result.groups:
        pool += [x for x in (g.mean, g.lpl, g.upl) if x is not None]
    pool += [t for t in targets if t is not None]
    if not pool:
        return 0.0, 1.0
    lo, hi = min(pool), max(pool)
    if hi == lo:
        pad = abs(hi) * 0.1 or 1.0
        return lo - pad, hi + pad
    pad = (hi - lo) * 0.06
    return lo - pad, hi + pad


def spc_chart_svg(
    result: SpcResult,
    values: Sequence[float | None],
    labels: Sequence[object],
    target: float | None = None,
    *,
    title: str = "SPC chart",
    unit: str = "",
    chart_id: str = "spc-chart",
    palette: Palette = MDC_PALETTE,
    targets: Sequence[float | None] | None = None,
) -> str:
    """An accessible SVG of an XmR chart.

    ``values`` and ``labels`` (x-axis labels, e.g. months) have one entry per point of
    ``result``; ``target`` defaults to the result's target. ``targets`` (one entry per point,
    ``None`` where there is none) draws a target or trajectory that changes over time as a
    stepped line instead. The SVG scales with its container (``viewBox`` only) and carries
    ``role="img"`` with a ``<title>`` and a ``<desc>`` that states the mean, the limits, the
    target, the icons and the special-cause points in words.
    """
    n = len(values)
    if len(labels) != n or len(result.points) != n:
        raise ValueError(
            f"values ({n}), labels ({len(labels)}) and result ({len(result.points)}) "
            "must have one entry per point"
        )
    if target is None:
        target = result.target
    if targets is None:
        targets = [target] * n
    elif len(targets) != n:
        raise ValueError(f"targets ({len(targets)}) must have one entry per point ({n})")
    ident = safe_id(chart_id)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    lo, hi = _y_range(result, values, targets)

    def x_at(i: float) -> float:
        return LEFT + (i + 0.5) * plot_w / max(n, 1)

    def y_at(v: float) -> float:
        return TOP + (hi - v) / (hi - lo) * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'font-family="Arial, sans-serif" font-size="12" fill="{palette.text}">',
        f'<title id="{ident}-title">{esc(title)}</title>',
        f'<desc id="{ident}-desc">'
        f"{esc(describe(result, values, labels, target, unit, targets=targets))}</desc>",
        f'<text x="{LEFT}" y="22" font-size="15" font-weight="bold">{esc(title)}</text>',
    ]
    parts += _axes(lo, hi, labels, unit, x_at, y_at, palette)
    for g in result.groups:
        x0, x1 = num(x_at(g.start - 0.5)), num(x_at(g.end + 0.5))
        if g.mean is not None:
            y = num(y_at(g.mean))
            parts.append(
                f'<path class="mean" d="M{x0} {y} H{x1}" stroke="{palette.mean_line}" '
                f'stroke-width="1.5" fill="none"/>'
            )
        for name, v in (("upl", g.upl), ("lpl", g.lpl)):
            if v is not None:
                parts.append(
                    f'<path class="{name}" d="M{x0} {num(y_at(v))} H{x1}" '
                    f'stroke="{palette.limit_line}" stroke-width="1.5" '
                    f'stroke-dasharray="6 4" fill="none"/>'
                )
    steps = _target_steps(targets, x_at, y_at)
    if steps:
        parts.append(
            f'<path class="target" d="{steps}" stroke="{palette.target}" '
            f'stroke-width="2" fill="none"/>'
        )
    parts += _series(result, values, labels, unit, x_at, y_at, palette)
    parts.append(_legend(result, bool(steps), palette))
    parts.append("</svg>")
    return "".join(parts)


def _target_steps(targets: Sequence[float | None], x_at: Scale, y_at: Scale) -> str:
    """Path data of the target line: one level per run of periods with the same target, joined
    by a vertical step where it changes; a period with no target leaves a gap."""
    out: list[str] = []
    prev: float | None = None
    for i, t in enumerate(targets):
        if t is None:
            prev = None
            continue
        if prev is None:
            out.append(f"M{num(x_at(i - 0.5))} {num(y_at(t))}")
        elif t != prev:
            out.append(f"V{num(y_at(t))}")
        prev = t
        if i + 1 == len(targets) or targets[i + 1] != t:
            out.append(f"H{num(x_at(i + 0.5))}")
    return " ".join(out)


def _axes(
    lo: float,
    hi: float,
    labels: Sequence[object],
    unit: str,
    x_at: Scale,
    y_at: Scale,
    palette: Palette,
) -> list[str]:
    out = []
    # A short unit (%, £) goes on every tick; a long one ("per 100,000") would not fit the
    # margin, so it is written once above the axis instead.
    tick_unit = unit if unit in ("%", "£", "$", "€") else ""
    if unit and not tick_unit:
        out.append(
            f'<text x="{LEFT - 8}" y="{TOP - 8}" text-anchor="start" font-size="11">'
            f"{esc(unit)}</text>"
        )
    step = _nice_step(hi - lo)
    tick = math.ceil(lo / step) * step
    while tick <= hi + 1e-9 * step:
        y = num(y_at(tick))
        out.append(
            f'<path d="M{LEFT - 4} {y} H{WIDTH - RIGHT}" stroke="#e8edee" stroke-width="1"/>'
            f'<text x="{LEFT - 8}" y="{y}" dy="4" text-anchor="end" font-size="11">'
            f"{esc(fmt_value(round(tick, 10), tick_unit))}</text>"
        )
        tick += step
    n = len(labels)
    every = max(1, math.ceil(n / 8))
    for i in range(0, n, every):
        out.append(
            f'<text x="{num(x_at(i))}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
            f'font-size="11">{esc(labels[i])}</text>'
        )
    out.append(
        f'<path d="M{LEFT} {TOP} V{HEIGHT - BOTTOM} H{WIDTH - RIGHT}" stroke="{palette.axis}" '
        f'stroke-width="1" fill="none"/>'
    )
    return out


def _series(
    result: SpcResult,
    values: Sequence[float | None],
    labels: Sequence[object],
    unit: str,
    x_at: Scale,
    y_at: Scale,
    palette: Palette,
) -> list[str]:
    out = []
    run: list[str] = []
    for i, v in enumerate([*values, None]):
        if v is None:
            if len(run) > 1:
                out.append(
                    f'<polyline points="{" ".join(run)}" fill="none" '
                    f'stroke="{palette.value_line}" stroke-width="1.5"/>'
                )
            run = []
        else:
            run.append(f"{num(x_at(i))},{num(y_at(v))}")
    pts = result.points
    radius = 4 if len(values) <= 60 else 3
    for i, v in enumerate(values):
        if v is None:
            continue
        kind = pts.point_type[i]
        words = _TYPE_WORDS.get(kind, "common cause")
        out.append(
            f'<circle class="point {kind.value}" cx="{num(x_at(i))}" cy="{num(y_at(v))}" '
            f'r="{radius}" fill="{palette.point(kind)}">'
            f"<title>{esc(labels[i])}: {esc(fmt_value(v, unit))} – {esc(words)}"
            f"{esc(' (' + pts.special_cause_type[i] + ')') if pts.special_cause_flag[i] else ''}"
            f"</title></circle>"
        )
    return out


def _legend(result: SpcResult, has_target: bool, palette: Palette) -> str:
    present = set(result.points.point_type)
    items = [("Common cause", palette.common_cause, "dot")]
    if PointType.IMPROVEMENT in present:
        items.append(("Improvement", palette.improvement, "dot"))
    if PointType.CONCERN in present:
        items.append(("Concern", palette.concern, "dot"))
    if present & {PointType.NEUTRAL_HIGH, PointType.NEUTRAL_LOW}:
        items.append(("Neither", palette.neutral, "dot"))
    items += [("Mean", palette.mean_line, "line"), ("Process limits", palette.limit_line, "dash")]
    if has_target:
        items.append(("Target", palette.target, "line"))
    out = [f'<g class="legend" transform="translate({LEFT} {HEIGHT - 18})">']
    x = 0
    for text, colour, mark in items:
        if mark == "dot":
            out.append(f'<circle cx="{x + 5}" cy="-4" r="4" fill="{colour}"/>')
        else:
            dash = ' stroke-dasharray="4 3"' if mark == "dash" else ""
            out.append(f'<path d="M{x} -4 H{x + 12}" stroke="{colour}" stroke-width="2"{dash}/>')
        out.append(f'<text x="{x + 16}" y="0" font-size="11">{esc(text)}</text>')
        x += 26 + round(6.2 * len(text))
    out.append("</g>")
    return "".join(out)


def describe(
    result: SpcResult,
    values: Sequence[float | None],
    labels: Sequence[object],
    target: float | None,
    unit: str = "",
    *,
    targets: Sequence[float | None] | None = None,
) -> str:
    """The chart in words, for the ``<desc>`` and for anyone who cannot see it."""
    present = [i for i, v in enumerate(values) if v is not None]
    if not present:
        return "No values to chart."
    latest = values[present[-1]]
    assert latest is not None
    words = [
        f"{len(present)} values from {labels[present[0]]} to {labels[present[-1]]}; "
        f"latest {fmt_value(latest, unit)}."
    ]
    last = result.groups[-1] if result.groups else None
    if last is not None and last.mean is not None:
        text = f"Mean {fmt_value(last.mean, unit)}"
        if last.lpl is not None and last.upl is not None:
            text += f", process limits {fmt_value(last.lpl, unit)} to {fmt_value(last.upl, unit)}"
        if len(result.groups) > 1:
            text += f" (latest of {len(result.groups)} limit groups)"
        words.append(text + ".")
    levels = [(labels[i], t) for i, t in enumerate(targets or ()) if t is not None]
    if len({t for _, t in levels}) > 1:
        by_period = ", ".join(f"{label} {fmt_value(t, unit)}" for label, t in levels)
        words.append(f"Target or plan by period: {by_period}.")
        if target is not None:
            words.append(f"Assurance is judged against the latest, {fmt_value(target, unit)}.")
    elif target is not None:
        words.append(f"Target {fmt_value(target, unit)}.")
    counts = Counter(result.points.point_type)
    signals = [
        f"{counts[kind]} {'point' if counts[kind] == 1 else 'points'} {phrase}"
        for kind, phrase in _TYPE_WORDS.items()
        if counts[kind]
    ]
    words.append(
        ("; ".join(signals) + ".") if signals else "All points show common cause variation."
    )
    if result.variation_icon is not None:
        words.append(VARIATION_TITLES[result.variation_icon] + ".")
    if result.assurance_icon is not None:
        words.append(ASSURANCE_TITLES[result.assurance_icon] + ".")
    return " ".join(words)
