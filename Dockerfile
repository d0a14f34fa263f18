# One image for every e-KTP service; docker-compose.yml picks the app factory per service.
FROM python:3.11-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/opt/venv PATH=/opt/venv/bin:$PATH
RUN pip install --no-cache-dir uv && \
    apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core cups-client && \
    rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml uv.lock ./
COPY shared ./shared
COPY services ./services
COPY clients ./clients
RUN uv sync --frozen --no-dev
# The key folders (docker-compose.yml mounts one volume on each): a new volume takes their
# owner and mode, so `ektp keys init` runs as ektp, and the private ones are ektp's alone.
RUN useradd --system --uid 10001 ektp && \
    mkdir -p /var/lib/ektp /keys/public /keys/jwt /keys/centre /keys/print-room && \
    chown ektp /var/lib/ektp /keys/public /keys/jwt /keys/centre /keys/print-room && \
    chmod 700 /keys/jwt /keys/centre /keys/print-room
USER ektp
EXPOSE 8000-8009
