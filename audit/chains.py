"""Which chain of the ledger an entry belongs to: the organising body's.

The audit app is the lowest layer and knows no other app, so the organiser is found
from the shape of the data: a model with an ``owner`` (a campaign) names it; a model
that leads to one through its foreign keys (a registration, a scoresheet, a score)
names it through them; a unit, or a model that leads to a unit, belongs to the tree of
its root. A model can state its own lookup with ``audit_organiser_lookup`` (a Django
lookup path ending at the organiser's id). What has none of these is chained under the
acting user's organiser, else under the instance chain ("")."""

from collections import deque
from functools import cache

from django.conf import settings
from django.db import models

INSTANCE_CHAIN = ""
MAX_HOPS = 5


def key_for(organiser_id) -> str:
    return f"organiser:{organiser_id}" if organiser_id else INSTANCE_CHAIN


def _is_unit_tree(model) -> bool:
    names = {field.name for field in model._meta.get_fields()}
    return {"path", "parent"} <= names


def _forward_keys(model):
    user_label = settings.AUTH_USER_MODEL.lower()
    for field in model._meta.get_fields():
        if not (field.is_relation and field.concrete and (field.many_to_one or field.one_to_one)):
            continue
        target = field.related_model
        if target is model or target._meta.label_lower == user_label:
            continue  # the actor, a parent or successor would name someone else's organiser
        yield field, target


@cache
def _route(model) -> tuple[tuple[str, ...], str] | None:
    """The shortest path of foreign keys from ``model`` to the organiser: (field names,
    "owner" or "unit"). An owner anywhere within reach wins over a unit."""
    best_unit = None
    queue = deque([(model, ())])
    seen = {model}
    while queue:
        current, path = queue.popleft()
        names = {field.name for field in current._meta.get_fields()}
        if "owner" in names and current._meta.get_field("owner").many_to_one:
            return path, "owner"
        if _is_unit_tree(current) and best_unit is None:
            best_unit = (path, "unit")
        if len(path) >= MAX_HOPS:
            continue
        for field, target in _forward_keys(current):
            if target not in seen:
                seen.add(target)
                queue.append((target, (*path, field.name)))
    return best_unit


def _root_of(path: str):
    head = path.strip("/").split("/")[0]
    return int(head) if head.isdigit() else None


def _follow_loaded(obj, path):
    """Walk ``path`` on objects already loaded; None when a step would need a query."""
    current = obj
    for name in path:
        field = current._meta.get_field(name)
        if not field.is_cached(current):
            return None
        current = getattr(current, name)
        if current is None:
            return None
    return current


def organiser_of(obj):
    """The id of the organising body ``obj`` belongs to, or None (at most one query)."""
    model = obj.__class__  # request.user is a lazy proxy: type() would name the proxy
    lookup = getattr(model, "audit_organiser_lookup", None)
    if lookup:
        return model._base_manager.filter(pk=obj.pk).values_list(lookup, flat=True).first()
    route = _route(model)
    if route is None:
        return None
    path, end = route
    if not path:
        return obj.owner_id if end == "owner" else _root_of(obj.path)
    loaded = _follow_loaded(obj, path)
    if loaded is not None:
        return loaded.owner_id if end == "owner" else _root_of(loaded.path)
    # Start from the first foreign key's value, so that an object being deleted works too.
    first = model._meta.get_field(path[0])
    start = getattr(obj, first.attname)
    if start is None:
        return None
    rest = "__".join((*path[1:], "owner_id" if end == "owner" else "path"))
    value = first.related_model._base_manager.filter(pk=start).values_list(rest, flat=True).first()
    if end == "unit":
        return _root_of(value) if value else None
    return value


def chain_for(obj, actor) -> str:
    organiser_id = organiser_of(obj) if isinstance(obj, models.Model) and obj.pk is not None else None
    if organiser_id is None and getattr(actor, "pk", None) and hasattr(actor, "organiser_ids"):
        # An account, a setting: the acting staff member's organising body.
        organiser_ids = actor.organiser_ids()
        organiser_id = min(organiser_ids) if organiser_ids else None
    return key_for(organiser_id)
