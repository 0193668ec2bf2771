"""Quorum rules on attendance taken by hand from the seeds' minutes."""

import json

import pytest

from quorate.core.quorum import (
    Attendee,
    Capacity,
    GroupMinimum,
    Member,
    QuorumRule,
    QuorumRuleError,
    RoleRequirement,
    describe,
    evaluate,
    evaluate_items,
    items_between,
)
from quorate.core.quorum_json import rule_from_dict, rule_to_dict

# Seed 001, terms of reference 8.1: "quorate if there are at least 4 members in attendance
# with a minimum of 2 from each organisation" (the City Council and the CCG).
JCB = QuorumRule(
    minimum_members=4,
    groups=(
        GroupMinimum("council", 2, organisation_kinds=frozenset({"council"})),
        GroupMinimum("CCG", 2, organisation_kinds=frozenset({"ccg"})),
    ),
)
NHS_KINDS = frozenset({"ccg", "icb", "nhs_trust", "nhs_england"})
# "seven members including one councillor, one NHS representative and the DPH".
SEVEN = QuorumRule(
    minimum_members=7,
    groups=(
        GroupMinimum("councillor", 1, roles=frozenset({"councillor"})),
        GroupMinimum("NHS", 1, organisation_kinds=NHS_KINDS),
    ),
    roles=(RoleRequirement(("Director of Public Health",)),),
)


def member(name, org, kind, *roles, voting=True):
    return Member(name, org, kind, frozenset(roles), voting)


def officer(name, org, kind="council"):
    return Attendee(member(name, org, kind), Capacity.IN_ATTENDANCE)


def present(name, org, kind, *roles, items=None):
    return Attendee(member(name, org, kind, *roles), items=items)


# Seed 001: JCB minutes of 8 March 2018 (Present / In attendance; apologies not listed).
JCB_8_MARCH_2018 = (
    present("Dr Mark Kelsey", "SCCCG", "ccg", "CCG Chair"),
    present("Councillor Simon Letts", "SCC", "council", "councillor", "Leader of the Council"),
    present("June Bridle", "SCCCG", "ccg", "Lay Member (Governance)"),
    present("Councillor David Shields", "SCC", "council", "councillor"),
    present("Councillor Warwick Payne", "SCC", "council", "councillor"),
    officer("Dawn Baxendale", "SCC"),
    officer("Suki Sitaram", "SCC"),
    officer("Stephanie Ramsey", "SCCCG/SCC", "ccg"),
    officer("Beccy Willis", "SCCCG/SCC", "ccg"),
    officer("Amanda Luker", "SCCCG/SCC", "ccg"),
    officer("Carole Binns", "SCCCG/SCC", "ccg"),
    officer("Matthew Waters", "SCCCG/SCC", "ccg"),
    officer("Donna Chapman", "SCCCG/SCC", "ccg"),
    officer("Sarah Spooner", "SCCCG/SCC", "ccg"),
)


def test_jcb_8_march_2018_quorate_with_reason():
    result = evaluate(JCB, JCB_8_MARCH_2018)
    assert result.quorate
    assert result.reasons == (
        "Quorate: 5 voting members present (at least 4 needed); council 3 (at least 2), "
        "CCG 2 (at least 2)",
    )
    assert len(result.counted) == 5
    assert result.shortfalls == ()
    assert ("Stephanie Ramsey", "in attendance, not a member") in result.not_counted


def test_jcb_not_quorate_when_a_ccg_member_is_absent():
    without_bridle = [a for a in JCB_8_MARCH_2018 if a.person.name != "June Bridle"]
    result = evaluate(JCB, without_bridle)
    assert not result.quorate
    assert result.reasons == (
        "Not quorate: only 1 member from the CCG present (at least 2 needed)",
    )
    (shortfall,) = result.shortfalls
    assert (shortfall.requirement, shortfall.needed, shortfall.present) == ("CCG", 2, 1)


def test_jcb_officers_in_attendance_never_make_up_the_numbers():
    members = [a for a in JCB_8_MARCH_2018 if a.capacity is Capacity.MEMBER][:2]
    officers = [a for a in JCB_8_MARCH_2018 if a.capacity is Capacity.IN_ATTENDANCE]
    result = evaluate(JCB, members + officers)
    assert result.reasons == (
        "Not quorate: only 2 voting members present (at least 4 needed)",
        "Not quorate: only 1 member from the council present (at least 2 needed)",
        "Not quorate: only 1 member from the CCG present (at least 2 needed)",
    )


def test_jcb_deputy_counts_in_place_of_absent_member():
    # ToR 7.1: "Both organisations have agreed to send deputies in any absences".
    richards = member("John Richards", "SCCCG", "ccg", "Chief Executive Officer")
    deputy = Attendee(
        member("A Deputy", "SCCCG", "ccg"), Capacity.SUBSTITUTE, stands_in_for=richards
    )
    without_bridle = [a for a in JCB_8_MARCH_2018 if a.person.name != "June Bridle"]
    result = evaluate(JCB, [*without_bridle, deputy])
    assert result.quorate
    assert result.counted[-1].substitute and result.counted[-1].seat == richards


# Seed 004: Shadow HWB minutes of 27 March 2013. Agenda items 1-8 (the minutes number them
# 17, 18, ...); Councillors Rayment and Stevens were present for "Items 7 and 8" only; Joe
# Hannigan attended "as a nominated substitute for Harry Dymond" (LINk, apologies).
AGENDA_2013 = tuple(str(n) for n in range(1, 9))
DYMOND = member("Mr H Dymond", "Southampton LINk", "healthwatch")
HWB_27_MARCH_2013 = (
    present("Councillor Rayment", "SCC", "council", "councillor", items=frozenset({"7", "8"})),
    present("Councillor Stevens", "SCC", "council", "councillor", items=frozenset({"7", "8"})),
    present("Councillor Baillie", "SCC", "council", "councillor"),
    present("Councillor Turner", "SCC", "council", "councillor"),
    present("Dr S Townsend", "Southampton City CCG", "ccg", "Vice Chair"),
    present("Dr S Ward", "NHS Commissioning Board Wessex Area Team", "nhs_england"),
    present("Ms M Geary", "SCC", "council"),
    present("Dr A Mortimore", "SCC", "council", "Director of Public Health"),
    Attendee(
        member("Joe Hannigan", "Southampton LINk", "healthwatch"),
        Capacity.SUBSTITUTE,
        stands_in_for=DYMOND,
    ),
)
# The 2013 pack's rule: 3 members including at least one Elected Member, a member from
# Health and the Local Link Member (to be replaced by Healthwatch).
HWB_2013 = QuorumRule(
    minimum_members=3,
    groups=(
        GroupMinimum("elected member", 1, roles=frozenset({"councillor"})),
        GroupMinimum("NHS", 1, organisation_kinds=NHS_KINDS),
        GroupMinimum("local Healthwatch", 1, organisation_kinds=frozenset({"healthwatch"})),
    ),
)


def test_hwb_2013_quorate_for_every_item_with_substitute():
    results = evaluate_items(HWB_2013, HWB_27_MARCH_2013, AGENDA_2013)
    assert [r.item for r in results] == list(AGENDA_2013)
    assert all(r.quorate for r in results)
    assert results[0].reasons == (
        "Quorate: 7 voting members present (at least 3 needed); elected member 2 (at least 1), "
        "NHS 2 (at least 1), local Healthwatch 1 (at least 1)",
    )
    assert results[6].reasons[0].startswith("Quorate: 9 voting members present")
    hannigan = [c for c in results[0].counted if c.name == "Joe Hannigan"]
    assert hannigan[0].seat == DYMOND and hannigan[0].substitute


def test_hwb_2013_partial_attendance_changes_quorum_per_item():
    three_councillors = QuorumRule(
        minimum_members=3,
        groups=(GroupMinimum("councillor", 3, roles=frozenset({"councillor"})),),
    )
    results = evaluate_items(three_councillors, HWB_27_MARCH_2013, AGENDA_2013)
    assert [r.quorate for r in results] == [False] * 6 + [True, True]
    assert results[0].reasons == ("Not quorate: only 2 councillors present (at least 3 needed)",)
    assert results[7].reasons[0].endswith("councillor 4 (at least 3)")


def test_hwb_2013_whole_meeting_counts_only_those_present_throughout():
    result = evaluate(HWB_2013, HWB_27_MARCH_2013)
    assert len(result.counted) == 7


def test_substitutes_not_counting_leaves_healthwatch_short():
    rule = QuorumRule(3, HWB_2013.groups, substitutes_count=False)
    result = evaluate(rule, HWB_27_MARCH_2013, "1")
    assert result.reasons == (
        "Not quorate: no member from the local Healthwatch present (at least 1 needed)",
    )
    assert ("Joe Hannigan", "substitute for Mr H Dymond; substitutes do not count") in (
        result.not_counted
    )


def test_substitute_does_not_count_twice_when_member_present():
    attendees = [*HWB_27_MARCH_2013, Attendee(DYMOND)]
    result = evaluate(HWB_2013, attendees, "1")
    assert len(result.counted) == 7
    assert ("Joe Hannigan", "substitute for Mr H Dymond, who is present") in result.not_counted


# Seed 000: Southampton Health & Care Partnership Board minutes of 16 October 2023.
HCPB_16_OCT_2023 = (
    present(
        "Councillor Lorna Fielker", "Southampton City Council", "council", "councillor", "Chair"
    ),
    present("Dr Debbie Chase", "Southampton City Council", "council", "Director of Public Health"),
    present("Claire Edgar", "Southampton City Council", "council", "DASS"),
    present("Dr Pauline Grant", "ICB", "icb", "Clinical Director"),
    present("James House", "ICB", "icb", "Southampton Place Director"),
    present("Rob Kurn", "Southampton Voluntary Services", "voluntary"),
    present("Duncan Linning-Karp", "University Hospitals Southampton", "nhs_trust"),
    present("Jo Pinhorne", "Solent NHS Trust", "nhs_trust"),
    present("Dr Sarah Young", "ICB", "icb", "Clinical Director"),
    officer("Terry Clark", "ICB/SCC", "icb"),
    officer("Rob Henderson", "SCC"),
    officer("Donna Chapman", "ICB/SCC", "icb"),
    officer("Emily Goodwin", "SCC"),
    officer("Natalie Johnson", "ICB/SCC", "icb"),
)


def test_hcpb_16_oct_2023_seven_member_rule_quorate():
    result = evaluate(SEVEN, HCPB_16_OCT_2023)
    assert result.quorate
    assert result.reasons == (
        "Quorate: 9 voting members present (at least 7 needed); councillor 1 (at least 1), "
        "NHS 5 (at least 1); Director of Public Health present",
    )


def test_seven_member_rule_without_dph_or_councillor():
    attendees = [
        a for a in HCPB_16_OCT_2023 if a.person.name not in {"Dr Debbie Chase", "Claire Edgar"}
    ]
    attendees = [a for a in attendees if "councillor" not in a.person.roles]
    result = evaluate(SEVEN, attendees)
    assert result.reasons == (
        "Not quorate: only 6 voting members present (at least 7 needed)",
        "Not quorate: no councillor present (at least 1 needed)",
        "Not quorate: the Director of Public Health is not present",
    )


def test_dph_deputy_satisfies_role_only_when_allowed():
    chase = HCPB_16_OCT_2023[1].person
    deputy = Attendee(member("A Consultant", "SCC", "council"), Capacity.SUBSTITUTE, chase)
    attendees = [a for a in HCPB_16_OCT_2023 if a.person != chase] + [deputy]
    assert not evaluate(SEVEN, attendees).quorate
    lenient = QuorumRule(7, SEVEN.groups, (RoleRequirement(("Director of Public Health",), True),))
    assert evaluate(lenient, attendees).quorate


def test_non_voting_members_count_only_when_rule_allows():
    attendees = [Attendee(member(f"M{i}", "SCC", "council", voting=i < 2)) for i in range(4)]
    rule = QuorumRule(3)
    assert evaluate(rule, attendees).reasons == (
        "Not quorate: only 2 voting members present (at least 3 needed)",
    )
    assert evaluate(QuorumRule(3, voting_only=False), attendees).reasons == (
        "Quorate: 4 members present (at least 3 needed)",
    )


def test_alternative_roles_sentence():
    rule = QuorumRule(1, roles=(RoleRequirement(("Chair", "Vice-Chair")),))
    result = evaluate(rule, [Attendee(member("X", "SCC", "council"))])
    assert result.reasons == ("Not quorate: neither the Chair nor the Vice-Chair is present",)
    chaired = evaluate(rule, [Attendee(member("X", "SCC", "council", "vice-chair"))])
    assert chaired.reasons == (
        "Quorate: 1 voting member present (at least 1 needed); Vice-Chair present",
    )


def test_items_between_arrival_and_departure():
    assert items_between(AGENDA_2013, arrived_before="7") == frozenset({"7", "8"})
    assert items_between(AGENDA_2013, left_after="2") == frozenset({"1", "2"})
    assert items_between(AGENDA_2013, arrived_before="3", left_after="4") == {"3", "4"}


def test_late_arrival_and_early_departure_per_item():
    agenda = ("1", "2", "3", "4")
    attendees = [
        *JCB_8_MARCH_2018[:4],
        Attendee(JCB_8_MARCH_2018[4].person, items=items_between(agenda, arrived_before="2")),
    ]
    kelsey = Attendee(attendees[0].person, items=items_between(agenda, left_after="3"))
    attendees[0] = kelsey
    results = evaluate_items(JCB, attendees, agenda)
    assert [r.quorate for r in results] == [True, True, True, False]
    assert results[3].reasons == (
        "Not quorate: only 1 member from the CCG present (at least 2 needed)",
    )


def test_substitute_needs_a_named_member():
    with pytest.raises(ValueError, match="stands_in_for"):
        Attendee(member("X", "SCC", "council"), Capacity.SUBSTITUTE)


# JSON round trip and validation.
@pytest.mark.parametrize("rule", [JCB, SEVEN, HWB_2013, QuorumRule(2, voting_only=False)])
def test_rule_json_round_trip(rule):
    data = json.loads(json.dumps(rule_to_dict(rule)))
    assert rule_from_dict(data) == rule


def test_jcb_rule_as_json():
    assert rule_to_dict(JCB) == {
        "schema": "quorate-quorum/1",
        "minimum_members": 4,
        "voting_only": True,
        "substitutes_count": True,
        "groups": [
            {"label": "council", "minimum": 2, "organisation_kinds": ["council"]},
            {"label": "CCG", "minimum": 2, "organisation_kinds": ["ccg"]},
        ],
        "roles": [],
    }
    assert rule_from_dict({"minimum_members": 4}) == QuorumRule(4)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ([], "rule"),
        ({}, "minimum_members"),
        ({"minimum_members": 0}, "minimum_members"),
        ({"minimum_members": True}, "minimum_members"),
        ({"minimum_members": "4"}, "minimum_members"),
        ({"minimum_members": 4, "quorum": 4}, "quorum"),
        ({"minimum_members": 4, "schema": "other/2"}, "schema"),
        ({"minimum_members": 4, "voting_only": "yes"}, "voting_only"),
        ({"minimum_members": 4, "groups": {}}, "groups"),
        ({"minimum_members": 4, "groups": [{"label": "x"}]}, "groups[0].minimum"),
        ({"minimum_members": 4, "groups": [{"minimum": 1}]}, "groups[0].label"),
        (
            {"minimum_members": 4, "groups": [{"label": "x", "minimum": 1}]},
            "groups[0].organisation_kinds",
        ),
        (
            {
                "minimum_members": 4,
                "groups": [
                    {"label": "council", "minimum": 2, "organisation_kinds": ["council"]},
                    {"label": "CCG", "minimum": 0, "organisation_kinds": ["ccg"]},
                ],
            },
            "groups[1].minimum",
        ),
        (
            {"minimum_members": 4, "groups": [{"label": "c", "minimum": 1, "roles": [""]}]},
            "groups[0].roles[0]",
        ),
        (
            {"minimum_members": 4, "groups": [{"label": "c", "minimum": 1, "colour": "red"}]},
            "groups[0].colour",
        ),
        (
            {
                "minimum_members": 4,
                "groups": [
                    {"label": "council", "minimum": 1, "roles": ["councillor"]},
                    {"label": "Council", "minimum": 1, "roles": ["councillor"]},
                ],
            },
            "groups[1].label",
        ),
        ({"minimum_members": 4, "roles": [{}]}, "roles[0].any_of"),
        ({"minimum_members": 4, "roles": [{"any_of": []}]}, "roles[0].any_of"),
        (
            {"minimum_members": 4, "roles": [{"any_of": ["DPH"], "deputy_allowed": 1}]},
            "roles[0].deputy_allowed",
        ),
    ],
)
def test_rule_from_dict_names_the_bad_field(data, field):
    with pytest.raises(QuorumRuleError) as err:
        rule_from_dict(data)
    assert err.value.field == field
    assert str(err.value).startswith(field + ": ")


def test_describe_jcb_rule():
    assert describe(JCB) == (
        "Quorate with at least 4 voting members present, including at least 2 from the "
        "council (organisations of kind council) and at least 2 from the CCG (organisations "
        "of kind ccg). A substitute standing in for a named member counts in that member's "
        "place. Officers in attendance never count."
    )


def test_describe_seven_member_rule():
    text = describe(SEVEN)
    assert text.startswith(
        "Quorate with at least 7 voting members present, including at least 1 councillor, "
        "at least 1 from the NHS (organisations of kind ccg, icb, nhs_england, nhs_trust) "
        "and the Director of Public Health."
    )


def test_describe_rule_with_deputies_and_no_substitutes():
    rule = QuorumRule(
        3,
        roles=(RoleRequirement(("Chair", "Vice-Chair"), deputy_allowed=True),),
        voting_only=False,
        substitutes_count=False,
    )
    assert describe(rule) == (
        "Quorate with at least 3 members (voting or not) present, including the Chair or the "
        "Vice-Chair (or their deputy). Substitutes do not count. Officers in attendance never "
        "count."
    )
