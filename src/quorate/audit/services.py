"""Writing the audit trail. Call :func:`record` inside the service's transaction."""

from __future__ import annotations

from typing import Any

from django.db import models

from quorate.audit.models import AuditEvent


def _jsonable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def record(
    obj: models.Model,
    *,
    verb: str,
    by: Any = None,
    changes: dict[str, Any] | None = None,
    reason: str = "",
    actor_label: str = "",
) -> AuditEvent:
    """Append an audit row for ``obj``. ``by`` is a user, or None for system actors."""
    user = by if getattr(by, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=user,
        actor_label=actor_label or ("" if user else "system"),
        verb=verb,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_label=str(obj)[:300],
        changes=_jsonable(changes or {}),
        reason=reason,
    )


def diff(instance: models.Model, data: dict[str, Any]) -> dict[str, list[Any]]:
    """Apply ``data`` to ``instance`` and return {field: [old, new]} for what changed."""
    changed: dict[str, list[Any]] = {}
    for field, new in data.items():
        old = getattr(instance, field)
        if old != new:
            changed[field] = [_jsonable(old), _jsonable(new)]
            setattr(instance, field, new)
    return changed


def upsert(
    model: type[Any],
    *,
    lookup: dict[str, Any],
    data: dict[str, Any],
    created: str,
    updated: str,
    by: Any = None,
    actor: str = "",
    on_create: dict[str, Any] | None = None,
) -> Any:
    """Create the ``model`` row matching ``lookup`` with ``data``, or apply ``data`` to it.

    Validates with ``full_clean`` and writes one audit row (verb ``created`` or ``updated``)
    only when something changed, so calling it twice with the same data is a no-op.
    ``on_create`` holds values set only when the row is new (a slug, a computed end date).
    Call it inside the service's transaction.
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **data, **(on_create or {}))
        obj.full_clean()
        obj.save()
        record(obj, verb=created, by=by, actor_label=actor, changes=data)
        return obj
    changes = diff(obj, data)
    if changes:
        obj.full_clean()
        obj.save()
        record(obj, verb=updated, by=by, actor_label=actor, changes=changes)
    return obj


def history_for(obj: models.Model) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).select_related("actor")
