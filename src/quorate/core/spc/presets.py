"""Named option sets mirroring the reference tools, as far as the vectors' README describes them.

Only the dimensions listed in ``spc-vectors/README.md`` ("Rule ambiguities") are set; each tool
differs in other ways too (chart types, icons scope), which these presets do not claim to copy.
"""

from __future__ import annotations

from quorate.core.spc.types import ConflictPolicy, SpcOptions, TwoInThreeVariant

#: NHSRplotthedots v0.2.2 (the default).
PTD_V022 = SpcOptions()

#: The MDC Excel tool as the README describes it: no screening of moving ranges.
MDC_EXCEL = SpcOptions(screen_outliers=False)

#: MDC tools since Nov 2023: no screening, 2-in-3 counts every point beyond 2 sigma, a point in
#: an improvement and a concern pattern shows improvement, no limits or icons below 13 points.
MDC_SINGLE_CHART_2023 = SpcOptions(
    screen_outliers=False,
    two_in_three=TwoInThreeVariant.MDC2023,
    conflict=ConflictPolicy.IMPROVEMENT_WINS,
    min_points=13,
)

#: PowerBI-SPC defaults: 3/1.128 multiplier, trend 5, shift 7, net-count 2-in-3, screening on.
POWERBI_SPC = SpcOptions(
    limit_multiplier=3 / 1.128,
    trend_n=5,
    shift_n=7,
    two_in_three=TwoInThreeVariant.POWERBI,
)
