"""Demo: publish the Public Document Pack of each board's latest published agenda."""

from __future__ import annotations

import sys

from quorate.governance.enums import MeetingStatus
from quorate.governance.models import Body, Meeting
from quorate.packs import services
from quorate.packs.enums import PackStatus


def publish_demo_packs() -> None:
    """Idempotent: a meeting that already has a live public pack is left alone."""
    for body in Body.objects.all():
        meeting = (
            Meeting.objects.filter(body=body, status=MeetingStatus.AGENDA_PUBLISHED)
            .order_by("-date")
            .first()
        )
        if meeting is None or services.live_pack(meeting) is not None:
            continue
        pack = services.request_pack(meeting, actor="load-demo", inline=True)
        pack.refresh_from_db()
        if pack.status == PackStatus.PUBLISHED:
            print(f"  published the pack of {meeting}: {pack.page_count} pages", file=sys.stderr)
        else:
            print(f"  the pack of {meeting} failed: {pack.error}", file=sys.stderr)
