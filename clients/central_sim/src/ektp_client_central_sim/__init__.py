"""A client library for accessing e-KTP national data centre SIMULATOR (development and tests only)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
