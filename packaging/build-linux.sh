#!/usr/bin/env bash
# Builds PerfDesk for Linux: the jar (Maven), a trimmed Java runtime (jlink), the app-image
# target/installer/PerfDesk/ and the Debian package target/installer/perfdesk_<version>_<arch>.deb.
#
#   packaging/build-linux.sh            (from anywhere; SKIP_MAVEN=1 reuses target/perfdesk.jar)
#
# Needs a JDK 17+ with jmods (JAVA_HOME, else the one jpackage on PATH belongs to), Maven,
# fakeroot and dpkg-deb. packaging/test-linux.sh installs and checks the result (as root).
set -euo pipefail

SCRIPT=build-linux.sh
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=lib/common.sh
source packaging/lib/common.sh

[[ $(uname -s) == Linux ]] || die "this script builds the Linux packages; see packaging/README.md for Windows and macOS"
need jpackage "Install a JDK 17 (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless), or set JAVA_HOME."
need fakeroot "jpackage builds the .deb under fakeroot: apt-get install fakeroot"
need dpkg-deb "jpackage builds the .deb with dpkg-deb: apt-get install dpkg-dev (dpkg-deb comes with dpkg)"
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v jpackage)")")")}
check_jdk

build_jar
VERSION=$(app_version)
say "version $VERSION, JDK $JAVA_HOME"

make_runtime
stage_input
rm -rf "$DEST"
mkdir -p "$DEST"

say "app-image -> $DEST/PerfDesk"
run_jpackage --type app-image @packaging/jpackage-app.args --app-version "$VERSION" --icon packaging/icons/perfdesk.png

# The .deb packs the app-image just built, so what was built is what gets installed.
# --linux-app-category is the Debian section: Debian has no "office" section; the menu
# category (Office) comes from --linux-menu-group.
# packaging/linux/PerfDesk.desktop replaces jpackage's menu entry, which would not pass the
# double-clicked file to the program.
# Depends, beyond the libraries jpackage finds itself: JavaFX's window needs GTK 3 (its native
# code sits inside the jars, where jpackage does not look) and Chinese text needs a CJK font.
say "deb -> $DEST"
FA=$(file_association packaging/icons/perfpkg.png)
run_jpackage --type deb --app-image "$DEST/PerfDesk" --app-version "$VERSION" \
    --icon packaging/icons/perfdesk.png \
    --resource-dir packaging/linux \
    --file-associations "$FA" \
    --linux-package-name perfdesk \
    --linux-deb-maintainer "${DEB_MAINTAINER:-perfdesk@example.org}" \
    --linux-menu-group Office \
    --linux-app-category misc \
    --linux-shortcut \
    --linux-package-deps "libgtk-3-0, fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"

DEB=$(ls "$DEST"/perfdesk_"$VERSION"*.deb 2>/dev/null | head -n1) || true
[[ -n $DEB ]] || die "jpackage finished but no perfdesk_${VERSION}*.deb in $DEST"
say "done:"
du -sh "$DEST/PerfDesk" "$DEB"
