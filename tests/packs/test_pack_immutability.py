"""A published pack never changes: every field is frozen, through save() and bulk updates."""

import datetime as dt

import pytest

from quorate.packs import services
from quorate.packs.enums import PackStatus
from quorate.packs.models import Pack, PublishedPackChanged

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def published(pack_meeting):
    pack = services.request_pack(pack_meeting["meeting"], inline=True)
    pack.refresh_from_db()
    assert pack.status == PackStatus.PUBLISHED
    return pack


CHANGES = {
    "published_at": lambda p: p.published_at + dt.timedelta(days=1),
    "page_ranges": lambda p: {**p.page_ranges, "2": "Pages 1 - 99"},
    "page_count": lambda p: p.page_count + 1,
    "size": lambda p: p.size + 1,
    "reason": lambda p: "Rewritten history",
    "items": lambda p: ["9"],
    "version": lambda p: p.version + 5,
    "supplement": lambda p: 3,
    "variant": lambda p: "members",
    "progress": lambda p: 50,
    "progress_message": lambda p: "Again",
    "error": lambda p: "oops",
    "sha256": lambda p: "0" * 64,
    "file": lambda p: "packs/other.pdf",
    "status": lambda p: PackStatus.FAILED,
}


@pytest.mark.parametrize("field", sorted(CHANGES))
def test_no_field_of_a_published_pack_can_be_saved_changed(published, field):
    setattr(published, field, CHANGES[field](published))
    with pytest.raises(PublishedPackChanged, match=f"never changes.*{field}"):
        published.save()
    fresh = Pack.objects.get(pk=published.pk)
    assert fresh.status == PackStatus.PUBLISHED and fresh.reason == ""


def test_saving_a_published_pack_unchanged_is_harmless(published):
    published.save()
    assert Pack.objects.get(pk=published.pk).sha256 == published.sha256


def test_bulk_update_of_a_published_pack_is_refused(published):
    with pytest.raises(PublishedPackChanged):
        Pack.objects.filter(pk=published.pk).update(page_count=1)
    with pytest.raises(PublishedPackChanged):
        Pack.objects.filter(meeting=published.meeting).update(reason="x")
    assert Pack.objects.get(pk=published.pk).page_count == published.page_count


def test_service_progress_and_failure_writes_skip_a_published_pack(published):
    services._write_progress(published.pk, 40, "late report")
    fresh = Pack.objects.get(pk=published.pk)
    assert (fresh.progress, fresh.progress_message) == (100, "Published")
    assert services.run_compilation(published.pk).status == PackStatus.PUBLISHED
