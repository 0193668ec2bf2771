import datetime as dt

import pytest

from quorate.governance.models import Report
from quorate.governance.papers import attach_paper
from tests import factories as f
from tests.adapters.pdf_factories import make_simple_pdf
from tests.leaks import marker


@pytest.fixture
def pack_meeting(db):
    """A meeting with papers: a public report with two appendices, an exempt item with a
    marked paper, a 'To Follow' item and an item with no papers."""
    body = f.body(name="Pack Test Board", slug="pack-test-board")
    meeting = f.meeting(
        body=body,
        slug="pack-test",
        date=dt.date(2024, 1, 25),
        venue="Conference Room 3 - Civic Centre",
        notes="PLEASE NOTE TIME OF MEETING",
        publication_signatory="Director of Legal and Governance",
    )
    f.agenda_item(
        meeting=meeting,
        order=1,
        number="1",
        title="WELCOME AND APOLOGIES",
        lead_text="Chair",
        for_information=True,
    )
    report_item = f.agenda_item(
        meeting=meeting,
        order=2,
        number="2",
        title="PROJECT FUSION UPDATE",
        description="Report outlining progress.",
        for_information=True,
    )
    Report.objects.create(
        agenda_item=report_item,
        subject="Project Fusion Update",
        brief_summary="A summary.",
        recommendations=["To note the report."],
    )
    attach_paper(
        report_item,
        title="Appendix 1 - Our Plan",
        filename="plan.pdf",
        data=make_simple_pdf(3, marker="OUR-PLAN"),
    )
    attach_paper(
        report_item,
        title="Appendix 2 - Clinical Strategy",
        filename="strategy.pdf",
        data=make_simple_pdf(2, marker="CLINICAL"),
    )
    secret = marker("exempt-paper")
    exempt_item = f.agenda_item(
        meeting=meeting,
        order=3,
        number="3",
        title="CONTRACT AWARD",
        exempt_paragraph=3,
        description=marker("exempt-description"),
    )
    Report.objects.create(agenda_item=exempt_item, subject=marker("exempt-report"))
    attach_paper(
        exempt_item,
        title="Tender evaluation",
        filename="tender.pdf",
        data=make_simple_pdf(2, marker=secret),
    )
    follow = f.agenda_item(
        meeting=meeting,
        order=4,
        number="4",
        title="DRAFT DENTISTRY STRATEGY",
        attachment="to_follow",
    )
    return {
        "meeting": meeting,
        "secret": secret,
        "exempt_item": exempt_item,
        "follow": follow,
        "report_item": report_item,
    }
