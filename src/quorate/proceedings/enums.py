from django.db import models


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    IN_ATTENDANCE = "in_attendance", "In attendance"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    REMOTE = "remote", "Remote"


class DeclarationKind(models.TextChoices):
    PECUNIARY = "pecuniary", "Disclosable pecuniary interest"
    OTHER = "other", "Other interest"
    CONFLICT = "conflict", "Conflict of interest"


class DeclarationAction(models.TextChoices):
    LEFT_ROOM = "left_room", "Left the room for the item"
    NO_VOTE = "no_vote", "Took no part in the vote"
    REMAINED = "remained", "Remained and took part"


class MinutesState(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"


class CallInStatus(models.TextChoices):
    NOT_APPLICABLE = "not_applicable", "Not subject to call-in"
    OPEN = "open", "Open for call-in"
    CALLED_IN = "called_in", "Called in"
    CLOSED = "closed", "Call-in period ended"


# The seed's progress vocabulary (seed 001's action tracker); clerks may add more.
DEFAULT_ACTION_STATUSES = [
    ("Ongoing", False),
    ("Unconfirmed", False),
    ("On Forward Plan", False),
    ("Complete", True),
    ("Complete - no further action", True),
]
