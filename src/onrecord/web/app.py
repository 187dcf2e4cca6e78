"""The web app: ``create_app(db)`` builds the FastAPI application over one quote store.

Pages (``pages.py``) and the REST API (``api.py``) are thin views over the Store's
queries, the same ones the command line asks. This module holds what they share: the
store opened per request, the lazily made extractor, the write token, the limit on
request bodies, the security headers, and errors turned into pages or JSON.

Every response carries a strict Content-Security-Policy (scripts and styles only from
this server, nothing inline), so even article text that slipped through escaping could
not run; templates escape everything (Jinja autoescape) and neutralise bidi controls.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import jinja2
from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from fastapi_offline import FastAPIOffline
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import OnrecordError, QueryError, StoreError
from ..store import Store
from .analysis import Analyser, ExtractorFactory, default_extractor
from .highlight import inert

HERE = Path(__file__).parent
DEFAULT_MAX_UPLOAD = 5_000_000
STATIC_URL = "/static"
DOCS_STATIC_URL = "/static-offline-docs"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# The API docs page (Swagger UI) sets inline styles from its script; it shows no article text.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
DOCS_PATHS = frozenset({"/docs"})

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass
class Settings:
    """What one app serves and how: shared by every request."""

    db: str
    token: str | None
    max_upload: int
    analyser: Analyser
    templates: Jinja2Templates

    @contextmanager
    def store(self) -> Iterator[Store]:
        store = Store(self.db)
        try:
            yield store
        finally:
            store.close()

    def token_ok(self, given: str | None) -> bool:
        """Whether ``given`` is the operator's token; with none configured, nothing is."""
        if not self.token or not given:
            return False
        return hmac.compare_digest(given.encode("utf-8"), self.token.encode("utf-8"))


def create_app(
    db: str,
    *,
    token: str | None = None,
    max_upload: int = DEFAULT_MAX_UPLOAD,
    extractor_factory: ExtractorFactory | None = None,
) -> FastAPI:
    """The web app over the store ``db`` (an SQLite path, made empty if missing, or a
    ``postgresql://`` URL). Writes need ``token`` (none: the app is read-only); request
    bodies over ``max_upload`` bytes are refused; ``extractor_factory`` makes the
    Extractor on the first analysis (default: the shipped model)."""
    Store(db).close()  # made (or migrated) now: a store that cannot open fails at start
    app = FastAPIOffline(
        title="onrecord",
        version=__version__,
        description="Who said what, to whom: analyse news articles and ask the quote store. "
        "Every page of the site also has a JSON twin: add `.json` to its path.",
        docs_url=None,
        redoc_url=None,
        static_url=DOCS_STATIC_URL,
    )
    app.state.settings = Settings(
        db=db,
        token=token or None,
        max_upload=max_upload,
        analyser=Analyser(extractor_factory or default_extractor()),
        templates=Jinja2Templates(env=_environment()),
    )
    app.mount(STATIC_URL, StaticFiles(directory=HERE / "static"), name="static")
    _add_error_handlers(app)
    app.add_api_route("/docs", _docs, include_in_schema=False, response_class=HTMLResponse)
    from . import api, pages  # they import this module's helpers

    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_middleware(BodyLimit, max_bytes=max_upload)
    app.add_middleware(SecurityHeaders)
    return app


def settings(request: Request) -> Settings:
    """The settings of the app serving ``request``."""
    return request.app.state.settings  # type: ignore[no-any-return]


def open_store(request: Request) -> Iterator[Store]:
    """A dependency: the store, opened for this request and closed after it."""
    with settings(request).store() as store:
        yield store


def moved(request: Request, old: str, new: str | None, what: str) -> None:
    """Raise a 301 to the same path and query with ``new`` in place of ``old``, for a
    speaker id that a settle retired or a quotation cluster merged into another."""
    if new is None:
        return
    head, _, last = request.url.path.rpartition("/")
    suffix = ".json" if unquote(last) == old + ".json" else ""  # the JSON twin of a page
    if unquote(last) != old + suffix:
        return
    target = f"{head}/{quote(new, safe='')}{suffix}"
    if request.url.query:
        target += "?" + request.url.query
    raise HTTPException(301, f"the {what} {old} is now {new}", headers={"Location": target})


def wants_json(request: Request) -> bool:
    """Whether an error should be JSON (the API and the JSON twins) rather than a page."""
    path = request.scope.get("path", "")
    return path.startswith("/api/") or path.endswith(".json")


# -- templates ---------------------------------------------------------------------------------------
def _finalize(value: Any) -> Any:
    """Every ``{{ value }}``: None shows as nothing, text loses its bidi controls (then
    autoescape escapes it)."""
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        return inert(value)
    return value


def _first_line(text: Any, width: int = 90) -> str:
    """An untitled article's heading: its first non-blank line, shortened."""
    if not isinstance(text, str):
        return ""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["number"] = lambda n: f"{n:,}" if isinstance(n, int) else n
    # The text a form sends back, as the user wrote it: escaped, bidi controls kept (a
    # textarea shows them as text), so that submitting again analyses the same text.
    env.filters["verbatim"] = lambda text: Markup(escape(text or ""))
    env.filters["first_line"] = _first_line
    return env


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """An HTML page from ``template`` with ``context`` (and what every page needs: the
    site's base path, the section for the menu, the address of the page's JSON twin)."""
    base = request.scope.get("root_path", "").rstrip("/")
    path = request.scope.get("path", "/")
    query = request.url.query
    page = {
        "request": request,
        "base": base,
        "section": "/" + path.strip("/").split("/")[0],
        "json_url": quote(base + path) + ".json" + (f"?{query}" if query else ""),
        "version": __version__,
    }
    return settings(request).templates.TemplateResponse(
        request, template, {**page, **context}, status_code=status
    )


async def _docs(request: Request) -> HTMLResponse:
    """The API docs (Swagger UI from this server's own files, started by a script file)."""
    return render(request, "docs.html", {})


# -- errors ------------------------------------------------------------------------------------------
def _add_error_handlers(app: FastAPI) -> None:
    # Starlette's HTTPException: FastAPI's own, and the 404 and 405 of the router.
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(QueryError, _query_error)
    app.add_exception_handler(StoreError, _unavailable)
    # Any other error of onrecord's own here is the extractor failing to load (a model
    # that is missing or unreadable): the app is up, its analysis is not.
    app.add_exception_handler(OnrecordError, _unavailable)


def error_response(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """The error as ``{"detail": message}`` for the API and JSON twins, else as a page."""
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    response = render(request, "error.html", {"status": status, "message": message}, status)
    if headers:
        response.headers.update(headers)
    return response


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if wants_json(request) and not isinstance(exc.detail, str):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
    return error_response(request, exc.status_code, str(exc.detail), exc.headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if wants_json(request):
        return JSONResponse({"detail": jsonable(exc.errors())}, status_code=422)
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}" for e in exc.errors()
    )
    return error_response(request, 422, f"the request is not valid: {problems}")


async def _query_error(request: Request, exc: Exception) -> Response:
    return error_response(request, 400, str(exc))


async def _unavailable(request: Request, exc: Exception) -> Response:
    return error_response(request, 503, str(exc))


def jsonable(value: Any) -> Any:
    """``value`` as plain JSON types (dataclasses and the like turned into dicts)."""
    return jsonable_encoder(value)


# -- middleware --------------------------------------------------------------------------------------
class SecurityHeaders:
    """Adds the Content-Security-Policy and its companions to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_CSP if scope.get("path") in DOCS_PATHS else CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", policy.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"same-origin"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses a request body over ``max_bytes`` with 413: at once when its
    Content-Length says so, else as soon as more than that has been read."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        read = 0

        async def limited() -> Message:
            nonlocal read
            if declared is not None and _int(declared) > self.max_bytes:
                raise self.too_large(_int(declared))
            message = await receive()
            if message["type"] == "http.request":
                read += len(message.get("body", b""))
                if read > self.max_bytes:
                    raise self.too_large(read)
            return message

        await self.app(scope, limited, send)

    def too_large(self, size: int) -> HTTPException:
        return HTTPException(
            413,
            f"the request is too large: {size:,} bytes or more, and this server takes at most "
            f"{self.max_bytes:,} (onrecord serve --max-upload)",
        )


def _int(value: bytes) -> int:
    try:
        return int(value)
    except ValueError:
        return 0
