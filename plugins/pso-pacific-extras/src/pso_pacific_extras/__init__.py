"""Example pso rule pack: extra checks for deployments in the Pacific.

The rules live in `pso_pacific_extras.rules`, registered under the `pso_cli.rules`
entry-point group. That module is self-contained (no relative imports) so it can also be
loaded from its path with `pso assess --rules .../rules.py`.
"""

from pso_pacific_extras.rules import PACK_NAME, PACK_VERSION, RULES, __version__

__all__ = ["PACK_NAME", "PACK_VERSION", "RULES", "__version__"]
