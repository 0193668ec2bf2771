"""SPC engine benchmark: quorate.core.spc against abspc and a vectorised NumPy floor, one run.

    make bench        (builds .venv-bench with abspc, then runs every benchmark)
    .venv-bench/bin/python bench/spc_bench.py [--series 10000] [--points 60] [--rounds 5]
                                              [--abspc-rounds 2] [--abspc-series N]

Every contestant gets the same seeded data (10,000 series x 60 points by default: noise, step
shifts, trends and outliers) and computes the full XmR chart: mean, moving ranges, screened
limits, the four special-cause rules, point types, the variation icon and the assurance icon.

- quorate: ``compute_spc`` per series, all series.
- abspc (PyPI, pinned in bench/requirements.txt, installed only in .venv-bench): its XmR
  pipeline per series, on all the series too. At about 2.5 ms a series a full pass takes
  ~25 s, so it gets its own count, ``--abspc-rounds`` (default 2): its series are cut into
  one slice per round, each slice is timed that many times in its round, and the figure is
  the sum of each slice's best. ``--abspc-series N`` times it on the first N series instead
  and extrapolates (a quick run; the output says so).
- NumPy floor: one vectorised pass over the whole (series x points) matrix; no per-series
  Python at all, so it is the floor a pure-Python engine cannot beat.

The contestants run in interleaved rounds (abspc's slices spread over all of them) and each
keeps its best, timed as CPU time of this process, so load from other processes on a
shared machine skews the ratios less. Prints per-series times and both ratios; the goals are
>= 50x faster than abspc and within 10x of the NumPy floor. Exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from quorate.core.spc import compute_spc

GOAL_VS_ABSPC = 50.0
GOAL_VS_FLOOR = 10.0


def make_series(count: int, points: int, seed: int = 20240125) -> list[list[float]]:
    rng = random.Random(seed)
    data = []
    for k in range(count):
        level, sd = rng.uniform(20, 80), rng.uniform(1, 6)
        ys = [rng.gauss(level, sd) for _ in range(points)]
        kind = k % 5
        if kind == 1:  # step shift in the last third
            step = rng.choice((-2, 2)) * sd
            for i in range(2 * points // 3, points):
                ys[i] += step
        elif kind == 2:  # a trend of 8 rising points
            at = rng.randrange(0, points - 8)
            for j in range(8):
                ys[at + j] = level + (j - 4) * sd * 0.6
        elif kind == 3:  # two astronomical outliers
            ys[rng.randrange(points)] += 5 * sd
            ys[rng.randrange(points)] -= 5 * sd
        data.append([round(y, 3) for y in ys])
    return data


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """Best CPU time of this process over ``runs`` calls (CPU time, not wall time, so other
    processes on a shared machine do not count against whoever happens to run beside them)."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def run_quorate(data: list[list[float]], target: float) -> list[str | None]:
    return [compute_spc(ys, target=target).variation_icon for ys in data]


def run_abspc(data: list[list[float]], target: float) -> list[str]:
    import pandas as pd
    from abspc import (
        calculate_control_limits,
        detect_special_causes,
        determine_assurance_type,
        determine_point_colours,
        determine_variation_type,
    )

    icons = []
    for ys in data:
        df = calculate_control_limits(pd.DataFrame({"value": ys}), "XmR")
        df = detect_special_causes(df)
        determine_point_colours(df, improvement_direction="high", target=target)
        icons.append(determine_variation_type(df, improvement_direction="high"))
        determine_assurance_type(df, target, improvement_direction="high")
    return icons


def run_numpy_floor(matrix: object, target: float) -> object:
    """Whole-matrix XmR with the v0.2.2 rules, vectorised (the floor)."""
    import numpy as np
    from numpy.lib.stride_tricks import sliding_window_view as windows

    y = np.asarray(matrix)
    n = y.shape[1]
    mean = y.mean(axis=1, keepdims=True)
    mr = np.abs(np.diff(y, axis=1))
    amr = mr.mean(axis=1, keepdims=True)
    keep = mr < 3.267 * amr
    amr = (mr * keep).sum(axis=1, keepdims=True) / keep.sum(axis=1, keepdims=True)
    upl, lpl = mean + 2.66 * amr, mean - 2.66 * amr
    near = 2 * (2.66 / 3) * amr
    nupl, nlpl = mean + near, mean - near
    rtm = np.sign(y - mean).astype(np.int8)
    outside = (y > upl) | (y < lpl)
    close = ~outside & ((y > nupl) | (y < nlpl))

    def members(ends: object, length: int, offset: int = 0) -> object:
        # a point is a member when a run end lies within the next `length` points
        e = np.asarray(ends)
        padded = np.concatenate([e, np.zeros((e.shape[0], length - 1), bool)], axis=1)
        return windows(padded, length, axis=1).any(axis=2)[:, : n - offset]

    side_sum = windows(rtm, 7, axis=1).sum(axis=2)
    shift_end = np.zeros_like(outside)
    shift_end[:, 6:] = np.abs(side_sum) == 7
    shift = members(shift_end, 7)
    step = np.sign(np.diff(y, axis=1)).astype(np.int8)
    step_sum = windows(step, 6, axis=1).sum(axis=2)
    trend_end = np.zeros_like(outside)
    trend_end[:, 6:] = np.abs(step_sum) == 6
    trend = members(trend_end, 7)
    win_close = windows(close, 3, axis=1).sum(axis=2) >= 2
    win_side = np.abs(windows(rtm, 3, axis=1).sum(axis=2)) == 3
    ok = win_close & win_side
    padded = np.zeros((y.shape[0], n + 2), bool)
    padded[:, 2:n] = ok
    padded[:, 1 : n - 1] |= ok
    padded[:, : n - 2] |= ok
    two = padded[:, :n] & close
    # trend word: step to the right when the right neighbour is also in a trend, else left
    right = np.concatenate([step, step[:, -1:]], axis=1)
    left = np.concatenate([np.zeros((y.shape[0], 1), np.int8), step], axis=1)
    nxt = np.concatenate([trend[:, 1:], np.zeros((y.shape[0], 1), bool)], axis=1)
    trend_dir = np.where(trend & nxt, right, left)
    side = np.where(rtm > 0, 1, -1)
    code = np.select(
        [outside, trend, two, shift],
        [
            np.where(rtm == 1, 1, 2),
            np.where(trend_dir == 1, 3, 4),
            np.where(side > 0, 5, 6),
            np.where(side > 0, 7, 8),
        ],
        0,
    )
    high = np.isin(code, (1, 3, 5, 7))
    point_type = np.where(code == 0, 0, np.where(high, 1, 2))  # 1 improvement, 2 concern
    last_icon = point_type[:, -1]
    assurance = np.where(target > upl[:, 0], 2, np.where(target < lpl[:, 0], 1, 0))
    return code, point_type, last_icon, assurance


def check_floor_agrees(data: list[list[float]], matrix: object, target: float) -> float:
    """Share of points whose NumPy label code equals quorate's: shows the floor does the same
    work (it differs only where screening leaves no moving range, which this data avoids)."""
    codes = run_numpy_floor(matrix, target)[0]
    names = (
        "Common Cause",
        "Above UCL",
        "Below LCL",
        "7 Point Trend (Increasing)",
        "7 Point Trend (Decreasing)",
        "2 in 3 Above CL",
        "2 in 3 Below CL",
        "7 Points Above CL",
        "7 Points Below CL",
    )
    same = total = 0
    for ys, row in zip(data, codes.tolist(), strict=True):  # type: ignore[attr-defined]
        labels = compute_spc(ys, target=target).points.special_cause_type
        same += sum(names[c] == label for c, label in zip(row, labels, strict=True))
        total += len(labels)
    return same / total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--series", type=int, default=10_000)
    parser.add_argument("--points", type=int, default=60)
    parser.add_argument(
        "--rounds", type=int, default=5, help="interleaved rounds; the best of each is kept"
    )
    parser.add_argument(
        "--abspc-rounds",
        type=int,
        default=2,
        help="how many times abspc runs over its series (a full abspc pass takes ~25 s)",
    )
    parser.add_argument(
        "--abspc-series",
        type=int,
        default=None,
        metavar="N",
        help="time abspc on the first N series only and extrapolate (default: all series)",
    )
    args = parser.parse_args()
    if args.rounds < 1 or args.abspc_rounds < 1:
        parser.error("--rounds and --abspc-rounds must be at least 1")
    if args.abspc_series is not None and not 1 <= args.abspc_series <= args.series:
        parser.error("--abspc-series must be between 1 and --series")

    data = make_series(args.series, args.points)
    target = 50.0
    print(f"SPC bench: {args.series} series x {args.points} points, full rules and icons")

    whole: dict[str, Callable[[], object]] = {"quorate": lambda: run_quorate(data, target)}
    try:
        import numpy as np
    except ImportError:
        print("  numpy floor        skipped: numpy is not installed")
    else:
        matrix = np.array(data)
        whole["numpy"] = lambda: run_numpy_floor(matrix, target)
    abspc_data: list[list[float]] | None = None
    try:
        import abspc  # noqa: F401
    except ImportError:
        print(
            "  abspc              skipped: not installed; run `make bench` (it builds "
            ".venv-bench with bench/requirements.txt) to compare"
        )
    else:
        abspc_data = data if args.abspc_series is None else data[: args.abspc_series]
    sampled = abspc_data is not None and len(abspc_data) < args.series

    # Interleave the contestants round by round so a burst of load from other processes on
    # the machine cannot favour one of them. quorate and numpy do a whole pass each round and
    # keep their best round. abspc is ~50x slower, so its series are cut into one slice per
    # round: each round also times its slice of abspc `--abspc-rounds` times, and abspc's
    # figure is the sum over the slices of each slice's best, so abspc's work is spread over
    # the whole run alongside the others instead of landing in one stretch of it.
    per: dict[str, float] = {name: float("inf") for name in whole}
    abspc_total = 0.0
    for r in range(args.rounds):
        for name, fn in whole.items():
            per[name] = min(per[name], best_of(1, fn) / args.series)
        if abspc_data is not None:
            n = len(abspc_data)
            piece = abspc_data[r * n // args.rounds : (r + 1) * n // args.rounds]
            if piece:
                abspc_total += best_of(args.abspc_rounds, partial(run_abspc, piece, target))
    if abspc_data is not None:
        per["abspc"] = abspc_total / len(abspc_data)

    per_q = per["quorate"]
    print(
        f"  quorate.core.spc   {per_q * 1e6:9.1f} us/series  ({per_q * args.series:.3f} s for "
        f"all, best of {args.rounds})"
    )
    per_np = per.get("numpy")
    if per_np is not None:
        print(
            f"  numpy floor        {per_np * 1e6:9.1f} us/series  (one vectorised pass, "
            f"best of {args.rounds})"
        )
        agree = check_floor_agrees(data, matrix, target)
        print(f"  (the floor labels {agree:.2%} of points exactly as quorate does)")
    per_a = per.get("abspc")
    if per_a is not None:
        if sampled:
            how = (
                f"SAMPLED: timed on the first {args.abspc_series} of {args.series} series, "
                f"EXTRAPOLATED: {per_a * args.series:.1f} s for all"
            )
        else:
            how = f"all {args.series} series: {per_a * args.series:.1f} s a pass"
        print(
            f"  abspc 1.1.0        {per_a * 1e6:9.1f} us/series  ({how}; best of "
            f"{args.abspc_rounds} per slice)"
        )

    print(f"ratios (same data, same run, {args.rounds} interleaved rounds):")
    missed = []
    if per_a is not None:
        ratio = per_a / per_q
        verdict = "meets" if ratio >= GOAL_VS_ABSPC else "MISSES"
        goal = f"{verdict} goal >= {GOAL_VS_ABSPC:g}x"
        note = "; abspc sampled and extrapolated" if sampled else ""
        print(f"  quorate is {ratio:6.1f}x faster than abspc    ({goal}{note})")
        if verdict == "MISSES":
            missed.append("abspc")
    if per_np is not None:
        ratio = per_q / per_np
        verdict = "meets" if ratio <= GOAL_VS_FLOOR else "MISSES"
        goal = f"{verdict} goal <= {GOAL_VS_FLOOR:g}x"
        print(f"  quorate is {ratio:6.1f}x the numpy floor     ({goal})")
        if verdict == "MISSES":
            missed.append("numpy floor")
    if missed:
        print(f"goal missed against: {', '.join(missed)}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
