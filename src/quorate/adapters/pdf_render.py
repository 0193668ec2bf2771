"""HTML to PDF with WeasyPrint: front sheets, cover sheets, printed minutes.

Output is tagged PDF/UA-1 (WeasyPrint 70's ``pdf_variant="pdf/ua-1"`` turns on
``pdf_tags`` and writes the PDF/UA identification into the XMP metadata). The document
title comes from the HTML ``<title>`` and the language from ``<html lang="...">``.

Resources are fetched only from ``data:`` URLs and, when ``base_url`` is a local
folder, files inside that folder: a paper's HTML can never pull in ``file:///etc/...``
or reach the network.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

with warnings.catch_warnings():
    # WeasyPrint 70 warns at import time when the system lacks libharfbuzz-subset0
    # (Debian package); it then subsets fonts with fontTools instead, more slowly.
    warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=DeprecationWarning)
    import weasyprint
    from weasyprint.urls import URLFetcher

PDF_VARIANT = "pdf/ua-1"


class _LocalOnlyFetcher(URLFetcher):
    def __init__(self, root: Path | None) -> None:
        protocols = ("data", "file") if root is not None else ("data",)
        super().__init__(allowed_protocols=protocols)
        self._root = root.resolve() if root is not None else None

    def fetch(self, url: str, headers: object = None) -> object:
        if url.lower().startswith("file:"):
            path = Path(unquote(urlparse(url).path)).resolve()
            if self._root is None or not path.is_relative_to(self._root):
                raise ValueError(f"refusing to read {path}: outside {self._root}")
        return super().fetch(url, headers)


def _root_of(base_url: str | Path | None) -> Path | None:
    if base_url is None:
        return None
    text = str(base_url)
    if "://" in text and not text.startswith("file:"):
        return None
    path = Path(unquote(urlparse(text).path) if text.startswith("file:") else text)
    return path if path.is_dir() else path.parent


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int


def render_document(
    html: str, base_url: str | Path | None = None, *, tagged: bool = True
) -> RenderedPdf:
    """Render HTML to PDF bytes, also returning the page count (no re-parse needed)."""
    root = _root_of(base_url)
    document = weasyprint.HTML(
        string=html,
        base_url=str(root) + "/" if root is not None else None,
        url_fetcher=_LocalOnlyFetcher(root),
    ).render()
    options: dict[str, object] = {"pdf_variant": PDF_VARIANT} if tagged else {}
    data = document.write_pdf(**options)
    return RenderedPdf(data=data, pages=len(document.pages))


def render_html(html: str, base_url: str | Path | None = None, *, tagged: bool = True) -> bytes:
    """Render HTML to PDF bytes (tagged PDF/UA-1 unless ``tagged=False``)."""
    return render_document(html, base_url, tagged=tagged).data
