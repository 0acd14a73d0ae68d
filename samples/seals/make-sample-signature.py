#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Draws samples/seals/sample-signature.png, a synthetic signature seal (签名章).

It imitates no real person's signature seal: a red frame with the words
"示例签名" ("sample signature") in it. 24 × 12 mm at 300 dpi (283 × 142 px),
transparent outside the strokes, anti-aliased by drawing at 4× and averaging
each 4 × 4 block down to a pixel, like make-sample-seal.py.

Needs Pillow (Debian: apt-get install python3-pil), a tool for making this
sample only, not a dependency of hongtou. The font is the committed test
subset tests/fonts/NotoSerifCJKsc-Bold.subset.otf (OFL-1.1).

usage: python3 samples/seals/make-sample-signature.py [OUTPUT]
       (default OUTPUT: sample-signature.png beside this script)
"""
import os
import sys

from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = os.path.join(HERE, "..", "..", "tests", "fonts", "NotoSerifCJKsc-Bold.subset.otf")

DPI = 300
WIDTH, HEIGHT = 283, 142  # px: 24 × 12 mm at 300 dpi
SCALE = 4  # drawn at 4×, then averaged down
TEXT = "示例签名"
RED = (255, 0, 0)


def mm(value):
    """Millimetres to pixels of the 4× canvas."""
    return value / 25.4 * DPI * SCALE


def draw():
    w, h = WIDTH * SCALE, HEIGHT * SCALE
    mask = Image.new("L", (w, h), 0)  # coverage; every stroke is the same red
    d = ImageDraw.Draw(mask)
    # The frame: 0.8 mm thick, its outer edge half a pixel inside the image.
    edge = SCALE / 2
    d.rectangle((edge, edge, w - edge, h - edge), fill=255)
    d.rectangle((edge + mm(0.8), edge + mm(0.8), w - edge - mm(0.8), h - edge - mm(0.8)), fill=0)
    # The words: 4.6 mm characters, evenly spaced across the frame's middle.
    font = ImageFont.truetype(FONT, size=round(mm(4.6)))
    step = (w - 2 * mm(2.0)) / len(TEXT)
    for i, ch in enumerate(TEXT):
        d.text((mm(2.0) + step * (i + 0.5), h / 2), ch, fill=255, font=font, anchor="mm")
    alpha = mask.resize((WIDTH, HEIGHT), resample=Image.BOX)
    # A palette image: index = alpha, every entry red, tRNS carrying the alpha.
    out = Image.frombytes("P", (WIDTH, HEIGHT), alpha.tobytes())
    out.putpalette(list(RED) * 256)
    return out


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "sample-signature.png")
    draw().save(out, optimize=True, transparency=bytes(range(256)), dpi=(DPI, DPI))
    print(f"{out}: {WIDTH} × {HEIGHT} px, {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main()
