"""Background and Options of the Cabinet draft.

The Options table has a row for the proposal, one for each alternative the proposal
states, and one for declining and helping in other ways. Only the proposal has been
assessed, so only it is scored on the four considerations, and only where the facts
allow: a consideration none of whose facts are stated has no score, and a score with
facts unknown shows its range (every unknown at its worst, then at its best). The
alternatives show the feasibility and effect the proposal states for them and "not
assessed" under the considerations; no score is invented for them.
"""

from __future__ import annotations

from pso_cli.model import enums as e
from pso_cli.model.fields import NONE
from pso_cli.model.findings import Consideration, ConsiderationResult
from pso_cli.model.proposal import Rated
from pso_cli.render.cabinet_facts import composition
from pso_cli.render.cabinet_model import (
    Bullets,
    Context,
    Heading,
    Inline,
    Para,
    Section,
    Span,
    Table,
)
from pso_cli.render.cabinet_words import (
    BACKING,
    LED,
    NOT_ASSESSED,
    NOT_STATED,
    VERDICT_SHORT,
    clean,
    date,
    join,
    phrase,
    plural,
    sentence,
    with_the,
)
from pso_cli.rules.builtin.common import period

_RELATION = {
    e.RelationshipEffect.STRENGTHENS: "would be strengthened",
    e.RelationshipEffect.NEUTRAL: "would be unaffected",
    e.RelationshipEffect.STRAINS: "would be strained",
}


def _where(ctx: Context) -> list[Para]:
    loc, ident = ctx.p.location, ctx.p.identity
    out = []
    if ident.summary:
        out.append(Para((ctx.span(sentence(ident.summary), "identity.summary"),)))
    spans: list[Span] = []
    if ident.operation_type is not None:
        spans.append(ctx.span(f"It is {phrase(ident.operation_type)}", "identity.operation_type"))
    if loc is not None and loc.host:
        spans.append(
            ctx.span(f"{' in ' if spans else 'It would operate in '}{loc.host}", "location.host")
        )
    if loc is not None and loc.region is not None:
        spans.append(ctx.span(f", in {phrase(loc.region)}", "location.region"))
    if spans:
        out.append(Para((*spans, Span("."))))
    return out


def _leadership(ctx: Context) -> list[Para]:
    lead = ctx.p.leadership
    if lead is None:
        return []
    spans: list[Span] = []
    if lead.arrangement is not None:
        kind = LED.get(lead.arrangement, phrase(lead.arrangement)) if lead.lead else None
        spans.append(
            ctx.span(f"It is {kind or phrase(lead.arrangement)}", "leadership.arrangement")
        )
    if lead.lead:
        by = f"{' ' if spans else 'It is '}led by {with_the(clean(lead.lead))}"
        spans.append(ctx.span(by, "leadership.lead"))
    if lead.partners:
        spans.append(ctx.span(f", with {join(lead.partners)} contributing", "leadership.partners"))
    elif lead.partners == []:
        spans.append(ctx.span(", with no other partner nations", "leadership.partners"))
    return [Para((*spans, Span(".")))] if spans else []


def _dates(ctx: Context) -> list[Para]:
    loc = ctx.p.location
    span = period(ctx.p)
    if loc is None or span is None:
        return []
    assert loc.duration_months is not None
    text = (
        f"New Zealand's commitment would run for {plural(loc.duration_months, 'month')}, "
        f"from {date(span[0])} to {date(span[1])}."
    )
    return [Para((ctx.span(text, "location.start_date", "location.duration_months"),))]


def _rated(ctx: Context, rated: Rated | None, field: str, what: str) -> list[Para]:
    if rated is None or rated.effect is None:
        return []
    text = f"The operation {phrase(rated.effect)} {what}"
    text += f": {clean(rated.rationale)}" if rated.rationale else ""
    return [Para((ctx.span(sentence(text), f"{field}.effect"),))]


def _humanitarian(ctx: Context) -> list[Para]:
    h = ctx.p.strategic.humanitarian if ctx.p.strategic else None
    if h is None or h.severity is None:
        return []
    text = f"The humanitarian situation is {phrase(h.severity)}"
    if h.civilians_at_risk:
        text += ", with civilians at risk of violence"
    if h.people_in_need is not None:
        text += f"; {h.people_in_need:,} people are in need"
    text += f". {clean(h.rationale)}" if h.rationale else ""
    return [Para((ctx.span(sentence(text), "strategic.humanitarian.severity"),))]


def _relationships(ctx: Context) -> list[Para | Bullets]:
    rels = ctx.p.strategic.relationships if ctx.p.strategic else []
    items: list[Inline] = []
    for i, r in enumerate(rels):
        effect = _RELATION[r.effect] if r.effect is not None else "is not assessed"
        text = f"The relationship with {with_the(clean(r.party))} {effect}"
        text += f": {clean(r.why)}" if r.why else ""
        items.append((ctx.span(sentence(text), f"strategic.relationships[{i}]"),))
    return (
        [Para((Span("Relationships with other countries:"),)), Bullets(tuple(items))]
        if items
        else []
    )


def _objectives(ctx: Context) -> list[Para | Bullets]:
    s = ctx.p.strategic
    if s is None:
        return []
    out: list[Para | Bullets] = []
    if s.objectives:
        items = tuple(
            (ctx.span(sentence(o), f"strategic.objectives[{i}]"),)
            for i, o in enumerate(s.objectives)
        )
        out += [Para((Span("New Zealand's objectives are to:"),)), Bullets(items)]
    if s.end_state == NONE:
        out.append(Para((ctx.span("No end state is defined.", "strategic.end_state"),)))
    elif s.end_state:
        out.append(
            Para((ctx.span(sentence(f"The end state: {s.end_state}"), "strategic.end_state"),))
        )
    return out


def background(ctx: Context) -> Section:
    s = ctx.p.strategic
    interests: list[Para | Bullets] = []
    if s is not None:
        interests += _rated(ctx, s.nz_security, "strategic.nz_security", "New Zealand's security")
        interests += _humanitarian(ctx)
        interests += _relationships(ctx)
        interests += _rated(
            ctx,
            s.rules_based_order,
            "strategic.rules_based_order",
            "the rules-based international order",
        )
        interests += _rated(
            ctx,
            s.economic_interests,
            "strategic.economic_interests",
            "New Zealand's economic and trade interests",
        )
        interests += _backing(ctx)
    blocks: list[Para | Bullets | Heading] = [*_where(ctx), *_leadership(ctx), *_dates(ctx)]
    blocks += _objectives(ctx)
    if interests:
        blocks += [Heading("New Zealand's interests"), *interests]
    return Section("Background", tuple(blocks))


def _backing(ctx: Context) -> list[Para]:
    b = ctx.p.strategic.regional_backing if ctx.p.strategic else None
    if b is None or b.level is None:
        return []
    text = BACKING[b.level]
    text += f" ({join(b.bodies)})" if b.bodies else ""
    text += f": {clean(b.rationale)}" if b.rationale else ""
    return [Para((ctx.span(sentence(text), "strategic.regional_backing.level"),))]


_HEADER = ("Option", "What it involves", "Feasibility", "Expected effect")
_SHORT = {
    Consideration.STRATEGIC: "Strategic",
    Consideration.LEGALITY: "Legality",
    Consideration.AGENCIES: "Agencies",
    Consideration.ALTERNATIVES: "Alternatives",
}


def _score(ctx: Context, c: ConsiderationResult) -> Inline:
    """A consideration's score where its facts allow, cited at the facts that moved it."""
    stated = [a for a in ctx.a.attributes if a.consideration is c.consideration and a.level]
    sources = tuple(ctx.at(a.line, a.field) for a in stated) or (ctx.whole(),)
    if c.score is None:
        return (Span("facts not stated", sources),)
    text = f"{c.score:.0f}"
    if round(c.low) != round(c.high):
        text += f" ({c.low:.0f}–{c.high:.0f})"
    return (Span(text, sources),)


def _proposal_row(ctx: Context) -> tuple[Inline, ...]:
    who = composition(ctx)
    involves: Inline = (Span("Deploy "), who) if who else (Span("Deploy New Zealand personnel"),)
    objectives = ctx.p.strategic.objectives if ctx.p.strategic else []
    effect: Inline = (
        (Span("Pursues the objectives above", ctx.src("strategic.objectives")),)
        if objectives
        else (Span(f"Objectives {NOT_STATED}", ctx.src("strategic")),)
    )
    by = {c.consideration: c for c in ctx.a.considerations}
    scores = tuple(_score(ctx, by[c]) if c in by else (Span(NOT_ASSESSED),) for c in Consideration)
    feasibility = (
        Span(f"Officials' assessment: {VERDICT_SHORT[ctx.a.verdict].lower()}", (ctx.whole(),)),
    )
    return ((Span("1. Contribute as proposed"),), involves, feasibility, effect, *scores)


def _alternative_rows(ctx: Context) -> list[tuple[Inline, ...]]:
    rows: list[tuple[Inline, ...]] = []
    for i, alt in enumerate(ctx.p.alternatives or [], start=0):
        f = f"alternatives[{i}]"
        name = (ctx.span(f"{i + 2}. {sentence(phrase(alt.type)).rstrip('.')}", f"{f}.type"),)
        what = (
            (ctx.span(sentence(alt.description), f"{f}.description"),)
            if alt.description
            else (Span(NOT_STATED, ctx.src(f)),)
        )
        feasible = (ctx.span(phrase(alt.feasibility), f"{f}.feasibility"),)
        text = sentence(phrase(alt.expected_effect)) if alt.expected_effect else NOT_STATED
        text += f" {sentence(alt.rationale)}" if alt.rationale else ""
        effect = (ctx.span(text, f"{f}.expected_effect"),)
        rows.append((name, what, feasible, effect, *((Span(NOT_ASSESSED),),) * 4))
    return rows


def _decline_row(ctx: Context, n: int) -> tuple[Inline, ...]:
    alts = len(ctx.p.alternatives or [])
    options = "option 2" if alts == 1 else f"options 2–{alts + 1}"
    involves = (
        f"No deployment; New Zealand helps in other ways, such as {options}"
        if alts
        else ("No deployment; other ways to help are yet to be identified")
    )
    return (
        (Span(f"{n}. Decline, and help in other ways"),),
        (Span(involves),),
        (Span("Open to New Zealand alone"),),
        (Span("Depends on the help chosen"),),
        *((Span(NOT_ASSESSED),),) * 4,
    )


def options(ctx: Context) -> Section:
    rows = [_proposal_row(ctx), *_alternative_rows(ctx)]
    rows.append(_decline_row(ctx, len(rows) + 1))
    header = (*_HEADER, *(_SHORT[c] for c in Consideration))
    table = Table("Table 1: Options", header, tuple(rows))
    intro = Para(
        (Span(f"Officials considered {plural(len(rows), 'option')}, set out in Table 1."),)
    )
    return Section("Options", (intro, table, _score_note(ctx)))


def _score_note(ctx: Context) -> Para:
    a = ctx.a
    text = (
        "Only the proposal has been assessed. Scores are out of 100 on the facts stated, "
        "with the range in brackets from every unknown fact at its worst to every unknown at "
        "its best; the alternatives show what the proposal states about them."
    )
    if a.score is not None:
        text += (
            f" Overall, the proposal scores {a.score:.0f} ({a.score_low:.0f}–"
            f"{a.score_high:.0f}), with {a.completeness:.0%} of the facts weighed stated."
        )
    else:
        text += " No overall score can be given: none of the facts weighed is stated."
    return Para((Span(text, (ctx.whole(),)),))
