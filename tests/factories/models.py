import factory
from django.utils import timezone

from models.models import DvkModel, Field, showcase_content

from .accounts import UnitFactory

__all__ = ["DvkModelFactory", "ExemplarFactory", "PublishedModelFactory", "PublishedExemplarFactory"]


class DvkModelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DvkModel

    unit = factory.SubFactory(UnitFactory)
    kind = DvkModel.Kind.MODEL
    name = factory.Sequence(lambda n: f"Vận động hiến đất mở rộng đường giao thông nông thôn thôn {n}")
    field = Field.NEW_RURAL
    address = "Thôn Ka Đô Mới"


class ExemplarFactory(DvkModelFactory):
    kind = DvkModel.Kind.EXEMPLAR
    name = factory.Sequence(lambda n: f"Già làng tiêu biểu vận động đồng bào {n}")
    field = Field.CULTURE_SOCIETY
    person_name = factory.Sequence(lambda n: f"K'Brơi {n}")
    person_birth_year = 1962
    person_position = "Già làng thôn Ka Đô Cũ"


class PublishedModelFactory(DvkModelFactory):
    """A model recognised in an earlier campaign and shown on the public showcase."""

    class Meta:
        skip_postgeneration_save = True  # the hook saves what it sets

    recognised_in_year = 2019
    is_published = True
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def approved(obj, create, extracted, **kwargs):
        """Published as it reads when made: the organiser approved this content."""
        obj.published_content = showcase_content(obj)
        if create:
            obj.save(update_fields=["published_content"])


class PublishedExemplarFactory(ExemplarFactory):
    class Meta:
        skip_postgeneration_save = True  # the hook saves what it sets

    recognised_in_year = 2019
    is_published = True
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def approved(obj, create, extracted, **kwargs):
        """Published as it reads when made: the organiser approved this content."""
        obj.published_content = showcase_content(obj)
        if create:
            obj.save(update_fields=["published_content"])
