"""Import board papers: parse a pack and store what it holds through the normal services.

One transaction per file: a file either imports whole or not at all, and other files
still import. Every write goes through the services (audited, idempotent), so importing
the same file twice changes nothing; a re-issued pack updates what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from quorate.core.packtext import Pack, parse_pages
from quorate.importing import matching
from quorate.importing.actions import store_minute_actions, store_tracker
from quorate.importing.context import ACTOR, FileImport, ImportProblem
from quorate.importing.meetings import store_agenda
from quorate.importing.minutes import PendingAction, store_minutes
from quorate.importing.reports import store_report
from quorate.importing.summary import FileResult, ImportSummary, ImportWarning

STORED_KINDS = frozenset({"agenda", "minutes", "action_tracker", "report"})

Step = Callable[[str, int, int], None]
"""Progress within one file: ``step(stage, done, total)``. Stages, in order: ``"read"``
(0 of 1, before the file is read), ``"parse"`` (0 of the number of pages, before they are
parsed) and ``"store"`` (0 of the number of documents to store, then once after each)."""


def _no_step(stage: str, done: int, total: int) -> None:
    pass


class _DryRun(Exception):
    """Raised at the end of a dry run so that its transaction rolls back."""


def _raw_lines(pages: Sequence[str], pdf: bool) -> list[tuple[str, int | None]]:
    """Line texts numbered as the parser numbers them (1-based across all pages)."""
    return [
        (line, index + 1 if pdf else None)
        for index, page in enumerate(pages)
        for line in page.split("\n")
    ]


def _main_index(pack: Pack) -> int:
    """The document that is the pack's own: its agenda, else the first with a meeting."""
    for kind in ("agenda", None):
        for index, doc in enumerate(pack.documents):
            if (doc.kind == kind) if kind else (doc.meeting is not None):
                return index
    return 0


def _store(fi: FileImport, step: Step = _no_step) -> None:
    docs = list(enumerate(fi.pack.documents))
    main = _main_index(fi.pack)
    total = sum(1 for _, doc in docs if doc.kind in STORED_KINDS)
    done = 0
    step("store", done, total)

    def stored() -> None:
        nonlocal done
        done += 1
        step("store", done, total)

    for index, doc in docs:
        if doc.kind == "agenda":
            store_agenda(doc, fi, main=index == main)
            stored()
    pending: list[PendingAction] = []
    for index, doc in docs:
        if doc.kind == "minutes":
            pending.extend(store_minutes(doc, fi, main=index == main))
            stored()
    for index, doc in docs:
        if doc.kind == "action_tracker":
            store_tracker(doc, fi, main=index == main)
            stored()
    store_minute_actions(pending, fi)
    for index, doc in docs:
        if doc.kind == "report":
            store_report(doc, fi, main=index == main)
            stored()


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    if isinstance(exc, (ImportProblem, ValueError)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def import_pack(
    pack: Pack,
    *,
    pages: Sequence[str] = (),
    pdf: bool = False,
    body: str | None = None,
    dry_run: bool = False,
    actor: str = ACTOR,
    step: Step = _no_step,
) -> FileResult:
    """Store a parsed pack; ``pages`` (the parsed page texts) let warnings find lines.
    ``step`` is told of each document stored (see :data:`Step`)."""
    result = FileResult(file=pack.file, dry_run=dry_run)
    parser_warnings = [
        ImportWarning(message=w.message, line=w.line, page=w.page, source="parser")
        for w in pack.warnings
    ]
    result.warnings = list(parser_warnings)
    if not any(d.kind in STORED_KINDS for d in pack.documents):
        result.warnings.append(
            ImportWarning("found no agenda, minutes, action tracker or report cover sheet")
        )
        return result
    fi = FileImport(pack=pack, raw_lines=_raw_lines(pages, pdf), actor=actor)
    try:
        with transaction.atomic():
            if body:
                fi.body_override = matching.body_named(body, fi, line=None)
            _store(fi, step)
            result.counts = fi.tally.counts()
            result.meetings = [str(m) for m in fi.meetings_touched]
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    except Exception as exc:
        result.ok = False
        result.error = f"{pack.file}: {_message(exc)} (nothing from this file was stored)"
        result.counts = {}
        result.meetings = []
    result.warnings = parser_warnings + fi.warnings
    return result


def import_pack_text(
    text: str,
    *,
    file: str,
    body: str | None = None,
    dry_run: bool = False,
    step: Step = _no_step,
) -> FileResult:
    """Parse and store the text of a ``.txt`` extraction (form feeds separate pages)."""
    pages = text.split("\f") if "\f" in text else [text]
    step("parse", 0, len(pages))
    pack = parse_pages(pages, file=file)
    return import_pack(pack, pages=pages, body=body, dry_run=dry_run, step=step)


def import_file(
    path: Path, *, body: str | None = None, dry_run: bool = False, step: Step = _no_step
) -> FileResult:
    """Read (a .txt or .pdf), parse and store one file. A file that cannot be read gives
    a failed result naming the file, never an exception. ``step`` is told of each stage
    and of each document stored (see :data:`Step`)."""
    from quorate.adapters.textextract import ExtractionError, extract

    step("read", 0, 1)
    try:
        extracted = extract(path)
    except ExtractionError as exc:
        return FileResult(file=str(path), ok=False, error=str(exc), dry_run=dry_run)
    step("parse", 0, len(extracted.pages))
    pack = parse_pages(extracted.pages, file=str(path), pdf=extracted.pdf)
    if not pack.documents:
        return FileResult(
            file=str(path), ok=False, error=f"{path}: no text found to import", dry_run=dry_run
        )
    return import_pack(
        pack, pages=extracted.pages, pdf=extracted.pdf, body=body, dry_run=dry_run, step=step
    )


def import_files(
    paths: Iterable[Path],
    *,
    body: str | None = None,
    dry_run: bool = False,
    progress: Callable[[FileResult], None] = lambda _: None,
    step: Callable[[Path, str, int, int], None] | None = None,
) -> ImportSummary:
    """Import each file in its own transaction; ``progress`` is called after each, and
    ``step`` (if given) with the file's path during it (see :data:`Step`)."""
    summary = ImportSummary(dry_run=dry_run)
    for path in paths:
        file = Path(path)
        on_step: Step = _no_step if step is None else partial(step, file)
        result = import_file(file, body=body, dry_run=dry_run, step=on_step)
        summary.files.append(result)
        progress(result)
    return summary
