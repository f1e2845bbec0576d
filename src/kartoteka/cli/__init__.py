"""The `kartoteka` command line: one module per command, imported only when its command runs.

Each command module decorates its function with `@cli.command()` (or `@cli.group()`); `_COMMANDS`
says which module holds which command, so `kartoteka outline` never imports the web stack, the store
or the exporters, and `kartoteka --help` imports them all to list them.
"""

from __future__ import annotations

import importlib

import click

from kartoteka import __version__
from kartoteka.cli.common import run_main

_COMMANDS = {
    "outline": "outline", "repair": "repair", "persons": "persons", "entities": "entities",
    "facts": "facts", "person": "facts", "timeline": "facts", "citations": "citations", "export": "export",
    "ingest": "ingest", "search": "search", "stats": "stats", "db": "db", "serve": "serve", "curate": "curate",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(_COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in _COMMANDS:
            importlib.import_module(f"kartoteka.cli.{_COMMANDS[name]}")  # its decorator registers it here
        return self.commands.get(name)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Example:\n\n\b\n  kartoteka outline ../shared/corpus/JPRS-UPA-89-042.txt\n",
)
@click.version_option(__version__, prog_name="kartoteka")
def cli() -> None:
    """kartoteka: OCR'd JPRS/FBIS translation reports as a source-grounded archive.

    Every record it prints points at [start, end) character offsets in the source text.
    """


def _register() -> None:
    """Import every command module (for in-process callers such as click's CliRunner in tests)."""
    for module in sorted(set(_COMMANDS.values())):
        importlib.import_module(f"kartoteka.cli.{module}")


def main() -> None:
    run_main(cli)
