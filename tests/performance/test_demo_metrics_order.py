import pytest

from quorate.performance import demo

pytestmark = pytest.mark.django_db


def test_metrics_need_the_boards_first():
    with pytest.raises(ValueError, match="no body named"):
        demo.load()
