"""AGY-007 national-command: NZ keeps national command of its personnel."""

from __future__ import annotations

from collections.abc import Iterable

from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import Attribute, Finding, Reference, RuleContext, info, missing, rate, rule
from pso_cli.rules.builtin.agencies._shared import AGY
from pso_cli.rules.builtin.common import clause


@rule(
    code="AGY-007",
    name="national-command",
    consideration=AGY,
    title="NZ keeps national command of its personnel",
    rationale=(
        "NZ personnel remain under the command of the Chief of Defence Force (or the "
        "Commissioner of Police); national command is what lets NZ apply caveats and withdraw."
    ),
    reference=Reference(
        "Defence Act 1990 (NZ): command of the Armed Forces by the Chief of Defence Force",
        "",
        "https://www.legislation.govt.nz/act/public/1990/0028/latest/whole.html",
    ),
    reads=("risk.command.national_command_retained", "risk.command.caveats"),
    example="risk: {command: {national_command_retained: false}}",
    attribute=Attribute(
        "National command of NZ personnel",
        (("not-retained", 0), ("retained", 100)),
        ("risk.command",),
    ),
)
def national_command(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    cmd = p.risk.command if p.risk else None
    field = "risk.command.national_command_retained"
    retained = cmd.national_command_retained if cmd else None
    if retained is None:
        yield missing(field, "Whether NZ keeps national command is not stated.")
    elif retained:
        yield rate(field, "retained", "NZ keeps national command of its personnel.")
    else:
        yield rate(
            field,
            "not-retained",
            "NZ would not keep national command of its personnel.",
            "Secure national command of NZ personnel before committing them.",
        )
    if cmd is not None and cmd.caveats:
        said = "; ".join(clause(c) for c in cmd.caveats)
        yield info("risk.command.caveats", f"National caveats: {said}.")


RULE = national_command
