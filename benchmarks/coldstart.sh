#!/usr/bin/env bash
# Cold start: a fresh JVM per run, from the first line of main to the first answer of a loopback server,
# JSON and XML, the SDK and the same send written by hand with OkHttp + Jackson (the baseline); median, min and
# max, the classes each run loaded, and the SDK's medians as ratios to the hand-written program's.
#
#   mvn -q -f parent install -DskipTests    # once, from the repository root
#   benchmarks/coldstart.sh [RUNS]                                         # RUNS per format, default 15, at least 10
#
# Each run is `java -Xlog:class+load=info:file=... -cp <jars> net.mittoapi.sms.benchmarks.ColdStart URL FORMAT`
# with the JDK's defaults (its class-data-sharing archive for JDK classes, nothing else), on a class path of
# separate jars as an application has (benchmarks/target/classpath.txt, written by the package phase), on which
# jackson-dataformat-xml and Woodstox are present for both formats. ColdStart builds a MittoClient, sends the
# use-case page's message and prints main_to_answer_ms (main's first line to the parsed answer) and build_ms
# (the part spent in build()); HandWrittenColdStart does the same with OkHttp (the SDK's default timeouts) and
# Jackson binding records, and prints the same line. The script also times the whole process (JVM start to
# exit) from outside. The four programs (SDK JSON, SDK XML, hand-written JSON, hand-written XML) take turns,
# so that a burst of load on the machine hits all alike. The server is
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
variants="JSON XML HAND-JSON HAND-XML"
for i in $(seq 1 "$runs"); do
  for variant in $variants; do
    format="${variant#HAND-}"
    main=net.mittoapi.sms.benchmarks.ColdStart
    [ "$variant" = "$format" ] || main=net.mittoapi.sms.benchmarks.HandWrittenColdStart
    log="$work/$variant-$i.classes"
    start=$(date +%s%N)
    line="$("$java_bin" "-Xlog:class+load=info:file=$log" -cp "$cp" "$main" "$url" "$format")"
    end=$(date +%s%N)
    case "$line" in
      "coldstart format=$format "*) ;;
      *) echo "coldstart.sh: run $i ($variant) printed: $line" >&2; exit 1 ;;
    esac
    main_ms="$(sed 's/.*main_to_answer_ms=\([0-9.]*\).*/\1/' <<<"$line")"
    build_ms="$(sed 's/.*build_ms=\([0-9.]*\).*/\1/' <<<"$line")"
    classes="$(grep -c '\[class,load\]' "$log")"
    xml="$(grep -cE "$xml_pattern" "$log" || true)"
    echo "$main_ms $build_ms $(( (end - start) / 1000000 )) $classes $xml" >> "$work/$variant.runs"
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
echo "| program | runs | main → answer ms (median / min / max) | of which building the client ms (median) | process ms (median / min / max) | classes loaded (median / min / max) | XML-stack classes (max) |"
echo "|---|---:|---|---:|---|---|---:|"
status=0
for variant in $variants; do
  f="$work/$variant.runs"
  name="SDK $variant"
  [ "${variant#HAND-}" = "$variant" ] || name="hand-written ${variant#HAND-}"
  read -r m1 n1 x1 <<<"$(stats 1 "$f")"
  read -r m2 _ _ <<<"$(stats 2 "$f")"
  read -r m3 n3 x3 <<<"$(stats 3 "$f")"
  read -r m4 n4 x4 <<<"$(stats 4 "$f")"
  xmax="$(sort -n -k5,5 "$f" | tail -1 | awk '{ print $5 }')"
  printf '| %s | %d | %s / %s / %s | %s | %s / %s / %s | %.0f / %.0f / %.0f | %d |\n' \
    "$name" "$(wc -l < "$f")" "$m1" "$n1" "$x1" "$m2" "$m3" "$n3" "$x3" "$m4" "$n4" "$x4" "$xmax"
  if [ "$variant" = JSON ] && [ "$xmax" -ne 0 ]; then
    echo "coldstart.sh: a JSON run loaded $xmax classes of jackson-dataformat-xml, Woodstox or Stax2" >&2
    status=1
  fi
done

# The SDK's medians as ratios to the hand-written program's (target: 1.3), main → answer and the whole process.
echo
for format in JSON XML; do
  read -r sdk_main _ _ <<<"$(stats 1 "$work/$format.runs")"
  read -r hand_main _ _ <<<"$(stats 1 "$work/HAND-$format.runs")"
  read -r sdk_proc _ _ <<<"$(stats 3 "$work/$format.runs")"
  read -r hand_proc _ _ <<<"$(stats 3 "$work/HAND-$format.runs")"
  awk -v f="$format" -v a="$sdk_main" -v b="$hand_main" -v c="$sdk_proc" -v d="$hand_proc" \
    'BEGIN { printf "%s: SDK ÷ hand-written, median main → answer %.2f, median process %.2f\n", f, a / b, c / d }'
done
exit "$status"
