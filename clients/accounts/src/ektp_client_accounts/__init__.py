"""A client library for accessing e-KTP accounts (staff sign-in)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
