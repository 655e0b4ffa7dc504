"""Every PDF the portal makes is set in the shipped Liberation Serif 2 and nothing else,
on a machine whose only fonts are DejaVu and Debian's Liberation 1.07 (which lacks ơ, ư
and most of U+1EA0–1EF9): the renderer runs in a process whose fontconfig sees only
those, so a missing glyph would come out in DejaVu."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from reports.document import build_document
from reports.models import SummaryReport
from reports.pdf import render_html
from reports.registration_form import build_registration_form
from reports.selectors import document_content
from reports.services import create_report

from .builders import REQUIRE_SERVICES

SYSTEM_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation")
SHIPPED_FAMILY = re.compile(r"^[A-Z]{6}\+Liberation-Serif(-Bold|-Italic|-Bold-Italic)?$")

RENDER = """
import json, sys
import django
django.setup()
from reports.pdf import layout_html
from registrations.demo import _pdf
documents = json.load(open(sys.argv[1]))
for name, html in documents.items():
    open(f"{sys.argv[2]}/{name}.pdf", "wb").write(layout_html(html).write_pdf())
open(f"{sys.argv[2]}/evidence.pdf", "wb").write(_pdf("Báo cáo kết quả", "Xã Đạ Ròn", ["Đồng bào hưởng ứng, ủng hộ."]))
# A control without the shipped fonts: proves a fallback would show up as DejaVu here.
from weasyprint import HTML
HTML(string='<p style="font-family: Liberation Serif">ĐƠN DƯƠNG, TRƯỞNG BAN, Thủy, hướng</p>').write_pdf(f"{sys.argv[2]}/control.pdf")
"""


def _tool(name):
    binary = shutil.which(name)
    if binary is None:
        if REQUIRE_SERVICES:
            pytest.fail(f"{name} (poppler-utils) is required but not installed")
        pytest.skip(f"needs {name} from poppler-utils")
    return binary


def _fonts(pdf: Path) -> set[str]:
    output = subprocess.run([_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return {line.split()[0] for line in output.splitlines()[2:] if line.strip()}


def _fontconfig(tmp_path) -> Path:
    dirs = [d for d in SYSTEM_FONT_DIRS if Path(d).is_dir()]
    if not any("dejavu" in d for d in dirs):
        pytest.skip("needs fonts-dejavu-core, the fallback the check would catch")
    config = tmp_path / "fonts.conf"
    body = "".join(f"<dir>{d}</dir>" for d in dirs)
    config.write_text(f'<?xml version="1.0"?><fontconfig>{body}<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>')
    return config


@pytest.fixture
def every_document(campaign, staff_user, populated, appraised, board_head):
    htmls = {}
    for kind in SummaryReport.Kind.values:
        report = SummaryReport.objects.filter(campaign=campaign, kind=kind).first() or create_report(campaign, kind, by=staff_user)
        htmls[kind] = render_html(build_document(report, document_content(report)))
    registration = appraised["registrations"][0]
    htmls["registration_form"] = render_html(build_registration_form(registration))
    return htmls


def test_every_pdf_uses_only_the_shipped_liberation_serif_without_fonts_liberation2(tmp_path, every_document):
    documents = tmp_path / "documents.json"
    documents.write_text(json.dumps(every_document))
    env = {
        **os.environ,
        "FONTCONFIG_FILE": str(_fontconfig(tmp_path)),
        "DJANGO_SETTINGS_MODULE": "config.test_settings",
        "PYTHONPATH": str(settings.BASE_DIR),
    }
    subprocess.run([sys.executable, "-c", RENDER, str(documents), str(tmp_path)], env=env, check=True, cwd=settings.BASE_DIR)

    assert any(name.startswith(tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) and "DejaVu" in name for name in _fonts(tmp_path / "control.pdf"))
    names = [*every_document, "evidence"]
    assert len(names) == 6
    for name in names:
        fonts = _fonts(tmp_path / f"{name}.pdf")
        assert fonts, name
        assert all(SHIPPED_FAMILY.match(font) for font in fonts), (name, fonts)
