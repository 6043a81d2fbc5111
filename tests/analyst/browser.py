"""Open a local HTML file in Debian's headless Chromium and report what a reader would see.

Driven over the DevTools protocol (websocket-client): the page's console messages, uncaught
exceptions and browser log errors (a blocked or failed load), a few facts evaluated in the page,
and a full-page screenshot. Runs as root, so with --no-sandbox, a fresh profile and no network.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websocket

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--remote-debugging-port=0",
    "--window-size=1280,900",
    "--hide-scrollbars",
)
DEFAULT_TIMEOUT_S = 60.0


@dataclass
class PageView:
    console: list[dict[str, Any]] = field(default_factory=list)  # every console call, with its level
    exceptions: list[dict[str, Any]] = field(default_factory=list)
    log_errors: list[dict[str, Any]] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    screenshots: dict[str, bytes] = field(default_factory=dict)  # "page": the first screen, else per selector

    @property
    def errors(self) -> list[Any]:
        console_errors = [c for c in self.console if c.get("type") in ("error", "assert")]
        return [*console_errors, *self.exceptions, *self.log_errors]


def chromium_binary() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise RuntimeError("Debian's chromium is not installed: `make test` installs it as root (apt-get)")
    return found


class _Session:
    def __init__(self, url: str, timeout_s: float) -> None:
        self.socket = websocket.create_connection(url, timeout=timeout_s, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            self.events.append(message)

    def wait_for(self, event: str, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while not any(e.get("method") == event for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {event} within {timeout_s} s")
            self.events.append(json.loads(self.socket.recv()))


def _debugger_url(profile: Path, process: subprocess.Popen[bytes], timeout_s: float) -> str:
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + timeout_s
    while not port_file.exists() or len(port_file.read_text().splitlines()) < 2:
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"chromium did not start (exit code {process.poll()})")
        time.sleep(0.1)
    port = port_file.read_text().splitlines()[0]
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=timeout_s) as response:
        targets = json.load(response)
    return str(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])


_BOX = "(() => {{ const r = document.querySelector({selector}).getBoundingClientRect(); "
_BOX += "return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height]; }})()"


def _shoot(session: _Session, selector: str | None) -> bytes:
    params: dict[str, Any] = {"format": "png"}
    if selector is not None:
        box = session.call(
            "Runtime.evaluate", expression=_BOX.format(selector=json.dumps(selector)), returnByValue=True
        )
        x, y, width, height = box["result"]["value"]
        params |= {
            "clip": {"x": x, "y": y, "width": width, "height": height, "scale": 1},
            "captureBeyondViewport": True,
        }
    return base64.b64decode(session.call("Page.captureScreenshot", **params)["data"])


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End the browser we started and the helper processes of its group, before its profile goes."""
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.terminate()
        process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    time.sleep(0.2)


def view_page(
    path: Path, facts: dict[str, str], shots: tuple[str, ...] = (), timeout_s: float = DEFAULT_TIMEOUT_S
) -> PageView:
    """Load `path`, evaluate each JavaScript expression of `facts` in the page, and take a screenshot
    of the first screen ("page") and of the first element matching each selector of `shots`."""
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        process = subprocess.Popen(
            [chromium_binary(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its helper processes share a group we can end as one
        )
        try:
            session = _Session(_debugger_url(Path(profile), process, timeout_s), timeout_s)
            for domain in ("Runtime", "Log", "Page"):
                session.call(f"{domain}.enable")
            session.call("Page.navigate", url=path.resolve().as_uri())
            session.wait_for("Page.loadEventFired", timeout_s)
            view = PageView()
            for name, expression in facts.items():
                result = session.call("Runtime.evaluate", expression=expression, returnByValue=True)
                view.facts[name] = result["result"].get("value")
            view.screenshots["page"] = _shoot(session, None)
            for selector in shots:
                view.screenshots[selector] = _shoot(session, selector)
            for event in session.events:
                method, params = event.get("method"), event.get("params", {})
                if method == "Runtime.consoleAPICalled":
                    view.console.append(params)
                elif method == "Runtime.exceptionThrown":
                    view.exceptions.append(params)
                elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                    view.log_errors.append(params["entry"])
            session.socket.send(json.dumps({"id": session.next_id + 1, "method": "Browser.close"}))
            session.socket.close()
            return view
        finally:
            _stop(process)
