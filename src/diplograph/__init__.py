"""diplograph: a knowledge graph of diplomatic events from news articles.

>>> import diplograph
>>> diplograph.open("my-store")
diplograph.open('my-store')
"""

__version__ = "0.1.0"

__all__ = ["__version__", "open"]


def __getattr__(name: str):
    # ``diplograph.open`` without importing the pipeline for ``diplograph --version``
    if name == "open":
        from diplograph.api import open

        return open
    raise AttributeError(f"module 'diplograph' has no attribute {name!r}")
