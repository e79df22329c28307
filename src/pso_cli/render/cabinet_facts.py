"""Phrases several sections of the Cabinet draft share, each with the sources it rests on.

The verdict, its reason, the legal outcome and the conditions are the assessment's
own: these helpers word and locate them, and never judge anything again. Facts are
read from the proposal and cited at the field they come from.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator

from pydantic import BaseModel

from pso_cli.model.findings import Outcome
from pso_cli.model.legal_analysis import LegalAnalysis, LegalOutcome
from pso_cli.model.proposal import Proposal
from pso_cli.render.cabinet_model import Context, Inline, Source, Span, segments
from pso_cli.render.cabinet_words import (
    ADVISERS,
    LEGAL_FINDINGS,
    LEGAL_PHRASES,
    bare,
    clean,
    follow_on,
    join,
    lift_fields,
    sentence,
)

_LABELS = {
    "legal_basis": "the legal basis in international law",
    "legal_basis.host_consent.status": "whether the host state consents",
    "legal_basis.nz_authority.mandate_expiry": "when New Zealand's mandate expires",
    "risk.threat_level": "the threat to deployed personnel",
    "risk.force_protection.adequacy": "whether force protection is adequate to the threat",
    "risk.medical_evacuation.adequacy": "whether medical care and evacuation are adequate",
    "risk.command.national_command_retained": "whether New Zealand keeps national command",
    "strategic.nz_security.effect": "the effect on New Zealand's security",
    "strategic.humanitarian.severity": "the severity of the humanitarian situation",
    "leadership.arrangement": "who leads the operation",
    "leadership.partners": "the partner nations contributing",
    "location.start_date": "the start date",
    "location.duration_months": "the length of New Zealand's commitment",
    "location.review_dates": "the review dates",
    "contribution": "New Zealand's contribution by agency",
}
_VAGUE = ("this interest", "why", "basis for the assessment", "effect on this")


def _model_of(annotation: object) -> type[BaseModel] | None:
    """The pydantic model inside an annotation (Optional, list, Annotated, unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def _descriptions(path: str) -> list[str]:
    """The description of each named segment of a field path, outermost first."""
    model: type[BaseModel] | None = Proposal
    out: list[str] = []
    for seg in segments(path):
        if isinstance(seg, int):
            continue
        info = model.model_fields.get(seg) if model is not None else None
        if info is None:
            break
        out.append((info.description or seg).split(" One of:")[0].split(";")[0].rstrip("."))
        model = _model_of(info.annotation)
    return out


def field_label(path: str) -> str:
    """A field as a phrase for prose ("the threat to deployed personnel")."""
    if path in _LABELS:
        return _LABELS[path]
    descs = _descriptions(path) or [path.rsplit(".", 1)[-1].replace("_", " ")]
    label = descs[-1]
    if len(descs) > 1 and label.casefold().startswith(_VAGUE):
        label = f"{descs[-2]}: {label[0].lower()}{label[1:]}"
    return label[0].lower() + label[1:] if label[1:2].islower() else label


_HEADS = "|".join(sorted(Proposal.model_fields))
_BARE = re.compile(rf"\b(?:{_HEADS})(?:\.[a-z_0-9]+|\[\d+\])+")


def prose(text: str) -> tuple[str, tuple[str, ...]]:
    """A message from the assessment as prose, and the fields it names: a field path in
    brackets is lifted out ("... (risk.force_protection.mitigation)."), a bare one
    ("unknown: risk.threat_level, ...") is replaced by its label; both become sources."""
    words, fields = lift_fields(text)
    named: list[str] = []

    def label(m: re.Match[str]) -> str:
        named.append(m.group(0))
        return field_label(m.group(0))

    return _BARE.sub(label, words), (*fields, *named)


def reason(ctx: Context) -> tuple[str, tuple[Source, ...]]:
    """The verdict's reason as a sentence, with what decided it and the fields it names."""
    words, fields = prose(ctx.a.reason)
    return sentence(words), tuple(dict.fromkeys((*verdict_sources(ctx), *ctx.src(*fields))))


def condition_spans(ctx: Context) -> tuple[Inline, ...]:
    """The assessment's conditions, each located at the finding or veto it comes from."""
    where = {f.condition: f for f in ctx.a.findings if f.condition}
    out = []
    for c in ctx.a.conditions:
        words, fields = prose(c)
        f = where.get(c)
        if fields:
            sources = ctx.src(*fields)
        elif f is not None:
            sources = (ctx.at(f.line, f.field),)
        else:
            sources = (ctx.whole(),)
        out.append((Span(sentence(words), sources),))
    return tuple(out)


def verdict_sources(ctx: Context) -> tuple[Source, ...]:
    """What decided the verdict: failed gates and vetoes, else must-have facts unknown."""
    failed = [g for g in ctx.a.gates if g.status == "failed"]
    if failed:
        return tuple(ctx.at(g.line, g.field) for g in failed)
    if ctx.a.missing_facts:
        return tuple(ctx.at(line, f) for f, line, _ in ctx.a.missing_facts[:3])
    return (ctx.whole(),)


def legal_line(ctx: Context) -> Inline:
    """The legal analysis in one line, marked for confirmation by legal advisers."""
    legal = ctx.a.legal
    if legal is None:
        return (Span("Legal analysis: ", strong=True), Span(f"none was made. {ADVISERS}"))
    words, fields = prose(legal.reason)
    reason = sentence(words)
    label = LEGAL_PHRASES[legal.outcome]
    if not reason.casefold().startswith(label.split(" ")[0]):  # "Lawful in ..." says it
        reason = f"{label}. {reason}"
    body = Span(reason, ctx.src(legal.field, *fields))
    return Span("Legal analysis: ", strong=True), body, Span(f" {_advice(legal)}{ADVISERS}")


def legal_finding(ctx: Context) -> Inline:
    """The legal analysis as a recommendation Cabinet notes."""
    legal = ctx.a.legal
    if legal is None:
        return (Span("note that no legal analysis was made, and seek advice from legal advisers"),)
    words, fields = prose(legal.reason)
    reason = sentence(words).rstrip(".")
    finds = Span(f"note that officials' legal analysis {LEGAL_FINDINGS[legal.outcome]} ")
    return (
        finds,
        Span(f"({follow_on(reason)})", ctx.src(legal.field, *fields)),
        Span(", for confirmation by legal advisers"),
    )


def _advice(legal: LegalAnalysis) -> str:
    if legal.outcome is LegalOutcome.CONTESTED and legal.advice:
        return f"Legal advice relied on: {sentence(legal.advice)} "
    return ""


def legal_questions(ctx: Context) -> tuple[Inline, ...]:
    legal = ctx.a.legal
    if legal is None:
        return ()
    out = []
    for q in legal.questions:
        words, fields = prose(q)
        out.append((Span(sentence(words), ctx.src(*(fields or (legal.field,)))),))
    return tuple(out)


def missing_must_haves(ctx: Context) -> tuple[Inline, ...]:
    return tuple(
        (Span(sentence(field_label(f)), (ctx.at(line, f),)),) for f, line, _ in ctx.a.missing_facts
    )


def other_missing(ctx: Context) -> Iterator[Inline]:
    """Missing-information findings not about a must-have fact, one per message."""
    must = {f for f, _, _ in ctx.a.missing_facts}
    grouped: dict[str, list[Source]] = {}
    for f in ctx.a.findings:
        if f.outcome is Outcome.MISSING and f.field not in must:
            words, _ = prose(f.message)
            grouped.setdefault(sentence(words), []).append(ctx.at(f.line, f.field))
    for text, sources in grouped.items():
        yield (Span(text, tuple(dict.fromkeys(sources))),)


def operation(ctx: Context) -> Inline:
    """'the Regional Assistance Mission to Solomon Islands (RAMSI) in Solomon Islands'."""
    spans = [ctx.span(with_article(clean(ctx.p.identity.name)), "identity.name")]
    host = ctx.p.location.host if ctx.p.location else None
    if host and bare(host) not in bare(ctx.p.identity.name):
        spans.append(ctx.span(f" in {host}", "location.host"))
    return tuple(spans)


_NO_ARTICLE = ("Possible", "Proposed", "Potential", "Planned", "A", "An", "The")


def with_article(name: str) -> str:
    """A mission's name after "contribution to": 'the RAMSI', 'possible support to ...'."""
    first = name.split(" ", 1)[0]
    if first in _NO_ARTICLE:
        return first.lower() + name[len(first) :]
    return f"the {name}" if first[:1].isupper() else name


def composition(ctx: Context) -> Span | None:
    """'230 NZDF, 35 NZ Police and 2 MFAT personnel', or None when no number is stated."""
    stated = [(a, a.contribution.personnel) for a in ctx.agencies()]
    known = [(a, n) for a, n in stated if n]
    if not known:
        return None
    parts = [f"{n:,} {a.label}" for a, n in known]
    fields = [f"{a.field}.personnel" for a, _ in known]
    return Span(f"{join(parts)} personnel", ctx.src(*fields))


def total_personnel(ctx: Context) -> int:
    return sum(a.contribution.personnel or 0 for a in ctx.agencies())
