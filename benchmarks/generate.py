"""Generate realistic synthetic proposals for benchmarking `pso`.

Each file starts from one of the sourced example proposals in `examples/` (and
`examples/history/`), then is varied deterministically from a seed: a new id, host and
name; enumerations changed so that verdicts and findings differ (gates failed, consent
contested, threats raised); optional sections dropped so that facts go missing; lists
of sources, relationships, objectives and roles grown or cut so that sizes range from
under 1 KB to about 20 KB. A share of files (5% by default) is made invalid in one of
the ways real proposals are: an unknown key, a bad enumeration value, a wrong type, a
missing required field, a duplicate key or a YAML syntax error.

    python benchmarks/generate.py OUT_DIR --count 4000 [--seed 7] [--invalid 0.05]
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

try:
    _Loader: Any = yaml.CSafeLoader
    _Dumper: Any = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader
    _Dumper = yaml.SafeDumper

HOSTS = (
    "Kaimoana Islands",
    "Te Moana Federation",
    "Republic of Northgate",
    "Southern Atoll States",
    "Eastland",
    "Westmark",
    "Lowland Union",
    "Coral Sea Territory",
    "Highland Republic",
    "Tasman Straits Confederacy",
)
PARTNERS = ("Australia", "Fiji", "Samoa", "Tonga", "Papua New Guinea", "Canada", "Japan")
ENUMS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("leadership", "arrangement"): (
        "un-led",
        "regional-organisation",
        "coalition",
        "bilateral",
        "nz-led",
    ),
    ("legal_basis", "host_consent", "status"): (
        "given",
        "given",
        "given",
        "partial",
        "contested",
        "withdrawn",
        "none",
    ),
    ("legal_basis", "status_of_forces", "status"): (
        "signed",
        "exchange-of-notes",
        "negotiating",
        "none",
    ),
    ("legal_basis", "use_of_force"): ("unarmed", "self-defence", "defence-of-mandate"),
    ("location", "region"): ("pacific", "pacific", "asia", "middle-east", "africa"),
    ("risk", "threat_level"): ("low", "moderate", "high", "extreme"),
    ("risk", "threat_trend"): ("improving", "stable", "deteriorating"),
    ("strategic", "nz_security", "effect"): ("advances", "neutral", "harms"),
    ("strategic", "humanitarian", "severity"): ("low", "moderate", "severe", "catastrophic"),
}
OPTIONAL_SECTIONS = (
    ("location", "duration_months"),
    ("leadership", "partners"),
    ("legal_basis", "security_council"),
    ("legal_basis", "status_of_forces"),
    ("legal_basis", "nz_authority"),
    ("legal_basis", "peace_agreement"),
    ("strategic", "humanitarian"),
    ("strategic", "exit_strategy"),
    ("strategic", "end_state"),
    ("contribution", "police"),
    ("risk",),
    ("alternatives",),
    ("strategic",),
    ("contribution",),
)
WORDS = tuple(
    " ".join(
        (
            "mission support logistics civilian police mandate review stability region partner",
            "capacity security council consent deployment rotation medical evacuation command",
            "humanitarian assistance recovery justice reform elections monitoring ceasefire",
        )
    ).split(" ")
)


def load_seeds(root: Path = EXAMPLES) -> list[dict[str, Any]]:
    """The valid example proposals, without their historical record."""
    seeds = []
    for path in sorted([*root.glob("*.yaml"), *root.glob("history/*.yaml")]):
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
        except yaml.YAMLError:
            continue
        if isinstance(data, dict) and data.get("pso_format") in (1, 2) and "identity" in data:
            data.pop("historical_record", None)
            data.pop("accepted_concerns", None)
            seeds.append(data)
    if not seeds:
        raise SystemExit(f"no example proposals found under {root}")
    return seeds


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _get(doc: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = doc
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def _set(doc: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    node = doc
    for key in path[:-1]:
        child = node.get(key)
        if not isinstance(child, dict):
            return  # the section is absent: leave it absent
        node = child
    node[path[-1]] = value


def _drop(doc: dict[str, Any], path: tuple[str, ...]) -> None:
    parent = _get(doc, path[:-1]) if len(path) > 1 else doc
    if isinstance(parent, dict):
        parent.pop(path[-1], None)


def _resize(doc: dict[str, Any], rng: random.Random, scale: float) -> None:
    """Grow or cut the lists that make real proposals long or short."""
    strategic = doc.get("strategic")
    if isinstance(strategic, dict):
        strategic["objectives"] = [
            _sentence(rng, rng.randint(6, 14)) for _ in range(int(4 * scale))
        ]
        strategic["relationships"] = [
            {
                "party": rng.choice(PARTNERS),
                "effect": rng.choice(("strengthens", "neutral", "strains")),
                "why": _sentence(rng, rng.randint(5, 12)),
            }
            for _ in range(int(3 * scale))
        ]
    doc["sources"] = [
        {
            "id": f"S{n + 1}",
            "title": _sentence(rng, rng.randint(4, 9)),
            "publisher": rng.choice(("MFAT", "UN", "NZDF", "Pacific Islands Forum")),
            "date": f"20{rng.randint(10, 29)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        }
        for n in range(int(6 * scale))
    ]
    nzdf = _get(doc, ("contribution", "nzdf"))
    if isinstance(nzdf, dict):
        nzdf["personnel"] = rng.choice((0, 4, 12, 35, 80, 150, 400, 1200))
        nzdf["roles"] = [_sentence(rng, 3)[:-1] for _ in range(int(3 * scale))]


def vary(seed_doc: dict[str, Any], rng: random.Random, index: int) -> dict[str, Any]:
    """One realistic variant of an example proposal."""
    doc = copy.deepcopy(seed_doc)
    host = rng.choice(HOSTS)
    doc["identity"]["id"] = f"gen-{index:06d}"
    doc["identity"]["name"] = f"{rng.choice(('Support', 'Assistance', 'Monitoring'))} to {host}"
    _set(doc, ("location", "host"), host)
    for path, values in ENUMS.items():
        if rng.random() < 0.3:
            _set(doc, path, rng.choice(values))
    if rng.random() < 0.2:
        _set(doc, ("leadership", "partners"), rng.sample(PARTNERS, rng.randint(0, 3)))
    for path in OPTIONAL_SECTIONS:
        if rng.random() < 0.08:
            _drop(doc, path)
    _resize(doc, rng, rng.choice((0.0, 0.5, 1.0, 1.0, 1.5, 2.0, 4.0, 8.0)))
    return doc


def _unknown_key(doc: dict[str, Any], rng: random.Random) -> None:
    doc["leadershp"] = doc.pop("leadership", {"arrangement": "coalition"})


def _bad_enum(doc: dict[str, Any], rng: random.Random) -> None:
    doc.setdefault("leadership", {})["arrangement"] = "un-lead"


def _wrong_type(doc: dict[str, Any], rng: random.Random) -> None:
    doc.setdefault("location", {})["duration_months"] = "about a year"


def _missing_required(doc: dict[str, Any], rng: random.Random) -> None:
    doc["identity"].pop("name", None)


MUTATIONS: tuple[Callable[[dict[str, Any], random.Random], None], ...] = (
    _unknown_key,
    _bad_enum,
    _wrong_type,
    _missing_required,
)


def render(doc: dict[str, Any], note: str) -> str:
    body = yaml.dump(
        doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88, default_flow_style=False
    )
    return f"# Synthetic proposal for benchmarking pso ({note}); not a real operation.\n{body}"


def proposal_text(
    seeds: list[dict[str, Any]], rng: random.Random, index: int, invalid: float
) -> str:
    doc = vary(rng.choice(seeds), rng, index)
    if rng.random() >= invalid:
        return render(doc, "valid format")
    kind = rng.randrange(len(MUTATIONS) + 2)
    if kind < len(MUTATIONS):
        MUTATIONS[kind](doc, rng)
        return render(doc, "invalid on purpose")
    text = render(doc, "invalid on purpose")
    if kind == len(MUTATIONS):  # a duplicate top-level key, which YAML would hide
        return text + "identity:\n  name: Duplicate\n  id: duplicate\n"
    return text + "risk: [unclosed, flow\n"  # a YAML syntax error


def generate(
    out: Path, count: int, seed: int = 7, invalid: float = 0.05, start: int = 0
) -> list[Path]:
    """Write `count` proposals into `out` (created), named so they sort in order."""
    out.mkdir(parents=True, exist_ok=True)
    seeds = load_seeds()
    paths = []
    for i in range(start, start + count):
        rng = random.Random(f"{seed}:{i}")
        path = out / f"p{i:06d}.yaml"
        path.write_text(proposal_text(seeds, rng, i, invalid), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="directory to write proposals into")
    parser.add_argument("--count", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--invalid", type=float, default=0.05, help="share made invalid")
    args = parser.parse_args(argv)
    paths = generate(args.out, args.count, args.seed, args.invalid)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} proposals ({size / len(paths) / 1024:.1f} KiB mean) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
