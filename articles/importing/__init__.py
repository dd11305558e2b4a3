"""The import pipeline's pure core: bytes in, frozen dataclasses out.

Nothing in this package imports Django; the loader in ``articles.services``
is the only part of an import that touches the database.
"""
