#!/usr/bin/env bash
# Builds PerfDesk for Linux: the jar (Maven), a trimmed Java runtime (jlink), the app-image
# target/installer/PerfDesk/ and the Debian package target/installer/perfdesk_<version>_<arch>.deb.
#
#   packaging/build-linux.sh            (from anywhere; SKIP_MAVEN=1 reuses target/perfdesk.jar)
#   packaging/build-linux.sh --arch arm64
#                                       (on an amd64 machine: the arm64 app-image
#                                        target/installer/arm64/PerfDesk/ and .deb, through qemu;
#                                        see lib/arm64.sh)
#
# Needs a JDK 17+ with jmods (JAVA_HOME, else the one jpackage on PATH belongs to), Maven,
# fakeroot and dpkg-deb; for arm64 also the arm64 JDK and qemu-user-static (packaging/README.md).
# packaging/test-linux.sh [--arch arm64] installs and checks the result (as root).
set -euo pipefail

SCRIPT=build-linux.sh
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=lib/common.sh
source packaging/lib/common.sh

ARCH=
while [[ $# -gt 0 ]]; do
    case $1 in
        --arch) ARCH=${2:-}; shift 2 || die "--arch needs amd64 or arm64" ;;
        --arch=*) ARCH=${1#--arch=}; shift ;;
        *) die "unknown argument '$1' (usage: packaging/build-linux.sh [--arch amd64|arm64])" ;;
    esac
done

[[ $(uname -s) == Linux ]] || die "this script builds the Linux packages; see packaging/README.md for Windows and macOS"
need jpackage "Install a JDK 17 (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless), or set JAVA_HOME."
need fakeroot "jpackage builds the .deb under fakeroot: apt-get install fakeroot"
need dpkg-deb "jpackage builds the .deb with dpkg-deb: apt-get install dpkg-dev (dpkg-deb comes with dpkg)"
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v jpackage)")")")}
check_jdk
ARCH=${ARCH:-$(dpkg --print-architecture)}
case $ARCH in
    "$(dpkg --print-architecture)") CROSS=0 ;;
    arm64)
        CROSS=1
        # shellcheck source=lib/arm64.sh
        source packaging/lib/arm64.sh
        check_arm64_tools
        ;;
    *) die "--arch $ARCH: this machine builds $(dpkg --print-architecture), and arm64 on amd64" ;;
esac

build_jar
VERSION=$(app_version)
say "version $VERSION, JDK $JAVA_HOME"

if [[ $CROSS == 0 ]]; then
    make_runtime
    stage_input
    # Only this architecture's outputs: an arm64 build's stay.
    rm -rf "$DEST/PerfDesk" "$DEST"/perfdesk_*_"$ARCH".deb
    mkdir -p "$DEST"

    say "app-image -> $DEST/PerfDesk"
    run_jpackage --type app-image @packaging/jpackage-app.args --app-version "$VERSION" --icon packaging/icons/perfdesk.png
    IMAGE=$DEST/PerfDesk
    DEPS="libgtk-3-0, fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"
    DEB_PATH=$PATH
else
    say "$ARCH: JDK $TARGET_JDK through qemu"
    fetch_javafx_arm64
    lap "jar and JavaFX $FX_PLATFORM jars"
    make_runtime_arm64
    stage_input_arm64
    # Only this architecture's outputs: the other's app-image and .deb stay.
    rm -rf "$IMAGE_DEST" "$DEST"/perfdesk_*_"$ARCH".deb
    mkdir -p "$IMAGE_DEST"

    say "app-image -> $IMAGE_DEST/PerfDesk (the arm64 jpackage under qemu)"
    run_jpackage_arm64 --type app-image @packaging/jpackage-app.args --app-version "$VERSION" \
        --icon packaging/icons/perfdesk.png --dest "$IMAGE_DEST"
    IMAGE=$IMAGE_DEST/PerfDesk
    file -L "$IMAGE/bin/PerfDesk" | grep -q 'ARM aarch64' || die "$IMAGE/bin/PerfDesk is not an aarch64 program"
    lap "app-image"
    GLIBC=$(glibc_floor "$IMAGE")
    [[ $GLIBC =~ ^2\.[0-9]+$ ]] || die "could not read the glibc version the arm64 files need (objdump -T, from binutils)"
    say "the arm64 files need glibc $GLIBC or newer (libc6 (>= $GLIBC))"
    DEPS="libc6 (>= $GLIBC), $ARM64_LIBS"
    DEB_PATH=$(dpkg_says_arm64):$PATH
fi

# The .deb packs the app-image just built, so what was built is what gets installed.
# --linux-app-category is the Debian section: Debian has no "office" section; the menu
# category (Office) comes from --linux-menu-group.
# packaging/linux/PerfDesk.desktop replaces jpackage's menu entry, which would not pass the
# double-clicked file to the program.
# Depends, beyond the libraries jpackage finds itself: JavaFX's window needs GTK 3 (its native
# code sits inside the jars, where jpackage does not look) and Chinese text needs a CJK font.
# (arm64: jpackage finds none itself, lib/arm64.sh names them all.)
say "deb -> $DEST"
FA=$(file_association packaging/icons/perfpkg.png)
PATH=$DEB_PATH run_jpackage --type deb --app-image "$IMAGE" --app-version "$VERSION" \
    --icon packaging/icons/perfdesk.png \
    --resource-dir packaging/linux \
    --file-associations "$FA" \
    --linux-package-name perfdesk \
    --linux-deb-maintainer "${DEB_MAINTAINER:-perfdesk@example.org}" \
    --linux-menu-group Office \
    --linux-app-category misc \
    --linux-shortcut \
    --linux-package-deps "$DEPS"

DEB=$(ls "$DEST"/perfdesk_"$VERSION"*_"$ARCH".deb 2>/dev/null | head -n1) || true
[[ -n $DEB ]] || die "jpackage finished but no perfdesk_${VERSION}*_$ARCH.deb in $DEST"
[[ $(dpkg-deb -f "$DEB" Architecture) == "$ARCH" ]] || die "$DEB says Architecture: $(dpkg-deb -f "$DEB" Architecture), not $ARCH"
[[ $CROSS == 0 ]] || lap "deb"
say "done:"
du -sh "$IMAGE" "$DEB"
