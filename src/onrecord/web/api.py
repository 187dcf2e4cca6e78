"""The REST API under ``/api``: the store's questions and the extractor, as JSON, described
by OpenAPI (``/openapi.json``, browsable at ``/docs``).

Answers are the store's own answer records (``Hit``, ``SpeakerSummary``, ``Match`` …, as
``to_dict`` gives them: the same JSON as the command line's ``--json``) and FORMAT.md
records. The one write, ``POST /api/articles``, needs the operator's token as
``Authorization: Bearer TOKEN``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from ..io.readers import content_id
from ..records import Article
from ..store import Store
from ..store.store import KINDS, ArticleIdClash
from .app import moved, open_store, settings

router = APIRouter(prefix="/api", tags=["api"])
StoreDep = Annotated[Store, Depends(open_store)]
_bearer = HTTPBearer(auto_error=False, description="the token the server was started with (--token)")


class ArticleIn(BaseModel):
    """A FORMAT.md input record: ``text`` and, optionally, ``id`` and any metadata
    (``title``, ``date``, ``url``, ``publisher`` …), which is copied to the output."""

    model_config = ConfigDict(extra="allow")

    text: str
    id: str | int | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None

    def record(self) -> dict[str, Any]:
        """The input record, as the extractor reads it (an article without an id is named
        by a hash of its text, as ``onrecord ingest`` names it)."""
        record = self.model_dump(exclude_unset=True)
        if record.get("id") in (None, ""):
            record["id"] = content_id(self.text)
        return record


class Failed(BaseModel):
    id: str | None
    reason: str


class Ingested(BaseModel):
    """What ``POST /api/articles`` did with each article, by id."""

    stored: list[str] = Field(default_factory=list)
    skipped: list[str] = Field(default_factory=list, description="stored already, with the same text")
    failed: list[Failed] = Field(default_factory=list)


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    """Writes need the operator's token; a server started without one takes no writes."""
    config = settings(request)
    if config.token is None:
        raise HTTPException(
            401, "this server is read-only: start it with --token (or ONRECORD_TOKEN) to take writes"
        )
    if credentials is None or not config.token_ok(credentials.credentials):
        raise HTTPException(
            401, "a write needs the header 'Authorization: Bearer TOKEN'", {"WWW-Authenticate": "Bearer"}
        )


# -- the extractor -----------------------------------------------------------------------------------
@router.post("/analyse", summary="Find the attributions in one article")
def analyse(request: Request, article: ArticleIn) -> dict[str, Any]:
    """The FORMAT.md output record of one article: its id, its metadata, and every
    attribution with its offsets into ``text``, speaker and addressee. Nothing is stored."""
    try:
        found = Article.from_record(article.record())
    except ValueError as err:
        raise HTTPException(422, str(err)) from None
    result = settings(request).analyser.analyse(found)
    if not result.ok:
        raise HTTPException(422, result.error)
    return result.to_dict()


@router.post(
    "/articles",
    summary="Extract and store articles",
    response_model=Ingested,
    dependencies=[Depends(require_token)],
)
def ingest(request: Request, articles: ArticleIn | list[ArticleIn], store: StoreDep) -> Ingested:
    """Extract one FORMAT.md input record, or a list of them, and store each (as ``onrecord
    ingest`` does). An article already stored with the same text is skipped; one that
    cannot be extracted, or whose id is stored with other text, fails with its reason."""
    done = Ingested()
    for item in articles if isinstance(articles, list) else [articles]:
        record = item.record()
        try:
            article = Article.from_record(record)
        except ValueError as err:
            done.failed.append(Failed(id=str(record.get("id")), reason=str(err)))
            continue
        result = settings(request).analyser.analyse(article)
        if not result.ok:
            done.failed.append(Failed(id=article.id, reason=result.error or "extraction failed"))
            continue
        try:
            (done.stored if store.add(result) else done.skipped).append(article.id)
        except ArticleIdClash as err:
            done.failed.append(Failed(id=article.id, reason=str(err)))
    return done


# -- the store ---------------------------------------------------------------------------------------
@router.get("/search", summary="Search what was said")
def search(
    store: StoreDep,
    q: Annotated[str, Query(description='words, and "phrases" in double quotes')],
    speaker: Annotated[str | None, Query(description="any name merged into the speaker")] = None,
    since: Annotated[str | None, Query(description="YYYY-MM-DD, YYYY-MM or YYYY")] = None,
    until: Annotated[str | None, Query(description="YYYY-MM-DD, YYYY-MM or YYYY")] = None,
    publisher: str | None = None,
    kind: Annotated[str | None, Query(description=" or ".join(KINDS))] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 20,
) -> list[dict[str, Any]]:
    """Attributions whose words (or speaker's name) match, best first: as ``onrecord search``."""
    hits = store.search(
        q, speaker=speaker, since=since, until=until, publisher=publisher, kind=kind, limit=limit
    )
    return [hit.to_dict() for hit in hits]


@router.get("/speakers", summary="The speakers quoted most")
def speakers(
    store: StoreDep, top: Annotated[int, Query(ge=1, le=1000)] = 20, publisher: str | None = None
) -> list[dict[str, Any]]:
    """Who is quoted most, with counts by kind and publisher: as ``onrecord speakers``."""
    return [s.to_dict() for s in store.speakers(top, publisher=publisher)]


@router.get("/speakers/{speaker_id}", summary="One speaker")
def speaker(
    request: Request,
    store: StoreDep,
    speaker_id: str,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """A speaker's names, counts, timeline, addressees and quotes (``limit`` from ``offset``)."""
    found = store.speaker(speaker_id, limit=limit, offset=offset)
    if found is None:
        moved(request, speaker_id, store.moved_to(speaker_id), "speaker")
        raise HTTPException(404, f"no speaker with the id {speaker_id!r}")
    return found.to_dict()


@router.get("/quotations/{cluster_id}", summary="One quotation across articles")
def quotation(request: Request, store: StoreDep, cluster_id: int) -> dict[str, Any]:
    """A quotation cluster: its first appearance, every appearance, variants and speakers."""
    found = store.cluster(cluster_id)
    if found is None:
        new = store.cluster_moved_to(cluster_id)
        moved(request, str(cluster_id), None if new is None else str(new), "quotation")
        raise HTTPException(404, f"no quotation {cluster_id}")
    return found.to_dict()


@router.get("/verify", summary="Does this quotation appear?")
def verify(
    store: StoreDep,
    q: Annotated[str, Query(description="the words of the quotation")],
    limit: Annotated[int, Query(ge=1, le=100)] = 5,
) -> list[dict[str, Any]]:
    """The clusters matching the quotation (verbatim, trimmed or lightly edited), best
    first: as ``onrecord verify``. An empty list when nothing matches."""
    return [m.to_dict() for m in store.verify(q, limit=limit)]


@router.get("/articles", summary="The stored articles")
def articles(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    publisher: str | None = None,
) -> list[dict[str, Any]]:
    """Stored articles, newest first, with their attribution counts."""
    return [a.to_dict() for a in store.articles(limit=limit, offset=offset, publisher=publisher)]


@router.get("/articles/{article_id:path}", summary="One stored article")
def article(store: StoreDep, article_id: str) -> dict[str, Any]:
    """The article's FORMAT.md output record, with its ``text`` and store speaker ids."""
    record = store.article(article_id)
    if record is None:
        raise HTTPException(404, f"no article with the id {article_id!r}")
    return record
