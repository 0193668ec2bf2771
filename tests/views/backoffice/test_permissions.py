"""The back office is for staff: anonymous users are sent to sign in, others refused;
every form needs its CSRF token."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests import factories as f

pytestmark = pytest.mark.django_db


def _office_urls():
    meeting = f.meeting()
    item = f.agenda_item(meeting=meeting)
    from quorate.proceedings import services as s
    from quorate.proceedings import tracker

    minute = s.draft_minute(meeting, number="1", title="t", text="x")
    action = tracker.raise_action(meeting, text="do it")
    person = f.person()
    from quorate.people.services import register_interest

    interest = register_interest(
        person, category="other", description="d", registered_on=meeting.date
    )
    args = {
        "slug": meeting.body.slug,
        "pk": meeting.pk,
        "item_pk": item.pk,
        "row_pk": 1,
    }
    resolver = get_resolver().url_patterns
    office = next(p for p in resolver if isinstance(p, URLResolver) and p.app_name == "office")
    urls = []
    for pattern in office.url_patterns:
        assert isinstance(pattern, URLPattern)
        route = "/office/" + str(pattern.pattern)
        values = dict(args)
        name = pattern.name
        if name.startswith("minute") or name == "resolution":
            values["pk"] = minute.pk
        if name == "action":
            values["pk"] = action.pk
        if name == "interest_end":
            values["pk"] = interest.pk
        if name in {"person_actions", "interests"}:
            values["slug"] = person.slug
        for key, value in values.items():
            route = route.replace(f"<int:{key}>", str(value)).replace(f"<slug:{key}>", str(value))
        urls.append(route)
    return urls


def test_anonymous_users_are_redirected_to_sign_in_for_every_office_page(client):
    urls = _office_urls()
    assert len(urls) > 25
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith("/accounts/login/?next="), url


def test_signed_in_non_staff_get_403_and_nothing_changes(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("member", password="x"))
    from quorate.audit.models import AuditEvent

    urls = _office_urls()
    before = AuditEvent.objects.count()
    for url in urls:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"direction": "up", "text": "x"}).status_code == 403, url
    assert AuditEvent.objects.count() == before


def test_posts_without_a_csrf_token_are_refused(clerk):
    client = Client(enforce_csrf_checks=True)
    client.force_login(clerk)
    meeting = f.meeting()
    response = client.post(f"/office/meetings/{meeting.pk}/publish/")
    assert response.status_code == 403
    meeting.refresh_from_db()
    assert meeting.published_at is None
    page = client.get(f"/office/meetings/{meeting.pk}/").content.decode()
    assert "csrfmiddlewaretoken" in page


def test_staff_see_the_back_office_link_and_the_public_do_not(clerk_client):
    assert 'href="/office/"' not in Client().get("/").content.decode()
    assert 'href="/office/"' in clerk_client.get("/").content.decode()
