; Inno Setup script: the Windows installer of the desktop app (工会结对帮扶台账).
;
;   iscc /DAppVersion=0.1.0 packaging\windows\fieldapp.iss
;
; AppVersion is fieldapp.__version__ (the CI workflow .github/workflows/windows.yml reads it and
; passes it); BundleDir is the PyInstaller folder built with packaging\fieldapp.spec.
; Per-user install (no administrator rights): the program goes to
; %LOCALAPPDATA%\Programs\fieldapp. The ledgers are NOT in it: they live in the user's data
; folder %LOCALAPPDATA%\fieldapp (platformdirs, src/fieldapp/paths.py) and the preferences in
; %APPDATA%\fieldapp, which this installer never writes and its uninstaller never deletes, so
; an upgrade or an uninstall keeps every ledger and backup.
; Saved as UTF-8 with a BOM (Inno Setup 6 needs it for the Chinese texts).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (fieldapp.__version__)
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\bundle\dist\fieldapp"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\build\installer"
#endif
#define AppName "工会结对帮扶台账"
#define AppExe "fieldapp.exe"

[Setup]
; the same AppId for every release: a new version installs over the old one (an upgrade)
AppId={{1255B8C0-5FA7-4BEA-99A2-90254DBCBEF7}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=fieldapp
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={autopf}\fieldapp
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=fieldapp.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir={#OutputDir}
OutputBaseFilename=fieldapp-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
CloseApplications=yes

[Languages]
; Inno Setup ships no Simplified Chinese (its ChineseSimplified.isl is an unofficial one), so
; our own short ChineseSimplified.isl overrides the texts a cadre sees over the English defaults
Name: "chs"; MessagesFile: "compiler:Default.isl,ChineseSimplified.isl"

[CustomMessages]
chs.DataKept=已卸载程序。您的台账、备份和设置保留在 %1 ，没有删除；重新安装后可以继续使用。如确实不再需要，可以手动删除这个文件夹。
chs.UninstallShortcut=卸载 {#AppName}

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; an upgrade replaces the whole program folder's bundle (no stale libraries of the old
; version); the user's data is elsewhere and is not touched
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallShortcut}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: only the files installed above are removed. The data folder
; {localappdata}\fieldapp (ledgers, automatic backups' settings) and {userappdata}\fieldapp
; (preferences) stay, across upgrades and after an uninstall.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and (not UninstallSilent()) then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\fieldapp')]),
      mbInformation, MB_OK);
end;
