"""Analysing one article for the web app: the extractor, made on first use and run one
article at a time, and the article read from pasted text or an uploaded file.

spaCy takes seconds to load and is not thread-safe, while the web server answers
requests on several threads: so one extractor per app, created lazily under a lock and
used under the same lock.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..io.readers import ReadFailure, content_id, decode_text, read_html
from ..records import Article, Result

ExtractorFactory = Callable[[], Any]
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")


class UploadError(ValueError):
    """An uploaded file or pasted text that cannot be read as an article."""


def default_extractor(model: str = "default") -> ExtractorFactory:
    """A factory for the real Extractor with the finder model ``model``."""

    def make() -> Any:
        from ..pipeline import Extractor

        return Extractor(model=model)

    return make


class Analyser:
    """Runs the extractor for the app: lazily made, one article at a time."""

    def __init__(self, factory: ExtractorFactory) -> None:
        self._factory = factory
        self._extractor: Any = None
        self._lock = threading.Lock()

    def pipe(self, articles: Iterable[Article]) -> Iterator[Result]:
        """The results of ``articles``, in order (each failed article a failed Result)."""
        for article in articles:
            yield self.analyse(article)

    def analyse(self, article: Article) -> Result:
        with self._lock:
            if self._extractor is None:
                self._extractor = self._factory()
            return self._extractor.process(article)


def pasted_article(text: str, article_id: str | None, metadata: Mapping[str, Any]) -> Article:
    """An article from text typed or pasted into the form."""
    if not text.strip():
        raise UploadError("paste the text of an article, or choose a .txt or .html file")
    return Article(id=article_id or content_id(text), text=text, metadata=_given(metadata))


def uploaded_article(
    filename: str, content_type: str | None, data: bytes, article_id: str | None, metadata: Mapping[str, Any]
) -> Article:
    """An article from an uploaded .txt or .html file; its id is the file name without its
    suffix unless one is given, and the page's own metadata gives way to what the form gives."""
    name = Path(filename.replace("\\", "/")).name or "upload"
    suffix = Path(name).suffix.lower()
    if not data:
        raise UploadError(f"{name} is empty")
    if suffix in HTML_SUFFIXES or (not suffix and (content_type or "").startswith("text/html")):
        article = _html_article(name, data)
    elif suffix in TEXT_SUFFIXES or (not suffix and (content_type or "").startswith("text/")):
        text = decode_text(data, name)
        if isinstance(text, ReadFailure):
            raise UploadError(text.reason)
        if not text.strip():
            raise UploadError(f"{name} has no text")
        article = Article(id=Path(name).stem, text=text)
    else:
        raise UploadError(f"{name}: upload a .txt or .html file")
    return Article(
        id=article_id or article.id,
        text=article.text,
        metadata={**article.metadata, **_given(metadata)},
    )


def _html_article(name: str, data: bytes) -> Article:
    with tempfile.TemporaryDirectory(prefix="onrecord-upload-") as folder:
        path = Path(folder) / (Path(name).stem + ".html")
        path.write_bytes(data)
        item = read_html(path)
    if isinstance(item, ReadFailure):
        raise UploadError(f"{name}: {item.reason}")
    return item


def _given(metadata: Mapping[str, Any]) -> dict[str, Any]:
    """The metadata fields given: strings stripped, empty ones left out."""
    cleaned = {k: v.strip() if isinstance(v, str) else v for k, v in metadata.items()}
    return {k: v for k, v in cleaned.items() if v not in (None, "")}
