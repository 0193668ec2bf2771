"""Plain factory functions: explicit defaults, no surprises."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools

from django.core.files.base import ContentFile

from quorate.governance.models import (
    AgendaItem,
    Body,
    Document,
    DocumentVersion,
    Meeting,
    Membership,
    Report,
)
from quorate.people.models import Organisation, Person

_seq = itertools.count(1)


def organisation(**kw) -> Organisation:
    n = next(_seq)
    defaults = {"name": f"Organisation {n}", "slug": f"organisation-{n}", "kind": "council"}
    return Organisation.objects.create(**{**defaults, **kw})


def person(**kw) -> Person:
    n = next(_seq)
    defaults = {"given_name": "Alex", "family_name": f"Person{n}", "slug": f"person-{n}"}
    return Person.objects.create(**{**defaults, **kw})


def body(**kw) -> Body:
    n = next(_seq)
    defaults = {"name": f"Board {n}", "slug": f"board-{n}", "kind": "partnership"}
    return Body.objects.create(**{**defaults, **kw})


def membership(**kw) -> Membership:
    kw.setdefault("body", kw.get("body") or body())
    kw.setdefault("person", kw.get("person") or person())
    return Membership.objects.create(**kw)


def meeting(**kw) -> Meeting:
    n = next(_seq)
    kw.setdefault("body", kw.get("body") or body())
    defaults = {"slug": f"meeting-{n}", "date": dt.date(2024, 1, 25), "start_time": dt.time(9, 30)}
    return Meeting.objects.create(**{**defaults, **kw})


def agenda_item(**kw) -> AgendaItem:
    kw.setdefault("meeting", kw.get("meeting") or meeting())
    n = next(_seq)
    defaults = {"order": n, "number": str(n), "title": f"Item {n}"}
    return AgendaItem.objects.create(**{**defaults, **kw})


def report(**kw) -> Report:
    kw.setdefault("agenda_item", kw.get("agenda_item") or agenda_item())
    kw.setdefault("subject", "A report")
    return Report.objects.create(**kw)


def document(content: bytes = b"%PDF-1.4 test", filename: str = "paper.pdf", **kw) -> Document:
    doc = Document.objects.create(**{"title": "A paper", **kw})
    sha = hashlib.sha256(content).hexdigest()
    version = DocumentVersion(
        document=doc,
        number=1,
        filename=filename,
        content_type="application/pdf",
        size=len(content),
        sha256=sha,
    )
    version.file.save(filename, ContentFile(content), save=False)
    version.save()
    return doc
