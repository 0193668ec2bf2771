from django.db import models


class PackVariant(models.TextChoices):
    PUBLIC = "public", "Public pack"
    MEMBERS = "members", "Members' pack (includes restricted papers)"


class PackStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    COMPILING = "compiling", "Compiling"
    PUBLISHED = "published", "Published"
    FAILED = "failed", "Failed"
