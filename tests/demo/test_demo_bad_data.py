"""Bad demo data: a clear error, and nothing stored (needs an empty database)."""

import pytest

from quorate.demo import loader
from quorate.governance.models import Body, Meeting

pytestmark = pytest.mark.django_db


def test_demo_bad_data_names_the_problem_and_stores_nothing():
    data = loader.default_data()
    data["bodies"][0]["members"][0]["person"] = "Nobody Known"
    with pytest.raises(ValueError, match="Nobody Known"):
        loader.load_demo(data)
    assert Meeting.objects.count() == 0 and Body.objects.count() == 0
