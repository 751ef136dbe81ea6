"""The event kinds fold into four families a reader can tell apart at a glance.

The colours are Okabe-Ito hues darkened where needed so that each has at
least 3:1 contrast with the white page (WCAG 1.4.11 for graphics) and the
four stay distinct for the common colour-vision deficiencies.
"""

from __future__ import annotations

FAMILIES: dict[str, tuple[str, ...]] = {
    "exercises-and-trainings": (
        "exercise",
        "command-staff-training",
        "special-training",
        "operational-strategic-training",
    ),
    "statutory-meetings": ("summit", "ministerial-meeting", "committee-meeting", "parliamentary-session"),
    "operations": ("operation", "deployment"),
    "other": (
        "staff-talks",
        "working-group",
        "meeting",
        "briefing",
        "signing",
        "visit",
        "bilateral-meeting",
        "consultations",
        "body-session",
        "conference",
        "course",
        "observation-mission",
    ),
}
FAMILY_LABELS = {
    "exercises-and-trainings": "Exercises and trainings",
    "statutory-meetings": "Statutory meetings",
    "operations": "Operations",
    "other": "Working life: meetings, visits, signings",
}
FAMILY_COLOURS = {
    "exercises-and-trainings": "#0068a5",
    "statutory-meetings": "#c45400",
    "operations": "#00785a",
    "other": "#6e5a7e",
}
FAMILY_OF_KIND = {kind: family for family, kinds in FAMILIES.items() for kind in kinds}


def family(kind: str) -> str:
    """The family of an event kind; a kind added to the schema later falls into "other".

    >>> family("command-staff-training"), family("summit"), family("something-new")
    ('exercises-and-trainings', 'statutory-meetings', 'other')
    """
    return FAMILY_OF_KIND.get(kind, "other")
