"""Which packs a viewer may download. Uses the visibility door's rules."""

from __future__ import annotations

from django.db.models import QuerySet

from quorate.governance.models import Meeting
from quorate.governance.visibility import Viewer
from quorate.packs.enums import PackStatus, PackVariant
from quorate.packs.models import Pack


def visible_packs(viewer: Viewer) -> QuerySet[Pack]:
    """Published packs: public ones for everyone; members' packs only for staff and for
    members of the body."""
    qs = Pack.objects.filter(status=PackStatus.PUBLISHED).select_related("meeting__body")
    if viewer.is_staff:
        return qs
    return qs.filter(variant=PackVariant.PUBLIC) | qs.filter(
        variant=PackVariant.MEMBERS, meeting__body_id__in=viewer.member_of
    )


def packs_of(viewer: Viewer, meeting: Meeting) -> list[Pack]:
    """Every published version of every pack of the meeting the viewer may see, live first."""
    return list(
        visible_packs(viewer).filter(meeting=meeting).order_by("supplement", "variant", "-version")
    )
