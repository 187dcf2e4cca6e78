"""onrecord: who said what, to whom, in news articles.

    >>> import onrecord
    >>> for a in onrecord.extract('"We will win," Smith said.'):
    ...     print(a.speaker.name, a.kind)
    Smith direct

``onrecord.Extractor()`` loads the models once; ``Extractor.pipe(articles)`` runs many.
"""

from __future__ import annotations

from .records import Article, Attribution, Result, Span, Speaker

__version__ = "0.1.0"
__all__ = ["Article", "Attribution", "Extractor", "Result", "Span", "Speaker", "extract"]

_default: Extractor | None = None


def __getattr__(name: str):  # lazy: importing onrecord must not load spaCy
    if name == "Extractor":
        from .pipeline import Extractor

        return Extractor
    raise AttributeError(f"module 'onrecord' has no attribute {name!r}")


def extract(text: str) -> list[Attribution]:
    """Every attribution in one article text (loads the default Extractor on first use)."""
    global _default
    if _default is None:
        from .pipeline import Extractor

        _default = Extractor()
    return _default.extract(text)


if False:  # for type checkers only
    from .pipeline import Extractor
