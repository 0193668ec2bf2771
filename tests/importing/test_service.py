"""Idempotency, one transaction per file, dry runs, re-issued packs, unreadable input."""

import datetime as dt

import pytest

from quorate.audit.models import AuditEvent
from quorate.governance.models import Body, Meeting, Report
from quorate.importing.service import import_file, import_pack_text
from quorate.people.models import Person
from quorate.proceedings import services as proc
from tests.importing.helpers import HCPB, HWB, JCB, PORTSMOUTH, import_seed, seed_path, seed_text

pytestmark = pytest.mark.django_db


def _import_all():
    for name in (HCPB, JCB, HWB):
        import_seed(name)
    import_seed(PORTSMOUTH, body="Portsmouth Health and Wellbeing Board")


def test_second_import_writes_no_audit_rows_and_counts_everything_unchanged():
    _import_all()
    before = AuditEvent.objects.count()
    results = [import_seed(n) for n in (HCPB, JCB, HWB)]
    results.append(import_seed(PORTSMOUTH, body="Portsmouth Health and Wellbeing Board"))
    assert AuditEvent.objects.count() == before
    for result in results:
        assert result.total("created") == 0 and result.total("updated") == 0
        assert result.total("unchanged") > 0


def test_people_are_not_duplicated_across_the_four_seeds():
    _import_all()
    for family in ("Chapman", "Ramsey", "Letts", "Kelsey", "Mortimore", "Dymond"):
        names = sorted(p.name for p in Person.objects.filter(family_name=family))
        assert len(names) == len(set(names)), names
    assert Person.objects.filter(given_name="Donna", family_name="Chapman").count() == 1
    assert Person.objects.filter(family_name="Ramsey").count() == 1
    letts = Person.objects.get(family_name="Letts")
    assert (letts.display_name, letts.initials) == ("Councillor Simon Letts", "Cllr Letts")
    assert letts.actions.count() == 2  # the tracker's "Cllr Letts" rows


def test_failure_mid_file_stores_nothing_from_that_file_and_keeps_earlier_files(monkeypatch):
    import_seed(HCPB)
    before = AuditEvent.objects.count()
    people = Person.objects.count()

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(proc, "add_resolution", broken)
    result = import_pack_text(seed_text(HWB), file=HWB)
    assert not result.ok
    assert HWB in result.error and "disk on fire" in result.error
    assert "nothing from this file was stored" in result.error
    assert result.counts == {}
    assert AuditEvent.objects.count() == before
    assert Person.objects.count() == people
    assert not Meeting.objects.filter(date__year=2013).exists()
    assert Meeting.objects.filter(date=dt.date(2024, 1, 25)).exists()


def test_dry_run_reports_what_it_would_do_and_stores_nothing():
    result = import_pack_text(seed_text(JCB), file=JCB, dry_run=True)
    assert result.ok and result.dry_run
    assert result.counts["meetings"]["created"] == 5
    assert result.counts["actions"]["created"] == 12
    assert AuditEvent.objects.count() == 0
    assert not Body.objects.exists() and not Person.objects.exists()


def test_reissued_pack_updates_what_changed():
    import_seed(HCPB)
    text = seed_text(HCPB).replace("Conference Room 3 - Civic Centre", "Conference Room 4")
    result = import_pack_text(text, file="reissued.txt")
    assert result.ok
    assert result.counts["meetings"]["updated"] == 1
    assert result.total("created") == 0
    assert Meeting.objects.get(date=dt.date(2024, 1, 25)).venue == "Conference Room 4"


def test_body_named_without_its_place_is_read_by_the_place_the_papers_name():
    Body.objects.create(name="Southampton Health and Wellbeing Board", slug="s", kind="hwb")
    Body.objects.create(name="Portsmouth Health and Wellbeing Board", slug="p", kind="hwb")
    result = import_pack_text(seed_text(PORTSMOUTH), file=PORTSMOUTH)
    assert result.ok
    assert Report.objects.get().agenda_item.meeting.body.slug == "p"
    assert any("read as 'Portsmouth Health" in w.message for w in result.warnings)


def test_ambiguous_body_fails_the_file_and_asks_for_body_option():
    Body.objects.create(name="Southampton Health and Wellbeing Board", slug="s", kind="hwb")
    Body.objects.create(name="Portsmouth Health and Wellbeing Board", slug="p", kind="hwb")
    text = seed_text(PORTSMOUTH).replace("Portsmouth", "the city")
    result = import_pack_text(text, file=PORTSMOUTH)
    assert not result.ok
    assert "--body" in result.error and "Portsmouth Health and Wellbeing Board" in result.error
    assert not Report.objects.exists()
    result = import_pack_text(text, file=PORTSMOUTH, body="Portsmouth Health and Wellbeing Board")
    assert result.ok
    assert Report.objects.get().agenda_item.meeting.body.slug == "p"


def test_shadow_board_minutes_match_the_hwb_and_approvals_only_when_unambiguous():
    Body.objects.create(name="Southampton Health and Wellbeing Board", slug="hwb", kind="hwb")
    result = import_seed(HWB)
    assert Body.objects.count() == 1
    assert any("23 January 2013" in w.message for w in result.warnings)


def test_minutes_approved_in_a_later_pack_are_approved_and_then_left_alone():
    import_seed(HWB)
    shadow = Meeting.objects.get(date=dt.date(2013, 3, 27))
    later = (
        "HEALTH AND WELLBEING BOARD MINUTES OF THE MEETING HELD ON 24 JULY 2013\n\n"
        "Present: Councillors Baillie and Turner\n\n"
        "23. MINUTES OF THE PREVIOUS MEETING (INCLUDING MATTERS ARISING)\n\n"
        "RESOLVED that the Minutes of the meeting held on 27th March 2013 be approved and "
        "signed as a correct record.\n"
    )
    result = import_pack_text(
        later, file="later.txt", body="Southampton Health and Wellbeing Board"
    )
    assert result.ok, result.error
    approval = shadow.minutes_approval
    approval.refresh_from_db()
    assert approval.state == "approved"
    assert approval.approved_on == dt.date(2013, 7, 24)
    again = import_seed(HWB)  # the frozen minutes are not touched again
    assert any("frozen" in w.message for w in again.warnings)
    assert again.total("updated") == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("binary.txt", bytes(range(256)) * 4),
        ("fake.pdf", b"This is not a PDF at all\n"),
    ],
)
def test_unreadable_file_gives_a_failed_result_naming_it(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    result = import_file(path)
    assert not result.ok
    assert name in result.error
    assert AuditEvent.objects.count() == 0


def test_import_file_reads_a_seed_from_disk():
    result = import_file(seed_path(HCPB))
    assert result.ok and result.counts["reports"]["created"] == 3


def test_portsmouth_then_southampton_hwb_without_body_are_never_merged():
    """Seed 003 prints only 'Health & Wellbeing Board' and names no council: refused,
    asking for --body; seed 004 (Southampton's) then gets a board of its own, and 003
    with --body keeps to Portsmouth's."""
    refused = import_pack_text(seed_text(PORTSMOUTH), file=PORTSMOUTH)
    assert not refused.ok and "--body" in refused.error and PORTSMOUTH in refused.error
    assert not Body.objects.exists()
    import_seed(HWB)
    import_seed(PORTSMOUTH, body="Portsmouth Health and Wellbeing Board")
    again = import_pack_text(seed_text(PORTSMOUTH), file=PORTSMOUTH)  # its place is printed
    assert again.ok and again.total("created") == 0
    by_body = {b.name: sorted(str(m.date) for m in b.meetings.all()) for b in Body.objects.all()}
    assert by_body == {
        "Southampton Health and Wellbeing Board": ["2013-03-27", "2013-05-29"],
        "Portsmouth Health and Wellbeing Board": ["2023-06-28"],
    }


def test_reissued_pack_names_the_items_and_apologies_it_no_longer_has():
    first = import_seed(HCPB)
    assert not [w for w in first.warnings if "left as it is" in w.message]
    again = import_seed(HCPB)  # the same pack again: nothing to say
    assert not [w for w in again.warnings if "left as it is" in w.message]
    lines = seed_text(HCPB).split("\n")
    assert lines[51].startswith("6 **DRAFT DENTISTRY") and "Eugene Jones" in lines[99]
    del lines[99]  # an apology dropped from the minutes
    del lines[51]  # an item dropped from the agenda
    result = import_pack_text("\n".join(lines), file="reissued.txt")
    assert result.ok
    said = [w.message for w in result.warnings if "left as it is" in w.message]
    assert any(m.startswith("item 6 'DRAFT DENTISTRY STRATEGY'") for m in said), said
    assert any(m.startswith("Eugene Jones (apologies) is recorded") for m in said), said
    assert len(said) == 2, said
    # nothing was removed: the rows are there for a clerk to judge
    meeting = Meeting.objects.get(date=dt.date(2024, 1, 25))
    assert meeting.items.filter(number="6").exists()


def test_a_later_import_does_not_fill_in_a_frozen_meeting_and_says_so():
    """Once a meeting's minutes are approved its record is frozen: a pack that would fill in
    a blank detail is still imported, with a warning, and the detail stays as it was."""
    import_seed(HCPB)
    meeting = Meeting.objects.get(date=dt.date(2024, 1, 25))
    later = Meeting.objects.create(body=meeting.body, date=dt.date(2024, 3, 21), slug="later")
    item = meeting.items.order_by("order").first()
    proc.draft_minute(meeting, number=item.number, title=item.title, text="x", agenda_item=item)
    proc.approve_minutes(meeting, at_meeting=later, approved_on=later.date)
    Meeting.objects.filter(pk=meeting.pk).update(venue="")  # a detail the record lacks
    result = import_seed(HCPB)
    assert result.ok, result.error
    assert any("frozen" in w.message and "venue" in w.message for w in result.warnings), [
        w.message for w in result.warnings
    ]
    meeting.refresh_from_db()
    assert meeting.venue == ""
