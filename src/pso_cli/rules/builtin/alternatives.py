"""alternatives rules."""

from pso_cli.rules.api import Rule

RULES: list[Rule] = []
