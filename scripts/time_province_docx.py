"""Time the year-end report of a province (150 communes, 3,000 registrations, 2,440
recognised, 400 proposals, 120 medal nominations) as DOCX, and optionally as PDF:

    DEBUG=1 python scripts/time_province_docx.py [--pdf]

The content is built in memory in the shape ``reports.selectors.report_content`` gives,
so the time is the document builder's alone."""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from reports.document import build_document  # noqa: E402
from reports.models import SummaryReport  # noqa: E402
from reports.word import render_docx  # noqa: E402
from tests.reports.builders import province_content  # noqa: E402


def main() -> None:
    report = SummaryReport(kind=SummaryReport.Kind.SUMMARY, subject="Tổng kết năm 2026", superior_name="TỈNH ỦY LÂM ĐỒNG")
    report.campaign_id = None
    content = province_content()
    started = time.perf_counter()
    document = build_document(report, content)
    built = time.perf_counter()
    data = render_docx(document)
    done = time.perf_counter()
    rows = sum(len(table.rows) for table in document.tables)
    print(f"blocks {built - started:.2f} s, DOCX {done - built:.2f} s, {rows} table rows, {len(data) / 1024:.0f} KB")
    if "--pdf" in sys.argv:
        from reports.pdf import render_pdf

        started = time.perf_counter()
        pdf = render_pdf(document)
        print(f"PDF {time.perf_counter() - started:.2f} s, {len(pdf) / 1024:.0f} KB")


if __name__ == "__main__":
    main()
