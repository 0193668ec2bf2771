import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from quorate.performance import services

LONDON = ZoneInfo("Europe/London")


def at(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=LONDON)


@pytest.fixture
def make_indicator(db):
    def make(**kw):
        defaults = {
            "name": "Avoidable admissions",
            "unit": "rate_per_100k",
            "polarity": "lower",
            "frequency": "quarterly",
            "actor": "test",
        }
        return services.save_indicator(**{**defaults, **kw})

    return make


@pytest.fixture
def indicator(make_indicator):
    return make_indicator()


def load_demo_with_metrics() -> None:
    """The demo as ``quorate load-demo`` loads it: boards and people, their meetings (from the
    packaged seed papers where the loader imports them), then the extra loaders (metrics)."""
    from quorate.demo import loader

    if hasattr(loader, "load_demo"):
        loader.load_demo()
    else:
        loader.load(loader.default_data())
    for hook in loader.extra_loaders():
        hook()
