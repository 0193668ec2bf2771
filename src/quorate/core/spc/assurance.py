"""Assurance (target against the latest limits) and the variation icon of the last point."""

from __future__ import annotations

from quorate.core.spc.types import (
    AssuranceIcon,
    AssuranceType,
    Direction,
    PointType,
    VariationIcon,
)

_ICON_OF_TYPE = {
    AssuranceType.CONSISTENT_PASS: AssuranceIcon.PASS,
    AssuranceType.CONSISTENT_FAIL: AssuranceIcon.FAIL,
    AssuranceType.INCONSISTENT: AssuranceIcon.INCONSISTENT,
}


def assurance_type(
    target: float | None,
    lpl: float | None,
    upl: float | None,
    improvement_direction: Direction | str,
) -> AssuranceType | None:
    """Will the process consistently pass, consistently fail, or hit and miss the target?

    Strict comparisons as in NHSRplotthedots v0.2.2: a target exactly on a limit is
    ``inconsistent``. No target, or a neutral direction, gives ``None``. Undefined limits
    (``None``) compare false, so a target with undefined limits is ``inconsistent``.
    """
    direction = (
        improvement_direction
        if improvement_direction.__class__ is Direction
        else Direction(improvement_direction)
    )
    if target is None or direction is Direction.NEUTRAL:
        return None
    increasing = direction is Direction.INCREASE
    if upl is not None and target > upl:
        return AssuranceType.CONSISTENT_FAIL if increasing else AssuranceType.CONSISTENT_PASS
    if lpl is not None and target < lpl:
        return AssuranceType.CONSISTENT_PASS if increasing else AssuranceType.CONSISTENT_FAIL
    return AssuranceType.INCONSISTENT


def assurance(
    target: float | None,
    lpl: float | None,
    upl: float | None,
    improvement_direction: Direction | str,
) -> tuple[AssuranceType | None, AssuranceIcon | None]:
    """``(assurance_type, assurance_icon)`` for a target against one group's limits."""
    kind = assurance_type(target, lpl, upl, improvement_direction)
    return kind, (None if kind is None else _ICON_OF_TYPE[kind])


def variation_icon(
    point_type: PointType | str, improvement_direction: Direction | str
) -> VariationIcon:
    """The MDC variation icon for the type of the last point.

    Improvement is "high" when increase is better and "low" when decrease is better; concern
    is the opposite; neutral special causes keep their side.
    """
    kind = PointType(point_type)
    direction = Direction(improvement_direction)
    if kind is PointType.COMMON_CAUSE:
        return VariationIcon.COMMON_CAUSE
    if kind is PointType.NEUTRAL_HIGH:
        return VariationIcon.NEUTRAL_HIGH
    if kind is PointType.NEUTRAL_LOW:
        return VariationIcon.NEUTRAL_LOW
    increasing = direction is Direction.INCREASE
    if kind is PointType.IMPROVEMENT:
        return VariationIcon.IMPROVEMENT_HIGH if increasing else VariationIcon.IMPROVEMENT_LOW
    return VariationIcon.CONCERN_LOW if increasing else VariationIcon.CONCERN_HIGH
