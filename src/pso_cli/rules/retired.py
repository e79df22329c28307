"""Rule codes retired in pso 0.2, when the value model made each fact count once.

A profile's `rules:` key or a proposal's accepted concern naming a retired code is
mapped to the rule that now owns the fact, or, where the rule was folded away, refused
with the reason (a profile, exit 4) or reported unused with the reason (an acceptance).
"""

from __future__ import annotations

RETIRED: dict[str, tuple[str | None, str]] = {
    "LEG-003": ("LEG-001", "the legal analysis decides force and its authorisation (LEG-001)"),
    "LEG-004": ("STR-018", "the force posture is doctrine, weighed under strategic (STR-018)"),
    "LEG-008": ("STR-016", "a peace to keep is doctrine, weighed under strategic (STR-016)"),
    "LEG-010": ("LEG-001", "a regional body is no legal basis of its own (LEG-001, Art. 53)"),
    "LEG-011": ("STR-017", "consent of the main parties is doctrine (STR-017)"),
    "STR-004": ("STR-003", "the host relationship is part of STR-003"),
    "STR-007": (
        None,
        "a lawful, host-invited bilateral or NZ-led deployment does not erode the "
        "rules-based order; the rated effect is STR-006's",
    ),
    "AGY-002": ("AGY-001", "the load on each agency counts once (AGY-001)"),
    "AGY-003": ("AGY-001", "the load on each agency counts once (AGY-001)"),
    "AGY-004": ("AGY-001", "the load on each agency counts once (AGY-001)"),
    "AGY-012": ("STR-014", "review dates count once (STR-014)"),
    "ALT-010": ("ALT-002", "one attribute for the alternatives to deploying (ALT-002)"),
}


def successor(code: str) -> tuple[str | None, str] | None:
    """(the code that replaced it or None, why), for a retired code; None otherwise."""
    return RETIRED.get(code.upper())
