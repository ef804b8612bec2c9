"""The stable specialty slugs. Display names live in the text catalogues (``specialty.<slug>``)."""

from typing import Final

SPECIALTIES: Final[tuple[str, ...]] = (
    "addictology",
    "allergology",
    "cardiology",
    "dermatology",
    "endocrinology",
    "gastroenterology",
    "geriatrics",
    "gynecology",
    "hematology",
    "infectiology",
    "internal_medicine",
    "nephrology",
    "neurology",
    "oncology",
    "ophthalmology",
    "ent",
    "orthopedics",
    "pediatrics",
    "pharmacology",
    "psychiatry",
    "psychology",
    "pulmonology",
    "radiology",
    "rheumatology",
    "urology",
    "vascular",
    "general_practice",
)

FALLBACK: Final = "general_practice"


def is_specialty(slug: str) -> bool:
    """Tell whether ``slug`` is one of the stable specialty slugs."""
    return slug in SPECIALTIES
