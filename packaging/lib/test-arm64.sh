#!/usr/bin/env bash
# Checks the arm64 .deb on this amd64 machine, without arm64 hardware; run by
#
#   sudo packaging/test-linux.sh --arch arm64 [path/to/perfdesk_X_arm64.deb]
#
# 1. the package: Architecture arm64, the files of the amd64 package, every ELF file aarch64,
#    the linux-aarch64 JavaFX jars;
# 2. a scratch root: Debian arm64 with the package and what its Depends resolve to there,
#    unpacked by mmdebstrap (nothing installed on this machine, no maintainer scripts run).
#    Debian 12 (bookworm) when its glibc (2.36) is new enough for the package's libc6
#    (>= ...), else Debian 13 (trixie), after showing that Debian 12 refuses only that;
# 3. every library an ELF file of the package or of its JavaFX and SQLite jars needs is in
#    that root or in the package, and the root's glibc is as new as any of them needs;
# 4. through qemu, with the scratch root laid over / (qemu's -L): --version, demo --out,
#    verify, and the window under Xvfb with a screenshot (target/installer/test-window-arm64.png).
# Prints each step and how long it took. Needs root (mmdebstrap), qemu-user-static, mmdebstrap,
# binutils (readelf), unzip, and for the window Xvfb and ImageMagick. Not part of "mvn verify".
set -euo pipefail

SCRIPT="test-linux.sh --arch arm64"
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$(pwd)

fail() {
    echo "$SCRIPT: FAILED: $*" >&2
    exit 1
}
ok() {
    echo "$SCRIPT: ok: $*"
}
LAP=$SECONDS
STARTED=$SECONDS
lap() {
    echo "$SCRIPT: time: $1: $((SECONDS - LAP)) s"
    LAP=$SECONDS
}

[[ $EUID -eq 0 ]] || fail "run as root: mmdebstrap unpacks the scratch root as root (sudo packaging/test-linux.sh --arch arm64)"
for tool in qemu-aarch64-static:qemu-user-static mmdebstrap:mmdebstrap readelf:binutils objdump:binutils unzip:unzip dpkg-deb:dpkg; do
    command -v "${tool%%:*}" >/dev/null || fail "${tool%%:*} not found: apt-get install ${tool#*:}"
done
DEB=${1:-$(ls -t target/installer/perfdesk_*_arm64.deb 2>/dev/null | head -n1 || true)}
[[ -n $DEB && -f $DEB ]] || fail "no arm64 .deb: run packaging/build-linux.sh --arch arm64 first, or name the file"
DEB=$(readlink -f "$DEB")

TMP=$(mktemp -d /tmp/perfdesk-arm64-test.XXXXXX)
ROOTFS=$TMP/root
XVFB_PID=
APP_PID=
cleanup() {
    local status=$?
    [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null || true
    [[ -n $XVFB_PID ]] && kill "$XVFB_PID" 2>/dev/null || true
    rm -rf "$TMP"
    exit $status
}
trap cleanup EXIT

# is_elf FILE: the file starts with the ELF magic.
is_elf() {
    [[ $(head -c 4 "$1" | od -An -tx1 | tr -d ' \n') == 7f454c46 ]]
}
# not_aarch64 FILE...: prints those ELF files that are not for aarch64.
not_aarch64() {
    local file
    for file in "$@"; do
        readelf -h "$file" 2>/dev/null | grep -q 'Machine:[[:space:]]*AArch64' || echo "$file"
    done
}

# --- 1. what the package holds ------------------------------------------------------------
[[ $(dpkg-deb -f "$DEB" Architecture) == arm64 ]] || fail "Architecture: $(dpkg-deb -f "$DEB" Architecture), expected arm64"
VERSION=$(dpkg-deb -f "$DEB" Version)
VERSION=${VERSION%-*}
DEPENDS=$(dpkg-deb -f "$DEB" Depends)
dpkg-deb -c "$DEB" | awk '{print $NF}' >"$TMP/contents"
for path in ./opt/perfdesk/bin/PerfDesk ./opt/perfdesk/lib/app/perfdesk.jar ./opt/perfdesk/lib/app/PerfDesk.cfg \
    ./opt/perfdesk/lib/runtime/lib/modules ./opt/perfdesk/lib/runtime/lib/server/classes.jsa \
    ./opt/perfdesk/lib/perfdesk-PerfDesk.desktop ./opt/perfdesk/lib/perfdesk-PerfDesk-MimeInfo.xml \
    ./opt/perfdesk/lib/application-x-perfdesk-package.png ./opt/perfdesk/lib/PerfDesk.png; do
    grep -qxF "$path" "$TMP/contents" || fail "the package lacks $path"
done
ok "package $VERSION: Architecture: arm64; the launcher, jar, runtime (with its CDS archive), menu entry, file type and icons"
echo "  Depends: $DEPENDS"

dpkg-deb -x "$DEB" "$TMP/unpacked"
LIB=$TMP/unpacked/opt/perfdesk/lib
grep -q '^Exec=/opt/perfdesk/bin/PerfDesk %F$' "$LIB/perfdesk-PerfDesk.desktop" || fail "menu entry: Exec must pass the files (%F)"
grep -q '^MimeType=application/x-perfdesk-package' "$LIB/perfdesk-PerfDesk.desktop" || fail "menu entry: no MimeType"
grep -q '^Categories=Office' "$LIB/perfdesk-PerfDesk.desktop" || fail "menu entry: not in Office"
grep -q 'type="application/x-perfdesk-package"' "$LIB/perfdesk-PerfDesk-MimeInfo.xml" || fail "file type: wrong MIME type"
grep -q 'pattern="\*.perfpkg"' "$LIB/perfdesk-PerfDesk-MimeInfo.xml" || fail "file type: no *.perfpkg"
grep -q '绩效管理数据包' "$LIB/perfdesk-PerfDesk-MimeInfo.xml" || fail "file type: the description lost its Chinese"
grep -q -- '-Dfile.encoding=UTF-8' "$LIB/app/PerfDesk.cfg" || fail "launcher: -Dfile.encoding=UTF-8 missing"
MODULES=$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$LIB/runtime/release" | tr ' ' '\n')
for module in jdk.crypto.ec jdk.localedata java.sql java.desktop jdk.unsupported; do
    grep -qx "$module" <<<"$MODULES" || fail "runtime lacks $module"
done
ok "menu entry, file type, java options and runtime modules ($(wc -l <<<"$MODULES") modules)"

ELFS=()
while IFS= read -r -d '' file; do
    is_elf "$file" && ELFS+=("$file")
done < <(find "$TMP/unpacked" -type f -print0)
[[ ${#ELFS[@]} -gt 20 ]] || fail "only ${#ELFS[@]} ELF files in the package"
wrong=$(not_aarch64 "${ELFS[@]}")
[[ -z $wrong ]] || fail "ELF files not for aarch64: ${wrong//$TMP\/unpacked/}"
ok "all ${#ELFS[@]} ELF files in the package are aarch64 (launcher $(readelf -h "$TMP/unpacked/opt/perfdesk/bin/PerfDesk" | sed -n 's/.*Machine:[[:space:]]*//p'))"

# JavaFX's and SQLite's native code sits inside jars (unpacked when the program starts).
ls "$LIB"/app/lib/javafx-*-linux.jar >/dev/null 2>&1 && fail "the x86-64 JavaFX jars (javafx-*-linux.jar) are in the package"
fx_jars=$(ls "$LIB"/app/lib/javafx-*-linux-aarch64.jar 2>/dev/null | wc -l)
[[ $fx_jars -ge 3 ]] || fail "only $fx_jars linux-aarch64 JavaFX jars in the package"
mkdir -p "$TMP/natives"
for jar in "$LIB"/app/lib/javafx-*-linux-aarch64.jar; do
    unzip -q -o -j "$jar" '*.so' -d "$TMP/natives" 2>/dev/null || true
done
unzip -q -o -j "$LIB"/app/lib/sqlite-jdbc-*.jar 'org/sqlite/native/Linux/aarch64/*.so' -d "$TMP/natives" \
    || fail "sqlite-jdbc has no Linux/aarch64 library"
NATIVES=("$TMP"/natives/*.so)
wrong=$(not_aarch64 "${NATIVES[@]}")
[[ -z $wrong ]] || fail "native libraries in the jars not for aarch64: $wrong"
ok "$fx_jars linux-aarch64 JavaFX jars; their ${#NATIVES[@]} native libraries (with SQLite's) are aarch64"
lap "package contents"

# --- 2. a scratch root: Debian arm64, the package and its Depends -----------------------------
# apt resolves the Depends against Debian's arm64 archive as on a fresh machine; "extract"
# unpacks the packages without running anything (aarch64 programs cannot run here without
# qemu). The file-mirror-automount hook copies the .deb in, as apt wants it inside the root.
# mmdebstrap_arm64 SUITE DIR [OPTION...]
mmdebstrap_arm64() {
    local suite=$1 dir=$2
    shift 2
    mmdebstrap --variant=extract --mode=chrootless --arch=arm64 \
        --hook-dir=/usr/share/mmdebstrap/hooks/file-mirror-automount \
        --include="$DEB" "$@" "$suite" "$dir"
}
# version_le A B: version A is B or older (2.36 and 2.38).
version_le() {
    [[ $(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n1) == "$1" ]]
}
GLIBC_NEEDED=$(sed -n 's/.*libc6 (>= \([0-9.]*\)).*/\1/p' <<<"$DEPENDS")
[[ -n $GLIBC_NEEDED ]] || fail "Depends names no libc6 (>= version)"
SUITE=${ARM64_SUITE:-bookworm}
if [[ -z ${ARM64_SUITE:-} ]] && ! version_le "$GLIBC_NEEDED" 2.36; then
    # Debian 12 has glibc 2.36: it must refuse the package for that alone, every other name resolving.
    if mmdebstrap_arm64 bookworm "$TMP/bookworm" --simulate >"$TMP/bookworm.log" 2>&1; then
        fail "Debian 12 accepts a package that needs glibc $GLIBC_NEEDED"
    fi
    unmet=$(grep -E '^ *(perfdesk *: *)?Depends:' "$TMP/bookworm.log" | sed 's/^ *//' || true)
    if [[ -z $unmet ]] || grep -qv 'libc6 (>= ' <<<"$unmet"; then
        cat "$TMP/bookworm.log"
        fail "Debian 12 arm64 refuses the Depends for more than glibc (above)"
    fi
    ok "Debian 12 (bookworm) arm64: every Depends resolves but libc6 (>= $GLIBC_NEEDED): $unmet"
    SUITE=trixie
    lap "Debian 12 resolution (apt, simulated)"
fi
mmdebstrap_arm64 "$SUITE" "$ROOTFS" --skip=cleanup/apt/cache >"$TMP/mmdebstrap.log" 2>&1 \
    || { cat "$TMP/mmdebstrap.log"; fail "the Depends do not resolve on Debian $SUITE arm64 (mmdebstrap, above)"; }
[[ -x $ROOTFS/opt/perfdesk/bin/PerfDesk ]] || fail "the scratch root has no /opt/perfdesk/bin/PerfDesk"
debs=$(ls "$ROOTFS"/var/cache/apt/archives/*.deb | wc -l)
ROOT_GLIBC=$(ls "$ROOTFS"/var/cache/apt/archives/ | sed -n 's/^libc6_\([0-9]*\.[0-9]*\).*_arm64\.deb$/\1/p')
fonts=$(ls "$ROOTFS"/var/cache/apt/archives/ | grep -o '^fonts-[a-z-]*' | sort -u | paste -sd' ' -)
rm -f "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS$DEB"
ok "Depends resolve on Debian $SUITE arm64: $debs packages unpacked into a scratch root ($(du -sh "$ROOTFS" | cut -f1); glibc $ROOT_GLIBC; fonts: $fonts)"
lap "scratch root (mmdebstrap)"

# --- 3. every library the native code needs is in the root ----------------------------------
# The dynamic loader's places: the multiarch folders, and the runtime's own lib/ and
# lib/server/ (RUNPATH $ORIGIN). libprism_es2.so needs libGL.so.1 for JavaFX's GPU drawing;
# JavaFX draws in software without it, so the package does not require it.
APP=$ROOTFS/opt/perfdesk
SEARCH=("$ROOTFS"/usr/lib/aarch64-linux-gnu "$ROOTFS"/lib/aarch64-linux-gnu "$APP"/lib "$APP"/lib/runtime/lib "$APP"/lib/runtime/lib/server "$TMP"/natives)
checked=0
missing=()
for file in "${ELFS[@]/#$TMP\/unpacked/$ROOTFS}" "${NATIVES[@]}"; do
    while read -r needed; do
        found=0
        for dir in "${SEARCH[@]}"; do
            [[ -e $dir/$needed ]] && { found=1; break; }
        done
        checked=$((checked + 1))
        if [[ $found == 0 && ! ($needed == libGL.so.1 && $file == */libprism_es2.so) ]]; then
            missing+=("${file##*/} needs $needed")
        fi
    done < <(readelf -d "$file" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
done
[[ ${#missing[@]} == 0 ]] || fail "libraries not in the Depends' closure: ${missing[*]}"
ok "all $checked libraries needed by $((${#ELFS[@]} + ${#NATIVES[@]})) ELF files are in the scratch root or the package"
# The newest glibc symbol version each file needs; an older glibc refuses to load the file.
newest=$(for file in "${ELFS[@]}" "${NATIVES[@]}"; do
    objdump -T "$file" 2>/dev/null | awk '/\*UND\*/' | grep -o 'GLIBC_[0-9.]*' | sed "s|GLIBC_\(.*\)|\1 ${file##*/}|"
done | sort -V | tail -n1)
newest_version=${newest%% *}
newest_file=${newest#* }
version_le "$newest_version" "$ROOT_GLIBC" || fail "$newest_file needs glibc $newest_version, the root has $ROOT_GLIBC"
version_le "$newest_version" "$GLIBC_NEEDED" || fail "$newest_file needs glibc $newest_version, the Depends say libc6 (>= $GLIBC_NEEDED)"
ok "glibc: the newest any file needs is $newest_version ($newest_file), the root has $ROOT_GLIBC, the Depends say >= $GLIBC_NEEDED"
lap "libraries"

# --- 4. the program, through qemu ------------------------------------------------------------
# -L (QEMU_LD_PREFIX) lays the scratch root over /: the program's files and libraries come
# from it, /tmp, /proc and the rest from this machine.
export QEMU_LD_PREFIX=$ROOTFS HOME=$TMP/home PERFDESK_HOME=$TMP/home/perfdesk PERFDESK_PASSPHRASE=perfdesk-demo
mkdir -p "$HOME"
perfdesk() {
    qemu-aarch64-static "$APP/bin/PerfDesk" "$@"
}

perfdesk --version >"$TMP/version" 2>&1 || { cat "$TMP/version"; fail "--version exited non-zero"; }
[[ $(cat "$TMP/version") == "PerfDesk $VERSION" ]] || fail "--version printed '$(cat "$TMP/version")', expected 'PerfDesk $VERSION'"
ok "--version prints PerfDesk $VERSION"
lap "--version"

perfdesk demo --out "$TMP/demo" >"$TMP/demo.log" 2>&1 || { cat "$TMP/demo.log"; fail "demo --out exited non-zero"; }
workspaces=$(ls -d "$TMP"/demo/*/perfdesk.db | wc -l)
packages=$(ls "$TMP"/demo/usb/*.perfpkg | wc -l)
[[ $workspaces == 8 && $packages == 14 ]] || fail "demo built $workspaces workspaces and $packages packages (expected 8 and 14)"
ok "demo --out: 8 workspaces with keys, 14 signed packages"
lap "demo --out"

PKG=$(ls "$TMP"/demo/usb/XM-*-plan-*.perfpkg | head -n1)
perfdesk verify --workspace "$TMP/demo/office" "$PKG" >"$TMP/verify.log" 2>&1 || { cat "$TMP/verify.log"; fail "verify (Ed25519) of $PKG"; }
ok "verify: the signature of ${PKG##*/} checks out ($(head -n1 "$TMP/verify.log"))"
lap "verify"

# --- 5. the window ------------------------------------------------------------------------------
if command -v Xvfb >/dev/null && command -v import >/dev/null; then
    display=81
    while [[ -e /tmp/.X11-unix/X$display || -e /tmp/.X$display-lock ]]; do display=$((display + 1)); done
    Xvfb ":$display" -screen 0 1440x900x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
    XVFB_PID=$!
    sleep 2
    # The package double-clicked: the window opens on the office's import screen with it.
    DISPLAY=:$display JAVA_TOOL_OPTIONS="-Dperfdesk.timing=true -Dprism.verbose=true -Djavafx.cachedir=$TMP/openjfx" \
        qemu-aarch64-static "$APP/bin/PerfDesk" --workspace "$TMP/demo/office" "$PKG" >"$TMP/window.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1200); do
        grep -q 'window shown after' "$TMP/window.log" && break
        kill -0 "$APP_PID" 2>/dev/null || { cat "$TMP/window.log"; fail "the window program ended early"; }
        sleep 0.5
    done
    grep -q 'window shown after' "$TMP/window.log" || { cat "$TMP/window.log"; fail "no window within 10 minutes"; }
    pipeline=$(sed -n 's/.*Initialized prism pipeline: com\.sun\.prism\.\([a-z0-9]*\)\..*/\1/p' "$TMP/window.log" | head -n1)
    lap "window shown ($(grep -o 'window shown after [0-9]* ms' "$TMP/window.log"), JavaFX drawing: ${pipeline:-?})"
    # Emulated, the window stays blank for a minute or two after it first shows, while the
    # workspace opens and the import screen reads the package: screenshots every 10 s until
    # one has content, then one more after the screen has settled.
    mkdir -p "$ROOT/target/installer"
    SHOT=$ROOT/target/installer/test-window-arm64.png
    colours=0
    for _ in $(seq 60); do
        sleep 10
        DISPLAY=:$display import -window root "$SHOT"
        colours=$(convert "$SHOT" -format %k info:)
        [[ $colours -gt 50 ]] && break
        kill -0 "$APP_PID" 2>/dev/null || { cat "$TMP/window.log"; fail "the window program ended early"; }
    done
    [[ $colours -gt 50 ]] || fail "the window stayed blank for 10 minutes ($colours colours)"
    lap "window painted"
    sleep 15
    DISPLAY=:$display import -window root "$SHOT"
    colours=$(convert "$SHOT" -format %k info:)
    [[ $colours -gt 50 ]] || fail "the screenshot is nearly blank ($colours colours)"
    kill "$APP_PID" && APP_PID=
    kill "$XVFB_PID" && XVFB_PID=
    ok "window: $(grep -o 'window shown after [0-9]* ms' "$TMP/window.log"); screenshot target/installer/test-window-arm64.png, $colours colours (look at it: Chinese text, the import screen with the package, the passphrase dialog)"
else
    echo "$SCRIPT: skipped the window check (needs Xvfb and ImageMagick's import)"
fi
echo "$SCRIPT: all checks passed in $((SECONDS - STARTED)) s"
