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


FORCEFUL = frozenset({"enforcement", "mandate"})  # more force than personal self-defence


def _without_force(r: Resolution, at: str, force: str) -> Reading:
    """A resolution that authorises no force: no basis for force without consent; for a
    presence without force, one under Chapter VII is contested and one under VI is none."""
    name = _name(r)
    if force in FORCEFUL:
        return Reading(
            Status.ABSENT,
            f"{name} authorises no force, so it cannot permit force without consent",
            f"{at}.authorises_force",
        )
    if force == "unknown":
        return Reading(
            Status.UNCLEAR, f"{name} authorises no force, and the posture is not stated",
            "legal_basis.use_of_force",
            "state the use-of-force posture (legal_basis.use_of_force)",
        )  # fmt: skip
    if r.chapter is None:
        return Reading(
            Status.UNCLEAR, f"the chapter of {name} is not stated", f"{at}.chapter",
            f"state the Charter chapter {name} acts under ({at}.chapter)",
        )  # fmt: skip
    if r.chapter == Chapter.VI:
        return _chapter_vi(name, at)
    return Reading(
        Status.PRESENCE_ONLY,
        f"{name} acts under Chapter {r.chapter.upper()} but authorises no force",
        f"{at}.authorises_force",
        f"whether {name}, which authorises no force, supports a presence without consent",
    )


def _chapter_vi(name: str, at: str) -> Reading:
    return Reading(
        Status.ABSENT,
        f"{name} acts under Chapter VI, which authorises nothing without the host's consent",
        f"{at}.chapter",
    )


def _one(r: Resolution, at: str, force: str) -> Reading:
    name = _name(r)
    if r.for_this_situation is False:
        return Reading(
            Status.ABSENT,
            f"{name} was adopted for an earlier situation and authorises nothing for this one",
            f"{at}.for_this_situation",
        )
    if r.authorises_force is False:
        return _without_force(r, at, force)
    if r.chapter == Chapter.VI:
        return _chapter_vi(name, at)
    if r.chapter is None:
        return Reading(
            Status.UNCLEAR, f"the chapter of {name} is not stated", f"{at}.chapter",
            f"state the Charter chapter {name} acts under ({at}.chapter)",
        )  # fmt: skip
    if r.authorises_force is None:
        return Reading(
            Status.UNCLEAR, f"whether {name} authorises force is not stated",
            f"{at}.authorises_force",
            f"state whether {name} authorises all necessary measures ({at}.authorises_force)",
        )  # fmt: skip
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


def readings(lb: LegalBasis, as_of: dt.date, force: str) -> Iterator[Reading]:
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
        yield _one(r, at, force)


_ORDER = (Status.VALID, Status.UNCLEAR, Status.PRESENCE_ONLY, Status.ABSENT)


def reading(lb: LegalBasis, as_of: dt.date, force: str) -> tuple[Reading, tuple[Reading, ...]]:
    """The council's strongest reading, and every resolution's reading. `force` is the
    operation's use of force: enforcement, mandate (defence of the mandate), other (no
    more than personal self-defence) or unknown."""
    if lb.security_council is None:
        unknown = Reading(
            Status.UNKNOWN, "whether any Security Council resolution applies is not stated",
            FIELD, f"state the Security Council resolutions relied on, or none ({FIELD})",
        )  # fmt: skip
        return unknown, ()
    each = tuple(readings(lb, as_of, force))
    for status in _ORDER:
        found = next((r for r in each if r.status is status), None)
        if found is not None:
            return found, each
    return Reading(Status.NONE, "no Security Council resolution applies", FIELD), each
