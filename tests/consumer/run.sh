#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the built hongtou into a scratch prefix, then builds and runs a
# consumer against it twice: through find_package(hongtou) and through
# pkg-config. Usage: run.sh BUILD_DIR SOURCE_DIR SCRATCH_DIR [CXXFLAGS]
# (CXXFLAGS: the sanitizer flags of a sanitized build, which the consumer needs too).
set -euo pipefail
build=$1 source=$2 scratch=$3 flags=${4:-}
rm -rf "$scratch"
cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
export HONGTOU_DATA_DIR="$scratch/prefix/share/hongtou"

cmake -S "$source/tests/consumer" -B "$scratch/cmake" -DCMAKE_PREFIX_PATH="$scratch/prefix" \
  -DCMAKE_CXX_FLAGS="$flags" >/dev/null
cmake --build "$scratch/cmake" >/dev/null
"$scratch/cmake/consumer" "$source/samples/report.xml"

export PKG_CONFIG_PATH="$scratch/prefix/lib/pkgconfig:$scratch/prefix/lib/x86_64-linux-gnu/pkgconfig"
g++ -std=c++17 $flags "$source/tests/consumer/main.cpp" -o "$scratch/pc-consumer" \
  $(pkg-config --cflags --libs --static hongtou)
"$scratch/pc-consumer" "$source/samples/report.xml"
