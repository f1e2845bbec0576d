"""The web reader and HTTP JSON API over a store (`kartoteka serve`): FastAPI + Jinja2, read-only."""

from kartoteka.web.app import create_app

__all__ = ["create_app"]
