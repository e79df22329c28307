"""Security Council resolutions: which of them authorises what, for this situation.

Only a resolution adopted under Chapter VII (or one authorising regional enforcement,
Art. 53) that authorises force ("all necessary measures") and was adopted for the
situation this operation responds to permits force without the territorial state's
consent (Arts 2(4), 42). A Chapter VI resolution rests on consent and authorises nothing
without it; a resolution adopted for an earlier situation cannot be revived for a new
one; one adopted after the date of the decision does not exist yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pso_cli.model.enums import Chapter
from pso_cli.model.legal import LegalBasis, Resolution
from pso_cli.model.legal_analysis import Reading, Status

FIELD = "legal_basis.security_council"


def _name(r: Resolution) -> str:
    return f"resolution {r.number}" + (f" ({r.year})" if r.year else "")


def _one(r: Resolution, at: str) -> Reading:
    name = _name(r)
    if r.for_this_situation is False:
        return Reading(
            Status.ABSENT,
            f"{name} was adopted for an earlier situation and authorises nothing for this one",
            f"{at}.for_this_situation",
        )
    if r.chapter is None:
        return Reading(
            Status.UNCLEAR, f"the chapter of {name} is not stated", f"{at}.chapter",
            f"state the Charter chapter {name} acts under ({at}.chapter)",
        )  # fmt: skip
    if r.chapter == Chapter.VI:
        return Reading(
            Status.ABSENT,
            f"{name} acts under Chapter VI, which authorises nothing without the host's consent",
            f"{at}.chapter",
        )
    if r.authorises_force is None:
        return Reading(
            Status.UNCLEAR, f"whether {name} authorises force is not stated",
            f"{at}.authorises_force",
            f"state whether {name} authorises all necessary measures ({at}.authorises_force)",
        )  # fmt: skip
    if r.authorises_force is False:
        return Reading(
            Status.PRESENCE_ONLY,
            f"{name} acts under Chapter {r.chapter.upper()} but authorises no force",
            f"{at}.authorises_force",
            f"whether {name}, which authorises no force, supports a presence without consent",
        )
    if r.for_this_situation is None:
        return Reading(
            Status.UNCLEAR,
            f"whether {name} was adopted for this situation is not stated",
            f"{at}.for_this_situation",
            f"state whether {name} was adopted for this situation ({at}.for_this_situation)",
        )
    return Reading(
        Status.VALID,
        f"{name} authorises force under Chapter {r.chapter.upper()} for this situation",
        at,
    )


def readings(lb: LegalBasis, as_of: dt.date) -> Iterator[Reading]:
    """One reading per resolution relied on; later resolutions are noted and set aside."""
    for i, r in enumerate(lb.security_council or []):
        at = f"{FIELD}[{i}]"
        if r.year is not None and r.year > as_of.year:
            yield Reading(
                Status.ABSENT,
                f"{_name(r)} was adopted after {as_of.isoformat()} and cannot count at that date",
                f"{at}.year",
            )
            continue
        yield _one(r, at)


_ORDER = (Status.VALID, Status.UNCLEAR, Status.PRESENCE_ONLY, Status.ABSENT)


def reading(lb: LegalBasis, as_of: dt.date) -> tuple[Reading, tuple[Reading, ...]]:
    """The council's strongest reading, and every resolution's reading."""
    if lb.security_council is None:
        unknown = Reading(
            Status.UNKNOWN, "whether any Security Council resolution applies is not stated",
            FIELD, f"state the Security Council resolutions relied on, or none ({FIELD})",
        )  # fmt: skip
        return unknown, ()
    each = tuple(readings(lb, as_of))
    for status in _ORDER:
        found = next((r for r in each if r.status is status), None)
        if found is not None:
            return found, each
    return Reading(Status.NONE, "no Security Council resolution applies", FIELD), each
