"""The result cache: an unchanged file assessed the same way again costs a read, a hash
and a JSON decode, not a parse, a validation and the rules.

What is cached is the result of one file (an Assessment, or an Invalid for a file that
does not parse or validate), as JSON, never rendered output and never pickle: every
format renders from the decoded result exactly as from a fresh one.

The key (README, "Result cache") is a sha256 over the file's bytes and the name it is
reported by, and a run-wide salt: the cache format, pso's version and its files (path,
size, mtime: an edited install is a new pso), the shape of the
result classes, the profile's sha256 (its whole extends chain), the rule packs loaded
(name, version, origin) and the active rules, the commitments file's bytes, the
decision-analysis options, and --as-of when given. Without --as-of each proposal is
judged at its own decision_date; one that has none is judged at today's date, and its
entry records that date and is a miss on any other day.

Not cached, so never served: standard input, a file that cannot be read (its result
depends on the file system, not on bytes), a result with a rule error (a rule that
failed or ran out of time), and any run with `--rules` (a local pack's code may change
without a version; see `salt`).

Each entry is `<dir>/results-v1/<key[:2]>/<key>.json`: a header line (format, key,
the date it depends on, a sha256 of the payload) then the payload. It is written to a
temporary file in the same directory and renamed over the entry (atomic on POSIX), so
concurrent runs never see half an entry; a header that does not match, a payload whose
hash or structure is wrong, or any decoding error makes the entry a miss, and it is
overwritten. Size is bounded: after its first write and every PRUNE_EVERY writes, a
process looks at the folder it wrote to (one of 256, which keys fill evenly); when that
says the cache is over MAX_ENTRIES or MAX_BYTES, it removes the least recently used
entries (by mtime; a hit touches its entry) down to 90% of both. A cache that cannot be
written turns itself off for the rest of the run; it never fails one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import time
import types
import typing
from collections.abc import Callable, Iterator
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pso_cli.engine.assess import Engine
    from pso_cli.model.run import Item

FORMAT = 1
SUBDIR = f"results-v{FORMAT}"
MAX_ENTRIES = 20_000
MAX_BYTES = 512 * 1024 * 1024
PRUNE_EVERY = 1000
GITIGNORE = "# Created by pso: the result cache (pso cache clear empties it).\n*\n"
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by pso.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)


def default_dir() -> str:
    """$PSO_CACHE_DIR, else $XDG_CACHE_HOME/pso, else ~/.cache/pso."""
    given = os.environ.get("PSO_CACHE_DIR")
    if given:
        return given
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "pso")


# ---- the codec: result dataclasses <-> JSON arrays, checked against the type hints ----


_GETTERS: dict[type, Callable[[Any], Any]] = {}


def _fields(obj: Any) -> Any:
    """A dataclass's fields in order, as a tuple (json.dumps calls this for each one)."""
    getter = _GETTERS.get(type(obj))
    if getter is None:
        if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
            raise TypeError(f"cannot cache a {type(obj).__name__}")
        import operator

        names = [f.name for f in dataclasses.fields(obj)]
        if len(names) == 1:
            one = operator.attrgetter(names[0])
            getter = _GETTERS[type(obj)] = lambda o: (one(o),)
        else:
            getter = _GETTERS[type(obj)] = operator.attrgetter(*names)
    return getter(obj)


def encode(item: Item) -> str:
    """An item as compact JSON: each dataclass an array of its fields in order (enums are
    str, so JSON writes their values; tuples are arrays)."""
    from pso_cli.model.run import Invalid

    tag = "i" if isinstance(item, Invalid) else "a"
    return json.dumps([tag, item], default=_fields, ensure_ascii=False, separators=(",", ":"))


class Corrupt(ValueError):
    """A cached payload that is not what this version of pso writes."""


def _bad() -> Any:
    raise Corrupt("a cached result of the wrong shape")


Decoder = Callable[[Any], Any]
_DECODERS: dict[type, Decoder] = {}
_BUILDING: set[type] = set()


class _Gen:
    """Writes one decoder function per dataclass: each field unpacked and checked against
    its type hint inline (compiled once per process; a hit runs no generic dispatch)."""

    def __init__(self) -> None:
        self.names: dict[str, Any] = {"_bad": _bad, "_list": list, "_str": str, "_int": int}
        self.names |= {"_float": float, "_bool": bool, "_tuple": tuple, "_new": object.__new__}
        self.counter = 0

    def fresh(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}{self.counter}"

    def bind(self, value: Any, stem: str) -> str:
        name = self.fresh(stem)
        self.names[name] = value
        return name

    def expr(self, tp: Any, var: str) -> str:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        for prim, name in ((str, "_str"), (bool, "_bool"), (int, "_int")):
            if tp is prim:
                return f"({var} if type({var}) is {name} else _bad())"
        if tp is float:
            return f"({var} if type({var}) is _float or type({var}) is _int else _bad())"
        if isinstance(tp, type) and issubclass(tp, Enum):
            members = {m.value: m for m in tp}
            return f"{self.bind(members, '_m')}[{var}]"
        if isinstance(tp, type) and dataclasses.is_dataclass(tp):
            return f"{self.bind(decoder(tp), '_d')}({var})"
        if origin in (typing.Union, types.UnionType):
            rest = [a for a in args if a is not type(None)]
            if len(rest) == 1 and len(args) == 2:
                return f"(None if {var} is None else {self.expr(rest[0], var)})"
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                x = self.fresh("_x")
                inner = self.expr(args[0], x)
                return f"(_tuple([{inner} for {x} in {var}]) if type({var}) is _list else _bad())"
            return f"{self.bind(self.fixed(args), '_t')}({var})"
        raise TypeError(f"the result cache cannot decode {tp!r}")

    def fixed(self, args: tuple[Any, ...]) -> Decoder:
        vs = [self.fresh("_v") for _ in args]
        body = ", ".join(self.expr(a, v) for a, v in zip(args, vs, strict=True))
        src = (
            f"def _fixed(v):\n"
            f"    if type(v) is not _list or len(v) != {len(args)}: _bad()\n"
            f"    {', '.join(vs)}, = v\n"
            f"    return ({body},)\n"
        )
        return self.compile(src, "_fixed")

    def dataclass(self, cls: type) -> Decoder:
        hints = typing.get_type_hints(cls)
        fields = dataclasses.fields(cls)
        vs = [self.fresh("_f") for _ in fields]
        body = ", ".join(self.expr(hints[f.name], v) for f, v in zip(fields, vs, strict=True))
        head = (
            f"def _dec(v):\n"
            f"    if type(v) is not _list or len(v) != {len(fields)}: _bad()\n"
            f"    {', '.join(vs)}, = v\n"
        )
        slots = getattr(cls, "__slots__", ())
        if hasattr(cls, "__post_init__") or set(slots) != {f.name for f in fields}:
            body = ", ".join(self.expr(hints[f.name], v) for f, v in zip(fields, vs, strict=True))
            return self.compile(head + f"    return {self.bind(cls, '_c')}({body})\n", "_dec")
        # A slotted class with no __post_init__: its slots set directly, as __init__ would
        # (a frozen dataclass's __init__ sets each through object.__setattr__, 2x slower).
        lines = [f"    o = _new({self.bind(cls, '_c')})\n"]
        for f, v in zip(fields, vs, strict=True):
            setter = self.bind(cls.__dict__[f.name].__set__, "_s")
            lines.append(f"    {setter}(o, {self.expr(hints[f.name], v)})\n")
        return self.compile(head + "".join(lines) + "    return o\n", "_dec")

    def compile(self, src: str, name: str) -> Decoder:
        scope: dict[str, Any] = {}
        exec(compile(src, f"<pso result cache: {name}>", "exec"), self.names, scope)
        fn: Decoder = scope[name]
        return fn


def decoder(cls: type) -> Decoder:
    """The decoder of a result dataclass, written once per process."""
    known = _DECODERS.get(cls)
    if known is None:
        if cls in _BUILDING:
            raise TypeError(f"the result cache cannot decode {cls.__name__}: it holds itself")
        _BUILDING.add(cls)
        try:
            known = _DECODERS[cls] = _Gen().dataclass(cls)
        finally:
            _BUILDING.discard(cls)
    return known


def decode(text: str) -> Item:
    """The item a payload holds; Corrupt (or another ValueError/TypeError) if it is not
    one this pso writes."""
    from pso_cli.model.findings import Assessment
    from pso_cli.model.run import Invalid

    value = json.loads(text)
    if type(value) is not list or len(value) != 2 or value[0] not in ("a", "i"):
        raise Corrupt("not a cached result")
    item: Item = decoder(Assessment if value[0] == "a" else Invalid)(value[1])
    return item


def schema() -> str:
    """The shape of the result classes (names, fields, annotations): an entry written by
    a pso whose classes differ is never decoded, even at the same version."""
    from pso_cli.model.findings import Assessment
    from pso_cli.model.run import Invalid

    seen: dict[str, str] = {}

    def walk(cls: type) -> None:
        if cls.__qualname__ in seen:
            return
        seen[cls.__qualname__] = ";".join(f"{f.name}:{f.type}" for f in dataclasses.fields(cls))
        for hint in typing.get_type_hints(cls).values():
            for sub in _classes(hint):
                walk(sub)

    walk(Assessment)
    walk(Invalid)
    return "|".join(f"{k}({v})" for k, v in sorted(seen.items()))


def _classes(tp: Any) -> Iterator[type]:
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        yield tp
    elif isinstance(tp, type) and issubclass(tp, Enum):
        return
    for arg in typing.get_args(tp):
        yield from _classes(arg)


# ---- the store ----


@functools.cache
def code_fingerprint() -> str:
    """pso's own files (path, size, mtime): an editable install or a patched copy whose
    rules changed without a new version never serves results of the code before."""
    import pso_cli

    root = os.path.dirname(os.path.abspath(pso_cli.__file__))
    h = hashlib.sha256()
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".yaml", ".json", ".txt")):
                st = os.stat(os.path.join(folder, name))
                rel = os.path.relpath(os.path.join(folder, name), root)
                h.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def salt(engine: Engine) -> str:
    """Everything outside the file that the result depends on, hashed."""
    from pso_cli import __version__

    h = hashlib.sha256()

    def part(*values: object) -> None:
        h.update(json.dumps(values, default=str).encode())
        h.update(b"\x00")

    part("pso-result-cache", FORMAT, __version__, schema(), code_fingerprint())
    prof = engine.profile
    part("profile", prof.name, prof.sha256)
    for p in engine.registry.packs:
        part("pack", p.name, p.version, p.origin, p.builtin, len(p.rules))
    part("rules", [(a.rule.code, a.severity.value) for a in engine.rules])
    source = engine.commitments_source
    if source:
        with open(source, "rb") as f:
            part("commitments", source, hashlib.sha256(f.read()).hexdigest())
    part("analysis", dataclasses.asdict(engine.analysis))
    part("as-of", engine.as_of.isoformat() if engine.as_of_given else "each-decision-date")
    return h.hexdigest()


@dataclasses.dataclass
class ResultCache:
    """One run's view of the cache directory (picklable: a worker gets a copy)."""

    directory: str
    salt: str
    today: str  # the date a proposal without a decision_date is judged at
    dated: bool  # True: --as-of was not given, so a result may be judged at `today`
    max_entries: int = MAX_ENTRIES
    max_bytes: int = MAX_BYTES
    writable: bool = True
    written: int = 0
    hits: int = 0
    misses: int = 0

    @classmethod
    def for_engine(cls, engine: Engine, directory: str | None = None) -> ResultCache:
        return cls(
            directory or default_dir(),
            salt(engine),
            engine.as_of.isoformat(),
            not engine.as_of_given,
        )

    def key(self, name: str, data: bytes) -> str:
        h = hashlib.sha256(self.salt.encode())
        h.update(b"\x00")
        h.update(name.encode("utf-8", "surrogateescape"))
        h.update(b"\x00")
        h.update(data)
        return h.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.directory, SUBDIR, key[:2], key + ".json")

    def get(self, key: str) -> Item | None:
        """The cached result, or None: missing, unreadable, stale or corrupt (never trusted)."""
        path = self._path(key)
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError:
            self.misses += 1
            return None
        item = self._parse(raw, key)
        if item is None:
            self.misses += 1
            return None
        self.hits += 1
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: the last to be pruned
        return item

    def _parse(self, raw: bytes, key: str) -> Item | None:
        head, sep, payload = raw.partition(b"\n")
        if not sep:
            return None
        try:
            header = json.loads(head)
            if (
                type(header) is not dict
                or header.get("format") != FORMAT
                or header.get("key") != key
                or header.get("sha256") != hashlib.sha256(payload).hexdigest()
            ):
                return None
            on = header.get("today")
            if on is not None and on != self.today:
                return None  # judged at another day's "today"
            return decode(payload.decode("utf-8"))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
            return None

    def put(self, key: str, item: Item) -> None:
        """Store a result, if it may be; any failure to write turns the cache off."""
        if not self.writable or not cacheable(item):
            return
        try:
            payload = encode(item).encode("utf-8")
        except (TypeError, ValueError):
            return
        on = self.today if self.dated and getattr(item, "as_of", "") == self.today else None
        header = {"format": FORMAT, "key": key, "today": on}
        header["sha256"] = hashlib.sha256(payload).hexdigest()
        blob = json.dumps(header).encode() + b"\n" + payload
        try:
            self._write(key, blob)
        except OSError:  # read-only, full, or not a directory: the run goes on uncached
            self.writable = False
            return
        self.written += 1
        if self.written % PRUNE_EVERY == 1 and self._crowded(key):
            self.prune()

    def _write(self, key: str, blob: bytes) -> None:
        import tempfile

        path = self._path(key)
        folder = os.path.dirname(path)
        if self.written == 0:
            ensure_dir(self.directory)
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(blob)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def _crowded(self, key: str) -> bool:
        """Whether the cache looks over a bound, judged from the one folder just written
        (keys are uniform, so 256 folders hold about as much each): a run that writes
        one file never scans the whole cache unless it is full."""
        n = size = 0
        with contextlib.suppress(OSError), os.scandir(os.path.dirname(self._path(key))) as it:
            for e in it:
                if e.name.endswith(".json"):
                    n += 1
                    with contextlib.suppress(OSError):
                        size += e.stat(follow_symlinks=False).st_size
        return n * 256 > self.max_entries or size * 256 > self.max_bytes

    def prune(self) -> int:
        """Remove the least recently used entries beyond 90% of the bounds; how many."""
        return prune(self.directory, self.max_entries, self.max_bytes)


def cacheable(item: Item) -> bool:
    """A result that the same bytes will always give: not a worker's death, not a rule
    error (a rule that failed or was stopped by its clock)."""
    from pso_cli.model.findings import Outcome

    if getattr(item, "failed", False):
        return False
    findings = getattr(item, "findings", ())
    return not any(f.outcome is Outcome.ERROR for f in findings)


def ensure_dir(directory: str) -> None:
    """The cache directory, with a .gitignore of `*` (like ruff's) and a CACHEDIR.TAG."""
    os.makedirs(directory, exist_ok=True)
    for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
        path = os.path.join(directory, name)
        if not os.path.exists(path):
            with contextlib.suppress(OSError), open(path, "x", encoding="utf-8") as f:
                f.write(text)


def entries(directory: str) -> list[tuple[float, int, str]]:
    """(mtime, size, path) of every entry."""
    out = []
    root = os.path.join(directory, SUBDIR)
    try:
        subdirs = list(os.scandir(root))
    except OSError:
        return []
    for sub in subdirs:
        if not sub.is_dir(follow_symlinks=False):
            continue
        with contextlib.suppress(OSError), os.scandir(sub.path) as it:
            for e in it:
                if e.name.endswith(".json"):
                    with contextlib.suppress(OSError):
                        st = e.stat(follow_symlinks=False)
                        out.append((st.st_mtime, st.st_size, e.path))
    return out


def prune(directory: str, max_entries: int, max_bytes: int) -> int:
    found = entries(directory)
    total = sum(size for _, size, _ in found)
    if len(found) <= max_entries and total <= max_bytes:
        return 0
    found.sort()  # oldest first
    keep_n, keep_b = int(max_entries * 0.9), int(max_bytes * 0.9)
    removed = 0
    for _, size, path in found:
        if len(found) - removed <= keep_n and total <= keep_b:
            break
        with contextlib.suppress(OSError):  # another run may have removed it
            os.unlink(path)
        removed += 1
        total -= size
    return removed


def clear(directory: str) -> int:
    """Remove every entry (and stray temporary file); how many entries."""
    import shutil

    n = len(entries(directory))
    root = os.path.join(directory, SUBDIR)
    shutil.rmtree(root, ignore_errors=True)
    return n


def assess_cached(
    engine: Engine, cache: ResultCache, path: str, max_bytes: int, stdin_filename: str
) -> Item:
    """`assess_one` through the cache: read once, hash, a hit decoded, a miss assessed
    from the bytes already read and stored."""
    from pso_cli.engine.assess import assess_loaded
    from pso_cli.errors import InputError
    from pso_cli.loading.load import proposal_from_bytes, shown_name
    from pso_cli.loading.reader import read_bytes
    from pso_cli.model.run import Invalid

    started = time.perf_counter()

    def timed(item: Item) -> Item:  # JUnit's time: what this run spent on the file
        return dataclasses.replace(item, seconds=time.perf_counter() - started)

    name = shown_name(path, stdin_filename)
    try:
        data = read_bytes(path, max_bytes, name)
    except InputError as exc:  # depends on the file system, not on bytes: not cached
        return timed(Invalid(name, tuple(exc.problems)))
    key = cache.key(name, data)
    hit = cache.get(key)
    if hit is not None:
        return timed(hit)
    item: Item
    try:
        loaded = proposal_from_bytes(data, name)
    except InputError as exc:
        item = Invalid(name, tuple(exc.problems))
    else:
        item = assess_loaded(engine, loaded)
    cache.put(key, item)
    return timed(item)
