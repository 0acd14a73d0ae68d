#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the built hongtou into a scratch prefix and builds the programs of
# examples/ against it: through find_package(hongtou) (hongtou::hongtou, the
# shared library, for C and C++; hongtou::hongtou_static; hongtou::engine)
# and through pkg-config (shared, and the archive with --static's
# dependencies); runs them and the Python example. Then moves the installed
# tree, forgets HONGTOU_DATA_DIR, and renders again from the moved tree.
# Usage: run.sh BUILD_DIR SOURCE_DIR SCRATCH_DIR [FLAGS]
# (FLAGS: the sanitizer flags of a sanitized build, which the programs need too).
set -euo pipefail
build=$1 source=$2 scratch=$3 flags=${4:-}
rm -rf "$scratch"
cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
export HONGTOU_DATA_DIR="$scratch/prefix/share/hongtou"
doc="$source/samples/report.xml"
check_pdf() { test "$(head -c 5 "$1")" = "%PDF-"; }

# Only the public headers are installed.
test "$(cd "$scratch/prefix/include" && find . -type f | sort | tr '\n' ' ')" = \
  "./hongtou/hongtou.h ./hongtou/hongtou.hpp "

cmake -S "$source/examples" -B "$scratch/cmake" -DCMAKE_PREFIX_PATH="$scratch/prefix" \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" >/dev/null
cmake --build "$scratch/cmake" >/dev/null
# (ldd's output read whole first: grep -q quitting early would fail the pipe)
links() { ldd "$1" | grep libhongtou || true; }
[[ $(links "$scratch/cmake/render") == *"libhongtou.so.0 => $scratch/prefix/"* ]]
[[ $(links "$scratch/cmake/render_c") == *"libhongtou.so.0 => $scratch/prefix/"* ]]
[ -z "$(links "$scratch/cmake/render_static")" ]
[ -z "$(links "$scratch/cmake/render_c_static")" ]
for program in render render_c render_static render_c_static render_engine; do
  "$scratch/cmake/$program" "$doc" "$scratch/$program.pdf"
  check_pdf "$scratch/$program.pdf"
done

# pkg-config: the shared library without --static; the archive by name
# (-lhongtou would take the .so) with the dependencies --static lists.
export PKG_CONFIG_PATH="$scratch/prefix/lib/pkgconfig:$scratch/prefix/lib/x86_64-linux-gnu/pkgconfig"
libdir=$(pkg-config --variable=libdir hongtou)
g++ -std=c++17 $flags "$source/examples/render.cpp" -o "$scratch/pc-render" \
  $(pkg-config --cflags --libs hongtou)
gcc -std=c99 $flags "$source/examples/render.c" -o "$scratch/pc-render-c" \
  $(pkg-config --cflags --libs hongtou)
g++ -std=c++17 $flags "$source/examples/render.cpp" -o "$scratch/pc-render-static" \
  $(pkg-config --cflags hongtou) "$libdir/libhongtou.a" \
  $(pkg-config --libs --static hongtou | sed 's/-lhongtou\b//')
gcc -std=c99 $flags "$source/examples/render.c" -o "$scratch/pc-render-c-static" \
  $(pkg-config --cflags hongtou) "$libdir/libhongtou.a" \
  $(pkg-config --libs --static hongtou | sed 's/-lhongtou\b//')
[ -z "$(links "$scratch/pc-render-static")" ]
[ -z "$(links "$scratch/pc-render-c-static")" ]
for program in pc-render pc-render-c pc-render-static pc-render-c-static; do
  LD_LIBRARY_PATH="$libdir" "$scratch/$program" "$doc" "$scratch/$program.pdf"
  check_pdf "$scratch/$program.pdf"
done

# Python: the installed module over the installed shared library.
if [ -z "$flags" ]; then  # a sanitized library cannot be loaded into an unsanitized python3
  HONGTOU_LIBRARY="$libdir/libhongtou.so.0" PYTHONPATH="$scratch/prefix/share/hongtou/python" \
    python3 "$source/examples/render.py" "$doc" "$scratch/python.pdf"
  check_pdf "$scratch/python.pdf"
fi

# The installed tree moved elsewhere, no HONGTOU_DATA_DIR: the CLI and the
# shared library find the data in share/hongtou of the tree they run from. A
# layout that only the moved tree has proves which data is used.
unset HONGTOU_DATA_DIR
mv "$scratch/prefix" "$scratch/moved"
data="$scratch/moved/share/hongtou"
sed 's/<layout name="gbt9704">/<layout name="moved" extends="gbt9704">/;/<layout name/q' \
  "$data/layouts/gbt9704.xml" >"$data/layouts/moved.xml"
echo '</layout>' >>"$data/layouts/moved.xml"
sed 's/<gongwen layout="gbt9704">/<gongwen layout="moved">/' "$doc" >"$scratch/moved-report.xml"
"$scratch/moved/bin/hongtou" render "$scratch/moved-report.xml" -o "$scratch/cli.pdf"
check_pdf "$scratch/cli.pdf"
LD_LIBRARY_PATH="$scratch/moved/lib" "$scratch/pc-render" "$scratch/moved-report.xml" \
  "$scratch/moved.pdf"
check_pdf "$scratch/moved.pdf"
! "$scratch/moved/bin/hongtou" --data-dir "$scratch/nowhere" render "$doc" \
  -o "$scratch/none.pdf" 2>/dev/null
echo "consumer: every program rendered"
