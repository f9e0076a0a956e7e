"""Extraction of statements: who said something, and who relayed it."""
