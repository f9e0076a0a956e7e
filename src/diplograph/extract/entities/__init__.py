"""Extraction of entities: names in text (the knowledge base's, persons after titles, towns)."""
