"""The pages of the site, each with its JSON twin (the same path with ``.json`` added).

A page is one function that asks the store and returns a ``View``: the data the page
shows (which is exactly what its JSON twin returns) and the template that draws it, with
whatever only the drawing needs (highlighted text, chart geometry). ``page`` registers
the function twice, as the twin and as the HTML page.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import UploadFile

from ..errors import QueryError
from ..store import Store
from ..store.store import KINDS, ArticleIdClash
from . import charts
from .analysis import UploadError, pasted_article, uploaded_article
from .app import jsonable, moved, open_store, render, settings
from .highlight import highlight

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(open_store)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0)]
# Metadata fields the Analyse form offers.
FORM_METADATA = ("title", "date", "publisher", "url")


@dataclass
class View:
    """What a page shows (``data``, also its JSON twin) and how to draw it."""

    template: str
    data: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)
    status: int = 200


def twin(path: str) -> str:
    return path + ".json"


def page(
    path: str, *, methods: tuple[str, ...] = ("GET",)
) -> Callable[[Callable[..., View]], Callable[..., View]]:
    """Register a page builder (its first parameter ``request``) as ``path + ".json"``
    (the data as JSON) and as ``path`` (the HTML page). The twin goes first, so that
    ``/speakers/{id}.json`` is not taken for a speaker whose id ends in ``.json``."""

    def register(build: Callable[..., View]) -> Callable[..., View]:
        @functools.wraps(build)
        def as_json(*args: Any, **kwargs: Any) -> Response:
            view = build(*args, **kwargs)
            return JSONResponse(jsonable(view.data), status_code=view.status)

        @functools.wraps(build)
        def as_html(*args: Any, **kwargs: Any) -> Response:
            view = build(*args, **kwargs)
            return render(kwargs["request"], view.template, {"data": view.data, **view.extra}, view.status)

        router.add_api_route(twin(path), as_json, methods=list(methods), response_model=None)
        router.add_api_route(path, as_html, methods=list(methods), response_model=None)
        return build

    return register


def _blank(value: str | None) -> str | None:
    """A form field left empty means "no filter"."""
    return value if value and value.strip() else None


# -- overview ----------------------------------------------------------------------------------------
@page("/")
def overview(request: Request, store: StoreDep) -> View:
    """The store at a glance: its size, who is quoted most, quotes per publisher over time."""
    data = store.overview(top=10).to_dict()
    chart = charts.by_series(data["timeline"], "publisher", "Attributions per publisher and month")
    return View("overview.html", data, {"chart": chart})


@router.get("/index.json", response_model=None)
def overview_json(request: Request, store: StoreDep) -> Response:
    """``/.json`` under a name that is easier to type."""
    return JSONResponse(jsonable(overview(request, store).data))


# -- analyse -----------------------------------------------------------------------------------------
@dataclass
class AnalyseForm:
    """The Analyse form as sent: pasted text or an uploaded file, optional id and metadata,
    and whether to save the result (which needs the token)."""

    text: str = ""
    filename: str = ""
    content_type: str | None = None
    data: bytes = b""
    id: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    save: bool = False
    token: str = ""

    def shown(self) -> dict[str, Any]:
        """What the page fills the form in with again (never the token or the file)."""
        return {"text": self.text, "id": self.id, "save": self.save, **self.metadata}


async def read_analyse_form(request: Request) -> AnalyseForm:
    """The Analyse form; a text field may be as large as an upload (Starlette's default
    limit for a form field is 1 MB)."""
    limit = settings(request).max_upload
    form = AnalyseForm()
    async with request.form(max_files=1, max_fields=20, max_part_size=limit) as fields:
        upload = fields.get("file")
        if isinstance(upload, UploadFile) and upload.filename:
            form.data = await upload.read(limit + 1)
            if len(form.data) > limit:
                raise HTTPException(413, f"the file is larger than this server takes ({limit:,} bytes)")
            form.filename, form.content_type = upload.filename, upload.content_type

        def text(name: str) -> str:
            value = fields.get(name)
            return value if isinstance(value, str) else ""

        form.text, form.id, form.token = text("text"), text("id").strip(), text("token")
        form.metadata = {name: text(name).strip() for name in FORM_METADATA if text(name).strip()}
        form.save = text("save") not in ("", "0", "false", "off")
    return form


def _analyse_data(request: Request, **found: Any) -> dict[str, Any]:
    return {
        "article": None,
        "saved": None,
        "error": None,
        "max_upload": settings(request).max_upload,
        "saving": settings(request).token is not None,
        **found,
    }


@page("/analyse")
def analyse_page(request: Request) -> View:
    """The Analyse form: paste an article or upload a .txt or .html file."""
    return View("analyse.html", _analyse_data(request), {"form": AnalyseForm().shown()})


@page("/analyse", methods=("POST",))
def analyse(request: Request, form: Annotated[AnalyseForm, Depends(read_analyse_form)]) -> View:
    """One article analysed: every attribution highlighted; saved to the store when asked
    (with the token)."""
    config = settings(request)
    shown = {"form": form.shown()}

    def failed(status: int, message: str) -> View:
        return View("analyse.html", _analyse_data(request, error=message), shown, status)

    if form.save and not config.token_ok(form.token):
        if config.token is None:
            return failed(401, "this server is read-only: start it with --token (or ONRECORD_TOKEN) to save")
        return failed(401, "the token is wrong: give the token the server was started with to save")
    try:
        if form.data:
            article = uploaded_article(form.filename, form.content_type, form.data, form.id, form.metadata)
        else:
            article = pasted_article(form.text, form.id, form.metadata)
    except UploadError as err:
        return failed(400, str(err))
    result = config.analyser.analyse(article)
    if not result.ok:
        return failed(422, result.error or "the article could not be analysed")
    saved = None
    if form.save:
        with config.store() as store:
            try:
                saved = "stored" if store.add(result) else "already stored"
            except ArticleIdClash as err:
                return failed(409, str(err))
    record = {**result.to_dict(), "text": article.text}
    data = _analyse_data(request, article=record, saved=saved)
    return View("analyse.html", data, {**shown, "hl": highlight(article.text, record["attributions"])})


# -- search and verify -------------------------------------------------------------------------------
@page("/search")
def search(
    request: Request,
    store: StoreDep,
    q: str | None = None,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    publisher: str | None = None,
    kind: str | None = None,
    limit: Limit = 20,
) -> View:
    """Search what was said, with the filters of ``onrecord search``."""
    filters = {
        "speaker": _blank(speaker),
        "since": _blank(since),
        "until": _blank(until),
        "publisher": _blank(publisher),
        "kind": _blank(kind),
    }
    data: dict[str, Any] = {"q": q, **filters, "limit": limit, "hits": [], "error": None}
    extra = {"kinds": KINDS}
    if q is None:
        return View("search.html", data, extra)
    try:
        data["hits"] = [hit.to_dict() for hit in store.search(q, **filters, limit=limit)]
    except QueryError as err:
        return View("search.html", {**data, "error": str(err)}, extra, 400)
    return View("search.html", data, extra)


@page("/verify")
def verify(request: Request, store: StoreDep, q: str | None = None, limit: Limit = 5) -> View:
    """Does this quotation appear, where first, and attributed to whom (``onrecord verify``)."""
    data: dict[str, Any] = {"q": q, "limit": limit, "matches": [], "error": None}
    if q is None:
        return View("verify.html", data)
    try:
        data["matches"] = [m.to_dict() for m in store.verify(q, limit=limit)]
    except QueryError as err:
        return View("verify.html", {**data, "error": str(err)}, status=400)
    return View("verify.html", data)


@page("/quotations/{cluster_id}")
def quotation(request: Request, cluster_id: int, store: StoreDep) -> View:
    """One quotation across articles: first appearance, every appearance, its variants."""
    found = store.cluster(cluster_id)
    if found is None:
        new = store.cluster_moved_to(cluster_id)
        moved(request, str(cluster_id), None if new is None else str(new), "quotation")
        raise HTTPException(404, f"no quotation {cluster_id} in the store")
    return View("quotation.html", found.to_dict())


# -- speakers ----------------------------------------------------------------------------------------
@page("/speakers")
def speakers(
    request: Request,
    store: StoreDep,
    top: Annotated[int, Query(ge=1, le=1000)] = 50,
    publisher: str | None = None,
) -> View:
    """The speakers quoted most (``onrecord speakers``)."""
    found = store.speakers(top, publisher=_blank(publisher))
    data = {"top": top, "publisher": _blank(publisher), "speakers": [s.to_dict() for s in found]}
    return View("speakers.html", data)


@page("/speakers/{speaker_id}")
def speaker(
    request: Request, speaker_id: str, store: StoreDep, limit: Limit = 50, offset: Offset = 0
) -> View:
    """One speaker: aliases, counts by kind and publisher, quotes over time, whom they
    address, and the quotes themselves (``limit`` from ``offset``)."""
    found = store.speaker(speaker_id, limit=limit, offset=offset)
    if found is None:
        moved(request, speaker_id, store.moved_to(speaker_id), "speaker")
        raise HTTPException(404, f"no speaker with the id {speaker_id!r} in the store")
    data = {**found.to_dict(), "limit": limit, "offset": offset}
    chart = charts.timeline(data["timeline"], f"Attributions to {found.speaker.name or speaker_id} per month")
    return View("speaker.html", data, {"chart": chart})


# -- articles ----------------------------------------------------------------------------------------
@page("/articles")
def articles(
    request: Request, store: StoreDep, limit: Limit = 50, offset: Offset = 0, publisher: str | None = None
) -> View:
    """The stored articles, newest first."""
    found = store.articles(limit=limit, offset=offset, publisher=_blank(publisher))
    data = {
        "limit": limit,
        "offset": offset,
        "publisher": _blank(publisher),
        "articles": [a.to_dict() for a in found],
    }
    return View(
        "articles.html", data, {"pager_params": {"publisher": data["publisher"]} if data["publisher"] else {}}
    )


@page("/articles/{article_id:path}")
def article(request: Request, article_id: str, store: StoreDep) -> View:
    """One stored article with every attribution highlighted."""
    record = store.article(article_id)
    if record is None:
        raise HTTPException(404, f"no article with the id {article_id!r} in the store")
    return View("article.html", record, {"hl": highlight(record["text"], record["attributions"])})
