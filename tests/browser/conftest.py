"""Fixtures for the browser tests: a headless Chromium driven over the DevTools pipe.

The tests need Debian's `chromium` package (.ci/run installs it). Locally they skip when
no browser is found, and say so; in CI PSO_REQUIRE_BROWSER=1 turns that skip into a
failure, so the browser tests can never silently stop running there. PSO_CHROMIUM names
another binary. Reports, screenshots and PDFs are kept under tmp/browser/ (or
PSO_BROWSER_ARTIFACTS) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cdp import Chromium

REPO = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-28"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    named = os.environ.get("PSO_CHROMIUM")
    if named:
        return named if os.access(named, os.X_OK) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


@pytest.fixture(scope="session")
def chromium_binary() -> str:
    found = find_chromium()
    if found:
        return found
    reason = (
        "headless Chromium not found (looked for PSO_CHROMIUM, then "
        f"{', '.join(CANDIDATES)} on PATH, then /usr/bin/chromium). Install Debian's browser "
        "with `apt-get install chromium` to run these tests; .ci/run installs it and sets "
        "PSO_REQUIRE_BROWSER=1, so in CI they always run."
    )
    if os.environ.get("PSO_REQUIRE_BROWSER") == "1":
        pytest.fail(f"PSO_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(chromium_binary: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chromium]:
    """One browser for the session, with a fresh, throwaway profile directory."""
    with Chromium(chromium_binary, tmp_path_factory.mktemp("chromium") / "profile") as b:
        yield b


@pytest.fixture(scope="session")
def artifacts() -> Path:
    path = Path(os.environ.get("PSO_BROWSER_ARTIFACTS", REPO / "tmp" / "browser"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def make_report(proposal: Path, out: Path) -> Path:
    """`pso assess PROPOSAL --format html --sensitivity --as-of ... -o OUT`, as a user runs it."""
    args = [sys.executable, "-m", "pso_cli", "assess", str(proposal.relative_to(REPO))]
    args += ["--format", "html", "--sensitivity", "--as-of", AS_OF, "-o", str(out)]
    ran = subprocess.run(args, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert ran.returncode in (0, 1), ran.stderr  # 1: the verdict reached --fail-on
    return out


@pytest.fixture(scope="session")
def report_for(artifacts: Path) -> object:
    """report_for(proposal) -> the path of its HTML report under the artifacts directory
    (made once per session)."""
    made: dict[Path, Path] = {}

    def report_for(proposal: Path) -> Path:
        if proposal not in made:
            made[proposal] = make_report(proposal, artifacts / f"{proposal.stem}.html")
        return made[proposal]

    return report_for
