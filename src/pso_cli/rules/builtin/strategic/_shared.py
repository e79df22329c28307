"""What several strategic rules share: sources, accessors, party names, doctrine scope."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pso_cli.model.enums import Arrangement, OperationType
from pso_cli.model.proposal import Proposal, Strategic
from pso_cli.rules.api import Consideration, Finding, Reference, missing
from pso_cli.rules.builtin.common import MFAT, MFAT_URL, op_type
from pso_cli.rules.builtin.common import clause as clause

BRAHIMI = Reference(
    source=(
        "Report of the Panel on United Nations Peace Operations (Brahimi report, 2000): "
        "clear, credible and achievable mandates"
    ),
    url="https://peacekeeping.un.org/en/report-of-panel-united-nations-peace-operations",
)
CAPSTONE = (
    "United Nations Peacekeeping Operations: Principles and Guidelines (Capstone doctrine, 2008)"
)
CAPSTONE_URL = "https://peacekeeping.un.org/sites/default/files/capstone_eng_0.pdf"
STRATEGIC_PASSAGE = (
    "strategic implications of the operation, including its effect on our security, "
    "our relationships with other countries, and the humanitarian situation"
)
S = Consideration.STRATEGIC
STRATEGIC = Reference(source=MFAT, passage=STRATEGIC_PASSAGE, url=MFAT_URL)
RBO = Reference(
    source=MFAT,
    passage="support the maintenance of a rules-based international order",
    url=MFAT_URL,
)
REGIONAL = Reference(
    source=MFAT,
    passage="Regional solutions to conflict situations are often the most effective",
    url=MFAT_URL,
)
# The missions peacekeeping doctrine governs: consent, impartiality, minimum force.
PEACEKEEPING = frozenset(
    {OperationType.UN_PEACEKEEPING, OperationType.TRUCE_MONITORING, OperationType.OBSERVER_MISSION}
)


def strategic(p: Proposal) -> Strategic | None:
    return p.strategic


def arrangement(p: Proposal) -> Arrangement | None:
    return p.leadership.arrangement if p.leadership is not None else None


def host(p: Proposal) -> str | None:
    return p.location.host if p.location is not None else None


_FORMAL = re.compile(r"^(the |government of (the )?|republic of (the )?)+")


def party_key(name: str) -> str:
    """A party's name for comparison: case, punctuation and 'the'/'Government of' aside."""
    words = " ".join(re.sub(r"[^\w\s-]", " ", name.casefold()).split())
    return _FORMAL.sub("", words)


def same_party(a: str, b: str) -> bool:
    """Do two names name one party? Whole names only: 'Niger' is not 'Nigeria'."""
    return party_key(a) == party_key(b)


NZ_NAMES = frozenset({"new zealand", "nz", "aotearoa", "aotearoa new zealand"})


def partner_nations(p: Proposal) -> list[str] | None:
    """Distinct partner nations, New Zealand and the host aside; None when not stated."""
    if p.leadership is None or p.leadership.partners is None:
        return None
    the_host = host(p)
    seen: dict[str, str] = {}
    for name in p.leadership.partners:
        key = party_key(name)
        if key not in NZ_NAMES and not (the_host and same_party(name, the_host)):
            seen.setdefault(key, name)
    return list(seen.values())


def outside_doctrine(p: Proposal) -> list[Finding] | None:
    """None when peacekeeping doctrine (STR-016..018) applies; otherwise what to report
    instead: nothing (not a peacekeeping-type mission), or, when the kind of operation is
    not stated, that it is missing (the doctrine may apply, so the level is unknown)."""
    op = op_type(p)
    if op is None:
        said = "The kind of operation is not stated, so whether doctrine applies is unknown."
        return [missing("identity.operation_type", said)]
    return None if op in PEACEKEEPING else []


def names(items: Iterable[str]) -> str:
    """'A', 'A and B', 'A, B and C': each name once, in order."""
    seen = list(dict.fromkeys(items))
    return seen[0] if len(seen) == 1 else f"{', '.join(seen[:-1])} and {seen[-1]}"
