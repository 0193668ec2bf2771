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
