"""Making Data Count colours (the values NHSRplotthedots ships as its defaults)."""

from __future__ import annotations

from dataclasses import dataclass

from quorate.core.spc import PointType


@dataclass(frozen=True, slots=True)
class Palette:
    common_cause: str = "#a6a6a6"  # grey
    improvement: str = "#00b0f0"  # blue
    concern: str = "#e46c0a"  # orange
    neutral: str = "#490092"  # purple
    value_line: str = "#a6a6a6"
    mean_line: str = "#000000"
    limit_line: str = "#7f7f7f"  # a shade darker than MDC's #a6a6a6 for 3:1 contrast
    target: str = "#de1b1b"  # red
    text: str = "#212b32"  # NHS.UK text colour
    axis: str = "#4c6272"

    def point(self, point_type: PointType | str) -> str:
        kind = PointType(point_type)
        if kind is PointType.IMPROVEMENT:
            return self.improvement
        if kind is PointType.CONCERN:
            return self.concern
        if kind in (PointType.NEUTRAL_HIGH, PointType.NEUTRAL_LOW):
            return self.neutral
        return self.common_cause


MDC_PALETTE = Palette()
