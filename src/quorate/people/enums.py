from django.db import models


class OrganisationKind(models.TextChoices):
    COUNCIL = "council", "Local authority (council)"
    ICB = "icb", "Integrated care board (ICB)"
    CCG = "ccg", "Clinical commissioning group (CCG)"
    NHS_TRUST = "nhs_trust", "NHS trust"
    FOUNDATION_TRUST = "foundation_trust", "NHS foundation trust"
    PRIMARY_CARE = "primary_care", "Primary care"
    VOLUNTARY_SECTOR = "voluntary_sector", "Voluntary and community sector"
    HEALTHWATCH = "healthwatch", "Healthwatch"
    NHS_ENGLAND = "nhs_england", "NHS England"
    OTHER = "other", "Other"


NHS_KINDS = frozenset(
    {
        OrganisationKind.ICB,
        OrganisationKind.CCG,
        OrganisationKind.NHS_TRUST,
        OrganisationKind.FOUNDATION_TRUST,
        OrganisationKind.PRIMARY_CARE,
        OrganisationKind.NHS_ENGLAND,
    }
)


class InterestCategory(models.TextChoices):
    """Register of interests categories: seed 004's disclosable pecuniary interests (i)-(vii),
    'Other Interests', and gifts and hospitality."""

    EMPLOYMENT = "employment", "Employment, office, trade, profession or vocation"
    SPONSORSHIP = "sponsorship", "Sponsorship"
    CONTRACTS = "contracts", "Contracts with the authority"
    LAND = "land", "Beneficial interest in land"
    LICENCES = "licences", "Licence to occupy land"
    TENANCIES = "tenancies", "Corporate tenancies"
    SECURITIES = "securities", "Beneficial interest in securities"
    OTHER = "other", "Other interest"
    GIFT_HOSPITALITY = "gift_hospitality", "Gift or hospitality"

    @classmethod
    def pecuniary(cls) -> frozenset[str]:
        return frozenset(
            {
                cls.EMPLOYMENT,
                cls.SPONSORSHIP,
                cls.CONTRACTS,
                cls.LAND,
                cls.LICENCES,
                cls.TENANCIES,
                cls.SECURITIES,
            }
        )
