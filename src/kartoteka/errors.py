"""Errors the user can act on. The CLI prints them as one line and exits 2."""


class InputError(Exception):
    """A file kartoteka cannot read as a report (missing, empty, binary...)."""
