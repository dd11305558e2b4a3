"""A demo archive: years of issues generated in the shape the page importer gives them.

``phrases`` builds a sentence pool from the shipped pages, ``people`` the
recurring cast, ``writing`` the articles (pure Python, seeded), and
``loading`` writes them in bulk with the search index the importer keeps.
"""
