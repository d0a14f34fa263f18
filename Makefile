# e-KTP office system: one entry point for developers and CI.
#   make up     start Kafka, PostgreSQL and every service locally (no Docker needed)
#   make test   lint + every test against the real broker and database
SHELL := /bin/bash
.DEFAULT_GOAL := help
export UV_PYTHON_DOWNLOADS := never

VENV := .venv
PY := $(VENV)/bin/python
INFRA := $(PY) -m ektp_shared.devinfra
PYTEST_ARGS ?=

.PHONY: help venv infra-jars infra-up infra-down infra-status keys secrets databases topics up \
        down status test walk lint unit integration bench events openapi clients access demo clean fuzz \
        kafka-cluster-test chaos chaos-small soak

help:
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(PY): pyproject.toml uv.lock shared/pyproject.toml $(wildcard services/*/pyproject.toml)
	command -v uv >/dev/null || python3 -m pip install -q uv
	uv sync --frozen
	@touch $(PY)

venv: $(PY) ## make the development virtualenv from uv.lock

infra-jars: venv ## fetch the Kafka broker jars from Maven Central (once, cached in .cache/)
	$(PY) -c "from ektp_shared.devinfra import ensure_kafka_jars; print(ensure_kafka_jars())"

infra-up: infra-jars ## start Kafka (KRaft) and PostgreSQL (and cupsd where installed)
	$(INFRA) up all

infra-down: ## stop Kafka, PostgreSQL and cupsd
	-$(INFRA) down all

infra-status: ## show the local infrastructure
	$(INFRA) status all

keys: venv ## create the local signing and centre keys (kept in .run/keys)
	$(VENV)/bin/ektp keys init >/dev/null

secrets: venv ## write random passwords for docker compose to .env (0600; an existing one is kept)
	$(VENV)/bin/ektp secrets init

databases: venv
	$(INFRA) ensure-db $$($(PY) -m ektp_shared.stack databases)

topics: infra-up ## create the Kafka topics (and DLQs), the services' principals and ACLs
	$(PY) -m ektp_shared.stack topics

# OFFICES=71.10,71.74: several offices of one province (ports +100 each) and the province's
# dashboard on 8090 (README, "Several offices").
up: infra-up keys databases topics ## start everything and print the URLs (OFFICES=a,b: more)
	$(PY) -m ektp_shared.stack up
	@echo "First sign-in:      $(VENV)/bin/ektp accounts create-admin --username admin   (once; then http://127.0.0.1:8080 in a browser, or POST http://127.0.0.1:8005/sign-in)"
	@echo "Token for a script: $(VENV)/bin/ektp token issue --user budi --role operator"

demo: up ## start the stack and play the office's situation at a reduced scale
	$(PY) demo/play.py

down: ## stop every service and the infrastructure
	-$(PY) -m ektp_shared.stack down
	-$(INFRA) down all

status: ## services and infrastructure
	$(PY) -m ektp_shared.stack status
	$(INFRA) status all

lint: venv ## ruff and mypy
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy shared/src services/*/src clients/*/src demo/play.py

unit: venv ## fast tests without Kafka or PostgreSQL
	$(VENV)/bin/pytest -m "not integration and not cups and not browser" $(PYTEST_ARGS)

test: lint infra-up ## lint, then every test against the real Kafka and PostgreSQL
	$(VENV)/bin/pytest $(PYTEST_ARGS)

kafka-cluster-test: infra-jars ## a 3-broker cluster of its own, one broker kill -9'd and back (~2 min)
	$(VENV)/bin/pytest shared/tests/cluster -m cluster $(PYTEST_ARGS)

BROKERS ?= 1
CHAOS_OUTPUT ?= .run/chaos
chaos: infra-jars ## the full-scale chaos run (bounded at 25 min; BROKERS=3: on a 3-broker cluster, after make infra-down): report in CHAOS_OUTPUT
	EKTP_KAFKA_BROKERS=$(BROKERS) EKTP_CHAOS_OUT=$(abspath $(CHAOS_OUTPUT)) \
	    $(VENV)/bin/pytest tests/chaos/test_chaos.py::test_chaos_full -m chaos -s -o timeout=1500 \
	    $(PYTEST_ARGS)
	@echo "Report: $(abspath $(CHAOS_OUTPUT))/full.json"

chaos-small: infra-up ## the small chaos run alone (500 residents, one kill of each, ~3 min; part of make test): report in CHAOS_OUTPUT
	EKTP_CHAOS_OUT=$(abspath $(CHAOS_OUTPUT)) \
	    $(VENV)/bin/pytest tests/chaos/test_chaos.py::test_chaos_small -s $(PYTEST_ARGS)

SOAK_MINUTES ?= 30
soak: infra-up ## SOAK_MINUTES (30) of steady office load, sampled each minute: report in CHAOS_OUTPUT/soak.json
	SOAK_MINUTES=$(SOAK_MINUTES) EKTP_CHAOS_OUT=$(abspath $(CHAOS_OUTPUT)) \
	    $(VENV)/bin/pytest tests/chaos/test_soak.py -m soak -s $(PYTEST_ARGS)

WALK_OUTPUT ?= .run/walk
walk: infra-up ## every web screen at 1366x768 and 800x1280: axe-core, screenshots in WALK_OUTPUT
	EKTP_WALK_EVERY_VIEWPORT=1 EKTP_TEST_OUTPUT=$(abspath $(WALK_OUTPUT)) \
	    $(VENV)/bin/pytest services/web/tests/integration/test_walk.py -s $(PYTEST_ARGS)
	@echo "Screenshots: $(abspath $(WALK_OUTPUT))/screenshots"

bench: infra-up ## the benchmarks of bench/ (figures go to docs/benchmarks.md by hand)
	@set -e; for b in bench/*.py; do echo "== $$b"; $(PY) $$b; done

FUZZ_CASES ?= 1000
fuzz: lint infra-up ## the conformance suite with FUZZ_CASES (1000) schemathesis cases per service
	EKTP_CONFORMANCE_CASES=$(FUZZ_CASES) $(VENV)/bin/pytest tests/conformance -s -o timeout=3600 \
	    $(PYTEST_ARGS)

events: venv ## regenerate docs/events/ (JSON Schema of every event)
	$(PY) -m ektp_shared.events docs/events

openapi: venv ## regenerate docs/openapi/ (each service's OpenAPI document)
	$(PY) -m ektp_shared.openapi docs/openapi

clients: venv ## regenerate clients/ (a typed client package per service, from docs/openapi/)
	$(PY) -m ektp_shared.clientgen docs/openapi clients

access: venv ## regenerate docs/access.md from the access table of docs/DESIGN.md section 6
	$(PY) -m ektp_shared.access docs/access.md

clean: down ## stop everything and delete local state (.run: databases, topics, keys)
	rm -rf .run
