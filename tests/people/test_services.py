import pytest

from quorate.audit.models import AuditEvent
from quorate.people import services
from quorate.people.models import Person
from tests import factories as f


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Councillor Lorna Fielker", ("Councillor", "Lorna", "Fielker")),
        ("Cllr Fielker", ("Councillor", "", "Fielker")),
        ("Dr S Ward", ("Dr", "S", "Ward")),
        ("Duncan Linning- Karp", ("", "Duncan", "Linning-Karp")),
        ("Ms M Geary", ("Ms", "M", "Geary")),
        ("James House", ("", "James", "House")),
    ],
)
def test_split_name_separates_honorific_given_and_family(text, expected):
    assert services.split_name(text) == expected


@pytest.mark.django_db
def test_save_person_matches_existing_by_name_and_initial_without_duplicating():
    first = services.save_person(name="Dr S Townsend")
    again = services.save_person(name="Dr Steve Townsend", job_title="Vice Chair")
    assert first.pk == again.pk
    again.refresh_from_db()
    assert again.given_name == "Steve" and again.job_title == "Vice Chair"
    assert Person.objects.filter(family_name="Townsend").count() == 1


@pytest.mark.django_db
def test_save_person_keeps_two_people_with_the_same_family_name_apart():
    a = services.save_person(name="Donna Chapman", initials="DC")
    b = services.save_person(name="Emily Chapman")
    assert a.pk != b.pk
    assert services.find_person(given_name="", family_name="Chapman", initials="DC") == a


@pytest.mark.django_db
def test_save_person_twice_with_same_data_writes_one_audit_row():
    services.save_person(name="Claire Edgar", initials="CE")
    services.save_person(name="Claire Edgar", initials="CE")
    assert AuditEvent.objects.filter(object_type="people.person").count() == 1


@pytest.mark.django_db
def test_find_organisation_by_short_name_or_alias():
    org = f.organisation(
        name="Southampton City Council",
        short_name="SCC",
        aliases=["Southampton City Council (SCC)"],
    )
    assert services.find_organisation("scc") == org
    assert services.find_organisation("Southampton City Council (SCC)") == org
    assert services.find_organisation("UHS") is None


@pytest.mark.django_db
def test_save_person_without_family_name_is_refused_with_the_value():
    with pytest.raises(ValueError, match="family name"):
        services.save_person(name="   ")
