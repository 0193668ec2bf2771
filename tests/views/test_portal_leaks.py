"""Exempt (Part 2) information never reaches the public through any portal page."""

import pytest

from tests.leaks import assert_no_markers, crawl, plant_exempt_data, read_body

pytestmark = pytest.mark.django_db


def test_public_crawl_of_every_page_shows_no_exempt_marker(client):
    planted = plant_exempt_data()
    pages = crawl(client)
    assert "/meetings/leak-test-meeting/" in pages  # the crawl did reach the meeting
    assert "/meetings/leak-test-private/" in pages
    assert b"Contract award (exempt)" in pages["/meetings/leak-test-meeting/"]
    assert b"paragraph 3" in pages["/meetings/leak-test-meeting/"]
    assert_no_markers(pages, planted.markers)


def test_direct_urls_to_exempt_papers_are_not_found_for_the_public(client):
    planted = plant_exempt_data()
    for doc in (planted.exempt_document, planted.exempt_appendix_of_public_item):
        assert client.get(f"/documents/{doc.pk}/").status_code == 404
    item = client.get(f"/meetings/{planted.meeting.slug}/items/{planted.exempt_item.order}/")
    assert item.status_code == 200
    assert_no_markers({"item": item.content}, planted.markers)
    by_id = client.get(f"/meetings/{planted.meeting.pk}/")
    assert_no_markers({"by id": by_id.content}, planted.markers)


def test_signed_in_non_member_sees_no_exempt_marker(client, django_user_model):
    planted = plant_exempt_data()
    client.force_login(django_user_model.objects.create_user("outsider"))
    assert_no_markers(crawl(client), planted.markers)


def test_member_of_the_body_sees_the_exempt_papers(client, django_user_model):
    planted = plant_exempt_data()
    from tests import factories as f

    user = django_user_model.objects.create_user("member-x")
    f.membership(body=planted.body, person=f.person(user=user))
    client.force_login(user)
    page = client.get(f"/meetings/{planted.meeting.slug}/").content.decode()
    assert planted.exempt_item.description in page
    download = client.get(f"/documents/{planted.exempt_document.pk}/")
    assert download.status_code == 200
    assert read_body(download).startswith(b"LEAK-exempt-file-body")


def test_staff_see_the_exempt_papers(clerk_client):
    planted = plant_exempt_data()
    page = clerk_client.get(f"/meetings/{planted.meeting.slug}/items/2/").content.decode()
    assert planted.exempt_item.report.brief_summary in page


# --- actions raised on an exempt item, its agenda number spelt every which way -----------

EXEMPT_ITEM_SPELLINGS = (
    "2",
    "Item 2",
    "item 2",
    "ITEM 2",
    "02",
    "002",
    "2.",
    " 2 ",
    "Agenda item 2",
    "Agenda Item 02.",
    "Item: 2",
    "(2)",
    "Items 2",
    "2\t",
)
OPEN_SPELLINGS = ("2a", "Item 2a", "12", "20", "1", "3", "Item 3.")


def _plant_actions_by_number():
    """Actions raised without a minute at the leak-test meeting, for exempt item 2 in each
    spelling (each with markers in every text field) and for public items (with visible
    tokens), led by a person with a public page; a later meeting has a tracker item."""
    import datetime as dt

    from quorate.proceedings import tracker
    from tests import factories as f
    from tests.leaks import marker

    planted = plant_exempt_data()
    lead = f.person(given_name="Lee", family_name="Leader", slug="lee-leader")
    f.membership(body=planted.body, person=lead)
    later = f.meeting(body=planted.body, slug="leak-test-later-tracker", date=dt.date(2030, 1, 1))
    f.agenda_item(meeting=later, order=1, number="1", title="Minutes and action tracker")
    markers = list(planted.markers)
    for spelling in EXEMPT_ITEM_SPELLINGS:
        texts = {k: marker(f"action-{k}") for k in ("text", "subject", "lead")}
        markers += texts.values()
        tracker.raise_action(
            planted.meeting,
            text=texts["text"],
            subject=texts["subject"],
            lead_text=texts["lead"],
            leads=[lead],
            agenda_number=spelling,
        )
    visible = []
    for n, spelling in enumerate(OPEN_SPELLINGS):
        token = f"OPEN-ACTION-{n}-VISIBLE"
        visible.append(token)
        tracker.raise_action(
            planted.meeting, text=token, lead_text="SR", leads=[lead], agenda_number=spelling
        )
    return planted, markers, visible


def test_actions_on_an_exempt_item_by_any_spelling_of_its_number_stay_private(client):
    planted, markers, visible = _plant_actions_by_number()
    urls = [
        "/boards/leak-test-board/actions/",
        "/boards/leak-test-board/",
        "/meetings/leak-test-meeting/",
        f"/meetings/{planted.meeting.pk}/",
        "/meetings/leak-test-later-tracker/",
        "/people/lee-leader/",
    ]
    pages = {u: client.get(u).content for u in urls}
    assert_no_markers(pages, markers)
    tracker_page = pages["/boards/leak-test-board/actions/"].decode()
    live = pages["/meetings/leak-test-later-tracker/"].decode()
    for token in visible:  # sub-numbers and other items are not swept up with item 2
        assert token in tracker_page and token in live
    assert_no_markers(crawl(client), markers)


def test_actions_by_spelt_number_are_left_out_of_the_public_printed_tracker():
    import datetime as dt

    from quorate.governance import visibility
    from quorate.packs import printed

    planted, markers, visible = _plant_actions_by_number()
    texts = {
        a.text
        for a in printed.tracker_actions(
            planted.body, as_at=dt.date(2030, 1, 1), viewer=visibility.PUBLIC
        )
    }
    assert not texts & set(markers)
    assert set(visible) <= texts


def test_members_and_staff_still_see_actions_by_spelt_number(client, django_user_model):
    from tests import factories as f

    planted, markers, _ = _plant_actions_by_number()
    user = django_user_model.objects.create_user("member-z")
    f.membership(body=planted.body, person=f.person(user=user))
    client.force_login(user)
    page = client.get("/boards/leak-test-board/actions/").content.decode()
    assert sum(mk in page for mk in markers) == 3 * len(EXEMPT_ITEM_SPELLINGS)
