"""Plain-dict views of results, in the shape of the ``spc-vectors/1`` ``expected`` objects."""

from __future__ import annotations

from typing import Any

from quorate.core.spc.types import Limits, SpcResult


def _plain(value: Any) -> Any:
    """StrEnum members become plain strings so the dict compares and serialises simply."""
    return str(value) if isinstance(value, str) else value


def result_to_dict(result: SpcResult, *, extended: bool = False) -> dict[str, Any]:
    """``groups``, ``points`` (one list per column), ``variation_icon``, ``assurance_type`` and
    ``assurance_icon``, with exactly the keys of a ``series`` case's ``expected``.

    ``extended`` adds the 2-sigma lines and mean moving range of each group and the (cleaned)
    values of the points.
    """
    pts = result.points
    groups = []
    for g in result.groups:
        group: dict[str, Any] = {
            "start": g.start,
            "end": g.end,
            "n": g.n,
            "mean": g.mean,
            "lpl": g.lpl,
            "upl": g.upl,
            "short_group_warning": g.short_group_warning,
        }
        if extended:
            group.update(nlpl=g.nlpl, nupl=g.nupl, mr_mean=g.mr_mean, limits_shown=g.limits_shown)
        groups.append(group)
    points: dict[str, list[Any]] = {"value": list(pts.value)} if extended else {}
    return {
        "groups": groups,
        "points": {
            **points,
            "rebase_group": list(pts.rebase_group),
            "outside_limits": list(pts.outside_limits),
            "relative_to_mean": list(pts.relative_to_mean),
            "close_to_limits": list(pts.close_to_limits),
            "special_cause_type": list(pts.special_cause_type),
            "point_type": [str(p) for p in pts.point_type],
            "special_cause_flag": list(pts.special_cause_flag),
        },
        "variation_icon": _plain(result.variation_icon),
        "assurance_type": _plain(result.assurance_type),
        "assurance_icon": _plain(result.assurance_icon),
    }


def limits_to_dict(limits: Limits) -> dict[str, float | None]:
    """The keys a ``limits`` case prints: ``mean``, ``lpl``, ``upl``, ``nlpl``, ``nupl``."""
    return {
        "mean": limits.mean,
        "lpl": limits.lpl,
        "upl": limits.upl,
        "nlpl": limits.nlpl,
        "nupl": limits.nupl,
    }
