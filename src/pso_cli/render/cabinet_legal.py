"""Legal basis and Risks of the Cabinet draft.

The legal section reports the legal analysis (pso_cli.law) as the assessment holds it:
outcome, reason, the bases found, the questions and notes, how each resolution was
read, and who advised; it ends "For confirmation by legal advisers." The risks section
states the threat and the protections from the proposal, the status of each policy gate
and veto from the assessment, and the assessment's conditions as the mitigations.
"""

from __future__ import annotations

from pso_cli.model.findings import Verdict
from pso_cli.model.legal import LegalBasis
from pso_cli.model.legal_analysis import LegalOutcome
from pso_cli.render.cabinet_facts import condition_spans, legal_line, legal_questions, prose
from pso_cli.render.cabinet_model import Bullets, Context, Inline, Para, Section, Span, Table
from pso_cli.render.cabinet_words import (
    ADVISERS,
    GATE_STATUS,
    clean,
    date,
    join,
    phrase,
    sentence,
)

Blocks = list[Para | Bullets | Table]


def _listed(ctx: Context, intro: str, items: tuple[Inline, ...]) -> Blocks:
    return [Para((Span(intro),)), Bullets(items)] if items else []


def _analysis(ctx: Context) -> Blocks:
    legal = ctx.a.legal
    if legal is None:
        return [Para(legal_line(ctx))]
    cite = ctx.src(legal.field)
    out: Blocks = [Para(legal_line(ctx)[:2])]
    bases = tuple((Span(sentence(b), cite),) for b in legal.bases)
    out += _listed(ctx, "The bases found, strongest first:", bases)
    if len(legal.places) > 1:
        places = tuple(
            (ctx.span(sentence(pl.reason), pl.field),)  # "lawful in the territory of ..."
            for pl in legal.places
        )
        out += _listed(ctx, "Where the operation acts:", places)
    councils = tuple(
        (ctx.span(sentence(r), f"legal_basis.security_council[{i}]"),)
        for i, r in enumerate(legal.resolutions)
    )
    out += _listed(ctx, "How each Security Council resolution stated was read:", councils)
    ask = (
        "Questions for legal advisers:"
        if legal.outcome is LegalOutcome.CONTESTED
        else ("Facts to state before the law can be settled:")
    )
    out += _listed(ctx, ask, legal_questions(ctx))
    notes = tuple((Span(sentence(prose(n)[0]), cite),) for n in legal.notes)
    out += _listed(ctx, "What does not count as a basis:", notes)
    return out


def _instruments(ctx: Context, lb: LegalBasis) -> Blocks:
    out: Blocks = []
    sofa = lb.status_of_forces
    if sofa is not None and sofa.status is not None:
        text = f"Status of forces: {phrase(sofa.status)}"
        text += f" — {clean(sofa.instrument)}" if sofa.instrument else ""
        out.append(Para((ctx.span(sentence(text), "legal_basis.status_of_forces.status"),)))
    if lb.use_of_force is not None:
        text = f"Use of force: {phrase(lb.use_of_force)}."
        out.append(Para((ctx.span(text, "legal_basis.use_of_force"),)))
    nz = lb.nz_authority
    if nz is not None and nz.statutory_basis:
        text = f"New Zealand authority: {clean(nz.statutory_basis)}"
        out.append(Para((ctx.span(sentence(text), "legal_basis.nz_authority.statutory_basis"),)))
    if nz is not None and nz.cabinet_decision:
        text = f"Cabinet decision: {clean(nz.cabinet_decision)}"
        out.append(Para((ctx.span(sentence(text), "legal_basis.nz_authority.cabinet_decision"),)))
    return out


def _advice(ctx: Context, lb: LegalBasis | None) -> Blocks:
    advice = lb.legal_advice if lb is not None else []
    if not advice:
        return [Para((Span("No legal advice is recorded yet."),))]
    items = []
    for i, a in enumerate(advice):
        text = f"{a.by}, {date(a.date)}, concluded {phrase(a.conclusion)}"
        text += f": {clean(a.summary)}" if a.summary else ""
        items.append((ctx.span(sentence(text), f"legal_basis.legal_advice[{i}]"),))
    return _listed(ctx, "Legal advice received:", tuple(items))


def legal_basis(ctx: Context) -> Section:
    lb = ctx.p.legal_basis
    blocks: Blocks = _analysis(ctx)
    if lb is not None:
        blocks += _instruments(ctx, lb)
    blocks += _advice(ctx, lb)
    blocks.append(Para((Span(ADVISERS),)))
    return Section("Legal basis", tuple(blocks))


def _threat(ctx: Context) -> Blocks:
    r = ctx.p.risk
    if r is None or r.threat_level is None:
        return []
    text = f"The threat to deployed personnel is {phrase(r.threat_level)}"
    fields = ["risk.threat_level"]
    if r.threat_trend is not None:
        text += f" and {phrase(r.threat_trend)}"
        fields.append("risk.threat_trend")
    return [Para((ctx.span(text + ".", *fields),))]


def _protection(ctx: Context) -> Blocks:
    r = ctx.p.risk
    out: Blocks = []
    fp = r.force_protection if r is not None else None
    if fp is not None and fp.adequacy is not None:
        text = f"Force protection is {phrase(fp.adequacy)}"
        text += f", provided by {clean(fp.provided_by)}" if fp.provided_by else ""
        text += f". {clean(fp.rationale)}" if fp.rationale else ""
        out.append(Para((ctx.span(sentence(text), "risk.force_protection.adequacy"),)))
        if fp.mitigation:
            text = sentence(f"To close the gap: {fp.mitigation}")
            out.append(Para((ctx.span(text, "risk.force_protection.mitigation"),)))
    me = r.medical_evacuation if r is not None else None
    if me is not None and me.adequacy is not None:
        text = f"Medical care and evacuation are {phrase(me.adequacy)}"
        text += f". {clean(me.description)}" if me.description else ""
        out.append(Para((ctx.span(sentence(text), "risk.medical_evacuation.adequacy"),)))
        if me.mitigation:
            text = sentence(f"To close the gap: {me.mitigation}")
            out.append(Para((ctx.span(text, "risk.medical_evacuation.mitigation"),)))
    return out


def _command(ctx: Context) -> Blocks:
    cmd = ctx.p.risk.command if ctx.p.risk else None
    if cmd is None or cmd.national_command_retained is None:
        return []
    keeps = "keeps" if cmd.national_command_retained else "would not keep"
    spans: list[Span] = [
        ctx.span(
            f"New Zealand {keeps} national command of its personnel",
            "risk.command.national_command_retained",
        )
    ]
    if cmd.caveats:
        spans.append(ctx.span(f"; national caveats: {join(cmd.caveats)}", "risk.command.caveats"))
    return [Para((*spans, Span(".")))]


def _checks(ctx: Context) -> Blocks:
    gates = ctx.a.gates
    if not gates:
        return []
    rows = tuple(
        (
            (Span(sentence(g.title).rstrip(".")),),
            (Span("Policy gate" if g.kind == "gate" else "Veto"),),
            (Span(GATE_STATUS.get(g.status, g.status), (ctx.at(g.line, g.field),)),),
        )
        for g in gates
    )
    intro = Para(
        (
            Span(
                "The policy gates and vetoes cannot be outweighed by other merits; "
                "their status is in Table 2."
            ),
        )
    )
    return [intro, Table("Table 2: Policy gates and vetoes", ("Check", "Kind", "Status"), rows)]


def _mitigations(ctx: Context) -> Blocks:
    conditions = condition_spans(ctx)
    if not conditions:
        return [Para((Span("No further mitigations are identified."),))]
    return _listed(ctx, _MITIGATIONS[ctx.a.verdict], conditions)


_MITIGATIONS = {
    Verdict.RECOMMEND: "Officials identify these mitigations:",
    Verdict.WITH_CONDITIONS: "The conditions Cabinet is asked to set are the mitigations:",
    Verdict.FURTHER_ANALYSIS: "Officials expect these mitigations to be needed:",
    Verdict.DO_NOT_RECOMMEND: "Were the contribution to go ahead, it would need these mitigations:",
}


def risks(ctx: Context) -> Section:
    blocks: Blocks = [*_threat(ctx), *_protection(ctx), *_command(ctx), *_checks(ctx)]
    blocks += _mitigations(ctx)
    return Section("Risks", tuple(blocks))
