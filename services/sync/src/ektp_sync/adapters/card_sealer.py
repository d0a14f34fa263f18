"""Seals the card's photo and signature for the print room (DESIGN.md section 3): sync holds
only the print room's public key, so it can seal but never open."""

from __future__ import annotations

from pathlib import Path

from nacl.public import PublicKey

from ektp_shared.sealed_packet import CardImages, load_public_key, seal


class CardSealer:
    def __init__(self, public_key_file: Path) -> None:
        self.public_key_file = public_key_file
        self._key: PublicKey | None = None

    def check(self) -> None:
        """Fail at start, not at the first print-ready verdict, when the key is missing."""
        if not self.public_key_file.is_file():
            raise RuntimeError(f"no print room public key at {self.public_key_file}; "
                               "run `ektp keys init`")
        self._key = load_public_key(self.public_key_file)

    def seal(self, images: CardImages) -> str:
        if self._key is None:
            self.check()
        assert self._key is not None
        return seal(images, self._key)
