"""Exports: TEI P5, W3C Web Annotation JSON-LD, CSV, SQLite for Datasette, person graph, bibliography.

Each exporter takes `Bundle`s (one per report, from a file or a store; see `bundle`) and a directory.
"""

from kartoteka.export.bundle import Bundle, from_file, from_store, load

__all__ = ["Bundle", "from_file", "from_store", "load"]
