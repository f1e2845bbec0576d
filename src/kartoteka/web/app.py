"""The application factory: `create_app(db_url)` returns a read-only FastAPI app over one store.

Every response carries a Content-Security-Policy that allows only the app's own scripts (no inline script,
no CDN); requests other than GET/HEAD are refused, bodies and query strings are size-limited, and every list
has a maximum page size.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from kartoteka import __version__
from kartoteka.web.data import Archive
from kartoteka.web.db import Database

WEB = Path(str(resources.files("kartoteka.web")))
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")
MAX_BODY = 16 * 1024
MAX_QUERY = 4 * 1024


def plotly_dir() -> Path | None:
    try:
        import plotly
    except ImportError:
        return None
    p = Path(plotly.__file__).parent / "package_data"
    return p if (p / "plotly.min.js").is_file() else None


def swagger_dir() -> Path | None:
    try:
        import swagger_ui_bundle
    except ImportError:
        return None
    p = Path(swagger_ui_bundle.swagger_ui_path)
    return p if (p / "swagger-ui-bundle.js").is_file() else None


class SecurityMiddleware:
    """Pure ASGI: read-only methods, size limits, and the security headers on every response."""

    def __init__(self, app, editable: bool = False):
        self.app = app
        self.editable = editable  # curation hook: `serve --editable` lets POST through to /curate/ only

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        post_ok = self.editable and scope["method"] == "POST" and scope.get("path", "").startswith("/curate/")
        if scope["method"] not in ("GET", "HEAD") and not post_ok:
            return await self._plain(send, 405, b"read-only server: GET and HEAD only", [(b"allow", b"GET, HEAD")])
        length = headers.get(b"content-length", b"0")  # bytes: isdigit() is ASCII-only here
        if not length.isdigit() or int(length) > MAX_BODY:
            return await self._plain(send, 413, b"request body too large")
        if len(scope.get("query_string") or b"") > MAX_QUERY or len(scope.get("path", "")) > MAX_QUERY:
            return await self._plain(send, 414, b"request URI too long")

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + _SECURITY_HEADERS
            await send(message)

        return await self.app(scope, receive, send_with_headers)

    @staticmethod
    async def _plain(send, status: int, body: bytes, extra: list | None = None):
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                (b"content-length", str(len(body)).encode()), *_SECURITY_HEADERS, *(extra or [])]})
        await send({"type": "http.response.body", "body": body})


_SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


def create_app(db_url: str, warm: bool = False, editable_user: str | None = None) -> FastAPI:
    """A read-only app over the store at `db_url` (raises `InputError` if it is missing or not a store).

    `warm` builds the per-report indexes and the whole-store views (trajectories, agents, network) up front,
    so that no visitor's request pays for them (`kartoteka serve` does this).
    `editable_user` (curation hook, `serve --editable --user NAME`) mounts the CSRF-protected curation form at
    /curate, whose decisions are signed by that user; without it the app is read-only.
    """
    db = Database(db_url)
    app = FastAPI(title="kartoteka", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Read-only JSON API over a kartoteka store: every record points at [start, end) "
                              "character offsets of its report's source text.")
    # the locally bundled Swagger UI (4.x) renders OpenAPI 3.0 documents; FastAPI's schema is 3.0-compatible
    app.openapi_version = "3.0.2"
    app.state.db = db
    app.state.archive = Archive(db)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(WEB / "templates")), autoescape=True)
    templates = Jinja2Templates(env=env)
    templates.env.globals["version"] = __version__
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")
    if (pd := plotly_dir()) is not None:
        app.mount("/vendor/plotly", StaticFiles(directory=str(pd)), name="plotly")
    if (sd := swagger_dir()) is not None:
        app.mount("/vendor/swagger", StaticFiles(directory=str(sd)), name="swagger")
    app.add_middleware(SecurityMiddleware, editable=editable_user is not None)
    if editable_user is not None:
        from kartoteka.curation.web import install

        install(app, db_url, editable_user)

    from kartoteka.web.routes import api, charts, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(charts.router)

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request):
        return templates.TemplateResponse(request, "docs.html", {"swagger": swagger_dir() is not None})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        if exc.status_code == 404 or exc.status_code == 400:
            return templates.TemplateResponse(request, "error.html", {"status": exc.status_code,
                                                                      "detail": exc.detail},
                                              status_code=exc.status_code)
        return PlainTextResponse(str(exc.detail), status_code=exc.status_code)

    if warm:
        warm_up(app.state.archive)
    return app


def warm_up(archive: Archive) -> None:
    from kartoteka.web import analysis

    for r in archive.reports():
        archive.index(r["sha256"])
    analysis.trajectories(archive)
    analysis.agents(archive)
    analysis.network(archive)
    archive.fact_types()
    archive.modalities()
