"""Build the corpus cases that are too big or too special to commit.

Small hostile inputs live in tests/corpus/cases/ as files. The ones here are made at
test time in a temporary directory: a 20 MB file, 10,000-level nesting, megabyte
strings, a FIFO, a symbolic-link loop, a directory named like a YAML file, and a file
without read permission. `make(name, directory)` returns the path to pass to pso.

Run `python tests/corpus/generate.py DIR` to write them all to DIR for a manual look.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

HEADER = "pso_format: 1\nidentity:\n  name: Corpus case\n  id: corpus-case\n"
MB = 1024 * 1024
DEPTH = 10_000


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def big_20mb(d: Path) -> Path:
    """A 20 MB file: refused by its size before a byte is read."""
    path = d / "big-20mb.yaml"
    with path.open("wb") as fh:
        fh.write(HEADER.encode())
        fh.write(b"location:\n  host: " + b"x" * (20 * MB) + b"\n")
    return path


def big_over_limit_sparse(d: Path) -> Path:
    """A sparse 1 GB file: the size check must not read it."""
    path = d / "sparse-1gb.yaml"
    with path.open("wb") as fh:
        fh.write(HEADER.encode())
        fh.truncate(1024 * MB)
    return path


def nest_flow_lists(d: Path) -> Path:
    """10,000 nested flow sequences."""
    body = "[" * DEPTH + "x" + "]" * DEPTH
    return _write(
        d / "nest-flow-lists.yaml", (HEADER + f"leadership:\n  partners: {body}\n").encode()
    )


def nest_flow_maps(d: Path) -> Path:
    """10,000 nested flow mappings."""
    body = "{a: " * DEPTH + "x" + "}" * DEPTH
    return _write(d / "nest-flow-maps.yaml", (HEADER + f"location: {body}\n").encode())


def nest_block(d: Path) -> Path:
    """10,000 nested block sequences on one line (`- - - ... x`)."""
    return _write(
        d / "nest-block.yaml", (HEADER + "alternatives:\n  " + "- " * DEPTH + "x\n").encode()
    )


def nest_unclosed(d: Path) -> Path:
    """10,000 opening brackets and nothing else: truncated and deep at once."""
    return _write(d / "nest-unclosed.yaml", b"[" * DEPTH)


def string_1mb(d: Path) -> Path:
    """A 1 MB string value: must be reported without echoing the megabyte."""
    text = HEADER + "  summary: " + "A" * MB + "\n"
    return _write(d / "string-1mb.yaml", text.encode())


def key_1mb(d: Path) -> Path:
    """A 1 MB key: an unknown key whose name must not fill the terminal."""
    text = HEADER + "location:\n  " + "k" * MB + ": Testland\n"
    return _write(d / "key-1mb.yaml", text.encode())


def many_nodes(d: Path) -> Path:
    """600 lists of 500 one-character items: 300,000 nodes (over MAX_NODES, under the size
    cap), each list within the 500-item limit."""
    row = "[" + ",".join(["a"] * 500) + "]"
    text = HEADER + "leadership:\n  partners: [" + ",".join([row] * 600) + "]\n"
    return _write(d / "many-nodes.yaml", text.encode())


def many_items(d: Path) -> Path:
    """20,000 alternatives (1.3 MB): the text report once took 252 s and 440 MB."""
    item = "  - {type: diplomacy, feasibility: high, expected_effect: partly}\n"
    return _write(d / "many-items.yaml", (HEADER + "alternatives:\n" + item * 20_000).encode())


def many_keys(d: Path) -> Path:
    """99,000 unknown keys in one mapping: each would be a validation error."""
    keys = "".join(f"  k{i}: v\n" for i in range(99_000))
    return _write(d / "many-keys.yaml", (HEADER + "location:\n" + keys).encode())


def symlink_loop(d: Path) -> Path:
    a, b = d / "loop-a.yaml", d / "loop-b.yaml"
    a.symlink_to(b.name)
    b.symlink_to(a.name)
    return a


def dangling_symlink(d: Path) -> Path:
    path = d / "dangling.yaml"
    path.symlink_to("does-not-exist.yaml")
    return path


def fifo(d: Path) -> Path:
    """A named pipe nobody writes to: opening it for reading would block forever."""
    path = d / "pipe.yaml"
    os.mkfifo(path)
    return path


def directory(d: Path) -> Path:
    path = d / "folder.yaml"
    path.mkdir()
    (path / "inner.yaml").write_text(HEADER, encoding="utf-8")
    return path


def unreadable(d: Path) -> Path:
    """Mode 000. Root reads it anyway; test_corpus runs this case as another user."""
    path = _write(d / "unreadable.yaml", HEADER.encode())
    path.chmod(0)
    return path


def locked_directory(d: Path) -> Path:
    """A directory (named like a file, so it is read, not walked) that cannot be listed:
    a scan passed over such a directory in silence. Run as another user, like
    unreadable.yaml."""
    path = d / "locked-dir.yaml"
    path.mkdir()
    (path / "inner.yaml").write_text(HEADER, encoding="utf-8")
    path.chmod(0)
    return path


def missing(d: Path) -> Path:
    return d / "no-such-file.yaml"


GENERATORS: dict[str, Callable[[Path], Path]] = {
    "big-20mb.yaml": big_20mb,
    "sparse-1gb.yaml": big_over_limit_sparse,
    "nest-flow-lists.yaml": nest_flow_lists,
    "nest-flow-maps.yaml": nest_flow_maps,
    "nest-block.yaml": nest_block,
    "nest-unclosed.yaml": nest_unclosed,
    "string-1mb.yaml": string_1mb,
    "key-1mb.yaml": key_1mb,
    "many-nodes.yaml": many_nodes,
    "many-items.yaml": many_items,
    "many-keys.yaml": many_keys,
    "loop-a.yaml": symlink_loop,
    "dangling.yaml": dangling_symlink,
    "pipe.yaml": fifo,
    "folder.yaml": directory,
    "unreadable.yaml": unreadable,
    "locked-dir.yaml": locked_directory,
    "no-such-file.yaml": missing,
}


def make(name: str, directory: Path) -> Path:
    """Create the generated case `name` inside `directory`; return its path."""
    return GENERATORS[name](directory)


if __name__ == "__main__":  # pragma: no cover - manual use
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "corpus-generated")
    out.mkdir(parents=True, exist_ok=True)
    for case in GENERATORS:
        print(make(case, out))
