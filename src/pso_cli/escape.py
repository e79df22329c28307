"""Text from outside made inert for a terminal or a one-line format.

File names come from the file system and may hold anything but `/` and NUL: newlines (a
name can forge a second line, or a GitHub workflow command), ESC and OSC sequences (they
retitle or recolour the terminal), bidirectional overrides, and bytes that are not
UTF-8 (Python hands those over as lone surrogates, which no UTF-8 output can hold).
Rule packs' messages may hold the same. Each such character is shown as a Python-style
escape (`\\n`, `\\x1b`, `\\u202e`; an undecodable byte as `\\xe9`), so the text stays one
readable line and the byte can still be recognised.
"""

from __future__ import annotations

import re

__all__ = ["one_line", "path_uri_bytes", "text"]

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# In free text a line feed and a tab are text; these never are (the loader refuses the
# same set in YAML values, and U+2028/U+2029 break lines in terminals and JavaScript).
_UNSAFE_IN_TEXT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escape(char: str) -> str:
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(value: str) -> str:
    """Every character that is not printable (str.isprintable) escaped: for names and
    for messages that must stay one line."""
    if value.isprintable():
        return value
    return "".join(c if c.isprintable() else _escape(c) for c in value)


def text(value: str) -> str:
    """Free text with control characters, line separators, bidirectional overrides and
    undecodable bytes escaped; line feeds and tabs are kept."""
    if value.isprintable():
        return value
    return _UNSAFE_IN_TEXT.sub(lambda m: _escape(m.group()), value)


def path_uri_bytes(path: str) -> bytes:
    """The file name's own bytes (undecodable bytes restored), for percent-encoding."""
    return path.encode("utf-8", "surrogateescape")
