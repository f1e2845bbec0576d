"""`kartoteka repair` end to end: table, --json, --text, and bad input as one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

from repair_fixture import REPORT


def _run(*args):
    return subprocess.run(
        [sys.executable, "-m", "kartoteka", "repair", *args], capture_output=True, text=True, timeout=120
    )


def test_json_text_and_table(tmp_path):
    f = tmp_path / "report.txt"
    f.write_text(REPORT, encoding="utf-8")
    out = _run(str(f), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["source"]["sha256"] and data["stats"]["corrections"] == len(data["corrections"])
    assert set(data["stats"]["by_kind"]) == {"name", "word", "split", "merge", "hyphen", "other"}
    for c in data["corrections"]:
        assert REPORT[c["start"] : c["end"]] == c["original"]
    text = _run(str(f), "--text")
    assert text.returncode == 0 and "G. Malenkov had prepared" in text.stdout
    table = _run(str(f))
    assert table.returncode == 0 and "Kameney" in table.stdout


def test_bad_input_is_one_line_exit_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02abc")
    for path in (tmp_path / "missing.txt", tmp_path, empty, binary):
        out = _run(str(path))
        assert out.returncode == 2
        assert out.stderr.count("\n") == 1 and out.stderr.startswith("kartoteka: error:")
