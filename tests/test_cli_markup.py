"""Report text that looks like rich markup (`[inembers]`, a gloss in lowercase, `[/bold]`) is printed
as it stands in the tables of the commands, never read as a style or dropped, and never crashes them."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from repair_fixture import REPORT

HOSTILE = (
    "\nThe rayon department [rayzo] met. Certain Central Committee inembers were absent. Kamenev said [/bold]\n"
    "nothing, and the chairman [red]Bukharin[/red] was arrested in 1937. A note [/] closed the session.\n"
)


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "400"}  # one line per cell: nothing folds across lines
    return subprocess.run(
        [sys.executable, "-m", "kartoteka", *args], capture_output=True, text=True, timeout=180, env=env
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = tmp_path_factory.mktemp("markup") / "report.txt"
    path.write_text(REPORT + HOSTILE, encoding="utf-8")
    return str(path)


def test_repair_table_shows_the_original_in_its_context(report):
    out = _run("repair", report)
    assert out.returncode == 0, out.stderr
    assert "Committee [inembers] were" in out.stdout  # lowercase in brackets is no style tag here


@pytest.mark.parametrize("command", [("facts",), ("person", "Bukharin")])
def test_fact_evidence_prints_markup_like_text_literally(report, command):
    out = _run(*command, report)
    assert out.returncode == 0, out.stderr  # `[/bold]` closing no tag made rich raise
    assert "[red]Bukharin[/red] was arrested" in out.stdout
