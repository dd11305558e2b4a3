"""How long a web worker may take, and every wait on the database, shorter than that.

gunicorn kills a sync worker that has not answered within ``WEB_TIMEOUT``
(the reader gets no answer, the worker is restarted). So every single wait on
the database gives up sooner, with an error the site answers as 503
(newsletter/error_views.py): a worker never dies of a database outage.

Read from the environment by gunicorn.conf.py and by the settings alike, so
this module imports nothing from Django. Management commands get the same
database limits; a maintenance command that needs longer statements raises
both (``WEB_TIMEOUT=3600 DATABASE_STATEMENT_TIMEOUT=3000 manage.py …``).
"""

import os
from dataclasses import dataclass

DEFAULT_WEB_TIMEOUT = 30  # gunicorn's own default


class TimeoutSettingError(ValueError):
    pass


def _seconds(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        seconds = int(value)
    except ValueError:
        raise TimeoutSettingError(f"{name}={value!r}: a whole number of seconds") from None
    if seconds < 1:
        raise TimeoutSettingError(f"{name}={value!r}: at least 1 second")
    return seconds


@dataclass(frozen=True)
class DatabaseTimeouts:
    """Seconds: each bounds one wait of a request on the database."""

    connect: int  # for the server to accept a connection (libpq's connect_timeout)
    statement: int  # for one statement's answer (enforced by PostgreSQL)
    lock: int  # for a row or table lock (PostgreSQL's lock_timeout; SQLite's busy timeout)

    @property
    def silent_host(self) -> int:
        """For a server whose machine vanished (no reset): while waiting for an answer,
        TCP keepalives every second after ``connect`` seconds of silence, ``connect``
        of them unanswered; while sending, the same bound on unacknowledged data."""
        return 2 * self.connect

    def longest(self) -> int:
        return max(self.connect, self.statement, self.lock, self.silent_host)

    def postgresql_options(self) -> dict[str, object]:
        """libpq connection parameters (the ``options`` ones are sent to the server)."""
        return {
            "connect_timeout": self.connect,
            "keepalives": 1,
            "keepalives_idle": self.connect,
            "keepalives_interval": 1,
            "keepalives_count": self.connect,
            "tcp_user_timeout": self.silent_host * 1000,  # milliseconds
            "options": f"-c statement_timeout={self.statement}s -c lock_timeout={self.lock}s",
        }

    def sqlite_options(self) -> dict[str, object]:
        return {"timeout": self.lock}


def web_timeout() -> int:
    return _seconds("WEB_TIMEOUT", DEFAULT_WEB_TIMEOUT)


def database_timeouts() -> DatabaseTimeouts:
    """From the environment; refused unless every wait ends before gunicorn's timeout."""
    timeouts = DatabaseTimeouts(
        connect=_seconds("DATABASE_CONNECT_TIMEOUT", 5),
        statement=_seconds("DATABASE_STATEMENT_TIMEOUT", 15),
        lock=_seconds("DATABASE_LOCK_TIMEOUT", 5),
    )
    limit = web_timeout()
    if timeouts.longest() >= limit:
        raise TimeoutSettingError(
            f"DATABASE_CONNECT_TIMEOUT ({timeouts.connect} s; twice that for a vanished "
            f"server's machine), DATABASE_STATEMENT_TIMEOUT ({timeouts.statement} s) and "
            f"DATABASE_LOCK_TIMEOUT ({timeouts.lock} s) must each be shorter than "
            f"WEB_TIMEOUT ({limit} s), gunicorn's worker timeout"
        )
    return timeouts
