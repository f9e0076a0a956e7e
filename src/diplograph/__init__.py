"""diplograph: a knowledge graph of diplomatic events from news articles."""

__version__ = "0.1.0"
