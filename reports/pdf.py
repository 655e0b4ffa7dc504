"""The PDF of a document: its template laid out by WeasyPrint on A4 with the Party
document stylesheet (static/css/report-pdf.css), in the typeface shipped with the
portal (static/css/document-fonts.css) and no other."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from .document import ReportDocument

STYLESHEET = "css/report-pdf.css"
TEMPLATE = "reports/pdf.html"


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
