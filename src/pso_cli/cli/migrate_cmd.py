"""`pso migrate`: rewrite format-1 proposals in format 2, keeping comments and layout."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

NEW_FACTS = (
    "legal_basis.host_consent.authority (is whoever consented the constitutional government?)",
    "legal_basis.security_council[].for_this_situation (adopted for this situation?)",
    "legal_basis.treaty.parties and provides_for_deployment (if a treaty is relied on)",
    "legal_basis.self_defence, main_parties, area_of_operations (where they apply)",
)


def migrated_text(data: bytes, path: str) -> tuple[str, tuple[str, ...]] | None:
    """The file rewritten in format 2 and what changed, or None if it is not format 1."""
    from pso_cli.errors import InputError
    from pso_cli.loading.load import parse_mapping, proposal_from_bytes
    from pso_cli.loading.reader import decode
    from pso_cli.model.migrate import is_format_1, rewrite, upgrade

    value, smap = parse_mapping(data, path)
    if not is_format_1(value):
        return None
    up = upgrade(value)

    def locate(at: tuple[str | int, ...], part: str) -> tuple[int, int]:
        return smap.key(at) if part == "key" else smap.value(at)

    try:
        text = rewrite(decode(data, path), up.edits, locate)
    except ValueError as exc:  # a token not where the parse put it: never write a guess
        raise InputError.at(path, 1, 1, f"cannot rewrite: {exc}", "migrate") from None
    proposal_from_bytes(text.encode("utf-8"), path)  # the result must load as format 2
    return text, up.changes


def migrate(
    files: Annotated[list[str], typer.Argument(help="Proposal files to rewrite, or - (stdin).")],
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 if any file is in format 1.")
    ] = False,
) -> None:
    """Rewrite format-1 proposals in format 2, in place (comments and layout kept).

    Format-1 files still load; this makes the upgrade permanent. The new format-2 facts
    (who may consent, whether a resolution was adopted for this situation, ...) cannot be
    inferred: add them by hand, and `pso assess` says which ones it needs.
    """
    from pso_cli.loading.load import read_stdin
    from pso_cli.loading.reader import DEFAULT_MAX_BYTES, read_bytes

    pending = 0
    for path in files:
        data = read_stdin(DEFAULT_MAX_BYTES, "<stdin>") if path == "-" else read_bytes(path)
        result = migrated_text(data, "<stdin>" if path == "-" else path)
        if result is None:
            print(f"{path}: already format 2", file=sys.stderr)
            continue
        text, changes = result
        pending += 1
        said = f" ({'; '.join(changes)})" if changes else ""
        if check:
            print(f"{path}: format 1, would be rewritten{said}", file=sys.stderr)
        elif path == "-":
            sys.stdout.write(text)
        else:
            from pso_cli.render.files import write_atomic

            write_atomic(path, text)
            print(f"{path}: rewritten in format 2{said}", file=sys.stderr)
    if pending and not check:
        print("Now state the new format-2 facts where they apply:", file=sys.stderr)
        for fact in NEW_FACTS:
            print(f"  - {fact}", file=sys.stderr)
    if check and pending:
        raise typer.Exit(1)
