from django.db import models


class BodyKind(models.TextChoices):
    HWB = "hwb", "Health and Wellbeing Board"
    JOINT_COMMISSIONING = "joint_commissioning", "Joint commissioning board"
    PARTNERSHIP = "partnership", "Health and care partnership board"
    SUB_GROUP = "sub_group", "Sub-group"
    COMMITTEE = "committee", "Committee"
    OTHER = "other", "Other"


class MembershipRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    MEMBER = "member", "Member"
    CO_OPTED = "co_opted", "Co-opted member"
    IN_ATTENDANCE = "in_attendance", "In attendance"
    DEPUTY = "deputy", "Deputy / substitute"

    @classmethod
    def display_order(cls) -> list[str]:
        return [cls.CHAIR, cls.VICE_CHAIR, cls.MEMBER, cls.CO_OPTED, cls.DEPUTY, cls.IN_ATTENDANCE]


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    AGENDA_PUBLISHED = "agenda_published", "Agenda published"
    HELD = "held", "Held"
    MINUTES_APPROVED = "minutes_approved", "Minutes approved"
    CANCELLED = "cancelled", "Cancelled"


class Attachment(models.TextChoices):
    ATTACHED = "attached", "Attached"
    NONE = "none", "None"
    TO_FOLLOW = "to_follow", "To follow"


class Purpose(models.TextChoices):
    DISCUSSION = "discussion", "Discussion"
    DECISION = "decision", "Decision"
    INFORMATION = "information", "Information"


class DocumentRole(models.TextChoices):
    REPORT = "report", "Report"
    APPENDIX = "appendix", "Appendix"
    SUPPLEMENT = "supplement", "Supplementary paper"
    MINUTES = "minutes", "Minutes"
    TERMS_OF_REFERENCE = "terms_of_reference", "Terms of reference"
    OTHER = "other", "Other"


# Schedule 12A to the Local Government Act 1972, Part 1: descriptions of exempt information.
SCHEDULE_12A_PARAGRAPHS: dict[int, str] = {
    1: "Information relating to any individual.",
    2: "Information which is likely to reveal the identity of an individual.",
    3: "Information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information).",
    4: "Information relating to any consultations or negotiations, or contemplated consultations "
    "or negotiations, in connection with any labour relations matter.",
    5: "Information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings.",
    6: "Information which reveals that the authority proposes to give a notice or make an order "
    "or direction under any enactment.",
    7: "Information relating to any action taken or to be taken in connection with the "
    "prevention, investigation or prosecution of crime.",
}
EXEMPT_PARAGRAPH_CHOICES = [(n, f"Paragraph {n}") for n in SCHEDULE_12A_PARAGRAPHS]
