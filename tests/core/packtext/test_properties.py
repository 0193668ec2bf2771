"""Property tests on the parser core: any text parses without an exception, warnings
cite real lines, documents come in order without overlapping, output fits the schema."""

from __future__ import annotations

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quorate.core.packtext import parse_pages, parse_text, to_json
from quorate.core.packtext.normalise import normalise_line
from tests.core.packtext.helpers import schema

FRAGMENTS = [
    "Public Document Pack",
    "AGENDA",
    "1 WELCOME AND APOLOGIES (Pages 1 - 4)",
    "Lead\tItem For\tAttachment",
    "Chair\tInformation\tNone",
    "Meeting Minutes",
    "Present:\tDr A B\tAB\tChair\tICB",
    "In",
    "attendance:",
    "Apologies: Councillors X and Y",
    "1.\tWelcor\tme",
    "RESOLVED",
    "- (i) That it be noted;",
    "Action: AB to do",
    "AB",
    "Agenda Number\tDate\tSubject\tAction\tLead\tDeadline\tProgress",
    "3\t01/02/2018\tS\tDo\tAB\tApr-18\tOpen",
    "DECISION-MAKER:\tBoard",
    "SUBJECT:\tX",
    "KEY DECISION? No",
    "Appendix 1",
    "Agenda Item 4",
    "Page 3",
    "This page is intentionally left blank",
    "Title of meeting:\tBoard",
    "Monday, 1 June 2020",
    "",
]

lines_strategy = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=40
).map("\n".join)

VALIDATOR = jsonschema.Draft202012Validator(schema())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines_strategy)
def test_any_text_parses_and_fits_the_schema(text):
    pack = parse_text(text, file="fuzz.txt")
    total = len(text.split("\f")[0].split("\n")) if "\f" not in text else None
    VALIDATOR.validate(to_json(pack))
    previous_end = 0
    for doc in pack.documents:
        assert doc.line_start is not None and doc.line_end is not None
        assert previous_end < doc.line_start <= doc.line_end
        previous_end = doc.line_end
    for warning in pack.warnings:
        if warning.line is not None and total is not None:
            assert 1 <= warning.line <= total


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(max_size=300), min_size=1, max_size=5))
def test_pages_give_warnings_with_page_numbers_in_range(pages):
    pack = parse_pages(pages, file="fuzz.pdf", pdf=True)
    assert pack.pages == len(pages)
    for warning in pack.warnings:
        assert warning.page is None or 1 <= warning.page <= len(pages)


@given(st.text(max_size=120))
def test_normalise_line_is_stable(raw):
    once = normalise_line(raw)
    assert normalise_line("\t".join(once)) == once or not once
