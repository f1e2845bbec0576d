"""kartoteka: OCR'd translation reports as a source-grounded archive.

Every record points at `[start, end)` character offsets into the immutable decoded
source text (`Source.text`); nothing derived ever replaces the original.
"""

from kartoteka.api import connect, read
from kartoteka.ingest import Source, load_source

__version__ = "0.1.0"

__all__ = ["Source", "__version__", "connect", "load_source", "read"]
