"""Optional coverage-guided fuzzing of load -> validate -> assess with atheris.

Not part of the test suite or CI (atheris needs a clang-built libFuzzer). Run it by hand:

    .venv/bin/pip install atheris
    mkdir -p /tmp/pso-fuzz && cp tests/corpus/cases/*.yaml examples/*.yaml /tmp/pso-fuzz/
    .venv/bin/python tests/fuzz/atheris_target.py /tmp/pso-fuzz -max_len=65536 \
        -rss_limit_mb=512 -timeout=10 -max_total_time=600

The seed corpus (the hostile cases and the examples) makes it start from near-valid
input. A crash is any exception other than a located InputError, a run over 10 s, or
memory over 512 MB; libFuzzer writes the input that caused it to crash-<sha1>.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

try:
    import atheris
except ImportError:  # pragma: no cover - optional tool
    atheris = None

if atheris is not None:
    with atheris.instrument_imports():
        from pso_cli.api import build_engine
        from pso_cli.engine.assess import assess_loaded
        from pso_cli.errors import InputError
        from pso_cli.loading.load import proposal_from_bytes
else:  # still importable, so tests/fuzz/test_atheris_target.py can replay the seeds
    from pso_cli.api import build_engine
    from pso_cli.engine.assess import assess_loaded
    from pso_cli.errors import InputError
    from pso_cli.loading.load import proposal_from_bytes

_ENGINE: Any = None


def _engine() -> Any:
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = build_engine("nz-default", dt.date(2030, 6, 1))
    return _ENGINE


def test_one_input(data: bytes) -> None:
    """Bytes in: a Loaded proposal that assesses, or a located InputError; nothing else."""
    try:
        loaded = proposal_from_bytes(data, "fuzz.yaml")
    except InputError as exc:
        for problem in exc.problems:
            loc = problem.location
            if loc.path != "fuzz.yaml" or loc.line < 1 or loc.column < 1 or not problem.message:
                raise AssertionError(f"badly located: {problem!r}") from None
            if "\n" in str(problem):
                raise AssertionError(f"error over several lines: {problem!r}") from None
        return
    assessment = assess_loaded(_engine(), loaded)
    if not 0.0 <= assessment.score <= 100.0:
        raise AssertionError(f"score out of range: {assessment.score}")


def main() -> None:
    if atheris is None:
        sys.exit("atheris is not installed: pip install atheris (see the module docstring)")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
