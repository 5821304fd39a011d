<#
Builds PerfDesk for Windows x64: the app-image target\installer\PerfDesk\, a machine-wide
PerfDesk-<version>.msi (for IT departments; needs administrator rights to install) and a
per-user PerfDesk-<version>.exe (installs under %LOCALAPPDATA%\PerfDesk, no administrator rights).

    powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
    (set $env:SKIP_MAVEN = '1' first to reuse target\perfdesk.jar)

Needs: a JDK 17+ with jmods (JAVA_HOME), Maven 3.8+, and the WiX Toolset 3 (3.11 or 3.14:
candle.exe and light.exe on PATH; jpackage 17 does not know WiX 4 or later).

The same steps as packaging/build-linux.sh and packaging/lib/common.sh, with the same inputs
(jlink.args, runtime-modules.txt, jpackage-common.args, jpackage-app.args, perfpkg.properties,
icons\). Keep them in step. Not run by the author (written on Linux): run it once on Windows
before the first release and fix what it finds.
#>
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Script = 'build.ps1'
# Windows Installer's UpgradeCode: a newer .msi (or .exe) with the same code replaces the
# installed version instead of installing beside it. Generated once; never change it.
$UpgradeUuid = '75a9f716-b863-4298-9824-9dab1d606e3c'
$Work = 'target\jpackage'
$Dest = 'target\installer'

function Die([string]$Message) {
    [Console]::Error.WriteLine("${Script}: error: $Message")
    exit 1
}
function Say([string]$Message) {
    Write-Host "${Script}: $Message"
}
function Need([string]$Command, [string]$How) {
    if (-not (Get-Command $Command -ErrorAction SilentlyContinue)) { Die "'$Command' not found. $How" }
}
# After each program: PowerShell does not stop on a program's non-zero exit status by itself.
function Check([string]$What) {
    if ($LASTEXITCODE -ne 0) { Die "$What failed (exit status $LASTEXITCODE)" }
}

Set-Location (Resolve-Path "$PSScriptRoot\..\..")

# --- the JDK and WiX --------------------------------------------------------------------------
if (-not $env:JAVA_HOME) { Die 'JAVA_HOME is not set: point it at a JDK 17 or newer' }
$Bin = Join-Path $env:JAVA_HOME 'bin'
foreach ($tool in 'java', 'jar', 'jdeps', 'jlink', 'jpackage') {
    if (-not (Test-Path (Join-Path $Bin "$tool.exe"))) { Die "$Bin\$tool.exe missing: JAVA_HOME must be a full JDK 17 or newer" }
}
$Major = [int](((& (Join-Path $Bin 'jpackage.exe') --version) -split '\.')[0])
if ($Major -lt 17) { Die "jpackage in $env:JAVA_HOME is version $Major; JDK 17 or newer is needed" }
if (-not (Test-Path (Join-Path $env:JAVA_HOME 'jmods\java.base.jmod'))) { Die "$env:JAVA_HOME\jmods is missing: jlink needs the JDK's jmods" }
Need 'candle.exe' 'Install the WiX Toolset 3 (https://github.com/wixtoolset/wix3/releases, wix314.exe) and put its bin folder on PATH.'
Need 'light.exe' 'Install the WiX Toolset 3 and put its bin folder on PATH.'

# --- the jar ----------------------------------------------------------------------------------
if ($env:SKIP_MAVEN -eq '1') {
    Say 'SKIP_MAVEN=1: using the existing target\perfdesk.jar'
} else {
    Need 'mvn' 'Install Maven 3.8 or newer and put it on PATH.'
    Say 'building the jar: mvn -B -q -DskipTests package'
    & mvn -B -q -DskipTests package; Check 'mvn package'
}
if (-not (Test-Path 'target\perfdesk.jar') -or -not (Test-Path 'target\lib')) { Die 'target\perfdesk.jar or target\lib missing after the build' }

# "PerfDesk 0.1.0" or "PerfDesk 0.2.0-SNAPSHOT": jpackage wants the numbers only.
$VersionLine = & (Join-Path $Bin 'java.exe') -jar target\perfdesk.jar --version
if ("$VersionLine" -notmatch '(\d+(\.\d+){0,2})') { Die "cannot read a numeric version from '$VersionLine'" }
$Version = $Matches[1]
Say "version $Version, JDK $env:JAVA_HOME"

# --- the trimmed runtime (see packaging/runtime-modules.txt and jlink.args) ------------------
$Found = & (Join-Path $Bin 'jdeps.exe') --print-module-deps --ignore-missing-deps --multi-release 17 `
    --module-path target\lib --add-modules ALL-MODULE-PATH target\perfdesk.jar
if ($LASTEXITCODE -ne 0) { Die 'jdeps failed on target\perfdesk.jar and target\lib' }
$Extra = Get-Content packaging\runtime-modules.txt | ForEach-Object { ($_ -replace '#.*', '').Trim() } | Where-Object { $_ }
$Modules = (@("$Found".Trim()) + $Extra) -join ','
Say "runtime modules: $Modules"
if (Test-Path "$Work\runtime") { Remove-Item -Recurse -Force "$Work\runtime" }
New-Item -ItemType Directory -Force $Work | Out-Null
# '@...' in quotes: unquoted, PowerShell would read @packaging as splatting.
& (Join-Path $Bin 'jlink.exe') --add-modules $Modules '@packaging/jlink.args' --output "$Work\runtime"; Check 'jlink'
Get-ChildItem "$Work\runtime" -Recurse -Filter 'classes_nocoops.jsa' | Remove-Item -Force

# --- jpackage's input: the jar and lib\ only --------------------------------------------------
if (Test-Path "$Work\input") { Remove-Item -Recurse -Force "$Work\input" }
New-Item -ItemType Directory -Force "$Work\input" | Out-Null
Copy-Item target\perfdesk.jar "$Work\input\"
Copy-Item -Recurse target\lib "$Work\input\lib"

# The file association with the Windows icon; ASCII, as the shared file (\u escapes).
$FileAssociation = "$Work\perfpkg.properties"
Copy-Item packaging\perfpkg.properties $FileAssociation
Add-Content -Encoding ascii $FileAssociation 'icon=packaging/icons/perfpkg.ico'

if (Test-Path $Dest) { Remove-Item -Recurse -Force $Dest }
New-Item -ItemType Directory -Force $Dest | Out-Null

# jpackage reads the @files in the default encoding: UTF-8 for the Chinese description. Its
# own locale picks the WiX language file: the Chinese one (code page 936) lets the Chinese
# description into the .msi, which the English one (code page 1252) refuses (WiX error
# LGHT0311), and gives the installer's own dialogs in Chinese, as the program's users read.
$JPackage = Join-Path $Bin 'jpackage.exe'
$Common = @('-J-Dfile.encoding=UTF-8', '-J-Duser.language=zh', '-J-Duser.country=CN', '@packaging/jpackage-common.args')

Say "app-image -> $Dest\PerfDesk"
# perfdesk-cli.exe: PerfDesk.exe is a window program, without a console for the commands.
& $JPackage @Common --type app-image '@packaging/jpackage-app.args' --app-version $Version `
    --icon packaging/icons/perfdesk.ico `
    --add-launcher 'perfdesk-cli=packaging/windows/perfdesk-cli.properties'
Check 'jpackage (app-image)'

# Options both installers share: start-menu folder and desktop shortcut, the folder can be
# chosen, .perfpkg opens PerfDesk, and the fixed upgrade code.
$Installer = @('--app-image', "$Dest\PerfDesk", '--app-version', $Version,
    '--file-associations', $FileAssociation,
    '--win-menu', '--win-menu-group', 'PerfDesk', '--win-shortcut', '--win-dir-chooser',
    '--win-upgrade-uuid', $UpgradeUuid)

Say "msi (all users, C:\Program Files\PerfDesk) -> $Dest"
& $JPackage @Common --type msi @Installer; Check 'jpackage (msi)'

Say "exe (this user only, no administrator rights) -> $Dest"
& $JPackage @Common --type exe @Installer --win-per-user-install; Check 'jpackage (exe)'

Say 'done:'
Get-ChildItem $Dest -File | ForEach-Object { '{0,10:N1} MB  {1}' -f ($_.Length / 1MB), $_.Name }
