from decimal import Decimal

import factory

from evaluations.models import (
    Assignment,
    Council,
    CouncilMember,
    CriteriaSet,
    Criterion,
    Score,
    Scoresheet,
)
from models.models import DvkModel

from .accounts import UserFactory
from .campaign import CampaignFactory
from .registrations import RegistrationFactory

__all__ = [
    "CouncilFactory",
    "CouncilMemberFactory",
    "CriteriaSetFactory",
    "CriterionFactory",
    "AssignmentFactory",
    "ScoresheetFactory",
    "ScoreFactory",
]


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    campaign = factory.SubFactory(CampaignFactory)


class CouncilMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilMember

    council = factory.SubFactory(CouncilFactory)
    user = factory.SubFactory(UserFactory)
    position = CouncilMember.Position.MEMBER
    represents = "Văn phòng điều phối nông thôn mới huyện"


class CriteriaSetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CriteriaSet
        django_get_or_create = ("campaign", "kind")

    campaign = factory.SubFactory(CampaignFactory)
    kind = DvkModel.Kind.MODEL
    name = "Tiêu chí mô hình tập thể"


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    criteria_set = factory.SubFactory(CriteriaSetFactory)
    order = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Tiêu chí {n + 1}")
    max_points = Decimal("20")


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    member = factory.SubFactory(CouncilMemberFactory)
    registration = factory.SubFactory(RegistrationFactory, status="nominated")


class ScoresheetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scoresheet

    assignment = factory.SubFactory(AssignmentFactory)


class ScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Score

    scoresheet = factory.SubFactory(ScoresheetFactory)
    criterion = factory.SubFactory(CriterionFactory)
    points = Decimal("15")
