"""Criteria profiles: weights, thresholds and per-rule settings, resolved by name or path.

Profiles are YAML files (criteria/*.yaml in the repository, shipped in the wheel as
pso_cli/_profiles). `extends:` names a parent whose settings the child overrides.
Anything wrong is a located ConfigError (exit 4): a profile never silently changes a
recommendation.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pso_cli.criteria.vetoes import FieldPath, VetoSpec, check_must_have, check_veto
from pso_cli.errors import ConfigError, InputError, Location, Problem
from pso_cli.loading.load import parse_mapping
from pso_cli.loading.reader import read_bytes
from pso_cli.loading.source_map import SourceMap
from pso_cli.model.diagnostics import problems_from
from pso_cli.model.kinds import Consideration, Severity

DEFAULT_PROFILE = "nz-default"
VetoId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]{1,60}$")]
MAX_EXTENDS = 8


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Weight = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]


class Weights(_Strict):
    strategic: Weight = Field(0.25, description="Weight of strategic implications.")
    legality: Weight = Field(0.25, description="Weight of legality.")
    agencies: Weight = Field(0.25, description="Weight of agency implications.")
    alternatives: Weight = Field(0.25, description="Weight of alternative options.")

    @model_validator(mode="after")
    def _not_all_zero(self) -> Self:
        if not (self.strategic or self.legality or self.agencies or self.alternatives):
            raise ValueError(
                "every weight is zero, so no consideration would count; give at least one "
                "a weight above zero"
            )
        return self

    def of(self, c: Consideration) -> float:
        value: float = getattr(self, c.value)
        return value


class Thresholds(_Strict):
    recommend: Annotated[float, Field(ge=0, le=100)] = 70
    with_conditions: Annotated[float, Field(ge=0, le=100)] = 50
    min_completeness: Annotated[float, Field(ge=0, le=1)] = 0.0
    min_consideration_completeness: Annotated[float, Field(ge=0, le=1)] = 0.0

    @model_validator(mode="after")
    def _in_order(self) -> Self:
        if self.recommend < self.with_conditions:
            raise ValueError(
                f"thresholds out of order: recommend ({self.recommend:g}) is below "
                f"with_conditions ({self.with_conditions:g}); a score must reach "
                "with_conditions before it can reach recommend"
            )
        return self


class AttributeSetting(_Strict):
    """A scoring rule's attribute in this profile: its swing weight within its
    consideration, and optionally its value function (level -> 0..100) and the band the
    sensitivity analysis varies each value by."""

    weight: Annotated[float, Field(ge=0, le=1000, allow_inf_nan=False)]
    values: dict[str, Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]] | None = None
    band: Annotated[float, Field(ge=0, le=50, allow_inf_nan=False)] | None = None


class RuleSetting(_Strict):
    enabled: bool = True
    severity: Severity | None = None
    options: dict[str, Any] = Field(default_factory=dict)


class ProfileFile(_Strict):
    # Built on first use: `pso validate` imports this model for every file it checks but
    # needs it only for a profile.
    model_config = ConfigDict(defer_build=True)

    profile_format: Literal[1]
    name: str = Field(min_length=1, max_length=80)
    description: str | None = None
    extends: str | None = None
    weights: Weights = Weights()
    thresholds: Thresholds = Thresholds()
    rules: dict[str, RuleSetting] = Field(default_factory=dict)
    commitments: str | None = Field(None, description="Default commitments file (path).")
    attributes: dict[str, AttributeSetting] = Field(
        default_factory=dict,
        description="Swing weight (and value function) of each scoring rule's attribute, "
        "by rule code or name.",
    )
    vetoes: dict[VetoId, VetoSpec] = Field(
        default_factory=dict, description="Non-compensatory vetoes, by id (see criteria/vetoes)."
    )
    must_have: list[FieldPath] | None = Field(
        None, description="Facts without which pso gives further-analysis (replaces the parent's)."
    )


@dataclass(frozen=True)
class Profile:
    """A fully resolved profile, with where it came from for the audit block."""

    name: str
    description: str
    origin: str
    sha256: str
    weights: Weights
    thresholds: Thresholds
    rules: dict[str, RuleSetting]
    rule_lines: dict[str, tuple[str, int, int]]  # key -> (file, line, col) for errors
    commitments: str | None
    data: dict[str, Any]
    vetoes: dict[str, VetoSpec] = field(default_factory=dict)  # enabled ones, by id
    must_have: tuple[str, ...] = ()
    attributes: dict[str, AttributeSetting] = field(default_factory=dict)
    attribute_lines: dict[str, tuple[str, int, int]] = field(default_factory=dict)


def packaged_dir() -> Path | None:
    """Profiles shipped in the wheel, or criteria/ of a source checkout."""
    shipped = resources.files("pso_cli").joinpath("_profiles")
    if shipped.is_dir():
        return Path(str(shipped))
    source = Path(__file__).resolve().parents[3] / "criteria"
    return source if source.is_dir() else None


def available() -> list[str]:
    base = packaged_dir()
    return sorted(p.stem for p in base.glob("*.yaml")) if base else []


def locate(ref: str, relative_to: Path | None = None) -> Path:
    """A profile by path or packaged name. A relative path in `extends:` is read from the
    extending profile's own folder (`relative_to`), never from the working directory:
    the verdict must not depend on where pso runs."""
    if ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref:
        path = Path(ref)
        if not path.is_absolute() and relative_to is not None:
            path = relative_to / ref
        return path
    base = packaged_dir()
    if base is None or not (base / f"{ref}.yaml").is_file():
        names = ", ".join(available()) or "none installed"
        raise ConfigError(
            [Problem(Location(ref), f"no profile named '{ref}' (available: {names})", "profile")]
        )
    return base / f"{ref}.yaml"


RENAMED_THRESHOLDS = {  # pso 0.1 names, still read
    "min_confidence": "min_completeness",
    "min_consideration_confidence": "min_consideration_completeness",
}


def _read(path: Path) -> tuple[dict[str, Any], SourceMap, bytes]:
    try:
        data = read_bytes(str(path))
        value, smap = parse_mapping(data, str(path))
    except InputError as exc:
        raise ConfigError(exc.problems) from None
    thresholds = value.get("thresholds")
    if isinstance(thresholds, dict):
        for old, new in RENAMED_THRESHOLDS.items():
            if old in thresholds and new not in thresholds:
                thresholds[new] = thresholds.pop(old)
                smap.rename(("thresholds", old), ("thresholds", new))
    return value, smap, data


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    out = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _chain(ref: str) -> list[tuple[Path, dict[str, Any], SourceMap, bytes]]:
    chain = []
    path = locate(ref)
    while True:
        value, smap, raw = _read(path)
        chain.append((path, value, smap, raw))
        parent = value.get("extends")
        if not parent:
            return chain
        if len(chain) > MAX_EXTENDS or any(parent in (str(p), p.stem) for p, *_ in chain):
            line, col = smap.value(("extends",))
            raise ConfigError.at(
                str(path),
                line,
                col,
                f"'extends: {parent}' makes a cycle or a chain too long",
                "profile",
            )
        path = locate(str(parent), path.parent)


def load_profile(ref: str = DEFAULT_PROFILE) -> Profile:
    """Resolve a profile by packaged name or path, following `extends:`."""
    chain = _chain(ref)
    merged: dict[str, Any] = {}
    rule_lines: dict[str, tuple[str, int, int]] = {}
    attribute_lines: dict[str, tuple[str, int, int]] = {}
    for path, value, smap, _ in reversed(chain):
        try:
            ProfileFile.model_validate(value)  # each file valid on its own, located
        except ValidationError as exc:
            raise ConfigError(problems_from(exc, smap, ProfileFile)) from None
        for key in value.get("rules") or {}:
            rule_lines[key] = (str(path), *smap.key(("rules", key)))
        for key in value.get("attributes") or {}:
            attribute_lines[key] = (str(path), *smap.key(("attributes", key)))
        merged = _merge(merged, value)
    merged["name"] = chain[0][1].get("name")
    try:  # each file was valid alone; together (weights, thresholds) they must be too
        resolved = ProfileFile.model_validate(merged)
    except ValidationError as exc:
        raise ConfigError(problems_from(exc, chain[0][2], ProfileFile)) from None
    _check_against_format(resolved, chain)
    digest = hashlib.sha256(b"".join(raw for *_, raw in chain)).hexdigest()
    return Profile(
        name=resolved.name,
        description=resolved.description or "",
        origin=str(chain[0][0]),
        sha256=digest,
        weights=resolved.weights,
        thresholds=resolved.thresholds,
        rules=dict(resolved.rules),
        rule_lines=rule_lines,
        commitments=resolved.commitments,
        data={k: v for k, v in merged.items() if k != "extends"},
        vetoes={k: v for k, v in sorted(resolved.vetoes.items()) if v.enabled},
        must_have=tuple(resolved.must_have or ()),
        attributes=dict(resolved.attributes),
        attribute_lines=attribute_lines,
    )


def _where(
    chain: list[tuple[Path, dict[str, Any], SourceMap, bytes]], *path: str | int
) -> tuple[str, int, int]:
    """The file and position that last set `path` in an extends chain."""
    for file, value, smap, _ in chain:  # the child first: it overrides its parents
        node: Any = value
        for seg in path:
            if isinstance(node, dict):
                node = node.get(seg)
            elif isinstance(node, list) and isinstance(seg, int) and seg < len(node):
                node = node[seg]
            else:
                node = None
        if node is not None:
            return (str(file), *smap.key(path))
    return (str(chain[0][0]), 1, 1)


def _check_against_format(
    resolved: ProfileFile, chain: list[tuple[Path, dict[str, Any], SourceMap, bytes]]
) -> None:
    """Vetoes and must-have facts must name real fields and values: fail closed."""
    from pso_cli.model.proposal import Proposal

    problems = []
    for key, spec in resolved.vetoes.items():
        for message in check_veto(Proposal, spec) if spec.enabled else ():
            problems.append(
                Problem(
                    Location(*_where(chain, "vetoes", key)), f"veto {key}: {message}", "profile"
                )
            )
    for i, path in enumerate(resolved.must_have or ()):
        wrong = check_must_have(Proposal, path)
        if wrong:
            problems.append(Problem(Location(*_where(chain, "must_have", i)), wrong, "profile"))
    if problems:
        raise ConfigError(problems)
