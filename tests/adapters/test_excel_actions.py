"""The action tracker in Excel: the seed's columns, round trip, formula neutralisation,
errors by row and column."""

import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook

from quorate.adapters.excel_actions import (
    COLUMNS,
    ProgressEntry,
    TrackerImportError,
    TrackerRow,
    neutralise,
    read_tracker,
    write_tracker,
)

# Seed 001, "Joint Commisioning Board - Action Tracker" (first rows).
SEED_ROWS = [
    TrackerRow(
        "3",
        dt.date(2018, 1, 11),
        "Matters Arising - RSH Future Options",
        "JRimmer and Peter Horne to informally raise the issue with the Chief Executive "
        "Officer of NHS Property Services",
        "JRimmer",
        "Feb-18",
        (ProgressEntry(dt.date(2018, 2, 8), "Ongoing", "08/02/2018 - Ongoing"),),
    ),
    TrackerRow(
        "8",
        dt.date(2018, 2, 8),
        "Integration Board Minutes",
        "SR/SS to look at SCC Integration Board attendance",
        "SR/SS",
        "Mar-18",
        (ProgressEntry(None, "Complete", "Complete"),),
    ),
    TrackerRow(
        "7",
        dt.date(2018, 3, 8),
        "Performance Report",
        "Update on high intensity users to the Board",
        "DC",
        "Jun-18",
        (ProgressEntry(None, "On Forward Plan", "On Forward Plan"),),
    ),
]


def _book(rows, header=COLUMNS, title="Joint Commisioning Board - Action Tracker"):
    book = Workbook()
    sheet = book.active
    sheet.append([title])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_round_trip_keeps_every_column():
    again = read_tracker(write_tracker(SEED_ROWS, title="JCB - Action Tracker"))
    assert [
        (r.agenda_number, r.meeting_date, r.subject, r.action, r.lead, r.deadline) for r in again
    ] == [
        (r.agenda_number, r.meeting_date, r.subject, r.action, r.lead, r.deadline)
        for r in SEED_ROWS
    ]
    assert [r.progress for r in again] == [r.progress for r in SEED_ROWS]
    assert [r.row for r in again] == [3, 4, 5]


def test_export_uses_the_seed_column_layout_under_a_title_row():
    sheet = load_workbook(io.BytesIO(write_tracker(SEED_ROWS, title="JCB - Action Tracker"))).active
    assert sheet["A1"].value == "JCB - Action Tracker"
    assert tuple(c.value for c in sheet[2]) == COLUMNS
    assert (
        sheet["B3"].value.date() == dt.date(2018, 1, 11)
        and sheet["B3"].number_format == "DD/MM/YYYY"
    )
    assert sheet["G3"].value == "08/02/2018 - Ongoing"


@pytest.mark.parametrize(
    "payload", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", '=HYPERLINK("http://x")']
)
def test_formula_injection_is_neutralised_on_export_and_undone_on_import(payload):
    row = TrackerRow(
        payload,
        dt.date(2018, 3, 8),
        payload,
        payload,
        payload,
        "",
        (ProgressEntry(None, payload, payload),),
    )
    data = write_tracker([row], title=payload)
    sheet = load_workbook(io.BytesIO(data)).active
    for cell in (sheet["A1"], sheet["A3"], sheet["C3"], sheet["D3"], sheet["E3"], sheet["G3"]):
        assert cell.data_type == "s" and cell.value.startswith("'"), cell.coordinate
    (back,) = read_tracker(data)
    assert back.action == payload.strip() and back.subject == payload.strip()


def test_neutralise_leaves_ordinary_text_alone():
    assert neutralise("Complete - no further action") == "Complete - no further action"
    assert neutralise("08/02/2018 - Ongoing") == "08/02/2018 - Ongoing"
    assert neutralise("-") == "'-"


def test_errors_name_the_row_and_column_and_list_every_problem():
    data = _book(
        [
            ("3", "11/01/2018", "s", "An action", "JR", "Feb-18", "08/02/2018 - Ongoing"),
            ("4", "not a date", "s", "", "JR", "Smarch-18", "31/02/2018 - Ongoing"),
        ]
    )
    with pytest.raises(TrackerImportError) as caught:
        read_tracker(data)
    messages = [str(e) for e in caught.value.errors]
    assert messages == [
        "Row 4, column Date of meeting: 'not a date' is not a date (write it like 08/03/2018)",
        "Row 4, column Action: is required",
        "Row 4, column Deadline: 'Smarch-18' is not a date (like 30/04/2018) or a month "
        "(like Apr-18); leave it blank if there is none",
        "Row 4, column Progress: '31/02/2018' in '31/02/2018 - Ongoing' is not a date",
    ]


def test_excel_dates_and_month_formatted_deadlines_are_read():
    book = Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    sheet.append(["5", dt.datetime(2018, 3, 8), "s", "Act", "MW", dt.datetime(2018, 4, 1), ""])
    sheet["F2"].number_format = "mmm-yy"
    out = io.BytesIO()
    book.save(out)
    (row,) = read_tracker(out.getvalue())
    assert (row.meeting_date, row.deadline) == (dt.date(2018, 3, 8), "Apr-18")


def test_too_long_text_and_missing_header_and_non_workbook_are_errors():
    with pytest.raises(TrackerImportError, match="Row 3, column Lead: is 201 characters"):
        read_tracker(_book([("1", "08/03/2018", "s", "a", "x" * 201, "", "")]))
    with pytest.raises(TrackerImportError, match="no header row found"):
        read_tracker(_book([], header=("Number", "When", "What")))
    with pytest.raises(TrackerImportError, match="not an Excel workbook"):
        read_tracker(b"Agenda Number,Date of meeting\n1,08/03/2018\n")
