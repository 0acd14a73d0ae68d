#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Draws samples/seals/sample-seal.png, a synthetic seal for tests and samples.

It imitates no real organ's seal: a red ring, a five-pointed star and the words
"示例印章专用" ("sample seal, for demonstration only") along the upper arc.
40 mm across at 300 dpi (472 × 472 px), transparent outside the strokes,
anti-aliased by drawing at 4× and averaging each 4 × 4 block down to a pixel.

Needs Pillow (Debian: apt-get install python3-pil). Pillow is a tool for making
this sample only, not a dependency of hongtou. The font is the committed test
subset tests/fonts/NotoSerifCJKsc-Bold.subset.otf (OFL-1.1), so the output
does not depend on the machine's fonts.

usage: python3 samples/seals/make-sample-seal.py [OUTPUT]
       (default OUTPUT: sample-seal.png beside this script)
"""
import math
import os
import sys

from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = os.path.join(HERE, "..", "..", "tests", "fonts", "NotoSerifCJKsc-Bold.subset.otf")

DPI = 300
SIZE = 472  # px: 40 mm at 300 dpi
SCALE = 4  # drawn at 4×, then averaged down
TEXT = "示例印章专用"
RED = (255, 0, 0)


def mm(value):
    """Millimetres to pixels of the 4× canvas."""
    return value / 25.4 * DPI * SCALE


def star(cx, cy, outer):
    """The ten corners of a regular five-pointed star, one point straight up."""
    inner = outer * math.cos(math.radians(72)) / math.cos(math.radians(36))
    corners = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        a = math.radians(90 + 36 * i)
        corners.append((cx + r * math.cos(a), cy - r * math.sin(a)))
    return corners


def arc_text(canvas, font, text, cx, cy, radius, span):
    """Each character upright away from the centre, evenly spaced over `span`
    degrees of the circle of `radius`, centred at the top."""
    box = int(font.size * 1.5)
    for i, ch in enumerate(text):
        angle = 90 + span / 2 - span * i / (len(text) - 1)  # degrees, counter-clockwise from east
        glyph = Image.new("L", (box, box), 0)
        ImageDraw.Draw(glyph).text((box / 2, box / 2), ch, fill=255, font=font, anchor="mm")
        glyph = glyph.rotate(angle - 90, resample=Image.BICUBIC)
        x = cx + radius * math.cos(math.radians(angle)) - box / 2
        y = cy - radius * math.sin(math.radians(angle)) - box / 2
        canvas.paste(255, (round(x), round(y)), glyph)


def draw():
    side = SIZE * SCALE
    c = side / 2
    mask = Image.new("L", (side, side), 0)  # coverage; every stroke is the same red
    d = ImageDraw.Draw(mask)

    # The ring: 1.2 mm thick, its outer edge half a pixel inside the image.
    outer = c - SCALE / 2
    inner = outer - mm(1.2)
    d.ellipse((c - outer, c - outer, c + outer, c + outer), fill=255)
    d.ellipse((c - inner, c - inner, c + inner, c + inner), fill=0)

    # The star: 13 mm across its points; its centre 0.3 mm below the seal's, which
    # centres its outline (the top point reaches further than the lower two).
    d.polygon(star(c, c + mm(0.3), mm(6.5)), fill=255)

    # The words: 6 mm characters, their centres 1.2 mm + 0.9 mm + 3 mm inside the ring's outer edge.
    font = ImageFont.truetype(FONT, size=round(mm(6.0)))
    arc_text(mask, font, TEXT, c, c, inner - mm(0.9) - mm(3.0), span=210)

    alpha = mask.resize((SIZE, SIZE), resample=Image.BOX)
    # A palette image: index = alpha, every entry red, tRNS carrying the alpha.
    seal = Image.frombytes("P", (SIZE, SIZE), alpha.tobytes())
    seal.putpalette(list(RED) * 256)
    seal.info["dpi"] = (DPI, DPI)
    return seal


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "sample-seal.png")
    seal = draw()
    seal.save(out, optimize=True, transparency=bytes(range(256)), dpi=(DPI, DPI))
    print(f"{out}: {SIZE} × {SIZE} px, {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main()
