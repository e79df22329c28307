"""Who New Zealand's key partners are, for STR-003: options and reference data.

A key partner is Australia, the host state, or a member of the Pacific Islands Forum
(and the Forum itself, which speaks for its members). The Forum's membership is data
(pacific_islands_forum.txt), the default of an option a profile may change.
"""

from __future__ import annotations

import functools
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field

from pso_cli.model.proposal import Proposal, Relationship
from pso_cli.rules.builtin.strategic._shared import host, party_key, same_party


@functools.cache
def forum_members() -> tuple[str, ...]:
    """The Forum's members, one entry each; a member's other names follow ' / '."""
    text = resources.files(__package__).joinpath("pacific_islands_forum.txt").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


class KeyPartners(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key_partners: tuple[str, ...] = Field(
        ("Australia", "Pacific Islands Forum"),
        description="Parties whose relationship with New Zealand weighs most, besides the "
        "host and the Forum's members.",
    )
    forum_members: tuple[str, ...] = Field(
        forum_members(),
        description="Members of the Pacific Islands Forum; a member's other names follow "
        "' / ' in its entry.",
    )


@functools.lru_cache(maxsize=64)
def _keys(entries: tuple[str, ...]) -> frozenset[str]:
    return frozenset(party_key(n) for e in entries for n in e.split(" / "))


def tier(party: str, the_host: str | None, o: KeyPartners) -> str | None:
    """Why `party` is a key partner (' (the host)'...), or None when it is not one."""
    if the_host is not None and same_party(party, the_host):
        return " (the host)"
    key = party_key(party)
    if key in _keys(o.key_partners):
        return " (a key partner)"
    return " (a Pacific Islands Forum member)" if key in _keys(o.forum_members) else None


def unlisted_host(p: Proposal, rels: list[Relationship]) -> str | None:
    """The host, when it is stated and none of the relationships listed is with it."""
    h = host(p)
    return h if h is not None and not any(same_party(r.party, h) for r in rels) else None
