"""The read-only JSON API at /api/ (django-ninja): published content only."""
