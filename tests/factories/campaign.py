import datetime

import factory

from campaign.models import Campaign, Deadline, DeadlineExtension

from .accounts import UnitFactory, UserFactory

__all__ = ["CampaignFactory", "DeadlineFactory", "DeadlineExtensionFactory"]


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    owner = factory.SubFactory(UnitFactory, kind="district")
    year = 2020
    title = factory.LazyAttribute(lambda o: f"Kế hoạch thực hiện phong trào thi đua “Dân vận khéo” năm {o.year}")
    number = factory.Sequence(lambda n: f"{n + 12}-KH/BDVHU")
    issued_on = factory.LazyAttribute(lambda o: datetime.date(o.year, 3, 10))
    status = Campaign.Status.PUBLISHED


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
