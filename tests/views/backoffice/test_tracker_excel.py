"""Excel export and import of a body's action tracker through the screens."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from quorate.adapters.excel_actions import COLUMNS
from quorate.governance.models import Meeting
from quorate.proceedings import tracker
from quorate.proceedings.models import Action, ActionUpdate
from tests import factories as f

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Seed 001's action tracker, as the pack prints it.
SEED = [
    (
        "3",
        "11/01/2018",
        "Matters Arising - RSH Future Options",
        "JRimmer and Peter Horne to informally raise the issue with the Chief Executive Officer "
        "of NHS Property Services",
        "JRimmer",
        "Feb-18",
        "08/02/2018 - Ongoing",
    ),
    (
        "8",
        "08/02/2018",
        "Integration Board Minutes",
        "SR/SS to look at SCC Integration Board attendance",
        "SR/SS",
        "Mar-18",
        "Complete",
    ),
    (
        "3",
        "08/03/2018",
        "RSH Future Options",
        "Cllr Letts to circulate an MP version of key points to Southampton City MPs and wider",
        "Cllr Letts",
        "Apr-18",
        "Unconfirmed",
    ),
    (
        "5",
        "08/03/2018",
        "Market Development and Care Home Market Shaping",
        "SR to liaise with Graham Allen",
        "SR",
        "Apr-18",
        "Complete - No further action needed",
    ),
    (
        "5",
        "08/03/2018",
        "Market Development and Care Home Market Shaping",
        "MW to clarify timeline so that pressure points are highlighted",
        "MW",
        "Apr-18",
        "Complete - Timeline agreed as part of the ICU plan for the year",
    ),
    (
        "7",
        "08/03/2018",
        "Performance Report",
        "Update on high intensity users to the Board",
        "DC",
        "Jun-18",
        "On Forward Plan",
    ),
]


def _xlsx(rows):
    book = Workbook()
    sheet = book.active
    sheet.append(["Joint Commisioning Board - Action Tracker"])
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("tracker.xlsx", out.getvalue(), content_type=XLSX)


@pytest.fixture
def jcb():
    body = f.body(slug="jcb", name="Joint Commissioning Board")
    f.meeting(body=body, date=dt.date(2018, 3, 8))
    f.person(given_name="Stephanie", family_name="Ramsey", initials="SR")
    f.person(given_name="Simon", family_name="Letts", honorific="Councillor")
    return body


def test_import_the_seed_tracker_stores_actions_statuses_and_progress(clerk_client, jcb):
    response = clerk_client.post("/office/bodies/jcb/actions/import/", {"file": _xlsx(SEED)})
    assert response.status_code == 302
    actions = {a.text[:20]: a for a in Action.objects.select_related("status", "meeting")}
    assert len(actions) == 6
    rimmer = actions["JRimmer and Peter Ho"]
    assert rimmer.status.name == "Ongoing" and rimmer.deadline == dt.date(2018, 2, 28)
    assert rimmer.updates.get().on == dt.date(2018, 2, 8)
    assert actions["SR/SS to look at SCC"].status.is_closed
    assert actions["Update on high inten"].status.name == "On Forward Plan"
    assert actions["SR to liaise with Gr"].status.name == "Complete - no further action"
    assert [p.family_name for p in actions["SR to liaise with Gr"].leads.all()] == ["Ramsey"]
    assert [p.family_name for p in actions["Cllr Letts to circula"[:20]].leads.all()] == ["Letts"]
    # The tracker names meetings of 11 January and 8 February 2018: they are added.
    assert set(Meeting.objects.filter(body=jcb).values_list("date", flat=True)) == {
        dt.date(2018, 1, 11),
        dt.date(2018, 2, 8),
        dt.date(2018, 3, 8),
    }
    # Importing the same tracker again changes nothing.
    counts = (Action.objects.count(), ActionUpdate.objects.count())
    clerk_client.post("/office/bodies/jcb/actions/import/", {"file": _xlsx(SEED)})
    assert (Action.objects.count(), ActionUpdate.objects.count()) == counts


def test_a_bad_file_stores_nothing_and_names_row_and_column(clerk_client, jcb):
    rows = [*SEED, ("9", "08/03/2018", "Bad", "A bad deadline", "SR", "Smarch-18", "Ongoing")]
    page = clerk_client.post("/office/bodies/jcb/actions/import/", {"file": _xlsx(rows)})
    text = page.content.decode()
    assert "govuk-error-summary" in text and "Row 9, column Deadline" in text
    assert not Action.objects.exists()
    assert Meeting.objects.filter(body=jcb).count() == 1
    not_excel = SimpleUploadedFile("t.xlsx", b"hello", content_type=XLSX)
    page = clerk_client.post("/office/bodies/jcb/actions/import/", {"file": not_excel})
    assert "not an Excel workbook" in page.content.decode()


def test_export_then_import_round_trips_the_tracker(clerk_client, jcb):
    clerk_client.post("/office/bodies/jcb/actions/import/", {"file": _xlsx(SEED)})
    meeting = Meeting.objects.get(body=jcb, date=dt.date(2018, 3, 8))
    tracker.raise_action(
        meeting, text='=HYPERLINK("http://evil")', lead_text="@SR", deadline_text="30/04/2018"
    )
    first = clerk_client.get("/office/bodies/jcb/actions.xlsx")
    assert first["Content-Type"] == XLSX and "attachment" in first["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(first.content)).active
    assert tuple(c.value for c in sheet[2]) == COLUMNS
    texts = [c.value for c in sheet["D"]]
    assert '\'=HYPERLINK("http://evil")' in texts
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    before = (Action.objects.count(), ActionUpdate.objects.count())
    upload = SimpleUploadedFile("again.xlsx", first.content, content_type=XLSX)
    assert (
        clerk_client.post("/office/bodies/jcb/actions/import/", {"file": upload}).status_code == 302
    )
    assert (Action.objects.count(), ActionUpdate.objects.count()) == before
    second = clerk_client.get("/office/bodies/jcb/actions.xlsx")
    rows = lambda data: [  # noqa: E731
        tuple(c.value for c in r) for r in load_workbook(io.BytesIO(data)).active.iter_rows()
    ]
    assert rows(second.content) == rows(first.content)


def test_tracker_page_flags_overdue_and_filters_open(clerk_client, jcb):
    meeting = Meeting.objects.get(body=jcb)
    tracker.raise_action(meeting, text="Late one", lead_text="SR", deadline_text="Apr-18")
    done = tracker.raise_action(meeting, text="Done one", lead_text="SR", deadline_text="Apr-18")
    tracker.update_action(done, on=dt.date(2018, 4, 2), status="Complete")
    page = clerk_client.get("/office/bodies/jcb/actions/").content.decode()
    assert "Late one" in page and "Overdue" in page and "Done one" not in page
    everything = clerk_client.get("/office/bodies/jcb/actions/?show=all").content.decode()
    assert "Done one" in everything and everything.count(">Overdue<") == 1
