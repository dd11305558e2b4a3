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

EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --no-input && gunicorn newsletter.wsgi --bind 0.0.0.0:8000 --workers 3 --access-logfile -"]
