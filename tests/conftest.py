import pytest
from django.db import transaction


@pytest.fixture
def clerk(django_user_model):
    return django_user_model.objects.create_user("clerk-test", password="pw-123456!", is_staff=True)


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo (reference data, then the seed papers through the importer), loaded once per
    test module inside a transaction that is rolled back after the module. Tests using it
    must not be transactional (they run in savepoints inside this transaction)."""
    from quorate.demo import loader

    with django_db_blocker.unblock(), transaction.atomic():
        summary = loader.load_demo()
        yield summary
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def demo_metrics(demo, django_db_blocker):
    """The demo plus the seed BCF metrics (as ``quorate load-demo`` loads them)."""
    from quorate.performance.demo import load_demo_metrics

    with django_db_blocker.unblock():
        load_demo_metrics()
    return demo
