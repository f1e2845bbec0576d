"""Mentions found in the text: dates (EDTF), quantities, and all entity kinds (`entities`)."""
