"""STR-003 relationship-effects: the worst strained (else best strengthened) relationship,
by whether it is with a key partner: Australia, the host, a Pacific Islands Forum member."""

from __future__ import annotations

from collections.abc import Iterator

from pso_cli.model.enums import RelationshipEffect as RE
from pso_cli.model.proposal import Proposal, Relationship
from pso_cli.rules.api import Attribute, Finding, RuleContext, info, missing, rate, rule
from pso_cli.rules.builtin.strategic._partners import KeyPartners, tier, unlisted_host
from pso_cli.rules.builtin.strategic._shared import STRATEGIC, S, clause, host, names, party_key

FIELD = "strategic.relationships"
LEVELS = (("strains-key-partner", 0), ("strains-other", 35), ("neutral", 55),
          ("strengthens-other", 75), ("strengthens-key-partner", 100))  # fmt: skip
NEUTRAL = 2  # the index of "neutral": below it strains, above it strengthens
RANK: dict[tuple[RE | None, bool], int] = {  # (effect, with a key partner) -> LEVELS index
    (RE.STRAINS, True): 0, (RE.STRAINS, False): 1, (RE.NEUTRAL, True): 2, (RE.NEUTRAL, False): 2,
    (RE.STRENGTHENS, False): 3, (RE.STRENGTHENS, True): 4,
}  # fmt: skip


@rule(
    code="STR-003",
    name="relationship-effects",
    consideration=S,
    title="Effect of the operation on New Zealand's relationships with other countries",
    rationale=(
        "The policy weighs an operation's effect on New Zealand's relationships with other "
        "countries, and they do not weigh alike: a strain with Australia, the host or a "
        "Pacific partner costs more than one with a distant party. The worst strain sets the "
        "level whatever else is strengthened; listing a party twice changes nothing."
    ),
    reference=STRATEGIC,
    attribute=Attribute("Relationships with other countries", LEVELS, (FIELD,)),
    reads=(FIELD, "location.host"),
    options=KeyPartners,
    example="location: {host: Testland}\nstrategic:\n  relationships:\n"
    "    - {party: Testland, effect: strengthens}\n    - {party: Neighbourland, effect: strains}\n",
)
def relationship_effects(p: Proposal, ctx: RuleContext) -> Iterator[Finding]:
    o = ctx.options
    assert isinstance(o, KeyPartners)
    rels = p.strategic.relationships if p.strategic else []
    if not rels:
        yield missing(FIELD, "The proposal does not say how the operation affects relationships.")
        return
    key = [tier(r.party, host(p), o) is not None for r in rels]
    ranks = [RANK.get((r.effect, k)) for r, k in zip(rels, key, strict=True)]
    stated = [r for r in ranks if r is not None]
    rank = min(stated) if min(stated, default=NEUTRAL) < NEUTRAL else max(stated, default=None)
    unlisted = unlisted_host(p, rels)
    # An unstated effect may be a strain: the level is known only if none could lower it.
    floor = [0 if k else 1 for k, r in zip(key, ranks, strict=True) if r is None]
    if rank is None or any(f < rank for f in [*floor, *([0] if unlisted else [])]):
        for i, r in enumerate(rels):
            if r.effect is None:
                yield missing(
                    f"{FIELD}[{i}].effect", f"The effect on relations with {r.party} is not stated."
                )
        if unlisted:
            yield missing(FIELD, f"The relationships listed leave out the host, {unlisted}.")
        return
    if unlisted:
        yield info(FIELD, f"The relationships listed leave out the host, {unlisted}.")
    first = {party_key(rels[i].party): i for i in reversed(range(len(rels))) if ranks[i] == rank}
    at = sorted(first.values())  # each party once, where it is first listed at this level
    field = f"{FIELD}[{at[0]}].effect" if rank != NEUTRAL else FIELD
    yield from _rated(field, LEVELS[rank][0], [rels[i] for i in at], host(p), o)


def _rated(
    field: str, level: str, rels: list[Relationship], the_host: str | None, o: KeyPartners
) -> Iterator[Finding]:
    if level == "neutral":
        yield rate(field, level, "The operation would leave the relationships listed unchanged.")
        return
    who = names(f"{r.party}{tier(r.party, the_host, o) or ''}" for r in rels)
    why = f": {clause(rels[0].why)}" if len(rels) == 1 and rels[0].why else ""
    if level in ("strengthens-key-partner", "strengthens-other"):
        yield rate(field, level, f"The operation would strengthen relationships with {who}{why}.")
        return
    what = "the relationship" if len(rels) == 1 else "relationships"
    act = f"Consult {names(r.party for r in rels)} and address the objections before deployment."
    yield rate(field, level, f"The operation would strain {what} with {who}{why}.", act)


RULE = relationship_effects
