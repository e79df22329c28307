"""Apply a proposal's accepted concerns: visible, dated, and never over a blocker."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from pso_cli.errors import Location, Problem
from pso_cli.loading.load import Loaded
from pso_cli.model.findings import AcceptedConcernUse, Finding, Outcome
from pso_cli.rules.registry import Registry
from pso_cli.rules.retired import successor


def apply_acceptances(
    loaded: Loaded, findings: Sequence[Finding], registry: Registry, as_of: dt.date
) -> tuple[list[Finding], list[AcceptedConcernUse]]:
    out = list(findings)
    uses = []
    for i, acc in enumerate(loaded.proposal.accepted_concerns):
        line, col = loaded.source_map.value(("accepted_concerns", i))
        found = registry.by_name_or_code(acc.rule)
        retired = successor(acc.rule) if found is None else None
        if retired is not None and retired[0] is not None:
            found = registry.by_name_or_code(retired[0])  # the rule that now owns the fact
        code = found.code if found else acc.rule
        mine = [j for j, f in enumerate(out) if f.rule == code]
        if found is None:
            status = "retired" if retired is not None else "unknown-rule"
        elif acc.expires is not None and acc.expires < as_of:
            status = "expired"
        elif any(out[j].outcome == Outcome.BLOCKER for j in mine):
            status = "refused-blocker"
        elif not any(out[j].outcome == Outcome.CONCERN for j in mine):
            status = "unused"
        else:
            status = "applied"
            for j in mine:
                if out[j].outcome == Outcome.CONCERN:
                    out[j] = dataclasses.replace(out[j], accepted=True)
        uses.append(
            AcceptedConcernUse(
                rule=code,
                approver=acc.approver,
                justification=acc.justification,
                expires=acc.expires.isoformat() if acc.expires else None,
                status=status,
                line=line,
                column=col,
                written_as=acc.rule if retired is not None and found is not None else "",
            )
        )
    return out, uses


def acceptance_warnings(loaded: Loaded, registry: Registry, as_of: dt.date) -> list[Problem]:
    """What `pso validate` warns about in the accepted concerns, before any assessment:
    a rule code no rule has, a retired code (and what now owns its fact), an acceptance
    that has expired by the date the proposal is judged at. Each would be reported as
    not applied; none makes the file invalid."""
    out = []
    for i, acc in enumerate(loaded.proposal.accepted_concerns):
        line, col = loaded.source_map.value(("accepted_concerns", i, "rule"))
        said = _warning(acc.rule, registry)
        if said is None and acc.expires is not None and acc.expires < as_of:
            said = (
                f"the acceptance of {acc.rule} expired on {acc.expires}, before "
                f"{as_of} when the proposal is judged; it will not be applied",
                "expired-acceptance",
            )
        if said is not None:
            where = Location(loaded.path, line, col, f"accepted_concerns[{i}].rule")
            out.append(Problem(where, said[0], said[1]))
    return out


def _warning(code: str, registry: Registry) -> tuple[str, str] | None:
    if registry.by_name_or_code(code) is not None:
        return None
    retired = successor(code)
    if retired is not None and retired[0] is not None:
        return (
            f"rule {code} is retired ({retired[1]}); accept {retired[0]}'s concern instead",
            "retired-rule",
        )
    if retired is not None:
        return f"rule {code} is retired ({retired[1]}); this acceptance is never applied", (
            "retired-rule"
        )
    import difflib

    names = {n.upper(): n for r in registry.rules.values() for n in (r.code, r.name)}
    close = difflib.get_close_matches(code.upper(), list(names), n=1, cutoff=0.7)
    hint = f"; did you mean {names[close[0]]}?" if close else " (pso rules lists them)"
    return f"no rule has the code or name '{code}': this acceptance is never applied{hint}", (
        "unknown-rule"
    )
