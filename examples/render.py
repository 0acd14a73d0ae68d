#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Renders a 公文 XML file to PDF through the installed library (bindings/python/hongtou.py).
Usage: render.py DOC.xml OUT.pdf"""
import sys

import hongtou

try:
    pdf = hongtou.Engine().render(open(sys.argv[1], encoding="utf-8").read(), name=sys.argv[1])
except hongtou.RenderError as e:
    sys.exit("%s" % e)
open(sys.argv[2], "wb").write(pdf)
print("render.py: %d bytes" % len(pdf))
