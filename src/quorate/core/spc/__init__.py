"""Making Data Count SPC: XmR charts, special-cause rules, variation and assurance icons.

Defaults reproduce NHSRplotthedots v0.2.2; every choice on which the reference tools differ
is a field of :class:`SpcOptions` (see ``docs/spc.md``). Pure: no I/O, no clock.
"""

from quorate.core.spc.assurance import assurance, assurance_type, variation_icon
from quorate.core.spc.engine import DEFAULT_OPTIONS, compute_spc
from quorate.core.spc.limits import mean_moving_range, moving_ranges, xmr_limits
from quorate.core.spc.presets import MDC_EXCEL, MDC_SINGLE_CHART_2023, POWERBI_SPC, PTD_V022
from quorate.core.spc.rebase import group_starts, rebase_flags
from quorate.core.spc.rules import (
    is_valid_fix_after_n_points,
    label_precedence,
    run_membership,
    shift_ends,
    short_group_warnings,
    trend_ends,
    trend_labels_direction,
    two_in_three,
    two_in_three_windows,
)
from quorate.core.spc.serialise import limits_to_dict, result_to_dict
from quorate.core.spc.types import (
    AssuranceIcon,
    AssuranceType,
    ConflictPolicy,
    Direction,
    Limits,
    PointType,
    SpcGroup,
    SpcOptions,
    SpcPoints,
    SpcResult,
    TwoInThreeVariant,
    VariationIcon,
)

__all__ = [
    "DEFAULT_OPTIONS",
    "MDC_EXCEL",
    "MDC_SINGLE_CHART_2023",
    "POWERBI_SPC",
    "PTD_V022",
    "AssuranceIcon",
    "AssuranceType",
    "ConflictPolicy",
    "Direction",
    "Limits",
    "PointType",
    "SpcGroup",
    "SpcOptions",
    "SpcPoints",
    "SpcResult",
    "TwoInThreeVariant",
    "VariationIcon",
    "assurance",
    "assurance_type",
    "compute_spc",
    "group_starts",
    "is_valid_fix_after_n_points",
    "label_precedence",
    "limits_to_dict",
    "mean_moving_range",
    "moving_ranges",
    "rebase_flags",
    "result_to_dict",
    "run_membership",
    "shift_ends",
    "short_group_warnings",
    "trend_ends",
    "trend_labels_direction",
    "two_in_three",
    "two_in_three_windows",
    "variation_icon",
    "xmr_limits",
]
