"""The PDF of a document: its template laid out by WeasyPrint on A4 with the Party
document stylesheet (static/css/report-pdf.css), in the typeface shipped with the
portal (static/css/document-fonts.css) and no other."""

import hashlib
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache as shared_cache
from django.template.loader import render_to_string
from django.utils import translation

from .document import ReportDocument

STYLESHEET = "css/report-pdf.css"
# The stylesheets a document is laid out with (report-pdf.css imports the fonts' one).
STYLESHEETS = (STYLESHEET, "css/document-fonts.css")
TEMPLATE = "reports/pdf.html"
# A PDF laid out on request is kept this long for whoever asks for the same text again.
KEEP_SECONDS = 24 * 3600


def stylesheet_path(name: str = STYLESHEET) -> str:
    found = finders.find(name)
    return str(found) if found else str(Path(settings.STATIC_ROOT) / name)


def render_html(document: ReportDocument, template: str = TEMPLATE) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(template, {"doc": document})


def layout_html(html_text: str):
    """Lay out HTML with the document stylesheet; a ``weasyprint.Document``."""
    # Imported here: WeasyPrint is slow to import and only the renderer needs it.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    # Without a font configuration WeasyPrint ignores @font-face and takes system fonts.
    fonts = FontConfiguration()
    html = HTML(string=html_text, base_url=str(settings.BASE_DIR))
    stylesheet = CSS(filename=stylesheet_path(), font_config=fonts)
    return html.render(stylesheets=[stylesheet], font_config=fonts, presentational_hints=True)


def layout(document: ReportDocument, template: str = TEMPLATE):
    """The laid-out pages (a ``weasyprint.Document``), before they are written out."""
    return layout_html(render_html(document, template))


def render_pdf(document: ReportDocument, template: str = TEMPLATE) -> bytes:
    return layout(document, template).write_pdf()


@cache
def _stylesheets_digest() -> str:
    digest = hashlib.sha256()
    for name in STYLESHEETS:
        digest.update(Path(stylesheet_path(name)).read_bytes())
    return digest.hexdigest()


def render_pdf_once(document: ReportDocument, template: str = TEMPLATE) -> bytes:
    """The PDF of ``document``, laid out once for the same text: the HTML it is laid out
    from (and the stylesheets) name it in the cache, so that any change of the text
    makes a new one and opening the same form again costs no layout."""
    html_text = render_html(document, template)
    key = "pdf:" + hashlib.sha256(f"{_stylesheets_digest()}\n{html_text}".encode()).hexdigest()
    pdf = shared_cache.get(key)
    if pdf is None:
        pdf = layout_html(html_text).write_pdf()
        shared_cache.set(key, pdf, KEEP_SECONDS)
    return pdf
