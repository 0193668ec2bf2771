"""Where limit groups start: rebase indices and rebase dates."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence


def rebase_flags(
    dates: Sequence[Hashable],
    rebase_dates: Iterable[Hashable] = (),
    *,
    facets: Sequence[Hashable] | None = None,
    rebase_dates_by_facet: Mapping[Hashable, Iterable[Hashable]] | None = None,
) -> list[int]:
    """1 for each row whose date is a rebase date (a new limit group starts there), else 0.

    One vector of ``rebase_dates`` applies to every facet; ``rebase_dates_by_facet`` gives each
    facet its own. A rebase date that matches no row has no effect.
    """
    if rebase_dates_by_facet is not None:
        if facets is None:
            raise ValueError("rebase_dates_by_facet needs facets")
        wanted = {f: set(ds) for f, ds in rebase_dates_by_facet.items()}
        return [int(d in wanted.get(f, ())) for d, f in zip(dates, facets, strict=True)]
    common = set(rebase_dates)
    return [int(d in common) for d in dates]


def group_starts(
    n_rows: int,
    rebase_at: Iterable[int] = (),
    dates: Sequence[Hashable] | None = None,
    rebase_dates: Iterable[Hashable] = (),
) -> list[int]:
    """Sorted first rows of the limit groups: 0, every ``rebase_at`` index, and every row whose
    date is in ``rebase_dates`` (a date that matches no row, or a series without dates, has
    no effect)."""
    starts = {0}
    for index in rebase_at:
        if isinstance(index, bool) or not isinstance(index, int):
            raise ValueError(f"rebase_at: {index!r} is not a row index")
        if not 0 <= index < n_rows:
            raise ValueError(f"rebase_at: index {index} is outside rows 0..{n_rows - 1}")
        starts.add(index)
    wanted = set(rebase_dates)
    if wanted and dates is not None:  # without dates no row can match: no effect
        starts.update(i for i, d in enumerate(dates) if d in wanted)
    return sorted(starts) if n_rows else []
