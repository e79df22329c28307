"""Agency implications, Costs and funding, Consultation, Review and expiry, and What is
still unknown: the back half of the Cabinet draft, read from the proposal's facts.

Arithmetic on stated facts (personnel in all, rotations over the commitment, the cost
of the agencies that state one) is done here; no judgement is. Concurrency and the
Pacific reserve are the agency rules' findings, quoted with their lines, beside the
current deployments the run's commitments file lists for the proposed period.
"""

from __future__ import annotations

import datetime as dt
import math

from pso_cli.model.commitments import Agency
from pso_cli.model.fields import NONE
from pso_cli.render.cabinet_facts import missing_must_haves, other_missing, prose, total_personnel
from pso_cli.render.cabinet_model import (
    Bullets,
    Context,
    Inline,
    Para,
    Section,
    Source,
    Span,
    Table,
)
from pso_cli.render.cabinet_words import NOT_STATED, clean, date, join, money, plural, sentence
from pso_cli.rules.builtin.common import period

Blocks = list[Para | Bullets | Table]
RESERVE_RULES = ("AGY-003", "AGY-004")  # concurrent commitments, the Pacific reserve


def _cell(ctx: Context, text: str, field: str) -> Inline:
    return (ctx.span(text, field),)


def _agency_table(ctx: Context) -> Blocks:
    rows = []
    for a in ctx.agencies():
        c, f = a.contribution, a.field
        people = f"{c.personnel:,}" if c.personnel is not None else NOT_STATED
        rotation = plural(c.rotation_months, "month") if c.rotation_months else NOT_STATED
        roles = sentence(join(c.roles)) if c.roles else NOT_STATED
        assets = sentence(join(c.assets)) if c.assets else "none stated"
        rows.append((
            _cell(ctx, a.label, f),
            _cell(ctx, people, f"{f}.personnel"),
            _cell(ctx, rotation, f"{f}.rotation_months"),
            _cell(ctx, roles, f"{f}.roles"),
            _cell(ctx, assets, f"{f}.assets"),
        ))  # fmt: skip
    if not rows:
        return [Para((ctx.span("The contribution by agency is not stated.", "contribution"),))]
    header = ("Agency", "Personnel", "Rotation", "Roles", "Key assets")
    intro = Para((Span("Table 3 sets out what each agency would contribute."),))
    return [intro, Table("Table 3: Contribution by agency", header, tuple(rows))]


def _rotations(ctx: Context) -> Blocks:
    loc = ctx.p.location
    months = loc.duration_months if loc is not None else None
    out: Blocks = []
    total = total_personnel(ctx)
    if total:
        fields = [f"{a.field}.personnel" for a in ctx.agencies() if a.contribution.personnel]
        out.append(
            Para(
                (
                    ctx.span(
                        f"In all, {plural(total, 'person', 'people')} would be deployed "
                        "at any one time.",
                        *fields,
                    ),
                )
            )
        )
    for a in ctx.agencies():
        c = a.contribution
        if not (months and c.rotation_months and c.personnel):
            continue
        n = math.ceil(months / c.rotation_months)
        text = (
            f"With {c.rotation_months}-month rotations over {plural(months, 'month')}, "
            f"{a.label} would need {plural(n, 'rotation')}, {n * c.personnel:,} deployments in all."
        )
        out.append(
            Para((ctx.span(text, f"{a.field}.rotation_months", "location.duration_months"),))
        )
    return out


def _commitments(ctx: Context) -> Blocks:
    summary = ctx.commitments
    if summary is None:
        return [
            Para(
                (
                    Span(
                        "Concurrent commitments and the capacity kept for Pacific emergencies "
                        "were not checked: no list of current deployments was supplied."
                    ),
                )
            )
        ]
    span = period(ctx.p)
    rows = [c for c in summary.deployments if span is None or c.deployment.overlaps(*span)]
    when = f" as at {date(dt.date.fromisoformat(summary.as_of))}" if summary.as_of else ""
    scope = "in the proposed period" if span is not None else "(the proposed period is not stated)"
    counts = []
    for agency in Agency:
        n = sum(c.deployment.personnel for c in rows if c.deployment.agency is agency)
        if n:
            counts.append(f"{n:,} {_AGENCY_NAMES[agency]}")
    pacific = sum(c.deployment.personnel for c in rows if c.deployment.pacific)
    text = f"Current deployments{when} {scope}: {plural(len(rows), 'deployment')}"
    text += f" ({join(counts)} personnel, {pacific:,} of them in the Pacific)." if counts else "."
    sources = tuple(Source(summary.path, c.line, f"deployments[{c.index}]") for c in rows)
    out: Blocks = [Para((Span(text, sources or (Source(summary.path, 1, "deployments"),)),))]
    found = tuple(
        (Span(sentence(prose(f.message)[0]), (ctx.at(f.line, f.field),)),)
        for f in ctx.a.findings
        if f.rule in RESERVE_RULES
    )
    if found:
        out += [
            Para((Span("Against current deployments and the Pacific reserve:"),)),
            Bullets(found),
        ]
    return out


_AGENCY_NAMES = {
    Agency.NZDF: "NZDF",
    Agency.POLICE: "NZ Police",
    Agency.MFAT: "MFAT",
    Agency.OTHER: "other agency",
}


def agency_implications(ctx: Context) -> Section:
    return Section(
        "Agency implications", (*_agency_table(ctx), *_rotations(ctx), *_commitments(ctx))
    )


def costs(ctx: Context) -> Section:
    rows = []
    known = 0.0
    unknown: list[str] = []
    for a in ctx.agencies():
        c = a.contribution
        funding = clean(c.funding_source) if c.funding_source else NOT_STATED
        rows.append((
            _cell(ctx, a.label, a.field),
            _cell(ctx, money(c.cost_nzd), f"{a.field}.cost_nzd"),
            _cell(ctx, funding, f"{a.field}.funding_source"),
        ))  # fmt: skip
        if c.cost_nzd is None:
            unknown.append(a.label)
        else:
            known += c.cost_nzd
    if not rows:
        return Section(
            "Costs and funding", (Para((ctx.span("No costs are stated.", "contribution"),)),)
        )
    total = (
        money(known)
        if not unknown
        else (
            NOT_STATED if len(unknown) == len(rows) else f"{money(known)} (without {join(unknown)})"
        )
    )
    fields = [f"{a.field}.cost_nzd" for a in ctx.agencies()]
    rows.append(((Span("Total", strong=True),), (ctx.span(total, *fields),), (Span(""),)))
    table = Table(
        "Table 4: Costs and funding (NZD)",
        ("Agency", "Estimated cost", "Funding source"),
        tuple(rows),
    )
    return Section("Costs and funding", (table,))


def consultation(ctx: Context) -> Section:
    p = ctx.p
    blocks: Blocks = []
    labels = [a.label for a in ctx.agencies()]
    if labels:
        blocks.append(
            Para(
                (
                    ctx.span(
                        f"The agencies contributing are {join(labels)}; each is to be "
                        "consulted on this paper.",
                        "contribution",
                    ),
                )
            )
        )
    lead = p.leadership
    if lead is not None and lead.partners:
        blocks.append(
            Para(
                (ctx.span(f"Partner nations named: {join(lead.partners)}.", "leadership.partners"),)
            )
        )
    backing = p.strategic.regional_backing if p.strategic else None
    if backing is not None and backing.bodies:
        text = f"Regional bodies and states backing the operation: {join(backing.bodies)}."
        blocks.append(Para((ctx.span(text, "strategic.regional_backing.bodies"),)))
    ra = p.legal_basis.regional_arrangement if p.legal_basis else None
    if ra is not None and ra != NONE and not isinstance(ra, str):
        text = f"Regional organisation: {clean(ra.organisation)}"
        text += f", under the {clean(ra.framework)}" if ra.framework else ""
        blocks.append(
            Para((ctx.span(text + ".", "legal_basis.regional_arrangement.organisation"),))
        )
    consent = p.legal_basis.host_consent if p.legal_basis else None
    if consent is not None and consent.given_by:
        text = f"The host's consent is given by: {clean(consent.given_by)}."
        blocks.append(Para((ctx.span(text, "legal_basis.host_consent.given_by"),)))
    if not blocks:
        blocks.append(
            Para((ctx.span("No agencies, partners or regional bodies are named.", "leadership"),))
        )
    return Section("Consultation", tuple(blocks))


def review(ctx: Context) -> Section:
    p, blocks = ctx.p, []
    loc = p.location
    if p.identity.decision_date is not None:
        text = f"Decision sought by {date(p.identity.decision_date)}."
        blocks.append(Para((ctx.span(text, "identity.decision_date"),)))
    if loc is not None and loc.review_dates:
        text = f"Review dates: {join([date(d) for d in sorted(loc.review_dates)])}."
        blocks.append(Para((ctx.span(text, "location.review_dates"),)))
    elif loc is not None and loc.review_dates == []:
        blocks.append(Para((ctx.span("No review dates are set.", "location.review_dates"),)))
    span = period(p)
    if span is not None:
        blocks.append(
            Para(
                (
                    ctx.span(
                        f"The commitment ends on {date(span[1])}.",
                        "location.start_date",
                        "location.duration_months",
                    ),
                )
            )
        )
    nz = p.legal_basis.nz_authority if p.legal_basis else None
    if nz is not None and nz.mandate_expiry is not None:
        text = f"New Zealand's mandate expires on {date(nz.mandate_expiry)}."
        blocks.append(Para((ctx.span(text, "legal_basis.nz_authority.mandate_expiry"),)))
    exit_ = p.strategic.exit_strategy if p.strategic else None
    if exit_ == NONE:
        blocks.append(Para((ctx.span("There is no exit strategy.", "strategic.exit_strategy"),)))
    elif exit_:
        blocks.append(
            Para((ctx.span(sentence(f"Exit strategy: {exit_}"), "strategic.exit_strategy"),))
        )
    if not blocks:
        blocks.append(
            Para((ctx.span("No review, expiry or decision dates are stated.", "location"),))
        )
    return Section("Review and expiry", tuple(blocks))


def unknown(ctx: Context) -> Section:
    a = ctx.a
    blocks: Blocks = [
        Para(
            (
                Span(
                    f"Of the facts the assessment weighs, {a.completeness:.0%} are stated.",
                    (ctx.whole(),),
                ),
            )
        )
    ]
    must = missing_must_haves(ctx)
    if must:
        blocks += [Para((Span("Needed before officials can advise:"),)), Bullets(must)]
    other = tuple(other_missing(ctx))
    if other:
        blocks += [Para((Span("Other facts not yet stated:"),)), Bullets(other)]
    if not must and not other:
        blocks.append(Para((Span("Every fact the assessment reads is stated."),)))
    return Section("What is still unknown", tuple(blocks))


__all__ = ["agency_implications", "consultation", "costs", "review", "unknown"]
