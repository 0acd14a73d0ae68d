#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Regenerates the test fonts of this folder (README.md): subsets of the free
# faces the default fonts/fonts.xml resolves to on Debian 12, made with
# hb-subset (Debian package libharfbuzz-bin) at the character set charset.txt,
# each glyph keeping its original glyph id. Prints the sha256 of every output.
# Deterministic: the same sources and charset.txt give the same bytes.
#
# Usage: tests/fonts/make-test-fonts.sh [options]
#   --keep-charset     subset at the committed charset.txt instead of writing it anew
#   --text DIR         folder of published document texts whose characters join
#                      the character set (repeatable; the committed charset.txt was
#                      made with a corpus of published 公文, so pass it again or use
#                      --keep-charset to reproduce the committed fonts)
#   --exclude HEX      leave a code point out of the character set (repeatable)
#   --out DIR          write the fonts (and charset.txt) into DIR, not this folder
#   --check            build into a temporary folder from the committed charset.txt
#                      and fail unless every font equals the committed one
#   --fandol-fang FILE | --noto-serif-bold FILE | --noto-sans FILE |
#   --noto-serif FILE | --wenkai FILE | --liberation-serif FILE
#                      a source font file other than the Debian one (below)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tool="$here/make_test_fonts.py"

# Source faces: the Debian locations (Fandol also where scripts/setup copies it).
fandol_fang=""
for f in /usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf \
  /usr/local/share/fonts/opentype/fandol/FandolFang-Regular.otf; do
  if [ -z "$fandol_fang" ] && [ -f "$f" ]; then fandol_fang=$f; fi
done
noto_serif_bold=/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc
noto_sans=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
noto_serif=/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
wenkai=/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf
liberation_serif=/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf

out=$here
keep_charset=0
check=0
texts=()
excludes=()
while [ $# -gt 0 ]; do
  case $1 in
    --keep-charset) keep_charset=1 ;;
    --check) check=1 keep_charset=1 ;;
    --text) texts+=("$2"); shift ;;
    --exclude) excludes+=(--exclude "$2"); shift ;;
    --out) out=$2; shift ;;
    --fandol-fang) fandol_fang=$2; shift ;;
    --noto-serif-bold) noto_serif_bold=$2; shift ;;
    --noto-sans) noto_sans=$2; shift ;;
    --noto-serif) noto_serif=$2; shift ;;
    --wenkai) wenkai=$2; shift ;;
    --liberation-serif) liberation_serif=$2; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "make-test-fonts: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

command -v hb-subset >/dev/null || {
  echo "make-test-fonts: hb-subset is missing: apt-get install libharfbuzz-bin" >&2
  exit 1
}
sources=("$fandol_fang" "$noto_serif_bold" "$noto_sans" "$noto_serif" "$wenkai" "$liberation_serif")
for f in "${sources[@]}"; do
  [ -n "$f" ] && [ -f "$f" ] || {
    echo "make-test-fonts: source font ${f:-FandolFang-Regular.otf} is missing" \
      "(texlive-lang-chinese, fonts-noto-cjk, fonts-lxgw-wenkai, fonts-liberation2)" >&2
    exit 1
  }
done

# The committed fonts were made with hb-subset 6.0.0 (Debian 12); another
# version may write other bytes (README.md).
hb_version=$(hb-subset --version | sed -n '1s/.* \([0-9][0-9.]*\)$/\1/p')
if [ "$hb_version" != 6.0.0 ]; then
  echo "make-test-fonts: warning: hb-subset $hb_version, not 6.0.0: the bytes may differ" >&2
fi
for f in "${sources[@]}"; do
  echo "source $(sha256sum "$f")" >&2
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ "$check" = 1 ]; then out=$tmp/check; fi
mkdir -p "$out"

# 1. The character set.
charset=$here/charset.txt
if [ "$keep_charset" = 0 ]; then
  text_args=()
  for d in ${texts[@]+"${texts[@]}"}; do text_args+=(--text "$d"); done
  charset=$out/charset.txt
  python3 "$tool" charset --root "$root" "${text_args[@]}" ${excludes[@]+"${excludes[@]}"} \
    --out "$charset"
fi
python3 "$tool" unicodes "$charset" "$tmp/unicodes.txt"
# The Latin font: a small fixed set (make_test_fonts.py latin-unicodes).
python3 "$tool" latin-unicodes "$tmp/latin-unicodes.txt"

# 2. The subsets. Every name record is kept (all IDs, languages and the
# legacy Mac ones); all layout features and scripts; OS/2 Unicode ranges as
# in the source; the .notdef outline; hinting and CFF subroutines as they
# are. BASE is not subset by hb-subset 6: it is taken out of the default
# drop list and passed through unchanged. GDEF is copied byte for byte from
# the source afterwards (hb-subset 6 drops Noto's, whose classes cover no
# kept glyph, and fails on LXGW WenKai's with --retain-gids); with the glyph
# ids kept, the source's table is valid for the subset as it is.
subset() { # source index output [unicodes]
  local src=$1 index=$2 dst=$3 unicodes=${4:-$tmp/unicodes.txt}
  hb-subset --font-file="$src" --face-index="$index" --unicodes-file="$unicodes" \
    --retain-gids --notdef-outline --name-IDs='*' --name-languages='*' --name-legacy \
    --layout-features='*' --layout-scripts='*' --no-prune-unicode-ranges \
    --drop-tables-=BASE --drop-tables+=GDEF --passthrough-tables \
    --output-file="$tmp/$dst"
  if python3 "$tool" tables "$src" "$index" | grep -qw GDEF; then
    python3 "$tool" copy-tables "$src" "$index" "$tmp/$dst" GDEF
  fi
}

subset "$fandol_fang" 0 FandolFang-Regular.subset.otf
subset "$noto_serif_bold" 2 NotoSerifCJKsc-Bold.subset.otf
subset "$noto_sans" 2 NotoSansCJKsc-Regular.subset.otf
subset "$noto_serif" 2 NotoSerifCJKsc-Regular.subset.otf
subset "$wenkai" 0 WenKaiTestSubset-Regular.subset.ttf
# LXGW WenKai reserves the font names "LXGW" and "霞鹜" (OFL-1.1 §3; README.md):
# the subset, a Modified Version, is renamed.
python3 "$tool" rename "$tmp/WenKaiTestSubset-Regular.subset.ttf" \
  --replace "LXGW WenKai=WenKai Test Subset" --replace "LXGWWenKai=WenKaiTestSubset" \
  --replace "霞鹜文楷=文楷测试子集" --forbid LXGW --forbid 霞鹜
# Liberation reserves the font names "Liberation" and (for its Google
# digitized data) "Arimo", "Tinos" and "Cousine": the subset is renamed too.
subset "$liberation_serif" 0 SerifTestSubset-Regular.subset.ttf "$tmp/latin-unicodes.txt"
python3 "$tool" rename "$tmp/SerifTestSubset-Regular.subset.ttf" \
  --replace "Liberation Serif=Serif Test Subset" --replace "LiberationSerif=SerifTestSubset" \
  --forbid Liberation --forbid Arimo --forbid Tinos --forbid Cousine

fonts=(FandolFang-Regular.subset.otf NotoSerifCJKsc-Bold.subset.otf
  NotoSansCJKsc-Regular.subset.otf NotoSerifCJKsc-Regular.subset.otf
  WenKaiTestSubset-Regular.subset.ttf SerifTestSubset-Regular.subset.ttf)
for f in "${fonts[@]}"; do mv "$tmp/$f" "$out/$f"; done

if [ "$check" = 1 ]; then
  status=0
  for f in "${fonts[@]}"; do
    if cmp -s "$out/$f" "$here/$f"; then echo "same      $f"; else echo "DIFFERENT $f"; status=1; fi
  done
  exit $status
fi

(cd "$out" && sha256sum "${fonts[@]}")
(cd "$(dirname "$charset")" && sha256sum "$(basename "$charset")")
