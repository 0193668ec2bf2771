"""Django admin: every registered model's list opens for a superuser, and the records that
change only through services (with an audit row) are view-only there."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db

VIEW_ONLY = {
    "audit.auditevent",
    "governance.reportrevision",
    "performance.observation",
    "proceedings.attendance",
    "proceedings.declaration",
    "proceedings.minute",
    "proceedings.minuterevision",
    "proceedings.minutesapproval",
    "proceedings.resolution",
    "proceedings.decision",
    "proceedings.action",
}
# Made only by their services (compiled, recorded), though some fields may be viewed/edited.
NO_ADD = VIEW_ONLY | {"packs.pack"}


def test_every_admin_list_opens_and_service_records_are_view_only(client, demo):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(user)
    seen = set()
    for model in admin.site._registry:
        label = f"{model._meta.app_label}.{model._meta.model_name}"
        seen.add(label)
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        response = client.get(reverse(f"{prefix}_changelist"))
        assert response.status_code == 200, label
        first = model._default_manager.order_by("pk").first()
        if first is not None:  # the record's own page opens (as a view where view-only)
            page = client.get(reverse(f"{prefix}_change", args=[first.pk]))
            assert page.status_code == 200, label
        add = client.get(reverse(f"{prefix}_add"))
        if label in NO_ADD:
            assert add.status_code == 403, label
        else:
            assert add.status_code == 200, label
    assert seen >= VIEW_ONLY
