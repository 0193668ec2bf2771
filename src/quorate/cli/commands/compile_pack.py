"""``quorate compile-pack MEETING [--members] -o OUT.pdf``."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from quorate.cli import CommandError, django_setup

NAME = "compile-pack"
HELP = "compile a meeting's Public Document Pack (or members' pack) to a PDF"
DESCRIPTION = """Compile the public pack (default) or the members' pack of a meeting.

MEETING is the meeting's id, its slug, or its URL path (/meetings/<slug>/).
The public pack leaves exempt (Part 2) papers out; the members' pack includes them
and marks them restricted. With --publish the pack is also stored and published as
a new version (a re-issue needs --reason)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("meeting", metavar="MEETING", help="meeting id, slug or URL path")
    parser.add_argument("--members", action="store_true", help="the members' pack (restricted)")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf")
    parser.add_argument(
        "--publish", action="store_true", help="also publish it as a new pack version"
    )
    parser.add_argument("--reason", default="", help="why this version is issued (re-issues)")


def _meeting_key(text: str) -> str:
    match = re.search(r"/meetings/([^/]+)/?", text)
    return match.group(1) if match else text.strip().strip("/")


def run(args: argparse.Namespace) -> int:
    django_setup()
    from django.core.exceptions import ValidationError
    from django.http import Http404

    from quorate.packs import builder, services
    from quorate.packs.enums import PackStatus, PackVariant
    from quorate.views.portal.pages import get_meeting

    try:
        meeting = get_meeting(_meeting_key(args.meeting))
    except Http404:
        raise CommandError(f"MEETING: no meeting with id or slug {args.meeting!r}") from None
    variant = PackVariant.MEMBERS if args.members else PackVariant.PUBLIC

    def progress(percent: int, message: str) -> None:
        print(f"  {percent:3d}% {message}", file=sys.stderr, flush=True)

    if args.publish:
        try:
            pack = services.request_pack(
                meeting, variant=variant, reason=args.reason, actor="compile-pack", inline=True
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        pack.refresh_from_db()
        if pack.status != PackStatus.PUBLISHED:
            raise CommandError(f"compiling the pack failed: {pack.error}")
        data = pack.file.open("rb").read()
        pack.file.close()
        pages = pack.page_count
    else:
        try:
            built = builder.build(meeting, variant, progress=progress)
        except Exception as exc:
            raise CommandError(f"compiling the pack of {meeting} failed: {exc}") from exc
        data, pages = built.data, built.page_count
    try:
        args.output.write_bytes(data)
    except OSError as exc:
        raise CommandError(f"{args.output}: {exc.strerror}") from None
    print(
        f"Wrote {args.output}: {pages} pages, {len(data) / 1024:.0f} KB "
        f"({variant} pack of {meeting})",
        file=sys.stderr,
    )
    return 0
