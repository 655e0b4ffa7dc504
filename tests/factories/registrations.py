import factory
from django.utils import timezone

from registrations.models import Evidence, ProgressReport, Registration, Status

from .campaign import CampaignFactory
from .models import DvkModelFactory

__all__ = ["RegistrationFactory", "ProgressReportFactory", "EvidenceFactory"]


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    campaign = factory.SubFactory(CampaignFactory)
    model = factory.SubFactory(DvkModelFactory)
    unit = factory.LazyAttribute(lambda o: o.model.unit)
    status = Status.DRAFT
    situation = "Đường liên thôn hẹp, mùa mưa lầy lội, người dân đi lại khó khăn."
    objectives = "Mở rộng 2 km đường liên thôn lên 5 m trong năm 2020."
    content_and_method = "Họp dân, vận động các hộ hiến đất, cây trồng; làm trước những hộ đảng viên."
    area_and_target = "Thôn Ka Đô Mới, 120 hộ đồng bào K'Ho."
    lead_forces = "Khối Dân vận xã"
    coordinating_forces = "UBMTTQ xã, Hội Nông dân"
    participating_forces = "Nhân dân thôn"
    resources = "Nhà nước hỗ trợ xi măng; nhân dân góp ngày công."
    timeline = "Tháng 3 – tháng 10/2020"
    expected_outputs = "2 km đường bê tông rộng 5 m; 45 hộ hiến 3.200 m² đất."
    sustainability = "Tổ tự quản duy tu đường; nhân rộng ra các thôn khác."

    @factory.lazy_attribute
    def submitted_at(self):
        return None if self.status in (Status.DRAFT,) else timezone.now()


class ProgressReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressReport

    registration = factory.SubFactory(RegistrationFactory, status=Status.ACCEPTED)
    kind = ProgressReport.Kind.INTERIM
    results = "Đã hoàn thành 1,2 km đường; 30 hộ hiến đất."
    households = 30
    funds_vnd = 450_000_000
    socialised_funds_vnd = 120_000_000
    workdays = 900


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    registration = factory.SubFactory(RegistrationFactory)
    file = factory.django.FileField(filename="bien-ban.pdf", data=b"%PDF-1.4\n%minimal\n")
    original_name = "bien-ban.pdf"
    content_type = "application/pdf"
    size = 18
