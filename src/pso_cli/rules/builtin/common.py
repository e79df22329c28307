"""What rules of several considerations share: source names and addresses, date
arithmetic, and accessors of the proposal."""

from __future__ import annotations

import calendar
import datetime as dt

from pso_cli.model.enums import OperationType
from pso_cli.model.proposal import Proposal

MFAT = "MFAT, Peace support operations"
MFAT_URL = "https://www.mfat.govt.nz/en/peace-rights-and-security/peace-support-operations"
CHARTER_URL = "https://www.un.org/en/about-us/un-charter/full-text"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the end of a shorter month."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period(p: Proposal) -> tuple[dt.date, dt.date] | None:
    """First and last day of the commitment, when start and duration are stated."""
    loc = p.location
    if loc is None or loc.start_date is None or loc.duration_months is None:
        return None
    return loc.start_date, add_months(loc.start_date, loc.duration_months) - dt.timedelta(days=1)


def article(word: object) -> str:
    """'a' or 'an' before a quoted value: "an 'extreme' threat", "a 'high' threat"."""
    return "an" if str(word)[:1].lower() in "aeiou" else "a"


def clause(text: str) -> str:
    """Free text from the proposal, to end a sentence of ours: its end stop dropped."""
    return text.strip().rstrip(".;:!? ")


def op_type(p: Proposal) -> OperationType | None:
    return p.identity.operation_type
