; Inno Setup 6 script (a sketch, NOT YET COMPILED): the installer for dist\casedesk.
; packaging\windows\build.ps1 runs it as: iscc /DAppVersion=X.Y.Z packaging\windows\casedesk.iss
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{5E0C2C1B-7C3D-4B4E-9A51-CA5ED35C0019}
AppName=CaseDesk 个案管理工作站
AppVersion={#AppVersion}
AppPublisher=CaseDesk
DefaultDirName={autopf}\CaseDesk
DefaultGroupName=CaseDesk
; Per-machine by default (IT installs once for every person of the desktop); a person
; without admin rights may choose "only for me" (installs under their own AppData).
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=CaseDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\casedesk.exe
; Signing the uninstaller too needs a SignTool defined in the IDE or with /S on the command line:
; SignTool=casedesk

[Languages]
; ChineseSimplified.isl: in Inno Setup's Languages folder in recent 6.x releases; with an older
; one, take it from the Inno Setup translations page and put it beside this script.
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\casedesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\CaseDesk 个案管理工作站"; Filename: "{app}\casedesk.exe"
Name: "{group}\CaseDesk 共用工作站 (station)"; Filename: "{app}\casedesk.exe"; Parameters: "--station"
Name: "{autodesktop}\CaseDesk 个案管理工作站"; Filename: "{app}\casedesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\casedesk.exe"; Description: "{cm:LaunchProgram,CaseDesk}"; Flags: nowait postinstall skipifsilent

; Uninstalling removes the program only: profiles (encrypted patient data, under the person's
; AppData\Local\CaseDesk) and their keys in Credential Manager stay, so a reinstall or an
; upgrade finds them. Removing a person's data is the workstation's own 从本机移除….
