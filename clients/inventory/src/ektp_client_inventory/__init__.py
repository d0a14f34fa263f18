"""A client library for accessing e-KTP inventory (blangko)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
