"""Screening list import: the column-mapping and checking dialog."""
