from decimal import Decimal

import factory

from evaluations.models import (
    Assignment,
    AwardProposal,
    Council,
    CouncilMember,
    CriteriaSet,
    Criterion,
    MedalNomination,
    ProposalVote,
    Score,
    Scoresheet,
)
from models.models import DvkModel

from .accounts import UnitFactory, UserFactory
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
    "AwardProposalFactory",
    "ProposalVoteFactory",
    "MedalNominationFactory",
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


class AwardProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardProposal

    registration = factory.SubFactory(RegistrationFactory, status="recognised")
    campaign = factory.LazyAttribute(lambda o: o.registration.campaign)
    level = AwardProposal.Level.DISTRICT
    nominee = factory.LazyAttribute(lambda o: f"{o.registration.unit.name} (mô hình “{o.registration.model.name}”)")
    achievement = "Có thành tích trong phong trào thi đua “Dân vận khéo” năm 2020."
    created_by = factory.SubFactory(UserFactory)


class ProposalVoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProposalVote

    proposal = factory.SubFactory(AwardProposalFactory, status=AwardProposal.Status.VOTING)
    member = factory.SubFactory(CouncilMemberFactory)
    choice = ProposalVote.Choice.AGREE


class MedalNominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MedalNomination

    campaign = factory.SubFactory(CampaignFactory)
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    birth_year = 1968
    gender = MedalNomination.Gender.MALE
    position = "Trưởng khối Dân vận xã"
    unit = factory.SubFactory(UnitFactory)
    years_in_work = 15
    achievements = "Nhiều năm vận động đồng bào hiến đất làm đường, xây dựng nông thôn mới."
    nominated_by = factory.SubFactory(UserFactory)
