"""Decide the law for the operation as proposed, place by place, from typed facts.

For each place where the operation acts (by default the host's territory), the readings
of consent, the Security Council, Article 51 and any treaty go through the decision table
(law/table.py); the operation is as lawful as its worst place. A regional body's decision
is never a basis of its own. Legal advice recorded in the proposal can settle a contested
question (or find the operation unlawful); it never turns unknown facts into a basis.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from pso_cli.law import consent as c
from pso_cli.law import council
from pso_cli.law.table import HIGH_SEAS, TERRITORY, Row, decide, fold
from pso_cli.model.enums import AreaKind, ForcePosture, LegalConclusion, OperationType
from pso_cli.model.fields import NONE
from pso_cli.model.legal import LegalBasis
from pso_cli.model.legal_analysis import Basis, LegalAnalysis, LegalOutcome, Place, Reading, Status
from pso_cli.model.proposal import Proposal
from pso_cli.sentences import clause as as_clause
from pso_cli.sentences import sentence

ENFORCING = frozenset({OperationType.ENFORCEMENT, OperationType.COMBAT_SUPPORT})
_ORDER = (Basis.CHAPTER_VII, Basis.CONSENT, Basis.SELF_DEFENCE, Basis.TREATY, Basis.HIGH_SEAS)


@dataclass(frozen=True, slots=True)
class _Where:
    label: str  # "the territory of Solomon Islands"
    state: str | None  # None: the high seas
    consent: Reading | None


def _force(p: Proposal, lb: LegalBasis) -> str:
    if lb.use_of_force is ForcePosture.ENFORCEMENT or p.identity.operation_type in ENFORCING:
        return "enforcement"
    if lb.use_of_force is ForcePosture.DEFENCE_OF_MANDATE:
        return "mandate"
    return "unknown" if lb.use_of_force is None else "other"


def _places(p: Proposal, lb: LegalBasis, as_of: dt.date) -> Iterator[_Where]:
    host = (p.location.host if p.location else None) or "the host state"
    if not lb.area_of_operations:
        yield _Where(f"the territory of {host}", host, c.host_consent(lb, host, as_of))
        return
    for i, area in enumerate(lb.area_of_operations):
        if area.kind is AreaKind.INTERNATIONAL_WATERS:
            yield _Where("international waters", None, None)
            continue
        state = area.state or host
        where = (
            "the territorial waters of"
            if area.kind is AreaKind.TERRITORIAL_WATERS
            else "the territory of"
        )
        mine = (
            c.host_consent(lb, host, as_of)
            if c.same_state(state, host)
            else c.area_consent(area, i)
        )
        yield _Where(f"{where} {state}", state, mine)


@dataclass(frozen=True, slots=True)
class _Inputs:
    where: _Where
    readings: dict[str, Reading]
    row: Row


def _reach(w: _Where, host: str, vii: Reading) -> Reading:
    """A Chapter VII authorisation is read for the situation in the host state; in another
    state's territory or waters its reach depends on its terms, which pso does not read."""
    if w.state is None or c.same_state(w.state, host) or vii.status is not Status.VALID:
        return vii
    return Reading(
        Status.DOUBTFUL,
        f"{vii.clause}, but whether it extends to {w.label} depends on its terms",
        vii.field,
        f"whether the Security Council's authorisation extends to {w.label}",
    )


def _decide(w: _Where, lb: LegalBasis, vii: Reading, force: str, host: str) -> _Inputs:
    vii = _reach(w, host, vii)
    r: dict[str, Reading] = {"council": vii, "defence": c.self_defence(lb, w.state)}
    if w.state is None:
        at_sea = "other" if force == "mandate" else force
        values = {k: fold(k, v.status) for k, v in r.items()} | {"force": at_sea}
        return _Inputs(w, r, decide(HIGH_SEAS, values))
    assert w.consent is not None
    r |= {"consent": w.consent, "treaty": c.treaty(lb, w.state)}
    return _Inputs(w, r, decide(TERRITORY, {k: fold(k, v.status) for k, v in r.items()}))


_BASIS_INPUT = {
    Basis.CONSENT: "consent",
    Basis.CHAPTER_VII: "council",
    Basis.SELF_DEFENCE: "defence",
    Basis.TREATY: "treaty",
}
_DECISIVE = {
    LegalOutcome.UNKNOWN: (Status.UNCLEAR, Status.UNKNOWN),
    LegalOutcome.CONTESTED: (Status.DOUBTFUL, Status.PRESENCE_ONLY),
    LegalOutcome.UNLAWFUL: (Status.ABSENT,),
}


def _decisive(i: _Inputs) -> Reading | None:
    row = i.row
    if row.basis in _BASIS_INPUT:
        return i.readings[_BASIS_INPUT[row.basis]]
    wanted = _DECISIVE.get(row.outcome, ())
    order = ("consent", "council", "defence", "treaty")
    return next(
        (i.readings[k] for k in order if k in i.readings and i.readings[k].status in wanted), None
    )


def _place(i: _Inputs) -> Place:
    row, key = i.row, _decisive(i)
    clause = key.clause if key else ""
    field = key.field if key else "legal_basis"
    if row.outcome is LegalOutcome.LAWFUL:
        reason = f"lawful in {i.where.label}: {clause or as_clause(row.why)}"
    elif row.outcome is LegalOutcome.UNLAWFUL:
        reason = (
            f"unlawful in {i.where.label}: {clause}, and neither a Chapter VII authorisation "
            "adopted for this situation nor Article 51 applies"
        )
    else:
        reason = f"{row.outcome.value} in {i.where.label}: {clause or as_clause(row.why)}"
    return Place(i.where.label, row.outcome, row.basis, reason, field, row.number)


def _questions(inputs: list[_Inputs], outcome: LegalOutcome) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    wanted = (Status.DOUBTFUL, Status.PRESENCE_ONLY, Status.UNCLEAR, Status.UNKNOWN)
    for i in inputs:
        if i.row.outcome is LegalOutcome.LAWFUL:
            continue
        for r in i.readings.values():
            if r.question and r.status in wanted:
                seen.setdefault(r.question, None)
    if outcome is LegalOutcome.UNLAWFUL:
        return ()
    return tuple(seen)


def _regional_note(lb: LegalBasis, first: _Inputs, force: str) -> str:
    ra = lb.regional_arrangement
    if ra is None or ra == NONE:
        return ""
    assert not isinstance(ra, str)
    org = ra.organisation
    if first.readings.get("consent", Reading(Status.NONE, "", "")).status is Status.VALID:
        return f"The {org} decision adds regional endorsement, not a legal basis beyond consent."
    if force == "enforcement" and first.readings["council"].status is not Status.VALID:
        return (
            f"Enforcement under a regional arrangement needs Security Council authorisation "
            f"(Art. 53(1)); the {org} decision gives none."
        )
    return f"The {org} decision is not itself a legal basis (Art. 53(1))."


def _notes(
    lb: LegalBasis, inputs: list[_Inputs], each: tuple[Reading, ...], force: str
) -> tuple[str, ...]:
    notes = [r.clause[:1].upper() + r.clause[1:] + "." for r in each if r.status is Status.ABSENT]
    for i in inputs:
        t = i.readings.get("treaty")
        if t is None or i.row.outcome is LegalOutcome.LAWFUL:
            continue
        if t.status is Status.ABSENT:
            notes.append(t.clause[:1].upper() + t.clause[1:] + ".")
        elif t.status is Status.VALID:
            notes.append(f"A treaty cannot supply the consent {i.where.state} now withholds.")
    regional = _regional_note(lb, inputs[0], force)
    if regional:
        notes.append(regional)
    sd = lb.self_defence
    if (
        sd is not None
        and sd != NONE
        and not isinstance(sd, str)
        and sd.council_informed is not True
    ):
        notes.append(
            "Article 51 requires measures taken in self-defence to be reported at once to the "
            "Security Council; the proposal does not say they have been."
        )
    return tuple(dict.fromkeys(notes))


def _bases(inputs: list[_Inputs]) -> tuple[str, ...]:
    found: dict[Basis, str] = {}
    for i in inputs:
        if i.row.outcome is not LegalOutcome.LAWFUL:
            continue  # a basis counts only where it carries the operation
        if i.row.basis is Basis.HIGH_SEAS:
            found.setdefault(
                Basis.HIGH_SEAS, "freedom of the high seas (no state's consent needed)"
            )
        for basis, key in _BASIS_INPUT.items():
            r = i.readings.get(key)
            if r is not None and r.status is Status.VALID:
                found.setdefault(basis, r.clause)
    return tuple(found[b] for b in _ORDER if b in found)


def _advice(lb: LegalBasis, as_of: dt.date) -> tuple[LegalConclusion, str] | None:
    given = [a for a in lb.legal_advice if a.date <= as_of]
    if not given:
        return None
    latest = max(given, key=lambda a: a.date)
    return latest.conclusion, f"{latest.by} ({latest.date.isoformat()})"


def _unstated() -> LegalAnalysis:
    return LegalAnalysis(
        LegalOutcome.UNKNOWN, Basis.NONE, (), "The proposal states no legal basis.", "legal_basis",
        ("state the legal basis: Security Council resolutions, host consent, and any other "
         "basis relied on (legal_basis)",), (), (),
    )  # fmt: skip


def analyse(p: Proposal, as_of: dt.date) -> LegalAnalysis:
    """The legal analysis of the proposal as at `as_of`."""
    lb = p.legal_basis
    if lb is None:
        return _unstated()
    force = _force(p, lb)
    vii, each = council.reading(lb, as_of, force)
    host = (p.location.host if p.location else None) or "the host state"
    inputs = [_decide(w, lb, vii, force, host) for w in _places(p, lb, as_of)]
    places = tuple(_place(i) for i in inputs)
    worst = max(places, key=lambda pl: pl.outcome.rank)
    outcome = worst.outcome
    basis = places[0].basis if outcome is LegalOutcome.LAWFUL else Basis.NONE
    reason = "; ".join(pl.reason for pl in places if pl.outcome is outcome)
    advice, advised = _advice(lb, as_of) or (None, "")
    used = ""
    if outcome is LegalOutcome.CONTESTED and advice is LegalConclusion.LAWFUL:
        used = advised
        reason += f"; legal advice from {advised} concludes it is lawful"
    elif outcome is LegalOutcome.CONTESTED and advice is LegalConclusion.UNLAWFUL:
        outcome = LegalOutcome.UNLAWFUL
        reason += f"; legal advice from {advised} concludes it is unlawful"
    return LegalAnalysis(
        outcome=outcome,
        basis=basis,
        bases=_bases(inputs),
        reason=sentence(reason[:1].upper() + reason[1:]),
        field=worst.field,
        questions=_questions(inputs, outcome),
        notes=_notes(lb, inputs, each, force),
        places=places,
        advice=used,
        resolutions=tuple(r.clause for r in each),
    )
