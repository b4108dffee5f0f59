# CaseDesk desktop for Windows: dist\casedesk\casedesk.exe (+ casedesk-cli.exe), optionally
# signed, optionally packed into an installer. The Windows twin of scripts/build-desktop.
# NOT YET RUN ON WINDOWS: see packaging/windows/README.md for what was and was not tried.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#   $env:CASEDESK_SIGN_PFX = "C:\keys\casedesk.pfx"; $env:CASEDESK_SIGN_PASSWORD = "..."   (optional)
#
# Needs: 64-bit Python 3.11 (py launcher), and for the installer Inno Setup 6 (iscc.exe on PATH
# or in its default folder); for signing, signtool.exe from the Windows SDK.
$ErrorActionPreference = "Stop"
Set-Location (Resolve-Path "$PSScriptRoot\..\..")
$work = "build\desktop-win"
if (Test-Path $work) { Remove-Item -Recurse -Force $work }
if (Test-Path "dist\casedesk") { Remove-Item -Recurse -Force "dist\casedesk" }
New-Item -ItemType Directory -Force "$work\wheel", "$work\site" | Out-Null

# A clean build environment: the wheel's runtime dependencies (all have win_amd64 wheels) + PyInstaller.
py -3.11 -m venv "$work\venv"
$py = "$work\venv\Scripts\python.exe"
& $py -m pip install -q --upgrade pip
# The wheel as pip builds it: setup.py compiles the .qm with PySide6's lrelease.exe.
& $py -m pip wheel --no-deps -q -w "$work\wheel" .
if ($LASTEXITCODE -ne 0) { throw "wheel build failed" }
$wheel = (Get-ChildItem "$work\wheel\casedesk-*.whl").FullName
& $py -m pip install -q --only-binary=:all: "$wheel[build]"
if ($LASTEXITCODE -ne 0) { throw "dependencies failed to install (a package without a win_amd64 wheel?)" }
& $py -m zipfile -e $wheel "$work\site"

$env:CASEDESK_SITE = "$work\site"
& $py -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath "$work\pyinstaller" packaging\casedesk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# A first check before anything is signed: the console twin runs and finds its data.
& "dist\casedesk\casedesk-cli.exe" --help | Out-Null
if ($LASTEXITCODE -ne 0) { throw "dist\casedesk\casedesk-cli.exe --help failed" }

if ($env:CASEDESK_SIGN_PFX) {
    # Sign our two programs (SmartScreen and antivirus judge the .exe); timestamped, so the
    # signature outlives the certificate.
    $files = @("dist\casedesk\casedesk.exe", "dist\casedesk\casedesk-cli.exe")
    & signtool sign /fd SHA256 /f $env:CASEDESK_SIGN_PFX /p $env:CASEDESK_SIGN_PASSWORD `
        /tr http://timestamp.digicert.com /td SHA256 /d "CaseDesk" @files
    if ($LASTEXITCODE -ne 0) { throw "signing failed" }
}

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc -and (Test-Path "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe")) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if ($iscc) {
    $version = & $py -c "import sys; sys.path.insert(0, r'$work\site'); import app; print(app.__version__)"
    & $iscc "/DAppVersion=$version" packaging\windows\casedesk.iss
    if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
    if ($env:CASEDESK_SIGN_PFX) {
        & signtool sign /fd SHA256 /f $env:CASEDESK_SIGN_PFX /p $env:CASEDESK_SIGN_PASSWORD `
            /tr http://timestamp.digicert.com /td SHA256 /d "CaseDesk setup" "dist\CaseDesk-$version-setup.exe"
    }
} else {
    Write-Host "Inno Setup not found: dist\casedesk is the program folder, no installer made"
}
$size = "{0:N0} MB" -f ((Get-ChildItem -Recurse dist\casedesk | Measure-Object -Sum Length).Sum / 1MB)
Write-Host "built dist\casedesk: $size"
