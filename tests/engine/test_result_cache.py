"""engine/cache.py: results round-trip exactly, the key changes with every input that
changes a result, and a damaged, stale or unwritable cache is never trusted nor fatal."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import multiprocessing
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from pso_cli.engine import cache as C
from pso_cli.engine.assess import Analysis
from pso_cli.engine.build import assess_one, build_engine
from pso_cli.model.findings import Assessment, Finding, Outcome
from pso_cli.model.run import Invalid

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.yaml")) + sorted(
    (REPO / "examples/history").glob("*.yaml")
)
INVALID = sorted((REPO / "tests/fixtures/invalid").glob("*.yaml"))
AS_OF = dt.date(2026, 11, 28)


def same(a: Any, b: Any, where: str = "$") -> None:
    """Equal, and of the same type at every node (a StrEnum is not a str here)."""
    assert type(a) is type(b), (where, type(a), type(b))
    if dataclasses.is_dataclass(a):
        for f in dataclasses.fields(a):
            if not f.compare:  # the time spent on the file (JUnit's), run by run
                continue
            same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, tuple):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{i}]")
    else:
        assert a == b or (a != a and b != b), (where, a, b)  # NaN is NaN


@pytest.fixture(scope="module")
def engine() -> Any:
    return build_engine(as_of=AS_OF)


def make_cache(engine: Any, directory: Path, **kw: Any) -> C.ResultCache:
    return dataclasses.replace(C.ResultCache.for_engine(engine, str(directory)), **kw)


@pytest.mark.parametrize("analysis", [Analysis(), Analysis(True, True, 50, 3)], ids=str)
def test_every_example_and_invalid_file_round_trips_exactly(analysis: Analysis) -> None:
    eng = build_engine(as_of=AS_OF, analysis=analysis)
    for path in [*EXAMPLES, *INVALID]:
        item = assess_one(eng, str(path))
        same(item, C.decode(C.encode(item)))


def test_an_invalid_item_round_trips(engine: Any) -> None:
    item = assess_one(engine, str(REPO / "tests/fixtures/invalid/duplicate-key.yaml"))
    assert isinstance(item, Invalid)
    same(item, C.decode(C.encode(item)))


@pytest.mark.parametrize(
    "payload",
    [
        "",
        "[",
        "{}",
        '["a"]',
        '["x", []]',
        '["a", [1, 2]]',
        '["i", ["p", [[["p", 1, 1, ""], "m", "c"]], null, "yes"]]',  # failed: not a bool
        '["i", ["p", [[["p", "1", 1, ""], "m", "c"]], null, false]]',  # line: not an int
        '["i", ["p", [[["p", 1, 1, ""], "m"]], null, false]]',  # a field short
    ],
)
def test_a_payload_of_the_wrong_shape_is_refused(payload: str) -> None:
    with pytest.raises((ValueError, TypeError, KeyError)):
        C.decode(payload)


def test_a_wrong_enum_value_is_refused(engine: Any) -> None:
    item = assess_one(engine, str(EXAMPLES[0]))
    text = C.encode(item).replace(f'"{item.verdict.value}"', '"maybe"', 1)
    with pytest.raises((ValueError, KeyError)):
        C.decode(text)


def test_hit_after_miss_and_the_same_result(engine: Any, tmp_path: Path) -> None:
    cache = make_cache(engine, tmp_path)
    path = str(EXAMPLES[0])
    first = C.assess_cached(engine, cache, path, 2**21, "<stdin>")
    assert (cache.hits, cache.misses, cache.written) == (0, 1, 1)
    second = C.assess_cached(engine, cache, path, 2**21, "<stdin>")
    assert (cache.hits, cache.misses) == (1, 1)
    same(first, second)
    same(first, assess_one(engine, path))
    assert (tmp_path / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (tmp_path / "CACHEDIR.TAG").exists()


def test_an_invalid_file_is_cached_too(engine: Any, tmp_path: Path) -> None:
    cache = make_cache(engine, tmp_path)
    path = str(REPO / "tests/fixtures/invalid/bad-date.yaml")
    first = C.assess_cached(engine, cache, path, 2**21, "<stdin>")
    assert isinstance(first, Invalid) and cache.written == 1
    same(first, C.assess_cached(engine, cache, path, 2**21, "<stdin>"))
    assert cache.hits == 1


def test_an_unreadable_file_is_not_cached(engine: Any, tmp_path: Path) -> None:
    cache = make_cache(engine, tmp_path / "cache")
    item = C.assess_cached(engine, cache, str(tmp_path / "nope.yaml"), 2**21, "<stdin>")
    assert isinstance(item, Invalid) and cache.written == 0


def _key(engine: Any, directory: Path, path: Path, name: str | None = None) -> str:
    cache = C.ResultCache.for_engine(engine, str(directory))
    return cache.key(name or str(path), path.read_bytes())


def test_the_key_changes_with_each_input_of_the_result(
    engine: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = EXAMPLES[0]
    base = _key(engine, tmp_path, path)
    assert base == _key(engine, tmp_path, path)  # stable
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(path.read_bytes() + b"\n# edited\n")
    assert _key(engine, tmp_path, copy, str(path)) != base  # the file's bytes
    assert _key(engine, tmp_path, path, "other/name.yaml") != base  # the name shown
    others = [
        build_engine(as_of=dt.date(2026, 11, 29)),  # --as-of
        build_engine(as_of=None),  # each proposal at its own decision_date
        build_engine("humanitarian-priority", AS_OF),  # another profile
        build_engine(as_of=AS_OF, analysis=Analysis(what_if=True)),
        build_engine(as_of=AS_OF, analysis=Analysis(sensitivity=True, seed=1)),
        build_engine(as_of=AS_OF, commitments=str(_commitments())),
    ]
    keys = {_key(e, tmp_path, path) for e in others}
    assert base not in keys and len(keys) == len(others)
    import pso_cli

    monkeypatch.setattr(pso_cli, "__version__", "999.0")  # pso's version
    assert _key(engine, tmp_path, path) != base


def _commitments() -> Path:
    return next((REPO / "examples/commitments").glob("*.yaml"))


def test_a_profile_change_through_extends_changes_the_key(tmp_path: Path) -> None:
    parent = tmp_path / "parent.yaml"
    child = tmp_path / "child.yaml"
    parent.write_text("profile_format: 1\nname: parent\nextends: nz-default\n")
    child.write_text(f"profile_format: 1\nname: child\nextends: {parent}\n")
    before = C.salt(build_engine(str(child), AS_OF))
    parent.write_text("profile_format: 1\nname: parent\nextends: nz-default\n# changed\n")
    assert C.salt(build_engine(str(child), AS_OF)) != before


def test_a_result_judged_at_today_is_a_miss_the_next_day(tmp_path: Path) -> None:
    """No --as-of and no decision_date: judged at today, so never served tomorrow."""
    src = EXAMPLES[0].read_text()
    undated = tmp_path / "undated.yaml"
    undated.write_text(
        "\n".join(line for line in src.splitlines() if "decision_date:" not in line) + "\n"
    )
    today = build_engine(as_of=None)
    cache = make_cache(today, tmp_path / "c")
    item = C.assess_cached(today, cache, str(undated), 2**21, "<stdin>")
    assert isinstance(item, Assessment) and item.as_of == today.as_of.isoformat()
    assert C.assess_cached(today, cache, str(undated), 2**21, "<stdin>") is not None
    assert cache.hits == 1
    tomorrow = dataclasses.replace(cache, today=(today.as_of + dt.timedelta(1)).isoformat())
    tomorrow.hits = tomorrow.misses = 0
    C.assess_cached(today, tomorrow, str(undated), 2**21, "<stdin>")
    assert (tomorrow.hits, tomorrow.misses) == (0, 1)


def test_a_result_with_a_rule_error_is_not_cached(engine: Any, tmp_path: Path) -> None:
    item = assess_one(engine, str(EXAMPLES[0]))
    assert isinstance(item, Assessment)
    broken = dataclasses.replace(
        item, findings=(*item.findings, Finding(Outcome.ERROR, "rule failed", "identity"))
    )
    assert not C.cacheable(broken)
    cache = make_cache(engine, tmp_path)
    cache.put("ab" * 32, broken)
    assert cache.written == 0 and not (tmp_path / C.SUBDIR).exists()
    assert not C.cacheable(dataclasses.replace(Invalid("p", ()), failed=True))


def _entry(cache: C.ResultCache, key: str) -> Path:
    return Path(cache.directory, C.SUBDIR, key[:2], key + ".json")


@pytest.mark.parametrize(
    "damage",
    ["truncate", "flip", "header", "other-key", "format", "empty", "directory"],
)
def test_a_damaged_entry_is_ignored_and_overwritten(
    engine: Any, tmp_path: Path, damage: str
) -> None:
    cache = make_cache(engine, tmp_path)
    path = str(EXAMPLES[0])
    good = C.assess_cached(engine, cache, path, 2**21, "<stdin>")
    key = cache.key(path, Path(path).read_bytes())
    entry = _entry(cache, key)
    raw = entry.read_bytes()
    head, _, payload = raw.partition(b"\n")
    header = json.loads(head)
    if damage == "truncate":
        entry.write_bytes(raw[: len(raw) // 2])
    elif damage == "flip":  # a changed byte inside the payload: its sha256 no longer matches
        entry.write_bytes(head + b"\n" + payload.replace(b"further", b"farther", 1))
    elif damage == "header":
        entry.write_bytes(b"not json\n" + payload)
    elif damage == "other-key":
        entry.write_bytes(json.dumps(header | {"key": "0" * 64}).encode() + b"\n" + payload)
    elif damage == "format":
        entry.write_bytes(json.dumps(header | {"format": 0}).encode() + b"\n" + payload)
    elif damage == "empty":
        entry.write_bytes(b"")
    else:
        entry.unlink()
        entry.mkdir()
    cache.hits = cache.misses = 0
    again = C.assess_cached(engine, cache, path, 2**21, "<stdin>")
    same(good, again)
    assert (cache.hits, cache.misses) == (0, 1)
    if damage != "directory":  # overwritten with a good entry: the next run hits
        assert C.assess_cached(engine, cache, path, 2**21, "<stdin>") is not None
        assert cache.hits == 1


def test_an_unwritable_directory_turns_the_cache_off(engine: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = make_cache(engine, blocker / "cache")
    item = C.assess_cached(engine, cache, str(EXAMPLES[0]), 2**21, "<stdin>")
    same(item, assess_one(engine, str(EXAMPLES[0])))
    assert not cache.writable and cache.written == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through a read-only mode")
def test_a_read_only_directory_turns_the_cache_off(engine: Any, tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        cache = make_cache(engine, tmp_path / "cache")
        C.assess_cached(engine, cache, str(EXAMPLES[0]), 2**21, "<stdin>")
        assert not cache.writable
    finally:
        tmp_path.chmod(0o700)


def test_pruning_keeps_the_most_recently_used(engine: Any, tmp_path: Path) -> None:
    cache = make_cache(engine, tmp_path, max_entries=10)
    item = assess_one(engine, str(EXAMPLES[0]))
    keys = [f"{i:064x}" for i in range(30)]
    for n, key in enumerate(keys):
        cache._write(key, b"x")
        os.utime(_entry(cache, key), (1_000_000 + n, 1_000_000 + n))
    assert len(C.entries(str(tmp_path))) == 30
    removed = cache.prune()
    left = sorted(Path(p).stem for _, _, p in C.entries(str(tmp_path)))
    assert removed == 21 and left == keys[-9:]  # down to 90% of the bound, oldest first
    assert cache.prune() == 0
    del item


def test_pruning_by_size(engine: Any, tmp_path: Path) -> None:
    cache = make_cache(engine, tmp_path, max_bytes=1000)
    for i in range(20):
        cache._write(f"{i:064x}", b"x" * 100)
        os.utime(_entry(cache, f"{i:064x}"), (1_000_000 + i, 1_000_000 + i))
    cache.prune()
    assert sum(size for _, size, _ in C.entries(str(tmp_path))) <= 900


def test_writes_prune_as_they_go(
    engine: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(C, "PRUNE_EVERY", 5)
    cache = make_cache(engine, tmp_path, max_entries=4)
    item = assess_one(engine, str(EXAMPLES[0]))
    for i in range(23):
        cache.put(f"{i:064x}", item)
    assert len(C.entries(str(tmp_path))) <= 4 + 5


def test_clear_removes_every_entry(engine: Any, tmp_path: Path) -> None:
    cache = make_cache(engine, tmp_path)
    for path in EXAMPLES[:3]:
        C.assess_cached(engine, cache, str(path), 2**21, "<stdin>")
    assert C.clear(str(tmp_path)) == 3
    assert C.entries(str(tmp_path)) == []
    assert (tmp_path / ".gitignore").exists()


def _hammer(directory: str, key: str, rounds: int) -> None:
    eng = build_engine(as_of=AS_OF)
    cache = C.ResultCache.for_engine(eng, directory)
    item = assess_one(eng, str(EXAMPLES[0]))
    for _ in range(rounds):
        cache.put(key, item)
        got = cache.get(key)
        assert got is None or got == item


def test_concurrent_writers_never_leave_a_torn_entry(engine: Any, tmp_path: Path) -> None:
    """Processes and threads writing and reading one entry at once: every read is a
    whole entry or a miss, never a torn one, and no temporary file is left."""
    key = "cd" * 32
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_hammer, args=(str(tmp_path), key, 60)) for _ in range(3)]
    threads = [threading.Thread(target=_hammer, args=(str(tmp_path), key, 60)) for _ in range(2)]
    for w in [*procs, *threads]:
        w.start()
    for t in threads:
        t.join()
    for p in procs:
        p.join()
        assert p.exitcode == 0
    cache = C.ResultCache.for_engine(engine, str(tmp_path))
    assert cache.get(key) == assess_one(engine, str(EXAMPLES[0]))
    folder = tmp_path / C.SUBDIR / key[:2]
    assert [p.name for p in folder.iterdir()] == [key + ".json"]


def test_a_cache_object_pickles_for_spawned_workers(engine: Any, tmp_path: Path) -> None:
    import pickle

    cache = make_cache(engine, tmp_path)
    assert pickle.loads(pickle.dumps(cache)) == cache


def test_default_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PSO_CACHE_DIR", str(tmp_path / "a"))
    assert C.default_dir() == str(tmp_path / "a")
    monkeypatch.delenv("PSO_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert C.default_dir() == str(tmp_path / "x" / "pso")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "h"))
    assert C.default_dir() == str(tmp_path / "h" / ".cache" / "pso")


def test_a_write_scans_the_cache_only_when_its_folder_says_it_is_full(
    engine: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scans: list[int] = []
    monkeypatch.setattr(C, "prune", lambda *a: scans.append(1) or 0)
    item = assess_one(engine, str(EXAMPLES[0]))
    roomy = make_cache(engine, tmp_path / "roomy", max_entries=10_000)
    roomy.put("ab" * 32, item)
    assert roomy.written == 1 and scans == []
    tight = make_cache(engine, tmp_path / "tight", max_entries=100)
    tight.put("ab" * 32, item)  # one entry in its folder: about 256 in all, over 100
    assert scans == [1]
