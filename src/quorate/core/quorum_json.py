"""Quorum rules to and from plain JSON-able dicts (stored in a JSONField on terms of reference).

Format ``quorate-quorum/1``::

    {"schema": "quorate-quorum/1", "minimum_members": 4, "voting_only": true,
     "substitutes_count": true,
     "groups": [{"label": "council", "minimum": 2, "organisation_kinds": ["council"]},
                {"label": "CCG", "minimum": 2, "organisation_kinds": ["ccg"]}],
     "roles": [{"any_of": ["Director of Public Health"], "deputy_allowed": false}]}

Only ``minimum_members`` is required. :func:`rule_from_dict` raises
:class:`~quorate.core.quorum.QuorumRuleError` whose ``field`` is the path of the bad field
(``groups[1].minimum``), for unknown keys as well as bad values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from quorate.core.quorum import GroupMinimum, QuorumRule, QuorumRuleError, RoleRequirement

SCHEMA = "quorate-quorum/1"
_T = TypeVar("_T")

_RULE_KEYS = {"schema", "minimum_members", "voting_only", "substitutes_count", "groups", "roles"}
_GROUP_KEYS = {"label", "minimum", "organisation_kinds", "organisations", "roles"}
_ROLE_KEYS = {"any_of", "deputy_allowed"}


def rule_to_dict(rule: QuorumRule) -> dict[str, Any]:
    groups: list[dict[str, Any]] = []
    for group in rule.groups:
        entry: dict[str, Any] = {"label": group.label, "minimum": group.minimum}
        for key in ("organisation_kinds", "organisations", "roles"):
            values: frozenset[str] = getattr(group, key)
            if values:
                entry[key] = sorted(values)
        groups.append(entry)
    return {
        "schema": SCHEMA,
        "minimum_members": rule.minimum_members,
        "voting_only": rule.voting_only,
        "substitutes_count": rule.substitutes_count,
        "groups": groups,
        "roles": [
            {"any_of": list(r.any_of), "deputy_allowed": r.deputy_allowed} for r in rule.roles
        ],
    }


def rule_from_dict(data: object) -> QuorumRule:
    obj = _mapping("rule", data, _RULE_KEYS, prefix="")
    if "schema" in obj and obj["schema"] != SCHEMA:
        raise QuorumRuleError("schema", f"must be {SCHEMA!r}, not {obj['schema']!r}")
    if "minimum_members" not in obj:
        raise QuorumRuleError("minimum_members", "is required")
    groups = tuple(
        _group(f"groups[{i}]", g) for i, g in enumerate(_list("groups", obj.get("groups", [])))
    )
    roles = tuple(
        _role(f"roles[{i}]", r) for i, r in enumerate(_list("roles", obj.get("roles", [])))
    )
    return _build(
        "",
        QuorumRule,
        minimum_members=_int("minimum_members", obj["minimum_members"]),
        groups=groups,
        roles=roles,
        voting_only=_bool("voting_only", obj.get("voting_only", True)),
        substitutes_count=_bool("substitutes_count", obj.get("substitutes_count", True)),
    )


def _group(path: str, data: object) -> GroupMinimum:
    obj = _mapping(path, data, _GROUP_KEYS, prefix=path + ".")
    for key in ("label", "minimum"):
        if key not in obj:
            raise QuorumRuleError(f"{path}.{key}", "is required")
    label = obj["label"]
    if not isinstance(label, str):
        raise QuorumRuleError(f"{path}.label", f"must be text, not {label!r}")
    return _build(
        path + ".",
        GroupMinimum,
        label=label,
        minimum=_int(f"{path}.minimum", obj["minimum"]),
        organisation_kinds=frozenset(_strings(path, "organisation_kinds", obj)),
        organisations=frozenset(_strings(path, "organisations", obj)),
        roles=frozenset(_strings(path, "roles", obj)),
    )


def _role(path: str, data: object) -> RoleRequirement:
    obj = _mapping(path, data, _ROLE_KEYS, prefix=path + ".")
    if "any_of" not in obj:
        raise QuorumRuleError(f"{path}.any_of", "is required")
    return _build(
        path + ".",
        RoleRequirement,
        any_of=tuple(_strings(path, "any_of", obj)),
        deputy_allowed=_bool(f"{path}.deputy_allowed", obj.get("deputy_allowed", False)),
    )


def _build(prefix: str, cls: Callable[..., _T], **kwargs: Any) -> _T:
    """Construct, re-raising the dataclass's own checks with the full field path."""
    try:
        return cls(**kwargs)
    except QuorumRuleError as exc:
        raise QuorumRuleError(prefix + exc.field, exc.problem) from None


def _mapping(path: str, data: object, keys: set[str], *, prefix: str) -> Mapping[str, object]:
    if not isinstance(data, Mapping):
        raise QuorumRuleError(path, f"must be an object, not {type(data).__name__}")
    for key in data:
        if key not in keys:
            raise QuorumRuleError(f"{prefix}{key}", f"is not a field (expected {sorted(keys)})")
    return data


def _list(path: str, value: object) -> list[object]:
    if not isinstance(value, list | tuple):
        raise QuorumRuleError(path, f"must be a list, not {type(value).__name__}")
    return list(value)


def _strings(path: str, key: str, obj: Mapping[str, object]) -> list[str]:
    values = _list(f"{path}.{key}", obj.get(key, []))
    for index, value in enumerate(values):
        if not isinstance(value, str) or not value.strip():
            raise QuorumRuleError(
                f"{path}.{key}[{index}]", f"must be non-empty text, not {value!r}"
            )
    return [str(v) for v in values]


def _int(path: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise QuorumRuleError(path, f"must be a whole number, not {value!r}")
    return value


def _bool(path: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise QuorumRuleError(path, f"must be true or false, not {value!r}")
    return value
