"""Observations are append-only revisions: a board sees what it was told then and what is
true now."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from quorate.audit.models import AuditEvent
from quorate.performance import queries, services
from quorate.performance.models import Observation
from tests.performance.conftest import at

Q1 = dt.date(2023, 4, 1)
Q2 = dt.date(2023, 7, 1)

pytestmark = pytest.mark.django_db


def record(indicator, value, when, *, hour=9, **kw):
    return services.record_observation(
        indicator,
        period_start=kw.pop("period_start", Q1),
        value=value,
        recorded_at=at(when, hour),
        **kw,
    )


def test_a_changed_figure_is_a_new_revision_and_the_old_one_is_kept(indicator):
    first = record(indicator, "268.10", "2023-10-09")
    second = record(indicator, "272.00", "2024-01-17", footnote_marker="*", reason="SUS update")
    assert (first.revision, second.revision) == (1, 2)
    assert list(Observation.objects.values_list("value", flat=True)) == [D("268.10"), D("272.00")]
    verbs = list(
        AuditEvent.objects.filter(object_type="performance.observation")
        .order_by("id")
        .values_list("verb", "reason")
    )
    assert verbs == [("record_observation", ""), ("revise_observation", "SUS update")]


def test_recording_the_same_figure_again_changes_nothing(indicator):
    first = record(indicator, "225.40", "2024-01-17")
    events = AuditEvent.objects.count()
    again = record(indicator, "225.4", "2024-02-01")
    assert again.pk == first.pk and Observation.objects.count() == 1
    assert AuditEvent.objects.count() == events


def test_value_as_at_a_date_and_latest(indicator):
    record(indicator, "268.10", "2023-10-09")
    record(indicator, "272.00", "2024-01-17")
    record(indicator, "225.40", "2024-01-17", period_start=Q2)
    told_in_october = queries.value_as_at(indicator, Q1, dt.date(2023, 10, 16))
    assert told_in_october.value == D("268.10") and told_in_october.revision == 1
    assert queries.value_as_at(indicator, Q1, dt.date(2024, 1, 25)).value == D("272.00")
    assert queries.value_as_at(indicator, Q2, dt.date(2023, 10, 16)) is None
    assert queries.value_as_at(indicator, Q1, dt.date(2023, 10, 8)) is None
    assert queries.latest_value(indicator, Q1).value == D("272.00")
    assert [o.value for o in queries.latest_observations(indicator)] == [D("272.00"), D("225.40")]
    assert [o.value for o in queries.observations_as_at(indicator, dt.date(2023, 12, 31))] == [
        D("268.10")
    ]


def test_as_at_a_date_includes_the_whole_day_in_london(indicator):
    record(indicator, "1", "2023-10-09", hour=23)
    assert queries.value_as_at(indicator, Q1, dt.date(2023, 10, 9)).value == D(1)
    assert queries.value_as_at(indicator, Q1, at("2023-10-09", 22)) is None


def test_observations_cannot_be_changed_or_deleted(indicator):
    obs = record(indicator, "1", "2024-01-17")
    obs.value = D(2)
    with pytest.raises(ValueError, match="append-only"):
        obs.save()
    with pytest.raises(ValueError, match="never deleted"):
        obs.delete()


def test_revisions_must_be_recorded_in_time_order(indicator):
    record(indicator, "1", "2024-01-17")
    with pytest.raises(ValidationError, match="record revisions in time order"):
        record(indicator, "2", "2023-12-01")
    assert Observation.objects.count() == 1


def test_a_period_must_start_where_the_frequency_says(indicator):
    with pytest.raises(ValidationError, match="a quarter starts in April"):
        record(indicator, "1", "2024-01-17", period_start=dt.date(2023, 5, 1))


def test_data_not_available_is_a_figure_without_a_value(indicator):
    obs = services.record_observation(
        indicator,
        period_start=Q1,
        not_available=True,
        not_available_text="Data not available to report at this time",
        status="estimate",
    )
    assert obs.value is None and obs.not_available
    with pytest.raises(ValidationError):
        services.record_observation(indicator, period_start=Q2, value=None)
    with pytest.raises(ValidationError):
        services.record_observation(indicator, period_start=Q2, value="5", not_available=True)
