"""Value types of the SPC engine: enums, options and results (all frozen, all plain data)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Direction(StrEnum):
    """Which way is better for the measure (NHSRplotthedots ``improvement_direction``)."""

    INCREASE = "increase"
    DECREASE = "decrease"
    NEUTRAL = "neutral"


class TwoInThreeVariant(StrEnum):
    """How the "2 of 3 beyond 2 sigma" rule is read (README "Rule ambiguities" 4)."""

    PTD = "ptd"  # NHSRplotthedots v0.2.2: only points between 2 and 3 sigma count
    MDC2023 = "mdc2023"  # MDC tools since Nov 2023: every point beyond 2 sigma counts
    POWERBI = "powerbi"  # PowerBI-SPC: net count in a trailing window, no mean-side test


class ConflictPolicy(StrEnum):
    """What a point that is in an improvement and a concern pattern at once shows."""

    PRECEDENCE = "precedence"  # v0.2.2: astronomical, trend, 2-in-3, shift (first wins)
    IMPROVEMENT_WINS = "improvement_wins"  # MDC Single Chart tool: improvement is shown


class PointType(StrEnum):
    COMMON_CAUSE = "common_cause"
    IMPROVEMENT = "special_cause_improvement"
    CONCERN = "special_cause_concern"
    NEUTRAL_HIGH = "special_cause_neutral_high"
    NEUTRAL_LOW = "special_cause_neutral_low"


class VariationIcon(StrEnum):
    COMMON_CAUSE = "common_cause"
    IMPROVEMENT_HIGH = "improvement_high"
    IMPROVEMENT_LOW = "improvement_low"
    CONCERN_HIGH = "concern_high"
    CONCERN_LOW = "concern_low"
    NEUTRAL_HIGH = "neutral_high"
    NEUTRAL_LOW = "neutral_low"


class AssuranceType(StrEnum):
    CONSISTENT_PASS = "consistent_pass"
    CONSISTENT_FAIL = "consistent_fail"
    INCONSISTENT = "inconsistent"


class AssuranceIcon(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    INCONSISTENT = "inconsistent"


#: NHSRplotthedots v0.2.2 constants.
PTD_LIMIT_MULTIPLIER = 2.66
PTD_SCREEN_MULTIPLIER = 3.267
PTD_SHORT_GROUP_THRESHOLD = 13
MIN_FIX_AFTER_N_POINTS = 12


@dataclass(frozen=True, slots=True)
class SpcOptions:
    """Every choice on which the reference tools differ. Defaults reproduce NHSRplotthedots v0.2.2.

    - ``screen_outliers``: drop moving ranges of ``screen_multiplier`` x mean MR or more and
      recompute the mean MR (NHSRplotthedots, PowerBI-SPC: on; MDC Excel tool: off).
    - ``limit_multiplier``: process limits are mean +/- this x mean MR (2.66; PowerBI-SPC and
      abspc use 3/1.128). The 2-sigma lines use two thirds of it.
    - ``trend_n`` / ``shift_n``: run lengths of the trend and shift rules (7 and 7).
    - ``two_in_three``: the 2-in-3 variant; ``conflict``: the conflict policy.
    - ``min_points``: a limit group with fewer values shows no limits, no special causes and
      (if it is the last group) no icons; 0 shows them always (v0.2.2; the MDC Single Chart
      tool behaves like 13).
    - ``short_group_threshold``: groups with fewer values carry ``short_group_warning``.
    """

    screen_outliers: bool = True
    limit_multiplier: float = PTD_LIMIT_MULTIPLIER
    screen_multiplier: float = PTD_SCREEN_MULTIPLIER
    trend_n: int = 7
    shift_n: int = 7
    two_in_three: TwoInThreeVariant = TwoInThreeVariant.PTD
    conflict: ConflictPolicy = ConflictPolicy.PRECEDENCE
    min_points: int = 0
    short_group_threshold: int = PTD_SHORT_GROUP_THRESHOLD

    def __post_init__(self) -> None:
        if self.trend_n < 2:
            raise ValueError(f"trend_n must be 2 or more, got {self.trend_n}")
        if self.shift_n < 1:
            raise ValueError(f"shift_n must be 1 or more, got {self.shift_n}")
        if not self.limit_multiplier > 0:
            raise ValueError(f"limit_multiplier must be positive, got {self.limit_multiplier}")
        if not self.screen_multiplier > 0:
            raise ValueError(f"screen_multiplier must be positive, got {self.screen_multiplier}")
        if self.min_points < 0:
            raise ValueError(f"min_points must be 0 or more, got {self.min_points}")
        # Accept plain strings for the enum fields (e.g. from JSON) but store the enums.
        object.__setattr__(self, "two_in_three", TwoInThreeVariant(self.two_in_three))
        object.__setattr__(self, "conflict", ConflictPolicy(self.conflict))


@dataclass(frozen=True, slots=True)
class Limits:
    """Centre line and limits of one limit group. Limits are ``None`` when undefined."""

    mean: float | None
    mr_mean: float | None
    lpl: float | None
    upl: float | None
    nlpl: float | None  # lower 2-sigma line
    nupl: float | None  # upper 2-sigma line


@dataclass(frozen=True)
class SpcGroup:
    """One limit (rebase) group: rows ``start``..``end`` inclusive; ``n`` counts present values."""

    start: int
    end: int
    n: int
    mean: float | None
    lpl: float | None
    upl: float | None
    nlpl: float | None
    nupl: float | None
    mr_mean: float | None
    short_group_warning: bool
    limits_shown: bool


@dataclass(frozen=True)
class SpcPoints:
    """The per-point outputs, one tuple per column (one entry per input row).

    A missing value (``None`` or not finite) has ``None`` in ``value``, ``outside_limits``,
    ``relative_to_mean`` and ``close_to_limits`` and is common cause.
    """

    value: tuple[float | None, ...]
    rebase_group: tuple[int, ...]
    outside_limits: tuple[bool | None, ...]
    relative_to_mean: tuple[int | None, ...]
    close_to_limits: tuple[bool | None, ...]
    special_cause_type: tuple[str, ...]
    point_type: tuple[PointType, ...]
    special_cause_flag: tuple[bool, ...]

    def __len__(self) -> int:
        return len(self.value)


@dataclass(frozen=True)
class SpcResult:
    improvement_direction: Direction
    target: float | None
    groups: tuple[SpcGroup, ...]
    points: SpcPoints
    variation_icon: VariationIcon | None
    assurance_type: AssuranceType | None
    assurance_icon: AssuranceIcon | None
    options: SpcOptions
