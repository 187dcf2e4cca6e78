"""The web app: pages and their JSON twins, the REST API, the write token, upload limits,
and article text rendered inert (escaped, bidi controls neutralised, a strict CSP).

Runs the app in process with FastAPI's TestClient over a small store filled by the real
extractor (the session's one); browser tests live elsewhere.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from onrecord.records import Article, Attribution, Result, Span, Speaker
from onrecord.store import Store
from onrecord.web import create_app
from onrecord.web.charts import timeline
from onrecord.web.highlight import highlight, inert

with warnings.catch_warnings():  # starlette's test client announces a future httpx change
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT.parent / "shared" / "examples" / "xi-putin-meeting.txt"
TOKEN = "test-token-7f3a"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
HOSTILE = (
    "<script>alert('x')</script> The mayor said that “<img src=x onerror=alert(1)> was fine,” "
    "and \u202eevil\u202c text <b <i unclosed <a href=javascript:alert(2)>link.\n"
    "“We will <iframe src=//evil.example></iframe> never accept this,” Smith said."
)
# An entry of the "who said what" list: its colour and its speaker.
ATTRIBUTION_ENTRY = re.compile(
    r'<li id="attr-\d+" class="attribution (sp\d+)".*?<b class="speaker"><bdi>([^<]*)</bdi>', re.DOTALL
)
NEWS = (
    "“We will never accept this deal, not now and not later,” Mayor Ana Lopez said on Monday.\n"
    "Lopez told reporters that the harbour plan would cost the city dearly.\n"
    "“The numbers do not add up,” she added."
)


# -- fixtures ------------------------------------------------------------------------------------------
def _example_text() -> str:
    if not EXAMPLE.exists():
        pytest.skip(f"the example article {EXAMPLE} is missing")
    return EXAMPLE.read_text(encoding="utf-8")


def _hostile_result() -> Result:
    """An article whose text, metadata and speaker name are all markup and bidi tricks."""
    text = "“<img src=x onerror=alert(1)> is \u202efine,” said <script>alert(2)</script> today."
    start, end = 0, text.index("”") + 1
    attribution = Attribution(
        kind="direct",
        cue=(Span(text.index("said"), text.index("said") + 4),),
        source=(),
        content=(Span(start, end),),
        speaker=Speaker(name="<script>alert(3)</script>Evil\u202e", type="person"),
    )
    metadata = {"title": "<script>alert(4)</script>", "publisher": "<b>pub</b>", "date": "2024-02-03"}
    return Result(Article(id="hostile<1>", text=text, metadata=metadata), (attribution,))


@pytest.fixture(scope="module")
def store_db(tmp_path_factory: pytest.TempPathFactory, extractor: Any) -> str:
    """A small SQLite store: the repository's example articles, the Xi–Putin example when
    it is there, a short news text, and one hostile article."""
    db = str(tmp_path_factory.mktemp("web") / "store.db")
    inputs: list[dict[str, Any]] = []
    for n, path in enumerate(sorted((ROOT / "examples").glob("*.txt"))):
        inputs.append(
            {"id": path.stem, "text": path.read_text(encoding="utf-8"), "date": f"2023-{n % 12 + 1:02d}-15",
             "publisher": "Gazette" if n % 2 else "Courier", "title": path.stem.replace("-", " ")}
        )  # fmt: skip
    if EXAMPLE.exists():
        inputs.append(
            {"id": "xi-putin-meeting", "text": EXAMPLE.read_text(encoding="utf-8"), "date": "2023-03-20",
             "publisher": "Wire", "title": "Xi meets Putin in Moscow"}
        )  # fmt: skip
    inputs.append({"id": "harbour/plan#1", "text": NEWS, "date": "2024-05-06", "publisher": "Courier"})
    with Store(db) as store:
        for result in extractor.pipe(inputs):
            assert result.ok, result.error
            store.add(result)
        store.add(_hostile_result())
    return db


@pytest.fixture(scope="module")
def client(store_db: str, extractor: Any) -> Iterator[TestClient]:
    app = create_app(store_db, token=TOKEN, extractor_factory=lambda: extractor)
    with TestClient(app) as test_client:
        yield test_client


def _app(tmp_path: Path, extractor: Any, **options: Any) -> TestClient:
    """A client of an app over a new, empty store in ``tmp_path``."""
    return TestClient(create_app(str(tmp_path / "new.db"), extractor_factory=lambda: extractor, **options))


@pytest.fixture
def fresh(tmp_path: Path, extractor: Any) -> TestClient:
    """An app over a new, empty store, with the token."""
    return _app(tmp_path, extractor, token=TOKEN)


def _speaker_id(client: TestClient, name: str) -> str:
    """The id of the speaker called ``name`` (or with a name that ends with it)."""
    for summary in client.get("/api/speakers", params={"top": 100}).json():
        names = [summary["speaker"]["name"] or "", *summary["aliases"]]
        if any(n == name or n.endswith(" " + name) for n in names):
            return str(summary["speaker"]["id"])
    raise AssertionError(f"no speaker {name!r}")


def _assert_inert(html: str) -> None:
    """No markup from article text: scripts only from our own files, no event handlers,
    frames or javascript: links in any tag, no bidi controls."""
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert re.search(r'src="/static(-offline-docs)?/', tag), tag
    assert not re.search(r"<[^<>]*\bon\w+\s*=", html)
    assert not re.search(r"<(img|iframe|object|embed|i)\b", html)
    assert "javascript:" not in re.sub(r">[^<]*<", "><", html)
    # Bidi controls take no effect anywhere but inside the form's own textarea, which gives
    # back the pasted text exactly (as text: a textarea holds no markup).
    outside = re.sub(r"(?s)<textarea\b[^>]*>.*?</textarea>", "<textarea></textarea>", html)
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", outside)


# -- overview ----------------------------------------------------------------------------------------
def test_overview_answers_200_itself_with_counts_and_chart(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "Quoted most" in response.text
    assert "<svg" in response.text and "<rect" in response.text


def test_overview_json_twin_returns_what_the_page_shows(client: TestClient) -> None:
    data = client.get("/.json").json()
    assert data["counts"]["articles"] >= 6
    assert data["speakers"] and {"speaker", "count", "by_kind"} <= set(data["speakers"][0])
    assert {p["publisher"] for p in data["publishers"]} >= {"Courier", "Gazette"}
    assert client.get("/index.json").json() == data


def test_overview_of_a_new_store_is_created_empty(fresh: TestClient, tmp_path: Path) -> None:
    assert (tmp_path / "new.db").exists()
    response = fresh.get("/")
    assert response.status_code == 200
    assert "The store is empty" in response.text
    assert fresh.get("/.json").json()["counts"]["articles"] == 0


# -- analyse -----------------------------------------------------------------------------------------
def test_analyse_form_is_a_page_with_a_text_field_and_a_file_field(client: TestClient) -> None:
    response = client.get("/analyse")
    assert response.status_code == 200
    assert 'name="text"' in response.text and 'type="file"' in response.text


def test_analysing_the_example_highlights_xi_and_putin_in_their_own_colours(client: TestClient) -> None:
    response = client.post("/analyse", data={"text": _example_text()})
    assert response.status_code == 200
    html = response.text
    colours: dict[str, set[str]] = {}
    for colour, name in re.findall(ATTRIBUTION_ENTRY, html):
        colours.setdefault(name, set()).add(colour)
    assert len(colours["Xi"]) == 1 and len(colours["Putin"]) == 1 and colours["Xi"] != colours["Putin"]
    for kind in ("content", "cue", "source"):
        assert f'class="hl {kind} sp' in html
    assert 'tabindex="0"' in html
    assert "“<bdi>he</bdi>” → “<bdi>Putin</bdi>”" in html  # the chain that resolved the source


def test_analyse_json_twin_returns_the_format_record_with_its_text(client: TestClient) -> None:
    text = NEWS
    data = client.post("/analyse.json", data={"text": text, "title": "Harbour"}).json()
    article = data["article"]
    assert article["text"] == text and article["title"] == "Harbour"
    assert article["attributions"]
    for a in article["attributions"]:
        assert {"kind", "cue", "source", "content", "speaker", "addressee", "confidence"} <= set(a)
        for start, end in a["content"]:
            assert 0 <= start < end <= len(text)
    assert data["saved"] is None


def test_analyse_without_text_or_file_is_a_400_message(client: TestClient) -> None:
    response = client.post("/analyse", data={"text": "   "})
    assert response.status_code == 400
    assert 'class="error"' in response.text


def test_api_analyse_returns_the_format_output_record(client: TestClient) -> None:
    response = client.post("/api/analyse", json={"id": "n1", "text": NEWS, "publisher": "Courier"})
    assert response.status_code == 200
    record = response.json()
    assert record["id"] == "n1" and record["publisher"] == "Courier" and "text" not in record
    speakers = {a["speaker"]["name"] for a in record["attributions"] if a["speaker"]}
    assert any("Lopez" in name for name in speakers)
    quote = next(a for a in record["attributions"] if a["kind"] == "direct")
    [(start, end)] = quote["content"]
    assert NEWS[start:end].startswith("“We will never accept")


def test_api_analyse_needs_no_id(client: TestClient) -> None:
    record = client.post("/api/analyse", json={"text": NEWS}).json()
    assert record["id"].startswith("sha256-")


def test_uploading_a_txt_file_analyses_it_under_its_file_name(client: TestClient) -> None:
    files = {"file": ("harbour-news.txt", NEWS.encode("utf-8"), "text/plain")}
    data = client.post("/analyse.json", files=files).json()
    assert data["article"]["id"] == "harbour-news"
    assert data["article"]["text"] == NEWS
    assert data["article"]["attributions"]


def test_uploading_an_html_page_analyses_its_article_text(client: TestClient) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in NEWS.split("\n") * 3)
    page = (
        "<html><head><title>Harbour plan row</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Harbour plan row</h1>{paragraphs}</article>"
        "<footer>Copyright the Courier</footer></body></html>"
    )
    files = {"file": ("harbour.html", page.encode("utf-8"), "text/html")}
    response = client.post("/analyse", files=files)
    assert response.status_code == 200, response.text
    assert "We will never accept this deal" in response.text
    assert 'class="hl content' in response.text
    data = client.post("/analyse.json", files=files).json()
    assert data["article"]["id"] == "harbour"
    assert "Home" not in data["article"]["text"]


def test_uploading_another_kind_of_file_is_a_400_message(client: TestClient) -> None:
    files = {"file": ("scan.pdf", b"%PDF-1.4 ...", "application/pdf")}
    response = client.post("/analyse", files=files)
    assert response.status_code == 400
    assert ".txt or .html" in response.text


# -- safety ------------------------------------------------------------------------------------------
def test_hostile_text_is_rendered_inert(client: TestClient) -> None:
    response = client.post("/analyse", data={"text": HOSTILE, "title": "<script>alert(9)</script>"})
    assert response.status_code == 200
    html = response.text
    _assert_inert(html)
    assert "&lt;script&gt;alert(" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "[U+202E]evil[U+202C]" in html


def test_every_page_sends_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/analyse", "/search?q=deal", "/speakers", "/articles", "/verify", "/api/speakers"):
        response = client.get(path)
        assert response.headers["content-security-policy"].startswith(CSP), path
        assert response.headers["x-content-type-options"] == "nosniff", path


def test_templates_have_no_inline_scripts_or_styles() -> None:
    folder = ROOT / "src" / "onrecord" / "web" / "templates"
    for template in folder.glob("*.html"):
        source = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", source), template.name
        assert not re.search(r"<style|\sstyle=", source), template.name
        assert not re.search(r"\son\w+=", source), template.name


@pytest.mark.parametrize(
    "path",
    [
        "/articles/hostile%3C1%3E",
        "/speakers",
        "/search?q=fine",
        "/search?q=alert",
        "/articles",
        "/verify?q=is+fine",
        "/",
    ],
)
def test_a_stored_hostile_article_is_inert_on_every_page(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    _assert_inert(response.text)


def test_the_hostile_speaker_page_is_inert(client: TestClient) -> None:
    speaker_id = _speaker_id(client, "<script>alert(3)</script>Evil\u202e")
    response = client.get(f"/speakers/{speaker_id}")
    assert response.status_code == 200
    _assert_inert(response.text)
    assert "&lt;script&gt;alert(3)&lt;/script&gt;Evil[U+202E]" in response.text


def test_an_upload_over_the_limit_is_a_clear_413(tmp_path: Path, extractor: Any) -> None:
    small = _app(tmp_path, extractor, max_upload=1000)
    files = {"file": ("big.txt", b"word " * 1000, "text/plain")}
    response = small.post("/analyse", files=files)
    assert response.status_code == 413
    assert "at most 1,000" in response.text
    api = small.post("/api/analyse", json={"text": "word " * 1000})
    assert api.status_code == 413 and "too large" in api.json()["detail"]
    assert small.post("/api/analyse", json={"text": NEWS[:200]}).status_code == 200


def test_a_body_over_the_limit_without_content_length_is_413(tmp_path: Path, extractor: Any) -> None:
    small = _app(tmp_path, extractor, max_upload=1000)

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(100):
            yield b"word " * 10
        yield b'"}'

    response = small.post("/api/analyse", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


# -- writes need the token -----------------------------------------------------------------------------
def test_ingest_without_a_token_is_401(fresh: TestClient) -> None:
    response = fresh.post("/api/articles", json={"id": "n1", "text": NEWS})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_ingest_with_a_wrong_token_is_401(fresh: TestClient) -> None:
    wrong = {"Authorization": "Bearer nope"}
    response = fresh.post("/api/articles", json={"id": "n1", "text": NEWS}, headers=wrong)
    assert response.status_code == 401
    assert fresh.get("/api/articles").json() == []


def test_ingest_with_the_token_stores_then_skips(fresh: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    records = [{"id": "n1", "text": NEWS, "publisher": "Courier"}, {"text": "No quotes here at all."}]
    first = fresh.post("/api/articles", json=records, headers=auth)
    assert first.status_code == 200
    assert first.json()["stored"][0] == "n1" and len(first.json()["stored"]) == 2
    again = fresh.post("/api/articles", json=records[0], headers=auth).json()
    assert again == {"stored": [], "skipped": ["n1"], "failed": []}
    clash = fresh.post("/api/articles", json={"id": "n1", "text": "Other text."}, headers=auth).json()
    assert clash["failed"][0]["id"] == "n1" and "different text" in clash["failed"][0]["reason"]
    assert fresh.get("/api/articles/n1").json()["publisher"] == "Courier"


def test_a_server_without_a_token_refuses_every_write(tmp_path: Path, extractor: Any) -> None:
    readonly = _app(tmp_path, extractor)
    for header in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer None"}):
        response = readonly.post("/api/articles", json={"id": "n1", "text": NEWS}, headers=header)
        assert response.status_code == 401
    form = readonly.post("/analyse", data={"text": NEWS, "save": "1", "token": ""})
    assert form.status_code == 401 and "read-only" in form.text


def test_saving_from_the_analyse_page_needs_the_token(fresh: TestClient) -> None:
    refused = fresh.post("/analyse", data={"text": NEWS, "id": "saved-1", "save": "1", "token": "nope"})
    assert refused.status_code == 401
    assert fresh.get("/api/articles/saved-1").status_code == 404
    saved = fresh.post("/analyse", data={"text": NEWS, "id": "saved-1", "save": "1", "token": TOKEN})
    assert saved.status_code == 200 and "Saved: stored" in saved.text
    assert fresh.get("/articles/saved-1").status_code == 200
    again = fresh.post("/analyse.json", data={"text": NEWS, "id": "saved-1", "save": "1", "token": TOKEN})
    assert again.json()["saved"] == "already stored"


def test_analysing_without_saving_needs_no_token_and_writes_nothing(fresh: TestClient) -> None:
    assert fresh.post("/analyse", data={"text": NEWS, "id": "not-saved"}).status_code == 200
    assert fresh.get("/api/articles").json() == []


# -- search and verify -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "q",
    ['"', '""', "AND OR NOT", "*", "deal*", "(", ")", "NEAR(deal accept)", "a:b", "^deal", "-deal",
     "'; DROP TABLE articles; --", "\u202e", "🙂", "deal " * 300, "%", "_", "\\", "{}", "[]"],
)  # fmt: skip
def test_search_syntax_is_never_a_500(client: TestClient, q: str) -> None:
    response = client.get("/search", params={"q": q})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert 'class="error" role="alert"' in response.text
    assert client.get("/search.json", params={"q": q}).status_code == response.status_code
    assert client.get("/api/search", params={"q": q}).status_code == response.status_code


def test_search_finds_the_quote_and_links_to_speaker_and_article(client: TestClient) -> None:
    response = client.get("/search", params={"q": "never accept this deal"})
    assert response.status_code == 200
    assert 'href="/speakers/' in response.text
    assert 'href="/articles/harbour/plan%23' in response.text
    data = client.get("/search.json", params={"q": "never accept this deal"}).json()
    assert data["q"] == "never accept this deal" and data["error"] is None
    assert data["hits"][0]["article_id"] == "harbour/plan#1"


def test_search_filters_are_those_of_the_cli(client: TestClient) -> None:
    params = {"q": "deal", "publisher": "Courier", "since": "2024", "kind": "direct", "limit": 5}
    hits = client.get("/api/search", params=params).json()
    assert hits and all(h["publisher"] == "Courier" and h["kind"] == "direct" for h in hits)
    assert client.get("/api/search", params={**params, "until": "2023"}).json() == []


def test_a_bad_date_is_a_400_message_on_the_page(client: TestClient) -> None:
    response = client.get("/search", params={"q": "deal", "since": "last tuesday"})
    assert response.status_code == 400
    assert "not a date" in response.text
    assert client.get("/api/search", params={"q": "deal", "since": "x"}).json()["detail"].startswith("[E006]")


def test_an_unknown_speaker_or_kind_is_a_400_message(client: TestClient) -> None:
    assert "no speaker called" in client.get("/search", params={"q": "deal", "speaker": "Nobody Atall"}).text
    response = client.get("/search.json", params={"q": "deal", "kind": "shouted"})
    assert response.status_code == 400 and "unknown kind" in response.json()["error"]


def test_empty_search_form_fields_are_no_filters(client: TestClient) -> None:
    params = {"q": "deal", "speaker": "", "since": "", "until": "", "publisher": "", "kind": ""}
    response = client.get("/search", params=params)
    assert response.status_code == 200 and '<ol class="hits">' in response.text


def test_verify_page_links_to_the_quotation_page(client: TestClient) -> None:
    response = client.get("/verify", params={"q": "We will never accept this deal"})
    assert response.status_code == 200
    cluster = re.search(r'href="/quotations/(\d+)"', response.text)
    assert cluster
    page = client.get(f"/quotations/{cluster.group(1)}")
    assert page.status_code == 200
    assert "First appearance" in page.text and "Variants" in page.text
    data = client.get(f"/quotations/{cluster.group(1)}.json").json()
    assert data["cluster_id"] == int(cluster.group(1))
    assert data["first"]["article_id"] == "harbour/plan#1"


def test_verify_of_nothing_stored_says_not_found(client: TestClient) -> None:
    response = client.get("/verify", params={"q": "purple elephants dance at midnight"})
    assert response.status_code == 200 and "Not found" in response.text
    assert client.get("/api/verify", params={"q": "purple elephants dance at midnight"}).json() == []


def test_an_unknown_quotation_is_404(client: TestClient) -> None:
    assert client.get("/quotations/999999").status_code == 404
    assert client.get("/api/quotations/999999").status_code == 404
    assert client.get("/quotations/not-a-number").status_code == 422


# -- speakers ----------------------------------------------------------------------------------------
def test_speakers_page_lists_the_top_speakers(client: TestClient) -> None:
    response = client.get("/speakers")
    assert response.status_code == 200
    data = client.get("/speakers.json").json()
    assert data["speakers"]
    first = data["speakers"][0]["speaker"]
    assert f'href="/speakers/{first["id"]}"' in response.text


def test_speaker_page_shows_aliases_counts_timeline_and_quotes(client: TestClient) -> None:
    speaker_id = _speaker_id(client, "Lopez")
    response = client.get(f"/speakers/{speaker_id}")
    assert response.status_code == 200
    html = response.text
    assert "Also called" in html and "By publisher" in html and "<svg" in html
    assert "never accept this deal" in html
    data = client.get(f"/speakers/{speaker_id}.json").json()
    assert data["speaker"]["id"] == speaker_id
    assert data["timeline"] == [{"month": "2024-05", "count": data["count"] - data["undated"]}]
    assert data["quotes"] and {"article_id", "kind", "content"} <= set(data["quotes"][0])
    assert client.get(f"/api/speakers/{speaker_id}").json()["count"] == data["count"]


def test_putin_addresses_xi(client: TestClient) -> None:
    _example_text()
    data = client.get(f"/speakers/{_speaker_id(client, 'Putin')}.json").json()
    assert any(a["name"] == "Xi" for a in data["addressees"])


def test_an_unknown_speaker_is_a_404_page_and_json(client: TestClient) -> None:
    page = client.get("/speakers/nobody-at-all")
    assert page.status_code == 404 and "no speaker" in page.text
    assert client.get("/speakers/nobody-at-all.json").json()["detail"].startswith("no speaker")
    assert client.get("/api/speakers/nobody-at-all").status_code == 404


def test_a_bad_parameter_is_a_page_not_a_500(client: TestClient) -> None:
    response = client.get("/speakers", params={"top": "many"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html") and "top" in response.text


# -- articles ----------------------------------------------------------------------------------------
def test_articles_page_lists_the_stored_articles(client: TestClient) -> None:
    response = client.get("/articles")
    assert response.status_code == 200
    assert 'href="/articles/harbour/plan%231"' in response.text
    data = client.get("/articles.json", params={"publisher": "Gazette"}).json()
    assert data["articles"] and all(a["publisher"] == "Gazette" for a in data["articles"])


def test_articles_page_pages_on(client: TestClient) -> None:
    first = client.get("/articles.json", params={"limit": 2}).json()["articles"]
    second = client.get("/articles.json", params={"limit": 2, "offset": 2}).json()["articles"]
    assert len(first) == 2 and first[0] != second[0]
    assert 'rel="next"' in client.get("/articles", params={"limit": 2}).text


def test_article_page_highlights_the_stored_article(client: TestClient) -> None:
    response = client.get("/articles/harbour/plan%231")
    assert response.status_code == 200
    assert 'class="hl content' in response.text and "Who said what" in response.text
    data = client.get("/articles/harbour/plan%231.json").json()
    assert data["id"] == "harbour/plan#1" and data["text"] == NEWS
    assert data["attributions"][0]["speaker"]["id"]
    assert client.get("/api/articles/harbour/plan%231").json() == data


def test_an_unknown_article_is_404(client: TestClient) -> None:
    assert client.get("/articles/nothing-here").status_code == 404
    assert client.get("/api/articles/nothing-here").status_code == 404


def test_an_unknown_page_is_a_404_page(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")


# -- the API description -----------------------------------------------------------------------------
def test_openapi_lists_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path, method in [
        ("/api/analyse", "post"),
        ("/api/search", "get"),
        ("/api/speakers", "get"),
        ("/api/speakers/{speaker_id}", "get"),
        ("/api/quotations/{cluster_id}", "get"),
        ("/api/verify", "get"),
        ("/api/articles", "get"),
        ("/api/articles", "post"),
        ("/api/articles/{article_id}", "get"),
    ]:
        assert method in paths[path], path


def test_docs_load_their_assets_from_this_server(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    urls = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert urls and not [u for u in urls if re.match(r"(https?:)?//", u)]
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert "script-src 'self';" in response.headers["content-security-policy"]


# -- the store failing ---------------------------------------------------------------------------------
def test_a_failing_store_is_a_503_message(tmp_path: Path, extractor: Any) -> None:
    db = tmp_path / "broken.db"
    app = create_app(str(db), extractor_factory=lambda: extractor)
    db.write_bytes(b"this is not a database " * 100)
    broken = TestClient(app)
    response = broken.get("/speakers")
    assert response.status_code == 503 and 'class="error"' in response.text
    assert broken.get("/api/speakers").status_code == 503


def test_the_extractor_is_made_once_on_the_first_analysis(tmp_path: Path, extractor: Any) -> None:
    made: list[int] = []

    def factory() -> Any:
        made.append(1)
        return extractor

    app = TestClient(create_app(str(tmp_path / "x.db"), extractor_factory=factory))
    assert app.get("/").status_code == 200 and not made
    app.post("/api/analyse", json={"text": NEWS})
    app.post("/analyse", data={"text": NEWS})
    assert made == [1]


# -- SQLite and PostgreSQL ---------------------------------------------------------------------------
def test_the_api_and_pages_over_sqlite_and_postgresql(store_url: str, extractor: Any) -> None:
    app = TestClient(create_app(store_url, token=TOKEN, extractor_factory=lambda: extractor))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    records = [
        {"id": "a1", "text": NEWS, "date": "2024-05-06", "publisher": "Courier"},
        {"id": "a2", "text": NEWS.replace("Monday", "Tuesday"), "date": "2024-06-01", "publisher": "Gazette"},
    ]
    assert app.post("/api/articles", json=records, headers=auth).json()["stored"] == ["a1", "a2"]
    hits = app.get("/api/search", params={"q": "never accept"}).json()
    assert {h["article_id"] for h in hits} == {"a1", "a2"}
    speaker_id = hits[0]["speaker"]["id"]
    detail = app.get(f"/api/speakers/{speaker_id}").json()
    assert [t["month"] for t in detail["timeline"]] == ["2024-05", "2024-06"]
    [match] = app.get("/api/verify", params={"q": "We will never accept this deal"}).json()
    assert len(app.get(f"/api/quotations/{match['cluster_id']}").json()["appearances"]) == 2
    for path in ("/", "/speakers", f"/speakers/{speaker_id}", "/articles", "/articles/a2",
                 f"/quotations/{match['cluster_id']}", "/search?q=%22never+accept%22"):  # fmt: skip
        assert app.get(path).status_code == 200, path
        assert app.get(path.replace("?", ".json?", 1) if "?" in path else path + ".json").status_code == 200
    assert app.get("/search", params={"q": "the of"}).status_code in (200, 400)


# -- pieces ------------------------------------------------------------------------------------------
def test_highlight_pieces_cover_the_text_once_with_the_most_specific_mark() -> None:
    text = "Lee said that Kim told him “no” at once."

    def at(word: str) -> list[list[int]]:
        return [[text.index(word), text.index(word) + len(word)]]

    outer: dict[str, Any] = {
        "kind": "indirect",
        "source": at("Lee"),
        "cue": at("said"),
        "content": at("Kim told him “no”"),
        "speaker": {"name": "Lee Park"},
    }
    inner: dict[str, Any] = {"kind": "direct", "source": at("Kim"), "cue": at("told"), "content": at("“no”")}
    inner.update(addressee_span=at("him"), speaker={"name": "Kim"}, addressee={"name": "Lee"})
    found = highlight(text, [outer, inner])
    assert "".join(p.text for p in found.pieces) == text
    by_text = {p.text.strip(): p for p in found.pieces}
    assert (by_text["said"].role, by_text["said"].colour) == ("cue", "sp0")
    assert (by_text["Kim"].role, by_text["Kim"].colour) == ("source", "sp1")
    assert (by_text["him"].role, by_text["him"].attribution) == ("addressee", 1)
    assert (by_text["“no”"].role, by_text["“no”"].attribution) == ("content", 1)
    assert by_text["at once."].attribution is None
    assert [v.chain for v in found.attributions] == [("Lee", "Lee Park"), ("Kim",)]
    assert found.attributions[1].addressee == "Lee"


def test_highlight_survives_spans_outside_the_text() -> None:
    found = highlight("short", [{"kind": "direct", "content": [[2, 99], [7, 3]], "cue": [["x", 1]]}])
    assert "".join(p.text for p in found.pieces) == "short"
    assert found.attributions[0].speaker == "(unknown speaker)"


def test_bidi_controls_become_visible() -> None:
    assert inert("a\u202eb\u2066c") == "a[U+202E]b[U+2066]c"


def test_the_timeline_has_a_slot_for_every_month() -> None:
    chart = timeline([{"month": "2023-11", "count": 2}, {"month": "2024-02", "count": 1}], "t")
    assert [t.label for t in chart.x_ticks] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert len(chart.bars) == 2


# -- onrecord serve ----------------------------------------------------------------------------------
def test_serve_help_has_a_runnable_example(capsys: pytest.CaptureFixture[str]) -> None:
    from onrecord.cli import main

    with pytest.raises(SystemExit) as exit:
        main(["serve", "--help"])
    assert exit.value.code == 0
    out = capsys.readouterr().out
    assert "onrecord serve --db" in out and "--token" in out and "--max-upload" in out


def test_serve_creates_a_missing_store_and_prints_the_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import uvicorn

    from onrecord.cli import main

    ran: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: ran.update(app=app, **options))
    monkeypatch.delenv("ONRECORD_TOKEN", raising=False)
    db = tmp_path / "new.db"
    assert main(["serve", "--db", str(db), "--port", "8123", "--max-upload", "1000"]) == 0
    assert db.exists()
    assert ran["host"] == "127.0.0.1" and ran["port"] == 8123
    err = capsys.readouterr().err
    assert "http://127.0.0.1:8123/" in err and "read-only" in err
    assert TestClient(ran["app"]).post("/api/analyse", json={"text": "x" * 2000}).status_code == 413
