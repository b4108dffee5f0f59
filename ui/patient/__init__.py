"""The patient view: header, timeline and quick notes for one patient."""
