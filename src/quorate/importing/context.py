"""The state of one file's import: the pack, its raw lines, the tally and the warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db.models import Max, Model

from quorate.audit.models import AuditEvent
from quorate.core.packtext import Pack
from quorate.importing.summary import ImportWarning, Tally

ACTOR = "import-pack"
T = TypeVar("T", bound=Model)


class ImportProblem(Exception):
    """The file cannot be imported as it stands (e.g. its body is ambiguous)."""


def _last_id(model: type[Model]) -> int:
    return model._default_manager.aggregate(m=Max("pk"))["m"] or 0


@dataclass
class FileImport:
    """Everything the store functions share while importing one file."""

    pack: Pack
    raw_lines: Sequence[tuple[str, int | None]]  # (text, page) by line number - 1
    body_override: Any = None  # a Body, from --body
    actor: str = ACTOR
    tally: Tally = field(default_factory=Tally)
    warnings: list[ImportWarning] = field(default_factory=list)
    pack_date: dt.date | None = None  # the publication date printed on the pack
    own_meeting: Any = None  # the pack's own meeting (its agenda's)
    meetings_touched: list[Any] = field(default_factory=list)
    known_by_body: dict[int, dict[str, Any]] = field(default_factory=dict)  # owner lookups
    reported_items: dict[int, list[int]] = field(default_factory=dict)  # meeting -> items
    _last_ids: dict[type[Model], int] = field(default_factory=dict)  # highest ids seen

    # --- warnings ---------------------------------------------------------------------

    def warn(self, line: int | None, message: str) -> None:
        page = None
        if line and 0 < line <= len(self.raw_lines):
            page = self.raw_lines[line - 1][1]
        warning = ImportWarning(message=message, line=line, page=page)
        if warning not in self.warnings:
            self.warnings.append(warning)

    def locate(self, needle: str, start: int | None, end: int | None = None) -> int | None:
        """The first line from ``start`` to ``end`` (1-based, inclusive) containing
        ``needle`` (case-insensitive), else ``start``."""
        if not needle or not start:
            return start
        low = needle.lower()
        stop = min(end or len(self.raw_lines), len(self.raw_lines))
        for no in range(start, stop + 1):
            if low in self.raw_lines[no - 1][0].lower():
                return no
        return start

    # --- counting ---------------------------------------------------------------------

    def track(self, kind: str, model: type[T], call: Callable[[], T]) -> T:
        """Run one service call and count its object as created (its id is past the
        highest before), updated (the call wrote audit rows) or unchanged."""
        last = self._last_ids
        if model not in last:
            last[model] = _last_id(model)
        if AuditEvent not in last:
            last[AuditEvent] = _last_id(AuditEvent)
        obj = call()
        audit = _last_id(AuditEvent)
        if obj.pk > last[model]:
            state = "created"
            last[model] = obj.pk
        elif audit > last[AuditEvent]:
            state = "updated"
        else:
            state = "unchanged"
        last[AuditEvent] = audit
        self.tally.note(kind, obj.pk, state)
        return obj

    def mark_exempt(self, item: Any, paragraph: int | None, *, line: int | None, why: str) -> None:
        """Withhold an agenda item's papers (and its minute) under Schedule 12A because
        ``why`` (a report's confidentiality statement, an exclusion of the public) says so.
        An item already exempt keeps its paragraph; a statement that cites no paragraph
        refuses the file unless a clerk has already marked the item exempt."""
        from quorate.governance import services as gov
        from quorate.governance.models import AgendaItem

        if item.exempt_paragraph is not None:
            if paragraph is not None and paragraph != item.exempt_paragraph:
                self.warn(
                    line,
                    f"{why} cites paragraph {paragraph} of Schedule 12A; item {item.number} of "
                    f"{item.meeting} is exempt under paragraph {item.exempt_paragraph}: kept",
                )
            return
        if paragraph is None:
            raise ImportProblem(
                f"line {line}: {why} but cites no paragraph of Schedule 12A, so item "
                f"{item.number} of {item.meeting} cannot be marked exempt; mark it exempt in "
                "the back office and import again"
            )
        number = item.number
        updated = self.track(
            "agenda items",
            AgendaItem,
            lambda: gov.save_agenda_item(
                item.meeting, number=number, exempt_paragraph=paragraph, actor=self.actor
            ),
        )
        item.exempt_paragraph = updated.exempt_paragraph
        self.warn(
            line,
            f"item {number} of {item.meeting} stored as exempt (paragraph {paragraph} of "
            f"Schedule 12A): {why}",
        )

    def touch(self, meeting: Any) -> None:
        if meeting not in self.meetings_touched:
            self.meetings_touched.append(meeting)
