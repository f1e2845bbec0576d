"""The `ingest`, `search`, `stats` and `db upgrade` commands, and atomicity under SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kartoteka.ingest import load_source
from kartoteka.structure import read_report
from store_support import TABLES, pg_url, store_url, variants


def kartoteka(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 300):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "kartoteka", *args], capture_output=True, cwd=cwd, env=full_env,
                          timeout=timeout, text=True)


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_ingest_search_stats_json(backend, tmp_path):
    url = store_url(backend, tmp_path)
    folder = tmp_path / "reports"
    variants(folder, 3)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    done = kartoteka("ingest", str(folder), "--db", url, "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["reports"] == 3 and summary["new"] == 3
    assert [s["path"].endswith("empty.txt") for s in summary["skipped"]] == [True]
    assert summary["store"]["reports"] == 3
    again = json.loads(kartoteka("ingest", str(folder), "--db", url, "--json").stdout)
    assert again["new"] == 0 and again["unchanged"] == 3
    hits = json.loads(kartoteka("search", '"generated variant"', "--db", url, "--json", "--limit", "2").stdout)
    assert hits["query"] == '"generated variant"' and hits["total"] == 3 and len(hits["hits"]) == 2
    stats = json.loads(kartoteka("stats", "--db", url, "--json").stdout)
    assert set(stats) == {"reports", "persons", "mentions", "facts", "corrections", "bytes"}
    assert stats["reports"] == 3
    up = json.loads(kartoteka("db", "upgrade", "--db", url, "--json").stdout)
    assert up["applied"] == [] and up["from"] == up["to"]


def test_default_db_and_env(tmp_path):
    variants(tmp_path / "r", 1)
    assert kartoteka("ingest", "r", cwd=tmp_path).returncode == 0
    assert (tmp_path / "kartoteka.db").is_file()
    env_db = tmp_path / "env.db"
    assert kartoteka("ingest", "r", "--json", cwd=tmp_path, env={"KARTOTEKA_DB": str(env_db)}).returncode == 0
    assert json.loads(kartoteka("stats", "--json", env={"KARTOTEKA_DB": str(env_db)}).stdout)["reports"] == 1
    table = kartoteka("search", "generated", cwd=tmp_path)
    assert table.returncode == 0 and "generated" in table.stdout


def test_errors_are_one_line(tmp_path):
    missing = kartoteka("search", "x", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "no such store" in missing.stderr
    assert not (tmp_path / "none.db").exists()
    bad = kartoteka("stats", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert bad.returncode == 2 and "cannot connect" in bad.stderr
    for command in ("ingest", "search", "stats"):
        assert "Example" in kartoteka(command, "--help").stdout


def _big_variants(folder: Path, n: int) -> list[Path]:
    """Reports large enough (~40 KB) that a run takes seconds, so it can be killed midway."""
    paths = variants(folder, n)
    for p in paths:
        text = p.read_text(encoding="utf-8")
        head, _, body = text.partition("[Text]")
        p.write_text(head + "[Text]" + (body + "\n\n") * 12, encoding="utf-8")
    return paths


def test_sigkill_leaves_only_complete_reports(tmp_path):
    folder = tmp_path / "reports"
    paths = _big_variants(folder, 30)
    db = tmp_path / "store.db"
    proc = subprocess.Popen([sys.executable, "-m", "kartoteka", "ingest", str(folder), "--db", str(db), "--json"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    with sqlite3.connect(db, timeout=1) as conn:
                        stored = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
                except sqlite3.OperationalError:
                    stored = 0
                if stored >= 1:
                    break
            time.sleep(0.01)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert stored >= 1, "no report was committed before the deadline"

    expected = {}
    for p in paths:
        source = load_source(p)
        expected[source.sha256] = len(read_report(source).blocks)
    conn = sqlite3.connect(db)
    shas = [r[0] for r in conn.execute("SELECT sha256 FROM reports")]
    assert 1 <= len(shas) < 30, "the run was not killed midway"
    for sha in shas:
        assert conn.execute("SELECT count(*) FROM blocks WHERE report = ?", (sha,)).fetchone()[0] == expected[sha]
    for table in TABLES:
        if table in ("reports", "corpus_persons"):
            continue
        orphans = conn.execute(f"SELECT count(*) FROM {table} WHERE report NOT IN (SELECT sha256 FROM reports)")
        assert orphans.fetchone()[0] == 0, table
    fts = conn.execute("SELECT count(DISTINCT b.report) FROM blocks_fts JOIN blocks b ON b.id = blocks_fts.rowid "
                       "WHERE blocks_fts MATCH 'generated'").fetchone()[0]
    assert fts == len(shas)
    conn.close()

    rerun = kartoteka("ingest", str(folder), "--db", str(db), "--json")
    summary = json.loads(rerun.stdout)
    assert summary["new"] == 30 - len(shas) and summary["unchanged"] == len(shas)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM reports").fetchone()[0] == 30


def test_pdf_with_text_layer(tmp_path):
    pytest.importorskip("pypdf")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(_minimal_pdf(["JPRS-UPA-89-120", "Archivist Recalls the Leningrad Files",
                                  "The folders of the archive lay unopened in a cellar."]))
    db = tmp_path / "store.db"
    done = kartoteka("ingest", str(tmp_path), "--db", str(db), "--json")
    summary = json.loads(done.stdout)
    assert summary["new"] == 1, summary
    hits = json.loads(kartoteka("search", "cellar", "--db", str(db), "--json").stdout)
    assert hits["total"] == 1


def _minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (written by hand: no PDF writer needed)."""
    ops = ["BT /F1 11 Tf 50 750 Td 14 TL"]
    for line in lines:
        ops.append("(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_postgres_skip_message_is_clear():
    if pg_url():
        pytest.skip("KARTOTEKA_TEST_PG is set; nothing to check")
    from store_support import PG_SKIP

    assert "KARTOTEKA_TEST_PG" in PG_SKIP
