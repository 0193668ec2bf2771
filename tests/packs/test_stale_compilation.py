"""A pack left queued or compiling by a dead worker is marked failed after a quiet spell,
on reading the back office or on a new request, so the clerk can compile again."""

import datetime as dt

import pytest
from django.utils import timezone

from quorate.audit.models import AuditEvent
from quorate.packs import services
from quorate.packs.enums import PackStatus
from quorate.packs.models import Pack

pytestmark = pytest.mark.django_db(transaction=True)


def _dead(meeting, *, minutes_ago: int, status=PackStatus.COMPILING) -> Pack:
    """A pack whose worker thread died: it never starts, so nothing updates it."""
    pack = services.request_pack(meeting, inline=False)
    Pack.objects.filter(pk=pack.pk).update(
        status=status,
        progress=35,
        progress_message="Preparing item 2",
        progress_at=timezone.now() - dt.timedelta(minutes=minutes_ago),
    )
    return pack


@pytest.fixture(autouse=True)
def no_threads(monkeypatch):
    monkeypatch.setattr(services, "_start_thread", lambda pack_id: None)


def test_backoffice_page_shows_a_long_silent_compilation_as_failed(clerk_client, pack_meeting):
    meeting = pack_meeting["meeting"]
    pack = _dead(meeting, minutes_ago=20)
    page = clerk_client.get(f"/office/meetings/{meeting.slug}/packs/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "no progress for 15 minutes" in text and "Refresh to see progress" not in text
    pack.refresh_from_db()
    assert pack.status == PackStatus.FAILED and "compile the pack again" in pack.error
    assert AuditEvent.objects.filter(verb="fail_stale_pack", object_id=str(pack.pk)).exists()
    status = clerk_client.get(f"/office/packs/{pack.pk}/status.json").json()
    assert status["status"] == "failed"


def test_status_poll_marks_a_dead_compilation_failed(clerk_client, pack_meeting):
    pack = _dead(pack_meeting["meeting"], minutes_ago=60, status=PackStatus.QUEUED)
    status = clerk_client.get(f"/office/packs/{pack.pk}/status.json").json()
    assert status["status"] == "failed" and "no progress" in status["error"]


def test_a_recent_compilation_is_left_alone(clerk_client, pack_meeting, settings):
    settings.QUORATE_PACK_STALE_MINUTES = 30
    pack = _dead(pack_meeting["meeting"], minutes_ago=20)
    clerk_client.get(f"/office/meetings/{pack_meeting['meeting'].slug}/packs/")
    pack.refresh_from_db()
    assert pack.status == PackStatus.COMPILING


def test_a_new_request_fails_the_dead_one_and_compiles(pack_meeting):
    meeting = pack_meeting["meeting"]
    dead = _dead(meeting, minutes_ago=20)
    fresh = services.request_pack(meeting, inline=True)
    dead.refresh_from_db()
    fresh.refresh_from_db()
    assert dead.status == PackStatus.FAILED
    assert fresh.status == PackStatus.PUBLISHED and fresh.version == dead.version + 1
    assert services.live_pack(meeting) == fresh


def test_a_worker_given_up_as_stale_does_not_publish_when_it_finishes(pack_meeting, monkeypatch):
    from quorate.packs import builder

    meeting = pack_meeting["meeting"]
    pack = services.request_pack(meeting, inline=False)
    real_build = builder.build

    def slow_build(*args, **kwargs):
        built = real_build(*args, **kwargs)
        # meanwhile, the back office gave up on it
        Pack.objects.filter(pk=pack.pk).update(progress_at=timezone.now() - dt.timedelta(hours=1))
        assert services.fail_stale_packs(meeting)
        return built

    monkeypatch.setattr(builder, "build", slow_build)
    result = services.run_compilation(pack.pk)
    assert result.status == PackStatus.FAILED
    assert services.live_pack(meeting) is None
