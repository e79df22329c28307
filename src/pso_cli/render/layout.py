"""Lines for the terminal: styled text wrapped at word boundaries, never cut.

Rich tables pad cells with spaces and crop what does not fit (`file.yaml:3…`); the text
reports are laid out here instead, line by line: every line is wrapped at spaces with a
hanging indent, a word longer than the line (a long path) stands whole on its own line,
and no line ends in a space. Rich only adds the styles (and drops them for NO_COLOR).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.text import Text

from pso_cli.escape import text as inert

_WORD = re.compile(r"\S+")
MORE_HINT = "pso assess --detail"
MAX_SHOWN = 4000  # characters of one piece of text shown; the JSON report has them all


def shown(value: str) -> str:
    """Text from outside (the YAML, a file name, a rule pack) as literal, inert text: no
    character that would drive the terminal, and a text longer than MAX_SHOWN cut with a
    count (a finding quoting every caveat of a 2 MB file is no use on a terminal)."""
    if len(value) > MAX_SHOWN:
        more = len(value) - MAX_SHOWN
        value = f"{value[:MAX_SHOWN]}… ({more} more characters; --format json has them all)"
    return inert(value)


def wrap(text: Text | str, width: int, first: str = "", rest: str | None = None) -> list[Text]:
    """`text` wrapped to `width` columns after `first` (later lines after `rest`, by
    default as many spaces as `first` is wide)."""
    body = text.copy() if isinstance(text, Text) else Text(shown(text))
    body.plain = body.plain.replace("\n", " ").replace("\t", " ")  # lines are ours to make
    body.plain = body.plain.replace("\n", " ")
    indent = " " * cell_len(first) if rest is None else rest
    lines: list[Text] = []
    prefix, start, end = first, -1, -1
    for m in _WORD.finditer(body.plain):
        if start >= 0 and cell_len(prefix) + cell_len(body.plain[start : m.end()]) > width:
            lines.append(Text(prefix) + body[start:end])
            prefix, start = indent, m.start()
        elif start < 0:
            start = m.start()
        end = m.end()
    if start >= 0:
        lines.append(Text(prefix) + body[start:end])
    return lines or [Text(first.rstrip())]


def bullet(text: Text | str, width: int, mark: str = "•", indent: int = 2) -> list[Text]:
    head = " " * indent + mark + " "
    return wrap(text, width, head)


def styled(*parts: tuple[str, str] | str | Text) -> Text:
    """Text from (text, style) pairs, plain strings (made inert) and Text already built."""
    out = Text()
    for part in parts:
        if isinstance(part, Text):
            out.append_text(part)
        elif isinstance(part, str):
            out.append(shown(part))
        else:
            out.append(shown(part[0]), style=part[1])
    return out


@dataclass
class Section:
    """A heading and its items, each item already wrapped into lines. When the report
    must be shorter, items are dropped from the end (down to `keep`, then, if need be, to
    `floor`) and the heading says how many are shown ("Conditions (2 of 4)")."""

    heading: list[Text]
    items: list[list[Text]] = field(default_factory=list)
    keep: int = 1  # items kept while other sections can still give some up
    floor: int = 1  # items kept however short the screen
    dropped: int = 0
    width: int = 80
    counted: int = 0  # the heading line that says how many items are shown
    tight: bool = False  # on a short screen, no blank line before it

    def lines(self) -> list[Text]:
        head = list(self.heading)
        if self.dropped and len(head) > self.counted:
            shown, n = len(self.items), self.counted
            said = head[n] + Text(f" ({shown} of {shown + self.dropped} shown)")
            head = head[:n] + wrap(said, self.width) + head[n + 1 :]
        out = head
        for item in self.items:
            out += item
        return out

    def drop_one(self, least: int) -> bool:
        """Drop the last item, unless only `least` are left."""
        if len(self.items) <= least:
            return False
        self.items.pop()
        self.dropped += 1
        return True


def fit(
    sections: Sequence[Section | None], height: int, order: Iterable[int], width: int = 80
) -> list[Text]:
    """The sections, blank-line separated, shortened to `height` lines: first by dropping
    items from the sections in `order` (indexes, the first dropped from first) down to
    each one's `keep`; then by leaving out the blank line before each `tight` section;
    then by dropping items down to each one's `floor`. The last line says where to read
    what was left out."""
    present = [s for s in sections if s is not None]
    trim = [s for i in order if (s := sections[i]) is not None]
    compact = False

    def joined() -> list[Text]:
        out: list[Text] = []
        for s in present:
            if out and not (compact and s.tight):
                out.append(Text(""))
            out += s.lines()
        if any(s.dropped for s in present):
            out = _hint(out, width)
        return out

    for phase in ("keep", "compact", "floor"):
        compact = compact or (phase == "compact" and len(joined()) > height)
        while len(joined()) > height and any(
            s.drop_one(s.floor if phase == "floor" else s.keep) for s in trim
        ):
            pass
    return joined()


def _hint(lines: list[Text], width: int) -> list[Text]:
    """Say, on the last line if it fits, that --detail shows what was left out."""
    tail = " · more: --detail"
    if lines and cell_len(lines[-1].plain + tail) <= width:
        return [*lines[:-1], lines[-1] + Text(tail)]
    return [*lines, *wrap(f"Lists are shortened to one screen: {MORE_HINT} shows them all.", width)]
