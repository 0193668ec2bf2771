"""Special-cause detection for one limit group, fused for speed.

Per-point work is C-level: ``map(operator.gt, ...)`` into byte strings (above the mean, rising
step), ``bytes.translate`` on them, ``bytes.find`` to find the runs (shift, trend: a few calls
per run, none per point), and one sort to find the few points beyond the 2-sigma lines. Python
code only visits the points that are in a pattern.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import pairwise, repeat
from operator import gt, lt, sub

from quorate.core.spc.types import ConflictPolicy, Direction, SpcOptions, TwoInThreeVariant

# Signal codes: 0 none; then (rule, side) pairs in precedence order. Odd = high, even = low.
ASTRO_UP, ASTRO_DOWN, TREND_UP, TREND_DOWN = 1, 2, 3, 4
TWO_UP, TWO_DOWN, SHIFT_UP, SHIFT_DOWN = 5, 6, 7, 8
CODE_SIDE = (0, 1, -1, 1, -1, 1, -1, 1, -1)

# Enum members as module constants: attribute access on an Enum class costs ~100 ns.
_PTD, _POWERBI = TwoInThreeVariant.PTD, TwoInThreeVariant.POWERBI
_IMPROVEMENT_WINS = ConflictPolicy.IMPROVEMENT_WINS
_NEUTRAL = Direction.NEUTRAL
# above-the-mean byte (0/1) -> sign as a signed byte (-1/1), when no point is on the mean
_RTM_BYTE = bytes.maketrans(b"\x00", b"\xff")
_SIDE2 = bytes.maketrans(b"\x00\x01", b"ba")
_TWICE = bytes.maketrans(b"\x00\x01", b"\x01\x03")  # 2 * above + 1
_SIDE3 = bytes.maketrans(b"\x00\x01\x02\x03", b"b0?a")  # (2 * above + 1 - below) -> side

Columns = tuple[list[int], list[bool] | None, list[bool] | None, list[int] | None]


def _runs(text: bytes, needle: bytes, stop: bytes) -> list[tuple[int, int]]:
    """``(start, end)`` of each maximal run in ``text`` that begins with ``needle`` (one byte
    repeated), where ``stop`` is the only byte other than the run's own that ``text`` holds.

    C-level ``bytes.find`` calls only: a few per run, none per byte.
    """
    runs = []
    n = len(needle)
    i = text.find(needle)
    while i >= 0:
        e = text.find(stop, i + n)
        if e < 0:
            e = len(text)
        runs.append((i, e))
        i = text.find(needle, e)
    return runs


def _extremes(ys: list[float], ordered: list[float], nlpl: float, nupl: float) -> list[int]:
    """Row positions of the values beyond the 2-sigma lines, in order.

    ``ordered`` is ``sorted(ys)``: the few values beyond the lines are its ends, and
    ``list.index`` finds their rows (equal values take successive rows).
    """
    if ordered[0] >= nlpl and ordered[-1] <= nupl:
        return []
    picked = ordered[: bisect_left(ordered, nlpl)] + ordered[bisect_right(ordered, nupl) :]
    rows = []
    prev = None
    start = 0
    for v in picked:
        start = ys.index(v, start + 1 if v == prev else 0)
        rows.append(start)
        prev = v
    rows.sort()
    return rows


def classify(
    ys: list[float],
    mean: float,
    limits: tuple[float, float, float, float] | None,
    direction: Direction,
    options: SpcOptions,
) -> Columns:
    """``(relative_to_mean, outside_limits, close_to_limits, codes)`` of one group.

    ``limits`` is ``(lpl, nlpl, nupl, upl)`` or ``None`` when undefined (then the astronomical
    and 2-in-3 rules cannot fire and the two limit columns are ``None``). ``codes`` is ``None``
    when no point is special cause.
    """
    m = len(ys)
    above = bytes(map(gt, ys, repeat(mean, m)))
    ordered = sorted(ys)
    k = bisect_left(ordered, mean)
    on_mean = k < m and ordered[k] == mean
    if on_mean:  # a point exactly on the mean: sign 0, breaks a shift
        below = bytes(map(lt, ys, repeat(mean, m)))
        rtm = list(map(sub, above, below))
        sides = bytes(map(sub, above.translate(_TWICE), below)).translate(_SIDE3)
    else:
        rtm = memoryview(above.translate(_RTM_BYTE)).cast("b").tolist()
        sides = above.translate(_SIDE2)
    outside: list[bool] | None = None
    close: list[bool] | None = None
    astro: list[int] = []
    two: dict[int, int] = {}
    if limits is not None:
        lpl, nlpl, nupl, upl = limits
        outside = [False] * m
        close = [False] * m
        beyond = _extremes(ys, ordered, nlpl, nupl)
        near = []
        for i in beyond:
            y = ys[i]
            if y > upl or y < lpl:
                outside[i] = True
                astro.append(i)
            else:
                close[i] = True
                near.append(i)
        counted = near if options.two_in_three is _PTD else beyond
        if len(counted) >= 2:
            two = _two_in_three(counted, rtm, sides, m, options.two_in_three)

    shift_runs: list[tuple[int, int, int]] = []
    n = options.shift_n
    if m >= n:
        # A point on the mean ("0") breaks a run of either side: read it as the other side.
        highs = sides.replace(b"0", b"b") if on_mean else sides
        lows = sides.replace(b"0", b"a") if on_mean else sides
        shift_runs = [(s, e, SHIFT_UP) for s, e in _runs(highs, b"a" * n, b"b")]
        shift_runs += [(s, e, SHIFT_DOWN) for s, e in _runs(lows, b"b" * n, b"a")]
    trend_runs: list[tuple[int, int, int]] = []
    n = options.trend_n - 1  # steps
    if m > n:
        tail = ys[1:]
        rising = bytes(map(gt, tail, ys))
        needle = b"\x01" * n
        # steps s..e-1 of a run join points s..e
        trend_runs = [(s, e + 1, 1) for s, e in _runs(rising, needle, b"\x00")]
        # n non-rising steps in a row may be a fall (or hold equal values): check exactly
        if b"\x00" * n in rising:
            falling = bytes(map(lt, tail, ys))
            trend_runs += [(s, e + 1, -1) for s, e in _runs(falling, needle, b"\x00")]
    if not (shift_runs or two or trend_runs or astro):
        return rtm, outside, close, None

    codes = [0] * m
    for s, e, code in shift_runs:  # lowest precedence first; higher rules overwrite
        codes[s:e] = [code] * (e - s)
    for i, side in two.items():
        codes[i] = TWO_UP if side > 0 else TWO_DOWN
    improvement_wins = options.conflict is _IMPROVEMENT_WINS
    if trend_runs:
        _trend_codes(codes, ys, trend_runs, direction, improvement_wins)
    for i in astro:
        codes[i] = ASTRO_UP if rtm[i] == 1 else ASTRO_DOWN
    if improvement_wins and direction is not _NEUTRAL:
        _prefer_improvement(codes, shift_runs, two, trend_runs, direction)
    return rtm, outside, close, codes


def _two_in_three(
    counted: list[int], rtm: list[int], sides: bytes, m: int, variant: TwoInThreeVariant
) -> dict[int, int]:
    """Flagged point -> +1/-1 under the chosen 2-in-3 variant (see ``rules.two_in_three``),
    given the rows of the points that count (in order)."""
    flags: dict[int, int] = {}
    if variant is _POWERBI:
        score = {i: rtm[i] for i in counted}  # beyond 2 sigma: above the mean is above the line
        for i in counted:
            for end in range(i, min(i + 3, m)):
                lo = max(0, end - 2)
                net = sum(score.get(j, 0) for j in range(lo, end + 1))
                if net >= 2 or net <= -2:
                    for j in range(lo, end + 1):
                        if j in score:
                            flags[j] = 1 if net > 0 else -1
        return flags
    # ptd / mdc2023: two counted points within a window of 3 whose 3 points all lie strictly on
    # the same side of the mean. Any two counted points of one window are neighbours in order.
    for a, b in pairwise(counted):
        if b - a > 2:
            continue
        for k in range(max(0, b - 2), min(a, m - 3) + 1):
            w = sides[k : k + 3]
            if w == b"aaa" or w == b"bbb":
                flags[a] = rtm[a]
                flags[b] = rtm[b]
                break
    return flags


def _trend_codes(
    codes: list[int],
    ys: list[float],
    trend_runs: list[tuple[int, int, int]],
    direction: Direction,
    improvement_wins: bool,
) -> None:
    """Trend labels. Under ``precedence`` the word follows v0.2.2: the step to the right when
    the right neighbour is also in a trend, else the step from the left (README ambiguity 6).
    Under ``improvement_wins`` a point takes the direction of the trend it belongs to, and the
    improving one when it belongs to a rising and a falling trend."""
    m = len(ys)
    if not improvement_wins:
        # Inside a run every step has the run's direction, so only a run's last point can
        # differ: when the next point is in a trend too, its word is that next step's.
        for s, e, side in trend_runs:
            code = TREND_UP if side > 0 else TREND_DOWN
            codes[s : e - 1] = [code] * (e - 1 - s)
            if e < m and any(s2 <= e < e2 for s2, e2, _ in trend_runs):
                code = TREND_UP if ys[e] > ys[e - 1] else TREND_DOWN
            codes[e - 1] = code
        return
    up = [False] * m
    down = [False] * m
    for s, e, side in trend_runs:
        (up if side > 0 else down)[s:e] = [True] * (e - s)
    good = direction is Direction.INCREASE
    for s, e, _ in trend_runs:
        for i in range(s, e):
            if up[i] != down[i]:
                rising = up[i]
            elif direction is not _NEUTRAL:
                rising = good
            elif i + 1 < m and (up[i + 1] or down[i + 1]):
                rising = ys[i + 1] > ys[i]
            else:
                rising = i > 0 and ys[i] > ys[i - 1]
            codes[i] = TREND_UP if rising else TREND_DOWN


def _prefer_improvement(
    codes: list[int],
    shift_runs: list[tuple[int, int, int]],
    two: dict[int, int],
    trend_runs: list[tuple[int, int, int]],
    direction: Direction,
) -> None:
    """Conflict policy ``improvement_wins``: a point whose winning label is a concern but which
    is also in an improvement pattern takes the first improvement label in precedence order."""
    good = 1 if direction is Direction.INCREASE else -1
    for i, code in enumerate(codes):
        if not code or CODE_SIDE[code] == good:
            continue
        candidates: list[int] = []
        for s, e, side in trend_runs:
            if s <= i < e and side == good:
                candidates.append(TREND_UP if good > 0 else TREND_DOWN)
        if two.get(i) == good:
            candidates.append(TWO_UP if good > 0 else TWO_DOWN)
        for s, e, shift_code in shift_runs:
            if s <= i < e and CODE_SIDE[shift_code] == good:
                candidates.append(shift_code)
        if candidates:
            codes[i] = min(candidates)
