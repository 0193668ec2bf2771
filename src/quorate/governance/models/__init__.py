"""Bodies, meetings and their papers."""

from quorate.governance.models.bodies import Body, Membership, TermsOfReference
from quorate.governance.models.documents import Document, DocumentVersion
from quorate.governance.models.meetings import AgendaItem, Meeting
from quorate.governance.models.reports import BackgroundPaper, Report, ReportRevision

__all__ = [
    "AgendaItem",
    "BackgroundPaper",
    "Body",
    "Document",
    "DocumentVersion",
    "Meeting",
    "Membership",
    "Report",
    "ReportRevision",
    "TermsOfReference",
]
