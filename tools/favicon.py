#!/usr/bin/env python3
"""Draws static/favicon.ico from the shapes of static/icon.svg (a blue rounded square with a
white tick) with the standard library only: browsers ask for /favicon.ico on every page.

    python3 tools/favicon.py
"""
import math
import struct
import zlib
from pathlib import Path

BLUE = (0x0B, 0x53, 0x94)
WHITE = (0xFF, 0xFF, 0xFF)
TICK = [(18, 34), (27, 43), (46, 22)]  # icon.svg's path, in its 64-unit box
STROKE = 7 / 2
RADIUS = 12


def in_rounded_square(x, y):
    cx = min(max(x, RADIUS), 64 - RADIUS)
    cy = min(max(y, RADIUS), 64 - RADIUS)
    return 0 <= x <= 64 and 0 <= y <= 64 and (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS**2


def near_tick(x, y):
    for (ax, ay), (bx, by) in zip(TICK, TICK[1:]):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        if math.hypot(x - ax - t * dx, y - ay - t * dy) <= STROKE:
            return True
    return False


def pixels(size, samples=4):
    rows = []
    for py in range(size):
        row = bytearray([0])  # PNG filter type: none
        for px in range(size):
            r = g = b = a = 0
            for sy in range(samples):
                for sx in range(samples):
                    x = (px + (sx + 0.5) / samples) * 64 / size
                    y = (py + (sy + 0.5) / samples) * 64 / size
                    if not in_rounded_square(x, y):
                        continue
                    colour = WHITE if near_tick(x, y) else BLUE
                    r, g, b, a = r + colour[0], g + colour[1], b + colour[2], a + 1
            n = samples * samples
            row += bytes([r // a, g // a, b // a, 255 * a // n] if a else [0, 0, 0, 0])
        rows.append(bytes(row))
    return b"".join(rows)


def png(size):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels(size), 9))
        + chunk(b"IEND", b"")
    )


def ico(sizes):
    images = [png(s) for s in sizes]
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, image in zip(sizes, images):
        out += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
    return out + b"".join(images)


if __name__ == "__main__":
    static = Path(__file__).resolve().parent.parent / "static"
    (static / "favicon.ico").write_bytes(ico([16, 32, 48]))
    (static / "icon-180.png").write_bytes(png(180))
