"""gunicorn's settings beyond the command line, read from the working directory at start-up.

The image's working directory (/app) and ``make``'s are the project's root, so
every gunicorn started as the README says reads this file.
"""

import gunicorn.http.wsgi

from newsletter.timeouts import web_timeout

# No banner naming the server software. gunicorn has no setting for it and sends
# ``Server: gunicorn`` with every response, read from this module-level name
# (HTTP/1 and HTTP/2 alike) when a response is built, so emptying it here, before
# any worker starts, leaves the header empty.
gunicorn.http.wsgi.SERVER = ""

# A worker silent this long is killed and restarted; the settings refuse any wait
# on the database that is not shorter (newsletter/timeouts.py).
timeout = web_timeout()
