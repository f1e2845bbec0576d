"""Footnotes as structured references (author, work, volume, pages, Ibid./op. cit. resolved) and works named in
the text linked to them."""

from kartoteka.citations.model import KINDS, Citation, WorkMention
from kartoteka.citations.parse import find_citations, link_works

__all__ = ["KINDS", "Citation", "WorkMention", "find_citations", "link_works"]
