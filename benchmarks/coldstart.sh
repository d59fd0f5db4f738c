#!/usr/bin/env bash
# Cold start: a fresh JVM per run, from the first line of main to the first answer of a loopback server,
# JSON and XML; median, min and max, and the classes each run loaded.
#
#   mvn -q -f parent install -DskipTests    # once, from the repository root
#   benchmarks/coldstart.sh [RUNS]                                         # RUNS per format, default 15, at least 10
#
# Each run is `java -Xlog:class+load=info:file=... -cp <jars> net.mittoapi.sms.benchmarks.ColdStart URL FORMAT`
# with the JDK's defaults (its class-data-sharing archive for JDK classes, nothing else), on a class path of
# separate jars as an application has (benchmarks/target/classpath.txt, written by the package phase), on which
# jackson-dataformat-xml and Woodstox are present for both formats. ColdStart builds a MittoClient, sends the
# use-case page's message and prints main_to_answer_ms (main's first line to the parsed answer) and build_ms
# (the part spent in build()). The script also times the whole process (JVM start to exit) from outside.
# JSON and XML runs alternate, so that a burst of load on the machine hits both alike. The server is
# LoopbackServer in a JVM of its own, started once and warmed up by the first runs' requests only.
# Exits 1 when a JSON run loaded any class of jackson-dataformat-xml, Woodstox or Stax2.
set -euo pipefail
cd "$(dirname "$0")"

runs="${1:-15}"
if [ "$runs" -lt 10 ]; then
  echo "coldstart.sh: at least 10 runs per format, got $runs" >&2
  exit 2
fi
if [ ! -f target/classpath.txt ] || [ ! -d target/classes ]; then
  echo "coldstart.sh: build first: mvn -q -f parent install -DskipTests" >&2
  exit 2
fi
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cp="target/classes:$(cat target/classpath.txt)"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$java_bin" -cp "$cp" net.mittoapi.sms.benchmarks.LoopbackServer --seconds 1800 > "$work/server.out" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 200); do
  url="$(sed -n 's/^listening on //p' "$work/server.out")"
  [ -n "$url" ] && break
  sleep 0.05
done
if [ -z "$url" ]; then
  echo "coldstart.sh: the loopback server did not start:" >&2
  cat "$work/server.out" >&2
  exit 1
fi

xml_pattern='\] (com\.fasterxml\.jackson\.dataformat\.xml\.|com\.ctc\.wstx\.|org\.codehaus\.stax2\.)'
echo "Cold start: $runs fresh JVMs per format against $url"
echo "$("$java_bin" -version 2>&1 | head -1); $(nproc) CPUs; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
  for format in JSON XML; do
    log="$work/$format-$i.classes"
    start=$(date +%s%N)
    line="$("$java_bin" "-Xlog:class+load=info:file=$log" -cp "$cp" net.mittoapi.sms.benchmarks.ColdStart "$url" "$format")"
    end=$(date +%s%N)
    case "$line" in
      "coldstart format=$format "*) ;;
      *) echo "coldstart.sh: run $i ($format) printed: $line" >&2; exit 1 ;;
    esac
    main_ms="$(sed 's/.*main_to_answer_ms=\([0-9.]*\).*/\1/' <<<"$line")"
    build_ms="$(sed 's/.*build_ms=\([0-9.]*\).*/\1/' <<<"$line")"
    classes="$(grep -c '\[class,load\]' "$log")"
    xml="$(grep -cE "$xml_pattern" "$log" || true)"
    echo "$main_ms $build_ms $(( (end - start) / 1000000 )) $classes $xml" >> "$work/$format.runs"
  done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

# median, min, max of column $1 of a file
stats() {
  sort -n -k"$1","$1" "$2" | awk -v c="$1" '{ v[NR] = $c } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%8.1f %8.1f %8.1f", m, v[1], v[NR] }'
}

echo
echo "| format | runs | main → answer ms (median / min / max) | of which build() ms (median) | process ms (median / min / max) | classes loaded (median / min / max) | XML-stack classes (max) |"
echo "|---|---:|---|---:|---|---|---:|"
status=0
for format in JSON XML; do
  f="$work/$format.runs"
  read -r m1 n1 x1 <<<"$(stats 1 "$f")"
  read -r m2 _ _ <<<"$(stats 2 "$f")"
  read -r m3 n3 x3 <<<"$(stats 3 "$f")"
  read -r m4 n4 x4 <<<"$(stats 4 "$f")"
  xmax="$(sort -n -k5,5 "$f" | tail -1 | awk '{ print $5 }')"
  printf '| %s | %d | %s / %s / %s | %s | %s / %s / %s | %.0f / %.0f / %.0f | %d |\n' \
    "$format" "$(wc -l < "$f")" "$m1" "$n1" "$x1" "$m2" "$m3" "$n3" "$x3" "$m4" "$n4" "$x4" "$xmax"
  if [ "$format" = JSON ] && [ "$xmax" -ne 0 ]; then
    echo "coldstart.sh: a JSON run loaded $xmax classes of jackson-dataformat-xml, Woodstox or Stax2" >&2
    status=1
  fi
done
exit "$status"
