"""The decision table of the legal analysis, as data: the first row that matches decides.

Each input is how one kind of basis stands for one place where the operation acts
(law/outcome.Status, folded to the values below). `*` matches anything. The table is
what `pso explain LEG-001` prints and README "How pso reads the law" reproduces; a test
checks that every combination of inputs reaches a row.
"""

from __future__ import annotations

from dataclasses import dataclass

from pso_cli.model.legal_analysis import Basis, LegalOutcome, Status

ANY = "*"


@dataclass(frozen=True, slots=True)
class Row:
    number: int
    when: dict[str, str]  # input name -> folded status, or ANY
    outcome: LegalOutcome
    basis: Basis
    why: str
    source: str


L, C, U, X = (LegalOutcome.LAWFUL, LegalOutcome.CONTESTED, LegalOutcome.UNKNOWN,
              LegalOutcome.UNLAWFUL)  # fmt: skip
ART_2_4 = "UN Charter Art. 2(4)"

TERRITORY: tuple[Row, ...] = (
    Row(1, {"consent": "valid"}, L, Basis.CONSENT,
        "The lawful government consents: a presence, and force within that consent, needs no "
        "Council authorisation (intervention by invitation).",
        "ILC Articles on State Responsibility, Art. 20; ICJ, Armed Activities (DRC v Uganda) "
        "2005, paras 42-53"),
    Row(2, {"council": "valid"}, L, Basis.CHAPTER_VII,
        "A Chapter VII authorisation of force adopted for this situation permits the operation "
        "with or without consent.", "UN Charter Arts 39, 42, 48 and 53(1)"),
    Row(3, {"defence": "valid"}, L, Basis.SELF_DEFENCE,
        "Article 51 preserves the right of individual or collective self-defence against an "
        "armed attack.", "UN Charter Art. 51; ICJ, Nicaragua v United States 1986, para 195"),
    Row(4, {"consent": "unknown", "treaty": "valid"}, L, Basis.TREATY,
        "A treaty the state is party to gives consent in advance for what it provides.",
        "Vienna Convention on the Law of Treaties, Art. 26"),
    Row(5, {"consent": "absent", "council": "unclear"}, U, Basis.NONE,
        "Without consent only a Council authorisation or Article 51 could permit it, and the "
        "facts that decide the resolution are not stated.", ART_2_4),
    Row(6, {"consent": "absent", "defence": "unclear"}, U, Basis.NONE,
        "Without consent only a Council authorisation or Article 51 could permit it, and the "
        "facts that decide self-defence are not stated.", ART_2_4),
    Row(7, {"consent": "absent", "council": "presence-only"}, C, Basis.NONE,
        "A Chapter VII resolution that authorises no force is not clearly a basis for a presence "
        "without consent.", "UN Charter Arts 25, 41 and 2(7)"),
    Row(18, {"consent": "absent", "council": "doubtful"}, C, Basis.NONE,
        "A Chapter VII authorisation reaches a state other than the one it was adopted for only "
        "as far as its terms say: whether it extends here is for legal advice.",
        "UN Charter Arts 2(4) and 42"),
    Row(8, {"consent": "absent", "defence": "doubtful"}, C, Basis.NONE,
        "The self-defence claim is contested in law, and nothing else permits the operation "
        "without consent.", "UN Charter Art. 51"),
    Row(9, {"consent": "absent"}, X, Basis.NONE,
        "Without the lawful government's consent, only a Chapter VII authorisation adopted for "
        "this situation or Article 51 permits a foreign force's presence or force; neither "
        "applies. A regional body cannot authorise enforcement without the Council (Art. 53), "
        "and a Chapter VI resolution or a treaty does not replace consent refused.",
        "UN Charter Arts 2(4), 51 and 53(1)"),
    Row(10, {"consent": "doubtful"}, C, Basis.NONE,
        "Consent that is partial, disputed, or given by an authority whose entitlement is "
        "contested, with no other basis: the law is unclear.",
        "ILC Articles on State Responsibility, Art. 20 and commentary"),
    Row(11, {"consent": "unknown"}, U, Basis.NONE,
        "Whether the state consents, or whether whoever consents may do so, is not stated.",
        ART_2_4),
)  # fmt: skip

HIGH_SEAS: tuple[Row, ...] = (
    Row(12, {"force": "unknown"}, U, Basis.NONE,
        "On the high seas the use-of-force posture decides what basis is needed, and it is not "
        "stated.", "UNCLOS Arts 87, 92 and 110"),
    Row(13, {"force": "enforcement", "council": "valid"}, L, Basis.CHAPTER_VII,
        "A Chapter VII authorisation adopted for this situation permits enforcement at sea.",
        "UN Charter Art. 42"),
    Row(14, {"force": "enforcement", "defence": "valid"}, L, Basis.SELF_DEFENCE,
        "Article 51 permits force at sea against an armed attack.", "UN Charter Art. 51"),
    Row(15, {"force": "enforcement", "council": "unclear"}, U, Basis.NONE,
        "Enforcement at sea needs a Council authorisation, and the facts that decide the "
        "resolution are not stated.", "UNCLOS Art. 92"),
    Row(16, {"force": "enforcement"}, C, Basis.NONE,
        "Enforcement against foreign vessels on the high seas needs the flag state's consent, a "
        "Council authorisation or self-defence: whether they are in place is for legal advice.",
        "UNCLOS Arts 92 and 110"),
    Row(17, {}, L, Basis.HIGH_SEAS,
        "Outside any state's territory the operation needs no state's consent.",
        "UNCLOS Arts 87 and 89"),
)  # fmt: skip

# The values each input takes once folded (see fold()), for the completeness test and docs.
INPUTS: dict[str, tuple[str, ...]] = {
    "consent": ("valid", "doubtful", "absent", "unknown"),
    "council": ("valid", "doubtful", "presence-only", "unclear", "none"),
    "defence": ("valid", "doubtful", "unclear", "none"),
    "treaty": ("valid", "unclear", "none"),
    "force": ("enforcement", "other", "unknown"),
}

_FOLD = {
    "consent": {Status.UNCLEAR: "unknown", Status.UNKNOWN: "unknown", Status.NONE: "unknown"},
    "council": {Status.UNKNOWN: "unclear", Status.ABSENT: "none"},
    "defence": {Status.ABSENT: "none"},
    "treaty": {Status.ABSENT: "none", Status.DOUBTFUL: "unclear", Status.UNKNOWN: "unclear"},
}


def fold(name: str, status: Status) -> str:
    """A reading's status as the table's input value."""
    return _FOLD.get(name, {}).get(status, status.value)


def decide(rows: tuple[Row, ...], inputs: dict[str, str]) -> Row:
    for row in rows:
        if all(inputs.get(k) == v or v == ANY for k, v in row.when.items()):
            return row
    raise LookupError(f"no decision-table row matches {inputs}")  # the completeness test


def describe() -> list[tuple[str, ...]]:
    """The tables as rows of text: number, conditions, outcome, basis, why, source."""
    out: list[tuple[str, ...]] = []
    for where, rows in (("territory", TERRITORY), ("high seas", HIGH_SEAS)):
        for r in rows:
            when = ", ".join(f"{k} {v}" for k, v in r.when.items()) or "otherwise"
            out.append(
                (str(r.number), where, when, r.outcome.value, r.basis.value, r.why, r.source)
            )
    return out
