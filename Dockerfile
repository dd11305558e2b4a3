FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY . .
# Editable, so settings find templates/, static/ and seeds/ beside the code.
RUN pip install -e .
# collectstatic needs a key to import settings; the real one comes at run time.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input -v 0 \
    && useradd --create-home app && chown -R app /app/var
USER app

# Migrations are not run here: with several containers they run once, first
# (docker-compose.yml's migrate service; by hand: python manage.py migrate).
# gunicorn reads its number of sync workers from WEB_CONCURRENCY.
ENV WEB_CONCURRENCY=3
EXPOSE 8000
CMD ["gunicorn", "newsletter.wsgi", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
