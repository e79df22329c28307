"""The brief: one screen (at most 40 lines at 80 columns) for a decision-maker.

In order: the verdict and its reason; the law in one line; gates and vetoes (those not
met in full, the others on one line); the three to five reasons that decide it; the
conditions; the facts to gather first; what the authors can do to strengthen it and the
facts of the world the verdict depends on; the score with its range and completeness.
Where the screen is short, the longest lists give up their last items first, with a line
saying how many more `pso assess --detail` shows.
"""

from __future__ import annotations

from rich.text import Text

from pso_cli.model.findings import Assessment, Change, Gate, Verdict
from pso_cli.render import explain as ex
from pso_cli.render.labels import GATE_LABEL, VERDICT_LABEL
from pso_cli.render.layout import Section, bullet, fit, styled, wrap

HEIGHT = 40
# Which lists give up items first when the brief is too long (indexes into _sections).
_TRIM = (7, 5, 6, 3, 4, 2)


def header(a: Assessment, width: int, lead: bool = False) -> Section:
    name = styled((a.name, "bold"), (f" ({a.proposal_id})", "muted"))
    lines = wrap(name, width)
    where = f"{a.path}, judged at {a.as_of or 'today'}" + (f"; host {a.host}" if a.host else "")
    lines += wrap(where, width)
    if lead and a.lead:
        lines += wrap(f"Led by {a.lead}", width)
    for notice in a.notices[:1]:
        lines += wrap(styled(("Note: ", "bold"), notice), width)
    return Section(lines, width=width)


def verdict(a: Assessment, width: int) -> Section:
    label = styled((VERDICT_LABEL[a.verdict], f"verdict.{a.verdict.value}"))
    return Section([label, *wrap(a.reason, width)], width=width)


def law_and_gates(a: Assessment, width: int) -> Section:
    law = a.legal
    at = f" ({ex.where(a, _line(a, law.field))})" if law is not None and law.field else ""
    said = ex.law_line(a, short=law is not None and bool(law.reason) and law.reason in a.reason)
    lines = wrap(said + at, width)
    open_ = [g for g in a.gates if g.status != "passed"]
    met = _met([g for g in a.gates if g.status == "passed"])
    if not open_:
        lines += wrap(f"Gates and vetoes: all {len(a.gates)} met ({met})", width)
        return Section(lines, width=width)
    also = f" (met: {met})" if met else ""
    lines += wrap(f"Gates and vetoes: {len(open_)} of {len(a.gates)} not met{also}", width)
    decided = [_gate(a, g, width) for g in open_ if g.status != "unknown"]
    undecided = _undecided(a, [g for g in open_ if g.status == "unknown"], width)
    n = max(len(decided), 1)
    return Section(
        lines, [*decided, *undecided], keep=n, floor=n, width=width, counted=len(lines) - 1
    )


def _undecided(a: Assessment, gates: list[Gate], width: int) -> list[list[Text]]:
    """Gates and vetoes pso cannot decide, one line each, or one line for all of those
    that wait for the same fact."""
    by_field: dict[str, list[Gate]] = {}
    for g in gates:
        by_field.setdefault(g.field, []).append(g)
    out = []
    for field, mine in by_field.items():
        if len(mine) == 1:
            out.append(_gate(a, mine[0], width))
            continue
        label = styled((GATE_LABEL["unknown"], "gate.unknown"))
        what = f" {_met(mine)} wait for {field} ({ex.where(a, mine[0].line)})"
        out.append(wrap(styled(label, what), width, "  ", "    "))
    return out


def _line(a: Assessment, field: str) -> int:
    for f in a.findings:
        if f.field == field:
            return f.line
    return next((g.line for g in a.gates if g.field == field), 1)


def _met(gates: list[Gate]) -> str:
    """'LEG-001, STR-001 and 5 vetoes': the gates by code, the vetoes counted."""
    codes = [g.rule for g in gates if g.kind != "veto"]
    n = sum(g.kind == "veto" for g in gates)
    vetoes = f"{n} veto{'es' * (n != 1)}" if n else ""
    if codes and vetoes:
        return f"{', '.join(codes)} and {vetoes}"
    return ", ".join(codes) or vetoes


def _gate(a: Assessment, g: Gate, width: int) -> list[Text]:
    label = styled((GATE_LABEL[g.status], f"gate.{g.status}"))
    what = "veto" if g.kind == "veto" else f"gate {g.rule}"
    body = styled(f" {what}: {g.title} ({ex.where(a, g.line)})")
    return wrap(label + body, width, "  ", "    ")


def decides(a: Assessment, width: int) -> Section | None:
    found = ex.reasons(a)
    if not found:
        return None
    head = wrap(styled(("What decides it", "bold"), ", in points of the overall score"), width)
    items = []
    for r in found:
        sign, style = ("+", "outcome.supports") if r.points > 0 else ("−", "outcome.concern")
        mark = styled((f"{sign}{abs(r.points):5.1f}", style))
        items.append(wrap(styled(mark, "  ", r.text(a)), width, "  ", "          "))
    return Section(head, items, keep=5, floor=3, width=width, tight=True)


def conditions(a: Assessment, width: int) -> Section | None:
    listed = tuple(dict.fromkeys(a.conditions))  # the same condition can arise twice
    if listed:
        items = [wrap(c, width, f"  {i}. ") for i, c in enumerate(listed, 1)]
        return Section(
            [styled(("Conditions", "bold"))], items, keep=4, floor=2, width=width, tight=True
        )
    if a.verdict is Verdict.RECOMMEND:
        return Section([styled(("Conditions", "bold"), ": none")], tight=True)
    concerns = ex.significant_concerns(a)
    if a.verdict is Verdict.WITH_CONDITIONS and concerns:
        items = [bullet(f"{f.message} ({ex.where(a, f.line)})", width) for f in concerns]
        head = [styled(("Concerns to weigh", "bold"), " (no condition would lift them)")]
        return Section(head, items, keep=3, floor=2, width=width, tight=True)
    return None


def gather(a: Assessment, width: int) -> Section | None:
    facts = ex.facts_to_gather(a)
    if not facts:
        return None
    items = [bullet(f"{f.text} ({ex.where(a, f.line)})", width) for f in facts]
    return Section(
        [styled(("Facts to gather first", "bold"))], items, keep=3, floor=1, width=width, tight=True
    )


def strengthen(a: Assessment, width: int) -> Section | None:
    if a.changes is None or a.verdict is Verdict.RECOMMEND:
        return None
    single, joint = ex.actions(a)
    head = [styled(("To strengthen this proposal", "bold"))]
    items = [bullet(_moves(ex.action_text(c), c), width) for c in single]
    if joint:
        last = joint[-1]
        items.append(wrap(f"Together these would move pso to {ex.VERDICT_WORDS[last.verdict]} "
                          f"(score {last.score:.0f}):", width, "  "))  # fmt: skip
        items += [wrap(ex.action_text(c), width, f"  {i}. ") for i, c in enumerate(joint, 1)]
    if not items:
        items = [wrap(_no_action(a), width, "  ")]
    whole = len(items) if joint else 1  # steps taken together are never split
    return Section(
        head, items, keep=min(len(items), max(whole, 2)), floor=whole, width=width, tight=True
    )


def _no_action(a: Assessment) -> str:
    if a.verdict is Verdict.FURTHER_ANALYSIS and ex.facts_to_gather(a):
        return "Gather the facts above first: no action alone would change the verdict."
    if any(c.control == "world" for c in a.changes or ()):
        return "No action the authors can take would change the verdict; facts of the world would."
    return "No action the authors can take would change the verdict."


def _moves(text: str, c: Change) -> str:
    return f"{text}: pso would {ex.VERDICT_WORDS[c.verdict]} (score {c.score:.0f})"


def depends(a: Assessment, width: int) -> Section | None:
    found = ex.depends_on(a)
    if a.changes is None or not found:
        return None
    items = [bullet(ex.world_text(c), width) for c in found]
    return Section(
        [styled(("The verdict depends on", "bold"))],
        items,
        keep=2,
        floor=1,
        width=width,
        tight=True,
    )


def accepted(a: Assessment, width: int) -> Section | None:
    text = ex.acceptances(a)
    return Section(wrap(text, width), tight=True) if text else None


def score(a: Assessment, width: int) -> Section:
    """The score, its range and completeness; with --sensitivity, whether it is fragile."""
    lines = []
    s = a.sensitivity
    if s is not None:
        label = styled(("FRAGILE: " if s.fragile else "Robust: ", "bold"))
        said = f"{s.reason} {s.same_verdict_share:.0%} of {s.samples} weight samples agree."
        lines += wrap(styled(label, said), width)
    lines += wrap(styled((ex.score_line(a), "bold")), width)
    return Section(lines, width=width, tight=True)


def _sections(a: Assessment, width: int) -> list[Section | None]:
    return [
        header(a, width),
        verdict(a, width),
        law_and_gates(a, width),
        decides(a, width),
        conditions(a, width),
        gather(a, width),
        strengthen(a, width),
        depends(a, width),
        accepted(a, width),
        score(a, width),
    ]


def brief_lines(a: Assessment, width: int = 80, height: int = HEIGHT) -> list[Text]:
    """The brief of one assessment, at most `height` lines of at most `width` columns
    (a single word longer than the line, such as a long path, is never cut)."""
    return fit(_sections(a, width), height, _TRIM, width)
