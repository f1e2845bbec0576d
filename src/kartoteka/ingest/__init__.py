"""Reading files into immutable `Source` records."""

from kartoteka.ingest.source import Source, load_source, source_from_bytes

__all__ = ["Source", "load_source", "source_from_bytes"]
