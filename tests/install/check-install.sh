#!/usr/bin/env bash
# Installs the built tree into a temporary directory and builds the README's
# example program against it with pkg-config, then runs it.
#   check-install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

meson install -C "$build" --no-rebuild --destdir "$stage" >/dev/null
pc=$(find "$stage" -name parley.pc | head -n 1)
[ -n "$pc" ] || { echo "parley.pc was not installed" >&2; exit 1; }
export PKG_CONFIG_PATH=$(dirname "$pc")
export PKG_CONFIG_SYSROOT_DIR=$stage

c++ -std=c++20 "$source/examples/hello/hello.cc" $(pkg-config --cflags --libs parley) -o "$stage/hello"

intents=$(find "$stage" -type d -path '*share/parley/intents' | head -n 1)
[ -f "$intents/en/flows.yaml" ] || { echo "the intents were not installed" >&2; exit 1; }
libdir=$(dirname "$(find "$stage" -name 'libparley.so' | head -n 1)")
[ -f "$stage/usr/local/include/parley/bot.h" ] || [ -n "$(find "$stage" -path '*include/parley/bot.h')" ]

out=$(LD_LIBRARY_PATH=$libdir "$stage/hello" "$intents" "$stage/shop.db")
echo "$out"
case "$out" in
  *"order number"*) ;;
  *) echo "unexpected answer from the installed library" >&2; exit 1 ;;
esac
