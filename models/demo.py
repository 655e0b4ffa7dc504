"""Demo catalogue of the Đơn Dương district: models and exemplars of every commune,
town and district organisation, a few replication links, and models recognised in
2018–2019 that are already on the public showcase. Idempotent by (unit, name); a model
that exists is left as people may have changed it."""

import datetime

from django.db import transaction

from accounts.models import Unit

from .models import DvkModel, Field
from .services import create_model, publish_to_showcase, record_recognition

MODEL = DvkModel.Kind.MODEL
EXEMPLAR = DvkModel.Kind.EXEMPLAR

HIEN_DAT = ("DD-LACLAM", "Vận động nhân dân hiến đất mở rộng đường giao thông nông thôn")
PHU_NU_KA_DO = ("DD-KADO", "Chi hội phụ nữ giúp nhau phát triển kinh tế")

# Each entry: unit code, then the model's fields; "replicates" names (unit code, name)
# of an entry above it; "recognised" a year of an earlier campaign; "published" puts it
# on the showcase.
ENTRIES = [
    {
        "unit": "DD-LACLAM",
        "name": HIEN_DAT[1],
        "kind": MODEL,
        "field": Field.NEW_RURAL,
        "address": "Thôn Lạc Viên A, Lạc Viên B, xã Lạc Lâm",
        "started_on": datetime.date(2016, 3, 1),
        "description": (
            "Khối Dân vận xã phối hợp Ban công tác Mặt trận các thôn họp dân, công khai quy hoạch tuyến đường, "
            "để người dân bàn và tự nguyện hiến đất, tháo dỡ hàng rào. Sau bốn năm, 186 hộ hiến hơn 12.000 m² đất, "
            "mở rộng 9,5 km đường liên thôn lên 6 m, nhân dân đóng góp trên 1.200 ngày công."
        ),
        "recognised": 2018,
        "published": True,
    },
    {
        "unit": "DD-LACLAM",
        "name": "Trưởng thôn gương mẫu đi đầu hiến đất làm đường",
        "kind": EXEMPLAR,
        "field": Field.NEW_RURAL,
        "address": "Thôn Lạc Viên B, xã Lạc Lâm",
        "started_on": datetime.date(2016, 3, 1),
        "description": "Gia đình ông hiến 350 m² đất mặt tiền và trực tiếp đến từng hộ vận động bà con cùng tham gia.",
        "person_name": "Lê Văn Hùng",
        "person_birth_year": 1968,
        "person_position": "Trưởng thôn Lạc Viên B",
    },
    {
        "unit": "DD-LACLAM",
        "name": "Hợp tác xã rau an toàn liên kết tiêu thụ sản phẩm cho xã viên",
        "kind": MODEL,
        "field": Field.ECONOMY,
        "address": "Thôn Đông Hòa, xã Lạc Lâm",
        "started_on": datetime.date(2018, 6, 15),
        "description": "Hợp tác xã ký hợp đồng bao tiêu rau an toàn với các bếp ăn tập thể ở Đà Lạt và Phan Rang, giá ổn định cho 64 hộ xã viên.",
    },
    {
        "unit": "DD-THANHMY",
        "name": "Tổ tự quản an ninh trật tự thôn",
        "kind": MODEL,
        "field": Field.DEFENCE_SECURITY,
        "address": "Thôn Đường Mới, thị trấn Thạnh Mỹ",
        "started_on": datetime.date(2017, 1, 10),
        "is_religious_area": True,
        "description": (
            "Mỗi tổ gồm 10–15 hộ liền kề, có tổ trưởng do dân bầu, phối hợp công an thị trấn tuần tra ban đêm, "
            "nhắc nhở thanh thiếu niên, hòa giải mâu thuẫn ngay tại khu dân cư; hai năm liền không có trộm cắp tài sản."
        ),
        "recognised": 2018,
        "published": True,
    },
    {
        "unit": "DD-THANHMY",
        "name": "Khu dân cư văn minh, sạch đẹp, nói không với rác thải nhựa",
        "kind": MODEL,
        "field": Field.CULTURE_SOCIETY,
        "address": "Tổ dân phố Nghĩa Hiệp, thị trấn Thạnh Mỹ",
        "started_on": datetime.date(2019, 4, 1),
        "description": "Hội Phụ nữ vận động hộ gia đình phân loại rác tại nguồn, dùng giỏ đi chợ thay túi ni lông; trồng hoa dọc hai tuyến đường.",
    },
    {
        "unit": "DD-THANHMY",
        "name": "Tổ trưởng tổ dân phố tận tụy, gần dân, sát dân",
        "kind": EXEMPLAR,
        "field": Field.POLITICAL_SYSTEM,
        "address": "Tổ dân phố Nghĩa Hiệp, thị trấn Thạnh Mỹ",
        "description": "Nắm chắc hoàn cảnh từng hộ, kịp thời phản ánh kiến nghị của nhân dân với chính quyền thị trấn.",
        "person_name": "Nguyễn Văn Tám",
        "person_birth_year": 1963,
        "person_position": "Tổ trưởng tổ dân phố Nghĩa Hiệp",
    },
    {
        "unit": "DD-DRAN",
        "name": "Nông dân ứng dụng công nghệ cao trong sản xuất rau, hoa",
        "kind": MODEL,
        "field": Field.ECONOMY,
        "address": "Thôn Lạc Nghiệp, thị trấn D'Ran",
        "started_on": datetime.date(2015, 9, 1),
        "is_religious_area": True,
        "description": (
            "Hội Nông dân thị trấn tổ chức tham quan, tập huấn, vận động hội viên đầu tư nhà kính, tưới nhỏ giọt, "
            "sản xuất theo VietGAP; diện tích rau, hoa công nghệ cao của thôn tăng từ 20 ha lên 85 ha."
        ),
        "recognised": 2019,
    },
    {
        "unit": "DD-DRAN",
        "name": "Nông dân sản xuất giỏi chia sẻ kỹ thuật nhà kính cho bà con",
        "kind": EXEMPLAR,
        "field": Field.ECONOMY,
        "address": "Thôn Lạc Nghiệp, thị trấn D'Ran",
        "description": "Mở lớp hướng dẫn miễn phí và cho hộ nghèo mượn vốn không lãi để dựng nhà kính.",
        "person_name": "Trần Thị Hoa",
        "person_birth_year": 1977,
        "person_position": "Hội viên Hội Nông dân thị trấn D'Ran",
    },
    {
        "unit": "DD-KADO",
        "name": PHU_NU_KA_DO[1],
        "kind": MODEL,
        "field": Field.ECONOMY,
        "address": "Thôn Ka Đô Cũ, xã Ka Đô",
        "started_on": datetime.date(2017, 5, 20),
        "is_ethnic_minority_area": True,
        "description": (
            "Chi hội phụ nữ người K'Ho lập tổ tiết kiệm xoay vòng, góp ngày công giúp nhau trồng cà phê, rau màu; "
            "chị em khá giả hướng dẫn chị em khó khăn cách làm ăn. 27 hộ hội viên đã thoát nghèo."
        ),
        "recognised": 2019,
        "published": True,
    },
    {
        "unit": "DD-KADO",
        "name": "Đồng bào K'Ho giữ gìn đường làng xanh – sạch – đẹp",
        "kind": MODEL,
        "field": Field.NEW_RURAL,
        "address": "Thôn Ka Đô Mới, xã Ka Đô",
        "started_on": datetime.date(2019, 2, 1),
        "is_ethnic_minority_area": True,
        "description": "Mỗi hộ nhận chăm sóc đoạn đường trước nhà, trồng hoa, tổng vệ sinh vào sáng chủ nhật đầu tháng.",
    },
    {
        "unit": "DD-KADO",
        "name": "Người có uy tín tiêu biểu trong đồng bào K'Ho",
        "kind": EXEMPLAR,
        "field": Field.CULTURE_SOCIETY,
        "address": "Thôn Ka Đô Cũ, xã Ka Đô",
        "is_ethnic_minority_area": True,
        "description": "Vận động bà con đưa con em đến trường, không tảo hôn, tham gia hòa giải các mâu thuẫn trong thôn.",
        "person_name": "K'Brơi",
        "person_birth_year": 1956,
        "person_position": "Người có uy tín thôn Ka Đô Cũ",
    },
    {
        "unit": "DD-DARON",
        "name": "Nhân rộng mô hình hiến đất làm đường trong đồng bào dân tộc",
        "kind": MODEL,
        "field": Field.NEW_RURAL,
        "address": "Thôn Tân Hiệp, xã Đạ Ròn",
        "started_on": datetime.date(2019, 3, 1),
        "is_ethnic_minority_area": True,
        "is_religious_area": True,
        "description": "Học tập cách làm của xã Lạc Lâm: họp dân công khai, người có uy tín và chức sắc vận động trước; 42 hộ hiến đất mở rộng 2,3 km đường.",
        "replicates": HIEN_DAT,
    },
    {
        "unit": "DD-DARON",
        "name": "Người có uy tín vận động con em đồng bào đến trường",
        "kind": EXEMPLAR,
        "field": Field.CULTURE_SOCIETY,
        "address": "Thôn Suối Thông B, xã Đạ Ròn",
        "is_ethnic_minority_area": True,
        "description": "Đến từng nhà vận động học sinh bỏ học quay lại lớp; tỷ lệ học sinh bỏ học của thôn giảm còn dưới 1%.",
        "person_name": "K'Bríu",
        "person_birth_year": 1961,
        "person_position": "Người có uy tín thôn Suối Thông B",
    },
    {
        "unit": "DD-KADON",
        "name": "Chi bộ thôn đối thoại trực tiếp với nhân dân hằng tháng",
        "kind": MODEL,
        "field": Field.POLITICAL_SYSTEM,
        "address": "Thôn K'Răng Gọ, xã Ka Đơn",
        "started_on": datetime.date(2018, 1, 15),
        "is_ethnic_minority_area": True,
        "is_religious_area": True,
        "description": "Bí thư chi bộ và trưởng thôn đối thoại với nhân dân vào ngày 15 hằng tháng; mọi kiến nghị được trả lời bằng văn bản trong 10 ngày.",
    },
    {
        "unit": "DD-KADON",
        "name": "Tổ phụ nữ Chu Ru giúp nhau phát triển kinh tế",
        "kind": MODEL,
        "field": Field.ECONOMY,
        "address": "Thôn Ka Đơn, xã Ka Đơn",
        "started_on": datetime.date(2019, 8, 1),
        "is_ethnic_minority_area": True,
        "description": "Nhân rộng cách làm của Chi hội phụ nữ xã Ka Đô trong đồng bào Chu Ru: tiết kiệm xoay vòng, đổi công, học nghề dệt thổ cẩm.",
        "replicates": PHU_NU_KA_DO,
    },
    {
        "unit": "DD-LACXUAN",
        "name": "Câu lạc bộ cồng chiêng giữ gìn bản sắc văn hóa dân tộc",
        "kind": MODEL,
        "field": Field.CULTURE_SOCIETY,
        "address": "Thôn Ha Bim, xã Lạc Xuân",
        "started_on": datetime.date(2016, 10, 1),
        "is_ethnic_minority_area": True,
        "description": "Nghệ nhân truyền dạy cồng chiêng, múa truyền thống cho thanh thiếu niên; câu lạc bộ biểu diễn trong các ngày lễ của xã.",
    },
    {
        "unit": "DD-LACXUAN",
        "name": "Dòng họ, gia đình không có người vi phạm pháp luật",
        "kind": MODEL,
        "field": Field.DEFENCE_SECURITY,
        "address": "Thôn Tân Hiên, xã Lạc Xuân",
        "started_on": datetime.date(2018, 5, 1),
        "is_ethnic_minority_area": True,
        "description": "Các dòng họ ký cam kết, trưởng họ nhắc nhở con cháu; ba năm liền thôn không có người vi phạm pháp luật.",
    },
    {
        "unit": "DD-PRO",
        "name": "Già làng, người có uy tín vận động đồng bào xóa bỏ hủ tục",
        "kind": EXEMPLAR,
        "field": Field.CULTURE_SOCIETY,
        "address": "Thôn Pró Trong, xã Pró",
        "is_ethnic_minority_area": True,
        "is_religious_area": True,
        "description": "Vận động bà con bỏ tục cúng bái kéo dài, tổ chức đám cưới, đám tang tiết kiệm, đưa người ốm đến trạm y tế.",
        "person_name": "Ya Tơ",
        "person_birth_year": 1950,
        "person_position": "Già làng thôn Pró Trong",
        "recognised": 2019,
        "published": True,
    },
    {
        "unit": "DD-PRO",
        "name": "Tổ hòa giải ở cơ sở gắn với người có uy tín",
        "kind": MODEL,
        "field": Field.POLITICAL_SYSTEM,
        "address": "Thôn Pró Ngoài, xã Pró",
        "started_on": datetime.date(2018, 7, 1),
        "is_ethnic_minority_area": True,
        "is_religious_area": True,
        "description": "Già làng, chức sắc tôn giáo tham gia tổ hòa giải; 95% vụ việc được hòa giải thành ngay tại thôn.",
    },
    {
        "unit": "DD-QUANGLAP",
        "name": "Chức sắc tôn giáo tham gia xây dựng nông thôn mới",
        "kind": MODEL,
        "field": Field.NEW_RURAL,
        "address": "Thôn Quảng Thuận, xã Quảng Lập",
        "started_on": datetime.date(2017, 9, 1),
        "is_religious_area": True,
        "description": (
            "Các chức sắc giáo xứ lồng ghép tuyên truyền xây dựng nông thôn mới trong sinh hoạt tôn giáo, "
            "vận động giáo dân đóng góp ngày công, kinh phí làm đường, thắp sáng đường quê."
        ),
    },
    {
        "unit": "DD-QUANGLAP",
        "name": "Nhân rộng mô hình hiến đất mở rộng đường liên thôn",
        "kind": MODEL,
        "field": Field.NEW_RURAL,
        "address": "Thôn Quảng Hiệp, xã Quảng Lập",
        "started_on": datetime.date(2019, 4, 1),
        "is_religious_area": True,
        "description": "Áp dụng cách làm của xã Lạc Lâm; 58 hộ hiến đất, mở rộng 3 km đường liên thôn.",
        "replicates": HIEN_DAT,
    },
    {
        "unit": "DD-TUTRA",
        "name": "Tổ liên gia tự quản trong vùng đồng bào có đạo",
        "kind": MODEL,
        "field": Field.DEFENCE_SECURITY,
        "address": "Thôn Kinh Tế Mới, xã Tu Tra",
        "started_on": datetime.date(2018, 3, 1),
        "is_ethnic_minority_area": True,
        "is_religious_area": True,
        "description": "Các hộ giáo dân liền kề tự quản về an ninh, vệ sinh môi trường; chức sắc nhắc nhở giáo dân chấp hành pháp luật.",
    },
    {
        "unit": "DD-TUTRA",
        "name": "Hộ đồng bào Chu Ru vươn lên thoát nghèo, giúp đỡ bà con",
        "kind": EXEMPLAR,
        "field": Field.ECONOMY,
        "address": "Thôn Tu Tra, xã Tu Tra",
        "is_ethnic_minority_area": True,
        "description": "Chuyển đổi từ lúa một vụ sang rau, hoa; hướng dẫn kỹ thuật và giới thiệu việc làm cho các hộ Chu Ru khó khăn.",
        "person_name": "Ma Hoa",
        "person_birth_year": 1982,
        "person_position": "Nông dân thôn Tu Tra",
    },
    {
        "unit": "DD-MTTQ",
        "name": "Ban công tác Mặt trận lắng nghe ý kiến nhân dân ở khu dân cư",
        "kind": MODEL,
        "field": Field.POLITICAL_SYSTEM,
        "address": "Các khu dân cư trong huyện",
        "started_on": datetime.date(2018, 1, 1),
        "description": "Hộp thư góp ý và buổi gặp mặt hằng quý ở mỗi khu dân cư; ý kiến được tổng hợp gửi cấp ủy, chính quyền và theo dõi đến khi trả lời.",
    },
    {
        "unit": "DD-HND",
        "name": "Chi hội nông dân nghề nghiệp sản xuất rau theo tiêu chuẩn VietGAP",
        "kind": MODEL,
        "field": Field.ECONOMY,
        "address": "Xã Lạc Lâm, xã Lạc Xuân",
        "started_on": datetime.date(2018, 8, 1),
        "description": "Hội viên cùng chuyên canh một loại rau, mua chung vật tư, bán chung sản phẩm có truy xuất nguồn gốc.",
    },
    {
        "unit": "DD-LHPN",
        "name": "Chi hội trưởng phụ nữ tận tâm với hội viên",
        "kind": EXEMPLAR,
        "field": Field.CULTURE_SOCIETY,
        "address": "Thôn Nghĩa Lập, thị trấn Thạnh Mỹ",
        "description": "Thăm hỏi từng hội viên, vận động quỹ giúp phụ nữ nghèo nuôi bò sinh sản.",
        "person_name": "Nguyễn Thị Thu Hà",
        "person_birth_year": 1974,
        "person_position": "Chi hội trưởng Chi hội Phụ nữ thôn Nghĩa Lập",
    },
    {
        "unit": "DD-DTN",
        "name": "Tuyến đường thanh niên tự quản xanh – sạch – đẹp",
        "kind": MODEL,
        "field": Field.NEW_RURAL,
        "address": "Các xã Ka Đô, Pró, Tu Tra",
        "started_on": datetime.date(2019, 3, 26),
        "description": "Đoàn viên nhận chăm sóc tuyến đường, trồng cây, lắp đèn chiếu sáng; mỗi chi đoàn một tuyến.",
    },
    {
        "unit": "DD-CCB",
        "name": "Cựu chiến binh tham gia giữ gìn an ninh trật tự, hòa giải ở cơ sở",
        "kind": MODEL,
        "field": Field.DEFENCE_SECURITY,
        "address": "Các xã, thị trấn trong huyện",
        "started_on": datetime.date(2017, 7, 27),
        "description": "Hội viên cựu chiến binh làm nòng cốt trong tổ tự quản, tổ hòa giải; giúp đỡ người lầm lỗi tái hòa nhập cộng đồng.",
    },
    {
        "unit": "DD-LDLD",
        "name": "Công đoàn cơ sở đồng hành cùng người lao động trong doanh nghiệp",
        "kind": MODEL,
        "field": Field.POLITICAL_SYSTEM,
        "address": "Khu công nghiệp Thạnh Mỹ",
        "started_on": datetime.date(2018, 5, 1),
        "description": "Đối thoại định kỳ giữa người lao động và chủ doanh nghiệp; bữa ăn ca, nhà trọ công nhân được cải thiện.",
    },
]

CONTROL_KEYS = {"unit", "recognised", "published", "replicates"}


@transaction.atomic
def seed(stdout=None) -> None:
    units = {unit.code: unit for unit in Unit.objects.filter(code__in={entry["unit"] for entry in ENTRIES})}
    created = 0
    for entry in ENTRIES:
        unit = units.get(entry["unit"])
        if unit is None:
            continue
        if DvkModel.objects.filter(unit=unit, name=entry["name"]).exists():
            continue
        fields = {key: value for key, value in entry.items() if key not in CONTROL_KEYS}
        if "replicates" in entry:
            source_code, source_name = entry["replicates"]
            fields["replicates"] = DvkModel.objects.filter(unit__code=source_code, name=source_name).first()
        model = create_model(unit, by=None, **fields)
        created += 1
        # Recognition and publication are set only when the model is new, so that a
        # second run never undoes what people changed since.
        if entry.get("recognised"):
            model = record_recognition(model, year=entry["recognised"], by=None)
        if entry.get("published"):
            publish_to_showcase(model, by=None)
    if stdout:
        total = DvkModel.objects.filter(unit__in=units.values()).count()
        stdout.write(f"  models: {total} models and exemplars in the catalogue ({created} new)")
