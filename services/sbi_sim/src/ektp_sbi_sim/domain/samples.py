"""What the simulated device "captures": bytes shaped like the real modality (an ISO 19794
record header for finger and iris, a JPEG for the face), different for every capture."""

from __future__ import annotations

import io
import os
import random
import struct

from PIL import Image, ImageDraw

# ISO 19794-4:2011 (finger image) and 19794-6:2011 (iris image) open with these format ids.
_FINGER_MAGIC = b"FIR\x00020\x00"
_IRIS_MAGIC = b"IIR\x00020\x00"


def _iso_record(magic: bytes, position: int, quality: float, size: int) -> bytes:
    # The record's header (magic, length, position, quality) then a simulated image body.
    body = os.urandom(size)
    header = magic + struct.pack(">IBB", len(magic) + 6 + size, position, round(quality))
    return header + body


def finger_iso(position: int, quality: float) -> bytes:
    return _iso_record(_FINGER_MAGIC, position, quality, 1200)


def iris_iso(position: int, quality: float) -> bytes:
    return _iso_record(_IRIS_MAGIC, position, quality, 2400)


def face_jpeg(width: int = 360, height: int = 480, frame: int = 0) -> bytes:
    """A face-like picture on the card's red background (varies with ``frame`` for STREAM)."""
    rnd = random.Random(frame)
    img = Image.new("RGB", (width, height), (200, 40, 40))
    draw = ImageDraw.Draw(img)
    dx = (frame % 10) - 5
    draw.ellipse((100 + dx, 80, 260 + dx, 290), fill=(224, 180, 150))
    draw.rectangle((70, 300, 290, height), fill=(30, 30, 90))
    for _ in range(600):
        draw.point((rnd.randrange(width), rnd.randrange(height)),
                   fill=(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=80)
    return out.getvalue()
