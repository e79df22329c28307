"""What `pso explain` says of a profile's vetoes and must-have facts, as plain lines.

A veto id (`duty-of-care-protection-gap`) or a must-have fact (`risk.threat_level`) is
explained like a rule: what it is, what it rests on, when it applies, the verdict it
forces and how to lift it. Pure: a profile in, lines out; the command prints them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pso_cli.criteria.profile import Profile
    from pso_cli.criteria.vetoes import Value, VetoSpec
    from pso_cli.rules.api import Rule

__all__ = ["must_have_lines", "veto_lines"]


def _value(v: Value) -> str:
    return str(v).lower() if isinstance(v, bool) else str(v)


def _either(values: list[Value]) -> str:
    shown = [_value(v) for v in values]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


def _other(values: list[Value]) -> str:
    """What a fact must be for a `when` entry not to hold."""
    if all(isinstance(v, bool) for v in values):
        rest = [b for b in (True, False) if b not in values]
        return _either(list(rest)) if rest else "unknown"
    return f"other than {_either(values)}"


def veto_lines(veto_id: str, spec: VetoSpec, profile: Profile) -> list[str]:
    """A veto of `profile`: title, source, when and unless, the verdict it forces and the
    condition that lifts it."""
    lines = [
        f"{veto_id}  (a veto of the profile {profile.name}, not a rule of the catalogue)",
        spec.title,
        "",
        f"Forces: {spec.verdict}, whatever the score (a veto is non-compensatory)",
        "",
        "Rests on:",
        f"  {spec.source}",
        "",
        "Applies when every one of these holds:",
    ]
    lines += [f"  {path} is {_either(values)}" for path, values in spec.when.items()]
    if spec.unless:
        lines += [f"  and {spec.unless} is not stated"]
    lines += ["", "To lift it:"]
    if spec.condition:
        lines.append(f"  {spec.condition}")
    elif spec.unless:
        lines.append(f"  State {spec.unless}.")
    if not spec.condition or not spec.unless:
        lines += [
            f"  The veto no longer applies once {path} is {_other(values)}."
            for path, values in spec.when.items()
        ]
    return lines


def must_have_lines(path: str, profile: Profile, rules: list[Rule]) -> list[str]:
    """A must-have fact of `profile`: what its being unknown forces, and what reads it."""
    readers = sorted(
        r.code for r in rules if any(f == path or f.startswith(path + ".") for f in r.reads)
    )
    vetoes = sorted(v for v, s in profile.vetoes.items() if path in s.when or path == s.unless)
    lines = [
        f"{path}  (a must-have fact of the profile {profile.name}, not a rule of the catalogue)",
        "A fact the profile requires before pso recommends either way",
        "",
        "Forces: further-analysis while it is unknown, whatever the score; pso names it first"
        " under missing information",
        "",
        "To lift it:",
        f"  State {path} in the proposal.",
    ]
    if readers:
        lines += ["", "Read by the rules:", f"  {', '.join(readers)}"]
    if vetoes:
        lines += ["", "Read by the vetoes:", f"  {', '.join(vetoes)}"]
    return lines
