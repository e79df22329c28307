"""The front of the Cabinet draft: Purpose, Executive summary and Recommendations.

Recommendations are worded for Cabinet, each beginning with the verb Cabinet is asked to
act by ("note", "agree", "authorise", "direct"), and follow the assessment's verdict:

- recommend: agree to the contribution, authorise the deployment, direct a report-back;
- recommend with conditions: as recommend, the agreement "subject to the following
  conditions", then the conditions, and the deployment once they are met;
- further analysis: note that officials cannot yet advise, direct officials to report
  back on the must-have facts missing and the legal questions, note the conditions
  officials expect to propose, and that no decision to deploy is sought until then;
- do not recommend: note that officials do not recommend it, agree that New Zealand not
  contribute personnel, direct officials to advise on other ways to help.
"""

from __future__ import annotations

from pso_cli.model.findings import Verdict
from pso_cli.render.cabinet_facts import (
    composition,
    condition_spans,
    legal_finding,
    legal_line,
    legal_questions,
    missing_must_haves,
    operation,
    reason,
)
from pso_cli.render.cabinet_model import (
    MINISTERS,
    Context,
    Inline,
    Para,
    Recommendation,
    Recommendations,
    Section,
    Span,
)
from pso_cli.render.cabinet_words import (
    VERDICT_PHRASES,
    clean,
    date,
    follow_on,
    join,
    plural,
    sentence,
    with_the,
)

_GO = (Verdict.RECOMMEND, Verdict.WITH_CONDITIONS)


def ministers(ctx: Context) -> tuple[str, ...]:
    """The Ministers who bring the paper: Foreign Affairs, and those whose agencies deploy."""
    keys = {a.key for a in ctx.agencies()}
    return ("Minister of Foreign Affairs", *(m for k, m in MINISTERS.items() if k in keys))


def _period(ctx: Context) -> Inline:
    loc = ctx.p.location
    if loc is None:
        return ()
    out: list[Span] = []
    if loc.start_date is not None:
        out.append(ctx.span(f" from {date(loc.start_date)}", "location.start_date"))
    if loc.duration_months is not None:
        months = plural(loc.duration_months, "month")
        out.append(ctx.span(f" for {months}", "location.duration_months"))
    return tuple(out)


def _contribution(ctx: Context) -> Inline:
    """'a New Zealand contribution of 230 NZDF ... personnel to the RAMSI in ...'."""
    who = composition(ctx)
    if who is None:
        return (Span("a New Zealand contribution to "), *operation(ctx))
    return (Span("a New Zealand contribution of "), who, Span(" to "), *operation(ctx))


def purpose(ctx: Context) -> Section:
    v = ctx.a.verdict
    if v in _GO:
        first: Inline = (Span("This paper seeks Cabinet's agreement to "), *_contribution(ctx))
        first += (*_period(ctx), Span("."))
    elif v is Verdict.FURTHER_ANALYSIS:
        first = (Span("This paper reports officials' initial assessment of "), *_contribution(ctx))
        first += (Span(", and seeks Cabinet's direction on the analysis still needed."),)
    else:
        first = (Span("This paper reports officials' assessment of "), *_contribution(ctx))
        first += (Span(", and seeks Cabinet's agreement that New Zealand not contribute."),)
    blocks = [Para(first)]
    day = ctx.p.identity.decision_date
    if day is not None:
        blocks.append(
            Para((ctx.span(f"A decision is sought by {date(day)}.", "identity.decision_date"),))
        )
    return Section("Purpose", tuple(blocks))


def _next_step(ctx: Context, n_conditions: int) -> Inline:
    a = ctx.a
    if a.verdict is Verdict.FURTHER_ANALYSIS:
        facts = len(a.missing_facts) + len(a.legal.questions if a.legal else ())
        if not facts:
            return (Span("Next: officials are to complete the analysis and report back."),)
        what = plural(facts, "fact or legal question", "facts and legal questions")
        return (
            Span(
                f"Next: officials need {what} settled before they can advise; they are "
                "listed in the recommendations and under ‘What is still unknown’."
            ),
        )
    if a.verdict is Verdict.DO_NOT_RECOMMEND:
        n = len(ctx.p.alternatives or ())
        if n:
            return (
                Span(
                    f"Next: officials will advise on other ways New Zealand could help, "
                    f"starting from the {plural(n, 'alternative')} in the Options table."
                ),
            )
        return (Span("Next: no other way for New Zealand to help has yet been assessed."),)
    if a.verdict is Verdict.WITH_CONDITIONS and n_conditions:
        return (
            Span(
                f"Next: the {plural(n_conditions, 'condition')} in the recommendations "
                "must be met before New Zealand personnel deploy."
            ),
        )
    text = "Next: if Cabinet agrees, the deployment can proceed as proposed"
    if n_conditions:
        text += f"; officials identify {plural(n_conditions, 'mitigation')}, set out under Risks"
    return (Span(text + "."),)


def executive_summary(ctx: Context) -> Section:
    phrase = VERDICT_PHRASES[ctx.a.verdict]
    why, sources = reason(ctx)
    verdict = Span(f"{phrase[0].upper()}{phrase[1:]}. {why}", sources)
    blocks = (
        Para((verdict,)),
        Para(legal_line(ctx)),
        Para(_next_step(ctx, len(ctx.a.conditions))),
    )
    return Section("Executive summary", blocks)


def _note_proposal(ctx: Context) -> Recommendation:
    lead = ctx.p.leadership.lead if ctx.p.leadership else None
    spans: Inline = (Span("note the proposal that New Zealand contribute to "), *operation(ctx))
    if lead:
        spans += (ctx.span(f", led by {with_the(clean(lead))}", "leadership.lead"),)
    return Recommendation(spans)


def _go(ctx: Context) -> list[Recommendation]:
    conditions = condition_spans(ctx) if ctx.a.verdict is Verdict.WITH_CONDITIONS else ()
    agree: Inline = (Span("agree to "), *_contribution(ctx), *_period(ctx))
    if conditions:
        agree += (Span(", subject to the following conditions:"),)
    elif ctx.a.verdict is Verdict.WITH_CONDITIONS:  # the assessment named none
        agree += (Span(", subject to conditions officials are to set out before deployment"),)
    recs = [Recommendation(agree, conditions)]
    who = composition(ctx)
    if who is not None:
        once = ", once the conditions above are met" if conditions else ""
        recs.append(Recommendation((Span("authorise the deployment of up to "), who, Span(once))))
    recs += _report_back(ctx)
    return recs


def _report_back(ctx: Context) -> list[Recommendation]:
    loc = ctx.p.location
    reviews = loc.review_dates if loc is not None and loc.review_dates else []
    if not reviews:
        return []
    first = min(reviews)
    i = reviews.index(first)
    text = f"direct officials to report back to Cabinet by {date(first)}, the first review date"
    return [Recommendation((ctx.span(text, f"location.review_dates[{i}]"),))]


def _further(ctx: Context) -> list[Recommendation]:
    why, sources = reason(ctx)
    cannot = Span(
        f"note that officials cannot yet advise on the contribution: {follow_on(why)}", sources
    )
    facts = _unique(missing_must_haves(ctx) + legal_questions(ctx))
    recs = [Recommendation((cannot,))]
    if facts:
        back = Span("direct officials to report back to Cabinet, before a decision, on:")
    else:
        back = Span("direct officials to complete the analysis and report back to Cabinet")
    recs.append(Recommendation((back,), facts))
    conditions = condition_spans(ctx)
    if conditions:
        expect = Span("note that, should Cabinet later agree to the contribution, officials "
                      "expect to propose these conditions:")  # fmt: skip
        recs.append(Recommendation((expect,), conditions))
    recs.append(Recommendation((Span("note that no decision to deploy is sought until then"),)))
    return recs


def _decline(ctx: Context) -> list[Recommendation]:
    because, sources = reason(ctx)
    why = Span(
        f"note that officials do not recommend the contribution: {follow_on(because)}", sources
    )
    agree = (Span("agree that New Zealand not contribute personnel to "), *operation(ctx))
    alts = ctx.p.alternatives or []
    other: list[Inline] = [
        (
            ctx.span(
                sentence(alt.description or alt.type.value.replace("-", " ")),
                f"alternatives[{i}].description" if alt.description else f"alternatives[{i}].type",
            ),
        )
        for i, alt in enumerate(alts)
    ]
    direct = "direct officials to advise on other ways New Zealand could help"
    direct += ", including:" if other else ""
    return [
        Recommendation((why,)),
        Recommendation(agree),
        Recommendation((Span(direct),), tuple(other)),
    ]


def _unique(items: tuple[Inline, ...]) -> tuple[Inline, ...]:
    seen: dict[str, Inline] = {}
    for item in items:
        seen.setdefault("".join(s.text for s in item).casefold().rstrip("."), item)
    return tuple(seen.values())


def _punctuated(recs: list[Recommendation]) -> tuple[Recommendation, ...]:
    """Each recommendation ends in ';' and the last in '.', as Cabinet recommendations do;
    one that introduces a list ends in ':'. The mark follows the footnote markers."""
    out = []
    for i, rec in enumerate(recs):
        last = rec.spans[-1]
        text = last.text.rstrip(" .;")
        end = ":" if rec.items else ("." if i == len(recs) - 1 else ";")
        if text.endswith(":"):
            end, text = ":", text[:-1]
        if last.sources:
            tail: Inline = (Span(text, last.sources, last.strong), Span(end))
        else:
            tail = (Span(text + end, (), last.strong),)
        out.append(Recommendation((*rec.spans[:-1], *tail), rec.items))
    return tuple(out)


def recommendations(ctx: Context) -> Section:
    names = ["the " + n for n in ministers(ctx)]
    verb = "recommends" if len(names) == 1 else "recommend"
    lead = (Span(f"{sentence(join(names)).rstrip('.')} {verb} that Cabinet:"),)
    recs = [_note_proposal(ctx), Recommendation(legal_finding(ctx))]
    v = ctx.a.verdict
    if v in _GO:
        recs += _go(ctx)
    elif v is Verdict.FURTHER_ANALYSIS:
        recs += _further(ctx)
    else:
        recs += _decline(ctx)
    return Section("Recommendations", (Recommendations(lead, _punctuated(recs)),))
