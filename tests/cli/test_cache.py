"""`pso assess` with the result cache: a warm run prints exactly what a cold run prints,
in every format; --no-cache, --cache-dir, PSO_NO_CACHE and `pso cache`."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from pso_cli.engine import batch
from pso_cli.engine import cache as C

REPO = Path(__file__).resolve().parents[2]
AS_OF = ("--as-of", "2026-11-28", "--no-config")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The bundled examples and history cases, and one invalid file."""
    d = tmp_path / "in"
    d.mkdir()
    sources = sorted((REPO / "examples").glob("*.yaml")) + sorted(
        (REPO / "examples/history").glob("*.yaml")
    )
    for i, src in enumerate(sources):
        (d / f"{i:02d}-{src.name}").write_bytes(src.read_bytes())
    (d / "99-broken.yaml").write_bytes(b"pso_format: 2\nidentity: [\n")
    return d


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv("PSO_CACHE_DIR", str(d))
    return d


def count(directory: Path) -> int:
    return len(C.entries(str(directory)))


@pytest.mark.parametrize(
    "args",
    [
        ("-f", "text"),
        ("-f", "text", "--detail"),
        ("-f", "json"),
        ("-f", "jsonl"),
        ("-f", "sarif"),
        ("-f", "junit"),
        ("-f", "markdown"),
        ("-f", "html"),
        ("-f", "github"),
        ("-f", "json", "--sensitivity", "--samples", "50"),
    ],
    ids=" ".join,
)
def test_a_warm_run_prints_exactly_what_a_cold_run_prints(
    pso: Any, corpus: Path, cache_dir: Path, args: tuple[str, ...]
) -> None:
    cold = pso("assess", str(corpus), *args, *AS_OF)
    entries = count(cache_dir)
    assert entries >= len(list(corpus.iterdir())) - 1  # every result but none with errors
    warm = pso("assess", str(corpus), *args, *AS_OF)
    assert count(cache_dir) == entries  # all hits: nothing new written
    uncached = pso("assess", str(corpus), *args, *AS_OF, "--no-cache")
    assert cold.exit_code == warm.exit_code == uncached.exit_code == 3
    # JUnit's time, timestamp and hostname say how long this run took, and when and where:
    # the one part of any format that a cache hit, like a second cold run, changes.
    assert _unclocked(warm.stdout) == _unclocked(cold.stdout) == _unclocked(uncached.stdout)
    if "junit" not in args:
        assert warm.stdout == cold.stdout == uncached.stdout
    assert warm.stderr == cold.stderr


_CLOCKED = re.compile(r' (time|timestamp|hostname)="[^"]*"')


def _unclocked(text: str) -> str:
    return _CLOCKED.sub("", text)


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_one_file_warm_is_byte_identical(
    pso: Any, cache_dir: Path, in_repo: Path, fmt: str
) -> None:
    args = ("assess", "examples/ramsi-2003.yaml", "-f", fmt, "--width", "100", *AS_OF)
    cold = pso(*args)
    assert count(cache_dir) == 1
    warm = pso(*args)
    assert warm.stdout == cold.stdout and warm.exit_code == cold.exit_code


def test_workers_read_and_write_the_cache(
    pso: Any, corpus: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "POOL_MIN_FILES", 2)
    args = ("assess", str(corpus), "-f", "json", *AS_OF)
    cold = pso(*args, "--jobs", "2")
    entries = count(cache_dir)
    assert entries > 0
    warm_pool = pso(*args, "--jobs", "2")
    warm_one = pso(*args, "--jobs", "1")
    assert cold.stdout == warm_pool.stdout == warm_one.stdout
    jsonl = pso("assess", str(corpus), "-f", "jsonl", *AS_OF, "--jobs", "2")
    assert jsonl.stdout == pso("assess", str(corpus), "-f", "jsonl", *AS_OF, "--no-cache").stdout
    assert count(cache_dir) == entries  # jsonl (what-if off, as json) hit the same entries


def test_no_cache_writes_nothing(pso: Any, corpus: Path, cache_dir: Path) -> None:
    pso("assess", str(corpus), "-f", "json", *AS_OF, "--no-cache")
    assert not cache_dir.exists()


def test_pso_no_cache_writes_nothing(
    pso: Any, corpus: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PSO_NO_CACHE", "1")
    pso("assess", str(corpus), "-f", "json", *AS_OF)
    assert not cache_dir.exists()


def test_cache_dir_flag_wins_over_the_variable(pso: Any, corpus: Path, cache_dir: Path) -> None:
    flag = cache_dir.parent / "flag"
    pso("assess", str(corpus), "-f", "json", *AS_OF, "--cache-dir", str(flag))
    assert count(flag) > 0 and not cache_dir.exists()
    assert (flag / ".gitignore").read_text().splitlines()[-1] == "*"


def test_changing_the_file_or_an_option_misses(pso: Any, tmp_path: Path, cache_dir: Path) -> None:
    target = tmp_path / "p.yaml"
    shutil.copy(REPO / "examples/tonga-2006.yaml", target)
    pso("assess", str(target), "-f", "json", *AS_OF)
    assert count(cache_dir) == 1
    pso("assess", str(target), "-f", "json", *AS_OF)
    assert count(cache_dir) == 1
    with target.open("a") as f:
        f.write("# an edit\n")
    pso("assess", str(target), "-f", "json", *AS_OF)
    assert count(cache_dir) == 2
    pso("assess", str(target), "-f", "json", "--as-of", "2026-11-29", "--no-config")
    assert count(cache_dir) == 3
    pso("assess", str(target), "-f", "json", *AS_OF, "--profile", "humanitarian-priority")
    assert count(cache_dir) == 4
    pso("assess", str(target), "-f", "json", *AS_OF, "--what-if")
    assert count(cache_dir) == 5
    pso("assess", str(target), "-f", "json", *AS_OF, "--sensitivity", "--samples", "20")
    pso("assess", str(target), "-f", "json", *AS_OF, "--sensitivity", "--samples", "30")
    assert count(cache_dir) == 7
    commitments = REPO / "examples/commitments/nz-2016.yaml"
    pso("assess", str(target), "-f", "json", *AS_OF, "--commitments", str(commitments))
    assert count(cache_dir) == 8
    # what only changes the rendering or the exit code reuses the entry
    pso("assess", str(target), "-f", "sarif", *AS_OF, "--fail-on", "never", "--timestamp")
    assert count(cache_dir) == 8


def test_a_changed_edit_is_seen_at_once(pso: Any, tmp_path: Path, cache_dir: Path) -> None:
    """The same size, the same mtime, another byte: the content decides, not the stat."""
    target = tmp_path / "p.yaml"
    data = (REPO / "examples/tonga-2006.yaml").read_bytes()
    target.write_bytes(data)
    before = pso("assess", str(target), "-f", "json", *AS_OF).stdout
    st = target.stat()
    edited = data.replace(b"name: Combined Joint", b"name: Combined Joist", 1)
    assert edited != data and len(edited) == len(data)
    target.write_bytes(edited)
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    after = pso("assess", str(target), "-f", "json", *AS_OF).stdout
    assert after != before and "Combined Joist" in after
    assert after == pso("assess", str(target), "-f", "json", *AS_OF, "--no-cache").stdout


PACK = """\
from pso_cli.rules.api import Consideration, Reference, rule

@rule(code="LOC-001", name="local-rule", consideration=Consideration.STRATEGIC,
      title="A local rule", rationale="Test.", reference=Reference("Test"))
def local(p, ctx):
    return []

RULES = [local]
"""


def test_rules_runs_are_not_cached(pso: Any, corpus: Path, cache_dir: Path) -> None:
    """A local pack's code can change with no version to show it: never cached."""
    pack = corpus.parent / "local_pack.py"
    pack.write_text(PACK, encoding="utf-8")
    r = pso("assess", str(corpus), "-f", "json", *AS_OF, "--rules", str(pack))
    assert r.exit_code == 3, r.stderr
    assert not cache_dir.exists()


def test_an_unwritable_cache_never_fails_the_run(
    pso: Any, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache directory would be")
    monkeypatch.setenv("PSO_CACHE_DIR", str(blocker / "cache"))
    r = pso("assess", str(corpus), "-f", "json", *AS_OF)
    fresh = pso("assess", str(corpus), "-f", "json", *AS_OF, "--no-cache")
    assert r.exit_code == fresh.exit_code == 3
    assert r.stdout == fresh.stdout and r.stderr == fresh.stderr


def test_a_corrupt_entry_is_ignored(pso: Any, corpus: Path, cache_dir: Path) -> None:
    args = ("assess", str(corpus), "-f", "json", *AS_OF)
    cold = pso(*args)
    for _, _, path in C.entries(str(cache_dir)):
        raw = Path(path).read_bytes()
        Path(path).write_bytes(raw[: len(raw) * 2 // 3])
    assert pso(*args).stdout == cold.stdout
    assert pso(*args).stdout == cold.stdout  # rewritten whole


def test_cache_dir_and_clear(pso: Any, corpus: Path, cache_dir: Path) -> None:
    assert pso("cache", "dir").stdout.strip() == str(cache_dir)
    pso("assess", str(corpus), "-f", "json", *AS_OF)
    n = count(cache_dir)
    r = pso("cache", "clear")
    assert r.exit_code == 0 and f"removed {n} cached results" in r.stdout
    assert count(cache_dir) == 0
    other = cache_dir.parent / "other"
    assert pso("cache", "dir", "--cache-dir", str(other)).stdout.strip() == str(other)
