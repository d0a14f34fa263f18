"""A client library for accessing e-KTP printing (pencetakan)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
