"""`kartoteka serve`: the web reader and HTTP JSON API over a store (read-only; 127.0.0.1 by default)."""

from __future__ import annotations

import click

from kartoteka.cli import cli
from kartoteka.cli.common import fail
from kartoteka.cli.ingest import db_option
from kartoteka.errors import InputError
from kartoteka.store import default_url


@cli.command(
    epilog="Needs the web extra: pip install 'kartoteka[web]'.\n\n"
    "Example:\n\n\b\n  kartoteka ingest ../shared/corpus/JPRS-UPA-89-042.txt\n  kartoteka serve   # http://127.0.0.1:8000/"
)
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (keep 127.0.0.1 unless you "
              "mean to publish the archive).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--editable", is_flag=True, help="Also serve the curation form at /curate (decisions signed by --user).")
@click.option("--user", envvar="KARTOTEKA_USER", help="Author of decisions made with --editable ($KARTOTEKA_USER).")
def serve(db: str | None, host: str, port: int, editable: bool, user: str | None) -> None:
    """Serve the stored reports: reader, person cards, facts, charts, search and a JSON API under /api/."""
    try:
        import uvicorn

        from kartoteka.web import create_app
    except ImportError as error:
        fail(f"the web server needs the web extra ({error.name} missing): pip install 'kartoteka[web]'")
        return
    url = db or default_url()
    if editable and not (user or "").strip():
        fail("--editable needs --user NAME (or $KARTOTEKA_USER)")
        return
    try:
        app = create_app(url, warm=True, editable_user=user if editable else None)
    except InputError as error:
        fail(str(error))
        return
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"kartoteka: serving {url} at http://{shown}:{port}/ (API docs at /docs; Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False,
                limit_concurrency=64, timeout_keep_alive=5)
