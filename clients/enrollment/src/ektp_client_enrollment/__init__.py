"""A client library for accessing e-KTP enrollment (perekaman)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
