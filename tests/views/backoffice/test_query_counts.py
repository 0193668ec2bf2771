"""Back-office list pages make the same number of queries however much they list."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quorate.people import services as people_services
from quorate.proceedings import tracker
from tests import factories as f

pytestmark = pytest.mark.django_db


def _fill(body, person, n, start):
    for k in range(n):
        meeting = f.meeting(body=body, date=start + dt.timedelta(days=40 * k))
        f.agenda_item(meeting=meeting)
        action = tracker.raise_action(
            meeting, text=f"Action {start} {k}", leads=[person, f.person()], deadline_text="Apr-18"
        )
        tracker.update_action(action, on=meeting.date, status="Ongoing")
        people_services.register_interest(
            person, category="other", description=f"Trustee {k}", registered_on=meeting.date
        )
        f.membership(body=body, person=f.person())


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    return len(ctx)


@pytest.mark.parametrize(
    "url",
    [
        "/office/",
        "/office/bodies/{slug}/",
        "/office/bodies/{slug}/actions/?show=all",
        "/office/people/{person}/actions/",
        "/office/people/",
        "/office/people/{person}/interests/",
    ],
)
def test_list_page_query_count_does_not_grow_with_rows(clerk_client, url):
    body = f.body(slug="counted")
    person = f.person(slug="lead")
    page = url.format(slug=body.slug, person=person.slug)
    _fill(body, person, 2, dt.date(2018, 1, 1))
    few = _queries(clerk_client, page)
    _fill(body, person, 6, dt.date(2019, 1, 1))
    assert _queries(clerk_client, page) == few
