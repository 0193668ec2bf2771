"""The special-cause rules as small building blocks, one value per point.

These mirror the NHSRplotthedots v0.2.2 helpers that the ``rule`` vectors exercise (+1/-1 a
high/low signal, 0 none). :mod:`quorate.core.spc.engine` runs the same rules in a fused fast
path; ``tests/core/spc`` checks that both agree.
"""

from __future__ import annotations

from collections.abc import Sequence

from quorate.core.spc.types import (
    MIN_FIX_AFTER_N_POINTS,
    PTD_SHORT_GROUP_THRESHOLD,
    TwoInThreeVariant,
)


def _sign(x: float) -> int:
    return 1 if x > 0 else (-1 if x < 0 else 0)


def trend_ends(y: Sequence[float], n: int = 7) -> list[int]:
    """+1/-1 at the last point of ``n`` strictly rising/falling values; an equal step breaks it."""
    out = [0] * len(y)
    up = down = 0  # consecutive rising / falling steps ending here
    for i in range(1, len(y)):
        if y[i] > y[i - 1]:
            up, down = up + 1, 0
        elif y[i] < y[i - 1]:
            up, down = 0, down + 1
        else:
            up = down = 0
        if up >= n - 1:
            out[i] = 1
        elif down >= n - 1:
            out[i] = -1
    return out


def shift_ends(rtm: Sequence[int], n: int = 7) -> list[int]:
    """1 at the last point of ``n`` equal, non-zero signs relative to the mean."""
    out = [0] * len(rtm)
    run = 0
    for i, s in enumerate(rtm):
        run = run + 1 if s != 0 and i > 0 and s == rtm[i - 1] else (1 if s != 0 else 0)
        if run >= n:
            out[i] = 1
    return out


def run_membership(ends: Sequence[int], n: int = 7) -> list[int]:
    """1 for each of the ``n`` points that end at a flagged (non-zero) point."""
    out = [0] * len(ends)
    for i, e in enumerate(ends):
        if e:
            lo = max(0, i - n + 1)
            out[lo : i + 1] = [1] * (i + 1 - lo)
    return out


def two_in_three_windows(close: Sequence[int], rtm: Sequence[int]) -> list[int]:
    """1 for each point in a full window of 3 with 2 or more ``close`` points and all 3 strictly
    on the same side of the mean."""
    size = len(close)
    out = [0] * size
    for k in range(size - 2):
        if sum(1 for c in close[k : k + 3] if c) >= 2 and abs(sum(rtm[k : k + 3])) == 3:
            out[k] = out[k + 1] = out[k + 2] = 1
    return out


def two_in_three(
    y: Sequence[float],
    centre: float,
    nlpl: float,
    nupl: float,
    lpl: float,
    upl: float,
    variant: TwoInThreeVariant | str = TwoInThreeVariant.PTD,
) -> list[int]:
    """The whole 2-in-3 rule: +1/-1 for each flagged point above/below, 0 otherwise.

    - ``ptd``: points strictly between the 2- and 3-sigma lines count; a window of 3 qualifies
      with 2 or more of them and all 3 strictly on one side of the mean; only the counting
      points of a qualifying window are flagged.
    - ``mdc2023``: as ``ptd`` but every point beyond 2 sigma counts (outside the limits too).
    - ``powerbi``: each point beyond 2 sigma scores +1 (above) or -1 (below); where the net
      score of a trailing window of 3 is 2 or more in size, its scoring points are flagged with
      the window's sign. No mean-side test.
    """
    variant = TwoInThreeVariant(variant)
    if variant is TwoInThreeVariant.POWERBI:
        score = [1 if v > nupl else (-1 if v < nlpl else 0) for v in y]
        out = [0] * len(y)
        for i in range(len(y)):
            lo = max(0, i - 2)
            net = sum(score[lo : i + 1])
            if abs(net) >= 2:
                for j in range(lo, i + 1):
                    if score[j]:
                        out[j] = 1 if net > 0 else -1
        return out
    rtm = [_sign(v - centre) for v in y]
    if variant is TwoInThreeVariant.PTD:
        counts = [int(not (v > upl or v < lpl) and (v < nlpl or v > nupl)) for v in y]
    else:
        counts = [int(v < nlpl or v > nupl) for v in y]
    windows = two_in_three_windows(counts, rtm)
    return [rtm[i] if windows[i] and counts[i] else 0 for i in range(len(y))]


def trend_labels_direction(y: Sequence[float], trend_member: Sequence[int]) -> list[int]:
    """Direction word of each trend point as v0.2.2 chooses it: the step to the right when the
    right neighbour is also in a trend, else the step from the left (README ambiguity 6)."""
    size = len(y)
    out = [0] * size
    for i in range(size):
        if not trend_member[i]:
            continue
        if i + 1 < size and trend_member[i + 1]:
            step = _sign(y[i + 1] - y[i])
        else:
            step = _sign(y[i] - y[i - 1]) if i > 0 else 0
        out[i] = 1 if step == 1 else -1
    return out


def label_precedence(
    y: Sequence[float],
    relative_to_mean: Sequence[int],
    outside_limits: Sequence[int],
    trend_membership: Sequence[int],
    shift_membership: Sequence[int],
    two_in_three_flags: Sequence[int],
    *,
    trend_n: int = 7,
    shift_n: int = 7,
) -> list[str]:
    """One label per point: astronomical, then trend, then 2-in-3, then shift (v0.2.2)."""
    trend_dir = trend_labels_direction(y, trend_membership)
    labels: list[str] = []
    for i, rtm in enumerate(relative_to_mean):
        side = "Above" if rtm > 0 else "Below"
        if outside_limits[i]:
            labels.append("Above UCL" if rtm == 1 else "Below LCL")
        elif trend_membership[i]:
            word = "Increasing" if trend_dir[i] == 1 else "Decreasing"
            labels.append(f"{trend_n} Point Trend ({word})")
        elif two_in_three_flags[i]:
            labels.append(f"2 in 3 {side} CL")
        elif shift_membership[i]:
            labels.append(f"{shift_n} Points {side} CL")
        else:
            labels.append("Common Cause")
    return labels


def short_group_warnings(
    group_sizes: Sequence[int], threshold: int = PTD_SHORT_GROUP_THRESHOLD
) -> list[bool]:
    """True for each group with fewer than ``threshold`` points (v0.2.2 default 13)."""
    return [size < threshold for size in group_sizes]


def is_valid_fix_after_n_points(value: object) -> bool:
    """A single number of 12 or more (v0.2.2 ``ptd_spc_options`` validation)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return value >= MIN_FIX_AFTER_N_POINTS
