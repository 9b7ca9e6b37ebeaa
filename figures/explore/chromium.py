"""Driving the explorable page in headless Chromium, offline: shared by its tests and its benchmark.

Nothing here imports Playwright (a development dependency); callers pass in a launched browser.
"""

from __future__ import annotations

from pathlib import Path

#: Debian's Chromium, headless, without the background traffic that a test must not depend on.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1140, "height": 900}


def until(view, condition: str) -> None:
    """Wait, frame by frame, until ``condition`` (JavaScript) holds in the page. Playwright's wait_for_function
    would compile it with eval, which the page's Content-Security-Policy rightly forbids."""
    poll = "const check = () => (" + condition + ") ? done() : requestAnimationFrame(check); check();"
    view.evaluate("() => new Promise((done) => { " + poll + " })")


#: When the explorable page has drawn all its views once.
DRAWN = "window.optvizExplore && window.optvizExplore.timings.redraws > 0"


def open_offline(browser, path: Path, ready: str = DRAWN):
    """A fresh page on ``path`` with every non-file request aborted, once ``ready`` holds (by default: once the
    explorable page has drawn).

    Returns the page, the console errors and warnings (and uncaught exceptions) it reports, and every URL it
    requested.
    """
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    view = context.new_page()
    requests, problems = [], []
    view.on("request", lambda request: requests.append(request.url))
    view.on("console", lambda message: message.type in ("error", "warning") and problems.append(message.text))
    view.on("pageerror", lambda error: problems.append(str(error)))
    view.goto(Path(path).as_uri())
    until(view, ready)
    return view, problems, requests
