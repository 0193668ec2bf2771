"""Text extraction: PDFs keep table cells as tabs; bad files are refused with the file named."""

from __future__ import annotations

import pikepdf
import pytest
import weasyprint

from quorate.adapters.textextract import ExtractionError, extract

HTML = """<html><body>
<p>Meeting Minutes</p>
<table><tr><td style="padding-right:40px">Present:</td>
<td style="padding-right:40px">Anne Apple</td>
<td style="padding-right:40px">AA</td><td>Director</td></tr></table>
<p>1. Welcome</p></body></html>"""


def _pdf_with_pages(path, count):
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    for n in range(count):
        content = pdf.make_stream(f"BT /F1 12 Tf 72 720 Td (Page text {n + 1}) Tj ET".encode())
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=[0, 0, 595, 842],
            Contents=content,
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
        )
        pdf.pages.append(pikepdf.Page(page))
    pdf.save(path)


def test_extract_pdf_keeps_table_cells_apart_with_tabs(tmp_path):
    path = tmp_path / "pack.pdf"
    weasyprint.HTML(string=HTML).write_pdf(path)
    extracted = extract(path)
    assert extracted.pdf and len(extracted.pages) == 1
    row = next(line for line in extracted.pages[0].splitlines() if "Anne Apple" in line)
    assert row.split("\t") == ["Present:", "Anne Apple", "AA", "Director"]


def test_extract_text_file_splits_pages_on_form_feeds(tmp_path):
    path = tmp_path / "pack.txt"
    path.write_text("one\fpage two", encoding="utf-8")
    extracted = extract(path)
    assert extracted.pages == ["one", "page two"] and not extracted.pdf


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.pdf", b"   \n", "empty"),
        ("binary.txt", b"\x00\x01\x02binary", "binary"),
        ("fake.pdf", b"just some text, not a PDF", "not a PDF"),
        ("truncated.pdf", b"%PDF-1.7\n1 0 obj\n<<", "cannot read the PDF"),
    ],
)
def test_extract_refuses_bad_files_naming_them(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ExtractionError, match=message) as info:
        extract(path)
    assert name in str(info.value)


def test_extract_refuses_missing_file(tmp_path):
    with pytest.raises(ExtractionError, match="no such file"):
        extract(tmp_path / "missing.pdf")


def test_extract_refuses_encrypted_pdf(tmp_path):
    path = tmp_path / "locked.pdf"
    _pdf_with_pages(tmp_path / "plain.pdf", 1)
    with pikepdf.open(tmp_path / "plain.pdf") as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(owner="o", user="secret"))
    with pytest.raises(ExtractionError, match="encrypted") as info:
        extract(path)
    assert "locked.pdf" in str(info.value)


@pytest.mark.slow
def test_extract_two_thousand_page_pdf(tmp_path):
    path = tmp_path / "big.pdf"
    _pdf_with_pages(path, 2000)
    extracted = extract(path)
    assert len(extracted.pages) == 2000
    assert extracted.pages[1999].strip() == "Page text 2000"


def test_text_file_starting_with_more_than_a_kilobyte_of_blank_space_is_read(tmp_path):
    path = tmp_path / "lead_ws.txt"
    path.write_text(" \n" * 1500 + "Public Document Pack\n", encoding="utf-8")
    extracted = extract(path)
    assert extracted.pages[0].strip() == "Public Document Pack"


@pytest.mark.parametrize("size", [10, 5000])
def test_text_file_of_blank_space_only_is_empty(tmp_path, size):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t" * size)
    with pytest.raises(ExtractionError, match="empty") as info:
        extract(path)
    assert "blank.txt" in str(info.value)
