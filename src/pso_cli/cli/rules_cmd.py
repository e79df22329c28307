"""`pso rules` and `pso explain`: the rule catalogue, built-in and plugin alike."""

from __future__ import annotations

import json
import shutil
import sys
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from pso_cli.criteria.profile import Profile as ProfileData
    from pso_cli.criteria.vetoes import VetoSpec
    from pso_cli.rules.api import Rule

Profile = Annotated[
    str,
    typer.Option(
        "--profile", "-p", metavar="NAME|PATH", help="Criteria profile whose vetoes to explain."
    ),
]
RulesOpt = Annotated[
    list[str] | None, typer.Option("--rules", metavar="PATH", help="Add a local rule pack module.")
]


def list_rules(
    rules: RulesOpt = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="text or json.")
    ] = "text",
    width: Annotated[
        int | None, typer.Option("--width", min=40, metavar="COLS", help="Text table width.")
    ] = None,
) -> None:
    """List every rule with code, name, consideration and default severity."""
    if output_format not in ("text", "json"):
        raise typer.BadParameter(
            f"'{output_format}' is not one of: text, json", param_hint="--format"
        )
    from pso_cli.rules.registry import build_registry

    registry = build_registry(tuple(rules or ()))
    if output_format == "json":
        doc = [
            {
                "code": r.code,
                "name": r.name,
                "consideration": r.consideration.value,
                "severity": r.severity.value,
                "gate": r.gate,
                "title": r.title,
            }
            for r in registry.rules.values()
        ]
        sys.stdout.write(json.dumps(doc, indent=2) + "\n")
        return
    print_rules(list(registry.rules.values()), width)


def print_rules(rules: list[Rule], width: int | None = None) -> None:
    """One table per consideration, each rule's name over its title, so the table reads
    at 80 columns (long names and titles wrap in one column, not five)."""
    from rich.table import Table
    from rich.text import Text

    from pso_cli.model.findings import Consideration
    from pso_cli.render.text import make_console

    console = make_console(width=width)
    console.print(f"{len(rules)} rules; gates are marked. Details: pso explain CODE")
    for consideration in Consideration:
        group = [r for r in rules if r.consideration == consideration]
        if not group:
            continue
        # The title as its own line: rich pads a table's title with spaces to the width.
        console.print(Text(f"{consideration.title} ({len(group)})", style="italic"))
        table = Table()
        table.add_column("Code", no_wrap=True)
        table.add_column("Rule", ratio=1)
        table.add_column("Severity", no_wrap=True)
        for r in group:
            label = Text.assemble((r.name, "bold"), "\n", r.title)
            table.add_row(r.code, label, r.severity.value + (" (gate)" if r.gate else ""))
        console.print(table)


def explain(
    code: Annotated[
        str,
        typer.Argument(
            metavar="CODE",
            help="Rule code (LEG-001) or name, a veto id or a must-have fact of the profile.",
        ),
    ],
    rules: RulesOpt = None,
    width: Annotated[
        int | None, typer.Option("--width", min=40, metavar="COLS", help="Wrap prose at COLS.")
    ] = None,
    profile: Profile = "nz-default",
) -> None:
    """Show a rule's rationale, reference, fields read, options and an example; or a
    profile's veto (title, source, when and unless, the verdict it forces, how to lift it)
    or must-have fact."""
    from pso_cli.rules.registry import build_registry

    registry = build_registry(tuple(rules or ()))
    r = registry.by_name_or_code(code)
    width = width or shutil.get_terminal_size((100, 24)).columns
    if r is None and _explain_pseudo(code, width):
        return
    if r is None and _explain_profile(code, profile, list(registry.rules.values()), width):
        return
    if r is None:
        import difflib

        from pso_cli.rules.pseudo import PSEUDO

        loaded = _profile(profile)
        ids = [*loaded.vetoes, *loaded.must_have]
        known = [*registry.rules, *PSEUDO]
        close = difflib.get_close_matches(code.upper(), known, n=1) or difflib.get_close_matches(
            code, ids, n=1
        )
        hint = f"; did you mean {close[0]}?" if close else "; see `pso rules`"
        print(
            f"pso: no rule '{code}' (nor a veto or must-have fact of {profile}){hint}",
            file=sys.stderr,
        )
        raise typer.Exit(2)
    options = r.options.model_json_schema().get("properties", {})
    lines = [
        f"{r.code}  {r.name}" + ("  (gate)" if r.gate else ""),
        f"{r.title}",
        "",
        f"Consideration: {r.consideration.title}",
        f"Default severity: {r.severity.value}",
        "",
        "Why:",
        f"  {r.rationale}",
        "",
        "Rests on:",
        f"  {r.reference}",
    ]
    if r.reference.url:
        lines.append(f"  {r.reference.url}")
    lines += _attribute(r)
    lines += ["", "Fields read:"] + [f"  {f}" for f in r.reads or ("(none declared)",)]
    lines += ["", "Options:"] + (
        [
            f"  {k} = {v.get('default')!r}  {v.get('description', '')}".rstrip()
            for k, v in options.items()
        ]
        or ["  (none)"]
    )
    if r.code == "LEG-001":
        lines += _decision_table()
    prose = _wrapped(lines, width)
    if r.example:  # YAML: never wrapped, so it can be copied as it is
        prose += ["", "Example that makes it fire:"] + [
            f"  {x}" for x in r.example.strip().splitlines()
        ]
    sys.stdout.write("\n".join(prose) + "\n")
    if code in (also := _profile_vetoes(profile)):  # a rule's name that is also a veto id
        from pso_cli.render.explain_profile import veto_lines

        lines = ["", f"{code} is also a veto of the profile:", ""]
        lines += veto_lines(code, also[code], _profile(profile))
        sys.stdout.write("\n".join(_wrapped(lines, width)) + "\n")


def _profile(ref: str) -> ProfileData:
    from pso_cli.criteria.profile import load_profile

    return load_profile(ref)


def _profile_vetoes(ref: str) -> dict[str, VetoSpec]:
    return _profile(ref).vetoes


def _explain_pseudo(code: str, width: int) -> bool:
    """PSO-VERDICT, PSO-FRAGILE, PSO-ACCEPTANCE and PSO-INPUT: pso's own checks, reported
    like rules."""
    from pso_cli.criteria.profile import load_profile
    from pso_cli.rules.pseudo import find

    p = find(code)
    if p is None:
        return False
    t = load_profile("nz-default").thresholds
    values = {"recommend": t.recommend, "with_conditions": t.with_conditions}
    lines = [f"{p.code}  {p.name}  (reported by pso itself, not a rule of the catalogue)"]
    lines += [p.title]
    for x in p.lines:
        lines += ([] if x[:1].isdigit() else [""]) + [x.format(**values, profile="nz-default")]
    sys.stdout.write("\n".join(_wrapped(lines, width)) + "\n")
    return True


def _explain_profile(code: str, ref: str, rules: list[Rule], width: int) -> bool:
    """A veto id or a must-have fact of the profile `ref`, explained like a rule."""
    from pso_cli.render.explain_profile import must_have_lines, veto_lines

    profile = _profile(ref)
    if code in profile.vetoes:
        lines = veto_lines(code, profile.vetoes[code], profile)
    elif code in profile.must_have:
        lines = must_have_lines(code, profile, rules)
    else:
        return False
    sys.stdout.write("\n".join(_wrapped(lines, width)) + "\n")
    return True


def _attribute(r: Rule) -> list[str]:
    """A scoring rule's attribute: its levels, worst first, with their default values."""
    a = r.attribute
    if a is None:
        return ["", "Scores: nothing (it reports; only attributes move the score)"]
    levels = ", ".join(f"{name} {value:g}" for name, value in a.levels)
    return [
        "",
        f"Attribute: {a.title}",
        f"  levels, worst first, with their default values: {levels}",
        "  (a profile sets the swing weight and may change the values: pso criteria show)",
        f"  owns: {', '.join(a.owns)}",
    ]


def _decision_table() -> list[str]:
    """The legal analysis's decision table (law/table.py), first matching row decides."""
    from pso_cli.law.table import describe

    out = ["", "Decision table (per place where the operation acts; the first row that matches):"]
    for number, where, when, outcome, basis, why, source in describe():
        named = "" if basis == "none" else f", basis {basis}"
        out += [f"  {number:>2}. {where}: {when} -> {outcome}{named}", f"      {why} ({source})"]
    return out


def _wrapped(lines: list[str], width: int) -> list[str]:
    """Each line wrapped at word boundaries, continuing at its own indent; addresses and
    long words are never broken."""
    import textwrap

    out: list[str] = []
    for line in lines:
        indent = " " * (len(line) - len(line.lstrip(" ")))
        out += textwrap.wrap(
            line,
            width=width,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]
    return out
