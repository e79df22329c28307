"""A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (stdlib only).

Chromium started with --remote-debugging-pipe reads commands from its fd 3 and writes
replies and events to its fd 4, each a JSON object followed by a NUL byte. We attach to
one page target in "flat" mode (commands carry a sessionId), enable the Runtime, Log,
Network and Page domains, and record every event, so a test can ask afterwards what the
page logged and which URLs it requested.

    with Chromium(binary, profile_dir) as browser:
        page = browser.new_page()
        page.goto("file:///.../report.html")
        page.evaluate("document.title")
        page.console_errors(), page.network_urls(), page.screenshot(), page.pdf()
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import subprocess
import time
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",  # we run as root in CI containers
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--metrics-recording-only",
    "--mute-audio",
    "--hide-scrollbars",
    "--font-render-hinting=none",
    "--remote-debugging-pipe",
)


class CdpError(RuntimeError):
    pass


class Chromium:
    """A headless Chromium process driven over the DevTools pipe."""

    def __init__(self, binary: str, profile_dir: Path, timeout: float = 30.0) -> None:
        self.binary = binary
        self.profile_dir = profile_dir
        self.timeout = timeout
        self.events: list[dict[str, Any]] = []
        self._next_id = 0
        self._buffer = b""
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Chromium:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        to_child_r, self._to_child = os.pipe()  # the browser reads commands on its fd 3
        self._from_child, from_child_w = os.pipe()  # and writes replies on its fd 4
        args = [self.binary, *FLAGS, f"--user-data-dir={self.profile_dir}", "about:blank"]
        self.log_path = self.profile_dir.parent / f"{self.profile_dir.name}.stderr.log"
        with open(self.log_path, "wb") as log:
            self._proc = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                pass_fds=(3, 4),
                preexec_fn=_dup_to(to_child_r, from_child_w),
            )
        os.close(to_child_r)
        os.close(from_child_w)
        self.send("Browser.getVersion")

    def close(self) -> None:
        if self._proc is None:
            return
        with contextlib.suppress(CdpError, OSError):
            self.send("Browser.close", timeout=5)
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        os.close(self._to_child)
        os.close(self._from_child)
        self._proc = None

    # -- the protocol ---------------------------------------------------------------------

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        session: str | None = None,
        timeout: float | None = None,
    ) -> dict[str, Any]:
        """Send one command and wait for its reply; events read meanwhile are recorded."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            reply = self._read(deadline, f"a reply to {method}")
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise CdpError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method: str, session: str, timeout: float | None = None) -> dict[str, Any]:
        """The first event `method` of `session` (already recorded or still to come)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        seen = 0
        while True:
            for event in self.events[seen:]:
                if event.get("method") == method and event.get("sessionId") == session:
                    return event
            seen = len(self.events)
            message = self._read(deadline, f"the event {method}")
            if "method" in message:
                self.events.append(message)

    def _read(self, deadline: float, what: str) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_child], [], [], left)[0]:
                raise CdpError(f"timed out waiting for {what}")
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise CdpError(f"Chromium closed the pipe while we waited for {what}")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def new_page(self, width: int = 1000, height: int = 1300) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        page = Page(self, session["sessionId"], target)
        for domain in ("Runtime", "Log", "Network", "Page"):
            page.send(f"{domain}.enable")
        page.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        return page


def _dup_to(read_fd: int, write_fd: int) -> Any:
    """In the child, before exec: the command pipe on fd 3 and the reply pipe on fd 4."""

    def setup() -> None:
        # First above 10, so neither lands on 3 or 4 before it is moved there; dup2 then
        # gives fds 3 and 4 without close-on-exec.
        high_read = fcntl.fcntl(read_fd, fcntl.F_DUPFD, 10)
        high_write = fcntl.fcntl(write_fd, fcntl.F_DUPFD, 10)
        os.dup2(high_read, 3)
        os.dup2(high_write, 4)

    return setup


class Page:
    """One tab, attached in flat mode."""

    def __init__(self, browser: Chromium, session: str, target: str) -> None:
        self.browser = browser
        self.session = session
        self.target = target

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.send(method, params, self.session)

    def goto(self, url: str) -> None:
        reply = self.send("Page.navigate", {"url": url})
        if reply.get("errorText"):
            raise CdpError(f"cannot open {url}: {reply['errorText']}")
        self.browser.wait_for("Page.loadEventFired", self.session)

    def evaluate(self, expression: str) -> Any:
        reply = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in reply:
            raise CdpError(f"{expression}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def _events(self, *methods: str) -> list[dict[str, Any]]:
        return [
            e["params"]
            for e in self.browser.events
            if e.get("sessionId") == self.session and e.get("method") in methods
        ]

    def console_errors(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions and browser log errors
        (a Content-Security-Policy violation is logged here)."""
        out = []
        for p in self._events("Runtime.consoleAPICalled"):
            if p["type"] in ("error", "warning", "assert"):
                out.append(f"console.{p['type']}: {p.get('args')}")
        for p in self._events("Runtime.exceptionThrown"):
            out.append(f"exception: {p['exceptionDetails'].get('text')}")
        for p in self._events("Log.entryAdded"):
            if p["entry"]["level"] in ("error", "warning"):
                out.append(f"log.{p['entry']['level']}: {p['entry'].get('text')}")
        return out

    def network_urls(self) -> list[str]:
        """Every URL the page asked for."""
        return [p["request"]["url"] for p in self._events("Network.requestWillBeSent")]

    def failed_loads(self) -> list[str]:
        return [p.get("errorText", "") for p in self._events("Network.loadingFailed")]

    def screenshot(self, path: Path, full_page: bool = False) -> bytes:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params["captureBeyondViewport"] = True
            params["clip"] = {
                "x": 0,
                "y": 0,
                "width": size["width"],
                "height": size["height"],
                "scale": 1,
            }
        data = base64.b64decode(self.send("Page.captureScreenshot", params)["data"])
        path.write_bytes(data)
        return data

    def pdf(self, path: Path) -> bytes:
        """Print as the user would: the page's own @page size (A4) and print CSS."""
        params = {"preferCSSPageSize": True, "printBackground": True}
        data = base64.b64decode(self.send("Page.printToPDF", params)["data"])
        path.write_bytes(data)
        return data
