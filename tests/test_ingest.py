"""Input rules: what the reader refuses (exit 2, one line) and what it warns about."""

from __future__ import annotations

import codecs
import json

import pytest

from conftest import FIXTURES, run_cli
from kartoteka.errors import InputError
from kartoteka.ingest import source_from_bytes


def _assert_one_line_error(result, fragment: str) -> None:
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    assert fragment in err
    assert result.stdout == b""


def test_missing_path_is_an_error(tmp_path):
    _assert_one_line_error(run_cli("outline", str(tmp_path / "nope.txt")), "no such file")


def test_directory_is_an_error(tmp_path):
    _assert_one_line_error(run_cli("outline", str(tmp_path)), "directory")


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_or_whitespace_file_is_an_error(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    _assert_one_line_error(run_cli("outline", str(path)), "empty")


def test_nul_bytes_mean_binary(tmp_path):
    path = tmp_path / "data.bin"
    path.write_bytes(b"JPRS Report\x00\x01\x02 some text")
    _assert_one_line_error(run_cli("outline", str(path)), "binary")


def test_many_control_characters_mean_binary(tmp_path):
    path = tmp_path / "ctl.txt"
    path.write_bytes(b"abc\x01\x02\x03\x04\x05" * 50)
    _assert_one_line_error(run_cli("outline", str(path)), "binary")


def test_a_few_control_characters_are_tolerated():
    data = b"Some text of a report.\x0c\n" * 20
    assert source_from_bytes(data).encoding == "utf-8"


def test_cp1252_is_decoded_with_a_warning(tmp_path):
    text = "JPRS Report\n\nThe commissar\u2019s letter \u2014 signed \u201cKoba\u201d.\n"
    path = tmp_path / "cp.txt"
    path.write_bytes(text.encode("cp1252"))
    result = run_cli("outline", str(path), "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["source"]["encoding"] == "cp1252"
    assert any("UTF-8" in w for w in payload["source"]["warnings"])
    # decoded faithfully, so offsets index the characters a reader sees
    assert payload["source"]["chars"] == len(text)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_wide_encodings_with_a_byte_order_mark_are_decoded(codec):
    text = "JPRS-UPA-89-042\n\nN. I. Yezhov (\u0415\u0436\u043e\u0432) was arrested in 1939.\n"
    data = (codecs.BOM_UTF16_BE if codec == "utf-16-be" else b"") + text.encode(codec)
    source = source_from_bytes(data)
    assert source.encoding == codec.removesuffix("-be")
    assert source.text == text  # the mark is dropped; offsets count the characters a reader sees
    assert source.text.index("Yezhov") == text.index("Yezhov")


def test_utf16_without_a_mark_and_a_broken_wide_file_are_refused_in_one_line(tmp_path):
    bare = tmp_path / "bare.txt"
    bare.write_bytes("JPRS Report\nStalin was arrested.\n".encode("utf-16-le"))
    _assert_one_line_error(run_cli("outline", str(bare)), "UTF-16 without a byte-order mark")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(codecs.BOM_UTF16_LE + "JPRS Report".encode("utf-16-le") + b"\x00")
    _assert_one_line_error(run_cli("outline", str(broken)), "not valid UTF-16")
    with pytest.raises(InputError, match="NUL"):
        source_from_bytes(codecs.BOM_UTF16_LE + "JPRS\x00 Report".encode("utf-16-le"))


def test_undefined_cp1252_bytes_do_not_fail():
    source = source_from_bytes(b"caf\xe9 \x81 end")
    assert source.encoding == "cp1252"
    assert source.text == "caf\u00e9 \u0081 end"


def test_no_header_is_a_warning_and_blocks_are_still_built(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("A plain typescript.\n\nIt has two paragraphs and no JPRS front.\n", encoding="utf-8")
    result = run_cli("outline", str(path), "--json")
    assert result.returncode == 0
    payload = json.loads(result.stdout)
    assert payload["report"]["number"] is None
    assert any("header" in w for w in payload["source"]["warnings"])
    assert [b["kind"] for b in payload["blocks"]] == ["paragraph", "paragraph"]


def test_huge_single_line_is_processed_with_a_warning(tmp_path):
    path = tmp_path / "long.txt"
    word = "repression "
    path.write_text(word * (10_000_000 // len(word)), encoding="utf-8")
    result = run_cli("outline", str(path), "--json")
    assert result.returncode == 0, result.stderr[-300:]
    payload = json.loads(result.stdout)
    assert any("long line" in w for w in payload["source"]["warnings"])
    assert len(payload["blocks"]) == 1


def test_source_records_hash_and_length():
    source = source_from_bytes("Ежов and Yezhov\n".encode())
    assert source.chars == 16  # code points, not bytes (the Cyrillic letters are 2 bytes each)
    assert len(source.sha256) == 64


def test_input_error_is_raised_in_the_api():
    with pytest.raises(InputError):
        source_from_bytes(b"\x00\x00")


def test_help_has_an_example():
    result = run_cli("outline", "--help")
    assert result.returncode == 0
    assert b"Example" in result.stdout and b"kartoteka outline" in result.stdout


def test_human_output_is_a_tree():
    result = run_cli("outline", str(FIXTURES / "essay_report.txt"))
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "JPRS-UPA-90-017" in out and "The Shipyard at Zelenodolsk" in out


def test_a_long_line_of_noise_is_processed(tmp_path):
    """Brackets, digits, quotes and superscripts everywhere: every scan must stay linear."""
    import random

    rng = random.Random(1)
    alphabet = "abcdefghij KLMNOP .,;:\"[]()0123456789-—¹²"
    path = tmp_path / "noise.txt"
    path.write_text("".join(rng.choice(alphabet) for _ in range(2_000_000)), encoding="utf-8")
    result = run_cli("outline", str(path), "--json")
    assert result.returncode == 0, result.stderr[-300:]
    payload = json.loads(result.stdout)
    assert len(payload["blocks"]) == 1 and payload["footnotes"] == []
