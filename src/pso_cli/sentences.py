"""Joining sentences: one full stop at the end, never two.

Reasons and conditions are assembled from parts, some of them a proposal's own text or a
table's full sentence, and a part that already ends in a full stop followed by the
joiner's own gave "…for legal advice..". `sentence` ends a text with exactly one stop
(keeping a `?`, `!` or an ellipsis the text ends with); `clause` takes the stop off a
sentence that is to be embedded in a longer one.
"""

from __future__ import annotations

import re

__all__ = ["clause", "sentence", "single_stop"]

# '..' ending a sentence (after a word, a bracket or a quote; before a space or the end),
# never an ellipsis '...' nor a path's '../'
_DOUBLED = re.compile(r"(?<=[\w)\]'\"])\.\.(?=\s|$)")
_STOPPED = re.compile(r"[.?!]\s*$")


def clause(text: str) -> str:
    """`text` without the full stop(s) it ends with ('...' kept), to embed in a sentence."""
    text = text.rstrip()
    if text.endswith("...") or text.endswith("…"):
        return text
    return text.rstrip(".").rstrip()


def sentence(text: str) -> str:
    """`text` ending in exactly one full stop (or the ?, ! or ellipsis it ends with)."""
    text = text.rstrip()
    if not text:
        return text
    if text.endswith("...") or text.endswith("…"):
        return text
    return text if _STOPPED.search(text) and not text.endswith("..") else clause(text) + "."


def single_stop(text: str) -> str:
    """`text` with every sentence-ending doubled stop ('..' before a space or the end,
    never an ellipsis or a path) made one: for text assembled from parts elsewhere."""
    return _DOUBLED.sub(".", text)
