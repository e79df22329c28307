"""The profile's swing weights and value functions, joined to the active rules' attributes.

Fail closed: an active scoring rule whose attribute has no swing weight in the profile, a
profile entry that names no scoring rule, or a value function that does not fit the
attribute's levels is a located configuration error (exit 4). A rule pack can therefore
move the score only through an attribute the profile has weighed.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from pso_cli.criteria.profile import AttributeSetting, Profile
from pso_cli.engine.value import AttributeModel
from pso_cli.errors import ConfigError, Location, Problem
from pso_cli.rules.api import Rule

DEFAULT_BAND = 10.0


def _at(profile: Profile, key: str) -> Location:
    path, line, col = profile.attribute_lines.get(key, (profile.origin, 1, 1))
    return Location(path, line, col, f"attributes.{key}")


def _values(rule: Rule, setting: AttributeSetting) -> tuple[dict[str, float], str | None]:
    """The value function the profile sets (or the rule's), and what is wrong with it."""
    assert rule.attribute is not None
    levels = [name for name, _ in rule.attribute.levels]
    if setting.values is None:
        return dict(rule.attribute.levels), None
    given = setting.values
    if sorted(given) != sorted(levels):
        return {}, f"values must give each level of {rule.code} exactly once: {', '.join(levels)}"
    ordered = [given[name] for name in levels]
    if ordered != sorted(ordered) or ordered[0] != 0 or ordered[-1] != 100:
        return {}, (
            f"values of {rule.code} must run from 0 (its worst level, {levels[0]}) to 100 "
            f"(its best, {levels[-1]}) and never go down between them"
        )
    return dict(given), None


def _settings(profile: Profile, rules: Sequence[Rule]) -> dict[str, tuple[str, AttributeSetting]]:
    by_key = {r.code: r for r in rules} | {r.name: r for r in rules}
    found: dict[str, tuple[str, AttributeSetting]] = {}
    problems = []
    for key, setting in profile.attributes.items():
        r = by_key.get(key) or by_key.get(key.upper())
        if r is None or r.attribute is None:
            problems.append(
                Problem(_at(profile, key), f"no scoring rule '{key}' to weigh", "profile")
            )
        else:
            found[r.code] = (key, setting)
    if problems:
        raise ConfigError(problems)
    return found


def _segments(path: str) -> list[str]:
    return path.replace("[]", "").split(".")


def overlaps(a: str, b: str) -> bool:
    """One field path equals the other or lies inside it; `*` matches any one field."""
    sa, sb = _segments(a), _segments(b)
    n = min(len(sa), len(sb))
    return all(x == y or "*" in (x, y) for x, y in zip(sa[:n], sb[:n], strict=True))


def _each_fact_once(scoring: Sequence[Rule]) -> None:
    """Two active attributes may not own one field: a rule pack that claims a fact a
    built-in (or another pack) already weighs would count it twice. Fail closed."""
    owned = [(r, path) for r in scoring for path in (r.attribute.owns if r.attribute else ())]
    for i, (ra, pa) in enumerate(owned):
        for rb, pb in owned[i + 1 :]:
            if ra.code != rb.code and overlaps(pa, pb):
                raise ConfigError.at(
                    "rules", 1, 1,
                    f"{rb.code} and {ra.code} both weigh {pb} ({pa}): each fact may belong "
                    "to one attribute only",
                    "plugin",
                )  # fmt: skip


def attribute_models(profile: Profile, rules: Sequence[Rule]) -> tuple[AttributeModel, ...]:
    """One model per active scoring rule, in rule order."""
    scoring = [r for r in rules if r.attribute is not None]
    _each_fact_once(scoring)
    settings = _settings(profile, scoring)
    problems = []
    out = []
    for r in scoring:
        assert r.attribute is not None
        if r.code not in settings:
            problems.append(
                Problem(
                    Location(profile.origin, 1, 1, "attributes"),
                    f"scoring rule {r.code} ({r.name}) has no swing weight: add "
                    f"attributes: {{{r.code}: {{weight: ...}}}} to the profile",
                    "profile",
                )
            )
            continue
        key, setting = settings[r.code]
        values, wrong = _values(r, setting)
        if wrong:
            problems.append(Problem(_at(profile, key), wrong, "profile"))
            continue
        levels = tuple(name for name, _ in r.attribute.levels)
        band = DEFAULT_BAND if setting.band is None else setting.band
        out.append(
            AttributeModel(
                r.code, r.consideration, r.attribute.title, levels, values, setting.weight, band
            )
        )
    if problems:
        raise ConfigError(problems)
    return tuple(out)


def check_veto_levels(
    profile: Profile, models: Sequence[AttributeModel], known: Collection[str]
) -> None:
    """A veto on a rated level must name a scoring rule (`known`: every registered one)
    and levels its attribute has. A rule the profile leaves out leaves the veto unknown."""
    by_code = {m.code: m for m in models}
    out = []
    for key, spec in profile.vetoes.items():
        for code, levels in spec.levels.items():
            m = by_code.get(code)
            if m is None and code in known:
                continue
            if m is None:
                said = f"veto {key}: levels: no scoring rule {code}"
            elif bad := [x for x in levels if x not in m.levels]:
                said = f"veto {key}: {code} has no level {bad[0]!r}; it has: {', '.join(m.levels)}"
            else:
                continue
            out.append(Problem(Location(profile.origin, 1, 1, "vetoes"), said, "profile"))
    if out:
        raise ConfigError(out)
