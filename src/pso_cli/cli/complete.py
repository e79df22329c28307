"""Shell completion of option values: formats, profiles, verdicts and rule codes (with
veto ids and must-have facts for `pso explain`).

Typer's `autocompletion=` callbacks (each takes the word typed so far); `pso explain`'s
CODE gets its callback when the command is registered (`completing`), so rules_cmd.py
declares nothing for it.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from copy import copy
from typing import Annotated, Any, get_args, get_type_hints

from typer.models import ParameterInfo


def _starting(values: list[str], incomplete: str) -> list[str]:
    return [v for v in values if v.lower().startswith(incomplete.lower())]


def formats(incomplete: str) -> list[str]:
    from pso_cli.render import FORMATS

    return _starting(list(FORMATS), incomplete)


def verdicts(incomplete: str) -> list[str]:
    from pso_cli.config_keys import FAIL_ON

    return _starting(list(FAIL_ON), incomplete)


def profiles(incomplete: str) -> list[str]:
    """The packaged profiles by name (a profile file is a path: the shell's to complete)."""
    from pso_cli.criteria.profile import available

    return _starting(available(), incomplete)


def rule_codes(incomplete: str) -> list[tuple[str, str]]:
    """What `pso explain` takes: codes of the rules pso knows (its own and installed packs),
    pso's own codes, and the default profile's veto ids and must-have facts, each with
    its title."""
    from pso_cli.criteria.profile import load_profile
    from pso_cli.rules.pseudo import PSEUDO
    from pso_cli.rules.registry import build_registry

    rules = build_registry(()).rules
    titles = {code: r.title for code, r in rules.items()}
    titles.update({code: p.title for code, p in PSEUDO.items()})
    try:
        profile = load_profile()
    except Exception:  # a broken profile must not break completion of the rest
        profile = None
    if profile is not None:
        titles.update({v: f"Veto (forces {s.verdict})" for v, s in profile.vetoes.items()})
        titles.update({f: "Must-have fact (unknown: further-analysis)" for f in profile.must_have})
    return [(code, titles[code]) for code in _starting(list(titles), incomplete)]


def completing(
    command: Callable[..., Any], param: str, complete: Callable[[str], Any]
) -> Callable[..., Any]:
    """`command` with `complete` as the completion of its parameter `param`."""
    hints = get_type_hints(command, include_extras=True)
    base, *extras = get_args(hints[param])
    infos = [copy(x) if isinstance(x, ParameterInfo) else x for x in extras]
    for info in infos:
        if isinstance(info, ParameterInfo):
            info.autocompletion = complete

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        return command(*args, **kwargs)

    own = inspect.signature(command, eval_str=True)
    annotated = Annotated.__class_getitem__((base, *infos))  # type: ignore[attr-defined]
    params = [
        p.replace(annotation=annotated if p.name == param else hints.get(p.name, p.annotation))
        for p in own.parameters.values()
    ]
    run.__signature__ = own.replace(parameters=params)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in params}
    return run
