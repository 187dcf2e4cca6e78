"""The onrecord web app: analyse an article, search the quote store, speaker and quotation
pages, each with a JSON twin, and a REST API under ``/api``.

``create_app(db)`` builds it; ``onrecord serve`` runs it with uvicorn.
"""

from .app import create_app

__all__ = ["create_app"]
