"""Compile and publish packs: atomically, in the background, never changing a published one.

``request_pack`` queues a compilation (a new ``Pack`` row) and starts it after the
transaction commits: in a background thread by default (no broker needed), inline when
``QUORATE_PACKS_INLINE`` is set (tests, the CLI). ``run_compilation`` does the work,
updating progress; on failure the row is marked failed with the error and nothing is
published, so the previous version stays the live one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, close_old_connections, transaction
from django.db.models import Max, Q
from django.utils import timezone

from quorate.audit.services import record
from quorate.governance.models import Meeting
from quorate.governance.services import publish_agenda
from quorate.packs import builder
from quorate.packs.enums import PackStatus, PackVariant
from quorate.packs.models import Pack
from quorate.proceedings.models import MinutesApproval
from quorate.proceedings.services import publish_draft_minutes

log = logging.getLogger(__name__)


def live_pack(
    meeting: Meeting, *, variant: str = PackVariant.PUBLIC, supplement: int = 0
) -> Pack | None:
    """The latest published version: what the public downloads now."""
    return (
        Pack.objects.filter(
            meeting=meeting, variant=variant, supplement=supplement, status=PackStatus.PUBLISHED
        )
        .order_by("-version")
        .first()
    )


def to_follow_now_ready(meeting: Meeting, *, variant: str = PackVariant.PUBLIC) -> set[str]:
    """The content of the next supplement of this variant: items its published packs showed
    "To Follow", not yet carried by a supplement, whose papers have since arrived.

    This is the rule of :func:`quorate.core.pagemap.supplement_items` applied to the stored
    page ranges (re-gathering the pack would render every cover sheet): an exempt item is
    withheld, never "To Follow", in a public pack, so it only enters a members' supplement.
    """
    awaited: set[str] = set()
    covered: set[str] = set()
    for pack in Pack.objects.filter(meeting=meeting, variant=variant, status=PackStatus.PUBLISHED):
        for number, label in pack.page_ranges.items():
            if label == "To Follow":
                awaited.add(number)
            elif label and pack.supplement:
                covered.add(number)
    ready = meeting.items.filter(number__in=awaited - covered).filter(
        Q(documents__isnull=False) | Q(report__isnull=False)
    )
    if variant == PackVariant.PUBLIC:
        ready = ready.filter(exempt_paragraph__isnull=True)
    return set(ready.values_list("number", flat=True))


@transaction.atomic
def request_pack(
    meeting: Meeting,
    *,
    variant: str = PackVariant.PUBLIC,
    supplement: bool = False,
    reason: str = "",
    by: Any = None,
    actor: str = "",
    inline: bool | None = None,
) -> Pack:
    """Queue a compilation of the meeting's pack (a re-issue if one is published).

    A re-issue needs a reason. A supplement carries the items that were "To Follow" and
    now have papers; it is numbered after the previous supplements of the same variant.
    """
    if variant not in PackVariant.values:
        raise ValidationError({"variant": f"Unknown pack variant {variant!r}."})
    fail_stale_packs(meeting)  # a dead compilation must not look busy forever
    items: list[str] = []
    number = 0
    if supplement:
        items = sorted(to_follow_now_ready(meeting, variant=variant))
        if not items:
            raise ValidationError(
                "No 'To Follow' papers have arrived since the pack was published."
            )
        # Numbered per variant: a public "Supplementary pack 2" with no 1 would reveal
        # that a members-only late paper exists.
        number = (
            Pack.objects.filter(
                meeting=meeting, variant=variant, status=PackStatus.PUBLISHED
            ).aggregate(n=Max("supplement"))["n"]
            or 0
        ) + 1
    previous = Pack.objects.filter(meeting=meeting, variant=variant, supplement=number)
    version = (previous.aggregate(v=Max("version"))["v"] or 0) + 1
    if previous.filter(status=PackStatus.PUBLISHED).exists() and not reason.strip():
        raise ValidationError({"reason": "A re-issue of a published pack needs a reason."})
    pack = Pack.objects.create(
        meeting=meeting,
        variant=variant,
        supplement=number,
        version=version,
        reason=reason,
        items=items,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    record(
        pack,
        verb="request_pack",
        by=by,
        actor_label=actor,
        changes={"variant": variant, "supplement": number, "version": version},
        reason=reason,
    )
    run_inline = settings.QUORATE_PACKS_INLINE if inline is None else inline
    if run_inline:
        transaction.on_commit(lambda: run_compilation(pack.pk))
    else:
        transaction.on_commit(lambda: _start_thread(pack.pk))
    return pack


def release_draft_minutes(meeting: Meeting, *, by: Any, at: Any) -> None:
    """Record that a public pack published ``meeting``'s draft minutes (if not yet released)."""
    approval = MinutesApproval.objects.filter(meeting=meeting).first()
    if approval is None or approval.is_frozen or approval.draft_published_at is not None:
        return
    publish_draft_minutes(meeting, by=by, actor="pack compiler", at=at)


def _start_thread(pack_id: int) -> None:
    def work() -> None:
        try:
            run_compilation(pack_id)
        finally:
            close_old_connections()

    threading.Thread(target=work, name=f"pack-{pack_id}", daemon=True).start()


def _write_progress(pack_id: int, percent: int, message: str) -> None:
    Pack.objects.filter(pk=pack_id, status=PackStatus.COMPILING).update(
        progress=min(percent, 99), progress_message=message[:200], progress_at=timezone.now()
    )


def stale_after() -> dt.timedelta:
    """How long a compilation may go without reporting progress before it counts as dead
    (``QUORATE_PACK_STALE_MINUTES``, 15 by default)."""
    return dt.timedelta(minutes=settings.QUORATE_PACK_STALE_MINUTES)


def fail_stale_packs(meeting: Meeting | None = None) -> list[Pack]:
    """Mark failed the packs left queued or compiling by a worker that died (no progress
    for :func:`stale_after`), so the clerk can compile again. Returns the packs marked."""
    limit = stale_after()
    cutoff = timezone.now() - limit
    qs = Pack.objects.filter(status__in=[PackStatus.QUEUED, PackStatus.COMPILING]).filter(
        Q(progress_at__lt=cutoff) | Q(progress_at__isnull=True, created_at__lt=cutoff)
    )
    if meeting is not None:
        qs = qs.filter(meeting=meeting)
    minutes = int(limit.total_seconds() // 60)
    marked: list[Pack] = []
    for pack in qs:
        with transaction.atomic():
            error = (
                f"The compilation stopped: no progress for {minutes} minutes "
                f"(last: {pack.progress}% {pack.progress_message or 'queued'}). "
                "Nothing was published; compile the pack again."
            )
            done = Pack.objects.filter(
                pk=pack.pk, status=pack.status, progress_at=pack.progress_at
            ).update(status=PackStatus.FAILED, error=error, progress_message="Failed")
            if not done:  # it moved on meanwhile
                continue
            record(
                pack,
                verb="fail_stale_pack",
                actor_label="pack compiler",
                changes={"status": [pack.status, PackStatus.FAILED], "error": error},
            )
            pack.refresh_from_db()
            marked.append(pack)
    return marked


def _progress(pack_id: int, percent: int, message: str) -> None:
    """Report progress; a report that cannot be written (a busy database) is skipped.

    Progress is advisory: losing one update must not fail the compilation it describes."""
    try:
        with transaction.atomic():  # a savepoint if called inside a transaction
            _write_progress(pack_id, percent, message)
    except DatabaseError:
        log.warning("pack %s: progress %s%% not recorded", pack_id, percent, exc_info=True)


def run_compilation(pack_id: int) -> Pack:
    """Compile a queued pack and publish it, or mark it failed (publishing nothing)."""
    pack = Pack.objects.select_related("meeting__body").get(pk=pack_id)
    if pack.status != PackStatus.QUEUED:
        return pack
    claimed = Pack.objects.filter(pk=pack_id, status=PackStatus.QUEUED).update(
        status=PackStatus.COMPILING,
        progress=1,
        progress_message="Starting",
        progress_at=timezone.now(),
    )
    if not claimed:  # another worker took it first
        pack.refresh_from_db()
        return pack
    try:
        built = builder.build(
            pack.meeting,
            pack.variant,
            supplement=pack.supplement,
            only_items=set(pack.items) if pack.supplement else None,
            progress=lambda p, m: _progress(pack_id, p, m),
        )
        digest = hashlib.sha256(built.data).hexdigest()
        with transaction.atomic():
            pack = Pack.objects.select_for_update().get(pk=pack_id)
            if pack.status != PackStatus.COMPILING:  # given up as stale meanwhile
                log.warning("pack %s: %s before it finished; not published", pack_id, pack.status)
                return pack
            pack.file.save(pack.filename, ContentFile(built.data), save=False)
            pack.sha256 = digest
            pack.size = len(built.data)
            pack.page_count = built.page_count
            pack.page_ranges = built.page_ranges
            pack.status = PackStatus.PUBLISHED
            pack.progress = 100
            pack.progress_message = "Published"
            pack.published_at = timezone.now()
            pack.save()
            record(
                pack,
                verb="publish_pack",
                by=pack.created_by,
                actor_label="pack compiler",
                changes={"pages": pack.page_count, "sha256": digest},
            )
            if (
                pack.variant == PackVariant.PUBLIC
                and pack.supplement == 0
                and pack.meeting.published_at is None
            ):
                publish_agenda(
                    pack.meeting, by=pack.created_by, actor="pack compiler", at=pack.published_at
                )
            if pack.variant == PackVariant.PUBLIC:
                # What the public pack carries is public: draft minutes it printed are released.
                for earlier in built.minutes_of:
                    release_draft_minutes(earlier, by=pack.created_by, at=pack.published_at)
        return pack
    except Exception as exc:
        log.exception("compiling pack %s failed", pack_id)
        Pack.objects.filter(pk=pack_id, status=PackStatus.COMPILING).update(
            status=PackStatus.FAILED,
            error=f"{type(exc).__name__}: {exc}"[:2000],
            progress_message="Failed",
        )
        pack.refresh_from_db()
        return pack
