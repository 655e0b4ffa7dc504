import datetime

import factory

from campaign.models import Acknowledgement, Campaign, Deadline, DeadlineExtension, Document, PlanItem, PlanItemUpdate, PlanPeriod

from .accounts import UnitFactory, UserFactory

__all__ = [
    "CampaignFactory",
    "DeadlineFactory",
    "DeadlineExtensionFactory",
    "PlanPeriodFactory",
    "PlanItemFactory",
    "PlanItemUpdateFactory",
    "DocumentFactory",
    "AcknowledgementFactory",
]


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    owner = factory.SubFactory(UnitFactory, kind="district")
    year = 2020
    title = factory.LazyAttribute(lambda o: f"Kế hoạch thực hiện phong trào thi đua “Dân vận khéo” năm {o.year}")
    number = factory.Sequence(lambda n: f"{n + 12}-KH/BDVHU")
    issued_on = factory.LazyAttribute(lambda o: datetime.date(o.year, 3, 10))
    status = Campaign.Status.PUBLISHED
    # The portal's default is on; tests of other rules send without files, and the
    # tests of the evidence rule turn it on (tests/registrations/test_required_evidence.py).
    requires_evidence = False


class DeadlineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deadline

    campaign = factory.SubFactory(CampaignFactory)
    kind = Deadline.Kind.REGISTRATION
    due_date = datetime.date(2020, 4, 30)


class DeadlineExtensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeadlineExtension

    deadline = factory.SubFactory(DeadlineFactory)
    unit = factory.SubFactory(UnitFactory)
    due_date = factory.LazyAttribute(lambda o: o.deadline.due_date + datetime.timedelta(days=10))
    reason = "Địa bàn vùng sâu, đường sá đi lại khó khăn mùa mưa"
    granted_by = factory.SubFactory(UserFactory)


class PlanPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanPeriod

    campaign = factory.SubFactory(CampaignFactory)
    name = "Quý I và quý II"
    starts_on = factory.LazyAttribute(lambda o: datetime.date(o.campaign.year, 1, 1))
    ends_on = factory.LazyAttribute(lambda o: datetime.date(o.campaign.year, 6, 30))
    order = factory.Sequence(lambda n: n + 1)


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem
        skip_postgeneration_save = True

    period = factory.SubFactory(PlanPeriodFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Nhiệm vụ thử nghiệm {n}")
    description = "Tổ chức quán triệt các văn bản mới liên quan đến công tác dân vận."
    due_date = factory.LazyAttribute(lambda o: o.period.ends_on)
    status = PlanItem.Status.PLANNED

    @factory.post_generation
    def coordinating_units(self, create, extracted, **kwargs):
        if create and extracted:
            self.coordinating_units.set(extracted)


class PlanItemUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItemUpdate

    item = factory.SubFactory(PlanItemFactory)
    date = factory.LazyAttribute(lambda o: o.item.period.starts_on)
    text = "Đã làm việc với Khối Dân vận các xã, thị trấn."
    author = factory.SubFactory(UserFactory)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    campaign = factory.SubFactory(CampaignFactory)
    number = factory.Sequence(lambda n: f"{n + 75}-KH/BDVTU")
    date = factory.LazyAttribute(lambda o: datetime.date(o.campaign.year, 3, 3))
    title = "Kế hoạch thực hiện phong trào thi đua “Dân vận khéo”"
    uploaded_by = factory.SubFactory(UserFactory)


class AcknowledgementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Acknowledgement

    document = factory.SubFactory(DocumentFactory)
    unit = factory.SubFactory(UnitFactory)
    disseminated_on = factory.LazyAttribute(lambda o: o.document.date + datetime.timedelta(days=10))
    form = Acknowledgement.Form.CONFERENCE
    participants = 30
    recorded_by = factory.SubFactory(UserFactory)
