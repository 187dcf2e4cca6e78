"""onrecord as a spaCy pipeline component: ``nlp.add_pipe("onrecord")`` then ``doc._.attributions``.

The component runs the same stages as ``Extractor`` over the Doc the pipeline already
parsed, so it must come after the parser and the entity recogniser.

    >>> import spacy, onrecord.spacy_component  # registers the factory
    >>> nlp = spacy.load("en_core_web_sm"); nlp.add_pipe("onrecord")
    >>> doc = nlp('"We will win," Smith said.')
    >>> doc._.attributions[0].speaker.name
    'Smith'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .stages.finder import Finder
from .stages.linker import Linker
from .stages.resolver import Resolver
from .stages.scanner import QuoteScanner
from .stages.scorer import load_model

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)


class OnrecordComponent:
    """Sets ``doc._.attributions``: a list of ``records.Attribution``, in text order.

    model: ``"default"`` (the learned finder shipped with the package), ``"rules"`` (the cue
    lexicon alone), or the directory of a model made by ``onrecord train``.
    """

    def __init__(self, nlp: Language, name: str = "onrecord", model: Any = "default") -> None:
        self.name = name
        self.scanner = QuoteScanner()
        self.finder = Finder(scorer=load_model(model))
        self.linker = Linker()
        self.resolver = Resolver()

    def __call__(self, doc: Doc) -> Doc:
        quotes = self.scanner.scan(doc.text)
        candidates = self.linker(doc, quotes, self.finder(doc, quotes))
        doc._.attributions = self.resolver(doc, candidates, quotes)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.component("onrecord_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs, so that no
    dependency joins two paragraphs (a quotation to a cue in the next paragraph)."""
    for token in doc[:-1]:
        if "\n" in token.text or token.whitespace_ == "\n":
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.factory("onrecord", default_config={"model": "default"})
def make_onrecord(nlp: Language, name: str, model: str) -> OnrecordComponent:
    """The spaCy factory behind ``nlp.add_pipe("onrecord")`` (``config={"model": DIR}``
    for a retrained model, ``"rules"`` for the lexicon alone)."""
    return OnrecordComponent(nlp, name, model)
