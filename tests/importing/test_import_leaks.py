"""Exempt information that arrives through import never reaches the public portal: a report
whose statement of confidentiality withholds it, and minutes taken after the press and
public were excluded (still withheld once a later meeting approves them)."""

from __future__ import annotations

import pytest
from django.test import Client

from quorate.audit.models import AuditEvent
from quorate.governance.models import AgendaItem, Meeting
from quorate.importing.service import import_pack_text
from quorate.proceedings.models import Minute, MinutesApproval
from tests.leaks import assert_no_markers, crawl, marker

pytestmark = pytest.mark.django_db

PACK = """Public Document Pack

Leakcheck Open Board

Thursday, 14th March, 2024 at 9.30 am

Civic Centre

This meeting is open to the public

AGENDA

9 HIGHTOWN CARE HOME DISPOSAL (Pages 1 - 4)

Wednesday, 6 March 2024

Director of Legal and Governance

Agenda Item 9

DECISION-MAKER:\tLeakcheck Open Board
SUBJECT:\tHightown Care Home Disposal
DATE OF DECISION:\t14 March 2024
REPORT OF:\tDIRECTOR OF PLACE

STATEMENT OF CONFIDENTIALITY

{statement}

BRIEF SUMMARY

{marker} Acme Care Ltd has offered 4.2 million; Bravo offered 3.9 million.

RECOMMENDATIONS:

(i) To accept the {marker} bid from Acme Care Ltd.

KEY DECISION?\tYes
"""

CONFIDENTIAL = (
    "This report is not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A\n"
    "of the Local Government Act 1972, as it contains commercially sensitive information."
)

EXEMPT_MINUTES = """SHADOW LEAKCHECK BOARD MINUTES OF THE MEETING HELD ON 27 MARCH 2019

Present: Councillors Alpha, Beta and Dr S Gamma

1. APOLOGIES

None.

2. EXCLUSION OF THE PRESS AND PUBLIC

RESOLVED that, in accordance with paragraph 3 of Schedule 12A of the Local Government Act \
1972, the press and public be excluded from the meeting for the following item.

3. CONFIDENTIAL - CONTRACT AWARD FOR HOME CARE

{marker} The Board considered the confidential report on the tender prices of 3 bidders.

RESOLVED that the contract be awarded to {marker}.
"""

LATER_MINUTES = """SHADOW LEAKCHECK BOARD MINUTES OF THE MEETING HELD ON 29 MAY 2019

Present: Councillors Alpha, Beta and Dr S Gamma

1. APOLOGIES

None.

2. MINUTES OF THE PREVIOUS MEETING (INCLUDING MATTERS ARISING)

RESOLVED that the Minutes of the meeting held on 27th March 2019 be approved and signed as \
a correct record.
"""


def _import(text: str, name: str):
    result = import_pack_text(text, file=name)
    assert result.ok, result.error
    return result


def _seen_by_staff(clerk_client: Client, value: str) -> bool:
    return any(value.encode() in body for body in crawl(clerk_client).values())


def test_confidential_report_cover_is_stored_exempt_and_withheld_from_the_public(
    client, clerk_client
):
    secret = marker("cover")
    result = _import(PACK.format(statement=CONFIDENTIAL, marker=secret), "conf_pack.txt")
    item = AgendaItem.objects.get(number="9")
    assert item.exempt_paragraph == 3
    assert item.report.brief_summary.startswith(secret)
    assert any("stored as exempt (paragraph 3" in w.message for w in result.warnings)
    anonymous = Client()
    pages = crawl(anonymous)
    meeting = item.meeting
    assert f"/meetings/{meeting.slug}/" in pages  # the crawl reached the meeting
    assert b"HIGHTOWN CARE HOME DISPOSAL" in pages[f"/meetings/{meeting.slug}/"].upper()
    for url in (f"/meetings/{meeting.slug}/items/{item.order}/", f"/meetings/{meeting.pk}/"):
        pages[url] = anonymous.get(url).content
    assert_no_markers(pages, [secret])
    assert _seen_by_staff(clerk_client, secret)


@pytest.mark.parametrize(
    "statement",
    [
        "N/a",
        "None",
        "This report is for publication.",
        "This report contains no exempt information.",
    ],
)
def test_report_that_is_for_publication_is_not_withheld(client, statement):
    secret = marker("open")
    _import(PACK.format(statement=statement, marker=secret), "open_pack.txt")
    item = AgendaItem.objects.get(number="9")
    assert item.exempt_paragraph is None
    page = client.get(f"/meetings/{item.meeting.slug}/items/{item.order}/").content
    assert secret.encode() in page


def test_report_withheld_without_a_paragraph_refuses_the_file():
    secret = marker("noparagraph")
    statement = "This report is confidential and not for publication."
    result = import_pack_text(PACK.format(statement=statement, marker=secret), file="np.txt")
    assert not result.ok
    assert "np.txt" in result.error and "cites no paragraph of Schedule 12A" in result.error
    assert not Meeting.objects.exists() and AuditEvent.objects.count() == 0


def test_reimporting_the_agenda_keeps_the_item_exempt_and_writes_nothing():
    text = PACK.format(statement=CONFIDENTIAL, marker=marker("again"))
    _import(text, "conf_pack.txt")
    before = AuditEvent.objects.count()
    again = _import(text, "conf_pack.txt")
    assert AuditEvent.objects.count() == before
    assert again.total("updated") == 0
    assert AgendaItem.objects.get(number="9").exempt_paragraph == 3


def test_minutes_after_an_exclusion_stay_withheld_after_approval(client, clerk_client):
    secret = marker("minute")
    _import(EXEMPT_MINUTES.format(marker=secret), "exempt_item.txt")
    _import(LATER_MINUTES, "later.txt")
    minute = Minute.objects.get(number="3", meeting__date__year=2019, meeting__date__month=3)
    assert minute.agenda_item is not None and minute.agenda_item.exempt_paragraph == 3
    assert (
        Minute.objects.get(number="2", meeting=minute.meeting).agenda_item.exempt_paragraph is None
    )
    approval = MinutesApproval.objects.get(meeting=minute.meeting)
    assert approval.state == "approved"  # the later meeting approved them
    anonymous = Client()
    pages = crawl(anonymous)
    meeting = minute.meeting
    assert f"/meetings/{meeting.slug}/" in pages
    assert_no_markers(pages, [secret])
    assert _seen_by_staff(clerk_client, secret)
