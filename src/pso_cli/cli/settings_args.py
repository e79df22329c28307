"""The options of `pso assess` that are settings, resolved through every layer.

Shared by `pso assess` and `pso config show` (which takes assess's own options, so a
command line can be checked by putting `config show` in place of `assess`).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any, get_type_hints

import typer

# parameter of `assess` -> the setting it gives
SETTING_OF = {
    "profile": "profile",
    "fail_on": "fail_on",
    "output_format": "format",
    "exclude": "exclude",
    "rules": "rules",
    "commitments": "commitments",
}

OptionalPaths = Annotated[
    list[str] | None,
    typer.Argument(
        help="Accepted, so that an assess command line can be shown as it is; the "
        "settings do not depend on the paths.",
        show_default=False,
        metavar="PATH...",
    ),
]


def resolve(
    options: dict[str, Any], check_code: bool = True
) -> tuple[dict[str, Any], dict[str, str]]:
    """Effective settings and their sources for these assess options; a bad PSO_*
    value is a usage error naming the variable (exit 2), as a bad flag is."""
    from pso_cli.config import resolve_with_sources
    from pso_cli.config_keys import EnvSettingError

    flags = {setting: options.get(param) for param, setting in SETTING_OF.items()}
    try:
        return resolve_with_sources(
            config=options.get("config"),
            no_config=bool(options.get("no_config")),
            allow_config_rules=bool(options.get("allow_config_rules")),
            flags=flags,
            check_code=check_code,
        )
    except EnvSettingError as exc:
        hint = f"environment variable {exc.variable}"
        raise typer.BadParameter(exc.message, param_hint=hint) from None


def with_options_of(template: Callable[..., Any]) -> Callable[[Callable[..., Any]], Any]:
    """Give the decorated command (taking **options) the options of `template`, its
    PATH argument made optional."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(command)
        def run(**options: Any) -> Any:
            return command(**options)

        hints = get_type_hints(template, include_extras=True)
        params = [
            p.replace(annotation=OptionalPaths, default=None)
            if p.name == "paths"
            else p.replace(annotation=hints.get(p.name, p.annotation))
            for p in inspect.signature(template, eval_str=True).parameters.values()
        ]
        run.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in params}
        del run.__wrapped__  # Typer must read this signature, not the command's
        return run

    return decorate
