"""Every back-office page renders for staff on the demo data."""

import pytest

from quorate.demo import loader
from quorate.governance.models import Body, Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    loader.load(loader.default_data())
    from tests import factories as f

    for body in Body.objects.all():
        meeting = f.meeting(body=body)
        f.agenda_item(meeting=meeting, title="Minutes of the previous meeting / action tracker")


def test_every_office_page_renders_for_staff(clerk_client, demo):
    urls = ["/office/", "/office/actions/mine/", "/office/people/"]
    for body in Body.objects.all():
        urls += [
            f"/office/bodies/{body.slug}/",
            f"/office/bodies/{body.slug}/actions/",
            f"/office/bodies/{body.slug}/meetings/new/",
            f"/office/bodies/{body.slug}/actions.xlsx",
        ]
    for m in Meeting.objects.all():
        for page in (
            "",
            "edit/",
            "agenda/",
            "attendance/",
            "declarations/",
            "minutes/",
            "decisions/",
            "actions/",
        ):
            urls.append(f"/office/meetings/{m.pk}/{page}")
    for url in urls:
        response = clerk_client.get(url)
        assert response.status_code == 200, url
