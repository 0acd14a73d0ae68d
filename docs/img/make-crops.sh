#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Regenerates the crops of docs/typography.md from samples/notice-kindergarten.xml
# (国办发〔2019〕3号), set with the committed test fonts:
#   push-out.png  page 2's first paragraph with push-in="no" (every overflow pushed out)
#   push-in.png   the same with layouts/gbt9704.xml as it is (push-in first)
#   hanging.png   the same with hanging-punctuation="yes"
#   latin.png     page 2's "1." item with （GB 50180）: digits and Latin in the Latin face
# and the table pages of docs/model.md ("Tables"), whole pages at 60 dpi:
#   table-plan.png       samples/table-xizang-zhaosheng.xml page 6: a two-row header, a unit line
#   table-continued.png  samples/table-yiyuan-kaohe.xml page 12: 续表, the header again, the
#                        merged 一级指标 and 二级指标 cells shown again on the continued page
# Usage: docs/img/make-crops.sh [path/to/hongtou]   (default: build/bin/hongtou)
set -euo pipefail
cd "$(dirname "$0")/../.."
cli=${1:-build/bin/hongtou}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
layout() {  # name, attributes of <line-breaking>
  printf '<layout name="%s" extends="gbt9704"><line-breaking %s/></layout>\n' "$1" "$2" \
    >"$work/$1.xml"
}
layout push-out 'push-in="no"'
layout push-in 'push-in="yes"'
layout hanging 'hanging-punctuation="yes"'
for name in push-out push-in hanging; do
  sed "s/<gongwen[^>]*>/<gongwen layout=\"$name\">/" samples/notice-kindergarten.xml \
    >"$work/doc-$name.xml"
  "$cli" --fonts tests/fonts/fonts.xml --font-dir tests/fonts --no-system-fonts \
    --layout-dir "$work" render "$work/doc-$name.xml" -o "$work/$name.pdf" 2>/dev/null
  # 150 dpi: x 24–190 mm, y 44–88 mm of page 2 (the paragraph under 一、总体要求).
  pdftoppm -r 150 -f 2 -l 2 -gray -png -x 142 -y 260 -W 980 -H 260 "$work/$name.pdf" \
    "$work/$name"
  mv "$work/$name"-*.png "docs/img/$name.png"
done
# y 128–150 mm of page 2, as gbt9704 sets it.
pdftoppm -r 150 -f 2 -l 2 -gray -png -x 142 -y 756 -W 980 -H 130 "$work/push-in.pdf" "$work/latin"
mv "$work"/latin-*.png docs/img/latin.png
# The table pages.
page() {  # sample, page, name
  "$cli" --fonts tests/fonts/fonts.xml --font-dir tests/fonts --no-system-fonts \
    render "samples/$1.xml" -o "$work/$1.pdf" 2>/dev/null
  pdftoppm -r 60 -f "$2" -l "$2" -gray -png "$work/$1.pdf" "$work/$3"
  mv "$work/$3"-*.png "docs/img/$3.png"
}
page table-xizang-zhaosheng 6 table-plan
page table-yiyuan-kaohe 12 table-continued
