"""render_html(): WeasyPrint output is tagged, titled and in the document's language."""

import io

import pikepdf

from quorate.adapters.pdf import page_texts, render_document, render_html

HTML = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Agenda: 25 January 2024</title>
<style>@page {{ size: A4; margin: 2cm }}</style></head>
<body><h1>Public Document Pack</h1><p>Southampton Health and Care Partnership Board</p>
{extra}</body></html>"""


def test_render_html_is_tagged_pdf_ua_with_title_and_language():
    data = render_html(HTML.format(extra=""))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"
        assert str(pdf.docinfo.Title) == "Agenda: 25 January 2024"
        assert pikepdf.Name.StructTreeRoot in pdf.Root
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert "pdfuaid" in str(pdf.open_metadata())
    assert "Public Document Pack" in page_texts(data)[0]


def test_render_html_untagged_when_asked():
    data = render_html(HTML.format(extra=""), tagged=False)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert pikepdf.Name.StructTreeRoot not in pdf.Root


def test_render_document_counts_pages():
    rows = "".join(f"<p>Paragraph {n}</p>" for n in range(200))
    rendered = render_document(HTML.format(extra=rows))
    assert rendered.pages == len(page_texts(rendered.data)) > 1


def test_render_html_does_not_read_files_outside_base(tmp_path):
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }")
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "ok.css").write_text("h1 { font-size: 30pt }")
    html = HTML.format(
        extra=f'<link rel="stylesheet" href="file://{secret}"><link rel="stylesheet" href="ok.css">'
    )
    # Must not raise; the outside file is refused (WeasyPrint logs it), the inside one used.
    assert render_html(html, base_url=papers).startswith(b"%PDF-")
