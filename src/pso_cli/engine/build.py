"""An engine built once for a batch, and one input assessed with it.

The façade (pso_cli.api) and the batch runner (engine/batch.py, in each worker) both
call these, so the engine layer never reaches up into the façade.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pso_cli.errors import InputError
from pso_cli.loading.inputs import STDIN
from pso_cli.loading.load import load_input, proposal_from_bytes, shown_name
from pso_cli.loading.reader import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from pso_cli.engine.assess import Analysis, Engine
    from pso_cli.model.run import Item


def build_engine(
    profile: str = "nz-default",
    as_of: dt.date | None = None,
    rules_files: Sequence[str] = (),
    commitments: str | None = None,
    analysis: Analysis | None = None,
) -> Engine:
    """Registry, profile and active rules, built once for a batch."""
    import dataclasses
    import os

    from pso_cli.criteria.profile import load_profile
    from pso_cli.engine.assess import Analysis, Engine
    from pso_cli.engine.commitments import load_commitments
    from pso_cli.rules.registry import build_registry

    prof = load_profile(profile)
    registry = build_registry(tuple(rules_files))
    source = commitments
    if source is None and prof.commitments:
        source = os.path.join(os.path.dirname(prof.origin), prof.commitments)
    deployments = load_commitments(source) if source else ()
    engine = Engine.build(
        registry, prof, as_of or dt.date.today(), deployments, source, as_of_given=as_of is not None
    )
    return dataclasses.replace(engine, analysis=analysis or Analysis())


def assess_one(
    engine: Engine, path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin_filename: str = "<stdin>"
) -> Item:
    """Load and assess one input; an unreadable or invalid file becomes an Invalid item."""
    from pso_cli.engine.assess import assess_loaded
    from pso_cli.model.run import Invalid

    started = time.perf_counter()
    try:
        loaded = load_input(path, max_bytes, stdin_filename)
    except InputError as exc:
        return _timed(Invalid(shown_name(path, stdin_filename), tuple(exc.problems)), started)
    return _timed(assess_loaded(engine, loaded), started)


def assess_bytes(engine: Engine, data: bytes, stdin_filename: str = "<stdin>") -> Item:
    """Assess standard input already read (a worker process gets the parent's bytes)."""
    from pso_cli.engine.assess import assess_loaded
    from pso_cli.model.run import Invalid

    name = shown_name(STDIN, stdin_filename)
    started = time.perf_counter()
    try:
        loaded = proposal_from_bytes(data, name)
    except InputError as exc:
        return _timed(Invalid(name, tuple(exc.problems)), started)
    return _timed(assess_loaded(engine, loaded), started)


def _timed(item: Item, started: float) -> Item:
    """The item with the wall time since `started` (perf_counter) as its seconds."""
    import dataclasses

    return dataclasses.replace(item, seconds=time.perf_counter() - started)
