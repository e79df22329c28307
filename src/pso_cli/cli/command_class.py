"""How pso's commands print their arguments: `PATH...`, `[FILE]`, `OLD NEW`.

Typer's own usage line writes a required argument in braces with its type beside it
(`{PATH...}...`, `PATH... <list[str]>`), and a name in lower case when no metavar is
given (`{files}...`). Every pso command uses this class instead: an argument shows as
its metavar (or its name in capitals), `...` once when it takes several values, in
brackets when optional, and never with a type. Written against the attributes Click
and Typer share (param_type_name, metavar, nargs, required), so it behaves the same
on the Typer versions pso supports, with Click bundled or not.
"""

from __future__ import annotations

import sys
from typing import Any

from typer.core import TyperCommand


def display_name(param: Any) -> str:
    """An argument's name as the usage line and the help show it."""
    name = str(param.metavar or (param.name or "").upper())
    if param.nargs != 1 and not name.endswith("..."):
        name += "..."
    return name


def _no_type(*_args: Any, **_kwargs: Any) -> None:
    return None


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


class PsoCommand(TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if _is_argument(param):
                param.metavar = display_name(param)
                if hasattr(param, "display_type_rich"):  # Typer 0.2x: `<list[str]>`
                    param.display_type_rich = _no_type

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """No arguments where some are needed: the help on stderr and exit 2, a usage
        error, as Click 8.2 and later do (8.1 printed it on stdout and exited 0)."""
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            sys.stderr.write(ctx.get_help() + "\n")
            ctx.exit(2)
        result: list[str] = super().parse_args(ctx, args)
        return result

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if not _is_argument(param):
                pieces.extend(param.get_usage_pieces(ctx))
            elif param.required:
                pieces.append(display_name(param))
            else:
                pieces.append(f"[{display_name(param)}]")
        return pieces
