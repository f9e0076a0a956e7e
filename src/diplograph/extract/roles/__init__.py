"""Extraction of roles: who holds which office, from titles and their complements."""
