"""What the units of Đơn Dương wrote in their 2020 registrations and reports (demo).

One story per model of the demo catalogue (models/demo.py), keyed by the model's name.
A model that has no story here gets one written from its own description and field
(``story_for``), so the seed still fills every field meaningfully."""

from dataclasses import dataclass

from models.models import Field


@dataclass(frozen=True)
class Story:
    situation: str
    objectives: str
    content_and_method: str
    area_and_target: str
    lead_forces: str
    coordinating_forces: str
    participating_forces: str
    resources: str
    timeline: str
    expected_outputs: str
    sustainability: str
    interim: str
    final: str
    households: int
    funds_vnd: int
    socialised_funds_vnd: int
    workdays: int

    def content(self) -> dict[str, str]:
        return {
            name: getattr(self, name)
            for name in (
                "situation",
                "objectives",
                "content_and_method",
                "area_and_target",
                "lead_forces",
                "coordinating_forces",
                "participating_forces",
                "resources",
                "timeline",
                "expected_outputs",
                "sustainability",
            )
        }

    def report(self, kind: str) -> dict:
        """Figures at six months are roughly half of the year's."""
        if kind == "interim":
            return {
                "results": self.interim,
                "households": self.households * 6 // 10,
                "funds_vnd": self.funds_vnd // 2,
                "socialised_funds_vnd": self.socialised_funds_vnd // 2,
                "workdays": self.workdays // 2,
            }
        return {
            "results": self.final,
            "households": self.households,
            "funds_vnd": self.funds_vnd,
            "socialised_funds_vnd": self.socialised_funds_vnd,
            "workdays": self.workdays,
        }


M = 1_000_000

STORIES: dict[str, Story] = {
    # Xã Lạc Lâm
    "Vận động nhân dân hiến đất mở rộng đường giao thông nông thôn": Story(
        situation=(
            "Các tuyến đường liên thôn Lạc Viên A – Lạc Viên B còn hẹp (3–3,5 m), nhiều đoạn cua gắt, xe chở nông sản "
            "không tránh được nhau; mùa mưa nhiều đoạn lầy lội. Ngân sách không có tiền đền bù giải phóng mặt bằng, "
            "nên chỉ mở rộng được đường nếu người dân đồng thuận hiến đất."
        ),
        objectives=(
            "Năm 2020 mở rộng thêm 3,2 km đường liên thôn lên nền 6 m, mặt bê tông 4 m; vận động ít nhất 60 hộ hiến đất, "
            "tháo dỡ hàng rào, cây trồng mà không phát sinh khiếu nại."
        ),
        content_and_method=(
            "Khối Dân vận xã chủ trì, Ban công tác Mặt trận thôn tổ chức họp dân công khai thiết kế tuyến đường, cắm mốc "
            "để dân bàn; đảng viên, cán bộ thôn và người có uy tín hiến đất trước; tổ vận động đến từng hộ còn băn khoăn. "
            "Nhân dân tự bầu ban giám sát cộng đồng theo dõi chất lượng thi công và công khai các khoản đóng góp tại nhà văn hóa thôn."
        ),
        area_and_target="Thôn Lạc Viên A, Lạc Viên B, xã Lạc Lâm; 214 hộ dân có đất dọc tuyến, trong đó 38 hộ đồng bào có đạo.",
        lead_forces="Khối Dân vận xã Lạc Lâm; Ban công tác Mặt trận thôn Lạc Viên A, Lạc Viên B.",
        coordinating_forces="UBND xã (bộ phận địa chính – xây dựng), Hội Nông dân, Hội Cựu chiến binh, Đoàn Thanh niên xã.",
        participating_forces="Nhân dân hai thôn, đảng viên các chi bộ thôn, người có uy tín và chức sắc giáo họ.",
        resources=(
            "Dự kiến 2,9 tỷ đồng: ngân sách hỗ trợ xi măng, cát đá 1,7 tỷ đồng; nhân dân và doanh nghiệp đóng góp (xã hội hóa) "
            "1,2 tỷ đồng; khoảng 1.500 ngày công lao động; giá trị đất hiến ước 3,6 tỷ đồng."
        ),
        timeline="Tháng 3–4/2020 họp dân, cắm mốc; tháng 5–9/2020 thi công theo từng đoạn; tháng 10/2020 nghiệm thu, tự đánh giá.",
        expected_outputs=(
            "3,2 km đường nền 6 m được bê tông hóa; biên bản hiến đất của từng hộ; ảnh trước – sau thi công; "
            "biên bản giám sát cộng đồng; không có đơn thư khiếu nại."
        ),
        sustainability=(
            "Tổ tự quản tuyến đường ở mỗi thôn duy tu, phát quang hằng quý; cách làm đã được các xã Đạ Ròn, Quảng Lập "
            "học tập và nhân rộng."
        ),
        interim=(
            "Đã họp dân 6 buổi ở hai thôn, 41 hộ ký biên bản hiến 5.400 m² đất; hoàn thành 1,4 km nền đường, đang đổ bê tông 0,8 km. "
            "Chưa phát sinh khiếu nại. Khó khăn: 5 hộ có vườn cà phê lâu năm còn băn khoăn, tổ vận động tiếp tục gặp gỡ."
        ),
        final=(
            "Hoàn thành 3,3 km đường nền 6 m, mặt bê tông 4 m (vượt kế hoạch 0,1 km); 67 hộ hiến 9.100 m² đất, tháo dỡ 1.250 m hàng rào; "
            "nhân dân đóng góp 1,25 tỷ đồng và 1.620 ngày công. Không có đơn thư khiếu nại; 5 hộ còn băn khoăn đã đồng thuận sau khi được "
            "hỗ trợ di dời cây trồng. Ban giám sát cộng đồng công khai quyết toán tại nhà văn hóa hai thôn."
        ),
        households=214,
        funds_vnd=2_950 * M,
        socialised_funds_vnd=1_250 * M,
        workdays=1_620,
    ),
    "Trưởng thôn gương mẫu đi đầu hiến đất làm đường": Story(
        situation=(
            "Khi thôn Lạc Viên B triển khai mở rộng đường, nhiều hộ mặt tiền lo mất đất kinh doanh, chờ xem cán bộ thôn làm trước. "
            "Ông Lê Văn Hùng, trưởng thôn, có 40 m mặt tiền dọc tuyến."
        ),
        objectives="Nêu gương hiến đất trước, vận động toàn bộ các hộ mặt tiền của thôn đồng thuận hiến đất trong năm 2020.",
        content_and_method=(
            "Gia đình ông Hùng hiến 350 m² đất mặt tiền, tự tháo dỡ cổng, hàng rào trước khi họp dân; sau đó cùng tổ vận động đến "
            "từng hộ, nói chuyện bằng chính việc nhà mình đã làm; tổ chức cho bà con đi xem tuyến đường đã mở ở thôn bên."
        ),
        area_and_target="Thôn Lạc Viên B, xã Lạc Lâm; 52 hộ có đất mặt tiền dọc tuyến đường liên thôn.",
        lead_forces="Ông Lê Văn Hùng, trưởng thôn Lạc Viên B.",
        coordinating_forces="Chi bộ thôn, Ban công tác Mặt trận thôn, Khối Dân vận xã Lạc Lâm.",
        participating_forces="Các hộ dân mặt tiền, hội viên Hội Cựu chiến binh và Hội Nông dân thôn.",
        resources="Gia đình tự bỏ 35 triệu đồng tháo dỡ, làm lại cổng; 60 ngày công của gia đình và tổ vận động.",
        timeline="Tháng 3/2020 hiến đất; tháng 4–8/2020 vận động các hộ; tháng 10/2020 tổng kết.",
        expected_outputs="Biên bản hiến đất của gia đình ông Hùng; 100% hộ mặt tiền thôn Lạc Viên B ký biên bản hiến đất.",
        sustainability="Kinh nghiệm “cán bộ làm trước, dân làm theo” được xã giới thiệu trong các buổi sinh hoạt chi bộ toàn xã.",
        interim="Gia đình đã hiến 350 m² đất; 38/52 hộ mặt tiền đã ký biên bản hiến đất nhờ tổ vận động do ông Hùng dẫn đầu.",
        final=(
            "52/52 hộ mặt tiền thôn Lạc Viên B hiến đất (2.900 m²); ông Hùng trực tiếp vận động 19 hộ khó khăn nhất. "
            "Được UBND xã tặng giấy khen và Hội Nông dân huyện biểu dương."
        ),
        households=52,
        funds_vnd=35 * M,
        socialised_funds_vnd=35 * M,
        workdays=60,
    ),
    "Hợp tác xã rau an toàn liên kết tiêu thụ sản phẩm cho xã viên": Story(
        situation=(
            "Nông dân thôn Đông Hòa trồng rau nhưng bán lẻ qua thương lái, giá bấp bênh, nhiều vụ phải đổ bỏ. "
            "Hợp tác xã thành lập năm 2018 nhưng mới liên kết được một bếp ăn tập thể."
        ),
        objectives="Ký thêm 3 hợp đồng bao tiêu; 80 hộ xã viên sản xuất rau an toàn, thu nhập bình quân tăng 15% so với năm 2019.",
        content_and_method=(
            "Hội Nông dân xã vận động hội viên tham gia hợp tác xã, tập huấn quy trình rau an toàn; hợp tác xã đứng ra ký hợp đồng, "
            "thống nhất lịch gieo trồng để đủ hàng theo đơn đặt."
        ),
        area_and_target="Thôn Đông Hòa, xã Lạc Lâm; 80 hộ xã viên.",
        lead_forces="Hội Nông dân xã Lạc Lâm; Ban quản trị Hợp tác xã.",
        coordinating_forces="UBND xã, Trạm Khuyến nông huyện.",
        participating_forces="Hộ xã viên hợp tác xã.",
        resources="Vốn góp của xã viên 400 triệu đồng; hỗ trợ tập huấn từ khuyến nông 30 triệu đồng.",
        timeline="Cả năm 2020.",
        expected_outputs="Hợp đồng bao tiêu đã ký; danh sách hộ xã viên; sổ ghi chép sản xuất.",
        sustainability="Hợp tác xã tự chủ tài chính, mở rộng thêm xã viên khi có đơn hàng.",
        interim="Đã ký thêm 1 hợp đồng bao tiêu với bếp ăn khu công nghiệp.",
        final="Ký 3 hợp đồng bao tiêu; 74 hộ xã viên tham gia.",
        households=80,
        funds_vnd=430 * M,
        socialised_funds_vnd=400 * M,
        workdays=300,
    ),
    # Thị trấn Thạnh Mỹ
    "Tổ tự quản an ninh trật tự thôn": Story(
        situation=(
            "Thôn Đường Mới có nhiều lao động nhập cư làm việc ở khu công nghiệp, tình trạng trộm cắp vặt, đánh nhau của thanh niên "
            "thường xảy ra vào ban đêm; lực lượng công an thị trấn mỏng, không thể có mặt thường xuyên."
        ),
        objectives=(
            "Duy trì 12 tổ tự quản (10–15 hộ liền kề mỗi tổ), giảm ít nhất 50% vụ việc mất an ninh trật tự so với năm 2019; "
            "100% người tạm trú được khai báo đúng quy định."
        ),
        content_and_method=(
            "Các hộ liền kề tự bầu tổ trưởng; tổ xây dựng quy ước, chia ca tuần tra ban đêm cùng công an viên; lập nhóm Zalo để báo tin; "
            "tổ trưởng nắm người tạm trú, nhắc các chủ nhà trọ khai báo. Mâu thuẫn nhỏ được tổ hòa giải ngay trong khu dân cư, "
            "cuối tháng tổ họp rút kinh nghiệm và công khai kết quả."
        ),
        area_and_target="Thôn Đường Mới, thị trấn Thạnh Mỹ; 168 hộ dân và khoảng 320 người tạm trú; có 46 hộ đồng bào theo đạo Công giáo.",
        lead_forces="Khối Dân vận thị trấn Thạnh Mỹ; Ban công tác Mặt trận thôn Đường Mới.",
        coordinating_forces="Công an thị trấn, Ban Chỉ huy quân sự thị trấn, Hội Cựu chiến binh, Đoàn Thanh niên.",
        participating_forces="168 hộ dân trong 12 tổ tự quản, chủ các nhà trọ, chức sắc giáo họ Đường Mới.",
        resources="Kinh phí 86 triệu đồng (đèn pin, áo phản quang, đèn chiếu sáng ngõ xóm), trong đó nhân dân đóng góp 56 triệu đồng; khoảng 700 ngày công tuần tra.",
        timeline="Tháng 3/2020 kiện toàn tổ; từ tháng 4 đến tháng 12/2020 tuần tra, sinh hoạt hằng tháng; tháng 10/2020 tự đánh giá.",
        expected_outputs="Quy ước tổ tự quản; sổ tuần tra; số vụ việc so với năm 2019 (có xác nhận của công an thị trấn); 24 bóng đèn chiếu sáng ngõ xóm.",
        sustainability="Tổ do dân bầu, dân tự duy trì quỹ; mô hình được thị trấn nhân rộng ra thôn Nghĩa Hiệp và Nghĩa Lập.",
        interim=(
            "12 tổ tự quản duy trì tuần tra 3 đêm/tuần; lắp 24 bóng đèn chiếu sáng ngõ xóm; 6 tháng chỉ xảy ra 2 vụ trộm vặt (cùng kỳ năm 2019: 7 vụ); "
            "hòa giải thành 5 vụ mâu thuẫn."
        ),
        final=(
            "Cả năm xảy ra 3 vụ trộm vặt (năm 2019: 11 vụ, giảm 73%); không có đánh nhau gây thương tích; 100% người tạm trú được khai báo; "
            "hòa giải thành 9/9 vụ việc. Nhân dân góp 58 triệu đồng và 720 ngày công; thôn Nghĩa Hiệp đã thành lập 6 tổ theo cách làm này."
        ),
        households=168,
        funds_vnd=88 * M,
        socialised_funds_vnd=58 * M,
        workdays=720,
    ),
    "Khu dân cư văn minh, sạch đẹp, nói không với rác thải nhựa": Story(
        situation=(
            "Tổ dân phố Nghĩa Hiệp nằm cạnh chợ thị trấn, lượng túi ni lông và rác thải nhựa lớn, rác đổ bừa bãi ở hai đầu đường; "
            "người dân chưa có thói quen phân loại rác."
        ),
        objectives="80% hộ phân loại rác tại nguồn; 100% hội viên phụ nữ dùng giỏ, túi vải đi chợ; trồng hoa trên 1,5 km đường.",
        content_and_method=(
            "Chi hội Phụ nữ phát động “Mỗi tuần một buổi không rác thải nhựa”, tặng giỏ đi chợ; hướng dẫn từng hộ chia rác hữu cơ để ủ phân; "
            "tổ chức ngày chủ nhật xanh mỗi tháng; khu phố bình xét gia đình văn hóa gắn với việc giữ vệ sinh."
        ),
        area_and_target="Tổ dân phố Nghĩa Hiệp, thị trấn Thạnh Mỹ; 245 hộ và 36 tiểu thương ở chợ.",
        lead_forces="Hội Liên hiệp Phụ nữ thị trấn Thạnh Mỹ.",
        coordinating_forces="UBND thị trấn, Ban quản lý chợ, Đoàn Thanh niên, Ban công tác Mặt trận tổ dân phố.",
        participating_forces="Hội viên phụ nữ, các hộ gia đình, tiểu thương trong chợ.",
        resources="120 triệu đồng (giỏ đi chợ, thùng rác phân loại, cây hoa), trong đó xã hội hóa 85 triệu đồng; khoảng 400 ngày công.",
        timeline="Tháng 4–6/2020 tuyên truyền, phát giỏ; tháng 7–10/2020 trồng hoa, duy trì ngày chủ nhật xanh.",
        expected_outputs="Danh sách hộ phân loại rác; 500 giỏ đi chợ đã phát; 1,5 km đường hoa; ảnh trước – sau.",
        sustainability="Quy ước khu phố bổ sung nội dung phân loại rác; quỹ “Khu phố xanh” do nhân dân tự đóng góp hằng năm.",
        interim="Phát 420 giỏ đi chợ; 146 hộ (60%) đã phân loại rác; trồng 0,7 km hoa.",
        final=(
            "205 hộ (84%) phân loại rác tại nguồn; lượng rác phải thu gom giảm khoảng 30%; trồng và chăm sóc 1,6 km đường hoa; "
            "không còn điểm đổ rác tự phát."
        ),
        households=245,
        funds_vnd=124 * M,
        socialised_funds_vnd=88 * M,
        workdays=410,
    ),
    "Tổ trưởng tổ dân phố tận tụy, gần dân, sát dân": Story(
        situation="Tổ dân phố Nghĩa Hiệp đông dân, nhiều hộ khó khăn, kiến nghị của người dân trước đây thường chậm được phản ánh.",
        objectives="Nắm chắc 100% hoàn cảnh các hộ; mọi kiến nghị của nhân dân được chuyển đến chính quyền trong 3 ngày.",
        content_and_method=(
            "Ông Nguyễn Văn Tám lập sổ theo dõi từng hộ, đến thăm các hộ khó khăn mỗi tháng; ghi chép kiến nghị, trực tiếp báo cáo "
            "UBND thị trấn và theo dõi đến khi có trả lời, rồi thông báo lại cho dân."
        ),
        area_and_target="Tổ dân phố Nghĩa Hiệp, thị trấn Thạnh Mỹ; 245 hộ, trong đó 12 hộ nghèo, cận nghèo.",
        lead_forces="Ông Nguyễn Văn Tám, tổ trưởng tổ dân phố.",
        coordinating_forces="Ban công tác Mặt trận, chi bộ khu phố, UBND thị trấn.",
        participating_forces="Các hộ dân tổ dân phố Nghĩa Hiệp.",
        resources="Không dùng ngân sách; vận động nhà hảo tâm giúp hộ khó khăn 30 triệu đồng.",
        timeline="Cả năm 2020.",
        expected_outputs="Sổ theo dõi kiến nghị; số kiến nghị được giải quyết; xác nhận của UBND thị trấn.",
        sustainability="Cách ghi sổ theo dõi được thị trấn hướng dẫn cho các tổ trưởng khác.",
        interim="Đã tiếp nhận 17 kiến nghị, chuyển đủ 17 kiến nghị trong 3 ngày; 12 kiến nghị đã được giải quyết.",
        final="Tiếp nhận 31 kiến nghị, giải quyết 28; vận động 34 triệu đồng giúp 12 hộ khó khăn sửa nhà, cho con đi học.",
        households=245,
        funds_vnd=34 * M,
        socialised_funds_vnd=34 * M,
        workdays=90,
    ),
    # Thị trấn D'Ran
    "Nông dân ứng dụng công nghệ cao trong sản xuất rau, hoa": Story(
        situation=(
            "Thôn Lạc Nghiệp có truyền thống trồng rau, hoa nhưng phần lớn sản xuất ngoài trời, dùng nhiều thuốc bảo vệ thực vật, "
            "năng suất và giá bán thấp; nông dân ngại đầu tư vì thiếu vốn và kỹ thuật."
        ),
        objectives=(
            "Năm 2020 tăng diện tích rau, hoa ứng dụng công nghệ cao thêm 15 ha; 60 hộ hội viên có chứng nhận VietGAP; "
            "thu nhập bình quân đạt 500 triệu đồng/ha/năm."
        ),
        content_and_method=(
            "Hội Nông dân thị trấn tổ chức tham quan mô hình nhà kính ở Đà Lạt, mời kỹ sư tập huấn tại ruộng; hội viên giỏi kèm cặp hội viên mới; "
            "Quỹ Hỗ trợ nông dân cho vay vốn; kết nối doanh nghiệp bao tiêu và cấp mã số vùng trồng."
        ),
        area_and_target="Thôn Lạc Nghiệp, thị trấn D'Ran; 140 hộ hội viên Hội Nông dân, trong đó 30 hộ đồng bào có đạo.",
        lead_forces="Hội Nông dân thị trấn D'Ran.",
        coordinating_forces="Trạm Khuyến nông huyện, Ngân hàng Chính sách xã hội huyện, các doanh nghiệp bao tiêu nông sản.",
        participating_forces="Hộ hội viên nông dân thôn Lạc Nghiệp và các thôn lân cận.",
        resources="Tổng đầu tư khoảng 9,5 tỷ đồng, chủ yếu do nông dân tự đầu tư và vay vốn (xã hội hóa 8,7 tỷ đồng); Quỹ Hỗ trợ nông dân cho vay 800 triệu đồng.",
        timeline="Tháng 3/2020 tham quan, tập huấn; tháng 4–9/2020 dựng nhà kính, sản xuất; tháng 10/2020 đánh giá hiệu quả.",
        expected_outputs="Diện tích nhà kính tăng thêm 15 ha; 60 giấy chứng nhận VietGAP; hợp đồng bao tiêu; sổ ghi chép thu nhập của hộ.",
        sustainability="Tổ hợp tác nhà kính tự vận hành; hội viên giỏi tiếp tục kèm cặp hội viên mới; huyện chọn làm điểm tham quan.",
        interim="Đã tập huấn 4 lớp cho 210 lượt hội viên; dựng mới 8,5 ha nhà kính; 35 hộ đang hoàn thiện hồ sơ VietGAP.",
        final=(
            "Tăng 16,2 ha nhà kính (vượt kế hoạch); 64 hộ được chứng nhận VietGAP; thu nhập bình quân 540 triệu đồng/ha/năm; "
            "ký 5 hợp đồng bao tiêu với doanh nghiệp và siêu thị."
        ),
        households=140,
        funds_vnd=9_500 * M,
        socialised_funds_vnd=8_700 * M,
        workdays=2_400,
    ),
    "Nông dân sản xuất giỏi chia sẻ kỹ thuật nhà kính cho bà con": Story(
        situation="Nhiều hộ nghèo ở thôn Lạc Nghiệp muốn làm nhà kính nhưng thiếu vốn và không biết kỹ thuật.",
        objectives="Hướng dẫn miễn phí cho ít nhất 40 hộ; giúp 5 hộ nghèo dựng nhà kính, thoát nghèo bền vững.",
        content_and_method=(
            "Bà Trần Thị Hoa mở lớp hướng dẫn ngay tại vườn nhà mình mỗi tháng; cho hộ nghèo mượn vốn không lãi, "
            "cho mượn khung nhà kính cũ; đến tận vườn các hộ để chỉ cách xử lý sâu bệnh."
        ),
        area_and_target="Thôn Lạc Nghiệp, thị trấn D'Ran; các hộ nghèo, cận nghèo và hội viên mới.",
        lead_forces="Bà Trần Thị Hoa, hội viên Hội Nông dân thị trấn D'Ran.",
        coordinating_forces="Chi hội Nông dân thôn, Hội Liên hiệp Phụ nữ thị trấn.",
        participating_forces="Các hộ nông dân được hướng dẫn.",
        resources="Gia đình cho mượn không lãi 250 triệu đồng; 120 ngày công hướng dẫn.",
        timeline="Từ tháng 3 đến tháng 11/2020.",
        expected_outputs="Danh sách hộ được hướng dẫn; 5 nhà kính mới của hộ nghèo; xác nhận thoát nghèo của UBND thị trấn.",
        sustainability="Các hộ được giúp cam kết tiếp tục hướng dẫn lại cho hộ khác (“một kèm một”).",
        interim="Hướng dẫn 26 hộ; cho 3 hộ nghèo mượn 150 triệu đồng dựng nhà kính.",
        final="Hướng dẫn 47 hộ; 5 hộ nghèo dựng nhà kính, 3 hộ đã thoát nghèo; được Hội Nông dân tỉnh tặng bằng khen.",
        households=47,
        funds_vnd=250 * M,
        socialised_funds_vnd=250 * M,
        workdays=120,
    ),
    # Xã Ka Đô
    "Chi hội phụ nữ giúp nhau phát triển kinh tế": Story(
        situation=(
            "Thôn Ka Đô Cũ có 92% hộ là đồng bào K'Ho, nhiều chị em thiếu vốn, thiếu kinh nghiệm làm ăn; một số hộ vay nặng lãi "
            "để mua phân bón, đến mùa thu hoạch phải bán cà phê non giá thấp."
        ),
        objectives=(
            "Năm 2020 duy trì 3 tổ tiết kiệm xoay vòng với 60 hội viên; giúp thêm 8 hộ hội viên thoát nghèo; "
            "không còn hội viên vay nặng lãi."
        ),
        content_and_method=(
            "Chi hội họp chị em bằng tiếng K'Ho, cùng bàn quy chế tổ tiết kiệm: mỗi tháng góp 100.000 đồng, bốc thăm xoay vòng; "
            "tổ đổi công giúp nhau trồng, chăm sóc cà phê và rau màu; chị em khá giả nhận kèm cặp một chị em khó khăn; "
            "cán bộ Hội đến từng nhà hướng dẫn ghi chép thu chi gia đình."
        ),
        area_and_target="Thôn Ka Đô Cũ, xã Ka Đô; 60 hội viên phụ nữ, chủ yếu là đồng bào K'Ho.",
        lead_forces="Chi hội Phụ nữ thôn Ka Đô Cũ; Hội Liên hiệp Phụ nữ xã Ka Đô.",
        coordinating_forces="Khối Dân vận xã, Ngân hàng Chính sách xã hội huyện, Trạm Khuyến nông huyện, người có uy tín thôn.",
        participating_forces="Hội viên phụ nữ và gia đình hội viên trong thôn.",
        resources=(
            "Vốn tiết kiệm xoay vòng do chị em góp khoảng 72 triệu đồng/năm; vốn vay ưu đãi 300 triệu đồng; "
            "khoảng 900 ngày công đổi công giữa các hộ."
        ),
        timeline="Từ tháng 3 đến tháng 12/2020; sinh hoạt tổ vào ngày 20 hằng tháng; sơ kết tháng 6, tổng kết tháng 10/2020.",
        expected_outputs=(
            "Sổ theo dõi tổ tiết kiệm; danh sách hộ được giúp đỡ và hộ thoát nghèo (có xác nhận của UBND xã); "
            "ảnh các buổi đổi công; biên bản sinh hoạt chi hội."
        ),
        sustainability=(
            "Tổ tiết kiệm do chị em tự quản lý, không phụ thuộc ngân sách; cách làm đã được Hội Phụ nữ xã Ka Đơn học tập "
            "trong đồng bào Chu Ru."
        ),
        interim=(
            "3 tổ tiết kiệm với 58 hội viên, đã xoay vòng 36 triệu đồng cho 18 chị em; tổ chức 22 buổi đổi công; "
            "4 hộ đã trả hết nợ vay nặng lãi."
        ),
        final=(
            "3 tổ tiết kiệm duy trì đều với 61 hội viên, xoay vòng 73 triệu đồng; 9 hộ thoát nghèo (kế hoạch 8); "
            "không còn hội viên vay nặng lãi; 42 buổi đổi công với 930 ngày công. Chi hội Phụ nữ xã Ka Đơn đã sang học tập."
        ),
        households=61,
        funds_vnd=373 * M,
        socialised_funds_vnd=73 * M,
        workdays=930,
    ),
    "Đồng bào K'Ho giữ gìn đường làng xanh – sạch – đẹp": Story(
        situation=(
            "Đường làng thôn Ka Đô Mới đã được bê tông hóa nhưng hai bên cỏ mọc um tùm, rác thải và phân gia súc trên mặt đường; "
            "thôn chưa đạt tiêu chí môi trường của xã nông thôn mới nâng cao."
        ),
        objectives="Mỗi hộ nhận chăm sóc đoạn đường trước nhà; trồng 2 km hàng rào xanh và hoa; không còn gia súc thả rông trên đường.",
        content_and_method=(
            "Ban công tác Mặt trận họp dân, chia đường thành từng đoạn gắn biển tên hộ nhận chăm sóc; tổng vệ sinh sáng chủ nhật đầu tháng; "
            "người có uy tín nhắc nhở các hộ còn thả rông gia súc; Đoàn Thanh niên ươm và cấp cây hoa."
        ),
        area_and_target="Thôn Ka Đô Mới, xã Ka Đô; 186 hộ đồng bào K'Ho.",
        lead_forces="Ban công tác Mặt trận thôn Ka Đô Mới.",
        coordinating_forces="Đoàn Thanh niên xã, Hội Phụ nữ, Hội Cựu chiến binh, người có uy tín trong thôn.",
        participating_forces="186 hộ dân thôn Ka Đô Mới, đoàn viên thanh niên, học sinh.",
        resources="48 triệu đồng cây giống, biển tên, dụng cụ (xã hội hóa 30 triệu đồng); khoảng 650 ngày công.",
        timeline="Tháng 3/2020 họp dân, phân đoạn; từ tháng 4/2020 duy trì vệ sinh hằng tháng; tháng 6 và tháng 10 đánh giá.",
        expected_outputs="Sơ đồ phân đoạn nhận chăm sóc; 2 km hàng rào xanh, hoa; ảnh trước – sau; biên bản chấm điểm đoạn đường của thôn.",
        sustainability="Quy ước thôn bổ sung việc giữ đường làng; việc chấm điểm hằng quý gắn với bình xét gia đình văn hóa.",
        interim="148/186 hộ đã nhận đoạn đường; trồng 1,1 km hàng rào xanh; tổ chức 3 buổi tổng vệ sinh với hơn 400 lượt người.",
        final="186/186 hộ nhận chăm sóc; trồng 2,2 km hàng rào xanh, hoa; gia súc thả rông giảm rõ rệt.",
        households=186,
        funds_vnd=52 * M,
        socialised_funds_vnd=34 * M,
        workdays=680,
    ),
    "Người có uy tín tiêu biểu trong đồng bào K'Ho": Story(
        situation=(
            "Ở thôn Ka Đô Cũ vẫn còn tình trạng học sinh bỏ học theo bố mẹ lên rẫy, tảo hôn và mâu thuẫn đất rẫy giữa các hộ; "
            "lời cán bộ nói nhiều khi bà con chưa nghe bằng lời người có uy tín."
        ),
        objectives="Không có tảo hôn trong thôn năm 2020; vận động toàn bộ học sinh bỏ học trở lại lớp; hòa giải thành các mâu thuẫn ngay tại thôn.",
        content_and_method=(
            "Ông K'Brơi đến từng nhà, nói chuyện bằng tiếng K'Ho trong các buổi sinh hoạt cộng đồng, lễ hội; cùng giáo viên đến nhà học sinh "
            "nghỉ học; làm thành viên tổ hòa giải, mời các bên đến nhà mình để hòa giải theo phong tục và pháp luật."
        ),
        area_and_target="Thôn Ka Đô Cũ, xã Ka Đô; 210 hộ đồng bào K'Ho, đặc biệt các gia đình có con tuổi học sinh.",
        lead_forces="Ông K'Brơi, người có uy tín thôn Ka Đô Cũ.",
        coordinating_forces="Trường Tiểu học và THCS Ka Đô, Công an xã, Ban công tác Mặt trận thôn, Khối Dân vận xã.",
        participating_forces="Gia đình học sinh, các dòng họ trong thôn, tổ hòa giải thôn.",
        resources="Không dùng ngân sách; vận động nhà hảo tâm tặng 60 bộ sách vở, xe đạp cho học sinh khó khăn (18 triệu đồng).",
        timeline="Suốt năm học 2019–2020 và học kỳ I năm học 2020–2021.",
        expected_outputs="Danh sách học sinh trở lại lớp (có xác nhận của nhà trường); biên bản hòa giải; xác nhận không có tảo hôn của UBND xã.",
        sustainability="Ông K'Brơi hướng dẫn con cháu và người có uy tín trẻ trong thôn tiếp tục việc vận động.",
        interim="Vận động 7/8 học sinh bỏ học trở lại lớp; hòa giải thành 4 vụ tranh chấp ranh giới rẫy; chưa phát hiện trường hợp tảo hôn.",
        final=(
            "8/8 học sinh bỏ học đã trở lại lớp; hòa giải thành 7/7 vụ mâu thuẫn; cả năm không có tảo hôn; "
            "vận động 18 triệu đồng sách vở, xe đạp cho học sinh khó khăn."
        ),
        households=210,
        funds_vnd=18 * M,
        socialised_funds_vnd=18 * M,
        workdays=150,
    ),
    # Xã Đạ Ròn
    "Nhân rộng mô hình hiến đất làm đường trong đồng bào dân tộc": Story(
        situation=(
            "Đường vào thôn Tân Hiệp chỉ rộng 3 m, mùa mưa trơn trượt, học sinh đi học khó khăn; đồng bào dân tộc thiểu số "
            "và giáo dân còn e ngại khi được đề nghị hiến đất."
        ),
        objectives="Học tập cách làm của xã Lạc Lâm, vận động 42 hộ hiến đất mở rộng 2,3 km đường lên 5 m trong năm 2020.",
        content_and_method=(
            "Tổ chức cho cán bộ thôn, người có uy tín, chức sắc tham quan tuyến đường ở Lạc Lâm; họp dân công khai thiết kế, "
            "người có uy tín và chức sắc vận động trước; dân tự bầu tổ giám sát và công khai đóng góp."
        ),
        area_and_target="Thôn Tân Hiệp, xã Đạ Ròn; 42 hộ có đất dọc tuyến, phần lớn đồng bào Chu Ru và giáo dân.",
        lead_forces="Khối Dân vận xã Đạ Ròn.",
        coordinating_forces="UBND xã, Ban công tác Mặt trận thôn, chức sắc giáo họ Tân Hiệp, người có uy tín.",
        participating_forces="Nhân dân thôn Tân Hiệp.",
        resources="1,1 tỷ đồng (ngân sách 650 triệu đồng vật liệu; xã hội hóa 450 triệu đồng); khoảng 800 ngày công.",
        timeline="Tháng 3–4/2020 tham quan, họp dân; tháng 5–9/2020 thi công; tháng 10/2020 nghiệm thu.",
        expected_outputs="2,3 km đường rộng 5 m; biên bản hiến đất của 42 hộ; biên bản giám sát cộng đồng.",
        sustainability="Tổ tự quản duy tu đường; xã tiếp tục nhân rộng ra thôn Suối Thông A, B.",
        interim="35 hộ ký biên bản hiến đất; hoàn thành 1,2 km nền đường.",
        final="42/42 hộ hiến 3.100 m² đất; hoàn thành 2,4 km đường rộng 5 m; nhân dân góp 460 triệu đồng và 820 ngày công.",
        households=42,
        funds_vnd=1_110 * M,
        socialised_funds_vnd=460 * M,
        workdays=820,
    ),
    "Người có uy tín vận động con em đồng bào đến trường": Story(
        situation="Thôn Suối Thông B có tỷ lệ học sinh bỏ học cao nhất xã, chủ yếu học sinh THCS theo gia đình đi làm thuê.",
        objectives="Giảm tỷ lệ học sinh bỏ học của thôn xuống dưới 1%; vận động 100% trẻ 6 tuổi vào lớp 1.",
        content_and_method=(
            "Ông K'Bríu đến từng nhà có học sinh nghỉ học, nói chuyện với cha mẹ bằng tiếng dân tộc; cùng nhà trường tổ chức lớp phụ đạo "
            "buổi tối tại nhà văn hóa thôn; vận động quỹ khuyến học của dòng họ."
        ),
        area_and_target="Thôn Suối Thông B, xã Đạ Ròn; 64 gia đình có con tuổi đi học.",
        lead_forces="Ông K'Bríu, người có uy tín thôn Suối Thông B.",
        coordinating_forces="Trường THCS Đạ Ròn, Đoàn Thanh niên xã, Hội Khuyến học.",
        participating_forces="Gia đình học sinh, các dòng họ trong thôn.",
        resources="Quỹ khuyến học dòng họ 15 triệu đồng; 80 ngày công.",
        timeline="Năm học 2019–2020 và học kỳ I năm học 2020–2021.",
        expected_outputs="Danh sách học sinh trở lại lớp; xác nhận tỷ lệ bỏ học của nhà trường.",
        sustainability="Quỹ khuyến học dòng họ được duy trì hằng năm.",
        interim="5 học sinh bỏ học trở lại lớp; lớp phụ đạo buổi tối có 22 em tham gia.",
        final="Tỷ lệ học sinh bỏ học còn 0,8%; 100% trẻ 6 tuổi vào lớp 1; quỹ khuyến học dòng họ đạt 17 triệu đồng.",
        households=64,
        funds_vnd=17 * M,
        socialised_funds_vnd=17 * M,
        workdays=80,
    ),
    # Xã Ka Đơn
    "Chi bộ thôn đối thoại trực tiếp với nhân dân hằng tháng": Story(
        situation=(
            "Trước năm 2018, kiến nghị của người dân thôn K'Răng Gọ chủ yếu gửi qua nhiều cấp, chậm được trả lời, "
            "có lúc phát sinh đơn thư vượt cấp; một bộ phận đồng bào có đạo còn e dè khi góp ý."
        ),
        objectives="Duy trì đối thoại vào ngày 15 hằng tháng; 100% kiến nghị được trả lời bằng văn bản trong 10 ngày; không có đơn thư vượt cấp.",
        content_and_method=(
            "Bí thư chi bộ và trưởng thôn đối thoại trực tiếp tại nhà văn hóa; thông báo trước nội dung qua loa truyền thanh và chức sắc giáo họ; "
            "ý kiến được ghi biên bản, phân loại, chuyển đúng nơi giải quyết; kết quả được thông báo lại ở buổi đối thoại sau."
        ),
        area_and_target="Thôn K'Răng Gọ, xã Ka Đơn; 230 hộ, chủ yếu đồng bào Chu Ru, K'Ho, nhiều hộ theo đạo Tin Lành.",
        lead_forces="Chi bộ thôn K'Răng Gọ.",
        coordinating_forces="Đảng ủy, UBND xã Ka Đơn, Ban công tác Mặt trận thôn, chức sắc tôn giáo.",
        participating_forces="Đảng viên, nhân dân trong thôn.",
        resources="Kinh phí tổ chức 24 triệu đồng/năm (xã hội hóa 8 triệu đồng); khoảng 120 ngày công.",
        timeline="Ngày 15 hằng tháng từ tháng 1 đến tháng 12/2020.",
        expected_outputs="12 biên bản đối thoại; sổ theo dõi kiến nghị và văn bản trả lời; xác nhận không có đơn thư vượt cấp.",
        sustainability="Đưa việc đối thoại vào quy chế làm việc của chi bộ; Đảng ủy xã chỉ đạo nhân rộng ra 3 thôn khác.",
        interim="6 buổi đối thoại với 410 lượt người dự; tiếp nhận 38 kiến nghị, trả lời 38 trong 10 ngày.",
        final=(
            "12 buổi đối thoại, 860 lượt người dự; tiếp nhận 71 kiến nghị, trả lời đúng hạn 100%; không có đơn thư vượt cấp; "
            "Đảng ủy xã đã nhân rộng ra 3 thôn."
        ),
        households=230,
        funds_vnd=24 * M,
        socialised_funds_vnd=8 * M,
        workdays=120,
    ),
    "Tổ phụ nữ Chu Ru giúp nhau phát triển kinh tế": Story(
        situation="Nhiều chị em Chu Ru ở thôn Ka Đơn thiếu vốn, ít có cơ hội học nghề, nghề dệt thổ cẩm truyền thống mai một.",
        objectives="Lập 2 tổ tiết kiệm xoay vòng với 40 hội viên; mở 1 lớp dệt thổ cẩm cho 20 chị em.",
        content_and_method="Học tập cách làm của Chi hội phụ nữ xã Ka Đô: tiết kiệm xoay vòng, đổi công, học nghề dệt.",
        area_and_target="Thôn Ka Đơn, xã Ka Đơn; 40 hội viên phụ nữ Chu Ru.",
        lead_forces="Hội Liên hiệp Phụ nữ xã Ka Đơn.",
        coordinating_forces="Chi hội phụ nữ xã Ka Đô, nghệ nhân dệt thổ cẩm.",
        participating_forces="Hội viên phụ nữ thôn Ka Đơn.",
        resources="Chị em góp vốn xoay vòng; chưa xác định kinh phí lớp dệt.",
        timeline="Năm 2020.",
        expected_outputs="Sổ theo dõi tổ tiết kiệm; sản phẩm thổ cẩm.",
        sustainability="Tiếp tục duy trì.",
        interim="",
        final="",
        households=40,
        funds_vnd=40 * M,
        socialised_funds_vnd=40 * M,
        workdays=200,
    ),
    # Xã Lạc Xuân
    "Câu lạc bộ cồng chiêng giữ gìn bản sắc văn hóa dân tộc": Story(
        situation=(
            "Thôn Ha Bim chỉ còn 4 nghệ nhân biết đánh đủ các bài chiêng cổ; thanh thiếu niên ít quan tâm, "
            "nhiều bộ chiêng bị bán cho người nơi khác."
        ),
        objectives="Truyền dạy cho 30 thanh thiếu niên; biểu diễn ở các lễ hội của xã; sưu tầm, ghi âm 12 bài chiêng cổ.",
        content_and_method=(
            "Nghệ nhân dạy vào tối thứ bảy tại nhà văn hóa thôn; Đoàn Thanh niên vận động đoàn viên tham gia; "
            "gia đình có chiêng cho câu lạc bộ mượn; cán bộ văn hóa xã ghi âm, ghi hình các bài chiêng."
        ),
        area_and_target="Thôn Ha Bim, xã Lạc Xuân; thanh thiếu niên đồng bào K'Ho, Chu Ru.",
        lead_forces="Ban công tác Mặt trận thôn Ha Bim, các nghệ nhân.",
        coordinating_forces="UBND xã (công chức văn hóa – xã hội), Đoàn Thanh niên, Trường THCS Lạc Xuân.",
        participating_forces="Thanh thiếu niên, các gia đình có chiêng trong thôn.",
        resources="65 triệu đồng (trang phục, sửa chiêng; xã hội hóa 40 triệu đồng); khoảng 300 ngày công.",
        timeline="Từ tháng 3 đến tháng 12/2020; biểu diễn dịp 2/9 và ngày hội Đại đoàn kết 18/11.",
        expected_outputs="Danh sách học viên; bản ghi âm 12 bài chiêng; ảnh, video biểu diễn.",
        sustainability="Học viên giỏi trở thành người dạy lớp sau; câu lạc bộ được biểu diễn có thù lao ở các lễ hội, sự kiện.",
        interim="32 thanh thiếu niên theo học; ghi âm 6 bài chiêng cổ.",
        final="30 học viên đánh được ít nhất 5 bài chiêng; ghi âm 12 bài; biểu diễn 6 lần, được huyện mời tham gia ngày hội văn hóa các dân tộc.",
        households=95,
        funds_vnd=65 * M,
        socialised_funds_vnd=40 * M,
        workdays=300,
    ),
    "Dòng họ, gia đình không có người vi phạm pháp luật": Story(
        situation="Năm 2017 thôn Tân Hiên có một số thanh niên vi phạm pháp luật về ma túy, trộm cắp; các dòng họ lo lắng cho con cháu.",
        objectives="Các dòng họ trong thôn ký cam kết; năm 2020 không có người vi phạm pháp luật.",
        content_and_method=(
            "Trưởng họ ký cam kết với Ban công tác Mặt trận; họp họ hằng quý nhắc nhở con cháu; gia đình có con đi làm xa "
            "giữ liên lạc thường xuyên; công an xã tuyên truyền pháp luật tại các buổi họp họ."
        ),
        area_and_target="Thôn Tân Hiên, xã Lạc Xuân; 9 dòng họ với 176 hộ.",
        lead_forces="Ban công tác Mặt trận thôn Tân Hiên.",
        coordinating_forces="Công an xã, Hội Cựu chiến binh, Đoàn Thanh niên.",
        participating_forces="Các trưởng họ và 176 hộ gia đình.",
        resources="15 triệu đồng tổ chức họp họ, khen thưởng (xã hội hóa 10 triệu đồng); 90 ngày công.",
        timeline="Năm 2020; họp họ hằng quý.",
        expected_outputs="9 bản cam kết; biên bản họp họ; xác nhận của công an xã.",
        sustainability="Cam kết được đưa vào hương ước thôn.",
        interim="Đang tổng hợp kết quả 6 tháng của các dòng họ.",
        final="",
        households=176,
        funds_vnd=15 * M,
        socialised_funds_vnd=10 * M,
        workdays=90,
    ),
    # Xã Pró
    "Già làng, người có uy tín vận động đồng bào xóa bỏ hủ tục": Story(
        situation=(
            "Ở thôn Pró Trong, một số gia đình khi có người ốm còn mời thầy cúng, cúng bái kéo dài nhiều ngày, mổ nhiều gia súc, "
            "đưa người bệnh đến trạm y tế muộn; đám cưới, đám tang tổ chức tốn kém làm nhiều hộ nợ nần."
        ),
        objectives=(
            "Không còn trường hợp chữa bệnh bằng cúng bái; 100% đám cưới, đám tang tổ chức tiết kiệm theo quy ước; "
            "người bệnh được đưa đến trạm y tế kịp thời."
        ),
        content_and_method=(
            "Già làng Ya Tơ nói chuyện trong các buổi sinh hoạt cộng đồng, ở nhà rông, bằng tiếng dân tộc; gương mẫu tổ chức đám cưới cháu "
            "trong một ngày, không mổ trâu; đi cùng y tế thôn bản đến nhà có người ốm; cùng chức sắc Tin Lành thống nhất lời khuyên cho tín đồ."
        ),
        area_and_target="Thôn Pró Trong, xã Pró; 198 hộ đồng bào Chu Ru, K'Ho, nhiều hộ theo đạo Tin Lành.",
        lead_forces="Già làng Ya Tơ.",
        coordinating_forces="Trạm Y tế xã, Ban công tác Mặt trận thôn, chức sắc tôn giáo, Hội Phụ nữ.",
        participating_forces="Các gia đình trong thôn, y tế thôn bản.",
        resources="Không dùng ngân sách; 12 triệu đồng do nhà hảo tâm hỗ trợ chi phí đưa người bệnh đi viện; khoảng 100 ngày công.",
        timeline="Cả năm 2020.",
        expected_outputs="Quy ước thôn sửa đổi về việc cưới, việc tang; số ca bệnh được đưa đến trạm y tế (xác nhận của trạm); biên bản các buổi nói chuyện.",
        sustainability="Quy ước đã được cộng đồng thông qua; già làng bồi dưỡng người kế cận trong dòng họ.",
        interim="Tổ chức 9 buổi nói chuyện cộng đồng; 3 đám cưới, 2 đám tang tổ chức tiết kiệm; 100% ca bệnh được đưa đến trạm y tế.",
        final=(
            "Cả năm không còn trường hợp chữa bệnh bằng cúng bái; 7 đám cưới và 5 đám tang đều tổ chức theo quy ước; "
            "quy ước thôn sửa đổi được 96% hộ tán thành; được UBND huyện tặng giấy khen."
        ),
        households=198,
        funds_vnd=12 * M,
        socialised_funds_vnd=12 * M,
        workdays=100,
    ),
    "Tổ hòa giải ở cơ sở gắn với người có uy tín": Story(
        situation="Mâu thuẫn về ranh giới đất rẫy, nguồn nước tưới giữa các hộ ở thôn Pró Ngoài dễ kéo dài, có vụ phải lên đến huyện.",
        objectives="95% vụ việc được hòa giải thành tại thôn; không có vụ việc phức tạp kéo dài.",
        content_and_method=(
            "Kiện toàn tổ hòa giải có già làng, chức sắc tôn giáo, cựu chiến binh; hòa giải ngay khi phát sinh; "
            "kết hợp luật tục với pháp luật; mời cán bộ tư pháp xã hỗ trợ những vụ khó."
        ),
        area_and_target="Thôn Pró Ngoài, xã Pró; 175 hộ.",
        lead_forces="Tổ hòa giải thôn Pró Ngoài.",
        coordinating_forces="Công chức tư pháp – hộ tịch xã, Công an xã, Ban công tác Mặt trận thôn.",
        participating_forces="Già làng, chức sắc tôn giáo, hội viên cựu chiến binh, nhân dân.",
        resources="Kinh phí hỗ trợ hòa giải 10 triệu đồng; 60 ngày công.",
        timeline="Năm 2020.",
        expected_outputs="Sổ theo dõi hòa giải; số vụ hòa giải thành.",
        sustainability="Tổ hòa giải được duy trì theo Luật Hòa giải ở cơ sở.",
        interim="Hòa giải thành 8/8 vụ việc, trong đó 5 vụ tranh chấp nguồn nước.",
        final="",
        households=175,
        funds_vnd=10 * M,
        socialised_funds_vnd=3 * M,
        workdays=60,
    ),
    # Xã Quảng Lập
    "Chức sắc tôn giáo tham gia xây dựng nông thôn mới": Story(
        situation=(
            "Quảng Thuận là thôn toàn tòng Công giáo; trước đây việc vận động đóng góp xây dựng nông thôn mới chủ yếu qua họp thôn, "
            "nhiều giáo dân ít tham dự. Tuyến đường nội thôn chưa có điện chiếu sáng."
        ),
        objectives="Lắp 3 km đường điện chiếu sáng; bê tông hóa 1,2 km đường nội thôn còn lại; 100% hộ tham gia đóng góp theo quy ước.",
        content_and_method=(
            "Khối Dân vận xã gặp gỡ linh mục chánh xứ, thống nhất lồng ghép nội dung xây dựng nông thôn mới vào thông báo sau thánh lễ; "
            "ban hành giáo xứ cùng Ban công tác Mặt trận vận động từng giáo họ; đóng góp được công khai tại nhà thờ và nhà văn hóa."
        ),
        area_and_target="Thôn Quảng Thuận, xã Quảng Lập; 312 hộ giáo dân.",
        lead_forces="Khối Dân vận xã Quảng Lập; Ban hành giáo giáo xứ Quảng Thuận.",
        coordinating_forces="UBND xã, Ủy ban MTTQ xã, Điện lực Đơn Dương.",
        participating_forces="Giáo dân các giáo họ, chức sắc, chức việc giáo xứ.",
        resources="1,45 tỷ đồng (ngân sách 600 triệu đồng; giáo dân và nhà hảo tâm đóng góp 850 triệu đồng); khoảng 900 ngày công.",
        timeline="Tháng 3/2020 thống nhất với giáo xứ; tháng 4–9/2020 thi công; tháng 10/2020 bàn giao, tự đánh giá.",
        expected_outputs="3 km đường điện chiếu sáng; 1,2 km đường bê tông; bảng công khai đóng góp; biên bản bàn giao công trình.",
        sustainability="Giáo xứ nhận quản lý, trả tiền điện chiếu sáng hằng tháng; cách phối hợp được huyện giới thiệu với các xã có đông giáo dân.",
        interim="Hoàn thành 1,8 km đường điện chiếu sáng; giáo dân đóng góp 520 triệu đồng; 280 hộ đã tham gia.",
        final=(
            "Hoàn thành 3,2 km đường điện chiếu sáng và 1,2 km đường bê tông; 312/312 hộ đóng góp, tổng 870 triệu đồng và 940 ngày công; "
            "giáo xứ nhận quản lý hệ thống chiếu sáng."
        ),
        households=312,
        funds_vnd=1_470 * M,
        socialised_funds_vnd=870 * M,
        workdays=940,
    ),
    "Nhân rộng mô hình hiến đất mở rộng đường liên thôn": Story(
        situation="Đường liên thôn Quảng Hiệp – Quảng Thuận hẹp, xe tải chở nông sản không vào được, nông dân phải trung chuyển nhiều lần.",
        objectives="Vận động 58 hộ hiến đất, mở rộng 3 km đường liên thôn lên 6 m trong năm 2020.",
        content_and_method=(
            "Áp dụng cách làm của xã Lạc Lâm: họp dân công khai, cắm mốc để dân bàn, đảng viên và chức sắc làm trước, "
            "tổ vận động đến từng hộ; nhân dân bầu tổ giám sát thi công."
        ),
        area_and_target="Thôn Quảng Hiệp, xã Quảng Lập; 58 hộ có đất dọc tuyến.",
        lead_forces="Khối Dân vận xã Quảng Lập.",
        coordinating_forces="UBND xã, Ban công tác Mặt trận thôn, giáo họ Quảng Hiệp.",
        participating_forces="Nhân dân thôn Quảng Hiệp.",
        resources="1,3 tỷ đồng (ngân sách 800 triệu đồng; xã hội hóa 500 triệu đồng); khoảng 700 ngày công.",
        timeline="Tháng 4–5/2020 họp dân; tháng 6–10/2020 thi công.",
        expected_outputs="3 km đường nền 6 m; biên bản hiến đất; biên bản giám sát cộng đồng.",
        sustainability="Tổ tự quản tuyến đường; giáo họ nhận chăm sóc cây xanh hai bên đường.",
        interim="",
        final="",
        households=58,
        funds_vnd=1_300 * M,
        socialised_funds_vnd=500 * M,
        workdays=700,
    ),
    # Xã Tu Tra
    "Tổ liên gia tự quản trong vùng đồng bào có đạo": Story(
        situation="Thôn Kinh Tế Mới có đông giáo dân, nhiều lao động đi làm ăn xa; vệ sinh môi trường và an ninh trật tự có lúc chưa tốt.",
        objectives="Thành lập 15 tổ liên gia tự quản; không có tệ nạn xã hội; 100% hộ ký cam kết giữ vệ sinh môi trường.",
        content_and_method=(
            "Mỗi tổ 8–12 hộ liền kề, tổ trưởng do dân bầu; chức sắc nhắc nhở giáo dân chấp hành pháp luật trong sinh hoạt tôn giáo; "
            "tổ họp hằng tháng, tổng vệ sinh hằng tuần."
        ),
        area_and_target="Thôn Kinh Tế Mới, xã Tu Tra; 158 hộ, trong đó 120 hộ giáo dân.",
        lead_forces="Ban công tác Mặt trận thôn Kinh Tế Mới.",
        coordinating_forces="Công an xã, chức sắc giáo xứ, Hội Cựu chiến binh.",
        participating_forces="158 hộ dân trong 15 tổ liên gia.",
        resources="30 triệu đồng (xã hội hóa 22 triệu đồng); khoảng 350 ngày công.",
        timeline="Năm 2020.",
        expected_outputs="Quyết định thành lập tổ; sổ sinh hoạt tổ; xác nhận tình hình an ninh trật tự của công an xã.",
        sustainability="Tổ liên gia gắn với giáo họ, tự duy trì quỹ hoạt động.",
        interim="Thành lập 15 tổ; 152/158 hộ ký cam kết; 6 tháng không xảy ra tệ nạn xã hội.",
        final="15 tổ duy trì sinh hoạt đều; 158/158 hộ ký cam kết; cả năm không có tệ nạn xã hội.",
        households=158,
        funds_vnd=31 * M,
        socialised_funds_vnd=23 * M,
        workdays=360,
    ),
    "Hộ đồng bào Chu Ru vươn lên thoát nghèo, giúp đỡ bà con": Story(
        situation=(
            "Nhiều hộ Chu Ru ở thôn Tu Tra vẫn trồng lúa một vụ, thu nhập thấp; anh Ma Hoa từng là hộ nghèo, "
            "nay chuyển sang trồng rau, hoa và có thu nhập khá."
        ),
        objectives="Hướng dẫn ít nhất 20 hộ Chu Ru chuyển đổi cây trồng; giới thiệu việc làm cho 30 lao động trong năm 2020.",
        content_and_method=(
            "Anh Ma Hoa cho bà con tham quan vườn, hướng dẫn kỹ thuật trồng rau, hoa; bán chịu cây giống, trả sau khi thu hoạch; "
            "liên hệ các vườn hoa ở D'Ran nhận lao động Chu Ru làm thời vụ."
        ),
        area_and_target="Thôn Tu Tra, xã Tu Tra; các hộ đồng bào Chu Ru khó khăn.",
        lead_forces="Anh Ma Hoa, nông dân thôn Tu Tra.",
        coordinating_forces="Hội Nông dân xã, Ban công tác Mặt trận thôn.",
        participating_forces="Các hộ Chu Ru trong thôn.",
        resources="Gia đình ứng trước cây giống khoảng 90 triệu đồng; 150 ngày công hướng dẫn.",
        timeline="Từ tháng 2 đến tháng 12/2020.",
        expected_outputs="Danh sách hộ chuyển đổi cây trồng, lao động được giới thiệu việc làm; xác nhận của UBND xã.",
        sustainability="Các hộ đã chuyển đổi thành lập tổ hợp tác trồng rau, tiếp tục kèm cặp hộ khác.",
        interim="Hướng dẫn 14 hộ chuyển đổi 5,6 ha; giới thiệu việc làm cho 18 lao động.",
        final="23 hộ chuyển đổi 9,2 ha sang rau, hoa; giới thiệu việc làm cho 34 lao động; 4 hộ thoát nghèo.",
        households=23,
        funds_vnd=90 * M,
        socialised_funds_vnd=90 * M,
        workdays=150,
    ),
    # Các đoàn thể huyện
    "Ban công tác Mặt trận lắng nghe ý kiến nhân dân ở khu dân cư": Story(
        situation="Kênh tiếp nhận ý kiến của nhân dân ở khu dân cư còn hình thức; nhiều ý kiến không được theo dõi đến khi có trả lời.",
        objectives="100% khu dân cư có hộp thư góp ý và buổi gặp mặt hằng quý; 90% ý kiến được trả lời.",
        content_and_method=(
            "Ủy ban MTTQ huyện hướng dẫn Ban công tác Mặt trận đặt hộp thư, tổ chức gặp mặt hằng quý; ý kiến được tổng hợp, "
            "gửi cấp ủy, chính quyền và theo dõi bằng sổ đến khi có trả lời."
        ),
        area_and_target="126 khu dân cư trong huyện.",
        lead_forces="Ủy ban MTTQ Việt Nam huyện.",
        coordinating_forces="Ủy ban MTTQ các xã, thị trấn; Văn phòng HĐND – UBND huyện.",
        participating_forces="Ban công tác Mặt trận các khu dân cư, nhân dân.",
        resources="95 triệu đồng (hộp thư, sổ theo dõi, tổ chức gặp mặt; xã hội hóa 25 triệu đồng); 500 ngày công.",
        timeline="Năm 2020; gặp mặt vào tháng cuối mỗi quý.",
        expected_outputs="Sổ tổng hợp ý kiến; báo cáo kết quả trả lời của các cơ quan.",
        sustainability="Đưa vào quy chế phối hợp giữa Ủy ban MTTQ và UBND các cấp.",
        interim="126/126 khu dân cư đặt hộp thư; 2 đợt gặp mặt thu nhận 486 ý kiến, đã trả lời 402.",
        final="Thu nhận 1.012 ý kiến, trả lời 936 (92,5%).",
        households=9_800,
        funds_vnd=95 * M,
        socialised_funds_vnd=25 * M,
        workdays=500,
    ),
    "Chi hội nông dân nghề nghiệp sản xuất rau theo tiêu chuẩn VietGAP": Story(
        situation="Hội viên sản xuất nhỏ lẻ, mua vật tư giá cao, bán sản phẩm không có truy xuất nguồn gốc nên bị ép giá.",
        objectives="Thành lập 2 chi hội nghề nghiệp với 50 hội viên; 100% sản phẩm có tem truy xuất nguồn gốc.",
        content_and_method="Hội viên cùng chuyên canh một loại rau, mua chung vật tư, bán chung sản phẩm; Hội Nông dân huyện kết nối doanh nghiệp.",
        area_and_target="Xã Lạc Lâm, xã Lạc Xuân; 50 hội viên.",
        lead_forces="Hội Nông dân huyện.",
        coordinating_forces="Phòng Nông nghiệp và PTNT huyện, Hội Nông dân các xã.",
        participating_forces="Hội viên chi hội nghề nghiệp.",
        resources="Hội viên tự đầu tư khoảng 1,2 tỷ đồng; hỗ trợ tem truy xuất 40 triệu đồng; 600 ngày công.",
        timeline="Năm 2020.",
        expected_outputs="Quyết định thành lập chi hội; giấy chứng nhận VietGAP; hợp đồng tiêu thụ.",
        sustainability="Chi hội tự chủ, mở rộng hội viên.",
        interim="Thành lập 2 chi hội với 46 hội viên; mua chung phân bón giảm 8% chi phí.",
        final="",
        households=50,
        funds_vnd=1_240 * M,
        socialised_funds_vnd=1_200 * M,
        workdays=600,
    ),
    "Chi hội trưởng phụ nữ tận tâm với hội viên": Story(
        situation="Chi hội phụ nữ thôn Nghĩa Lập có nhiều hội viên nghèo, đơn thân; sinh hoạt chi hội trước đây ít người tham gia.",
        objectives="Thăm hỏi 100% hội viên; vận động quỹ giúp 5 phụ nữ nghèo nuôi bò sinh sản.",
        content_and_method=(
            "Chị Nguyễn Thị Thu Hà đến từng nhà hội viên, lập sổ theo dõi hoàn cảnh; đổi mới sinh hoạt chi hội gắn với hướng dẫn làm kinh tế; "
            "vận động nhà hảo tâm góp quỹ mua bò, hội viên nhận nuôi trả gốc bằng bê con."
        ),
        area_and_target="Thôn Nghĩa Lập, thị trấn Thạnh Mỹ; 86 hội viên phụ nữ.",
        lead_forces="Chị Nguyễn Thị Thu Hà, chi hội trưởng.",
        coordinating_forces="Hội Liên hiệp Phụ nữ huyện, thị trấn; các nhà hảo tâm.",
        participating_forces="Hội viên chi hội, gia đình hội viên.",
        resources="Quỹ mua bò 75 triệu đồng từ nhà hảo tâm; 100 ngày công.",
        timeline="Năm 2020.",
        expected_outputs="Sổ theo dõi hội viên; danh sách hộ nhận bò; biên bản bàn giao bò.",
        sustainability="Bê con được luân chuyển cho hội viên khó khăn tiếp theo.",
        interim="Thăm hỏi 86/86 hội viên; trao 3 con bò sinh sản cho 3 hội viên nghèo.",
        final="",
        households=86,
        funds_vnd=75 * M,
        socialised_funds_vnd=75 * M,
        workdays=100,
    ),
    "Tuyến đường thanh niên tự quản xanh – sạch – đẹp": Story(
        situation="Một số tuyến đường ở các xã vùng đồng bào dân tộc thiếu cây xanh, chưa có điện chiếu sáng, rác thải ven đường.",
        objectives="Mỗi chi đoàn nhận một tuyến đường; trồng 3.000 cây xanh; lắp 200 bóng đèn chiếu sáng.",
        content_and_method="Đoàn viên nhận chăm sóc tuyến đường, trồng cây, lắp đèn; ra quân vào ngày chủ nhật xanh hằng tháng.",
        area_and_target="Các xã Ka Đô, Pró, Tu Tra.",
        lead_forces="Huyện đoàn Đơn Dương.",
        coordinating_forces="Đoàn Thanh niên các xã.",
        participating_forces="Đoàn viên thanh niên.",
        resources="Dự kiến 150 triệu đồng.",
        timeline="Năm 2020.",
        expected_outputs="Số tuyến đường; số cây xanh; số bóng đèn.",
        sustainability="Chi đoàn duy trì.",
        interim="",
        final="",
        households=0,
        funds_vnd=150 * M,
        socialised_funds_vnd=100 * M,
        workdays=800,
    ),
    "Cựu chiến binh tham gia giữ gìn an ninh trật tự, hòa giải ở cơ sở": Story(
        situation=(
            "Ở nhiều thôn, tổ tự quản và tổ hòa giải thiếu người có kinh nghiệm, uy tín; số người chấp hành xong án phạt tù trở về địa phương "
            "chưa có việc làm ổn định, dễ tái phạm."
        ),
        objectives=(
            "Mỗi chi hội cựu chiến binh có hội viên làm nòng cốt trong tổ tự quản, tổ hòa giải; nhận giúp đỡ 20 người lầm lỗi "
            "tái hòa nhập cộng đồng, không để tái phạm."
        ),
        content_and_method=(
            "Hội Cựu chiến binh huyện chỉ đạo mỗi chi hội cử hội viên tham gia tổ tự quản, tổ hòa giải; mỗi người lầm lỗi có một "
            "hội viên nhận kèm cặp, giúp tìm việc làm, vay vốn; hằng quý chi hội báo cáo tình hình với công an xã."
        ),
        area_and_target="Các xã, thị trấn trong huyện; 20 người chấp hành xong án phạt tù trở về địa phương.",
        lead_forces="Hội Cựu chiến binh huyện.",
        coordinating_forces="Công an huyện, Hội Cựu chiến binh các xã, thị trấn, Ngân hàng Chính sách xã hội huyện.",
        participating_forces="Hội viên cựu chiến binh, gia đình người được giúp đỡ.",
        resources="Quỹ hội hỗ trợ vốn 180 triệu đồng (xã hội hóa 120 triệu đồng); khoảng 600 ngày công.",
        timeline="Từ tháng 3 đến tháng 12/2020.",
        expected_outputs="Danh sách hội viên trong tổ tự quản, tổ hòa giải; danh sách người được giúp đỡ và kết quả; xác nhận của công an.",
        sustainability="Việc kèm cặp được đưa vào chương trình công tác hằng năm của Hội; mô hình gắn với phong trào “Cựu chiến binh gương mẫu”.",
        interim="148 hội viên tham gia tổ tự quản, tổ hòa giải; nhận giúp đỡ 17 người lầm lỗi, 9 người đã có việc làm.",
        final=(
            "162 hội viên tham gia; hòa giải thành 46 vụ việc; giúp đỡ 21 người lầm lỗi, 16 người có việc làm ổn định, "
            "không có trường hợp tái phạm; hỗ trợ vốn 185 triệu đồng."
        ),
        households=21,
        funds_vnd=185 * M,
        socialised_funds_vnd=125 * M,
        workdays=620,
    ),
    "Công đoàn cơ sở đồng hành cùng người lao động trong doanh nghiệp": Story(
        situation="Người lao động ở khu công nghiệp còn thiếu kênh đối thoại với chủ doanh nghiệp; bữa ăn ca, nhà trọ chưa bảo đảm.",
        objectives="Tổ chức đối thoại định kỳ ở 10 doanh nghiệp; nâng chất lượng bữa ăn ca.",
        content_and_method="Công đoàn cơ sở tổ chức đối thoại định kỳ giữa người lao động và chủ doanh nghiệp.",
        area_and_target="Khu công nghiệp Thạnh Mỹ.",
        lead_forces="Liên đoàn Lao động huyện.",
        coordinating_forces="Ban quản lý khu công nghiệp.",
        participating_forces="Người lao động, chủ doanh nghiệp.",
        resources="Kinh phí công đoàn.",
        timeline="Năm 2020.",
        expected_outputs="Biên bản đối thoại.",
        sustainability="Duy trì đối thoại.",
        interim="",
        final="",
        households=0,
        funds_vnd=20 * M,
        socialised_funds_vnd=0,
        workdays=50,
    ),
}

FIELD_FORCES = {
    Field.ECONOMY: "Hội Nông dân, Hội Liên hiệp Phụ nữ, Trạm Khuyến nông huyện",
    Field.CULTURE_SOCIETY: "Ban công tác Mặt trận, Đoàn Thanh niên, nhà trường, y tế cơ sở",
    Field.DEFENCE_SECURITY: "Công an xã, Ban Chỉ huy quân sự xã, Hội Cựu chiến binh",
    Field.POLITICAL_SYSTEM: "Đảng ủy, UBND, Ủy ban MTTQ xã và các đoàn thể",
    Field.NEW_RURAL: "UBND xã, Ban quản lý xây dựng nông thôn mới, Ủy ban MTTQ xã",
}


def story_for(model) -> Story:
    """The story of a demo model; one written from the model itself when there is none."""
    story = STORIES.get(model.name)
    if story is not None:
        return story
    place = model.address or model.unit.name
    about = model.description or model.name
    return Story(
        situation=f"Tại {place}, {about[0].lower()}{about[1:]}" if about else f"Thực trạng tại {place}.",
        objectives=f"Năm 2020 duy trì và nâng chất lượng mô hình “{model.name}”, mở rộng số hộ tham gia ít nhất 20%.",
        content_and_method=(
            "Họp dân công khai mục tiêu, cách làm để nhân dân bàn và quyết định; đảng viên, người có uy tín làm trước; "
            "hằng tháng rút kinh nghiệm và công khai kết quả tại khu dân cư."
        ),
        area_and_target=f"{place}; các hộ dân trên địa bàn.",
        lead_forces=f"Khối Dân vận – {model.unit.name}",
        coordinating_forces=FIELD_FORCES.get(model.field, "Ủy ban MTTQ và các đoàn thể"),
        participating_forces="Nhân dân trên địa bàn, đảng viên, hội viên các đoàn thể.",
        resources="Khoảng 50 triệu đồng, trong đó nhân dân đóng góp 30 triệu đồng; 200 ngày công.",
        timeline="Từ tháng 3 đến tháng 10/2020; sơ kết tháng 6, tự đánh giá tháng 10/2020.",
        expected_outputs="Biên bản họp dân, danh sách hộ tham gia, số liệu kết quả có xác nhận của chính quyền, hình ảnh.",
        sustainability="Nhân dân tự duy trì, đưa nội dung vào quy ước khu dân cư; có thể nhân rộng ra các thôn lân cận.",
        interim="Đã họp dân, triển khai các nội dung theo kế hoạch; số hộ tham gia tăng 12%.",
        final="Hoàn thành các mục tiêu đề ra; số hộ tham gia tăng 22%; nhân dân đồng tình, hưởng ứng.",
        households=60,
        funds_vnd=50 * M,
        socialised_funds_vnd=30 * M,
        workdays=200,
    )
