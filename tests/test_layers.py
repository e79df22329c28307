"""The import layers, read from the source with ast (every import counts: module-level,
function-level and TYPE_CHECKING alike).

- the core (everything in pso_cli except cli/ and render/) never imports pso_cli.cli,
  typer or rich: it runs without a terminal, as a library;
- render never imports pso_cli.cli;
- model and loading never import engine, rules, render or cli.

`pso_cli/__main__.py` is the `python -m pso_cli` entry point: it is the CLI's, not the core's.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "pso_cli"
ENTRY_POINTS = {"__main__.py"}
UPPER = ("pso_cli.engine", "pso_cli.rules", "pso_cli.render", "pso_cli.cli")
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "core": ("pso_cli.cli", "typer", "rich"),
    "render": ("pso_cli.cli",),
    "model": UPPER,
    "loading": UPPER,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, source: str | None = None) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in the file (or in `source` as if it
    were that file); `from a import b` gives both a and a.b, since b may be a module."""
    package = module_name(path).rsplit(".", 0 if path.name == "__init__.py" else 1)[0]
    text = path.read_text(encoding="utf-8") if source is None else source
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def layers(path: Path) -> list[str]:
    """The layers a source file belongs to."""
    top = path.relative_to(PACKAGE).parts[0]
    if top in ("cli", "render"):
        return [top] if top == "render" else []
    if path.name in ENTRY_POINTS and path.parent == PACKAGE:
        return []
    return ["core", *([top] if top in FORBIDDEN else [])]


def violates(name: str, forbidden: tuple[str, ...]) -> bool:
    return any(name == f or name.startswith(f + ".") for f in forbidden)


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(PACKAGE)) for p in SOURCES])
def test_imports_respect_the_layers(path: Path) -> None:
    bad = [
        f"{path.relative_to(PACKAGE)}:{line}: {layer} imports {name}"
        for layer in layers(path)
        for line, name in imports(path)
        if violates(name, FORBIDDEN[layer])
    ]
    assert bad == []


def test_the_check_sees_local_and_relative_imports() -> None:
    probe = PACKAGE / "model" / "probe.py"  # not a real file: the source is given
    source = "def f():\n    from ..cli import main\n    import rich.text\n"
    names = [name for _, name in imports(probe, source)]
    assert {"pso_cli.cli", "pso_cli.cli.main", "rich.text"} <= set(names)
    assert layers(probe) == ["core", "model"]
    assert layers(PACKAGE / "render" / "text.py") == ["render"]
    assert layers(PACKAGE / "cli" / "main.py") == []
    assert layers(PACKAGE / "__main__.py") == []
