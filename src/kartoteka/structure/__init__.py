"""Rebuilding a report's structure (header, contents, divisions, blocks, notes) as standoff records."""

from kartoteka.structure.model import Block, Division, Footnote, Gloss, Report
from kartoteka.structure.reader import read_path, read_report

__all__ = ["Block", "Division", "Footnote", "Gloss", "Report", "read_path", "read_report"]
