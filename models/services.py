"""Every write to the catalogue: one function per change, atomic and audited. Views,
the demo seed and higher apps (evaluations) call these; none sets the fields by hand."""

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from accounts.models import Unit

from .exceptions import NotRecognised, StaleEdit, TransitionNotAllowed
from .models import DvkModel, showcase_content

# What a unit may write about its own model; the rest (unit, recognition, publication)
# changes only through the functions below.
EDITABLE_FIELDS = (
    "name",
    "kind",
    "field",
    "address",
    "started_on",
    "description",
    "is_ethnic_minority_area",
    "is_religious_area",
    "person_name",
    "person_birth_year",
    "person_position",
    "replicates",
)
PERSON_FIELDS = {"person_name": "", "person_birth_year": None, "person_position": ""}


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable in the catalogue: {', '.join(sorted(unknown))}")


def _apply(model: DvkModel, fields: dict) -> None:
    for name, value in fields.items():
        setattr(model, name, value)
    # A collective model has no person; values typed before switching the kind are dropped.
    if model.kind == DvkModel.Kind.MODEL:
        for name, empty in PERSON_FIELDS.items():
            setattr(model, name, empty)


def _snapshot(model: DvkModel) -> dict:
    data = {name: getattr(model, name) for name in EDITABLE_FIELDS if name != "replicates"}
    data["replicates"] = model.replicates_id
    data["unit"] = model.unit_id
    return data


def _require_editor(model: DvkModel, by) -> None:
    # ``by=None`` is the system itself (the demo seed, data migrations).
    if by is not None and not rules.has_perm("models.edit_model", by, model):
        raise PermissionDenied(_("Chỉ đầu mối của đơn vị mới được sửa mô hình, điển hình của đơn vị."))


def create_model(unit: Unit, *, by, **fields) -> DvkModel:
    """Add a model or exemplar to ``unit``'s catalogue. ``fields`` are those of
    EDITABLE_FIELDS; invalid values raise ValidationError with Vietnamese messages."""
    _check_fields(fields)
    try:
        with transaction.atomic():
            model = DvkModel(unit=unit, created_by=by if getattr(by, "pk", None) else None)
            _apply(model, fields)
            _require_editor(model, by)
            model.full_clean()
            model.save()
            audit.record(by, "dvk_model.created", model, after=_snapshot(model))
    except IntegrityError as error:
        # Two saves at the same moment both pass full_clean; the database keeps one.
        raise _same_name_error() from error
    return model


def _same_name_error() -> ValidationError:
    constraint = next(c for c in DvkModel._meta.constraints if c.name == "dvk_model_unique_name_per_unit")
    return ValidationError({"name": constraint.violation_error_message})


# What decides how a model is appraised (which criteria set, which ranking table).
SCORING_FIELDS = ("kind",)
# Apps above this one say when those fields are frozen: ``rule(model)`` returns the
# reason (the registrations app: a registration of the model is in appraisal or has results).
_scoring_freeze_rules: list = []


def register_scoring_freeze_rule(rule) -> None:
    if rule not in _scoring_freeze_rules:
        _scoring_freeze_rules.append(rule)


def _check_scoring_fields(model: DvkModel, before: dict) -> None:
    if all(getattr(model, name) == before[name] for name in SCORING_FIELDS):
        return
    for rule in _scoring_freeze_rules:
        reason = rule(model)
        if reason:
            raise TransitionNotAllowed(reason)


def update_model(model: DvkModel, *, by, expected_updated_at=None, **fields) -> DvkModel:
    """Change a model's own description. With ``expected_updated_at`` (the value the
    form was opened with) a save made meanwhile by someone else is refused, not overwritten."""
    _check_fields(fields)
    with transaction.atomic():
        model = DvkModel.objects.select_for_update().select_related("unit").get(pk=model.pk)
        _require_editor(model, by)
        if expected_updated_at is not None and model.updated_at != expected_updated_at:
            raise StaleEdit(_("Mô hình này vừa được người khác cập nhật. Hãy tải lại trang để xem bản mới rồi sửa lại."))
        before = _snapshot(model)
        frozen = {name: getattr(model, name) for name in SCORING_FIELDS}
        _apply(model, fields)
        _check_scoring_fields(model, frozen)
        model.full_clean()
        model.save()
        after = _snapshot(model)
        changed = [name for name in after if after[name] != before[name]]
        if changed:
            audit.record(
                by,
                "dvk_model.updated",
                model,
                before={name: before[name] for name in changed},
                after={name: after[name] for name in changed},
            )
    return model


def _require_publisher(model: DvkModel, by) -> None:
    if by is not None and not rules.has_perm("models.publish_model", by, model):
        raise PermissionDenied(_("Chỉ chuyên viên của đơn vị tổ chức mới được công bố mô hình lên trang giới thiệu."))


def publish_to_showcase(model: DvkModel, *, by) -> DvkModel:
    """Show a recognised model on the public showcase as it reads now; on a published
    model, approve the unit's edits since the last approval (until then the showcase
    keeps the approved version)."""
    with transaction.atomic():
        model = DvkModel.objects.select_for_update().select_related("unit").get(pk=model.pk)
        _require_publisher(model, by)
        if model.recognised_in_year is None:
            raise NotRecognised(_("Mô hình, điển hình chưa từng được công nhận nên chưa thể công bố lên trang giới thiệu."))
        content = showcase_content(model)
        if model.is_published:
            if model.published_content == content:
                raise TransitionNotAllowed(_("Mô hình, điển hình này đã được công bố."))
            before = model.published_content
            model.published_content = content
            model.save(update_fields=["published_content"])
            audit.record(by, "dvk_model.showcase_approved", model, before=before, after=content)
            return model
        model.is_published = True
        model.published_at = timezone.now()
        model.published_content = content
        model.save(update_fields=["is_published", "published_at", "published_content"])
        audit.record(by, "dvk_model.published", model, before={"is_published": False}, after={"is_published": True})
    return model


def unpublish_from_showcase(model: DvkModel, *, by) -> DvkModel:
    """Take a model off the public showcase; it stays in the catalogue."""
    with transaction.atomic():
        model = DvkModel.objects.select_for_update().select_related("unit").get(pk=model.pk)
        _require_publisher(model, by)
        if not model.is_published:
            raise TransitionNotAllowed(_("Mô hình, điển hình này chưa được công bố."))
        model.is_published = False
        model.published_at = None
        model.published_content = None
        model.save(update_fields=["is_published", "published_at", "published_content"])
        audit.record(by, "dvk_model.unpublished", model, before={"is_published": True}, after={"is_published": False})
    return model


def record_recognition(model: DvkModel, *, year: int, by) -> DvkModel:
    """Note the latest year a campaign recognised the model. Called by the evaluations
    app when results are finalised (and by the demo seed for earlier years); an earlier
    year never replaces a later one."""
    with transaction.atomic():
        model = DvkModel.objects.select_for_update().get(pk=model.pk)
        before = model.recognised_in_year
        if before is not None and before >= year:
            return model
        model.recognised_in_year = year
        model.save(update_fields=["recognised_in_year"])
        audit.record(by, "dvk_model.recognised", model, before={"recognised_in_year": before}, after={"recognised_in_year": year})
    return model


def record_recognitions(models, *, year: int, by) -> list[DvkModel]:
    """``record_recognition`` for many models at once (the results of a whole campaign),
    in a number of queries that does not grow with them: all are locked in one query,
    those not yet recognised in ``year`` or later are marked with one UPDATE and their
    ledger entries written together. Returns the models marked."""
    pks = {model.pk for model in models}
    if not pks:
        return []
    with transaction.atomic():
        # With its unit loaded, the ledger finds each model's chain without a query.
        locked = list(DvkModel.objects.select_for_update(of=("self",)).select_related("unit").filter(pk__in=pks).order_by("pk"))
        marked = [model for model in locked if model.recognised_in_year is None or model.recognised_in_year < year]
        if not marked:
            return []
        befores = {model.pk: model.recognised_in_year for model in marked}
        DvkModel.objects.filter(pk__in=[model.pk for model in marked]).update(recognised_in_year=year)
        for model in marked:
            model.recognised_in_year = year
        audit.record_many(
            by,
            [
                audit.Change(
                    "dvk_model.recognised",
                    model,
                    before={"recognised_in_year": befores[model.pk]},
                    after={"recognised_in_year": year},
                )
                for model in marked
            ],
        )
    return marked
