"""The Django admin cannot break the frozen-minutes guarantee: what a meeting recorded is
read-only there (for the demo Clerks and for superusers), so approvals cannot be deleted
nor revisions changed without the services and their audit."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from quorate.demo import loader
from quorate.proceedings import services as s
from quorate.proceedings.models import MinuteRevision, MinutesApproval
from tests import factories as f

pytestmark = pytest.mark.django_db

RECORDS = [
    "attendance",
    "declaration",
    "minute",
    "minuterevision",
    "minutesapproval",
    "resolution",
    "decision",
]


@pytest.fixture
def approved():
    meeting = f.meeting(date=dt.date(2018, 3, 8))
    later = f.meeting(body=meeting.body, date=dt.date(2018, 6, 11))
    minute = s.draft_minute(meeting, number="4", title="Recovery", text="As agreed.")
    s.add_resolution(minute, label="i", text="Proceed")
    approval = s.approve_minutes(meeting, at_meeting=later, approved_on=later.date)
    return meeting, minute, approval


@pytest.fixture
def demo_clerk(client):
    loader.ensure_demo_users()
    user = get_user_model().objects.get(username="clerk")
    client.force_login(user)
    return client, user


@pytest.fixture
def superuser_client(client):
    user = get_user_model().objects.create_superuser("root", password="pw-123456!")
    client.force_login(user)
    return client


def test_the_clerks_group_may_only_view_the_records_of_a_meeting(demo_clerk):
    _, user = demo_clerk
    for model in RECORDS:
        assert user.has_perm(f"proceedings.view_{model}"), model
        for verb in ("add", "change", "delete"):
            assert not user.has_perm(f"proceedings.{verb}_{model}"), (verb, model)
    # The rest of their work is unchanged.
    assert user.has_perm("proceedings.change_actionstatus")
    assert user.has_perm("governance.change_meeting")
    assert user.has_perm("people.change_interest")


def test_a_clerk_cannot_delete_an_approval_or_change_a_revision_in_the_admin(demo_clerk, approved):
    client, _ = demo_clerk
    _, minute, approval = approved
    revision = minute.current
    url = f"/admin/proceedings/minutesapproval/{approval.pk}/"
    assert client.get(url + "change/").status_code == 200  # they can see it
    assert client.get(url + "delete/").status_code == 403
    assert client.post(url + "delete/", {"post": "yes"}).status_code == 403
    changelist = client.post(
        "/admin/proceedings/minutesapproval/",
        {"action": "delete_selected", "_selected_action": [approval.pk], "post": "yes"},
    )
    assert changelist.status_code in (200, 302)
    rev_url = f"/admin/proceedings/minuterevision/{revision.pk}/change/"
    assert client.post(rev_url, {"text": "Quietly changed", "number": 1}).status_code == 403
    minute_url = f"/admin/proceedings/minute/{minute.pk}/change/"
    assert client.post(minute_url, {"title": "Renamed"}).status_code == 403
    assert client.get(f"/admin/proceedings/minute/{minute.pk}/delete/").status_code == 403
    assert MinutesApproval.objects.get(pk=approval.pk).is_frozen
    assert MinuteRevision.objects.get(pk=revision.pk).text == "As agreed."
    minute.refresh_from_db()
    assert minute.title == "Recovery"


def test_not_even_a_superuser_can_delete_an_approval_or_change_a_revision(
    superuser_client, approved
):
    client = superuser_client
    meeting, minute, approval = approved
    revision = minute.current
    url = f"/admin/proceedings/minutesapproval/{approval.pk}/"
    assert client.get(url + "change/").status_code == 200
    assert client.post(url + "delete/", {"post": "yes"}).status_code == 403
    assert client.post(url + "change/", {"state": "draft"}).status_code == 403
    assert client.get("/admin/proceedings/minutesapproval/add/").status_code == 403
    rev_url = f"/admin/proceedings/minuterevision/{revision.pk}/"
    assert client.post(rev_url + "change/", {"text": "Changed"}).status_code == 403
    assert client.post(rev_url + "delete/", {"post": "yes"}).status_code == 403
    for model in ("attendance", "declaration", "resolution", "decision"):
        assert client.get(f"/admin/proceedings/{model}/add/").status_code == 403, model
    # A meeting whose minutes are approved cannot be deleted (nor edited) in the admin.
    meeting_url = f"/admin/governance/meeting/{meeting.pk}/"
    assert client.post(meeting_url + "delete/", {"post": "yes"}).status_code == 403
    assert client.post(meeting_url + "change/", {"date": "2019-01-01"}).status_code == 403
    assert MinutesApproval.objects.get(pk=approval.pk).is_frozen
    assert MinuteRevision.objects.get(pk=revision.pk).text == "As agreed."
    meeting.refresh_from_db()
    assert meeting.date == dt.date(2018, 3, 8)
