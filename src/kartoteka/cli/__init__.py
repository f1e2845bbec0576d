"""The `kartoteka` command line: one module per command, registered on one group."""

from __future__ import annotations

import click

from kartoteka import __version__
from kartoteka.cli.common import run_main


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Example:\n\n\b\n  kartoteka outline ../shared/corpus/JPRS-UPA-89-042.txt\n",
)
@click.version_option(__version__, prog_name="kartoteka")
def cli() -> None:
    """kartoteka: OCR'd JPRS/FBIS translation reports as a source-grounded archive.

    Every record it prints points at [start, end) character offsets in the source text.
    """


def _register() -> None:
    # Each command lives in its own module; importing it attaches it to `cli`.
    from kartoteka.cli import (
        citations,  # noqa: F401
        curate,  # noqa: F401
        db,  # noqa: F401
        entities,  # noqa: F401
        export,  # noqa: F401
        facts,  # noqa: F401
        ingest,  # noqa: F401
        outline,  # noqa: F401
        persons,  # noqa: F401
        repair,  # noqa: F401
        search,  # noqa: F401
        serve,  # noqa: F401
        stats,  # noqa: F401
    )


def main() -> None:
    _register()
    run_main(cli)
