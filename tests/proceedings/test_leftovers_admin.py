"""The action tracker is read-only in the Django admin, for the demo Clerks and for
superusers: actions and their progress entries change only through the back-office tracker,
whose services write an audit row for each change."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from quorate.audit.models import AuditEvent
from quorate.demo import loader
from quorate.proceedings import tracker
from quorate.proceedings.models import Action, ActionUpdate
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def action():
    meeting = f.meeting(date=dt.date(2018, 3, 8))
    raised = tracker.raise_action(meeting, text="Report back on waiting times", status="Ongoing")
    tracker.update_action(raised, on=dt.date(2018, 4, 1), status="Ongoing", note="On track")
    return raised


def _cannot_touch(client, action):
    update = action.updates.get()
    events = AuditEvent.objects.count()
    url = f"/admin/proceedings/action/{action.pk}/"
    assert client.get(url + "change/").status_code == 200  # they can still see it
    assert client.get("/admin/proceedings/action/add/").status_code == 403
    assert client.post("/admin/proceedings/action/add/", {"text": "New"}).status_code == 403
    assert client.get(url + "delete/").status_code == 403
    assert client.post(url + "delete/", {"post": "yes"}).status_code == 403
    changed = client.post(
        url + "change/",
        {
            "text": "Quietly reworded",
            "subject": "",
            "updates-TOTAL_FORMS": "1",
            "updates-INITIAL_FORMS": "1",
            "updates-0-id": str(update.pk),
            "updates-0-action": str(action.pk),
            "updates-0-note": "Quietly changed",
            "updates-0-DELETE": "on",
        },
    )
    assert changed.status_code == 403
    bulk = client.post(
        "/admin/proceedings/action/",
        {"action": "delete_selected", "_selected_action": [action.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302)
    action.refresh_from_db()
    assert action.text == "Report back on waiting times"
    assert ActionUpdate.objects.get(pk=update.pk).note == "On track"
    assert Action.objects.filter(pk=action.pk).exists()
    assert AuditEvent.objects.count() == events


def test_the_demo_clerks_may_only_view_actions_and_their_progress(client, action):
    loader.ensure_demo_users()
    user = get_user_model().objects.get(username="clerk")
    for model in ("action", "actionupdate"):
        assert user.has_perm(f"proceedings.view_{model}"), model
        for verb in ("add", "change", "delete"):
            assert not user.has_perm(f"proceedings.{verb}_{model}"), (verb, model)
    # The status vocabulary and the rest of their work are unchanged.
    assert user.has_perm("proceedings.change_actionstatus")
    assert user.has_perm("governance.change_meeting")
    client.force_login(user)
    _cannot_touch(client, action)


def test_not_even_a_superuser_can_change_or_delete_an_action_in_the_admin(client, action):
    user = get_user_model().objects.create_superuser("root", password="pw-123456!")
    client.force_login(user)
    _cannot_touch(client, action)
    page = client.get(f"/admin/proceedings/action/{action.pk}/change/")
    assert b"On track" in page.content  # the progress log is shown, read-only
