"""Pacific extras: two checks for deployments whose host is in the Pacific region.

PAC-001 asks a deployment that runs through the tropical cyclone season to say how
casualties are treated and evacuated when weather closes airfields and harbours. It
scores nothing: medical evacuation is a fact the built-in AGY-006 already weighs, and a
fact counts once, so PAC-001 reports a concern with the action that resolves it.
PAC-002 asks a Pacific proposal to say how the host's exposure to climate change and
natural hazards bears on the mission. It scores, through its own attribute: a profile
must give that attribute a swing weight (pacific-extras.yaml beside this pack does), or
pso refuses to run, so the pack moves the score only through the value model.

Both rules stay silent for any other region. They read the proposal model only
(`pso_cli.rules.api` and `pso_cli.model`), never YAML, and import nothing from this
package, so the module also works when loaded by path with `--rules`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from pydantic import BaseModel, ConfigDict

from pso_cli.model import enums as e
from pso_cli.model.proposal import Proposal
from pso_cli.rules.api import (
    Attribute,
    Consideration,
    Finding,
    Reference,
    Rule,
    RuleContext,
    Severity,
    concern,
    info,
    missing,
    rate,
    rule,
)

__version__ = "0.1.0"
PACK_NAME = "pacific-extras"
PACK_VERSION = __version__

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _words(options: tuple[str, ...]) -> re.Pattern[str]:
    """Whole-word, case-insensitive match of any option; `*` ends a word stem."""
    alts = (re.escape(w).replace(r"\*", r"\w*") for w in options)
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE)


def _is_pacific(p: Proposal) -> bool:
    return p.location is not None and p.location.region == e.Region.PACIFIC


# ---------------------------------------------------------------- PAC-001


class CycloneOptions(BaseModel):
    """The cyclone season and the words that show a plan allows for it.

    The default season, November to April, is the South Pacific tropical cyclone season;
    a profile can change it for hosts north of the equator, where the season differs.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    cyclone_months: tuple[int, ...] = (11, 12, 1, 2, 3, 4)
    contingency_words: tuple[str, ...] = (
        "cyclone*",
        "typhoon*",
        "storm*",
        "weather",
        "ship",
        "ships",
        "vessel*",
        "sea",
        "maritime",
        "naval",
        "shelter*",
        "contingenc*",
        "alternate",
        "alternative",
        "backup",
        "back-up",
    )


def _add_months(day: dt.date, n: int) -> dt.date:
    index = day.month - 1 + n
    return dt.date(day.year + index // 12, index % 12 + 1, 1)


def _months_in_season(p: Proposal, o: CycloneOptions) -> list[int]:
    """Calendar months of the deployment (start month only if no duration) in season."""
    loc = p.location
    assert loc is not None and loc.start_date is not None
    first = dt.date(loc.start_date.year, loc.start_date.month, 1)
    span = min(loc.duration_months or 1, 12)
    months = {_add_months(first, i).month for i in range(span)}
    in_order = (*range(first.month, 13), *range(1, first.month))
    return [m for m in in_order if m in months and m in o.cyclone_months]


@rule(
    code="PAC-001",
    name="cyclone-season-evacuation",
    consideration=Consideration.AGENCIES,
    title="A Pacific deployment in the cyclone season has a weather-proof evacuation plan",
    rationale=(
        "Tropical cyclones close airfields and harbours for days at a time. A deployment in"
        " the Pacific during the cyclone season needs a stated medical and evacuation plan"
        " that still works when aircraft cannot fly: shelter, in-theatre surgical care, or a"
        " route by sea."
    ),
    reference=Reference(
        "United Nations, Medical Support Manual for United Nations Field Missions (2015):"
        " casualty evacuation within the 10-1-2 timelines; the South Pacific tropical cyclone"
        " season runs from November to April",
    ),
    severity=Severity.MAJOR,
    reads=(
        "location.region",
        "location.start_date",
        "location.duration_months",
        "risk.medical_evacuation.adequacy",
        "risk.medical_evacuation.description",
    ),
    options=CycloneOptions,
    example=(
        "location: {region: pacific, start_date: 2030-12-01, duration_months: 3}\n"
        "risk: {medical_evacuation: null}"
    ),
)
def cyclone_season_evacuation(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    if not _is_pacific(p):
        return
    o = ctx.options
    assert isinstance(o, CycloneOptions)
    loc = p.location
    assert loc is not None
    if loc.start_date is None:
        yield missing(
            "location.start_date",
            "A Pacific deployment with no start date: cannot tell whether it falls in the"
            " cyclone season.",
        )
        return
    in_season = _months_in_season(p, o)
    if not in_season:
        return
    when = ", ".join(MONTHS[m - 1] for m in in_season)
    yield from _evacuation_plan(p, o, f"The deployment runs through cyclone-season months ({when})")


def _evacuation_plan(p: Proposal, o: CycloneOptions, lead: str) -> Iterator[Finding]:
    med = p.risk.medical_evacuation if p.risk else None
    if med is None or (med.adequacy is None and med.description is None):
        yield concern(
            "risk.medical_evacuation",
            f"{lead} but states no medical or evacuation plan.",
            condition="State how casualties will be treated and evacuated when a cyclone"
            " closes airfields and harbours.",
        )
        return
    field = "risk.medical_evacuation.description"
    text = med.description or ""
    hit = _words(o.contingency_words).search(text)
    if hit:
        yield info(field, f"{lead}; the evacuation plan allows for it ('{hit.group(0)}').")
        return
    yield concern(
        field if med.description else "risk.medical_evacuation",
        f"{lead} but the medical and evacuation plan does not say what happens when"
        " weather grounds aircraft.",
        condition="Add a cyclone contingency to the evacuation plan: sheltering and holding"
        " casualties, surgical care in theatre, or evacuation by sea.",
    )


# ---------------------------------------------------------------- PAC-002


class ClimateOptions(BaseModel):
    """Words that show the proposal addresses climate and natural-hazard exposure."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    climate_words: tuple[str, ...] = (
        "climat*",
        "cyclone*",
        "typhoon*",
        "disaster*",
        "sea-level",
        "sea level",
        "drought*",
        "flood*",
        "tsunami*",
        "earthquake*",
        "volcan*",
        "king tide*",
        "el niño",
        "el nino",
        "natural hazard*",
        "resilien*",
    )


def _texts(p: Proposal) -> Iterator[tuple[str, str]]:
    """(field, text) for every free-text fact where the point is likely to be made."""
    yield "identity.summary", p.identity.summary or ""
    s = p.strategic
    if s is not None:
        if s.humanitarian is not None:
            yield "strategic.humanitarian.rationale", s.humanitarian.rationale or ""
        if s.nz_security is not None:
            yield "strategic.nz_security.rationale", s.nz_security.rationale or ""
        for i, objective in enumerate(s.objectives):
            yield f"strategic.objectives[{i}]", objective
        yield "strategic.end_state", s.end_state or ""
        yield "strategic.exit_strategy", s.exit_strategy or ""
    r = p.risk
    if r is not None and r.force_protection is not None:
        yield "risk.force_protection.rationale", r.force_protection.rationale or ""
    for i, alt in enumerate(p.alternatives or []):
        yield f"alternatives[{i}].description", alt.description or ""
        yield f"alternatives[{i}].rationale", alt.rationale or ""


@rule(
    code="PAC-002",
    name="climate-exposure-addressed",
    consideration=Consideration.STRATEGIC,
    title="A Pacific proposal says how the host's climate and disaster exposure bears on it",
    rationale=(
        "Pacific leaders name climate change as the greatest threat to the region's security."
        " Disasters can interrupt a mission, redirect its people to relief, or undo its gains,"
        " so a Pacific proposal should say how the host's exposure affects the mission's"
        " objectives, timing and exit."
    ),
    reference=Reference(
        "Pacific Islands Forum, Boe Declaration on Regional Security (2018)",
        "climate change remains the single greatest threat to the livelihoods, security and"
        " wellbeing of the peoples of the Pacific",
    ),
    severity=Severity.MINOR,
    attribute=Attribute(
        "Climate and disaster exposure addressed",
        (("not-addressed", 0), ("addressed", 100)),
        # What it values is the proposal's own account of itself; the other texts it
        # reads are facts other attributes own, read here as context only.
        ("identity.summary",),
    ),
    reads=(
        "location.region",
        "identity.summary",
        "strategic.humanitarian.rationale",
        "strategic.nz_security.rationale",
        "strategic.objectives",
        "strategic.end_state",
        "strategic.exit_strategy",
        "risk.force_protection.rationale",
        "alternatives[].description",
        "alternatives[].rationale",
    ),
    options=ClimateOptions,
    example=(
        "location: {region: pacific}\n"
        "identity: {summary: Restore law and order at the host's request.}"
    ),
)
def climate_exposure_addressed(p: Proposal, ctx: RuleContext) -> Iterable[Finding]:
    if not _is_pacific(p):
        return
    o = ctx.options
    assert isinstance(o, ClimateOptions)
    stated = [(f, t) for f, t in _texts(p) if t]
    if not stated:
        yield missing(
            "strategic",
            "The proposal has no summary or strategic rationale to say how the host's"
            " climate and disaster exposure affects the mission.",
        )
        return
    pattern = _words(o.climate_words)
    for field, text in stated:
        hit = pattern.search(text)
        if hit:
            yield rate(
                field,
                "addressed",
                f"The proposal addresses the host's climate or natural-hazard exposure"
                f" ('{hit.group(0)}').",
            )
            return
    yield rate(
        "identity.summary",
        "not-addressed",
        "The proposal does not say how the host's exposure to climate change and natural"
        " disasters affects the mission.",
        condition="State how climate and disaster exposure bears on the mission's objectives,"
        " its timing and its exit.",
    )


RULES: list[Rule] = [cyclone_season_evacuation, climate_exposure_addressed]
