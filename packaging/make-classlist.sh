#!/usr/bin/env bash
# Writes src/main/cds/perfdesk.classlist: the classes a start of the window loads, from the JVM's start
# to the main window laid out and its screens warmed, on a unit's and on the office's demo workspace.
# `mvn package` and the installed package make the application class-data archive from this list
# (packaging/README.md, "Class-data archive"). Run it again when the start-up classes change a lot;
# a class the list names that no longer exists is skipped, one it lacks is loaded as without the archive.
#
#   packaging/make-classlist.sh     (after mvn package; needs a display or Xvfb)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[[ -f target/perfdesk.jar ]] || { echo "make-classlist.sh: build first (mvn -B -DskipTests package)" >&2; exit 1; }
work=$(mktemp -d)
xvfb=
if [[ -z ${DISPLAY:-} ]]; then
    command -v Xvfb >/dev/null || { echo "make-classlist.sh: no DISPLAY and no Xvfb" >&2; exit 1; }
    Xvfb :93 -screen 0 1366x768x24 >/dev/null 2>&1 &
    xvfb=$!
    export DISPLAY=:93
    sleep 1
fi
cleanup() {
    [[ -n $xvfb ]] && kill "$xvfb" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
export PERFDESK_HOME=$work/home

# One start of the window, until the main window is laid out and the warming after it has run.
start() {
    local list=$1
    shift
    local out=$work/out.txt
    java -Dfile.encoding=UTF-8 -Dperfdesk.timing=true -XX:DumpLoadedClassList="$list" -jar target/perfdesk.jar "$@" \
        >"$out" 2>&1 &
    local pid=$!
    for _ in $(seq 1 1200); do
        grep -q "workspace shown after" "$out" && break
        sleep 0.1
    done
    grep -q "workspace shown after" "$out" || { cat "$out" >&2; kill "$pid"; echo "make-classlist.sh: no window" >&2; exit 1; }
    sleep 8 # the rows and screens warmed after start (RowWarmUp, ScreenWarmer)
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}

java -jar target/perfdesk.jar demo --out "$work/demo" >/dev/null
start "$work/unit.lst" --workspace "$work/demo/SLT"
start "$work/office.lst" --workspace "$work/demo/office"
# Both lists in the order first loaded, each class once.
{
    echo "# The classes a start of PerfDesk's window loads: made by packaging/make-classlist.sh (do not edit)."
    grep -hv '^#' "$work/unit.lst" "$work/office.lst" | awk '!seen[$0]++'
} >src/main/cds/perfdesk.classlist
echo "src/main/cds/perfdesk.classlist: $(grep -cv '^#' src/main/cds/perfdesk.classlist) lines"
