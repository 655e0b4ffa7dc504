"""Demo data of the campaign layer: the 2020 plan of the Đơn Dương district's Mass
Mobilisation Board, in the words of the signed document (Kế hoạch số 12-KH/BDVHU), with
its deadlines (DESIGN §3), a few progress updates and dissemination records. Written
through the services, so the audit ledger tells the story. A second run changes nothing."""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.models import Unit, User

from . import dissemination, services
from .models import Acknowledgement, Campaign, Deadline, PlanItem

D = datetime.date
YEAR = 2020
NUMBER = "Số 12-KH/BDVHU"
STAFF_USERNAME = "bdv"

TITLE = "Thực hiện phong trào thi đua “Dân vận khéo” trong xây dựng nông thôn mới năm 2020"

LEGAL_BASES = [
    "Kế hoạch số 75-KH/BDVTU ngày 03/3/2020 của Ban Dân vận Tỉnh ủy Lâm Đồng",
    "Nghị quyết Đại hội XII Đảng bộ huyện",
    "Nghị quyết số 13-NQ/HU ngày 02/12/2019 của Huyện ủy về phát triển kinh tế, xã hội, đảm bảo quốc phòng an ninh, "
    "xây dựng Đảng, xây dựng hệ thống chính trị năm 2020",
    "Chỉ thị số 13-CT/HU, ngày 25/5/2017 của Ban Thường vụ Huyện ủy về tăng cường sự lãnh đạo của Đảng đối với "
    "Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới kiểu mẫu, đô thị văn minh”",
    "Nghị quyết số 12-NQ/HU ngày 12/4/2019 của Huyện ủy về xây dựng huyện Đơn Dương đạt nông thôn mới kiểu mẫu về "
    "ứng dụng công nghệ cao theo hướng thông minh giai đoạn 2019-2025",
]

PREAMBLE = "\n".join(
    [
        "Thực hiện Kế hoạch số 75-KH/BDVTU ngày 03/3/2020 của Ban Dân vận Tỉnh ủy Lâm Đồng.",
        "Ban Dân vận Huyện ủy xây dựng kế hoạch tổ chức thực hiện phong trào thi đua “Dân vận khéo” trong xây dựng "
        "nông thôn mới kiểu mẫu, đô thị văn minh năm 2020 như sau:",
    ]
)

PURPOSES = "\n".join(
    [
        "Cùng với các cấp, các ngành nâng cao chất lượng, hiệu quả Chương trình mục tiêu quốc gia xây dựng nông thôn "
        "mới kiểu mẫu, đô thị văn minh năm 2020 trên địa bàn huyện góp phần thực hiện thắng lợi Nghị quyết Đại hội XII "
        "Đảng bộ huyện; Nghị quyết số 13-NQ/HU ngày 02/12/2019 của Huyện ủy về phát triển kinh tế, xã hội, đảm bảo quốc "
        "phòng an ninh, xây dựng Đảng, xây dựng hệ thống chính trị năm 2020; Chỉ thị số 13-CT/HU, ngày 25/5/2017 của Ban "
        "Thường vụ Huyện ủy về tăng cường sự lãnh đạo của Đảng đối với Cuộc vận động “Toàn dân đoàn kết xây dựng nông "
        "thôn mới kiểu mẫu, đô thị văn minh”; Nghị quyết số 12-NQ/HU ngày 12/4/2019 của Huyện ủy về xây dựng huyện Đơn "
        "Dương đạt nông thôn mới kiểu mẫu về ứng dụng công nghệ cao theo hướng thông minh giai đoạn 2019-2025, thiết "
        "thực kỷ niệm 90 năm truyền thống công tác dân vận của Đảng.",
        "- Nâng cao trách nhiệm của cấp uỷ, chính quyền, cơ quan, tổ chức, đội ngũ cán bộ, đảng viên, công chức, viên "
        "chức đối với công tác dân vận, góp phần củng cố niềm tin của nhân dân đối với Đảng, Nhà nước, hệ thống chính "
        "trị; xây dựng, nhân rộng các điển hình “Dân vận khéo”, “Dân vận khéo” trong xây dựng nông thôn mới kiểu mẫu, "
        "đô thị văn minh nhất là ở những lĩnh vực, địa bàn trọng yếu, tạo sự đồng thuận và sự tích cực tham gia của "
        "người dân.",
        "- Tập trung xây dựng, nhân rộng các mô hình, điển hình “Dân vận khéo” trên các lĩnh vực đời sống xã hội trong "
        "xây dựng nông thôn mới kiểu mẫu, đô thị văn minh. Phát huy vai trò của các tầng lớp nhân dân, dân tộc, tôn "
        "giáo, doanh nhân và hệ thống chính trị ở cơ sở trong phong trào thi đua yêu nước, nhất là phong trào thi đua "
        "“Dân vận khéo” trong xây dựng nông thôn mới kiểu mẫu, đô thị văn minh.",
        "- Việc thực hiện các nội dung “Dân vận khéo”, “Dân vận khéo” trong xây dựng nông thôn mới kiểu mẫu, đô thị "
        "văn minh phải thiết thực, hiệu quả có trọng tâm, trọng điểm với nhiều nội dung và hình thức mới, có sức lan "
        "tỏa sâu rộng, tạo không khí phấn khởi, thi đua lập thành tích mới, gắn với chào mừng Đại hội Đảng các cấp, "
        "nhiệm kỳ 2020 - 2025 và kỷ niệm những ngày lễ lớn của dân tộc, đất nước và địa phương trong năm 2020.",
    ]
)

IMPLEMENTATION = "\n".join(
    [
        "Ủy ban MTTQVN và các tổ chức chính trị - xã hội; Khối Dân vận các xã, thị trấn quan tâm phối hợp tổ chức thực hiện.",
        "Chuyên viên Ban Dân vận Huyện ủy theo chức năng, nhiệm vụ được phân công tham mưu phối hợp tổ chức thực hiện.",
        "Trong quá trình tổ chức thực hiện căn cứ tình hình thực tiễn và yêu cầu nhiệm vụ cụ thể Ban Dân vận Huyện ủy "
        "có sự bổ sung, điều chỉnh nội dung phù hợp.",
    ]
)

RECIPIENTS = [
    "Ủy ban MTTQVN và các đoàn thể huyện,",
    "Đảng ủy các xã, thị trấn,",
    "Khối Dân vận các xã, thị trấn,",
    "Lưu BDVHU.",
]

ORGANISATIONS = ["DD-MTTQ", "DD-HND", "DD-LHPN", "DD-DTN", "DD-CCB", "DD-LDLD"]

# Each task: (title, full text as in the plan, due date, coordinating unit codes, progress).
# The title is the task's opening words; the text is the seed document's paragraph.
# Progress: (date, note, status after) in order.
PLAN = [
    (
        "Quý I và quý II",
        D(YEAR, 1, 1),
        D(YEAR, 6, 30),
        [
            (
                "Tổ chức quán triệt các văn bản mới liên quan đến công tác dân vận",
                "Tổ chức quán triệt các văn bản mới liên quan đến công tác dân vận, phong trào thi đua Dân vận khéo” và "
                "“Dân vận khéo” trong xây dựng nông thôn mới kiểu mẫu, đô thị văn minh cho đội ngũ cán bộ, công chức, "
                "đoàn viên, hội viên khối dân vận, MTTQ và các đoàn thể cấp cơ sở.",
                D(YEAR, 3, 31),
                ORGANISATIONS,
                [
                    (
                        D(YEAR, 3, 27),
                        "Đã tổ chức hội nghị quán triệt Kế hoạch số 75-KH/BDVTU của Ban Dân vận Tỉnh ủy và Kế hoạch số "
                        "12-KH/BDVHU cho cán bộ khối dân vận, MTTQ và các đoàn thể huyện; các xã, thị trấn tổ chức "
                        "quán triệt ở cơ sở.",
                        PlanItem.Status.DONE,
                    ),
                ],
            ),
            (
                "Tổ chức khảo sát và triển khai đăng ký thi đua xây dựng các mô hình, điển hình “Dân vận khéo” ở cơ sở",
                "Tổ chức khảo sát và triển khai đăng ký thi đua xây dựng các mô hình, điển hình “Dân vận khéo” ở cơ sở; "
                "tiếp tục xây dựng và nhân rộng mô hình, điển hình “Dân vận khéo” ở vùng dân tộc thiểu số, vùng đồng bào "
                "có đạo gắn với phát huy vai trò người tiêu biểu trong đồng bào dân tộc thiểu số, chức sắc tôn giáo tham "
                "gia tuyên truyền, vận động, hưởng ứng thực hiện xây dựng nông thôn mới kiểu mẫu, đô thị văn minh.",
                D(YEAR, 4, 30),
                ["DD-MTTQ"],
                [
                    (
                        D(YEAR, 4, 10),
                        "Đã khảo sát tại các xã vùng đồng bào dân tộc thiểu số và vùng đồng bào có đạo; hướng dẫn Khối "
                        "Dân vận các xã, thị trấn đăng ký mô hình, điển hình trên cổng thông tin.",
                        PlanItem.Status.IN_PROGRESS,
                    ),
                    (
                        D(YEAR, 4, 30),
                        "Các xã, thị trấn và đoàn thể huyện đã đăng ký thi đua; Ban tổng hợp danh sách mô hình, điển "
                        "hình đăng ký năm 2020.",
                        PlanItem.Status.DONE,
                    ),
                ],
            ),
            (
                "Tiến hành làm việc với Khối dân vận cơ sở, kiểm tra đôn đốc việc xây dựng các mô hình, điển hình "
                "“Dân vận khéo” ở cơ sở",
                "Tiến hành làm việc với Khối dân vận cơ sở, kiểm tra đôn đốc việc xây dựng các mô hình, điển hình "
                "“Dân vận khéo” ở cơ sở, tổ chức sơ kết việc xây dựng mô hình dân vận khéo 6 tháng đầu năm, triển khai "
                "nhiệm vụ 6 tháng cuối năm 2020.",
                D(YEAR, 6, 30),
                [],
                [
                    (
                        D(YEAR, 6, 26),
                        "Đã làm việc với Khối Dân vận các xã, thị trấn; tổ chức sơ kết 6 tháng đầu năm việc xây dựng mô "
                        "hình “Dân vận khéo” và triển khai nhiệm vụ 6 tháng cuối năm 2020.",
                        PlanItem.Status.DONE,
                    ),
                ],
            ),
        ],
    ),
    (
        "Quý III",
        D(YEAR, 7, 1),
        D(YEAR, 9, 30),
        [
            (
                "Tiếp tục đôn đốc, hướng dẫn việc xây dựng các mô hình, điển hình “Dân vận khéo” trong xây dựng nông "
                "thôn mới kiểu mẫu, đô thị văn minh",
                "Tiếp tục đôn đốc, hướng dẫn việc xây dựng các mô hình, điển hình “Dân vận khéo” trong xây dựng nông "
                "thôn mới kiểu mẫu, đô thị văn minh gắn với việc thực hiện các phong trào thi đua yêu nước ở cơ sở.",
                D(YEAR, 9, 30),
                [],
                [
                    (
                        D(YEAR, 8, 20),
                        "Đã đến làm việc tại xã Ka Đô, Pró và Tu Tra; hướng dẫn hoàn thiện hồ sơ, minh chứng của các mô "
                        "hình đăng ký.",
                        PlanItem.Status.IN_PROGRESS,
                    ),
                ],
            ),
            (
                "Phối hợp với đài truyền hình xây dựng phóng sự “Đơn Dương với những mô hình, điển hình Dân vận khéo” "
                "giai đoạn 2015-2020",
                "Phối hợp với đài truyền hình xây dựng phóng sự “Đơn Dương với những mô hình, điển hình Dân vận khéo” "
                "giai đoạn 2015-2020 nhằm tuyên truyền sâu rộng các mô hình, điển hình tiêu biểu trên các phương tiện "
                "thông tin đại chúng.",
                D(YEAR, 9, 30),
                [],
                [],
            ),
            (
                "Xây dựng kế hoạch tuyên truyền kỷ niệm 90 ngày truyền thống công tác dân vận của Đảng (15/10/1930-15/10/2020)",
                "Xây dựng kế hoạch tuyên truyền kỷ niệm 90 ngày truyền thống công tác dân vận của Đảng (15/10/1930-15/10/2020).",
                D(YEAR, 9, 15),
                [],
                [],
            ),
        ],
    ),
    (
        "Quý IV",
        D(YEAR, 10, 1),
        D(YEAR, 12, 31),
        [
            (
                "Phối hợp với Thường trực Hội đồng TĐ-KT huyện, Văn phòng điều phối xây dựng nông thôn mới huyện và "
                "UBMTTQVN, các đoàn thể huyện thẩm định các mô hình, điển hình “Dân vận khéo” trong xây dựng nông thôn "
                "mới kiểu mẫu, đô thị văn minh ở các xã, thị trấn",
                "Phối hợp với Thường trực Hội đồng TĐ-KT huyện, Văn phòng điều phối xây dựng nông thôn mới huyện và "
                "UBMTTQVN, các đoàn thể huyện thẩm định các mô hình, điển hình “Dân vận khéo” trong xây dựng nông thôn "
                "mới kiểu mẫu, đô thị văn minh ở các xã, thị trấn để đề nghị Hội đồng thi đua khen thưởng huyện, và tỉnh "
                "khen thưởng theo quy định.",
                D(YEAR, 11, 30),
                ORGANISATIONS,
                [],
            ),
            (
                "Phối hợp tổ chức kỷ niệm ngày truyền thống các ngành xây dựng Đảng năm 2020",
                "Phối hợp tổ chức kỷ niệm ngày truyền thống các ngành xây dựng Đảng năm 2020 gắn với việc trao kỷ niệm "
                "chương vì sự nghiệp công tác dân vận cho những cá nhân có thành tích xuất sắc trong việc thực hiện công "
                "tác dân vận năm 2020.",
                D(YEAR, 10, 31),
                [],
                [],
            ),
            (
                "Tổ chức Tổng kết phong trào thi đua “Dân vận khéo” trong xây dựng nông thôn mới kiểu mẫu, đô thị văn "
                "minh năm 2020",
                "Tổ chức Tổng kết phong trào thi đua “Dân vận khéo” trong xây dựng nông thôn mới kiểu mẫu, đô thị văn "
                "minh năm 2020 gắn với việc thực hiện chủ đề Năm dân vận khéo 2020, triển khai nhiệm vụ năm 2021.",
                D(YEAR, 12, 15),
                ORGANISATIONS[:1],
                [],
            ),
        ],
    ),
]

# DESIGN §3: (kind, title, due date, audience)
DEADLINES = [
    (Deadline.Kind.REGISTRATION, "Đăng ký thi đua xây dựng mô hình, điển hình “Dân vận khéo”", D(YEAR, 4, 30), "units"),
    (Deadline.Kind.INTERIM_REPORT, "Báo cáo sơ kết 6 tháng đầu năm", D(YEAR, 6, 15), "units"),
    (Deadline.Kind.FINAL_REPORT, "Báo cáo tự đánh giá kết quả năm 2020, kèm minh chứng", D(YEAR, 10, 31), "units"),
    (Deadline.Kind.SCORING, "Hội đồng thẩm định chấm điểm các mô hình, điển hình", D(YEAR, 11, 30), "council"),
]

EXTENSIONS = [
    (
        Deadline.Kind.REGISTRATION,
        "DD-PRO",
        D(YEAR, 5, 15),
        "Xã vùng sâu, đông đồng bào dân tộc thiểu số; cần thêm thời gian khảo sát mô hình ở các thôn.",
    ),
]

# (number, date, title, [(unit code, focal-point username, date, form, participants)])
DOCUMENTS = [
    (
        "75-KH/BDVTU",
        D(YEAR, 3, 3),
        "Kế hoạch của Ban Dân vận Tỉnh ủy Lâm Đồng thực hiện phong trào thi đua “Dân vận khéo” năm 2020",
        [
            ("DD-MTTQ", "mttq", D(YEAR, 3, 18), Acknowledgement.Form.CONFERENCE, 52),
            ("DD-HND", "hoinongdan", D(YEAR, 3, 19), Acknowledgement.Form.MASS_ORGANISATION, 24),
            ("DD-THANHMY", "thanhmy", D(YEAR, 3, 20), Acknowledgement.Form.CONFERENCE, 45),
            ("DD-DRAN", "dran", D(YEAR, 3, 23), Acknowledgement.Form.CONFERENCE, 38),
            ("DD-LACLAM", "laclam", D(YEAR, 3, 25), Acknowledgement.Form.PARTY_CELL, 27),
            ("DD-QUANGLAP", "quanglap", D(YEAR, 3, 27), Acknowledgement.Form.PARTY_CELL, 31),
        ],
    ),
    (
        "12-KH/BDVHU",
        D(YEAR, 3, 10),
        TITLE,
        [
            ("DD-MTTQ", "mttq", D(YEAR, 3, 18), Acknowledgement.Form.CONFERENCE, 52),
            ("DD-THANHMY", "thanhmy", D(YEAR, 3, 20), Acknowledgement.Form.CONFERENCE, 45),
            ("DD-DRAN", "dran", D(YEAR, 3, 23), Acknowledgement.Form.WRITTEN, 12),
        ],
    ),
]


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF saying ``text`` (ASCII), so the demo documents can be downloaded."""
    stream = f"BT /F1 14 Tf 72 760 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


@transaction.atomic
def seed(stdout=None) -> None:
    district = Unit.objects.filter(code="DD").first()
    if district is None:
        from accounts import demo as accounts_demo

        accounts_demo.seed()
        district = Unit.objects.get(code="DD")
    if Campaign.objects.filter(owner=district, year=YEAR, number=NUMBER).exists():
        if stdout:
            stdout.write(f"  campaign: {NUMBER} already loaded")
        return
    staff = User.objects.get(username=STAFF_USERNAME)
    units = {unit.code: unit for unit in Unit.objects.filter(parent=district)}

    campaign = services.create_campaign(
        owner=district,
        by=staff,
        with_default_periods=False,
        year=YEAR,
        title=TITLE,
        number=NUMBER,
        issued_on=D(YEAR, 3, 10),
        place="Đơn Dương",
        legal_bases=LEGAL_BASES,
        preamble=PREAMBLE,
        purposes=PURPOSES,
        implementation=IMPLEMENTATION,
        recipients=RECIPIENTS,
        signer_title="TRƯỞNG BAN",
        signer_name="Lê Đình Thủy",
        # The 2020 plan sent registrations first and evidence with the reports.
        requires_evidence=False,
    )
    progress = []
    for order, (name, starts_on, ends_on, tasks) in enumerate(PLAN, start=1):
        period = services.create_period(campaign, by=staff, name=name, starts_on=starts_on, ends_on=ends_on, order=order)
        for title, text, due_date, coordinating, updates in tasks:
            item = services.create_plan_item(
                period,
                by=staff,
                title=title,
                description=text,
                lead_unit=district,
                coordinating_units=[units[code] for code in coordinating],
                due_date=due_date,
            )
            progress.extend((item, update) for update in updates)
    for kind, title, due_date, audience in DEADLINES:
        services.set_deadline(campaign, by=staff, kind=kind, title=title, due_date=due_date, audience=audience)
    services.publish_campaign(campaign, by=staff)

    for item, (date, text, status) in progress:
        services.record_plan_item_update(item, by=staff, date=date, text=text, new_status=status)
    for kind, code, due_date, reason in EXTENSIONS:
        deadline = Deadline.objects.get(campaign=campaign, kind=kind)
        services.grant_extension(deadline, units[code], by=staff, due_date=due_date, reason=reason)
    for number, date, title, acknowledgements in DOCUMENTS:
        upload = ContentFile(minimal_pdf(f"{number} - {date:%d/%m/%Y}"), name=f"{number.replace('/', '-')}.pdf")
        document = dissemination.add_document(campaign, by=staff, number=number, date=date, title=title, file=upload)
        for code, username, disseminated_on, form, participants in acknowledgements:
            dissemination.record_acknowledgement(
                document,
                units[code],
                by=User.objects.get(username=username),
                disseminated_on=disseminated_on,
                form=form,
                participants=participants,
            )
    if stdout:
        stdout.write(f"  campaign: {NUMBER} with {len(progress)} progress updates, deadlines and {len(DOCUMENTS)} documents")


# Today (DESIGN §0): the province board's campaign and a commune's own ------------------


def present_campaign(owner_code, staff_username, number, title, *, days_registration, items, stdout=None, publish=True):
    today = timezone.localdate()
    owner = Unit.objects.get(code=owner_code)
    campaign = Campaign.objects.filter(owner=owner, year=today.year, number=number).first()
    if campaign is not None:
        if stdout:
            stdout.write(f"  campaign: {number} already loaded")
        return campaign
    staff = User.objects.get(username=staff_username)
    campaign = services.create_campaign(
        owner=owner,
        by=staff,
        year=today.year,
        title=title,
        number=number,
        issued_on=today - datetime.timedelta(days=20),
        purposes=(
            "Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền, Mặt trận và các đoàn thể về công tác dân vận "
            "sau sắp xếp đơn vị hành chính.\n"
            "- Mỗi đơn vị đăng ký ít nhất một mô hình hoặc điển hình “Dân vận khéo”."
        ),
        signer_title=owner.signer_title or "TRƯỞNG BAN",
        signer_name=staff.full_name if owner.kind != Unit.Kind.PROVINCE else "Nguyễn Văn Phúc",
    )
    period = campaign.periods.order_by("order").first()
    for title_text, description in items:
        services.create_plan_item(period, by=staff, title=title_text, description=description, lead_unit=owner)
    for kind, days, audience in (
        (Deadline.Kind.REGISTRATION, days_registration, Deadline.Audience.UNITS),
        (Deadline.Kind.INTERIM_REPORT, days_registration + 30, Deadline.Audience.UNITS),
        (Deadline.Kind.FINAL_REPORT, days_registration + 60, Deadline.Audience.UNITS),
        (Deadline.Kind.SCORING, 3, Deadline.Audience.COUNCIL),
    ):
        services.set_deadline(campaign, by=staff, kind=kind, due_date=today + datetime.timedelta(days=days), audience=audience)
    if publish:
        services.publish_campaign(campaign, by=staff)
    if stdout:
        stdout.write(f"  campaign: {number} of {owner.name}, registration open until {today + datetime.timedelta(days=days_registration):%d/%m/%Y}")
    return campaign


PROVINCE_NUMBER = "Số 05-KH/BTGDVTU"
KADO_NUMBER = "Số 03-KH/ĐU"


def province_campaign(*, stdout=None, publish=True) -> Campaign:
    """The province board's campaign of this year, registration open for a week."""
    year = timezone.localdate().year
    return present_campaign(
        "LD",
        "tinh",
        PROVINCE_NUMBER,
        f"Kế hoạch thực hiện phong trào thi đua “Dân vận khéo” năm {year} trên địa bàn tỉnh",
        days_registration=7,
        items=[
            ("Quán triệt kế hoạch đến Đảng ủy, Khối Dân vận các xã, phường, đặc khu", "Hội nghị trực tuyến toàn tỉnh."),
            ("Đăng ký, thẩm định mô hình, điển hình “Dân vận khéo” của các xã, phường, đặc khu", ""),
        ],
        stdout=stdout,
        publish=publish,
    )


@transaction.atomic
def seed_present(stdout=None) -> None:
    year = timezone.localdate().year
    province_campaign(stdout=stdout)
    present_campaign(
        "LD-KADO",
        "dangkado",
        KADO_NUMBER,
        f"Kế hoạch thực hiện phong trào thi đua “Dân vận khéo” năm {year} ở các thôn, buôn của xã Ka Đô",
        days_registration=10,
        items=[("Phát động phong trào ở các thôn, buôn", "Mỗi thôn, buôn đăng ký một mô hình.")],
        stdout=stdout,
    )
