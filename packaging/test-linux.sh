#!/usr/bin/env bash
# Checks the Linux package end to end: its contents, installing it with apt, the installed
# program (--version, demo with keys and signed packages, verify, import, a Word report, the
# window under Xvfb, the .perfpkg file type), then removes it again.
#
#   packaging/build-linux.sh && sudo packaging/test-linux.sh [path/to/perfdesk_X_amd64.deb]
#   sudo packaging/test-linux.sh --arch arm64 [path/to/perfdesk_X_arm64.deb]
#                   (the arm64 package on an amd64 machine, in a scratch root through qemu:
#                    lib/test-arm64.sh)
#
# Needs root (apt-get), a Debian or Ubuntu machine, and for the window check Xvfb (package xvfb)
# and ImageMagick's import (imagemagick); without them that check is skipped. Not part of
# "mvn verify": it installs software. Leaves the machine as it found it: the package is purged,
# and folders it had to create are removed again (also when a check fails).
set -euo pipefail

SCRIPT=test-linux.sh
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
LAUNCHER=/opt/perfdesk/bin/PerfDesk

fail() {
    echo "$SCRIPT: FAILED: $*" >&2
    exit 1
}
ok() {
    echo "$SCRIPT: ok: $*"
}

ARCH=$(dpkg --print-architecture 2>/dev/null || true)
case ${1:-} in
    --arch=*) ARCH=${1#--arch=}; shift ;;
    --arch) ARCH=${2:-}; shift 2 || fail "--arch needs amd64 or arm64" ;;
esac
if [[ $ARCH == arm64 && $(dpkg --print-architecture 2>/dev/null) != arm64 ]]; then
    exec packaging/lib/test-arm64.sh "$@"
fi
[[ $ARCH == "$(dpkg --print-architecture 2>/dev/null)" ]] || fail "--arch $ARCH: this machine checks its own packages, and arm64 ones on amd64"

[[ $EUID -eq 0 ]] || fail "run as root: it installs the package with apt-get (sudo $0)"
command -v apt-get >/dev/null || fail "apt-get not found: this check is for Debian and Ubuntu"
DEB=${1:-$(ls -t target/installer/perfdesk_*_"$ARCH".deb 2>/dev/null | head -n1 || true)}
[[ -n $DEB && -f $DEB ]] || fail "no .deb: run packaging/build-linux.sh first, or name the file"
DEB=$(readlink -f "$DEB")
if dpkg -s perfdesk >/dev/null 2>&1; then
    fail "a perfdesk package is already installed; remove it first (apt-get purge perfdesk), this check would replace it"
fi

TMP=$(mktemp -d /tmp/perfdesk-test.XXXXXX)
CREATED=()          # folders this script made and removes again
XVFB_PID=
APP_PID=
INSTALLED=0

cleanup() {
    local status=$?
    [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null || true
    [[ -n $XVFB_PID ]] && kill "$XVFB_PID" 2>/dev/null || true
    if [[ $INSTALLED == 1 ]]; then
        apt-get purge -y perfdesk >/dev/null 2>&1 || dpkg --purge perfdesk >/dev/null 2>&1 || true
    fi
    local dir
    for dir in "${CREATED[@]}"; do
        rm -rf "$dir"
    done
    rm -rf "$TMP"
    exit $status
}
trap cleanup EXIT

# --- 1. what the package holds --------------------------------------------------------------
VERSION=$(dpkg-deb -f "$DEB" Version)
VERSION=${VERSION%-*}
dpkg-deb -c "$DEB" | awk '{print $NF}' >"$TMP/contents"
for path in ./opt/perfdesk/bin/PerfDesk ./opt/perfdesk/lib/app/perfdesk.jar ./opt/perfdesk/lib/app/PerfDesk.cfg \
    ./opt/perfdesk/lib/runtime/lib/modules ./opt/perfdesk/lib/perfdesk-PerfDesk.desktop \
    ./opt/perfdesk/lib/perfdesk-PerfDesk-MimeInfo.xml ./opt/perfdesk/lib/application-x-perfdesk-package.png \
    ./opt/perfdesk/lib/PerfDesk.png; do
    grep -qxF "$path" "$TMP/contents" || fail "the package lacks $path"
done
ok "package $VERSION holds the launcher, jar, runtime, menu entry, file type and icons"

dpkg-deb -x "$DEB" "$TMP/unpacked"
LIB=$TMP/unpacked/opt/perfdesk/lib
grep -q '^Exec=/opt/perfdesk/bin/PerfDesk %F$' "$LIB/perfdesk-PerfDesk.desktop" || fail "menu entry: Exec must pass the files (%F)"
grep -q '^MimeType=application/x-perfdesk-package' "$LIB/perfdesk-PerfDesk.desktop" || fail "menu entry: no MimeType"
grep -q '^Categories=Office' "$LIB/perfdesk-PerfDesk.desktop" || fail "menu entry: not in Office"
grep -q 'type="application/x-perfdesk-package"' "$LIB/perfdesk-PerfDesk-MimeInfo.xml" || fail "file type: wrong MIME type"
grep -q 'pattern="\*.perfpkg"' "$LIB/perfdesk-PerfDesk-MimeInfo.xml" || fail "file type: no *.perfpkg"
grep -q '绩效管理数据包' "$LIB/perfdesk-PerfDesk-MimeInfo.xml" || fail "file type: the description lost its Chinese"
grep -q -- '-Dfile.encoding=UTF-8' "$LIB/app/PerfDesk.cfg" || fail "launcher: -Dfile.encoding=UTF-8 missing"
MODULES=$("$LIB/runtime/bin/java" --list-modules)
for module in jdk.crypto.ec jdk.localedata java.sql java.desktop jdk.unsupported; do
    grep -q "^$module@" <<<"$MODULES" || fail "runtime lacks $module"
done
ok "menu entry, file type, java options and runtime modules ($(wc -l <<<"$MODULES") modules)"

# --- 2. install --------------------------------------------------------------------------
# A desktop has these folders; a bare server does not, and xdg-desktop-menu then skips the
# menu entry (with a message; the package still installs). Make them so the menu is checked.
for dir in /etc/xdg/menus /usr/share/desktop-directories /usr/share/applications; do
    if [[ ! -d $dir ]]; then
        mkdir -p "$dir"
        CREATED+=("$dir")
    fi
done
[[ -e /usr/share/applications/defaults.list ]] || CREATED+=(/usr/share/applications/defaults.list)

INSTALLED=1
apt-get install -y "$DEB" >"$TMP/apt.log" 2>&1 || { cat "$TMP/apt.log"; fail "apt-get install"; }
[[ $(dpkg-query -W -f '${Status}' perfdesk) == "install ok installed" ]] || fail "package not fully installed"
ok "installed with apt-get"

# --- 3. the installed program ---------------------------------------------------------------
export PERFDESK_HOME=$TMP/home PERFDESK_PASSPHRASE=perfdesk-demo
TIMEFORMAT=%R
for run in 1 2 3; do
    seconds=$( { time "$LAUNCHER" --version >"$TMP/version" 2>&1; } 2>&1 ) || fail "--version exited non-zero"
    [[ $(cat "$TMP/version") == "PerfDesk $VERSION" ]] || fail "--version printed '$(cat "$TMP/version")', expected 'PerfDesk $VERSION'"
    echo "  --version run $run: ${seconds} s"
done
ok "--version prints PerfDesk $VERSION"

seconds=$( { time "$LAUNCHER" demo --out "$TMP/demo" >"$TMP/demo.log" 2>&1; } 2>&1 ) || { cat "$TMP/demo.log"; fail "demo --out exited non-zero"; }
workspaces=$(ls -d "$TMP"/demo/*/perfdesk.db | wc -l)
packages=$(ls "$TMP"/demo/usb/*.perfpkg | wc -l)
[[ $workspaces == 8 && $packages == 14 ]] || fail "demo built $workspaces workspaces and $packages packages (expected 8 and 14)"
ok "demo --out: 8 workspaces with keys, 14 signed packages, ${seconds} s"

PKG=$(ls "$TMP"/demo/usb/XM-*-plan-*.perfpkg | head -n1)

# --- 4. the file type and menu entry, as the desktop sees them ------------------------------
[[ -f /usr/share/applications/perfdesk-PerfDesk.desktop ]] || fail "menu entry not in /usr/share/applications"
ls /usr/share/mime/packages/ | grep -q perfdesk || fail "file type not in /usr/share/mime/packages"
touch "$TMP/sample.perfpkg"
if command -v xdg-mime >/dev/null; then
    [[ $(xdg-mime query filetype "$TMP/sample.perfpkg") == application/x-perfdesk-package ]] || fail "xdg-mime: a .perfpkg is not application/x-perfdesk-package"
    [[ $(xdg-mime query default application/x-perfdesk-package) == perfdesk-PerfDesk.desktop ]] || fail "xdg-mime: PerfDesk is not the default for .perfpkg"
    ok "xdg-mime: .perfpkg is application/x-perfdesk-package, opened by perfdesk-PerfDesk.desktop"
fi

# --- 5. the window ----------------------------------------------------------------------------
if command -v Xvfb >/dev/null && command -v import >/dev/null; then
    display=71
    while [[ -e /tmp/.X11-unix/X$display || -e /tmp/.X$display-lock ]]; do display=$((display + 1)); done
    Xvfb ":$display" -screen 0 1440x900x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
    XVFB_PID=$!
    sleep 2
    # The package double-clicked: the window opens on the office's import screen with it.
    # Cold start: the page cache dropped first (where the kernel lets us), then the wall time from
    # starting the launcher to the first shown window, polled every 0.1 s.
    sync
    cold=warm
    if echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; then cold=cold; fi
    started=$(date +%s%N)
    PERFDESK_HOME=$TMP/home DISPLAY=:$display JAVA_TOOL_OPTIONS=-Dperfdesk.timing=true \
        "$LAUNCHER" --workspace "$TMP/demo/office" "$PKG" >"$TMP/window.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 600); do
        grep -q 'window shown after' "$TMP/window.log" && break
        kill -0 "$APP_PID" 2>/dev/null || { cat "$TMP/window.log"; fail "the window program ended early"; }
        sleep 0.1
    done
    grep -q 'window shown after' "$TMP/window.log" || { cat "$TMP/window.log"; fail "no window within 60 s"; }
    shown_ms=$(( ($(date +%s%N) - started) / 1000000 ))
    echo "  $cold start, launcher to first shown window: ${shown_ms} ms wall ($(grep -o 'window shown after [0-9]* ms' "$TMP/window.log" | grep -o '[0-9]*') ms of it in Java)"
    sleep 5
    mkdir -p "$ROOT/target/installer"
    DISPLAY=:$display import -window root "$ROOT/target/installer/test-window.png"
    colours=$(convert "$ROOT/target/installer/test-window.png" -format %k info:)
    [[ $colours -gt 50 ]] || fail "the screenshot is nearly blank ($colours colours)"
    kill "$APP_PID" && APP_PID=
    kill "$XVFB_PID" && XVFB_PID=
    ok "window: $(grep -o 'window shown after [0-9]* ms' "$TMP/window.log"); screenshot target/installer/test-window.png (look at it: Chinese text, import screen)"
else
    echo "$SCRIPT: skipped the window check (needs Xvfb and ImageMagick's import)"
fi

# --- 6. signatures, import, a report with the installed runtime ------------------------------
"$LAUNCHER" verify --workspace "$TMP/demo/office" "$PKG" >"$TMP/verify.log" 2>&1 || { cat "$TMP/verify.log"; fail "verify (Ed25519) of $PKG"; }
"$LAUNCHER" import --workspace "$TMP/demo/office" --json "$TMP/demo/usb" >"$TMP/import.json" 2>&1 || { cat "$TMP/import.json"; fail "import of the demo packages"; }
accepted=$(grep -o '"status" *: *"accepted"' "$TMP/import.json" | wc -l)
[[ $accepted == 14 ]] || fail "import accepted $accepted of 14 packages"
ok "verify and import: signatures checked, 14 packages accepted"

"$LAUNCHER" report --workspace "$TMP/demo/XM" --kind midyear --year 2008 --out "$TMP/xm.docx" >/dev/null 2>&1 || fail "report"
if command -v unzip >/dev/null; then
    # The date line needs the runtime's Chinese locale data (jdk.localedata).
    unzip -p "$TMP/xm.docx" word/document.xml | grep -q '[0-9]\{4\}年[0-9]\{1,2\}月[0-9]\{1,2\}日' || fail "report: no Chinese date (locale data missing?)"
    ok "report: Word document with a Chinese date"
else
    ok "report: Word document written (unzip missing: date not checked)"
fi

# --- 7. remove ------------------------------------------------------------------------------
apt-get remove -y perfdesk >"$TMP/apt.log" 2>&1 || { cat "$TMP/apt.log"; fail "apt-get remove"; }
apt-get purge -y perfdesk >"$TMP/apt.log" 2>&1 || { cat "$TMP/apt.log"; fail "apt-get purge"; }
INSTALLED=0
[[ ! -e /opt/perfdesk ]] || fail "/opt/perfdesk left behind"
[[ ! -e /usr/share/applications/perfdesk-PerfDesk.desktop ]] || fail "menu entry left behind"
! ls /usr/share/mime/packages/ | grep -q perfdesk || fail "file type left behind"
[[ -z $(find /usr/share/icons -name '*perfdesk*') ]] || fail "icons left behind: $(find /usr/share/icons -name '*perfdesk*')"
[[ -d $TMP/demo/office ]] || fail "removing the program must not touch workspaces"
ok "removed and purged; /opt/perfdesk, menu entry and file type gone, workspaces kept"
echo "$SCRIPT: all checks passed"
