"""Demo data of the reports app: the draft year-end summary of the 2020 Đơn Dương
campaign, ready for the board head to sign. Created once; a second run changes nothing."""

import datetime

from django.db import transaction

import audit
from campaign.models import Campaign

from .models import SummaryReport
from .services import report_defaults

ASSESSMENT = """\
Năm 2020, phong trào thi đua “Dân vận khéo” trong xây dựng nông thôn mới kiểu mẫu, đô thị văn minh được cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể từ huyện đến cơ sở quan tâm lãnh đạo, chỉ đạo; việc đăng ký, xây dựng mô hình, điển hình được triển khai sớm, gắn với thực hiện nhiệm vụ chính trị của từng địa phương, đơn vị và các hoạt động kỷ niệm 90 năm Ngày truyền thống công tác dân vận của Đảng.
Các mô hình, điển hình tập trung vào những lĩnh vực người dân quan tâm: vận động hiến đất mở rộng đường giao thông nông thôn, chuyển đổi sản xuất nông nghiệp ứng dụng công nghệ cao, giữ gìn an ninh trật tự, bảo vệ môi trường, xây dựng khu dân cư văn minh. Nhiều mô hình ở vùng đồng bào dân tộc thiểu số và đồng bào có đạo phát huy tốt vai trò của già làng, người có uy tín và chức sắc tôn giáo, được nhân dân đồng tình hưởng ứng.
Tuy nhiên, một số đơn vị còn đăng ký mô hình chung chung, thiếu số liệu kiểm chứng; việc báo cáo sơ kết của một vài xã còn chậm so với thời hạn; công tác tuyên truyền, nhân rộng mô hình có nơi chưa thường xuyên. Nguyên nhân chủ yếu là đội ngũ cán bộ làm công tác dân vận ở cơ sở còn kiêm nhiệm nhiều việc, việc theo dõi, hướng dẫn chưa sát.
Bài học kinh nghiệm: cấp ủy phải trực tiếp lãnh đạo, chọn đúng việc dân cần, dân mong; phát huy quyền làm chủ của nhân dân theo phương châm dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng; kịp thời sơ kết, biểu dương, khen thưởng để tạo sức lan tỏa."""

DIRECTION = """\
Tiếp tục quán triệt, thực hiện Quyết định số 23-QĐ/TW của Ban Bí thư về Quy chế công tác dân vận của hệ thống chính trị và các văn bản của Trung ương, của tỉnh về phong trào thi đua “Dân vận khéo”; gắn phong trào với việc thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XII, nhiệm kỳ 2020 – 2025.
Hướng dẫn các xã, thị trấn, Mặt trận Tổ quốc và các đoàn thể đăng ký mô hình, điển hình “Dân vận khéo” năm 2021 ngay từ quý I; ưu tiên các mô hình trong xây dựng nông thôn mới kiểu mẫu về ứng dụng công nghệ cao theo hướng thông minh, ở vùng đồng bào dân tộc thiểu số và vùng đồng bào có đạo.
Duy trì, nhân rộng các mô hình, điển hình đã được công nhận năm 2020; phối hợp với Đài Truyền thanh – Truyền hình huyện tuyên truyền các mô hình tiêu biểu trên các phương tiện thông tin đại chúng.
Tăng cường kiểm tra, đôn đốc, kịp thời sơ kết 6 tháng và tổng kết năm; đề xuất khen thưởng kịp thời các tập thể, cá nhân có thành tích xuất sắc trong phong trào."""

DEMO_DATE = datetime.date(2020, 12, 15)


@transaction.atomic
def seed(stdout=None) -> None:
    campaign = Campaign.objects.select_related("owner").filter(owner__code="DD", year=2020).order_by("pk").first()
    if campaign is None:
        if stdout:
            stdout.write("  reports: no 2020 campaign of Đơn Dương yet, summary report skipped")
        return
    if SummaryReport.objects.filter(campaign=campaign, kind=SummaryReport.Kind.SUMMARY).exists():
        if stdout:
            stdout.write("  reports: summary report 2020 already there")
        return
    fields = report_defaults(campaign, SummaryReport.Kind.SUMMARY)
    fields.update(
        number="45-BC/BDVHU",
        date=DEMO_DATE,
        assessment=ASSESSMENT,
        direction=DIRECTION,
        signer_name=campaign.signer_name or "Lê Đình Thủy",
    )
    report = SummaryReport.objects.create(campaign=campaign, kind=SummaryReport.Kind.SUMMARY, **fields)
    audit.record(None, "report.created", report, after={"kind": report.kind, "campaign": campaign.pk, "source": "seed_demo"})
    if stdout:
        stdout.write("  reports: draft summary report 45-BC/BDVHU of 2020 created")
