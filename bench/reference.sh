#!/bin/sh
# Prints forklab's figures next to an independent reference measured in the same run, and the
# ratio forklab / reference (target 0.8 to 1.25). A benchmark, not a test: run it on a quiet
# machine. The reference is bench/reference.c (compiled now with cc) and bench/Reference.java
# (run by the java source launcher); neither uses forklab's code.
#   bench/reference.sh            (after: mvn -q -B install -N && mvn -q -B -o package -DskipTests -f kernel/pom.xml)
# JAVA=/path/to/java bench/reference.sh  to use another JDK for both the reference and forklab.
# ROUNDS=N (default 12): reference and forklab take turns N times, the order flipping each round,
# and each figure is the median of its N round medians, so load from elsewhere hits both alike.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
java=${JAVA:-java}
classes="$root/kernel/target/classes"
[ -d "$classes/org/forklab" ] || { echo "build forklab first: mvn -q -B -o compile -f kernel/pom.xml" >&2; exit 2; }
command -v cc >/dev/null 2>&1 || { echo "no C compiler (cc): the native reference cannot be built" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -pthread -o "$work/reference" "$here/reference.c"
cpu=$(awk '/Cpus_allowed_list/ {split($2, a, "[-,]"); print a[1]}' /proc/self/status)
# a second allowed CPU for the two-CPU rows (the first again when there is only one)
cpu2=$(awk '/Cpus_allowed_list/ {n = split($2, a, "[-,]"); print (n > 1 ? a[2] : a[1])}' /proc/self/status)
# Maven's console library writes colour resets on stderr even with -q: keep them out of the table.
deps=$(cd "$root" && mvn -q -B -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=/dev/stdout \
        -f kernel/pom.xml 2>"$work/mvn.err") || { cat "$work/mvn.err" >&2; exit 2; }

echo "machine: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(nproc) CPUs, kernel $(uname -r)"
echo "java:    $("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')"
rounds=${ROUNDS:-12}
echo "rounds:  $rounds (each figure: median of the round medians); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "pinned:  the native rows (fork, exec, posix_spawn, pthread, pipe) on both sides to CPU $cpu;"
echo "         the spin hand-off's two threads to CPUs $cpu and $cpu2"
echo "         Thread.start and ProcessBuilder unpinned on both sides"
echo

: > "$work/ref.txt"
: > "$work/forklab.txt"
i=0
reference() {
    "$work/reference" "$cpu" "$cpu2" >> "$work/ref.txt"
    "$java" "$here/Reference.java" >> "$work/ref.txt"
}
# forklab's side is bench/FiguresMain.java, compiled here against the built classes.
javac="$(dirname "$(command -v "$java")")/javac"
"$javac" -d "$work" -cp "$classes:$deps" "$here/FiguresMain.java"
forklab() {
    "$java" -cp "$classes:$deps:$work" FiguresMain >> "$work/forklab.txt"
}
# The order alternates: whoever runs second in a round meets a different machine (caches,
# the load of other jobs), and that must not always be the same side.
while [ "$i" -lt "$rounds" ]; do
    if [ $((i % 2)) -eq 0 ]; then reference; forklab; else forklab; reference; fi
    i=$((i + 1))
done

awk -F'\t' '
    function median(list,   n, v, i, j, t) {
        n = split(list, v, " ")
        for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
        return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    # The lower quartile of the rounds of each side: interference from elsewhere only ever adds time,
    # and on this VM the fork of a process is either ~105 or ~150 us, drawn again for every process
    # launched (see the per-round list below), so a median of 12 rounds falls in either cluster or
    # between them; the lower quartile stays in the fast one yet ignores a rare round faster than
    # the rest (two CPUs that for a moment share a core make the spin hand-off 0.03 us).
    function quartile(list,   n, v, i, j, t, h, lo) {
        n = split(list, v, " ")
        for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
        h = (n - 1) * 0.25 + 1; lo = int(h)
        return lo >= n ? v[n] : v[lo] + (h - lo) * (v[lo + 1] - v[lo])
    }
    NR == FNR { ref[$1] = ref[$1] " " $2; next }
    $2 == "-" { why[$1] = $3; if (!($1 in seen)) { seen[$1] = 1; order[++count] = $1 }; next }
    { ours[$1] = ours[$1] " " $2; if (!($1 in seen)) { seen[$1] = 1; order[++count] = $1 } }
    END {
        printf "%-38s %14s %14s %7s  %-16s %s\n", "figure", "reference", "forklab", "ratio", "within 0.8-1.25", "ratio of the lower quartiles"
        for (k = 1; k <= count; k++) {
            name = order[k]
            rm = median(ref[name])
            if (!(name in ours)) { printf "%-38s %11.1f us %14s %7s  %s\n", name, rm / 1000, "-", "-", "not measured: " why[name]; continue }
            fm = median(ours[name]); r = fm / rm
            f = rm < 1000 ? "%-38s %11.3f us %11.3f us %7.2f  %-16s %.2f\n" : "%-38s %11.1f us %11.1f us %7.2f  %-16s %.2f\n"
            printf f, name, rm / 1000, fm / 1000, r, (r >= 0.8 && r <= 1.25) ? "yes" : "NO", quartile(ours[name]) / quartile(ref[name])
        }
    }' "$work/ref.txt" "$work/forklab.txt"
echo
echo "each round's figure in us, reference | forklab (how far the machine moved between turns):"
awk -F'\t' '
    NR == FNR { ref[$1] = ref[$1] sprintf(" %.3g", $2 / 1000); if (!($1 in seen)) { seen[$1] = 1; order[++count] = $1 }; next }
    $2 != "-" { ours[$1] = ours[$1] sprintf(" %.3g", $2 / 1000) }
    END { for (k = 1; k <= count; k++) printf "  %-36s%s |%s\n", order[k], ref[order[k]], ours[order[k]] }' "$work/ref.txt" "$work/forklab.txt"
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
