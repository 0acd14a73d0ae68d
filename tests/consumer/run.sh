#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the built hongtou into a scratch prefix, then builds and runs a
# consumer against it: through find_package(hongtou) (hongtou::hongtou, the
# shared library; hongtou::hongtou_static; hongtou::engine) and through
# pkg-config (shared, and the archive with --static's dependencies). Usage: run.sh BUILD_DIR SOURCE_DIR SCRATCH_DIR [CXXFLAGS]
# (CXXFLAGS: the sanitizer flags of a sanitized build, which the consumer needs too).
set -euo pipefail
build=$1 source=$2 scratch=$3 flags=${4:-}
rm -rf "$scratch"
cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
export HONGTOU_DATA_DIR="$scratch/prefix/share/hongtou"

cmake -S "$source/tests/consumer" -B "$scratch/cmake" -DCMAKE_PREFIX_PATH="$scratch/prefix" \
  -DCMAKE_CXX_FLAGS="$flags" >/dev/null
cmake --build "$scratch/cmake" >/dev/null
# Only the public headers are installed, and the shared program uses the .so.
test "$(cd "$scratch/prefix/include" && find . -type f | sort | tr '\n' ' ')" = "./hongtou/hongtou.hpp "
ldd "$scratch/cmake/consumer" | grep -q "libhongtou.so.0 => $scratch/prefix/"
! ldd "$scratch/cmake/consumer_static" | grep -q libhongtou
for program in consumer consumer_static consumer_alias; do
  "$scratch/cmake/$program" "$source/samples/report.xml"
done

# pkg-config: shared without --static, static with it.
export PKG_CONFIG_PATH="$scratch/prefix/lib/pkgconfig:$scratch/prefix/lib/x86_64-linux-gnu/pkgconfig"
g++ -std=c++17 $flags "$source/tests/consumer/main.cpp" -o "$scratch/pc-consumer" \
  $(pkg-config --cflags --libs hongtou)
libdir=$(pkg-config --variable=libdir hongtou)
LD_LIBRARY_PATH="$libdir" "$scratch/pc-consumer" "$source/samples/report.xml"
# The archive by name (-lhongtou would take the .so), its dependencies from --static.
g++ -std=c++17 $flags "$source/tests/consumer/main.cpp" -o "$scratch/pc-consumer-static" \
  $(pkg-config --cflags hongtou) "$libdir/libhongtou.a" \
  $(pkg-config --libs --static hongtou | sed 's/-lhongtou\b//')
! ldd "$scratch/pc-consumer-static" | grep -q libhongtou
"$scratch/pc-consumer-static" "$source/samples/report.xml"

# The installed tree moved elsewhere, no HONGTOU_DATA_DIR: the CLI and the
# shared library find the data in share/hongtou of the tree they run from.
unset HONGTOU_DATA_DIR
mv "$scratch/prefix" "$scratch/moved"
# A layout that only the moved tree has proves which data is used.
data="$scratch/moved/share/hongtou"
sed 's/<layout name="gbt9704">/<layout name="moved" extends="gbt9704">/;/<layout name/q' \
  "$data/layouts/gbt9704.xml" >"$data/layouts/moved.xml"
echo '</layout>' >>"$data/layouts/moved.xml"
sed 's/<gongwen layout="gbt9704">/<gongwen layout="moved">/' "$source/samples/report.xml" \
  >"$scratch/moved-report.xml"
"$scratch/moved/bin/hongtou" render "$scratch/moved-report.xml" -o "$scratch/cli.pdf"
test "$(head -c 5 "$scratch/cli.pdf")" = "%PDF-"
LD_LIBRARY_PATH="$scratch/moved/lib" "$scratch/pc-consumer" "$scratch/moved-report.xml"
! "$scratch/moved/bin/hongtou" --data-dir "$scratch/nowhere" render "$source/samples/report.xml" \
  -o "$scratch/none.pdf" 2>/dev/null
