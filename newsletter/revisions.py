"""Recording bulk writes in the revision history (django-reversion).

Rows changed through queryset.update() or bulk operations send no signal, so
writers add them to the open revision themselves. Which models keep a history
is decided in one place (the history registrations); rows of other models are
skipped here rather than refused.
"""

import reversion


def add_to_revision(*objects) -> None:
    """Add the objects to the current revision, those of registered models only."""
    for obj in objects:
        if reversion.is_registered(type(obj)):
            reversion.add_to_revision(obj)
