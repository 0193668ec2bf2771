"""What an import did: counts per kind (created / updated / unchanged) and warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The order kinds are reported in.
KINDS = (
    "organisations",
    "bodies",
    "people",
    "meetings",
    "agenda items",
    "reports",
    "attendance",
    "declarations",
    "minutes",
    "resolutions",
    "draft minutes published",
    "minutes approvals",
    "actions",
    "action updates",
)
STATES = ("created", "updated", "unchanged")
_RANK = {"unchanged": 0, "updated": 1, "created": 2}


@dataclass(frozen=True)
class ImportWarning:
    """Something read only in part or not stored; ``line`` is 1-based in the whole input."""

    message: str
    line: int | None = None
    page: int | None = None
    source: str = "importer"  # "parser" for the parser's own warnings

    @property
    def where(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        return where + (f", page {self.page}" if self.page else "")

    def to_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "page": self.page,
            "message": self.message,
            "source": self.source,
        }


@dataclass
class Tally:
    """Each stored object counted once per file, in the strongest state it reached."""

    states: dict[str, dict[Any, str]] = field(default_factory=dict)

    def note(self, kind: str, key: Any, state: str) -> None:
        seen = self.states.setdefault(kind, {})
        if key not in seen or _RANK[state] > _RANK[seen[key]]:
            seen[key] = state

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for kind in sorted(self.states, key=lambda k: KINDS.index(k) if k in KINDS else 99):
            values = list(self.states[kind].values())
            out[kind] = {s: values.count(s) for s in STATES}
        return out


@dataclass
class FileResult:
    """One file's import: ``ok`` False means nothing from it was stored (``error`` says why)."""

    file: str
    ok: bool = True
    error: str = ""
    dry_run: bool = False
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    warnings: list[ImportWarning] = field(default_factory=list)
    meetings: list[str] = field(default_factory=list)

    def total(self, state: str) -> int:
        return sum(c.get(state, 0) for c in self.counts.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "ok": self.ok,
            "error": self.error or None,
            "counts": self.counts,
            "meetings": self.meetings,
            "warnings": [w.to_json() for w in self.warnings],
        }


@dataclass
class ImportSummary:
    """Every file's result, and the counts over all files."""

    files: list[FileResult] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.files)

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for result in self.files:
            for kind, states in result.counts.items():
                slot = out.setdefault(kind, dict.fromkeys(STATES, 0))
                for state, n in states.items():
                    slot[state] += n
        return {k: out[k] for k in sorted(out, key=lambda k: KINDS.index(k) if k in KINDS else 99)}

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": "quorate-import/1",
            "dry_run": self.dry_run,
            "ok": self.ok,
            "counts": self.counts(),
            "files": [f.to_json() for f in self.files],
        }

    def render(self) -> str:
        """The readable summary: a table of counts, then failures and warnings."""
        counts = self.counts()
        lines = []
        head = "Would import" if self.dry_run else "Imported"
        good = sum(f.ok for f in self.files)
        lines.append(f"{head} {good} of {len(self.files)} file(s).")
        if counts:
            width = max(len(k) for k in counts)
            lines.append(f"  {'':{width}}  created  updated  unchanged")
            for kind, c in counts.items():
                lines.append(
                    f"  {kind:{width}}  {c['created']:7}  {c['updated']:7}  {c['unchanged']:9}"
                )
        for f in self.files:
            if not f.ok:
                lines.append(f"FAILED {f.error}")
        for f in self.files:
            for w in f.warnings:
                lines.append(f"warning: {f.file}: {w.where}: {w.message}")
        return "\n".join(lines) + "\n"
