from django import template

from quorate.governance.visibility import viewer_for
from quorate.packs import printed
from quorate.packs.queries import packs_of

register = template.Library()


@register.inclusion_tag("portal/_packs.html", takes_context=True)
def meeting_packs(context, meeting):
    request = context.get("request")
    viewer = viewer_for(request.user if request else None)
    packs = packs_of(viewer, meeting)
    live = set()
    seen = set()
    for pack in packs:
        key = (pack.variant, pack.supplement)
        if key not in seen:
            seen.add(key)
            live.add(pack.pk)
    minutes = printed.has_minutes(meeting, viewer)
    return {"meeting": meeting, "packs": packs, "live": live, "minutes": minutes}
