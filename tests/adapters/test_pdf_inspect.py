"""inspect_upload(): what an uploaded paper is, or a clear refusal naming the file."""

import pytest

from quorate.adapters.pdf import PdfRejected, inspect_upload
from tests.adapters.pdf_factories import (
    A3,
    A4,
    A4_LANDSCAPE,
    PageSpec,
    make_encrypted_pdf,
    make_form_pdf,
    make_image_only_pdf,
    make_pdf,
    make_png,
    make_simple_pdf,
    make_truncated_pdf,
)


def test_inspect_upload_describes_a_good_pdf():
    data = make_pdf(
        [PageSpec(A4, "a"), PageSpec(A4_LANDSCAPE, "b"), PageSpec(A3, "c", rotate=90)],
        title="Quality report",
    )
    info = inspect_upload("quality.pdf", data)
    assert info.pages == 3
    assert info.page_sizes == ((595.28, 841.89), (841.89, 595.28), (1190.55, 841.89))
    assert info.title == "Quality report"
    assert not info.encrypted and not info.has_forms and not info.repaired
    assert info.pages_without_text == ()


def test_inspect_upload_flags_scanned_pages_and_forms():
    assert inspect_upload("scan.pdf", make_image_only_pdf(2)).pages_without_text == (1, 2)
    assert inspect_upload("form.pdf", make_form_pdf()).has_forms


def test_inspect_upload_refuses_encrypted_pdf_naming_it():
    with pytest.raises(PdfRejected) as caught:
        inspect_upload("budget 2024.pdf", make_encrypted_pdf())
    assert caught.value.filename == "budget 2024.pdf"
    assert str(caught.value).startswith("budget 2024.pdf: ")
    assert "password" in str(caught.value)


def test_inspect_upload_refuses_permission_only_encryption():
    with pytest.raises(PdfRejected, match=r"^locked\.pdf: .*encrypted"):
        inspect_upload("locked.pdf", make_encrypted_pdf(user_password=""))


def test_inspect_upload_refuses_truncated_pdf():
    with pytest.raises(PdfRejected, match=r"^appendix 3\.pdf: .*truncated"):
        inspect_upload("appendix 3.pdf", make_truncated_pdf())


def test_inspect_upload_refuses_damaged_pdf():
    data = make_simple_pdf(2)
    damaged = data[:9] + b"\x00" * (len(data) - 200) + data[-191:]  # keep header and %%EOF
    with pytest.raises(PdfRejected, match=r"^minutes\.pdf: .*damaged"):
        inspect_upload("minutes.pdf", damaged)


def test_inspect_upload_refuses_png_named_pdf():
    with pytest.raises(PdfRejected, match=r"^chart\.pdf: this is a PNG image, not a PDF"):
        inspect_upload("chart.pdf", make_png())


def test_inspect_upload_refuses_other_non_pdf():
    with pytest.raises(PdfRejected, match=r"^notes\.pdf: this is not a PDF"):
        inspect_upload("notes.pdf", b"Dear colleagues, please find attached")
    with pytest.raises(PdfRejected, match=r"^report\.pdf: .*Office document"):
        inspect_upload("report.pdf", b"PK\x03\x04rest-of-a-docx")
    with pytest.raises(PdfRejected, match=r"^empty\.pdf: the file is empty"):
        inspect_upload("empty.pdf", b"")


def test_inspect_upload_enforces_size_and_page_limits():
    data = make_simple_pdf(5)
    with pytest.raises(PdfRejected, match=r"^big\.pdf: the file is .* MB; the limit is"):
        inspect_upload("big.pdf", data, max_bytes=100)
    with pytest.raises(PdfRejected, match=r"^long\.pdf: the PDF has 5 pages; the limit is 4"):
        inspect_upload("long.pdf", data, max_pages=4)
    assert inspect_upload("ok.pdf", data, max_pages=5).pages == 5
