"""Test support shared by every service: fixtures that start the real Kafka broker and
PostgreSQL server, fresh databases and topics per test session, tokens, and helpers to run
an app in-process or a service as a real process that can be killed.
"""
