"""Template helpers for showing quorum results beside a Quorate / Not quorate tag."""

import re

from django import template

register = template.Library()

_VERDICT = re.compile(r"^(?:not\s+)?quorate:\s*", re.I)


@register.filter
def without_verdict(reasons):
    """The reasons in words, without the leading "Quorate:" / "Not quorate:" that the tag
    beside them already says (so a screen reader does not hear it twice)."""
    return " ".join(_VERDICT.sub("", r, count=1) for r in reasons)
