"""Back-office upload: an exempt paragraph outside Schedule 12A's 1-7 is refused (400, a
clear message, nothing saved); a valid one is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from quorate.governance.models import Document
from tests.adapters.pdf_factories import make_simple_pdf

pytestmark = pytest.mark.django_db(transaction=True)


def _post(client, pack_meeting, paragraph):
    meeting, item = pack_meeting["meeting"], pack_meeting["follow"]
    return client.post(
        f"/office/meetings/{meeting.slug}/items/{item.pk}/papers/",
        {
            "file": SimpleUploadedFile("terms.pdf", make_simple_pdf(1)),
            "title": "Commercial terms",
            "exempt_paragraph": paragraph,
        },
    )


@pytest.mark.parametrize("paragraph", ["abc", "0", "9", "-1", "3.5"])
def test_upload_with_an_invalid_exempt_paragraph_is_refused(clerk_client, pack_meeting, paragraph):
    before = Document.objects.count()
    response = _post(clerk_client, pack_meeting, paragraph)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert f"Exempt paragraph &#x27;{paragraph}&#x27; for item 4" in page
    assert "choose one of 1, 2, 3, 4, 5, 6, 7" in page
    assert Document.objects.count() == before


@pytest.mark.parametrize(("paragraph", "stored"), [("3", 3), ("", None)])
def test_upload_with_a_valid_or_blank_paragraph_is_saved(
    clerk_client, pack_meeting, paragraph, stored
):
    response = _post(clerk_client, pack_meeting, paragraph)
    assert response.status_code == 302
    doc = pack_meeting["follow"].documents.get()
    assert doc.exempt_paragraph == stored
