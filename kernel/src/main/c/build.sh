#!/bin/sh
# Builds forklab-probe from every *.c file beside this script into OUT_DIR (the classes folder,
# so the binary lands in the jar), and copies the sources there too so a machine that has a
# compiler at run time but got a jar built without one can still build the probe.
#   build.sh OUT_DIR
# No C compiler: one line, exit 0 (forklab's JVM experiments still run; the native ones say why).
# A compiler that fails on our sources: exit 1, because that is a bug to fix, not a missing tool.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: build.sh OUT_DIR}
mkdir -p "$out/src"
rm -f "$out/src/"*.c "$out/src/"*.h
cp "$here"/*.c "$here"/*.h "$out/src/"
(cd "$here" && ls *.c *.h) > "$out/src/sources.txt"

cc=""
for candidate in ${CC:-} cc gcc clang; do
    if command -v "$candidate" >/dev/null 2>&1; then cc=$candidate; break; fi
done
if [ -z "$cc" ]; then
    echo "forklab-probe: no C compiler (cc, gcc, clang) found; the native probe is not built and native experiments will say so"
    rm -f "$out/forklab-probe"
    exit 0
fi
# -O2 as the lesson's figures assume; the timed loops use volatile-free syscalls, which -O2 cannot fold.
"$cc" -O2 -Wall -Wextra -std=c11 -pthread -o "$out/forklab-probe.tmp" "$here"/*.c
mv "$out/forklab-probe.tmp" "$out/forklab-probe"
echo "forklab-probe: built with $cc into $out/forklab-probe"
