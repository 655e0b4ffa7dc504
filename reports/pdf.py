"""The PDF of a report: the document template laid out by WeasyPrint on A4 with the
Party document stylesheet (static/css/report-pdf.css)."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from .document import ReportDocument

STYLESHEET = "css/report-pdf.css"


def stylesheet_path() -> str:
    found = finders.find(STYLESHEET)
    return str(found) if found else str(Path(settings.STATIC_ROOT) / STYLESHEET)


def render_html(document: ReportDocument) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string("reports/pdf.html", {"doc": document})


def layout(document: ReportDocument):
    """The laid-out pages (a ``weasyprint.Document``), before they are written out."""
    # Imported here: WeasyPrint is slow to import and only the renderer needs it.
    from weasyprint import CSS, HTML

    html = HTML(string=render_html(document), base_url=str(settings.BASE_DIR))
    return html.render(stylesheets=[CSS(filename=stylesheet_path())], presentational_hints=True)


def render_pdf(document: ReportDocument) -> bytes:
    return layout(document).write_pdf()
