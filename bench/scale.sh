#!/bin/sh
# The scale figures of the experiments issue: 10,000 platform threads and 1,000 idle processes
# held at once within the default caps, and 1,000,000 virtual threads where the JDK has them,
# each as the largest of three counts so that the slope per entity has three points.
# A benchmark, not a test: it prints what %scale prints.
#   sh bench/scale.sh                      (after: mvn -q -B package -DskipTests)
# JAVA=/path/to/java sh bench/scale.sh     to run it on another JDK (virtual threads need 21+).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
jar="$(dirname "$here")/kernel/target/forklab-kernel.jar"
java=${JAVA:-java}
javac="$(dirname "$(command -v "$java")")/javac"
[ -f "$jar" ] || { echo "build forklab first: mvn -q -B package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$javac" -d "$work" -cp "$jar" "$here/ScaleFigures.java"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$java" -Djava.awt.headless=true -cp "$jar:$work" ScaleFigures \
    --threads 2500,5000,10000 --processes 250,500,1000 --virtual 250000,500000,1000000
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
