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
CAPSTONE = "United Nations Peacekeeping Operations: Principles and Guidelines"
CAPSTONE_URL = "https://peacekeeping.un.org/sites/default/files/capstone_eng_0.pdf"
DEFENCE_ACT_URL = "https://www.legislation.govt.nz/act/public/1990/0028/latest/whole.html"
HSWA_URL = "https://www.legislation.govt.nz/act/public/2015/0070/latest/DLM5976660.html"

# Each source a rule's reference or a packaged profile's veto cites by name, with its
# address: SARIF's helpUri for a rule that has no address of its own (LEG-001 and LEG-007
# cite MFAT's page; AGY-006 the Capstone doctrine beside a manual with no official
# address) and for a veto, whose source is free text in the profile. The first of these
# that a text cites is the one.
CITED: tuple[tuple[str, str], ...] = (
    (MFAT, MFAT_URL),
    ("Charter of the United Nations", CHARTER_URL),
    (CAPSTONE, CAPSTONE_URL),
    ("Defence Act 1990", DEFENCE_ACT_URL),
    ("Health and Safety at Work Act 2015", HSWA_URL),
)


def cited_url(text: str) -> str | None:
    """The address of the source that `text` cites first, of those in CITED."""
    found = [(text.find(name), url) for name, url in CITED if name in text]
    return min(found)[1] if found else None


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
