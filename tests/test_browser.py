"""The web app in a real browser: the system Chromium driven by Playwright against
``onrecord.web.create_app`` served by uvicorn on 127.0.0.1, over a small store built with
the real extractor from the bundled examples (and the Xi–Putin article of ../shared).

Every test saves a full-page screenshot to ``build/screenshots/<test>.png``; with
``ONRECORD_DOCS_SCREENSHOTS=1`` the analyse, speaker and overview tests also write the
README's screenshots to ``docs/screenshots/``.

Chromium is the Debian package (``make chromium``; never ``playwright install``). Without
it the tests are skipped, except in CI (``$CI`` set), where they must run.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
VIEWPORT = {"width": 1200, "height": 800}
SHOTS = ROOT / "build" / "screenshots"
DOCS_SHOTS = ROOT / "docs" / "screenshots"
TOKEN = "secret"
XI_PUTIN_FILE = ROOT.parent / "shared" / "examples" / "xi-putin-meeting.txt"
# When ../shared is missing: a short article of our own with the same two speakers.
XI_PUTIN_FALLBACK = """\
Xi and Putin meet in Moscow
MOSCOW — Chinese leader Xi Jinping met Russian President Vladimir Putin in the Kremlin on Monday.
“We have many common interests and goals,” Putin told Xi.
“China highly values its ties with Russia,” Xi said. “We can cooperate and work together.”
Putin said that Moscow had “studied closely” Beijing’s proposals on Ukraine.
"""
# Later reports, so that speakers have quotes in more than one month (their timeline chart).
FOLLOW_UPS = [
    (
        "putin-energy",
        "2023-05-16",
        "Northern Wire",
        "Putin promises more gas for Asia",
        "Putin promises more gas for Asia\n"
        "MOSCOW — Russian President Vladimir Putin said on Tuesday that exports to Asia would keep growing.\n"
        "“Our partners in Asia can count on us,” Putin told an energy forum. "
        "“We will build the pipelines they need.”\n",
    ),
    (
        "xi-summit",
        "2023-09-08",
        "Northern Wire",
        "Xi calls for cooperation at summit",
        "Xi calls for cooperation at summit\n"
        "BEIJING — Chinese President Xi Jinping on Friday urged neighbours to deepen trade ties.\n"
        "“Cooperation is the only road to shared prosperity,” Xi said in a speech to delegates.\n"
        "Putin said in a video message that Russia “fully supports” the initiative.\n",
    ),
]
EXAMPLES = {
    "fishing-quota-talks": ("2024-01-11", "Harbour Gazette"),
    "harbour-bridge-vote": ("2024-02-06", "Eastbrook Courier"),
    "hospital-strike-talks": ("2024-03-17", "Harbour Gazette"),
    "senate-debate-water": ("2024-04-10", "Calder Falls Ledger"),
}
# Hostile article text: markup, script, event handlers, a closing textarea, broken HTML,
# and a right-to-left override inside a quotation.
HOSTILE_LINES = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '"><svg onload=window.__pwned=1>',
    "</textarea><script>window.__pwned=1</script>",
    "<div><b>unclosed",
]
HOSTILE_TEXT = (
    "Council chamber hit by strange letters\n"
    "EASTBROOK — Mayor Daniel Okafor said on Monday that the council had received odd letters.\n"
    f"“The first one read {HOSTILE_LINES[0]} and nothing else,” Okafor told reporters.\n"
    f"“Another said {HOSTILE_LINES[1]} in red ink,” said Councillor Tomas Reyes.\n"
    f"Reyes said a third letter contained “{HOSTILE_LINES[2]} and a drawing”.\n"
    f"“We also got {HOSTILE_LINES[3]} twice,” Okafor said.\n"
    f"The last one, Okafor said, was just “{HOSTILE_LINES[4]} scribbles”.\n"
    "“We will vote \u202eon Tuesday\u202c as planned,” Reyes said.\n"
)
HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Letters'


def inert(text: str) -> str:
    return re.sub("[\u202a-\u202e\u2066-\u2069]", lambda m: f"[U+{ord(m.group()):04X}]", text)


def _chromium_or_skip() -> None:
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(
                f"{CHROMIUM} is missing: the browser tests must run in CI (make chromium installs it)"
            )
        pytest.skip(f"{CHROMIUM} is missing (make chromium installs the Debian package)")


# -- the server --------------------------------------------------------------------------------------
def xi_putin_text() -> str:
    if XI_PUTIN_FILE.exists():
        return XI_PUTIN_FILE.read_text(encoding="utf-8")
    return XI_PUTIN_FALLBACK


def build_store(db: str, extractor: Any) -> None:
    """A small store: the bundled examples, the Xi–Putin article and two later reports,
    each with a date and a publisher, extracted by the real extractor."""
    from onrecord.records import Article
    from onrecord.store import Store

    articles = [
        Article(
            id=name,
            text=(ROOT / "examples" / f"{name}.txt").read_text(encoding="utf-8"),
            metadata={"date": date, "publisher": publisher, "title": name.replace("-", " ").capitalize()},
        )
        for name, (date, publisher) in EXAMPLES.items()
    ]
    articles.append(
        Article(
            id="xi-putin-meeting",
            text=xi_putin_text(),
            metadata={
                "date": "2023-03-20",
                "publisher": "World Desk",
                "title": "Xi and Putin meet in Moscow",
            },
        )
    )
    for article_id, date, publisher, title, text in FOLLOW_UPS:
        articles.append(
            Article(id=article_id, text=text, metadata={"date": date, "publisher": publisher, "title": title})
        )
    with Store(db) as store:
        for article in articles:
            result = extractor.process(article)
            assert result.ok, result.error
            store.add(result)


@dataclass
class LiveServer:
    url: str
    db: str


@pytest.fixture(scope="module")
def live_server(extractor: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The web app over a small store, served by uvicorn on 127.0.0.1 (a free port) in a
    background thread, with the write token ``secret`` and the session's extractor."""
    import uvicorn

    from onrecord.web import create_app

    db = str(tmp_path_factory.mktemp("web") / "store.db")
    build_store(db, extractor)
    app = create_app(db, token=TOKEN, extractor_factory=lambda: extractor)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)  # in a thread uvicorn installs no signal handlers
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the web app did not start")
        time.sleep(0.05)
    yield LiveServer(f"http://127.0.0.1:{port}", db)
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


# -- the browser -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """The system Chromium, headless, through Playwright's sync API."""
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Watch:
    """What a page did: dialogs it opened, console errors, every URL it requested."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def errors_but_favicon(self) -> list[str]:
        """Console errors, less the 404 of the browser's own /favicon.ico request."""
        missing = "Failed to load resource: the server responded with a status of 404"
        only_favicon = all(url.endswith("/favicon.ico") for url in self.failed)
        return [e for e in self.errors if not (only_favicon and e.startswith(missing))]


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(
    browser: Any, live_server: LiveServer, watch: Watch, request: pytest.FixtureRequest
) -> Iterator[Any]:
    """A fresh page (1200×800) that records dialogs, console errors and requests, and
    saves a full-page screenshot to build/screenshots/<test>.png when the test ends."""
    context = browser.new_context(viewport=VIEWPORT, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(30_000)

    def on_dialog(dialog: Any) -> None:
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda msg: watch.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: watch.errors.append(str(err)))
    page.on("request", lambda req: watch.requests.append(req.url))
    page.on("response", lambda res: watch.failed.append(res.url) if res.status >= 400 else None)
    yield page
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    try:
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    except Exception as err:  # a page that broke the test may not be drawable: say so, go on
        warnings.warn(f"no screenshot of {name}: {err}", stacklevel=1)
    finally:
        context.close()


def docs_screenshot(page: Any, name: str, full_page: bool = False) -> None:
    """The README's screenshot ``docs/screenshots/<name>.png`` (the viewport, or the whole
    page), when asked for."""
    if os.environ.get("ONRECORD_DOCS_SCREENSHOTS"):
        DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(DOCS_SHOTS / f"{name}.png"), full_page=full_page)


def analyse(page: Any, text: str, **fields: str) -> Any:
    """Paste ``text`` (and metadata ``fields``) into the Analyse form and submit it."""
    page.goto("/analyse")
    page.fill("#text", text)
    if fields:
        page.click("details summary")
        for name, value in fields.items():
            page.fill(f"#{name}", value)
    with page.expect_navigation() as navigation:
        page.click("form.analyse button[type=submit]")
    response = navigation.value
    assert response is not None and response.status == 200, response and response.status
    page.wait_for_selector(".article-text")
    return response


def speakers_by_attribution(page: Any) -> dict[str, tuple[str, str]]:
    """``data-a`` → (speaker, colour class), read from the "who said what" list."""
    found: dict[str, tuple[str, str]] = page.eval_on_selector_all(
        "aside.who li.attribution",
        """items => Object.fromEntries(items.map(li => [
            li.dataset.a,
            [li.querySelector('.speaker').textContent.trim(),
             [...li.classList].find(c => /^sp(\\d+|-none)$/.test(c))]]))""",
    )
    return {k: (v[0], v[1]) for k, v in found.items()}


def assert_inert(page: Any, watch: Watch) -> None:
    """Nothing of the hostile text ran or became markup."""
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert watch.dialogs == []
    # No element in the page got an event handler attribute, and the only script is app.js.
    handlers = page.evaluate(
        """() => [...document.querySelectorAll('*')].flatMap(e =>
            [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))"""
    )
    assert handlers == []
    scripts = page.eval_on_selector_all("script", "els => els.map(e => e.getAttribute('src'))")
    assert all(src and src.endswith("/static/app.js") for src in scripts), scripts
    assert page.locator("main img, main svg[onload], .article-text *:not(.hl)").count() == 0
    # The policy never had to block anything: escaping alone kept the text inert.
    assert not [e for e in watch.errors if "Content Security Policy" in e], watch.errors


# -- the tests ---------------------------------------------------------------------------------------
def test_analyse_xi_putin_highlights_speakers(page: Any, watch: Watch) -> None:
    analyse(page, xi_putin_text())
    speakers = speakers_by_attribution(page)
    assert speakers, "no attributions listed"
    names = {name for name, _ in speakers.values()}
    assert any("Xi" in n for n in names), names
    assert any("Putin" in n for n in names), names

    # One colour per speaker: Xi's and Putin's differ, and each speaker keeps one colour.
    colours: dict[str, set[str]] = {}
    for name, colour in speakers.values():
        colours.setdefault(name, set()).add(colour)
    assert all(len(c) == 1 for c in colours.values()), colours
    xi = next(c for n, c in colours.items() if "Xi" in n and "Putin" not in n)
    putin = next(c for n, c in colours.items() if "Putin" in n and "Xi" not in n)
    assert xi != putin

    # Every highlighted piece of the text carries its attribution's colour; content, cue
    # and source are marked by different classes and look different.
    pieces = page.eval_on_selector_all(
        ".article-text .hl[data-a]", "els => els.map(e => [e.dataset.a, [...e.classList]])"
    )
    assert pieces
    for n, classes in pieces:
        assert speakers[n][1] in classes, (n, classes)
    roles = {role for _, classes in pieces for role in ("content", "cue", "source") if role in classes}
    assert roles == {"content", "cue", "source"}
    look = (
        "e => { const s = getComputedStyle(e); return [s.fontWeight, s.outlineStyle, s.textDecorationLine] }"
    )
    content = page.eval_on_selector(".article-text .hl.content", look)
    assert page.eval_on_selector(".article-text .hl.cue", look) != content
    assert page.eval_on_selector(".article-text .hl.source", look) != content

    # Keyboard focus on a highlighted quotation shows whose it is.
    tip = page.locator("#tip")
    assert tip.is_hidden()
    for want in ("Putin", "Xi"):
        n = next(n for n, (name, _) in speakers.items() if want in name)
        page.locator(f'.article-text .hl[data-a="{n}"][tabindex="0"]').first.focus()
        tip.wait_for(state="visible")
        assert want in tip.inner_text()
        assert "speaker" in tip.inner_text() and "confidence" in tip.inner_text()
    # Hovering does too: over Xi's first quotation (the README's screenshot shows it).
    page.evaluate("document.activeElement && document.activeElement.blur()")
    quoted = [
        piece
        for n, (name, _) in speakers.items()
        if "Xi" in name and "Putin" not in name
        for piece in [page.locator(f'.article-text .hl.content[data-a="{n}"]').first]
        if piece.inner_text().startswith("“")
    ]
    assert quoted
    page.evaluate("window.scrollTo(0, 0)")
    quoted[0].hover()
    tip.wait_for(state="visible")
    assert "Xi" in tip.inner_text() and "Putin" not in tip.locator("dd").first.inner_text()
    assert watch.dialogs == [] and watch.errors_but_favicon() == []
    docs_screenshot(page, "analyse")


def test_search_links_speakers_and_survives_query_syntax(page: Any, watch: Watch) -> None:
    page.goto("/search")
    page.fill("#q", "Russia")
    page.select_option("#kind", "")
    with page.expect_navigation() as navigation:
        page.click("form.search button[type=submit]")
    assert navigation.value.status == 200
    hits = page.locator("ol.hits > li")
    assert hits.count() >= 1
    assert page.locator('ol.hits a[href*="/speakers/"]').count() >= 1
    assert page.locator('ol.hits a[href*="/articles/"]').count() >= 1

    # A speaker filter narrows the hits to that speaker.
    page.fill("#speaker", "Putin")
    with page.expect_navigation():
        page.click("form.search button[type=submit]")
    said_by = page.locator("ol.hits .said a").all_inner_texts()
    assert said_by and all("Putin" in name for name in said_by), said_by

    # Query syntax of FTS5, tsquery or SQL is a message or results, never a server error.
    for query in [
        '"unbalanced',
        "Putin OR (",
        "NEAR(a b",
        "x* AND -y",
        "'; DROP TABLE articles; --",
        "^~:!&|*()",
        "col:value",
        "\\",
    ]:
        page.goto("/search")
        page.fill("#q", query)
        with page.expect_navigation() as navigation:
            page.click("form.search button[type=submit]")
        status = navigation.value.status
        assert status in (200, 400), (query, status)
        assert page.locator("h1").inner_text() == "Search what was said", query
        assert page.locator("p.error, p[role=status]").count() == 1, query
        assert page.input_value("#q") == query
    assert watch.dialogs == []


def test_speaker_page_has_timeline_and_quotes(page: Any, watch: Watch) -> None:
    page.goto("/")
    with page.expect_navigation():
        page.locator('table.data a[href*="/speakers/"]', has_text="Putin").first.click()
    assert "/speakers/" in page.url
    assert "Putin" in page.locator("h1").inner_text()
    bars = page.locator("figure.chart svg rect")
    assert bars.count() >= 2  # three dated months with Putin quoted
    box = bars.first.bounding_box()
    assert box is not None and box["height"] > 0 and box["width"] > 0
    assert page.locator("figure.chart svg text.tick").count() >= 2
    assert page.locator("ol.hits > li blockquote").count() >= 3
    assert page.locator("ul.aliases li").count() >= 1
    assert watch.dialogs == [] and watch.errors_but_favicon() == []
    docs_screenshot(page, "speaker")


def test_overview_has_top_speakers_and_chart(page: Any, watch: Watch) -> None:
    response = page.goto("/")
    assert response is not None and response.status == 200
    assert page.locator("h1").inner_text() == "Who said what, to whom"
    assert page.locator("table.data tbody tr").count() >= 5
    assert page.locator("figure.chart svg rect").count() >= 4
    assert page.locator("figure.chart .legend li").count() >= 3  # one series per publisher
    assert watch.dialogs == [] and watch.errors_but_favicon() == []
    docs_screenshot(page, "overview", full_page=True)


def test_api_docs_load_from_this_server_only(page: Any, watch: Watch) -> None:
    response = page.goto("/docs")
    assert response is not None and response.status == 200
    page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    assert page.locator(".swagger-ui .opblock").count() >= 5
    assert "/api/analyse" in page.locator(".swagger-ui").inner_text()
    page.wait_for_load_state("networkidle")
    hosts = {urlsplit(url).hostname for url in watch.requests if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, watch.requests
    assert watch.dialogs == [] and watch.errors_but_favicon() == []


def test_hostile_text_stays_inert_when_analysed(page: Any, watch: Watch) -> None:
    analyse(page, HOSTILE_TEXT, title=HOSTILE_TITLE, publisher="<b>Evil</b> Press")
    assert_inert(page, watch)
    shown = page.locator(".article-text").inner_text()
    for line in HOSTILE_LINES:
        assert line in shown, line
    # Bidi controls are shown, not obeyed.
    assert "\u202e" not in shown and "[U+202E]" in shown
    assert HOSTILE_TITLE in page.locator("article.analysed h2").inner_text()
    assert "<b>Evil</b> Press" in page.locator("article.analysed .meta").inner_text()
    # The form keeps the pasted text as text (the closing </textarea> did not close it),
    # exactly as pasted, so that submitting it again analyses the same text.
    assert page.input_value("#text") == HOSTILE_TEXT
    # Quotations with the hostile text are listed as text too.
    listed = page.locator("aside.who").inner_text()
    assert any(line in listed for line in HOSTILE_LINES)


def test_hostile_article_stored_through_the_api_stays_inert(page: Any, watch: Watch) -> None:
    record = {"id": "hostile-letters", "text": HOSTILE_TEXT, "title": HOSTILE_TITLE, "date": "2024-05-02",
              "publisher": '"><script>window.__pwned=1</script>'}  # fmt: skip
    refused = page.request.post("/api/articles", data=record)
    assert refused.status == 401
    wrong = page.request.post("/api/articles", data=record, headers={"Authorization": "Bearer nope"})
    assert wrong.status == 401
    stored = page.request.post("/api/articles", data=record, headers={"Authorization": f"Bearer {TOKEN}"})
    assert stored.status == 200, stored.text()
    assert stored.json()["stored"] == ["hostile-letters"]

    page.goto("/articles/hostile-letters")
    assert_inert(page, watch)
    shown = page.locator(".article-text").inner_text()
    for line in HOSTILE_LINES:
        assert line in shown, line
    assert "\u202e" not in shown and "[U+202E]" in shown
    assert page.locator(".article-text .hl").count() >= 1
    # Where the stored article shows up elsewhere: the overview (its publisher), the article
    # list and a search.
    page.goto("/")
    assert_inert(page, watch)
    assert record["publisher"] in page.locator("main").inner_text()
    page.goto("/articles")
    assert_inert(page, watch)
    assert HOSTILE_TITLE in page.locator("main").inner_text()
    page.goto("/search?q=letter")
    assert_inert(page, watch)


def test_hostile_addresses_and_queries_stay_inert(page: Any, watch: Watch) -> None:
    """What a page echoes from its address (a query, an id in a 404 message) is text."""
    payload = '"><script>window.__pwned=1</script><img src=x onerror=window.__pwned=1>'
    no_slash = '"><img src=x onerror=window.__pwned=1><svg onload=window.__pwned=1>'
    for path, status, echoed in [
        ("/search?q=", 200, payload),
        ("/search?q=Russia&speaker=", 400, payload),
        ("/verify?q=", 200, payload),
        ("/speakers/", 404, no_slash),  # a speaker id has no "/"
        ("/articles/", 404, payload),
        ("/articles?publisher=", 200, payload),
    ]:
        response = page.goto(path + quote(echoed, safe=""))
        assert response is not None and response.status == status, (path, response and response.status)
        assert_inert(page, watch)
        shown = page.evaluate(
            "() => [document.body.innerText, ...[...document.querySelectorAll('input')].map(e => e.value)]"
        )
        assert any(echoed in text for text in shown), (path, shown)
