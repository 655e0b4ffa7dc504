"""The default criteria of DESIGN §4. No national table exists, so these are the
district's starting point; staff edit them per campaign until the first score is saved.

They are data copied into each campaign (in Vietnamese, the language of the official
record), not interface text, so they are plain strings rather than gettext."""

from decimal import Decimal

from models.models import DvkModel

# kind → (set name, [(criterion name, guidance, max points), ...])
DEFAULT_CRITERIA = {
    DvkModel.Kind.MODEL: (
        "Tiêu chí thẩm định mô hình “Dân vận khéo” (tập thể)",
        [
            (
                "Phù hợp chủ trương của Đảng, pháp luật của Nhà nước; thiết thực",
                "Mô hình đúng đường lối, chính sách, pháp luật; xuất phát từ nhu cầu thực tế của địa phương.",
                Decimal("20"),
            ),
            (
                "Phát huy sự tham gia và quyền làm chủ của nhân dân",
                "Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng.",
                Decimal("20"),
            ),
            (
                "Kết quả kinh tế – xã hội kiểm chứng được",
                "Số liệu, sản phẩm, minh chứng cụ thể: số hộ tham gia, kinh phí, ngày công, công trình.",
                Decimal("25"),
            ),
            (
                "Tính sáng tạo, cách làm mới",
                "Cách làm mới, hiệu quả, phù hợp đặc điểm vùng đồng bào dân tộc, tôn giáo.",
                Decimal("15"),
            ),
            (
                "Tính bền vững và khả năng nhân rộng",
                "Duy trì lâu dài; có thể áp dụng ở địa bàn, đơn vị khác.",
                Decimal("20"),
            ),
        ],
    ),
    DvkModel.Kind.EXEMPLAR: (
        "Tiêu chí thẩm định điển hình “Dân vận khéo” (cá nhân)",
        [
            (
                "Gương mẫu của bản thân và gia đình",
                "Chấp hành chủ trương, pháp luật; gia đình gương mẫu ở khu dân cư.",
                Decimal("20"),
            ),
            (
                "Sáng kiến, đóng góp giải quyết việc khó, vấn đề tồn đọng ở cơ sở",
                "Việc khó, việc mới, vấn đề bức xúc kéo dài được giải quyết nhờ cách vận động của cá nhân.",
                Decimal("30"),
            ),
            (
                "Tận tụy phục vụ nhân dân, được nhân dân tin yêu",
                "Gần dân, sát dân; được cộng đồng, khu dân cư ghi nhận.",
                Decimal("25"),
            ),
            (
                "Kết quả đạt được và sức lan tỏa",
                "Kết quả cụ thể, kiểm chứng được; được học tập, làm theo.",
                Decimal("25"),
            ),
        ],
    ),
}

# Classification thresholds (DESIGN §4): counted score at or above → class.
EXCELLENT_FROM = Decimal("90")
GOOD_FROM = Decimal("80")
FAIR_FROM = Decimal("70")
