"""Shared helpers for leak tests: plant exempt data with unique markers, crawl the portal."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlparse

from quorate.governance.models import BackgroundPaper
from tests import factories as f


@dataclass
class Planted:
    markers: list[str]
    exempt_item: object
    private_item: object
    exempt_document: object
    exempt_appendix_of_public_item: object
    body: object
    meeting: object
    private_meeting: object


def marker(label: str) -> str:
    return f"LEAK-{label}-{uuid.uuid4().hex[:12]}"


def plant_exempt_data() -> Planted:
    """A public meeting with an exempt item, an exempt appendix on a public item, and a
    private meeting; every restricted text field carries its own marker."""
    markers: list[str] = []

    def m(label: str) -> str:
        value = marker(label)
        markers.append(value)
        return value

    body = f.body(name="Leak Test Board", slug="leak-test-board")
    meeting = f.meeting(body=body, slug="leak-test-meeting")
    f.agenda_item(
        meeting=meeting,
        order=1,
        number="1",
        title="Public item",
        description="Nothing secret here",
        attachment="attached",
    )
    exempt = f.agenda_item(
        meeting=meeting,
        order=2,
        number="2",
        title="Contract award (exempt)",
        description=m("item-description"),
        exempt_paragraph=3,
        attachment="attached",
    )
    rep = f.report(
        agenda_item=exempt,
        subject=m("report-subject"),
        brief_summary=m("report-summary"),
        detail=m("report-detail"),
        recommendations=[m("report-recommendation")],
        author_name=m("report-author"),
    )
    BackgroundPaper.objects.create(report=rep, title=m("background-paper"))
    exempt_doc = f.document(
        title=m("exempt-document-title"),
        agenda_item=exempt,
        meeting=meeting,
        filename=f"{m('exempt-filename')}.pdf",
        content=m("exempt-file-body").encode(),
    )
    public_item = f.agenda_item(
        meeting=meeting, order=3, number="3", title="Public report", attachment="attached"
    )
    f.report(agenda_item=public_item, subject="Public subject")
    public_rep = public_item.report
    BackgroundPaper.objects.create(
        report=public_rep, title=m("exempt-background-paper"), exempt_paragraph=1
    )
    exempt_appendix = f.document(
        title=m("exempt-appendix-title"),
        agenda_item=public_item,
        meeting=meeting,
        exempt_paragraph=1,
    )
    f.document(title="Public appendix", agenda_item=public_item, meeting=meeting)

    private = f.meeting(body=body, slug="leak-test-private", is_public=False)
    private_item = f.agenda_item(
        meeting=private,
        order=1,
        number="1",
        title="Private business",
        description=m("private-item-description"),
    )
    f.report(agenda_item=private_item, subject=m("private-report-subject"))
    f.document(title=m("private-document-title"), agenda_item=private_item, meeting=private)
    f.document(title=m("private-meeting-document"), meeting=private)
    return Planted(
        markers, exempt, private_item, exempt_doc, exempt_appendix, body, meeting, private
    )


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def read_body(response) -> bytes:
    """The body of a test-client response; closes a streamed file without response.close(),
    which would fire request_finished and close the test's database connection."""
    if not response.streaming:
        return response.content
    body = b"".join(response.streaming_content)
    stream = getattr(response, "file_to_stream", None)
    if stream is not None:
        stream.close()
    return body


def crawl(
    client, start: str = "/", limit: int = 2000, *, html_only: bool = False
) -> dict[str, bytes]:
    """Fetch every page reachable by links from ``start`` on this site (GET only)."""
    seen: dict[str, bytes] = {}
    html: set[str] = set()
    queue = [start]
    while queue and len(seen) < limit:
        url = queue.pop()
        if url in seen:
            continue
        response = client.get(url)
        body = read_body(response)
        seen[url] = body
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html.add(url)
        parser = _Links()
        parser.feed(body.decode("utf-8", "replace"))
        for href in parser.links:
            href = urldefrag(href)[0]
            parsed = urlparse(href)
            if parsed.scheme or parsed.netloc or not href.startswith("/"):
                continue
            if href.startswith(("/admin/", "/static/", "/accounts/logout")):
                continue
            if href not in seen:
                queue.append(href)
    return {u: b for u, b in seen.items() if u in html} if html_only else seen


def assert_no_markers(pages: dict[str, bytes], markers: list[str]) -> None:
    found = [
        (url, mk)
        for url, body in pages.items()
        for mk in markers
        if mk.encode() in body or re.search(re.escape(mk).encode(), body, re.I)
    ]
    assert not found, f"exempt information reached the public: {found}"
