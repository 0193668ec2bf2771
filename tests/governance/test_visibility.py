import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from quorate.governance import visibility
from tests import factories as f
from tests.leaks import plant_exempt_data

pytestmark = pytest.mark.django_db


def test_viewer_for_anonymous_is_public():
    assert visibility.viewer_for(AnonymousUser()).is_public


def test_viewer_for_staff_sees_everything(clerk):
    assert visibility.viewer_for(clerk).is_staff


def test_viewer_for_member_is_member_of_their_current_bodies(django_user_model):
    user = django_user_model.objects.create_user("m1")
    p = f.person(user=user)
    current = f.membership(person=p, start_date=dt.date(2020, 1, 1))
    f.membership(person=p, start_date=dt.date(2010, 1, 1), end_date=dt.date(2011, 1, 1))
    viewer = visibility.viewer_for(user, on=dt.date(2024, 1, 1))
    assert viewer.member_of == frozenset({current.body_id})


def test_user_without_person_or_staff_is_public(django_user_model):
    assert visibility.viewer_for(django_user_model.objects.create_user("nobody")).is_public


def test_public_cannot_see_exempt_or_private_papers():
    planted = plant_exempt_data()
    public = visibility.PUBLIC
    assert not visibility.can_see_item_papers(public, planted.exempt_item)
    assert not visibility.can_see_item_papers(public, planted.private_item)
    docs = set(visibility.documents(public))
    assert planted.exempt_document not in docs
    assert planted.exempt_appendix_of_public_item not in docs
    assert all(d.exempt_paragraph is None for d in docs)
    assert {d.title for d in docs} == {"Public appendix"}
    reports = visibility.reports_qs(public)
    assert planted.exempt_item.report not in reports
    assert planted.private_item.report not in reports
    for rep in reports:
        assert all(bp.exempt_paragraph is None for bp in rep.background_papers.all())


def test_member_of_the_body_sees_its_exempt_papers_but_not_other_bodies():
    planted = plant_exempt_data()
    member = visibility.Viewer(person_id=1, member_of=frozenset({planted.body.pk}))
    outsider = visibility.Viewer(person_id=2, member_of=frozenset({f.body().pk}))
    assert visibility.can_see_item_papers(member, planted.exempt_item)
    assert planted.exempt_document in set(visibility.documents(member))
    assert not visibility.can_see_item_papers(outsider, planted.exempt_item)
    assert planted.exempt_document not in set(visibility.documents(outsider))


def test_agenda_items_list_exempt_item_by_title_with_paragraph_but_no_papers():
    planted = plant_exempt_data()
    items = visibility.agenda_items(visibility.PUBLIC, planted.meeting)
    exempt = next(v for v in items if v.item.pk == planted.exempt_item.pk)
    assert exempt.item.title == "Contract award (exempt)"
    assert not exempt.papers_visible and exempt.report is None and exempt.documents == []
    assert exempt.description == ""
    assert "paragraph 3" in exempt.restricted_reason


def test_can_see_document_agrees_with_documents_queryset():
    plant_exempt_data()
    from quorate.governance.models import Document

    for viewer in (visibility.PUBLIC, visibility.Viewer(is_staff=True)):
        listed = set(visibility.documents(viewer))
        for doc in Document.objects.select_related("agenda_item__meeting", "meeting"):
            assert visibility.can_see_document(viewer, doc) == (doc in listed), doc.title


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("5", "5"),
        ("Item 5", "5"),
        ("05", "5"),
        ("5.", "5"),
        (" 5 ", "5"),
        ("Agenda item 5", "5"),
        ("AGENDA ITEM 005.", "5"),
        ("Items 5", "5"),
        ("item:5", "5"),
        ("(5)", "5"),
        ("5a", "5a"),
        ("5(a)", "5a"),
        ("Item 5A", "5a"),
        ("15", "15"),
        ("50", "50"),
        ("5.1", "51"),
        ("", ""),
    ],
)
def test_agenda_number_key_in_python_and_in_the_database_agree(written, key):
    from django.db.models import Value

    from quorate.governance.models import Body

    assert visibility.agenda_number_key(written) == key
    f.body()
    got = (
        Body.objects.annotate(k=visibility.agenda_number_key_expr(Value(written)))
        .values_list("k", flat=True)
        .first()
    )
    assert got == key
