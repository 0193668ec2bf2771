"""Every portal page passes axe-core's WCAG 2.2 AA rules in headless Chromium."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from quorate.demo import loader
from tests.leaks import crawl, plant_exempt_data

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("axe_check.mjs")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _require_tools() -> None:
    missing = [
        what
        for what, ok in (
            ("node", shutil.which("node")),
            (
                "chromium (Debian package; make test installs it)",
                Path("/usr/bin/chromium").exists(),
            ),
            (
                "node_modules/axe-core (npm ci; make test runs it)",
                (ROOT / "node_modules/axe-core").exists(),
            ),
            ("node_modules/playwright-core", (ROOT / "node_modules/playwright-core").exists()),
        )
        if not ok
    ]
    if missing:
        pytest.fail("accessibility test needs: " + ", ".join(missing))


def run_axe(urls: list[str], *, cookie: str = "") -> dict[str, list[dict]]:
    _require_tools()
    env = {**os.environ, **({"AXE_COOKIE": cookie} if cookie else {})}
    proc = subprocess.run(
        ["node", str(SCRIPT), *urls],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_every_portal_page_has_no_wcag_22_aa_violations(client, live_server):
    """Every page linked from /, with the demo's papers and metrics loaded (so the
    performance pages have charts and icons) and exempt data planted."""
    from quorate.performance.demo import load_demo_metrics

    loader.load(loader.default_data())
    load_demo_metrics()
    plant_exempt_data()
    paths = list(crawl(client, html_only=True))
    assert len(paths) > 20
    assert any(p.startswith("/indicators/") for p in paths)
    results = run_axe([live_server.url + p for p in paths])
    failures = {url: v for url, v in results.items() if v}
    assert not failures, json.dumps(failures, indent=1)[:5000]


def test_back_office_pages_have_no_wcag_22_aa_violations(client, live_server, django_user_model):
    """The staff pages reachable from the back office, signed in as a clerk."""
    from django.conf import settings

    loader.load(loader.default_data())
    plant_exempt_data()
    clerk = django_user_model.objects.create_user(
        "axe-clerk", password="x-12345678!", is_staff=True
    )
    client.force_login(clerk)
    from quorate.governance.models import Meeting

    paths = {f"/office/meetings/{m.slug}/packs/" for m in Meeting.objects.all()[:3]}
    if _office_home_exists(client):
        paths |= {
            p for p in crawl(client, start="/office/", html_only=True) if p.startswith("/office/")
        }
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    results = run_axe([live_server.url + p for p in sorted(paths)], cookie=cookie)
    failures = {url: v for url, v in results.items() if v}
    assert not failures, json.dumps(failures, indent=1)[:5000]


def _office_home_exists(client) -> bool:
    return client.get("/office/").status_code == 200
