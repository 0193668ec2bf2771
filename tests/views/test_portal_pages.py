"""Every portal page: its content, and a fixed number of database queries."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _get(client, url, queries, django_assert_num_queries):
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_home_lists_bodies_and_meetings(client, demo, django_assert_num_queries):
    page = _get(client, "/", 3, django_assert_num_queries)
    assert "Joint Commissioning Board" in page
    assert "Recent meetings" in page and "25 January 2024" in page


def test_body_page_shows_purpose_members_by_role_and_meetings_by_year(
    client, demo, django_assert_num_queries
):
    page = _get(client, "/boards/joint-commissioning-board/", 5, django_assert_num_queries)
    assert "commission health and social care in the City of Southampton" in page
    assert "Municipal year 2017/18" in page and "Municipal year 2018/19" in page
    assert "Dr Mark Kelsey" in page and "Southampton City Clinical Commissioning Group" in page
    assert "at least 4" not in page or "Quorum" in page
    assert "minimum of 2 from the City Council" in page


def test_body_page_groups_chair_first(client, demo, django_assert_num_queries):
    page = _get(client, "/boards/health-and-care-partnership-board/", 5, django_assert_num_queries)
    assert page.index(">Chair<") < page.index(">Member<") < page.index(">In attendance<")
    assert "Councillor Lorna Fielker" in page
    assert "Southampton Health and Wellbeing Board" in page  # the parent body


def test_meeting_page_shows_agenda_in_order_with_leads_pages_and_to_follow(
    client, demo, django_assert_num_queries
):
    page = _get(client, "/meetings/2024-01-25-hcpb/", 8, django_assert_num_queries)
    assert "PLEASE NOTE TIME OF MEETING" in page and "Conference Room 3 - Civic Centre" in page
    assert "9.30 a.m." in page or "9.30 am" in page
    order = [
        page.index(t)
        for t in ("WELCOME AND APOLOGIES", "PROJECT FUSION UPDATE", "DRAFT DENTISTRY STRATEGY")
    ]
    assert order == sorted(order)
    assert "(Pages 11 - 56)" in page and "To Follow" in page
    assert "Paula Anderson" in page and "Natalie Johnson" in page


def test_meeting_page_by_numeric_id_works(client, demo):
    from quorate.governance.models import Meeting

    m = Meeting.objects.get(slug="2024-01-25-hcpb")
    assert client.get(f"/meetings/{m.pk}/").status_code == 200
    assert client.get("/meetings/no-such-meeting/").status_code == 404


def test_meeting_list_and_people_list(client, demo, django_assert_num_queries):
    assert "Shadow Health and Wellbeing Board" in _get(
        client, "/meetings/", 1, django_assert_num_queries
    )
    assert "Dr Debbie Chase" in _get(client, "/people/", 1, django_assert_num_queries)


def test_person_page_shows_roles_and_items_led(client, demo, django_assert_num_queries):
    page = _get(client, "/people/donna-chapman/", 4, django_assert_num_queries)
    assert "Southampton Health and Care Partnership Board" in page and "In attendance" in page
    assert "BETTER CARE PERFORMANCE REPORT - QUARTER 4" in page


def test_accessibility_statement_is_linked_from_every_page_footer(client, demo):
    for url in (
        "/",
        "/boards/",
        "/meetings/",
        "/people/",
        "/people/debbie-chase/",
        "/boards/health-and-wellbeing-board/",
        "/meetings/2013-05-29-hwb/",
    ):
        assert 'href="/accessibility/"' in client.get(url).content.decode(), url
    assert "WCAG" in client.get("/accessibility/").content.decode()


def test_pages_send_a_strict_content_security_policy(client, demo):
    csp = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_every_public_page_is_reachable_from_home(client, demo):
    from tests.leaks import crawl

    pages = crawl(client)
    assert {"/boards/", "/meetings/", "/people/", "/accessibility/"} <= set(pages)
    from quorate.governance.models import Body, Meeting
    from quorate.people.models import Person

    for obj in [
        *Body.objects.all(),
        *Meeting.objects.all(),
        *Person.objects.filter(memberships__isnull=False),
    ]:
        assert obj.get_absolute_url() in pages, obj


def test_unknown_and_non_ascii_meeting_keys_are_not_found_not_errors(client, demo):
    for url in ("/meetings/%C2%B2/", "/meetings/%C2%B2/items/1/", "/meetings/%D9%A3/"):
        response = client.get(url)
        assert response.status_code == 404, url
        page = response.content.decode()
        assert "Page not found" in page and "Accessibility statement" in page  # house layout


def test_error_pages_keep_the_layout_and_the_accessibility_statement(rf, django_assert_num_queries):
    from django.views import defaults

    with django_assert_num_queries(0):  # the 500 page must not need the database
        response = defaults.server_error(rf.get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert 'href="/accessibility/"' in page and 'lang="en-GB"' in page
    assert "Sorry, there is a problem with the service" in page


def test_no_public_page_needs_inline_script_or_style(client, demo):
    """The CSP header forbids inline script and style; this checks the pages themselves obey
    it (the axe checks run with the CSP bypassed, so they would not notice)."""
    import re

    from tests.leaks import crawl

    pages = crawl(client, html_only=True)
    assert len(pages) > 20
    for url, body in pages.items():
        html = body.decode()
        inline_scripts = [m for m in re.findall(r"<script\b([^>]*)>", html) if "src=" not in m]
        assert not inline_scripts, f"{url}: inline <script>"
        assert "<style" not in html, f"{url}: <style> element"
        assert not re.search(r"\sstyle=", html), f"{url}: style attribute"
        assert not re.search(r"\son[a-z]+=", html), f"{url}: inline event handler"


def test_boards_list_and_item_page_show_their_content(client, demo, django_assert_num_queries):
    with django_assert_num_queries(1):
        boards = client.get("/boards/").content.decode()
    for name in ("Health and Care Partnership Board", "Joint Commissioning Board"):
        assert name in boards
    meeting = client.get("/meetings/2024-01-25-hcpb/").content.decode()
    item_url = next(
        u for u in re.findall(r'href="(/meetings/2024-01-25-hcpb/items/[^"]+)"', meeting)
    )
    item = client.get(item_url)
    assert item.status_code == 200 and "govuk-heading" in item.content.decode()
