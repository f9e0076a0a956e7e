"""Extraction of stances: who demands, proposes, rejects, accuses or supports what."""
