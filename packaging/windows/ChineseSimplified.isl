; Simplified Chinese texts of the installer wizard (the messages a cadre sees). Inno Setup's
; own Default.isl is loaded first (fieldapp.iss: "compiler:Default.isl,ChineseSimplified.isl"),
; so a message not translated here shows in English rather than failing.
; Saved as UTF-8 with a BOM.

[LangOptions]
LanguageName=简体中文
LanguageID=$0804
LanguageCodePage=0

[Messages]
SetupAppTitle=安装
SetupWindowTitle=安装 - %1
UninstallAppTitle=卸载
UninstallAppFullTitle=卸载 %1
ButtonBack=< 上一步(&B)
ButtonNext=下一步(&N) >
ButtonInstall=安装(&I)
ButtonOK=确定
ButtonCancel=取消
ButtonYes=是(&Y)
ButtonNo=否(&N)
ButtonFinish=完成(&F)
ButtonBrowse=浏览(&B)...
ButtonWizardBrowse=浏览(&R)...
ExitSetupTitle=退出安装
ExitSetupMessage=安装还没有完成。现在退出，程序不会被安装。%n%n以后可以再次运行安装程序完成安装。%n%n确定退出安装吗？
WelcomeLabel1=欢迎安装 [name]
WelcomeLabel2=即将在这台电脑上安装 [name/ver]。%n%n不需要管理员权限。已有的台账和备份会保留。%n%n建议先关闭正在运行的 [name]。
WizardSelectDir=选择安装位置
SelectDirDesc=把 [name] 安装到哪里？
SelectDirLabel3=安装程序将把 [name] 安装到下面的文件夹。
SelectDirBrowseLabel=点击“下一步”继续。如要选择其他文件夹，请点击“浏览”。
DiskSpaceMBLabel=至少需要 [mb] MB 的可用磁盘空间。
WizardSelectTasks=选择附加任务
SelectTasksDesc=还要做哪些事？
SelectTasksLabel2=请选择安装 [name] 时要做的附加任务，然后点击“下一步”。
WizardReady=准备安装
ReadyLabel1=安装程序已准备好在这台电脑上安装 [name]。
ReadyLabel2a=点击“安装”开始安装；如要检查或修改设置，请点击“上一步”。
ReadyLabel2b=点击“安装”开始安装。
ReadyMemoDir=安装位置：
ReadyMemoTasks=附加任务：
WizardPreparing=正在准备安装
PreparingDesc=正在准备在这台电脑上安装 [name]。
WizardInstalling=正在安装
InstallingLabel=正在安装 [name]，请稍候。
FinishedHeadingLabel=[name] 安装完成
FinishedLabelNoIcons=[name] 已安装在这台电脑上。
FinishedLabel=[name] 已安装在这台电脑上。可以从桌面或开始菜单的快捷方式打开。
ClickFinish=点击“完成”退出安装程序。
ConfirmUninstall=确定要卸载 %1 吗？%n%n台账、备份和设置不会删除。
UninstallStatusLabel=正在卸载 %1，请稍候。
UninstalledAll=%1 已卸载。
UninstalledMost=%1 已卸载。%n%n有些文件没能删除，可以手动删除。
StatusUninstalling=正在卸载 %1...
StatusExtractFiles=正在复制文件...
StatusCreateIcons=正在创建快捷方式...
StatusRunProgram=正在完成安装...
StatusRollback=正在撤消更改...
SetupAlreadyRunning=安装程序已经在运行。
WindowsVersionNotSupported=这个程序不支持这台电脑的 Windows 版本。
ErrorTooManyFilesInDir=无法在文件夹“%1”中创建文件：文件太多。

[CustomMessages]
NameAndVersion=%1 版本 %2
AdditionalIcons=快捷方式：
CreateDesktopIcon=在桌面上创建快捷方式(&D)
LaunchProgram=运行 %1
UninstallProgram=卸载 %1
