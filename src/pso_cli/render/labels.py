"""Words and styles shared by the terminal reports: colour is never the only signal, so
every verdict, outcome and gate status has a text label."""

from __future__ import annotations

from rich.theme import Theme

from pso_cli.model.findings import Outcome, Verdict

THEME = Theme(
    {
        "verdict.recommend": "bold green",
        "verdict.recommend-with-conditions": "bold yellow",
        "verdict.further-analysis": "bold cyan",
        "verdict.do-not-recommend": "bold red",
        "outcome.supports": "green",
        "outcome.concern": "yellow",
        "outcome.blocker": "bold red",
        "outcome.missing-information": "cyan",
        "outcome.info": "dim",
        "outcome.error": "bold magenta",
        "gate.passed": "green",
        "gate.failed": "bold red",
        "gate.contested": "bold yellow",
        "gate.unknown": "cyan",
        "muted": "dim",
    }
)

VERDICT_LABEL = {
    Verdict.RECOMMEND: "RECOMMEND",
    Verdict.WITH_CONDITIONS: "RECOMMEND WITH CONDITIONS",
    Verdict.FURTHER_ANALYSIS: "FURTHER ANALYSIS NEEDED",
    Verdict.DO_NOT_RECOMMEND: "DO NOT RECOMMEND",
}
OUTCOME_LABEL = {
    Outcome.SUPPORTS: "+ supports",
    Outcome.CONCERN: "! concern",
    Outcome.BLOCKER: "X BLOCKER",
    Outcome.MISSING: "? missing",
    Outcome.INFO: "i info",
    Outcome.ERROR: "E rule error",
}
GATE_LABEL = {
    "passed": "MET",
    "failed": "NOT MET",
    "contested": "CONTESTED",
    "unknown": "UNKNOWN",
}
