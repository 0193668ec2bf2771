"""The register of interests refuses a negative value and a registration in the future."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from quorate.people import services as people_services
from quorate.people.models import Interest
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_negative_value_is_refused():
    with pytest.raises(ValidationError, match="cannot be negative"):
        people_services.register_interest(
            f.person(),
            category="gift_hospitality",
            description="Dinner",
            registered_on=dt.date(2023, 1, 5),
            value_gbp=Decimal("-45"),
        )
    assert not Interest.objects.exists()


def test_a_registration_in_the_future_is_refused():
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="future date"):
        people_services.register_interest(
            f.person(), category="other", description="Trustee", registered_on=tomorrow
        )
    assert not Interest.objects.exists()
    today = people_services.register_interest(
        f.person(), category="other", description="Trustee", registered_on=timezone.localdate()
    )
    assert today.pk is not None


def test_the_declaration_form_ignores_a_person_that_is_not_an_id():
    from quorate.proceedings.forms import DeclarationForm

    meeting = f.meeting()
    form = DeclarationForm(data={"person": "\u00b2"}, meeting=meeting)  # "²": no server error
    assert not form.is_valid() and "person" in form.errors
