"""What every command shares: error handling, JSON output, the rich console."""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import click
from rich.console import Console

from kartoteka.errors import InputError

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 2) -> None:
    """One line on stderr and a non-zero exit; never a traceback."""
    click.echo(f"kartoteka: error: {message}", err=True)
    sys.exit(code)


def print_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False))
    sys.stdout.write("\n")


def run_main(group: click.Group) -> None:
    try:
        group.main(standalone_mode=False)
    except click.exceptions.Exit as exit_:
        sys.exit(exit_.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(2)
    except click.Abort:
        click.echo("kartoteka: aborted", err=True)
        sys.exit(130)
    except InputError as error:
        fail(str(error))
    except BrokenPipeError:
        # `kartoteka outline ... | head`: the reader went away; that is not an error.
        sys.stderr.close()
        sys.exit(0)
    except MemoryError:
        fail("out of memory while processing the input")
    except RecursionError:
        fail("input too deeply nested to process")
    except Exception as error:  # a bug; still one line, with a hint where to look
        if os.environ.get("KARTOTEKA_DEBUG"):
            raise
        fail(f"internal error: {type(error).__name__}: {error} (set KARTOTEKA_DEBUG=1 for a traceback)")
