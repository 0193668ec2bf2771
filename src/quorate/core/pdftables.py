"""Rebuild a PDF page's text from its positioned runs, one line per table row.

A table cell whose text wraps puts its continuation lines on the page below the row's
first line; read line by line they lose their column and look like new rows. Here the
runs of a page are grouped into lines and each line into segments: runs are cut apart
by a gap wider than 1.2 line heights, or wider than half a line height where the next
run starts at a column (an x-position where runs start on three or more lines). A line
of two or more segments starts a table row, and a following line is folded into that
row when every one of its segments

- starts at the x-position of one of the row's cells,
- sits on the line straight below that cell's last line, and
- continues text that had to wrap: the cell's last line plus the segment's first word
  would not fit within the widest line that column shows on the page, nor before the
  next cell of the row;

and the row reaches near the page's right edge (a narrower table had room, so nothing
in it wrapped). A new row fails at least one of these (a cell above ended lines earlier,
or a first word would have fitted). Rows of one table whose cells line up are then given
the same columns, so an empty cell stays an empty tab-separated cell. Paragraph lines
(one segment) are left as they were.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise

# (left, bottom, right, top, text) in PDF points, y growing upwards
Run = tuple[float, float, float, float, str]


@dataclass
class _Segment:
    x0: float
    x1: float
    text: str


@dataclass
class _Line:
    top: float
    bottom: float
    height: float
    segments: list[_Segment]


@dataclass
class _Cell:
    x0: float
    texts: list[str]
    last_line: int
    last_x1: float


@dataclass
class _Row:
    cells: list[_Cell]
    blank_before: bool
    table: bool
    height: float
    gap: float  # the narrowest space between two cells on the row's lines


def _lines(runs: list[Run]) -> list[_Line]:
    """Runs grouped by vertical band (centre within half a line height), left to right,
    each line cut into segments where a gap wider than 1.2 line heights separates runs."""
    ordered = sorted(runs, key=lambda r: (-(r[1] + r[3]) / 2, r[0]))
    groups: list[list[Run]] = []
    for run in ordered:
        centre = (run[1] + run[3]) / 2
        height = max(run[3] - run[1], 1.0)
        if groups:
            last = groups[-1][0]
            if abs((last[1] + last[3]) / 2 - centre) <= height / 2:
                groups[-1].append(run)
                continue
        groups.append([run])
    starts = _column_starts(groups)
    lines: list[_Line] = []
    for group in groups:
        group.sort(key=lambda r: r[0])
        height = max(r[3] - r[1] for r in group)
        segments = [_Segment(group[0][0], group[0][2], group[0][4])]
        for prev, run in pairwise(group):
            gap = run[0] - prev[2]
            if gap > height * 1.2 or (gap > height * 0.5 and starts.near(run[0])):
                segments.append(_Segment(run[0], run[2], run[4]))
            else:
                seg = segments[-1]
                seg.text = f"{seg.text} {run[4]}"
                seg.x1 = max(seg.x1, run[2])
        lines.append(
            _Line(
                top=max(r[3] for r in group),
                bottom=min(r[1] for r in group),
                height=height,
                segments=segments,
            )
        )
    return lines


class _Starts:
    """x-positions where runs after a gap start on three or more lines: table columns."""

    def __init__(self, xs: list[float]) -> None:
        self._xs = xs

    def near(self, x: float, tol: float = 1.5) -> bool:
        k = bisect_left(self._xs, x - tol)
        return k < len(self._xs) and self._xs[k] <= x + tol


def _column_starts(groups: list[list[Run]]) -> _Starts:
    found: list[float] = []
    for group in groups:
        group.sort(key=lambda r: r[0])
        height = max(r[3] - r[1] for r in group)
        found.extend(run[0] for prev, run in pairwise(group) if run[0] - prev[2] > height * 0.5)
    found.sort()
    columns: list[float] = []
    k = 0
    while k < len(found):
        end = k
        while end + 1 < len(found) and found[end + 1] - found[end] <= 1.5:
            end += 1
        if end - k + 1 >= 3:
            columns.extend(found[k : end + 1])
        k = end + 1
    return _Starts(columns)


class _Widths:
    """The widest extent (max right edge) of the segments starting near an x-position."""

    def __init__(self, lines: list[_Line]) -> None:
        # paragraph lines at the left margin would make the first column look as wide
        # as the page: count one-segment lines only when they start further in
        margin = min(line.segments[0].x0 for line in lines) + 2.0
        pairs = sorted(
            (s.x0, s.x1)
            for line in lines
            for s in line.segments
            if len(line.segments) > 1 or s.x0 > margin
        )
        self._x0 = [p[0] for p in pairs]
        self._x1 = [p[1] for p in pairs]
        self._cache: dict[tuple[float, float], float] = {}
        self.left = min(s.x0 for line in lines for s in line.segments)
        self.right_edge = max(s.x1 for line in lines for s in line.segments)

    def right(self, x0: float, tol: float) -> float:
        key = (round(x0, 1), round(tol, 1))
        if key not in self._cache:
            lo = bisect_left(self._x0, x0 - tol)
            hi = bisect_right(self._x0, x0 + tol)
            self._cache[key] = max(self._x1[lo:hi], default=x0)
        return self._cache[key]


def _first_word_width(seg: _Segment) -> float:
    text = seg.text
    word = text.split(" ", 1)[0]
    return (seg.x1 - seg.x0) * len(word) / max(len(text), 1)


def _join(before: str, after: str) -> str:
    return f"{before}{after}" if before.endswith("/") else f"{before} {after}"


def _continues(row: _Row, line: _Line, index: int, widths: _Widths) -> list[_Cell] | None:
    """The cells of ``row`` that each segment of ``line`` continues, or None when the
    line is not a continuation of the row."""
    tol = max(2.0, line.height * 0.3)
    # the narrowest gap between neighbouring cells, on the row's lines and this one:
    # the cell padding is no wider, so a cell's text ends at least that far before the
    # next cell starts (a table whose rows are laid out apart has no common width)
    gap = min(
        [b.x0 - a.x1 for a, b in pairwise(line.segments)] + [row.gap],
    )
    own_right = max([c.last_x1 for c in row.cells] + [s.x1 for s in line.segments])
    # text wraps only in a table that fills the width: a table whose last column ends
    # well short of the page's right edge had room, so its rows have one line each
    last = max(row.cells, key=lambda c: c.x0)
    table_right = max([c.last_x1 for c in row.cells] + [widths.right(last.x0, tol)])
    if table_right < widths.right_edge - (widths.right_edge - widths.left) * 0.25:
        return None
    targets: list[_Cell] = []
    for seg in line.segments:
        cell = next((c for c in row.cells if abs(c.x0 - seg.x0) <= tol), None)
        if cell is None or cell.last_line != index - 1 or cell in targets:
            return None
        # a space (a quarter of the line height) and the word, with a margin for
        # measuring the word by its share of the run's characters on tight glyph boxes:
        # a word that only just fits is taken as wrapped
        needed = cell.last_x1 + line.height * 0.55 + _first_word_width(seg) * 1.2
        limit = widths.right(cell.x0, tol)
        # nor can the text run into the next cell of the row, or past the row's last cell
        nexts = [c.x0 for c in row.cells if c.x0 > cell.x0 + tol]
        limit = min(limit, min(nexts) - max(gap, 0.0) if nexts else own_right)
        if needed <= limit:
            return None  # the word would have fitted on the line above: not a wrap
        targets.append(cell)
    return targets


def _columns(rows: list[_Row], tol: float) -> list[float]:
    """x-positions of the columns shared by two or more rows of a table region."""
    starts = sorted(c.x0 for row in rows for c in row.cells)
    clusters: list[list[float]] = []
    for x in starts:
        if clusters and x - clusters[-1][-1] <= tol:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [sum(c) / len(c) for c in clusters if len(c) >= 2]


def _slot(row: _Row, columns: list[float], tol: float) -> list[str] | None:
    """The row's cells placed in the region's columns (empty strings for gaps), or None
    when a cell does not start at one of the columns."""
    out = [""] * len(columns)
    for cell in row.cells:
        k = min(range(len(columns)), key=lambda i: abs(columns[i] - cell.x0))
        if abs(columns[k] - cell.x0) > tol or out[k]:
            return None
        out[k] = _cell_text(cell)
    while out and not out[-1]:
        out.pop()
    return out


def _cell_text(cell: _Cell) -> str:
    text = cell.texts[0]
    for part in cell.texts[1:]:
        text = _join(text, part)
    return text


def page_text(runs: list[Run]) -> str:
    """The text of a page from its runs: a line per paragraph line and per table row,
    table cells separated by tabs, a blank line where a vertical gap separates blocks."""
    lines = _lines(runs)
    if not lines:
        return ""
    widths = _Widths(lines)
    rows: list[_Row] = []
    previous_bottom: float | None = None
    for index, line in enumerate(lines):
        gap = previous_bottom is not None and previous_bottom - line.top > line.height * 0.9
        previous_bottom = line.bottom
        if rows and rows[-1].table and not gap:
            targets = _continues(rows[-1], line, index, widths)
            if targets is not None:
                rows[-1].gap = min(
                    [rows[-1].gap] + [b.x0 - a.x1 for a, b in pairwise(line.segments)]
                )
                for cell, seg in zip(targets, line.segments, strict=True):
                    cell.texts.append(seg.text)
                    cell.last_line = index
                    cell.last_x1 = seg.x1
                continue
        cells = [_Cell(s.x0, [s.text], index, s.x1) for s in line.segments]
        spacing = min([b.x0 - a.x1 for a, b in pairwise(line.segments)], default=0.0)
        rows.append(_Row(cells, gap, len(cells) >= 2, line.height, spacing))
    out: list[str] = []
    k = 0
    while k < len(rows):
        if not rows[k].table:
            row = rows[k]
            if row.blank_before:
                out.append("")
            out.append("\t".join(_cell_text(c) for c in row.cells))
            k += 1
            continue
        end = k
        while end < len(rows) and rows[end].table:
            end += 1
        region = rows[k:end]
        tol = max(2.0, max(r.height for r in region) * 0.3)
        columns = _columns(region, tol) if len(region) >= 2 else []
        if len(columns) > max(len(r.cells) for r in region):
            columns = []  # the rows do not share one grid (each row its own table)
        for row in region:
            if row.blank_before:
                out.append("")
            slotted = _slot(row, columns, tol) if columns else None
            texts = slotted if slotted is not None else [_cell_text(c) for c in row.cells]
            out.append("\t".join(texts))
        k = end
    return "\n".join(out)
