<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AssessmentForm</name>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="41" />
        <source> 元</source>
        <translation> yuan</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="64" />
        <source>次要致困原因（最多3项）</source>
        <translation>Secondary causes of hardship (up to 3)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="71" />
        <source>本年遭受自然灾害或重大意外</source>
        <translation>Natural disaster or serious accident this year</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="93" />
        <source>家庭人口(&amp;Z)</source>
        <translation>Household si&amp;ze</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="94" />
        <source>家庭年收入(&amp;Y)</source>
        <translation>Annual household income (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="95" />
        <source>刚性支出（医疗、上学等，年）</source>
        <translation>Rigid spending (medical, school…, per year)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="96" />
        <source>主要致困原因(&amp;C)</source>
        <translation>Main &amp;cause of hardship</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="98" />
        <source>评定日期</source>
        <translation>Assessed on</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="109" />
        <source>记录本次评定</source>
        <translation>Record this assessment</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="165" />
        <source>上次评定：%1，%2（人均月收入 %3 元，当时低保标准 %4 元/月）</source>
        <translation>Last assessment: %1, %2 (income per head %3 yuan/month; dibao standard then %4 yuan/month)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="173" />
        <source>尚未评定。</source>
        <translation>Not assessed yet.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="179" />
        <source>家庭年收入</source>
        <translation>annual household income</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="182" />
        <source>刚性支出（医疗＋子女上学）</source>
        <translation>rigid spending (medical + schooling)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="184" />
        <source>%1取自 %2 登记的收入与支出情况，请核对。</source>
        <translation>%1 taken from the income and expenses recorded on %2; please check.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="216" />
        <source>按现填数字评定为：%1（人均月收入 %2 元；%3）</source>
        <translation>With these figures: %1 (income per head %2 yuan/month; %3)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="238" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="239" />
        <source>评定未能保存</source>
        <translation>Assessment not saved</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <location filename="../../src/fieldapp/ui/attachment_viewer.py" line="47" />
        <source>查看附件 — %1（%2）</source>
        <translation>Attachment — %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/attachment_viewer.py" line="54" />
        <source>正在打开…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/attachment_viewer.py" line="61" />
        <source>放大(&amp;+)</source>
        <translation>Zoom in (&amp;+)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/attachment_viewer.py" line="62" />
        <source>缩小(&amp;-)</source>
        <translation>Zoom out (&amp;-)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/attachment_viewer.py" line="63" />
        <source>适应窗口(&amp;0)</source>
        <translation>Fit to window (&amp;0)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/attachment_viewer.py" line="64" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/attachment_viewer.py" line="94" />
        <source>正在打开附件…</source>
        <translation>Opening the attachment…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/attachment_viewer.py" line="99" />
        <source>这个附件不是照片（例如PDF），不能在这里显示。</source>
        <translation>This attachment is not a photo (e.g. a PDF) and cannot be shown here.</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <location filename="../../src/fieldapp/ui/autobackup.py" line="52" />
        <source>已自动备份并核对：%1</source>
        <translation>Backed up automatically and checked: %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/autobackup.py" line="56" />
        <source>自动备份没有完成：%1</source>
        <translation>Automatic backup not done: %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/autobackup.py" line="66" />
        <source>选择自动备份的位置（另一个文件夹或U盘）</source>
        <translation>Choose where automatic backups go (another folder or a USB stick)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/autobackup.py" line="75" />
        <source>备份没有完成</source>
        <translation>Backup not done</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/autobackup.py" line="79" />
        <source>备份位置</source>
        <translation>Backup location</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/autobackup.py" line="80" />
        <source>今后每次启动和每工作 %1 小时都会备份到 %2（保留最近 %3 份）。
已备份并核对：%4</source>
        <translation>From now on a backup goes to %2 at every start and every %1 hours of work (the last %3 are kept).
Backed up and checked: %4</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/autobackup.py" line="103" />
        <source>选择要恢复的备份（fieldapp-backup-… 文件夹）</source>
        <translation>Choose the backup to restore (a fieldapp-backup-… folder)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/autobackup.py" line="111" />
        <source>这个备份属于另一个台账（或另一份恢复码），不能在这里恢复。在新电脑上请用命令 fieldapp restore 备份文件夹 --code 恢复码。</source>
        <translation>This backup belongs to another ledger (or another recovery code) and cannot be restored here. On a new computer use the command fieldapp restore BACKUP_FOLDER --code RECOVERY_CODE.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/autobackup.py" line="117" />
        <source>不能用这个备份恢复</source>
        <translation>Cannot restore from this backup</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/autobackup.py" line="119" />
        <source>用 %1 的备份替换现在的台账？
现在的台账会移到数据文件夹中的 replaced-before-restore-… 文件夹，不会删除。
恢复后程序将关闭，请重新打开。</source>
        <translation>Replace the current ledger with the backup of %1?
The current ledger is moved to a replaced-before-restore-… folder in the data folder, not deleted.
The program closes after the restore; open it again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/autobackup.py" line="126" />
        <source>从备份恢复</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/autobackup.py" line="138" />
        <source>恢复没有完成</source>
        <translation>Restore not done</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/autobackup.py" line="143" />
        <source>已从备份恢复</source>
        <translation>Restored from the backup</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/autobackup.py" line="144" />
        <source>已恢复 %1 的备份。原来的台账在 %2。程序现在关闭，请重新打开。</source>
        <translation>The backup of %1 is restored. The previous ledger is in %2. The program closes now; open it again.</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="193" />
        <source>未选择：不自动备份</source>
        <translation>Not chosen: no automatic backups</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="194" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="203" />
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="207" />
        <source> 份</source>
        <translation> copies</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="211" />
        <source>备份位置（另一个文件夹或U盘）</source>
        <translation>Backup location (another folder or a USB stick)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="212" />
        <source>每工作多少小时备份一次（1–168）</source>
        <translation>Back up after how many hours of work (1–168)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="213" />
        <source>保留最近几份（1–100）</source>
        <translation>Keep the latest (1–100)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="214" />
        <source>上次自动备份</source>
        <translation>Last automatic backup</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="217" />
        <source>每次启动和每工作一段时间，都会把整个台账加密备份到这里并核对；超过份数的旧备份自动删除。备份位置不能在数据文件夹里面。</source>
        <translation>At every start and after each stretch of work the whole ledger is backed up here, encrypted, and checked; older backups beyond the number kept are deleted. The location cannot be inside the data folder.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="633" />
        <source>自动备份</source>
        <translation>Automatic backups</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="636" />
        <source>每次启动和每工作4小时，台账会加密备份到您选的另一个文件夹或U盘，并核对。现在不选可以按“完成”，以后在 文件 → 备份位置… 中选择。</source>
        <translation>At every start and every 4 hours of work the ledger is backed up, encrypted and checked, into another folder or USB stick you choose. To choose later, press Done and use File → Backup location….</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="640" />
        <source>如 E:\台账备份 或 /media/U盘/台账备份</source>
        <translation>e.g. E:\ledger-backup or /media/usb/ledger-backup</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="641" />
        <source>选择(&amp;B)…</source>
        <translation>Choose (&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="648" />
        <source>备份位置(&amp;T)</source>
        <translation>Backup loca&amp;tion</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="658" />
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="227" />
        <source>选择自动备份的位置（另一个文件夹或U盘）</source>
        <translation>Choose where automatic backups go (another folder or a USB stick)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="238" />
        <source>还没有</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="672" />
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="246" />
        <source>请填写完整的文件夹位置（如 E:\台账备份 或 /media/U盘/台账备份），或点“选择…”。</source>
        <translation>Enter the whole folder path (e.g. E:\ledger-backups or /media/usb/ledger-backups), or click “Choose…”.</translation>
    </message>
</context>
<context>
    <name>CadrePage</name>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="147" />
        <source>干部信息</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="149" />
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="49" />
        <source>这台电脑上的走访、评定和转介都记在这位干部名下；打印的联系卡也用这些信息。</source>
        <translation>Visits, assessments and referrals entered on this computer are recorded under this cadre; printed contact cards use these details too.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="151" />
        <source>如 王芳</source>
        <translation>e.g. Wang Fang</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="152" />
        <source>如 兰陵县总工会</source>
        <translation>e.g. Lanling County Trade Union</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="153" />
        <source>手机11位，或带区号的固定电话</source>
        <translation>11-digit mobile, or a landline with its area code</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="155" />
        <source>干部姓名(&amp;N)</source>
        <translation>Cadre &amp;name</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="156" />
        <source>所在单位(&amp;U)</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="157" />
        <source>联系电话(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="170" />
        <source>请填写干部姓名。</source>
        <translation>Enter the cadre's name.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="176" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="179" />
        <source>手机号如 13805391234，固定电话如 0539-1234567。</source>
        <translation>A mobile like 13805391234, a landline like 0539-1234567.</translation>
    </message>
</context>
<context>
    <name>Chips</name>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="23" />
        <source>住房安全</source>
        <translation>Housing safe</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="24" />
        <source>收入稳定</source>
        <translation>Income steady</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="25" />
        <source>家人身体健康</source>
        <translation>Family in good health</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="26" />
        <source>子女上学正常</source>
        <translation>Children at school as usual</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="27" />
        <source>老人有人照料</source>
        <translation>Elderly cared for</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="28" />
        <source>住房需维修</source>
        <translation>Housing needs repair</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="29" />
        <source>家人患病就医</source>
        <translation>Family member ill, in treatment</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="30" />
        <source>收入减少</source>
        <translation>Income fell</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="31" />
        <source>务工不稳定</source>
        <translation>Work unsteady</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="32" />
        <source>暂无新的诉求</source>
        <translation>No new requests</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="33" />
        <source>希望介绍本地工作</source>
        <translation>Wants a local job</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="34" />
        <source>希望参加技能培训</source>
        <translation>Wants skills training</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="35" />
        <source>申请医疗救助</source>
        <translation>Applies for medical aid</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="36" />
        <source>申请子女助学</source>
        <translation>Applies for school aid</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="37" />
        <source>帮助追讨欠薪</source>
        <translation>Help recover unpaid wages</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="38" />
        <source>申请生活救助</source>
        <translation>Applies for living aid</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="39" />
        <source>咨询社保政策</source>
        <translation>Asks about social insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="40" />
        <source>希望维修住房</source>
        <translation>Wants housing repaired</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="41" />
        <source>村干部</source>
        <translation>Village officials</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/chips.py" line="42" />
        <source>邻居</source>
        <translation>Neighbours</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="281" />
        <source>恢复码</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="284" />
        <source>忘记密码，或把台账复制到别的电脑时，只有用恢复码才能打开。它只显示这一次：请抄在纸上或打印出来，与电脑分开保管。</source>
        <translation>If you forget the password or copy the ledger to another computer, only the recovery code opens it. It is shown only this once: copy it onto paper or print it, and keep it apart from the laptop.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="296" />
        <source>打印恢复码(&amp;R)…</source>
        <translation>P&amp;rint the recovery code…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="316" />
        <source>抄好后，请对照纸上的恢复码输入下面两组（确认抄对了）：</source>
        <translation>Once copied, type these two groups from your paper (to check the copy is right):</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="329" />
        <source>第 %1 组(&amp;1)</source>
        <translation>Group %1 (&amp;1)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="330" />
        <source>第 %1 组(&amp;2)</source>
        <translation>Group %1 (&amp;2)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="346" />
        <source>第 %1 组不对：请对照恢复码重新抄写一遍，再输入这一组（4个字母或数字）。</source>
        <translation>Group %1 is wrong: copy the recovery code again, then type this group (4 letters or digits).</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="186" />
        <source>登记个人信息处理同意</source>
        <translation>Record consent to processing personal information</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="186" />
        <source>修改同意记录</source>
        <translation>Correct a consent</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="189" />
        <source>同意（不勾选即记录为撤回同意）</source>
        <translation>Given (untick to record a withdrawal)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="195" />
        <source>未满14周岁须由监护人同意</source>
        <translation>A guardian consents for a child under 14</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="198" />
        <source>同意事项(&amp;P)</source>
        <translation>&amp;Purpose</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="199" />
        <source>本人</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="201" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="202" />
        <source>告知书版本</source>
        <translation>Notice version</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="203" />
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="204" />
        <source>监护人关系</source>
        <translation>Guardian's relation</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="225" />
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="258" />
        <source>同意登记</source>
        <translation>Consent record</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="297" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="298" />
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="53" />
        <source>结对情况（每名干部2–4户）</source>
        <translation>Pairing (2–4 households per cadre)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="66" />
        <source>再摸底进度</source>
        <translation>Re-survey progress</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="76" />
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="93" />
        <source>走访期：%1 至 %2</source>
        <translation>Visit period: %1 to %2</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="96" />
        <source>%1（市总工会安排）</source>
        <translation>%1 (set by the city federation)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="99" />
        <source>已过走访期，仍有 %1 户未入户走访</source>
        <translation>The visit period is over; %1 households were not visited</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="105" />
        <source>已入户走访 %1 户，待走访 %2 户</source>
        <translation>%1 households visited, %2 to visit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="112" />
        <source>我（%1）已结对 %2 户</source>
        <translation>I (%1) am paired with %2 households</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="115" />
        <source>符合要求</source>
        <translation>within the rule</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="119" />
        <source>尚未设置“我是哪位干部”：在 设置 → 干部信息 中填写姓名。</source>
        <translation>You have not said which cadre you are: enter your name under Settings → Cadre.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="126" />
        <source>户</source>
        <translation>households</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="137" />
        <source>待办（%1 项，其中逾期 %2 项）</source>
        <translation>To do (%1 items, %2 overdue)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="142" />
        <source>没有到期的走访和转介跟进。</source>
        <translation>No visits or referral follow-ups are due.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="145" />
        <source>走访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="145" />
        <source>跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="147" />
        <source>逾期 %1 天</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="150" />
        <source>今天到期</source>
        <translation>due today</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="153" />
        <source>%1 天后到期</source>
        <translation>due in %1 days</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="167" />
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="168" />
        <source>转介</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="169" />
        <source>困难户信息</source>
        <translation>Household details</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="170" />
        <source>家庭成员</source>
        <translation>Family members</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="171" />
        <source>救助发放</source>
        <translation>Relief paid</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="172" />
        <source>同意登记</source>
        <translation>Consent record</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="173" />
        <source>困难评定</source>
        <translation>Hardship assessment</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="179" />
        <source>【草稿】%1　%2未保存（%3）
回车或双击继续填写</source>
        <translation>[Draft] %1: %2 not saved (%3)
Press Enter or double-click to go on</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="180" />
        <source>新建困难户</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="204" />
        <source>尚未走访</source>
        <translation>Not visited yet</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="205" />
        <source>上次走访 %1</source>
        <translation>Last visit %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="209" />
        <source>转介跟进：%1（%2，%3）</source>
        <translation>Referral follow-up: %1 (%2, %3)</translation>
    </message>
</context>
<context>
    <name>DibaoPage</name>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="596" />
        <source>本地低保标准</source>
        <translation>Local minimum living standard</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="599" />
        <source>困难类别按当地民政部门公布的低保标准计算。市总工会还没有发来本地标准：请填写，或按“下一步”以后在 文件 → 设置 中填写。</source>
        <translation>Hardship categories are computed from the local minimum living standard published by civil affairs. The federation has not sent it yet: enter it, or press Next and enter it later under File → Settings.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="603" />
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="86" />
        <source>如 900</source>
        <translation>e.g. 900</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="605" />
        <source>本地低保标准（元/月）(&amp;D)</source>
        <translation>Local minimum living standard (yuan/month) (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="623" />
        <source>请填写每人每月的元数，如 900 或 912.50。</source>
        <translation>Enter yuan per person per month, e.g. 900 or 912.50.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="88" />
        <source>本地低保标准（元/月）</source>
        <translation>Local minimum-living standard (yuan/month)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="90" />
        <source>每年按当地民政部门公布的标准更新。困难类别按此标准计算；已记录的评定保留当时的标准。</source>
        <translation>Update it every year from the civil-affairs bureau's figure. Hardship categories are computed against it; recorded assessments keep the standard of their day.</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="25" />
        <source>不能为空</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="26" />
        <source>晚于今天</source>
        <translation>is after today</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="27" />
        <source>不能晚于今天</source>
        <translation>cannot be after today</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="28" />
        <source>不能为负数</source>
        <translation>cannot be negative</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="29" />
        <source>应大于0</source>
        <translation>must be more than 0</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="30" />
        <source>“%1”不是金额</source>
        <translation>“%1” is not an amount: type yuan, e.g. 300 or 1250.50</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="31" />
        <source>不能为负数（%1）</source>
        <translation>cannot be negative (%1)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="32" />
        <source>最多精确到分（%1）</source>
        <translation>at most two decimals (%1)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="33" />
        <source>请填写整数金额（元），不填表示未填</source>
        <translation>type a whole amount in yuan; leave it empty if not known</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="34" />
        <source>应为整数金额（元）</source>
        <translation>should be a whole amount in yuan</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="35" />
        <source>不应超过%1元，请核对是否多输了0</source>
        <translation>should not exceed %1 yuan: check for an extra 0</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="37" />
        <source>校验位错误（最后一位应为 %1，请核对号码）</source>
        <translation>wrong check digit (the last character should be %1): check the number</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="38" />
        <source>应为18位（现为%1位）</source>
        <translation>should have 18 characters (it has %1)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="39" />
        <source>前17位应为数字，最后一位为数字或X</source>
        <translation>the first 17 characters must be digits, the last a digit or X</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="40" />
        <source>15位旧身份证号应全部为数字</source>
        <translation>an old 15-character ID number has digits only</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="41" />
        <source>出生日期 %1 不存在</source>
        <translation>birth date %1 does not exist</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="42" />
        <source>出生日期 %1 晚于今天</source>
        <translation>birth date %1 is after today</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="43" />
        <source>与身份证号中的出生日期 %1 不一致</source>
        <translation>does not match the birth date %1 in the ID number</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="44" />
        <source>与身份证号不一致（号码显示为%1）</source>
        <translation>does not match the ID number (it says %1)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="46" />
        <source>手机号 %1 的第二位应为 3–9</source>
        <translation>the second digit of mobile number %1 should be 3–9</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="47" />
        <source>%1 不是电话号码</source>
        <translation>%1 is not a phone number</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="48" />
        <source>%1 不是有效的中国大陆电话号码（手机号为11位，以13–19开头）</source>
        <translation>%1 is not a valid mainland China phone number (mobiles have 11 digits, starting 13–19)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="50" />
        <source>过长（最多50字）</source>
        <translation>too long (50 characters at most)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="51" />
        <source>健康状况为残疾时必须选择</source>
        <translation>required when the health status is disability</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="52" />
        <source>健康状况不是残疾时不应填写</source>
        <translation>leave empty unless the health status is disability</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="53" />
        <source>本单位农民工须填写单位名称</source>
        <translation>required for migrant workers of the unit: type the unit's name</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="54" />
        <source>%1未满14周岁，须由监护人同意</source>
        <translation>%1 is under 14: a guardian must consent</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="55" />
        <source>必填：说明为什么修改这条记录，如“金额录错”</source>
        <translation>required: say why this record is corrected, e.g. “wrong amount”</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="56" />
        <source>至少为1人</source>
        <translation>at least 1 person</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="57" />
        <source>不超过%1字</source>
        <translation>at most %1 characters</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="58" />
        <source>必填：说明为什么作废这条走访记录</source>
        <translation>required: say why this visit record is voided</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="59" />
        <source>没有改动任何内容，无需保存修改</source>
        <translation>nothing was changed, there is no correction to save</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="60" />
        <source>身份证号 %1 已登记为“%2”（另一户或同一户），不能重复登记</source>
        <translation>ID number %1 is already registered for “%2” (in another household or this one); it cannot be registered twice</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="61" />
        <source>“%1”须说明原因</source>
        <translation>“%1” needs a reason</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="62" />
        <source>编号 %1 对应多条记录，请改用完整的记录编号</source>
        <translation>number %1 matches several records; use the full record number</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="64" />
        <source>该干部已结对%1户（规定为%2–%3户），再增加需填写原因</source>
        <translation>This cadre is already paired with %1 households (the rule is %2–%3); enter a reason to add another</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="65" />
        <source>转介状态不能从“%1”直接变为“%2”；可变为：%3</source>
        <translation>A referral cannot go from “%1” straight to “%2”; it can go to: %3</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="66" />
        <source>无（已结束）</source>
        <translation>nothing (it is closed)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="67" />
        <source>档案状态不能从“%1”直接改为“%2”：销档须先改为“拟销档”（经集体研究并公示），县总工会批准后再改为“已销档”。</source>
        <translation>The file cannot go from “%1” straight to “%2”: first set it to “Proposed for closing” (after a collective decision and public notice), then to “Closed” once the county federation approves.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="71" />
        <source>找不到该%1（编号 %2），可能已被删除</source>
        <translation>Cannot find this record (%1, number %2); it may have been deleted</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="72" />
        <source>该户已由市总工会移交给其他干部的设备，本机只能查看，不能再修改。如需补充情况，请联系现在负责该户的干部或市总工会。</source>
        <translation>The city federation has handed this household over to another cadre's device: this computer can show it but no longer change it. To add something, contact the cadre now responsible or the city federation.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="77" />
        <source>新建户时第一位成员应为户主</source>
        <translation>The first member of a new household must be the head of household</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="78" />
        <source>这户已有户主“%1”</source>
        <translation>This household already has a head: “%1”</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="79" />
        <source>不能删除户主；请先把另一位成员设为户主</source>
        <translation>The head of household cannot be removed; first make another member the head</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="80" />
        <source>附件文件 %1… 不在本机</source>
        <translation>The attachment file %1… is not on this computer</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="81" />
        <source>找不到区划代码 %1，请核对（可用县区、乡镇或村的代码）</source>
        <translation>Division code %1 not found; check it (a county, township or village code)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="82" />
        <source>找不到编号为 %1 的记录。请核对纸面上的编号（字母和数字）。</source>
        <translation>No record has the number %1. Check the number on the paper (letters and digits).</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="83" />
        <source>状态日期不能早于上一次状态变化（%1）</source>
        <translation>The status date cannot be before the last status change (%1)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="84" />
        <source>该干部已与这户结对</source>
        <translation>This cadre is already paired with this household</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="85" />
        <source>该结对关系已经结束</source>
        <translation>This pairing has already ended</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="86" />
        <source>该户还没有登记过%1情况，不能确认“无变化”，请直接填写。</source>
        <translation>No %1 figures were recorded for this household yet, so they cannot be confirmed as unchanged: fill them in.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="87" />
        <source>自动备份的间隔应为 1 到 168 小时。</source>
        <translation>The automatic backup interval must be 1 to 168 hours.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="88" />
        <source>保留的备份份数应为 1 到 100。</source>
        <translation>Keep 1 to 100 backups.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="89" />
        <source>备份位置不能在数据文件夹里面：请选另一个文件夹或U盘。</source>
        <translation>Backups cannot go inside the data folder: choose another folder or a USB stick.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="91" />
        <source>应为12位数字（现为“%1”）</source>
        <translation>must be 12 digits (it is “%1”)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="92" />
        <source>%1 不属于临沂市（应以3713开头）</source>
        <translation>%1 is not in Linyi (codes start with 3713)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="93" />
        <source>%1 不是临沂市的村（社区）代码（%2年统计用区划代码中没有）</source>
        <translation>%1 is not a village (community) code of Linyi (not in the %2 statistical division codes)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="94" />
        <source>应大于0，请在设置中填写本地低保标准</source>
        <translation>must be more than 0: enter the local minimum-living standard in Settings</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="95" />
        <source>最多选择3项</source>
        <translation>choose at most 3</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="96" />
        <source>不能与主要致困原因重复</source>
        <translation>must not repeat the main cause</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="97" />
        <source>有重复项</source>
        <translation>has a repeated item</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="98" />
        <source>“%1”不是可选的就业状况</source>
        <translation>“%1” is not one of the employment choices</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="99" />
        <source>“%1”不是可选的培训类别</source>
        <translation>“%1” is not one of the training choices</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="100" />
        <source>含有不认识的险种</source>
        <translation>contains an unknown kind of insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="101" />
        <source>险种重复</source>
        <translation>an insurance is listed twice</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="102" />
        <source>目录中没有“%1”</source>
        <translation>“%1” is not in the catalogue</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="103" />
        <source>不认识的项目：%1</source>
        <translation>unknown items: %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="104" />
        <source>不是该户的成员</source>
        <translation>is not a member of this household</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="105" />
        <source>重复登记</source>
        <translation>entered twice</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="106" />
        <source>“%1”要用%2，%3 不是</source>
        <translation>“%1” needs %2; %3 is not one</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="107" />
        <source>应为 all 或临沂市的区划代码（如 371324）</source>
        <translation>must be all or a division code of Linyi (e.g. 371324)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="108" />
        <source>只能是 pdf 或 printer</source>
        <translation>must be pdf or printer</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="109" />
        <source>至少为1份</source>
        <translation>at least 1 copy</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="110" />
        <source>%1 不是按户打印的表单</source>
        <translation>%1: not a form printed per household</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="111" />
        <source>找不到文件 %1</source>
        <translation>file %1 not found</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="112" />
        <source>超过20MB，请压缩照片后再添加</source>
        <translation>larger than 20 MB: make the photo smaller, then add it</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="113" />
        <source>应在0到30年之间</source>
        <translation>must be between 0 and 30 years</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="114" />
        <source>应晚于本次走访日期</source>
        <translation>must be after this visit's date</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="115" />
        <source>两次走访间隔不应超过6个月</source>
        <translation>visits must be at most 6 months apart</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="116" />
        <source>应为2位（省）、4位（市）或6位（县区）区划代码（现为“%1”）</source>
        <translation>must be a code of 2 (province), 4 (city) or 6 (county) digits (it is “%1”)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="117" />
        <source>%1 不是%2年统计用区划代码中的省、市或县区</source>
        <translation>%1 is not a province, city or county in the %2 statistical division codes</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="118" />
        <source>%1 不属于%2（本机的工作地区）%3</source>
        <translation>%1 is not in %2 (this computer's working region)%3</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="119" />
        <source>，它是%1的代码</source>
        <translation>; it is the code of %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="120" />
        <source>（%1年统计用区划代码中也没有）</source>
        <translation> (nor is it in the %1 statistical division codes)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="121" />
        <source>%1 不是%2的村（社区）代码（%3年统计用区划代码中没有）</source>
        <translation>%1 is not a village (community) code of %2 (not in the %3 statistical division codes)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="124" />
        <source>“%1”是网页格式的表格，但无法识别其编码；请在Excel中打开后另存为 .xlsx 再导入</source>
        <translation>“%1” is a table in web-page format whose encoding cannot be recognised; open it in Excel, save it as .xlsx and import that</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="127" />
        <source>“%1”实际是网页文件，其中没有表格；请在Excel中打开后另存为 .xlsx 再导入</source>
        <translation>“%1” is really a web page with no table in it; open it in Excel, save it as .xlsx and import that</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="128" />
        <source>无法读取“%1”，文件不是有效的 .xls 表格（%2）；请在Excel或WPS中打开后另存为 .xlsx 再导入</source>
        <translation>cannot read “%1”: it is not a valid .xls spreadsheet (%2); open it in Excel or WPS, save it as .xlsx and import that</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="131" />
        <source>只能导入 .xlsx、.xls 或 .csv 文件（现为“%1”）</source>
        <translation>only .xlsx, .xls or .csv files can be imported (this is “%1”)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="132" />
        <source>在前%1行中找不到表头行（应有“户主姓名”“身份证号”等列名）</source>
        <translation>no header row in the first %1 rows (it should have column names such as the head's name and the ID number, in Chinese)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="133" />
        <source>无法识别文件编码（应为 UTF-8 或 GBK），请在Excel中另存为“CSV UTF-8”后再导入</source>
        <translation>the file's encoding cannot be recognised (it should be UTF-8 or GBK); save it from Excel as “CSV UTF-8”, then import</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="136" />
        <source>在表格中被存成了数字（显示为 %1），后几位已丢失无法恢复；请把身份证号一列设为“文本”格式，重新录入号码后再导入</source>
        <translation>was stored in the spreadsheet as a number (shown as %1) and its last digits are lost for good; format the ID number column as Text, type the numbers again, then import</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="141" />
        <source>第%1行表头中缺少“%2”列（可用的列名：%3）</source>
        <translation>the header in row %1 has no “%2” column (names that work: %3)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="142" />
        <source>文件过大（%1 MB），名单文件最大 %2 MB；请删除无关的工作表、图片，或把名单拆成几个文件后再导入</source>
        <translation>the file is too large (%1 MB; at most %2 MB); delete other sheets and pictures, or split the list into several files, then import</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="146" />
        <source>无法读取“%1”，文件不是有效的 .xlsx 表格（%2）</source>
        <translation>cannot read “%1”: it is not a valid .xlsx spreadsheet (%2)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="147" />
        <source>第%1行 CSV 格式有误：%2</source>
        <translation>row %1: the CSV is malformed: %2</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="148" />
        <source>“%1”无法识别（可填：户主、配偶、子、女、父亲、母亲、孙子女、其他等）</source>
        <translation>“%1” is not recognised (write head, spouse, son, daughter, father, mother, grandchild, other or the like, in Chinese)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="149" />
        <source>“%1”无法识别（可填：配偶、子、女、父亲、母亲、孙子女、其他等）</source>
        <translation>“%1” is not recognised (write spouse, son, daughter, father, mother, grandchild, other or the like, in Chinese)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="150" />
        <source>没有填写户编号或户主身份证号，不知道本人属于%1中的哪一户；请填写其中一项后重新导入</source>
        <translation>neither a household number nor the head's ID number is filled in, so which household of %1 this person belongs to is unknown; fill in one of them, then import again</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="153" />
        <source>所属户的户主（%1第%2行）未导入，请先改正户主行</source>
        <translation>the head of this household (%1, row %2) was not imported; correct the head's row first</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="154" />
        <source>所属户的户主（第%1行）未导入，请先改正户主行</source>
        <translation>the head of this household (row %1) was not imported; correct the head's row first</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="155" />
        <source>找不到本人所属的户：表中没有对应的户主行（请填写户编号或户主身份证号，或把成员行放在户主行之下）</source>
        <translation>this person's household cannot be found: no head's row matches (fill in the household number or the head's ID number, or put the member's row below the head's)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="159" />
        <source>户编号“%1”在%2中不存在（成员所属的户找不到）</source>
        <translation>household number “%1” is not in %2 (the member's household cannot be found)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="160" />
        <source>户编号“%1”与户主身份证号不一致：%2第%3行户编号“%4”的户主身份证号不是 %5；请核对后重新导入</source>
        <translation>household number “%1” does not agree with the head's ID number: the head of household number “%4” (%2, row %3) does not have ID number %5; check it, then import again</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="163" />
        <source>户主身份证号 %1 在%2中找不到，本机也没有登记此人</source>
        <translation>the head's ID number %1 is not in %2, and this computer has no such person registered</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="164" />
        <source>与户主关系填写为“%1”，但身份证号与%2中该户户主的不同；请核对后重新导入</source>
        <translation>the relation to the head is “%1”, but the ID number differs from that household's head in %2; check it, then import again</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="165" />
        <source>“%1”有%2个同名的村（社区）：%3；无法确定是哪一个，本行未导入。请在“乡镇”列填写所在乡镇（或在村名前写上乡镇）后重新导入</source>
        <translation>there are %2 villages (communities) named “%1”: %3; which one is meant cannot be told, so this row was not imported. Write the township in the township column (or before the village's name), then import again</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="170" />
        <source>“%1”不在本机的工作地区（%2）内：它是%3</source>
        <translation>“%1” is not in this computer's working region (%2): it is %3</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="171" />
        <source>代码 %1 是%2的村，不属于%3</source>
        <translation>code %1 is a village of %2, not of %3</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="172" />
        <source>代码 %1 不属于%2</source>
        <translation>code %1 is not in %2</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="173" />
        <source>%1没有“%2”</source>
        <translation>%1 has no “%2”</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="174" />
        <source>“%1”表</source>
        <translation>sheet “%1”</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="176" />
        <source>%1 是一个已有的文件夹，未生成文件。请把这个文件夹改名或移走后再批量打印。</source>
        <translation>%1 is an existing folder, so no file was written. Rename or move that folder, then print the batch again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="177" />
        <source>无法保存到 %1：%2，未生成文件。%3。</source>
        <translation>Cannot save to %1: %2; no file was written. %3.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="178" />
        <source>无法在 %1 保存文件：%2，未生成文件。%3。</source>
        <translation>Cannot save files in %1: %2; no file was written. %3.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="180" />
        <source>转介办理结果 %1 条</source>
        <translation>%1 referral outcomes</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="181" />
        <source>移交给本机的困难户 %1 户</source>
        <translation>%1 households handed over to this computer</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="182" />
        <source>已移交给其他干部的困难户 %1 户（本机只读）</source>
        <translation>%1 households handed over to other cadres (read-only here)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="183" />
        <source>低保标准已更新</source>
        <translation>dibao standard updated</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="184" />
        <source>接收单位目录已更新</source>
        <translation>list of receiving bodies updated</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="185" />
        <source>再摸底安排：%1</source>
        <translation>re-survey campaign: %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="186" />
        <source>表单模板已更新：%1</source>
        <translation>form templates updated: %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="187" />
        <source>未能应用 %1 条：%2</source>
        <translation>%1 items could not be applied: %2</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="188" />
        <source>第 %1 批</source>
        <translation>batch %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="189" />
        <source>取回执</source>
        <translation>fetching the reply</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="190" />
        <source>设备登记成功：%1</source>
        <translation>Device enrolled: %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="191" />
        <source>%1 已加密，需要先登录</source>
        <translation>%1 is encrypted: sign in first</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="192" />
        <source>文件 %1 已损坏或被替换，无法解密</source>
        <translation>The file %1 is damaged or was replaced and cannot be decrypted</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="193" />
        <source>登记文件已损坏或不完整，请向市总工会重新申请登记文件。</source>
        <translation>The enrolment file is damaged or incomplete. Ask the city federation for a new one.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="194" />
        <source>多次重试后仍连不上市总工会服务器：%1。数据都还在本机，请稍后再试或改用U盘导出。</source>
        <translation>Still cannot reach the city federation's server after several tries: %1. All data is still on this computer: try again later, or export to a USB stick.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="197" />
        <source>多次重试后仍连不上市总工会服务器。数据都还在本机，请稍后再试或改用U盘导出。</source>
        <translation>Still cannot reach the city federation's server after several tries. All data is still on this computer: try again later, or export to a USB stick.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="200" />
        <source>联网登记需要输入登记信上的“市总工会公钥指纹”，用来确认连到的是真正的市总工会服务器。</source>
        <translation>Enrolling over the network needs the “federation key fingerprint” from the enrolment letter, to make sure this is the real federation server.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="203" />
        <source>这不是市总工会发出的设备登记文件。</source>
        <translation>This is not a device enrolment file from the city federation.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="204" />
        <source>市总工会服务器的HTTPS证书不受本机信任（可能是自签证书，或连到了假冒的服务器），已停止，未发送任何数据。请用市总工会提供的CA证书（--ca-file）后重试。</source>
        <translation>This computer does not trust the federation server's HTTPS certificate (a self-signed certificate, or a fake server). Stopped; nothing was sent. Try again with the CA certificate the federation provides (--ca-file).</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="208" />
        <source>登记文件里没有服务器地址；请用U盘方式登记（--request-out）。</source>
        <translation>The enrolment file has no server address: enrol by USB stick instead (--request-out).</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="209" />
        <source>没有市总工会服务器地址。请用 --server 指定，或改用U盘导出。</source>
        <translation>No federation server address. Give one with --server, or export to a USB stick.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="210" />
        <source>写入U盘后读回的内容不一致：%1。请换一个U盘重试。</source>
        <translation>What was read back from the USB stick differs from what was written: %1. Try another USB stick.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="211" />
        <source>这个回执不是发给本机的。</source>
        <translation>This reply is not for this computer.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="212" />
        <source>连不上市总工会服务器。请检查网络，或改用登记文件。</source>
        <translation>Cannot reach the city federation's server. Check the network, or use the enrolment file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="213" />
        <source>无法读取登记文件 %1：%2</source>
        <translation>Cannot read the enrolment file %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="214" />
        <source>登记文件 %1 已损坏或不是登记文件，请向市总工会重新索取。</source>
        <translation>The enrolment file %1 is damaged or is not an enrolment file. Ask the city federation for it again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="215" />
        <source>无法读取证书文件 %1：%2</source>
        <translation>Cannot read the certificate file %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="216" />
        <source>连不上市总工会服务器。请检查网络，或改用U盘方式登记。</source>
        <translation>Cannot reach the city federation's server. Check the network, or enrol by USB stick.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="217" />
        <source>服务器出错（%1）</source>
        <translation>The server failed (%1)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="218" />
        <source>写入U盘失败（%1）。本机数据没有丢失，请检查U盘后重新导出。</source>
        <translation>Writing to the USB stick failed (%1). Nothing on this computer was lost: check the stick and export again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="219" />
        <source>回执解压后超过 %1 MB（压缩比异常），未展开、未导入。本机数据没有改动，请联系市总工会。</source>
        <translation>The reply would unpack to more than %1 MB (an abnormal compression ratio): not unpacked, not imported. Nothing on this computer changed; contact the city federation.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="222" />
        <source>回执文件超过 %1 MB，不是市总工会的回执，未读取</source>
        <translation>The reply file is larger than %1 MB: it is not a reply from the city federation and was not read</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="223" />
        <source>登记申请在传送途中被改动过或已损坏（签名与登记码校验不符），已拒收，没有登记任何内容。登记码仍然有效：请在本机重新生成登记申请（再次选择登记文件写到U盘）后重新导入。</source>
        <translation>The enrolment request was changed or damaged on the way (its signature does not match the enrolment code): refused, nothing was enrolled. The code is still valid: make the request again on the laptop (choose the enrolment file and write it to the USB stick again) and import it again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="227" />
        <source>登记文件里市总工会的公钥已损坏。请向市总工会重新申请。</source>
        <translation>The federation's key in the enrolment file is damaged. Ask the city federation for a new file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="228" />
        <source>服务器给出的市总工会公钥（指纹 %1）与您输入的指纹 %2 不符：可能连到了假冒的服务器，或网络被人截改。本机没有保存任何内容。请核对登记信上的指纹和服务器地址后重试，或改用登记文件。</source>
        <translation>The federation key the server gave (fingerprint %1) does not match the fingerprint you typed, %2: this may be a fake server, or the network was tampered with. Nothing was saved. Check the fingerprint and the server address on the enrolment letter and try again, or use the enrolment file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="232" />
        <source>登记文件里的公钥与其中写明的指纹不符：文件已损坏或被改动。请向市总工会重新申请。</source>
        <translation>The key in the enrolment file does not match the fingerprint written in it: the file is damaged or was changed. Ask the city federation for a new one.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="235" />
        <source>文件不完整（可能在写入时拔出了U盘）。请重新导出后再导入。</source>
        <translation>The file is incomplete (the USB stick may have been pulled out while it was written). Export it again, then import it.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="236" />
        <source>这不是 fieldapp 的同步文件。</source>
        <translation>This is not a fieldapp sync file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="237" />
        <source>同步文件格式版本 %1 比本程序支持的版本 %2 新。请先升级程序再导入。</source>
        <translation>The sync file's format version %1 is newer than this program's %2. Update the program first, then import.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="238" />
        <source>同步文件的文件头已损坏。请重新导出。</source>
        <translation>The sync file's header is damaged. Export it again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="239" />
        <source>同步文件末尾有多余的数据，已损坏。请重新导出。</source>
        <translation>The sync file has extra data at its end and is damaged. Export it again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="240" />
        <source>这个文件不是发给本机（或本总工会服务器）的，无法解密。</source>
        <translation>This file is not for this computer (or this federation server) and cannot be decrypted.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="241" />
        <source>内容校验值不符，文件已损坏。请重新导出。</source>
        <translation>The content checksum does not match: the file is damaged. Export it again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="242" />
        <source>批次内容解压后超过 %1 MB（压缩比异常），已拒收，未展开。请联系技术人员。</source>
        <translation>The batch would unpack to more than %1 MB (an abnormal compression ratio): refused, not unpacked. Contact technical support.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="243" />
        <source>签名不符：文件已被改动或损坏，或不是该设备发出的。请重新导出。</source>
        <translation>The signature does not match: the file was changed or damaged, or did not come from that device. Export it again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="244" />
        <source>无法解密：密钥不符或文件损坏。</source>
        <translation>Cannot decrypt: the key does not match or the file is damaged.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="245" />
        <source>同步文件的内容不是有效的JSON。</source>
        <translation>The sync file's content is not valid JSON.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="246" />
        <source>这份恢复登记文件是给设备“%1”（编号 %2…）的，不是本机。请核对后向市总工会索取正确的文件。</source>
        <translation>This recovery file is for the device “%1” (number %2…), not this one. Check, then ask the city federation for the right file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="250" />
        <source>磁盘（或U盘）空间不足</source>
        <translation>the disk (or USB stick) is full</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="251" />
        <source>请删除不需要的文件、清空回收站或换一个位置后重试</source>
        <translation>Delete files you do not need, empty the recycle bin or choose another place, then try again</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="252" />
        <source>这个位置只能读不能写（U盘可能处于写保护状态）</source>
        <translation>this place can be read but not written (the USB stick may be write-protected)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="253" />
        <source>请拨开U盘的写保护开关，或换一个文件夹</source>
        <translation>Slide the USB stick's write-protect switch off, or choose another folder</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="254" />
        <source>没有权限读写“%1”</source>
        <translation>no permission to read or write “%1”</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="255" />
        <source>没有权限读写</source>
        <translation>no permission to read or write here</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="256" />
        <source>请换一个文件夹（例如“文档”），或请电脑管理员开放权限</source>
        <translation>Choose another folder (such as Documents), or ask the computer's administrator for permission</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="257" />
        <source>设备读写出错，U盘或移动硬盘可能已被拔出</source>
        <translation>the device could not be read or written; the USB stick or external disk may have been pulled out</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="258" />
        <source>请重新插好U盘，等电脑认出后再试；未完成的文件不会留下</source>
        <translation>Plug the USB stick in again, wait until the computer shows it, then try again; no half-written file is left</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="259" />
        <source>“%1”是一个文件夹，不是文件</source>
        <translation>“%1” is a folder, not a file</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="260" />
        <source>请在文件夹后面加上文件名</source>
        <translation>Add a file name after the folder</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="261" />
        <source>“%1”的上一级不是文件夹</source>
        <translation>the parent of “%1” is not a folder</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="262" />
        <source>请检查路径是否写对</source>
        <translation>Check that the path is written correctly</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="263" />
        <source>找不到“%1”</source>
        <translation>“%1” was not found</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="264" />
        <source>找不到文件或文件夹</source>
        <translation>the file or folder was not found</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="265" />
        <source>请检查路径是否写对，或先插好U盘</source>
        <translation>Check that the path is written correctly, or plug in the USB stick first</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="266" />
        <source>“%1”已经存在</source>
        <translation>“%1” already exists</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="267" />
        <source>同名文件已经存在</source>
        <translation>a file of that name already exists</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="268" />
        <source>请换一个名字</source>
        <translation>Choose another name</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="269" />
        <source>连不上服务器（网络不通或服务器没有开）</source>
        <translation>cannot reach the server (no network, or the server is not running)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="270" />
        <source>请检查网络后重试；数据都在本机，不会丢失，也可以改用U盘交换</source>
        <translation>Check the network and try again; all data is on this computer and nothing is lost, and a USB stick can be used instead</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="271" />
        <source>文件名或路径太长</source>
        <translation>the file name or path is too long</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="272" />
        <source>请换一个短一些的名字或文件夹</source>
        <translation>Choose a shorter name or folder</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="273" />
        <source>同时打开的文件太多</source>
        <translation>too many files are open at once</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="274" />
        <source>请关闭其他程序后重试</source>
        <translation>Close other programs, then try again</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="275" />
        <source>读写文件时出错</source>
        <translation>a file could not be read or written</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="276" />
        <source>请检查磁盘空间、U盘和文件夹权限后重试</source>
        <translation>Check the disk space, the USB stick and the folder's permissions, then try again</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="277" />
        <source>这是一个文件，不是文件夹</source>
        <translation>this is a file, not a folder</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="278" />
        <source>请另选一个文件夹</source>
        <translation>Choose another folder</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="284" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="285" />
        <source>记录</source>
        <translation>record</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="286" />
        <source>户表</source>
        <translation>the households sheet</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="287" />
        <source>干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="288" />
        <source>困难户</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="289" />
        <source>家庭成员</source>
        <translation>Family members</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="290" />
        <source>结对关系</source>
        <translation>Pairing</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="291" />
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="292" />
        <source>困难评定</source>
        <translation>Hardship assessment</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="293" />
        <source>转介</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="294" />
        <source>救助记录</source>
        <translation>Relief payments</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="295" />
        <source>同意记录</source>
        <translation>Consents</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="296" />
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="297" />
        <source>收入与支出记录</source>
        <translation>Income and spending</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="298" />
        <source>就业与社保记录</source>
        <translation>Work and social insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="302" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="303" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="304" />
        <source>本人电话</source>
        <translation>Own phone</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="305" />
        <source>干部电话</source>
        <translation>Cadre's phone</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="306" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="307" />
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="308" />
        <source>出生日期</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="309" />
        <source>月收入</source>
        <translation>Monthly income</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="310" />
        <source>残疾类别</source>
        <translation>Disability category</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="311" />
        <source>所在单位</source>
        <translation>Employer unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="312" />
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="313" />
        <source>救助金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="314" />
        <source>发放日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="315" />
        <source>同意日期</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="316" />
        <source>告知书版本</source>
        <translation>Notice version</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="317" />
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="318" />
        <source>家庭年收入</source>
        <translation>annual household income</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="319" />
        <source>家庭人口</source>
        <translation>Household size</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="320" />
        <source>修改原因</source>
        <translation>Reason for the correction</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="321" />
        <source>销档日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="322" />
        <source>作废原因</source>
        <translation>Reason for voiding</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="323" />
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="324" />
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="325" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="326" />
        <source>低保标准</source>
        <translation>Dibao standard</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="327" />
        <source>刚性支出</source>
        <translation>Rigid spending</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="328" />
        <source>次要致困原因</source>
        <translation>Secondary causes</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="329" />
        <source>转介事项</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="330" />
        <source>评定日期</source>
        <translation>Assessed on</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="331" />
        <source>干部姓名</source>
        <translation>Cadre's name</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="332" />
        <source>结束原因</source>
        <translation>Reason for ending</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="333" />
        <source>接收单位</source>
        <translation>Receiving body</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="334" />
        <source>转介原因</source>
        <translation>Reason for referral</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="335" />
        <source>转介日期</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="336" />
        <source>登记日期</source>
        <translation>Recorded on</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="337" />
        <source>第十九条项目</source>
        <translation>Item-19 dimension</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="338" />
        <source>公示范围</source>
        <translation>Notice area</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="339" />
        <source>输出方式</source>
        <translation>Output</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="340" />
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="341" />
        <source>表单</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="342" />
        <source>附件文件</source>
        <translation>Attachment file</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="343" />
        <source>状态日期</source>
        <translation>Status date</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="344" />
        <source>保存期限</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="345" />
        <source>低保标准（元/月）</source>
        <translation>Minimum-living standard (yuan/month)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="346" />
        <source>下次走访日期</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="347" />
        <source>食品支出</source>
        <translation>Food spending</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="348" />
        <source>住房支出</source>
        <translation>Housing spending</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="349" />
        <source>医疗支出</source>
        <translation>Medical spending</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="350" />
        <source>子女上学支出</source>
        <translation>Schooling spending</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="351" />
        <source>其他支出</source>
        <translation>Other spending</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="352" />
        <source>被拖欠工资</source>
        <translation>Unpaid wages</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="353" />
        <source>欠薪单位</source>
        <translation>Employer owing wages</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="354" />
        <source>欠薪反映日期</source>
        <translation>Unpaid wages reported on</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="355" />
        <source>就业状况</source>
        <translation>Employment</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="356" />
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="357" />
        <source>希望参加的培训</source>
        <translation>Training wanted</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="358" />
        <source>已参加的培训</source>
        <translation>Training received</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="359" />
        <source>所获证书</source>
        <translation>Certificate obtained</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="360" />
        <source>参加的社会保险</source>
        <translation>Social insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="361" />
        <source>工作地区</source>
        <translation>Working region</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="362" />
        <source>名单文件</source>
        <translation>List file</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="363" />
        <source>表头</source>
        <translation>Header</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="364" />
        <source>村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="365" />
        <source>县区</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="366" />
        <source>乡镇（街道）</source>
        <translation>Township (subdistrict)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="367" />
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="368" />
        <source>%1的%2</source>
        <translation>%1's %2</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/domain_text.py" line="434" />
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="361" />
        <source>登记本机</source>
        <translation>Enrol this computer</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="364" />
        <source>用市总工会发的登记文件或登记信登记这台电脑，之后才能同步。现在没有可以直接按“下一步”，以后在 同步 → 与市总工会同步 中登记。</source>
        <translation>Enrol this computer with the enrolment file or letter from the federation before it can sync. If you do not have it yet, press Next and enrol later under Sync → Sync with the federation.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="368" />
        <source>市总工会发的登记文件（.enrol 或 .json）</source>
        <translation>The enrolment file from the federation (.enrol or .json)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="369" />
        <source>选择(&amp;F)…</source>
        <translation>Choose (&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="378" />
        <source>或登记信上的登记地址，如 http://192.168.1.10:8765/api/v1/enrolment/…</source>
        <translation>or the enrolment address in the letter, e.g. http://192.168.1.10:8765/api/v1/enrolment/…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="380" />
        <source>用登记地址时必填，如 ABCD-EFGH-…</source>
        <translation>Required with an address, e.g. ABCD-EFGH-…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="382" />
        <source>登记文件(&amp;E)</source>
        <translation>&amp;Enrolment file</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="383" />
        <source>登记地址(&amp;A)</source>
        <translation>Enrolment &amp;address</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="384" />
        <source>公钥指纹(&amp;K)</source>
        <translation>Key fingerprint (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="385" />
        <source>联网登记(&amp;O)</source>
        <translation>Enrol &amp;online</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="388" />
        <source>登记申请写到U盘(&amp;Q)…</source>
        <translation>Write re&amp;quest to USB…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="400" />
        <source>有网络：选登记文件（或填登记地址和指纹），点“联网登记”。没有网络：选登记文件，点“登记申请写到U盘”，把U盘交市总工会导入，再在同步界面“从U盘导入回执”。</source>
        <translation>With a network: choose the enrolment file (or enter the address and fingerprint) and press “Enrol online”. Without: choose the file, press “Write the enrolment request to a stick”, take the stick to the federation, then “Import replies from stick” on the sync screen.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="421" />
        <source>工作地区(&amp;R)</source>
        <translation>Working &amp;region</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="424" />
        <source>选到市即可；只在一个县区工作时也可选县区。市总工会也可以在同步时发来。</source>
        <translation>Choosing the city is enough; choose the county if you work in one county only. Headquarters can also send it when you sync.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="450" />
        <source>（全部）</source>
        <translation>(all)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="483" />
        <source>选择登记文件</source>
        <translation>Choose the enrolment file</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="483" />
        <source>登记文件 (*.enrol *.json);;所有文件 (*)</source>
        <translation>Enrolment files (*.enrol *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="488" />
        <source>选择U盘上的文件夹</source>
        <translation>Choose a folder on the USB stick</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="522" />
        <source>登记地址应以 http:// 或 https:// 开头，请对照登记信改正。</source>
        <translation>The enrolment address starts with http:// or https://: correct it from the letter.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="528" />
        <source>用登记地址联网登记需要填写登记信上的“市总工会公钥指纹”，以确认连到的是真正的市总工会。</source>
        <translation>Enrolling by address needs the federation's key fingerprint from the letter, to make sure it is the real federation.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="534" />
        <source>请选择市总工会发的登记文件，或填写登记地址和公钥指纹；现在没有就按“下一步”。</source>
        <translation>Choose the enrolment file from the federation, or enter the address and key fingerprint; if you have neither yet, press Next.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="549" />
        <source>正在登记…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="554" />
        <source>不联网登记需要市总工会发的登记文件：请先选择登记文件。</source>
        <translation>Enrolling without a network needs the enrolment file from the federation: choose it first.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="571" />
        <source>已把登记申请写到U盘：%1。请把U盘交市总工会导入，再在同步界面“从U盘导入回执”完成登记。</source>
        <translation>The enrolment request was written to the stick: %1. Take the stick to the federation to import, then finish with “Import replies from stick” on the sync screen.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="574" />
        <source>正在写登记申请…</source>
        <translation>Writing the enrolment request…</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="701" />
        <source>第一次使用 — 工会结对帮扶台账</source>
        <translation>First start — Trade Union Pairing Ledger</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="704" />
        <source>下一步(&amp;N) &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="705" />
        <source>&lt; 上一步(&amp;B)</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="706" />
        <source>设置密码并加密台账(&amp;S)</source>
        <translation>&amp;Set the password and encrypt the ledger</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="707" />
        <source>完成(&amp;D)</source>
        <translation>&amp;Done</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="708" />
        <source>以后继续(&amp;X)</source>
        <translation>Continue later (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="839" />
        <source>干部信息没有保存</source>
        <translation>The cadre's details were not saved</translation>
    </message>
</context>
<context>
    <name>FormDraft</name>
    <message>
        <location filename="../../src/fieldapp/ui/form_drafts.py" line="176" />
        <source>已恢复 %1 自动保存的草稿，核对后保存即可。</source>
        <translation>Restored the draft saved automatically at %1; check it and save.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/form_drafts.py" line="197" />
        <source>草稿未能保存</source>
        <translation>Draft not saved</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../src/fieldapp/ui/forms.py" line="149" />
        <source>必填，说明为什么修改，如：金额录错、日期录错</source>
        <translation>Required: why it is corrected, e.g. wrong amount, wrong date</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/forms.py" line="151" />
        <source>修改原因(&amp;Y)</source>
        <translation>Reason for the correction (&amp;Y)</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="160" />
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="165" />
        <source>语言在重新启动后生效。再摸底为期一个月（30天），从开始日期算起。</source>
        <translation>The language applies after a restart. The re-survey lasts one month (30 days) from its start date.</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="112" />
        <source>新建困难户</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="112" />
        <source>修改基本信息</source>
        <translation>Edit basic information</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="119" />
        <source>18位，出生日期和性别自动识别</source>
        <translation>18 characters; birth date and sex are read from it</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="122" />
        <source>11位手机号</source>
        <translation>11-digit mobile number</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="130" />
        <source>如：3组12号</source>
        <translation>e.g. Group 3 No. 12</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="131" />
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="132" />
        <source>（未填）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="136" />
        <source>户主姓名(&amp;N)</source>
        <translation>Head's &amp;name</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="137" />
        <source>户主身份证号(&amp;I)</source>
        <translation>Head's &amp;ID number</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="138" />
        <source>联系电话(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="139" />
        <source>结对方式</source>
        <translation>Pairing basis</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="140" />
        <source>所在单位</source>
        <translation>Employer unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="141" />
        <source>所在村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="142" />
        <source>详细地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="143" />
        <source>户口性质</source>
        <translation>Hukou type</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="144" />
        <source>住房情况</source>
        <translation>Housing</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="145" />
        <source>档案状态</source>
        <translation>File status</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="164" />
        <source>村、电话、身份证号暂时不知道可以先空着，资料不全的户会标出来，走访时补齐。</source>
        <translation>Village, phone and ID number may stay empty for now; incomplete files are marked so you can complete them on a visit.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="169" />
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="175" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="217" />
        <source>困难户信息</source>
        <translation>Household details</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="270" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="271" />
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>HouseholdListPanel</name>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="306" />
        <source>搜索：姓名、拼音首字母（如 zhs）、身份证号后几位、电话、村名</source>
        <translation>Search: name, pinyin initials (e.g. zhs), end of ID number, phone, village</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="311" />
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="314" />
        <source>未评定</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="317" />
        <source>全部致困原因</source>
        <translation>All causes</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="320" />
        <source>只看我结对的</source>
        <translation>Only mine</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="404" />
        <source>显示 %1 户，共 %2 户</source>
        <translation>Showing %1 of %2 households</translation>
    </message>
</context>
<context>
    <name>HouseholdProfile</name>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="144" />
        <location filename="../../src/fieldapp/ui/profile.py" line="248" />
        <source>显示身份证号</source>
        <translation>Show ID number</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="148" />
        <location filename="../../src/fieldapp/ui/profile.py" line="210" />
        <source>显示完整号码（会记入审计记录）</source>
        <translation>Show the full number (recorded in the audit log)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="151" />
        <source>记录走访</source>
        <translation>Record visit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="153" />
        <location filename="../../src/fieldapp/ui/profile.py" line="342" />
        <source>新建转介</source>
        <translation>New referral</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="167" />
        <source>基本信息与成员(&amp;1)</source>
        <translation>Basics and members (&amp;1)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="170" />
        <source>困难评定(&amp;2)</source>
        <translation>Assessment (&amp;2)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="171" />
        <source>走访记录(&amp;3)</source>
        <translation>Visits (&amp;3)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="172" />
        <source>转介(&amp;4)</source>
        <translation>Referrals (&amp;4)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="173" />
        <source>救助与同意(&amp;5)</source>
        <translation>Relief and consent (&amp;5)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="174" />
        <source>附件(&amp;6)</source>
        <translation>Attachments (&amp;6)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="175" />
        <source>就业与收入(&amp;7)</source>
        <translation>Employment and income (&amp;7)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="193" />
        <source>所在村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="194" />
        <source>详细地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="195" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="196" />
        <source>结对方式</source>
        <translation>Pairing basis</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="197" />
        <source>结对干部</source>
        <translation>Paired cadre</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="198" />
        <source>户口 / 住房</source>
        <translation>Hukou / housing</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="199" />
        <source>待补充</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="206" />
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="219" />
        <source>修改基本信息…</source>
        <translation>Edit basic information…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="225" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="226" />
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="227" />
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="228" />
        <source>出生日期</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="229" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="230" />
        <source>健康</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="231" />
        <source>就业/身份</source>
        <translation>Work / identity</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="232" />
        <source>月收入（元）</source>
        <translation>Monthly income (yuan)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="238" />
        <source>添加成员</source>
        <translation>Add member</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="240" />
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="242" />
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="250" />
        <source>显示选中成员的完整身份证号（会记入审计记录）</source>
        <translation>Show the selected member's full ID number (recorded in the audit log)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="256" />
        <source>家庭成员</source>
        <translation>Family members</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="291" />
        <source>还没有登记就业、培训、收入、社保、生活支出和欠薪情况。记录走访时可一并登记。</source>
        <translation>No employment, training, income, social insurance, expenses or arrears recorded yet. They can be recorded with a visit.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="297" />
        <source>有变化</source>
        <translation>changed</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="300" />
        <source>最新情况（%1）</source>
        <translation>Latest (%1)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="300" />
        <source>%1 的登记</source>
        <translation>Recorded on %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="304" />
        <source>　走访时登记</source>
        <translation>  recorded at a visit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="330" />
        <source>转介事项</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="331" />
        <source>接收单位</source>
        <translation>Receiving body</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="332" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="333" />
        <source>转介日期</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="334" />
        <source>跟进日期</source>
        <translation>Follow up on</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="343" />
        <source>变更状态…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="345" />
        <location filename="../../src/fieldapp/ui/profile.py" line="407" />
        <location filename="../../src/fieldapp/ui/profile.py" line="410" />
        <location filename="../../src/fieldapp/ui/profile.py" line="599" />
        <source>修改…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="347" />
        <source>更正接收单位、原因、日期或涉及成员，须写明修改原因</source>
        <translation>Correct the receiving body, reason, date or member; a reason for the correction is required</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="350" />
        <source>打印转介单…</source>
        <translation>Print referral slip…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="354" />
        <source>转介单带回执联和二维码，随当事人交接收单位；身份证号和电话默认隐去中间部分。在本页按 Ctrl+P 打印选中的转介单</source>
        <translation>The slip has a return stub and a QR code and goes with the person to the receiving body; ID and phone numbers are masked unless you choose to show them. Ctrl+P on this tab prints the selected referral's slip</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="409" />
        <source>更正选中的救助发放，须写明修改原因</source>
        <translation>Correct the selected relief payment; a reason is required</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="412" />
        <source>更正选中的同意记录，须写明修改原因</source>
        <translation>Correct the selected consent; a reason is required</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="451" />
        <source>查看(&amp;V)…</source>
        <translation>&amp;View…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="453" />
        <source>查看选中的照片（双击也可以）；查看会记入审计记录</source>
        <translation>View the selected photo (or double-click it); viewing is recorded in the audit log</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="585" />
        <source>走访记录（%1）(&amp;3)</source>
        <translation>Visits (%1) (&amp;3)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="586" />
        <source>转介（%1）(&amp;4)</source>
        <translation>Referrals (%1) (&amp;4)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="587" />
        <source>附件（%1）(&amp;6)</source>
        <translation>Attachments (%1) (&amp;6)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="375" />
        <source>状态记录</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="387" />
        <source>项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="387" />
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="387" />
        <source>发放日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="387" />
        <location filename="../../src/fieldapp/ui/profile.py" line="441" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="393" />
        <source>同意事项</source>
        <translation>Consent for</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="394" />
        <source>是否同意</source>
        <translation>Given</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="395" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="396" />
        <source>告知书版本</source>
        <translation>Notice version</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="397" />
        <source>监护人</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="401" />
        <source>登记救助…</source>
        <translation>Record relief…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="403" />
        <source>登记同意…</source>
        <translation>Record consent…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="421" />
        <source>救助发放</source>
        <translation>Relief paid</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="426" />
        <source>个人信息处理同意（《个人信息保护法》第29条等）</source>
        <translation>Consents to processing personal information (PIPL Art. 29 etc.)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="441" />
        <location filename="../../src/fieldapp/ui/profile.py" line="461" />
        <source>材料类别</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="441" />
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="441" />
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="441" />
        <source>添加时间</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="448" />
        <source>从电脑选择照片或文件…</source>
        <translation>Choose a photo or file…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="476" />
        <source>（无户主）</source>
        <translation>(no head)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="478" />
        <source>（已移交，只读）</source>
        <translation> (handed over, read-only)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="482" />
        <source>该户已由市总工会移交给“%1”，本机只能查看</source>
        <translation>Headquarters handed this household to '%1'; read-only here</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="486" />
        <source>未评定</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="492" />
        <location filename="../../src/fieldapp/ui/profile.py" line="684" />
        <source>（待补充）</source>
        <translation>(missing)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="495" />
        <source>未结对</source>
        <translation>not paired</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="505" />
        <source>资料齐全</source>
        <translation>complete</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="562" />
        <source>同意</source>
        <translation>given</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="562" />
        <source>撤回</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="594" />
        <source>还没有走访记录。点“记录走访”开始。</source>
        <translation>No visits yet. Click “Record a visit” to start.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="598" />
        <source>下次走访</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="598" />
        <source>打印走访记录表…</source>
        <translation>Print visit record…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="599" />
        <source>作废…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="605" />
        <source>见到</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="606" />
        <source>生活状况</source>
        <translation>Living conditions</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="607" />
        <source>利益诉求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="608" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="733" />
        <source>删除家庭成员</source>
        <translation>Remove family member</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="734" />
        <source>确定删除“%1”吗？记录会保留在历史中，可由市总工会恢复。</source>
        <translation>Remove “%1”? The record stays in the history and headquarters can restore it.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="740" />
        <source>未能删除</source>
        <translation>Not removed</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="774" />
        <source>选择材料照片或文件</source>
        <translation>Choose a document photo or file</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="776" />
        <source>图片和PDF (*.jpg *.jpeg *.png *.pdf);;所有文件 (*)</source>
        <translation>Images and PDF (*.jpg *.jpeg *.png *.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="795" />
        <source>附件未能添加</source>
        <translation>Attachment not added</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="797" />
        <source>正在复制附件…</source>
        <translation>Copying the attachment…</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="104" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="105" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="106" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="107" />
        <source>所在村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="108" />
        <source>困难类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="109" />
        <source>主要致困原因</source>
        <translation>Main cause</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="110" />
        <source>结对干部</source>
        <translation>Paired cadre</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="111" />
        <source>人口</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="276" />
        <location filename="../../src/fieldapp/ui/household_list.py" line="277" />
        <location filename="../../src/fieldapp/ui/household_list.py" line="278" />
        <source>（待补充）</source>
        <translation>(missing)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="279" />
        <source>未评定</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="281" />
        <source>未结对</source>
        <translation>not paired</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="265" />
        <source>单击显示完整号码（会记入审计记录）</source>
        <translation>Click to show the full number (recorded in the audit log)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="115" />
        <source>导入困难户名单</source>
        <translation>Import household list</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="127" />
        <source>从Excel或CSV文件导入联系户名单（每行一户，须有姓名和身份证号两列）。导入前先列出将导入的户和不能导入的行；改正后按“重新读取”，已导入的户不会重复。</source>
        <translation>Import a contact-household list from an Excel or CSV file (one household per row, with name and ID number columns). Before importing you see the households to import and the rows that cannot be imported; after correcting the file press Read again — households already imported are not imported twice.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="133" />
        <source>尚未选择文件</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="145" />
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="153" />
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="158" />
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="146" />
        <source>户主姓名</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="147" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="148" />
        <source>村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="149" />
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="153" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="154" />
        <source>将导入的户</source>
        <translation>Households to import</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="156" />
        <source>不能导入的行</source>
        <translation>Rows that cannot be imported</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="158" />
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="159" />
        <source>提醒</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="176" />
        <source>选择文件(&amp;O)…</source>
        <translation>&amp;Open a file…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="178" />
        <source>重新读取(&amp;R)</source>
        <translation>&amp;Read again</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="180" />
        <source>在Excel中改正并保存文件后，重新读取同一文件</source>
        <translation>Read the same file again after correcting and saving it in Excel</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="181" />
        <source>导入(&amp;M)</source>
        <translation>I&amp;mport</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="183" />
        <source>关闭(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="215" />
        <source>选择困难户名单</source>
        <translation>Choose the household list</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="217" />
        <source>Excel或CSV文件 (*.xlsx *.xlsm *.xls *.et *.csv *.txt);;所有文件 (*)</source>
        <translation>Excel or CSV files (*.xlsx *.xlsm *.xls *.et *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="225" />
        <source>文件：%1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="235" />
        <source>正在读取名单…</source>
        <translation>Reading the list…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="252" />
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="289" />
        <source>将导入的户（%1 户）</source>
        <translation>Households to import (%1)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="290" />
        <source>将导入 %1 户，已导入过 %2 户，不能导入 %3 行。</source>
        <translation>%1 households to import, %2 imported before, %3 rows cannot be imported. </translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="281" />
        <source>家庭成员 %1 人。</source>
        <translation>Family members: %1.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="309" />
        <source>已导入 %1 户，已导入过 %2 户，未导入 %3 行。</source>
        <translation>Imported %1 households; %2 imported before; %3 rows not imported. </translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="292" />
        <source>可以先导入其余的户；改正不能导入的行并保存文件后，按“重新读取”。</source>
        <translation>You can import the other households now; correct the rows that cannot be imported, save the file and press Read again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="294" />
        <source>没有要导入的户。</source>
        <translation>No households to import.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="297" />
        <source>文件在预览之后又改动过，已重新读取；请核对后再按“导入”。</source>
        <translation>The file was changed after the preview and has been read again; check it, then press Import.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="308" />
        <source>已导入的户（%1 户）</source>
        <translation>Households imported (%1)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="311" />
        <source>改正未导入的行并保存文件后，按“重新读取”再导入；已导入的户不会重复。</source>
        <translation>Correct the rows not imported, save the file and press Read again to import them; households already imported are not imported twice.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="329" />
        <source>未能读取这个文件：%1</source>
        <translation>Could not read this file: %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="343" />
        <source>（待补充）</source>
        <translation>(missing)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="357" />
        <source>未识别的列（已忽略）：%1</source>
        <translation>Columns not recognised (ignored): %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="359" />
        <source>提醒（%1 条）</source>
        <translation>Notes (%1)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="373" />
        <source>不能导入的行（%1 行）</source>
        <translation>Rows that cannot be imported (%1)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/import_dialog.py" line="369" />
        <source>“%1”表第%2行</source>
        <translation>sheet “%1”, row %2</translation>
    </message>
</context>
<context>
    <name>Item19Section</name>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="43" />
        <location filename="../../src/fieldapp/ui/item19_form.py" line="114" />
        <source>就业</source>
        <translation>Employment</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="44" />
        <source>培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="45" />
        <source>收入</source>
        <translation>Income</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="46" />
        <location filename="../../src/fieldapp/ui/item19_form.py" line="127" />
        <source>社保</source>
        <translation>Social insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="47" />
        <source>生活支出</source>
        <translation>Living expenses</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="48" />
        <source>欠薪</source>
        <translation>Wage arrears</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="55" />
        <location filename="../../src/fieldapp/ui/item19_form.py" line="63" />
        <source>未填</source>
        <translation>not filled in</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="89" />
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="99" />
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="105" />
        <source>所获证书</source>
        <translation>Certificate obtained</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="117" />
        <source>月收入(元)</source>
        <translation>Monthly income (yuan)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="119" />
        <source>培训 希望/已参加</source>
        <translation>Training wanted/received</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="210" />
        <source>就业、培训、收入、社保、支出、欠薪（第十九条）</source>
        <translation>Employment, training, income, social insurance, expenses, wage arrears (item 19)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="224" />
        <source>上次登记：%1</source>
        <translation>Last recorded: %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="228" />
        <source>尚未登记过，请直接填写下面的情况；不填的项目记为“未填”。</source>
        <translation>Nothing recorded yet: type the figures below; anything left blank is recorded as not filled in.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="236" />
        <source>全部无变化(&amp;0)</source>
        <translation>All unchanged (&amp;0)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="252" />
        <source>无变化(&amp;%1)</source>
        <translation>Unchanged (&amp;%1)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="279" />
        <source>欠薪单位</source>
        <translation>Employer owing wages</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="283" />
        <source>反映日期 如 2026-10-09</source>
        <translation>Reported on, e.g. 2026-10-09</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="288" />
        <source>家庭年收入(元)</source>
        <translation>Annual household income (yuan)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="291" />
        <source>食品</source>
        <translation>Food</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="292" />
        <source>住房</source>
        <translation>Housing</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="293" />
        <source>医疗</source>
        <translation>Medical</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="294" />
        <source>子女上学</source>
        <translation>Children's schooling</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="295" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="297" />
        <source>年支出(元)</source>
        <translation>Yearly expenses (yuan)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="303" />
        <source>被拖欠工资(元)</source>
        <translation>Wages owed (yuan)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/item19_form.py" line="316" />
        <source>该户没有劳动年龄（16–64岁）的成员。</source>
        <translation>This household has no member of working age (16–64).</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="118" />
        <source>欢迎使用工会结对帮扶台账</source>
        <translation>Welcome to the Trade Union Pairing Ledger</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="119" />
        <source>第一次使用，请按步骤设置（约5分钟）。可以随时关闭，下次打开会回到这一步。</source>
        <translation>First start: set up step by step (about 5 minutes). You can close at any time; the next start comes back to this step.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="127" />
        <source>界面语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="130" />
        <source>用方向键选择，按 Ctrl+回车 或“下一步”继续。以后可在 文件 → 设置 中更改。</source>
        <translation>Choose with the arrow keys; press Ctrl+Enter or Next to go on. You can change it later under File → Settings.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="52" />
        <source>台账已锁定</source>
        <translation>The ledger is locked</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="60" />
        <source>为保护困难户的个人信息，离开电脑时台账会自动锁定。
请输入您的密码继续工作，未保存的内容都还在。</source>
        <translation>To protect the households' personal information the ledger locks itself when you leave the computer.
Type your password to go on; nothing unsaved is lost.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="69" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="71" />
        <source>解锁(&amp;U)</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="80" />
        <source>忘记密码…</source>
        <translation>Forgot password…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="120" />
        <source>请输入设置密码时抄下或打印的恢复码，再设置一个新密码。台账里的数据不会改变。</source>
        <translation>Type the recovery code written down or printed when the password was set, then choose a new password. The ledger's data does not change.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="126" />
        <source>24位，如 K7QD-3M9P-…，大小写和短横线都可以</source>
        <translation>24 characters, e.g. K7QD-3M9P-…; case and dashes do not matter</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="130" />
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="134" />
        <source>再输入一次</source>
        <translation>Type it again</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="135" />
        <source>重设密码并解锁(&amp;R)</source>
        <translation>&amp;Reset password and unlock</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="137" />
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="140" />
        <source>恢复码(&amp;K)</source>
        <translation>Recovery code (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="141" />
        <source>新密码(&amp;P)</source>
        <translation>New &amp;password</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="142" />
        <source>确认密码(&amp;C)</source>
        <translation>&amp;Confirm password</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="182" />
        <source>请输入恢复码。</source>
        <translation>Enter the recovery code.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="186" />
        <source>两次输入的新密码不一样，请重新输入。</source>
        <translation>The two new passwords differ; please type them again.</translation>
    </message>
</context>
<context>
    <name>Locker</name>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="286" />
        <source>正在核对密码…</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/lock.py" line="297" />
        <source>正在用恢复码重设密码…</source>
        <translation>Setting a new password with the recovery code…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="99" />
        <source>工会结对帮扶台账</source>
        <translation>Union paired-assistance ledger</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="114" />
        <source>工作台</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="173" />
        <source>新建困难户(&amp;N)…</source>
        <translation>&amp;New household…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="177" />
        <source>登记一户新的结对困难户</source>
        <translation>Register a new paired household</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="180" />
        <source>记录走访(&amp;V)…</source>
        <translation>Record &amp;visit…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="184" />
        <source>为选中的困难户记录一次走访</source>
        <translation>Record a visit to the selected household</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="187" />
        <source>新建转介(&amp;R)…</source>
        <translation>New &amp;referral…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="191" />
        <source>把选中的困难户转介给相关单位</source>
        <translation>Refer the selected household to a service</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="193" />
        <source>刷新(&amp;F)</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="195" />
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="197" />
        <source>查找困难户(&amp;F)</source>
        <translation>&amp;Find household</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="199" />
        <source>回到工作台(&amp;H)</source>
        <translation>&amp;Home (workbench)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="202" />
        <source>关闭当前档案(&amp;W)</source>
        <translation>Close this file (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="204" />
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="206" />
        <source>锁定(&amp;L)</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="206" />
        <source>离开电脑时锁定台账，回来输入密码继续</source>
        <translation>Lock the ledger when leaving the computer; type the password to go on</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="210" />
        <source>使用说明(&amp;H)</source>
        <translation>&amp;How to use</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="211" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="215" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="218" />
        <source>导入困难户名单(&amp;I)…</source>
        <translation>&amp;Import household list…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="220" />
        <source>从Excel或CSV名单导入联系户，导入前先预览</source>
        <translation>Import contact households from an Excel or CSV list, with a preview first</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="229" />
        <source>备份位置(&amp;B)…</source>
        <translation>&amp;Backup location…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="232" />
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="239" />
        <source>记录(&amp;R)</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="242" />
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="248" />
        <source>同步(&amp;Y)</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="250" />
        <source>与市总工会同步(&amp;S)…</source>
        <translation>&amp;Sync with headquarters…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="254" />
        <source>上传到市总工会、导出到U盘或导入回执</source>
        <translation>Upload to headquarters, export to a USB stick or import its reply</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="257" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="261" />
        <source>常用</source>
        <translation>Common</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="277" />
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="280" />
        <source>打印公示名单(&amp;G)…</source>
        <translation>Print the public notice (&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="282" />
        <source>帮扶对象公示名单（已同意公示的户）</source>
        <translation>Public notice of assisted households (those who consented)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="286" />
        <source>批量打印(&amp;M)…</source>
        <translation>Batch print (&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="288" />
        <source>为全部困难户、一个乡镇或一个村生成表单或公示名单的PDF文件</source>
        <translation>PDF files of a form or the public notice for every household, a township or a village</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="345" />
        <source>正在打开台账…</source>
        <translation>Opening the ledger…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="379" />
        <source>正在读取台账…</source>
        <translation>Reading the ledger…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="385" />
        <source>无法打开台账</source>
        <translation>Cannot open the ledger</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="388" />
        <source>读取台账失败</source>
        <translation>Could not read the ledger</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="409" />
        <source>当前干部：%1</source>
        <translation>Cadre: %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="411" />
        <source>当前干部：未设置</source>
        <translation>Cadre: not set</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="415" />
        <source>已读取 %1 户</source>
        <translation>%1 households read</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="444" />
        <location filename="../../src/fieldapp/ui/main_window.py" line="458" />
        <source>档案</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="462" />
        <source>正在打开档案…</source>
        <translation>Opening the file…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="463" />
        <source>打开档案失败</source>
        <translation>Could not open the file</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="490" />
        <source>请先选择一户</source>
        <translation>Choose a household first</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="491" />
        <source>请先在困难户列表中选中一户（可用 Ctrl+F 查找），再进行此操作。</source>
        <translation>Select a household in the list first (Ctrl+F to search), then try again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="533" />
        <source>审计记录未能保存</source>
        <translation>The audit entry could not be saved</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="588" />
        <source>部分困难户未列入公示</source>
        <translation>Some households are left off the notice</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="590" />
        <source>有 %1 户符合公示条件，但没有签署公示同意书，不会列入公示名单（《个人信息保护法》第25条）。
如需公示，请先取得本人同意，并在档案“救助与同意”页登记。</source>
        <translation>%1 households qualify but have not signed the public-notice consent; they are left off the notice (PIPL Art. 25).
To list them, obtain their consent first and record it on the file's “Relief and consent” tab.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="595" />
        <source>公示名单</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="612" />
        <source>正在生成公示名单…</source>
        <translation>Generating the public notice…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="613" />
        <source>公示名单未能生成</source>
        <translation>The public notice could not be generated</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="754" />
        <source>无法打开批量打印</source>
        <translation>Cannot open batch printing</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="789" />
        <location filename="../../src/fieldapp/ui/main_window.py" line="813" />
        <source>无法打开打印预览</source>
        <translation>Cannot open the print preview</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="842" />
        <source>未登记同步（%1 条待上传）</source>
        <translation>Sync not enrolled (%1 changes waiting)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="844" />
        <source>待同步 %1 条</source>
        <translation>%1 changes to sync</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="846" />
        <source>已全部同步</source>
        <translation>All synced</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="849" />
        <source>同步 → 与市总工会同步（Ctrl+Shift+S）</source>
        <translation>Sync → Sync with headquarters (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="859" />
        <source>使用说明</source>
        <translation>How to use</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="861" />
        <source>1. 查找困难户：在左上角搜索框输入姓名、拼音首字母（如 zhs）、身份证号后几位、电话或村名。
2. 打开档案：双击列表中的一户，或选中后按回车。
3. 记录走访：选中一户后按 Ctrl+E，用 Tab 填写，回车保存。草稿自动保存。
4. 新建转介：按 Ctrl+R，选择转介事项和接收单位；在档案的“转介”页变更状态。
5. 待办：右侧列出到期和逾期的走访与转介跟进，双击打开。</source>
        <translation>1. Find a household: type a name, pinyin initials (e.g. zhs), the end of an ID number, a phone or a village in the search box.
2. Open its file: double-click it, or select it and press Enter.
3. Record a visit: select a household and press Ctrl+E; Tab through the form, Enter saves. Drafts are kept automatically.
4. New referral: Ctrl+R, choose the service and the receiving body; change its status on the file's Referrals page.
5. To do: due and overdue visits and follow-ups are listed on the right; double-click to open.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="874" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="875" />
        <source>工会结对帮扶台账 %1
依据临会发〔2014〕20号、总工发〔2015〕14号。
数据文件：%2</source>
        <translation>Union paired-assistance ledger %1
After Linyi FTU 2014 No. 20 and ACFTU 2015 No. 14.
Data file: %2</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="299" />
        <source>编辑家庭成员</source>
        <translation>Edit family member</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="299" />
        <source>添加家庭成员</source>
        <translation>Add family member</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="315" />
        <source>如：尿毒症</source>
        <translation>e.g. uraemia</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="316" />
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="317" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="318" />
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="319" />
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="326" />
        <source>（未填）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="325" />
        <source> 元/月</source>
        <translation> yuan/month</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="328" />
        <source>姓名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="329" />
        <source>与户主关系(&amp;R)</source>
        <translation>&amp;Relation to head</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="330" />
        <source>身份证号(&amp;I)</source>
        <translation>&amp;ID number</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="331" />
        <source>本人电话</source>
        <translation>Own phone</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="332" />
        <source>健康状况</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="333" />
        <source>疾病名称</source>
        <translation>Illness</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="334" />
        <source>残疾类别/等级</source>
        <translation>Disability / grade</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="335" />
        <source>就业状况/身份</source>
        <translation>Work status / identity</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="336" />
        <source>单位或学校</source>
        <translation>Employer or school</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="337" />
        <source>月收入</source>
        <translation>Monthly income</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="338" />
        <source>医疗保险</source>
        <translation>Medical insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="353" />
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="359" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="399" />
        <source>家庭成员</source>
        <translation>Family members</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="457" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="458" />
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="473" />
        <source>需要监护人同意</source>
        <translation>Guardian's consent needed</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="475" />
        <source>“%1”未满14周岁，健康、残疾等属于敏感个人信息，须先取得监护人的单独同意（《个人信息保护法》第28、31条）。
本户还没有登记监护人同意。请先在“救助与同意”页登记，或确认已取得书面同意后继续保存。</source>
        <translation>“%1” is under 14: health and disability details are sensitive personal information and need a guardian's separate consent first (PIPL Art. 28, 31).
No guardian's consent is recorded for this household. Record it on the “Relief and consent” tab, or save anyway if written consent has been obtained.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="34" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="37" />
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="40" />
        <source>仍然继续</source>
        <translation>Continue anyway</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="43" />
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="46" />
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="48" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="50" />
        <source>继续编辑</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="86" />
        <source>以下内容需要修改，尚未保存：</source>
        <translation>Please correct the following; nothing was saved:</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="93" />
        <source>请刷新（F5）后再试。</source>
        <translation>Refresh (F5) and try again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="107" />
        <source>%1。%2。</source>
        <translation>%1. %2.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="113" />
        <source>程序内部出错，这次操作没有完成。
请再试一次；如果还不行，请把出错的时间和操作告诉技术支持人员。</source>
        <translation>An internal error stopped this action.
Please try again; if it still fails, tell technical support the time and what you were doing.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="125" />
        <source>未能完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="136" />
        <source>有未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="137" />
        <source>“%1”还有未保存的修改。
保存、放弃修改，还是继续编辑？</source>
        <translation>“%1” has unsaved changes.
Save, discard them, or keep editing?</translation>
    </message>
</context>
<context>
    <name>PasswordPage</name>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="196" />
        <source>设置密码</source>
        <translation>Set a password</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="199" />
        <source>台账（身份证号、健康、收入等个人信息）会用这个密码加密，电脑丢失或被他人使用时也读不出来。每次打开和解锁时都要输入。</source>
        <translation>The ledger (ID numbers, health, income and other personal data) is encrypted with this password, so nobody can read it if the laptop is lost or used by someone else. You type it at every start and unlock.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="203" />
        <source>至少6位，不要用生日或123456</source>
        <translation>At least 6 characters; not a birthday or 123456</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="204" />
        <source>再输入一次</source>
        <translation>Type it again</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="208" />
        <source>密码(&amp;W)</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="209" />
        <source>确认密码(&amp;C)</source>
        <translation>&amp;Confirm password</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="212" />
        <source>密码不会保存在设置里；按“下一步”加密台账，下一页显示恢复码。</source>
        <translation>The password is never kept in the settings. Press Next to encrypt the ledger; the next page shows the recovery code.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="231" />
        <source>请设置密码。</source>
        <translation>Set a password.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="235" />
        <source>两次输入的密码不一样，请重新输入。</source>
        <translation>The two passwords differ; please type them again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/first_run.py" line="261" />
        <source>正在加密台账…</source>
        <translation>Encrypting the ledger…</translation>
    </message>
</context>
<context>
    <name>PrintChooser</name>
    <message>
        <location filename="../../src/fieldapp/ui/print_action.py" line="41" />
        <source>打印 — %1</source>
        <translation>Print — %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_action.py" line="51" />
        <source>表格(&amp;F)</source>
        <translation>&amp;Form</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_action.py" line="52" />
        <source>先预览，再打印或另存为PDF；每次输出都会记录。</source>
        <translation>Preview first, then print or save as PDF; every output is recorded.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_action.py" line="62" />
        <source>预览(&amp;P)</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_action.py" line="63" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="70" />
        <source>打印</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="77" />
        <source>另存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="79" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="105" />
        <source>打印机无法开始打印（可能未连接或已暂停）</source>
        <translation>The printer cannot start (not connected, or paused)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="138" />
        <source>打印预览 — </source>
        <translation>Print preview — </translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="160" />
        <source>显示完整身份证号和电话（将记入审计记录）</source>
        <translation>Show full ID and phone numbers (recorded in the audit log)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="164" />
        <source>这份表单会交给其他单位，默认隐去困难户的身份证号和电话。确需完整号码时勾选；打印或保存时会记入审计记录。</source>
        <translation>This form goes to another body, so the family's ID and phone numbers are masked. Tick only if the full numbers are really needed; printing or saving it is then recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="176" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="178" />
        <source>另存为PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="179" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="220" />
        <source>无法显示该文档（文件不完整或已损坏），请重新生成。</source>
        <translation>The document cannot be shown (incomplete or damaged); please generate it again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="227" />
        <source>共 %1 页</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="229" />
        <source>，一式%1份</source>
        <translation>, %1 copies</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="285" />
        <source>未能打印</source>
        <translation>Could not print</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="288" />
        <source>请检查打印机后再试；文档仍在预览中。</source>
        <translation>Check the printer and try again; the document is still in the preview.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="295" />
        <source>已发送到打印机（%1份）</source>
        <translation>Sent to the printer (%1 copies)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="310" />
        <source>未能保存PDF</source>
        <translation>The PDF could not be saved</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="313" />
        <source>已保存到 </source>
        <translation>Saved to </translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="327" />
        <location filename="../../src/fieldapp/ui/print_preview.py" line="332" />
        <source>本户全部表单</source>
        <translation>All forms of this household</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="335" />
        <source>表单：</source>
        <translation>Form:</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="457" />
        <location filename="../../src/fieldapp/ui/print_preview.py" line="585" />
        <source>批量打印</source>
        <translation>Batch printing</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="468" />
        <source>公示名单（本范围一份）</source>
        <translation>Public notice (one for the area)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="477" />
        <source>全部困难户（%1 户）</source>
        <translation>All households (%1)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="484" />
        <source>%1（%2 户）</source>
        <translation>%1 (households: %2)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="491" />
        <source>保存PDF的文件夹</source>
        <translation>Folder for the PDF files</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="492" />
        <source>选择(&amp;B)…</source>
        <translation>Choose (&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="498" />
        <source>每户生成一个PDF文件，并记入打印记录。</source>
        <translation>One PDF file per household, each recorded in the print log.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="511" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="512" />
        <source>未能生成的原因</source>
        <translation>Why it was not generated</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="522" />
        <source>开始(&amp;S)</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="524" />
        <source>打开文件夹(&amp;O)</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="528" />
        <location filename="../../src/fieldapp/ui/print_preview.py" line="639" />
        <source>关闭(&amp;C)</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="535" />
        <source>表单(&amp;F)：</source>
        <translation>&amp;Form:</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="538" />
        <source>范围(&amp;A)：</source>
        <translation>&amp;Area:</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="544" />
        <source>文件夹(&amp;D)：</source>
        <translation>Fol&amp;der:</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="569" />
        <source>户</source>
        <translation>households</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="571" />
        <source>份</source>
        <translation>documents</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="586" />
        <source>请先选择保存PDF的文件夹。</source>
        <translation>Choose a folder for the PDF files first.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="595" />
        <source>取消(&amp;C)</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="597" />
        <source>正在准备…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="614" />
        <source>正在生成第 %1 / %2 %3：%4</source>
        <translation>Generating %1 of %2: %4</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="622" />
        <source>已生成 %1 / %2 %3</source>
        <translation>Generated %1 of %2</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="649" />
        <source>已取消。已生成 %1 个文件（共 %2 页），还有 %3 %4未生成；已生成的文件完整可用，已记入打印记录。</source>
        <translation>Cancelled. Files generated: %1 (pages: %2); not generated: %3. The files generated are complete and recorded in the print log.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="660" />
        <source>完成：已生成 %1 个文件（共 %2 页），已记入打印记录。</source>
        <translation>Done. Files generated: %1 (pages: %2), recorded in the print log.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="667" />
        <source>保存在：%1</source>
        <translation>Saved in: %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="671" />
        <source>有 %1 %2未能生成，原因见下表；处理后可再次批量打印。</source>
        <translation>Not generated: %1 (reasons below); deal with them, then print the batch again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="700" />
        <source>批量打印中断：</source>
        <translation>Batch printing interrupted: </translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="703" />
        <source>批量打印中断</source>
        <translation>Batch printing interrupted</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="706" />
        <source>已生成的文件和打印记录都已保留；请处理后再试。</source>
        <translation>The files and print records made so far are kept; fix the problem and try again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="714" />
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="715" />
        <source>无法打开文件夹，请在文件管理器中打开：%1</source>
        <translation>Cannot open the folder; open it in the file manager: %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="267" />
        <location filename="../../src/fieldapp/ui/print_preview.py" line="364" />
        <source>无法生成表单</source>
        <translation>The form could not be generated</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="384" />
        <source>打印记录未能保存</source>
        <translation>The print record could not be saved</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_preview.py" line="434" />
        <source>选择保存PDF的文件夹</source>
        <translation>Choose the folder for the PDF files</translation>
    </message>
</context>
<context>
    <name>PrintingPage</name>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="122" />
        <source>（系统默认打印机）</source>
        <translation>(system default printer)</translation>
    </message>
</context>
<context>
    <name>RecordPreview</name>
    <message>
        <location filename="../../src/fieldapp/ui/print_action.py" line="125" />
        <source>正在生成表格…</source>
        <translation>Generating the form…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_action.py" line="126" />
        <source>表格未能生成</source>
        <translation>The form could not be generated</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_action.py" line="164" />
        <source>打印记录未能保存</source>
        <translation>The print record could not be saved</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="78" />
        <source>新建转介 — %1</source>
        <translation>New referral — %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="78" />
        <source>修改转介 — %1</source>
        <translation>Correct a referral — %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="97" />
        <source>（全户）</source>
        <translation>(whole household)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="104" />
        <source>为什么转介、希望对方做什么</source>
        <translation>Why refer, and what the receiving body should do</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="112" />
        <source>转介事项(&amp;K)</source>
        <translation>Referral &amp;kind</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="113" />
        <source>接收单位(&amp;B)</source>
        <translation>Receiving &amp;body</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="114" />
        <source>涉及成员</source>
        <translation>Member concerned</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="115" />
        <source>转介原因(&amp;E)</source>
        <translation>R&amp;eason</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="116" />
        <source>转介日期</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="132" />
        <source>保存转介(&amp;S)</source>
        <translation>&amp;Save referral</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="132" />
        <source>保存修改(&amp;S)</source>
        <translation>&amp;Save the correction</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="139" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="146" />
        <source>来自本次走访</source>
        <translation>From this visit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="217" />
        <source>转出后每 %1 天跟进一次，到期会列入待办。</source>
        <translation>Follow up every %1 days once sent; due follow-ups appear on the to-do list.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="243" />
        <source>没有转介同意</source>
        <translation>No consent to refer</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="245" />
        <source>这户还没有同意把个人信息提供给其他单位（转介）。按《个人信息保护法》第23条，转介前须取得本人单独同意。
请先向本人说明并在“救助与同意”页登记同意；确已取得书面同意的，可以继续保存转介。</source>
        <translation>This household has not agreed to its personal information being given to another body (referral). Under PIPL Art. 23 a referral needs the person's separate consent.
Explain it to them and record the consent on the “Relief and consent” tab; if written consent has been obtained, you may save the referral anyway.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="272" />
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="297" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="273" />
        <source>转介未能保存</source>
        <translation>Referral not saved</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="298" />
        <source>转介未能修改</source>
        <translation>Referral not corrected</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="315" />
        <source>转介</source>
        <translation>Referrals</translation>
    </message>
</context>
<context>
    <name>ReliefDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="47" />
        <source>（全户）</source>
        <translation>(whole household)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="60" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="78" />
        <source>登记救助发放</source>
        <translation>Record relief paid</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="78" />
        <source>修改救助发放</source>
        <translation>Correct a relief payment</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="84" />
        <source> 元</source>
        <translation> yuan</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="93" />
        <source>救助项目(&amp;G)</source>
        <translation>Pro&amp;gramme</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="94" />
        <source>金额(&amp;A)</source>
        <translation>&amp;Amount</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="95" />
        <source>发放日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="96" />
        <source>发给</source>
        <translation>Paid to</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="97" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="111" />
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="142" />
        <source>救助发放</source>
        <translation>Relief paid</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="160" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="161" />
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="38" />
        <source>干部姓名</source>
        <translation>Cadre's name</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="39" />
        <source>所在单位</source>
        <translation>Employer unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="40" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="41" />
        <source>默认打印机</source>
        <translation>Default printer</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="42" />
        <source>打印份数（一式几份）</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="43" />
        <source>双面打印</source>
        <translation>Print on both sides</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="44" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="45" />
        <source>只显示我结对的困难户</source>
        <translation>Show only my households</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="46" />
        <source>再摸底开始日期</source>
        <translation>Re-survey start date</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="47" />
        <source>窗口位置</source>
        <translation>Window position</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="48" />
        <source>工具栏布局</source>
        <translation>Toolbar layout</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="49" />
        <source>分栏宽度</source>
        <translation>Pane widths</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="51" />
        <source>无操作多少分钟后自动锁定（0 为不锁定）</source>
        <translation>Lock after this many idle minutes (0 = never)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="53" />
        <source>市总工会服务器地址</source>
        <translation>Headquarters server address</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="54" />
        <source>上次使用的U盘文件夹</source>
        <translation>Last USB folder used</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="57" />
        <source>首次设置的数据文件夹</source>
        <translation>Data folder of the first-start wizard</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="58" />
        <source>首次设置进行到的步骤</source>
        <translation>Step reached in the first-start wizard</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="59" />
        <source>首次设置已填写的内容</source>
        <translation>What was typed in the first-start wizard</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="257" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="266" />
        <source>干部信息</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="267" />
        <source>低保标准</source>
        <translation>Dibao standard</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="268" />
        <source>打印</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="269" />
        <source>界面、再摸底与锁屏</source>
        <translation>Interface, re-survey and lock</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="270" />
        <source>自动备份</source>
        <translation>Automatic backups</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="285" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="287" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="76" />
        <source>登录 — 工会结对帮扶台账</source>
        <translation>Sign in — Union paired-assistance ledger</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="79" />
        <source>工会结对帮扶台账</source>
        <translation>Union paired-assistance ledger</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="84" />
        <location filename="../../src/fieldapp/ui/signin.py" line="469" />
        <source>数据文件夹：%1</source>
        <translation>Data folder: %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="108" />
        <source>演示数据的密码是 %1（已填好，直接按回车）。正式台账请设置您自己的密码。</source>
        <translation>The demo data's password is %1 (filled in: just press Enter). Set your own password for a real ledger.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="122" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="123" />
        <source>登录(&amp;L)</source>
        <translation>Sign in (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="126" />
        <source>忘记密码…</source>
        <translation>Forgot password…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="133" />
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="140" />
        <source>台账已加密。请输入您的密码。</source>
        <translation>The ledger is encrypted. Please type your password.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="151" />
        <source>至少6位，不要用生日或123456</source>
        <translation>At least 6 characters; not a birthday or 123456</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="152" />
        <location filename="../../src/fieldapp/ui/signin.py" line="229" />
        <source>再输入一次</source>
        <translation>Type it again</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="153" />
        <source>设置密码并加密台账(&amp;S)</source>
        <translation>&amp;Set the password and encrypt the ledger</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="158" />
        <source>第一次使用：请设置一个密码。台账（身份证号、健康、收入等个人信息）会用它加密，电脑丢失或被他人使用时也读不出来。每次打开和解锁时都要输入。</source>
        <translation>First use: please set a password. The ledger (ID numbers, health, income and other personal information) is encrypted with it, so a lost or borrowed computer reveals nothing. You type it each time you open or unlock the ledger.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="167" />
        <location filename="../../src/fieldapp/ui/signin.py" line="237" />
        <source>新密码(&amp;P)</source>
        <translation>New &amp;password</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="168" />
        <location filename="../../src/fieldapp/ui/signin.py" line="238" />
        <source>确认密码(&amp;C)</source>
        <translation>&amp;Confirm password</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="193" />
        <source>我已把恢复码抄在纸上（或打印出来），并与电脑分开保管</source>
        <translation>I have written the recovery code down (or printed it) and keep it apart from the computer</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="195" />
        <source>打印恢复码…</source>
        <translation>Print the recovery code…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="197" />
        <source>进入台账(&amp;E)</source>
        <translation>&amp;Enter the ledger</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="212" />
        <source>密码已设置，台账已加密。下面是恢复码：忘记密码，或把台账复制到别的电脑时，只有用它才能打开。它只显示这一次。</source>
        <translation>The password is set and the ledger encrypted. Below is the recovery code: if the password is forgotten, or the ledger is copied to another computer, only this code opens it. It is shown this once.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="227" />
        <source>24位，如 K7QD-3M9P-…，大小写和短横线都可以</source>
        <translation>24 characters, e.g. K7QD-3M9P-…; case and dashes do not matter</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="228" />
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="230" />
        <source>用恢复码重设密码(&amp;R)</source>
        <translation>Set a new password with the &amp;recovery code</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="233" />
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="236" />
        <source>恢复码(&amp;K)</source>
        <translation>Recovery code (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="244" />
        <source>请输入设置密码时抄下或打印的恢复码，再设置一个新密码。台账里的数据不会改变。</source>
        <translation>Type the recovery code written down or printed when the password was set, then choose a new password. The ledger's data does not change.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="293" />
        <source>这是第一次使用：请再输入一次密码确认，然后按回车设置。</source>
        <translation>This is the first start: type the password once more to confirm, then press Enter.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="302" />
        <source>这本台账还没有加密。请设置一个密码：台账和备份会用它加密（只需一次，数据不会丢失）。以后每次打开和解锁时都要输入。</source>
        <translation>This ledger is not encrypted yet. Please set a password: the ledger and its backups are encrypted with it (once; no data is lost). You type it each time you open or unlock the ledger.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="310" />
        <source>这本台账已加密，但文件夹里没有密钥文件（可能是从别的电脑复制来的）。请用设置密码时抄下的恢复码打开，并设置本机的密码。</source>
        <translation>This ledger is encrypted but its folder has no key file (perhaps copied from another computer). Open it with the recovery code written down when the password was set, and choose a password for this computer.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="350" />
        <source>请输入密码。</source>
        <translation>Please type the password.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="354" />
        <source>正在准备台账，马上就好…</source>
        <translation>Preparing the ledger, one moment…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="366" />
        <source>正在核对密码并打开台账…</source>
        <translation>Checking the password and opening the ledger…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="373" />
        <source>两次输入的密码不一样，请重新输入。</source>
        <translation>The two passwords differ; please type them again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="396" />
        <source>正在加密台账…</source>
        <translation>Encrypting the ledger…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="401" />
        <source>两次输入的新密码不一样，请重新输入。</source>
        <translation>The two new passwords differ; please type them again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="414" />
        <source>正在用恢复码打开台账…</source>
        <translation>Opening the ledger with the recovery code…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="467" />
        <source>工会结对帮扶台账 — 恢复码</source>
        <translation>Union paired-assistance ledger — recovery code</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/signin.py" line="471" />
        <source>忘记密码或台账复制到别的电脑时，用它重设密码。请与电脑分开、妥善保管，不要拍照外传。</source>
        <translation>Use it to set a new password if the password is forgotten or the ledger is copied to another computer. Keep it safe and apart from the computer; do not photograph or share it.</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="333" />
        <source>转介状态变更</source>
        <translation>Change referral status</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="345" />
        <source>办理情况；退回或撤销须写明原因</source>
        <translation>What happened; returning or withdrawing needs a reason</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="347" />
        <source>转介事项</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="348" />
        <source>当前状态</source>
        <translation>Current status</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="349" />
        <source>变更为(&amp;T)</source>
        <translation>Change &amp;to</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="350" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="351" />
        <source>说明(&amp;N)</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="356" />
        <source>确定(&amp;S)</source>
        <translation>OK (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="362" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="373" />
        <source>该转介已结束，不能再变更状态。</source>
        <translation>This referral is closed; its status cannot change any more.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="389" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="390" />
        <source>状态未能保存</source>
        <translation>Status not saved</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="58" />
        <source>服务器地址写得不对，应类似 http://192.168.1.10:8765 。请改正后再试。</source>
        <translation>The server address is not right: it should look like http://192.168.1.10:8765. Correct it and try again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="62" />
        <source>本机数据没有丢失。</source>
        <translation> Nothing on this computer was lost.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="63" />
        <source>同步时程序内部出错。本机数据没有丢失，请稍后重试；仍不行请联系市总工会技术人员。</source>
        <translation>The program failed while syncing. Nothing on this computer was lost: try again later, and if it still fails contact the city federation's technical staff.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="81" />
        <source>与市总工会同步</source>
        <translation>Sync with headquarters</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="104" />
        <source>例如 http://192.168.1.10:8765</source>
        <translation>e.g. http://192.168.1.10:8765</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="107" />
        <source>同步状态</source>
        <translation>Sync state</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="109" />
        <source>本机登记：</source>
        <translation>Enrolment:</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="110" />
        <source>待上传的修改：</source>
        <translation>Changes waiting:</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="111" />
        <source>已打包、待市总确认：</source>
        <translation>Sealed, awaiting acknowledgement:</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="112" />
        <source>上次同步成功：</source>
        <translation>Last successful sync:</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="113" />
        <source>已移交他人（只读）：</source>
        <translation>Handed over (read-only):</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="114" />
        <source>服务器地址(&amp;D)：</source>
        <translation>Server a&amp;ddress:</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="117" />
        <source>设备登记（每台电脑只需一次）</source>
        <translation>Enrolment (once per computer)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="120" />
        <source>市总工会发的登记文件</source>
        <translation>Enrolment file from headquarters</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="121" />
        <source>选择文件(&amp;F)…</source>
        <translation>Choose &amp;file…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="126" />
        <source>或填写登记码（配合上面的服务器地址）</source>
        <translation>or the enrolment code (with the server address above)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="130" />
        <source>用登记码联网登记时：填登记信上的“市总工会公钥指纹”（如 ABCD-EFGH-…）</source>
        <translation>enrolling by code: the headquarters key fingerprint from the enrolment letter (like ABCD-EFGH-…)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="132" />
        <source>联网登记(&amp;E)</source>
        <translation>&amp;Enrol online</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="135" />
        <source>登记申请写到U盘(&amp;Q)…</source>
        <translation>Write re&amp;quest to USB…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="152" />
        <source>有网络：选登记文件或填登记码，点“联网登记”。没有网络：选登记文件，点“登记申请写到U盘”，把U盘交市总工会导入，再用“从U盘导入回执”完成登记。</source>
        <translation>With network: choose the enrolment file or enter the code, then 'Enrol online'. Without: choose the file, 'Write request to USB', have headquarters import the stick, then finish with 'Import reply from USB'.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="162" />
        <source>上传到市总(&amp;U)</source>
        <translation>&amp;Upload to headquarters</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="165" />
        <source>导出到U盘(&amp;X)…</source>
        <translation>E&amp;xport to USB…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="168" />
        <source>从U盘导入回执(&amp;I)…</source>
        <translation>&amp;Import reply from USB…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="185" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="202" />
        <source>正在读取同步状态…</source>
        <translation>Reading the sync state…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="215" />
        <source>已登记（设备编号 %1…）</source>
        <translation>Enrolled (device %1…)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="218" />
        <source>已写出登记申请，等待市总工会回执（从U盘导入回执后完成登记）</source>
        <translation>Enrolment request written; waiting for headquarters' reply (import it from the USB stick to finish)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="220" />
        <source>尚未登记：请先用市总工会发的登记文件或登记码登记本机</source>
        <translation>Not enrolled: enrol this computer with the enrolment file or code from headquarters</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="221" />
        <source>%1 条</source>
        <translation>%1 changes</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="223" />
        <source>%1 批（%2 条）</source>
        <translation>%1 batches (%2 changes)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="227" />
        <source>从未同步</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="229" />
        <source>%1 户（已由市总工会移交给其他干部，本机只能查看）</source>
        <translation>%1 households (handed to another cadre by headquarters; read-only here)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="233" />
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="247" />
        <source>请先登记本机</source>
        <translation>Enrol this computer first</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="283" />
        <source>%1 / %2 批</source>
        <translation>%1 / %2 batches</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="306" />
        <source>选择登记文件</source>
        <translation>Choose the enrolment file</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="306" />
        <source>登记文件 (*.enrol *.json);;所有文件 (*)</source>
        <translation>Enrolment files (*.enrol *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="316" />
        <source>请先填写市总工会服务器地址（向市总工会询问），或改用“导出到U盘”。</source>
        <translation>Enter the headquarters server address first (ask headquarters), or use 'Export to USB'.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="320" />
        <source>服务器地址“%1”写得不对，应类似 http://192.168.1.10:8765 。请改正后再试。</source>
        <translation>The server address '%1' is not valid; it should look like http://192.168.1.10:8765. Correct it and try again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="330" />
        <source>正在上传…</source>
        <translation>Uploading…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="337" />
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="418" />
        <source>选择U盘上的文件夹</source>
        <translation>Choose a folder on the USB stick</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="346" />
        <source>正在导出到U盘…</source>
        <translation>Exporting to USB…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="351" />
        <source>选择U盘上放回执的文件夹</source>
        <translation>Choose the folder on the USB stick holding the reply</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="360" />
        <source>正在导入回执…</source>
        <translation>Importing the reply…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="379" />
        <source>请选择市总工会发的登记文件，或填写服务器地址和登记码。</source>
        <translation>Choose the enrolment file from headquarters, or enter the server address and the code.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="381" />
        <source>用登记码登记需要先填写服务器地址。</source>
        <translation>Enrolling with a code needs the server address first.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="397" />
        <source>用登记码联网登记需要填写登记信上的“市总工会公钥指纹”，以确认连到的是真正的市总工会。</source>
        <translation>Enrolling by code needs the headquarters key fingerprint from the enrolment letter, to make sure this is the real headquarters.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="409" />
        <source>正在登记…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="416" />
        <source>不联网登记需要市总工会发的登记文件：请先点“选择文件”。</source>
        <translation>Enrolling without network needs the enrolment file from headquarters: click 'Choose file' first.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_screen.py" line="431" />
        <source>正在写登记申请…</source>
        <translation>Writing the enrolment request…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_text.py" line="39" />
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_text.py" line="47" />
        <source>已上传 %1 批，共 %2 条记录</source>
        <translation>Uploaded %1 batches, %2 records in all</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_text.py" line="50" />
        <source>；收到市总工会更新 %1 条</source>
        <translation>; %1 updates received from the city federation</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_text.py" line="53" />
        <source>已导出 %1 批，共 %2 条记录到 %3</source>
        <translation>Exported %1 batches, %2 records in all, to %3</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_text.py" line="60" />
        <source>U盘里没有本机的回执文件。</source>
        <translation>The USB stick holds no reply for this computer.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_text.py" line="62" />
        <source>已确认 %1 批；收到市总工会更新 %2 条</source>
        <translation>%1 batches confirmed; %2 updates received from the city federation</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_text.py" line="70" />
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_text.py" line="71" />
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_text.py" line="75" />
        <source>；被拒收：</source>
        <translation>; refused: </translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_text.py" line="77" />
        <source>；无法导入：</source>
        <translation>; could not be imported: </translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/sync_text.py" line="79" />
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>VillagePicker</name>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="59" />
        <source>（县区）</source>
        <translation>(county)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="68" />
        <source>（乡镇街道）</source>
        <translation>(township)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="76" />
        <source>（村、社区）</source>
        <translation>(village)</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="169" />
        <source>记录走访 — %1</source>
        <translation>Record visit — %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="169" />
        <source>修改走访记录 — %1</source>
        <translation>Correct visit — %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="188" />
        <source>如：家中、务工单位</source>
        <translation>e.g. at home, at the workplace</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="191" />
        <source>见到的家庭成员</source>
        <translation>Family members met</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="192" />
        <source>住房、收入、健康、子女上学等</source>
        <translation>Housing, income, health, children's schooling…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="194" />
        <source>希望得到的帮助（利益诉求）</source>
        <translation>Help they ask for (demands)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="196" />
        <source>其他情况</source>
        <translation>Anything else</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="203" />
        <source>走访日期(&amp;D)</source>
        <translation>Visit &amp;date</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="204" />
        <source>走访方式(&amp;M)</source>
        <translation>&amp;Mode</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="205" />
        <source>走访地点(&amp;P)</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="231" />
        <source>见到的人</source>
        <translation>People met</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="233" />
        <source>生活状况</source>
        <translation>Living conditions</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="235" />
        <source>利益诉求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="237" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="238" />
        <source>下次走访(&amp;N)</source>
        <translation>&amp;Next visit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="248" />
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="251" />
        <source>保存并转介(&amp;R)…</source>
        <translation>Save and &amp;refer…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="253" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="276" />
        <source>提示：Tab 或回车到下一项，Ctrl+回车 保存。草稿自动保存。</source>
        <translation>Tip: Tab or Enter goes to the next field, Ctrl+Enter saves. Drafts are kept automatically.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="277" />
        <source>在见到的人、生活状况、利益诉求中按 Ctrl+1…9 选用下方的常用短语，再按一次取消。</source>
        <translation>In People met, Living conditions and Requests, Ctrl+1…9 takes the common phrase below; press again to take it back.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="278" />
        <source>Alt+1…6：该项无变化，Alt+0：全部无变化。</source>
        <translation>Alt+1…6: that item unchanged; Alt+0: all unchanged.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="322" />
        <source>家中</source>
        <translation>at home</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="377" />
        <source>已恢复 %1 自动保存的草稿，核对后保存即可。</source>
        <translation>Restored the draft saved automatically at %1; check it and save.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="388" />
        <source>草稿未能保存</source>
        <translation>Draft not saved</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="470" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="471" />
        <source>走访未能保存</source>
        <translation>Visit not saved</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="488" />
        <source>走访记录</source>
        <translation>Visits</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="36" />
        <source>就业创业</source>
        <translation>Employment and business</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="37" />
        <source>维护合法权益</source>
        <translation>Legal rights</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="38" />
        <source>生活困难</source>
        <translation>Living hardship</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="39" />
        <source>文明素质</source>
        <translation>Civic education</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="40" />
        <source>身份证复印件</source>
        <translation>ID card copy</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="41" />
        <source>户口簿复印件</source>
        <translation>Household register copy</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="42" />
        <source>收入证明</source>
        <translation>Proof of income</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="43" />
        <source>诊断证明</source>
        <translation>Medical diagnosis</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="44" />
        <source>医疗费票据</source>
        <translation>Medical receipts</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="45" />
        <source>学费票据</source>
        <translation>Tuition receipts</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="46" />
        <source>录取通知书</source>
        <translation>Admission letter</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="47" />
        <source>劳动合同或用工证明</source>
        <translation>Labour contract or proof of employment</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="48" />
        <source>评议会议记录</source>
        <translation>Review meeting minutes</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="49" />
        <source>公示单</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="50" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="51" />
        <source>处理敏感个人信息</source>
        <translation>Processing sensitive personal information</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="52" />
        <source>向其他单位提供（转介）</source>
        <translation>Sharing with other bodies (referral)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="53" />
        <source>公示</source>
        <translation>Public notice listing</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="54" />
        <source>视力</source>
        <translation>Visual</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="55" />
        <source>听力</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="56" />
        <source>言语</source>
        <translation>Speech</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="57" />
        <source>肢体</source>
        <translation>Physical</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="58" />
        <source>智力</source>
        <translation>Intellectual</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="59" />
        <source>精神</source>
        <translation>Mental</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="60" />
        <source>多重</source>
        <translation>Multiple</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="61" />
        <source>一级</source>
        <translation>Grade 1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="62" />
        <source>二级</source>
        <translation>Grade 2</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="63" />
        <source>三级</source>
        <translation>Grade 3</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="64" />
        <source>四级</source>
        <translation>Grade 4</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="65" />
        <source>深度困难</source>
        <translation>Severe hardship</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="66" />
        <source>相对困难</source>
        <translation>Relative hardship</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="67" />
        <source>意外致困</source>
        <translation>Hardship by accident</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="68" />
        <source>不符合困难标准</source>
        <translation>Below the hardship criteria</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="69" />
        <source>无劳动能力</source>
        <translation>Unable to work</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="70" />
        <source>有劳动能力未就业</source>
        <translation>Able to work, not employed</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="71" />
        <source>下岗失业</source>
        <translation>Laid off / unemployed</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="72" />
        <source>未参加社会保险</source>
        <translation>No social insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="73" />
        <source>社保待遇落实不到位</source>
        <translation>Social insurance benefits not received</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="74" />
        <source>患重特大疾病</source>
        <translation>Serious illness</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="75" />
        <source>遭受自然灾害</source>
        <translation>Natural disaster</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="76" />
        <source>遭受意外事故</source>
        <translation>Accident</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="77" />
        <source>子女上学</source>
        <translation>Children's schooling</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="78" />
        <source>良好</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="79" />
        <source>一般疾病</source>
        <translation>Ordinary illness</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="80" />
        <source>重特大疾病</source>
        <translation>Serious illness (major)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="81" />
        <source>残疾</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="82" />
        <source>在档</source>
        <translation>On file</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="83" />
        <source>拟销档</source>
        <translation>To be closed</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="84" />
        <source>已销档</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="85" />
        <source>自有住房</source>
        <translation>Own home</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="86" />
        <source>租赁住房</source>
        <translation>Rented</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="87" />
        <source>公租房</source>
        <translation>Public rental housing</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="88" />
        <source>单位宿舍</source>
        <translation>Employer dormitory</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="89" />
        <source>借住亲友</source>
        <translation>Staying with relatives or friends</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="90" />
        <source>农业</source>
        <translation>Agricultural</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="91" />
        <source>非农业</source>
        <translation>Non-agricultural</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="92" />
        <source>农转居</source>
        <translation>Agricultural to urban</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="93" />
        <source>职工</source>
        <translation>Employee</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="94" />
        <source>农民工</source>
        <translation>Migrant worker</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="95" />
        <source>农民</source>
        <translation>Farmer</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="96" />
        <source>学生</source>
        <translation>Student</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="97" />
        <source>学龄前儿童</source>
        <translation>Pre-school child</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="98" />
        <source>离退休人员</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="99" />
        <source>无业</source>
        <translation>Not employed</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="100" />
        <source>未婚</source>
        <translation>Single</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="101" />
        <source>已婚</source>
        <translation>Married</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="102" />
        <source>离异</source>
        <translation>Divorced</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="103" />
        <source>丧偶</source>
        <translation>Widowed</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="104" />
        <source>职工医保</source>
        <translation>Employee medical insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="105" />
        <source>城乡居民医保</source>
        <translation>Resident medical insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="106" />
        <source>未参保</source>
        <translation>Not insured</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="107" />
        <source>结亲连心联系户</source>
        <translation>Contact household</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="108" />
        <source>本单位农民工</source>
        <translation>Migrant worker of the unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="109" />
        <source>中共党员</source>
        <translation>CPC member</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="110" />
        <source>共青团员</source>
        <translation>CYL member</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="111" />
        <source>群众</source>
        <translation>Non-party</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="112" />
        <source>草拟</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="113" />
        <source>已转介</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="114" />
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="115" />
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="116" />
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="117" />
        <source>已撤销</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="118" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="119" />
        <source>配偶</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="120" />
        <source>儿子</source>
        <translation>Son</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="121" />
        <source>女儿</source>
        <translation>Daughter</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="122" />
        <source>父亲</source>
        <translation>Father</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="123" />
        <source>母亲</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="124" />
        <source>孙子女</source>
        <translation>Grandchild</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="125" />
        <source>祖父母</source>
        <translation>Grandparent</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="126" />
        <source>兄弟姐妹</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="127" />
        <source>儿媳/女婿</source>
        <translation>Child-in-law</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="128" />
        <source>金秋助学</source>
        <translation>Golden Autumn student aid</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="129" />
        <source>专项生活救助</source>
        <translation>Special living relief</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="130" />
        <source>送温暖</source>
        <translation>Sending warmth</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="131" />
        <source>帮扶送教育</source>
        <translation>Education support</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="132" />
        <source>农民工平安返乡</source>
        <translation>Migrant workers' safe journey home</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="133" />
        <source>女职工关爱行动</source>
        <translation>Women workers' care</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="134" />
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="172" />
        <source>职工医疗互助</source>
        <translation>Employee medical mutual aid</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="135" />
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="136" />
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="137" />
        <source>职工养老保险</source>
        <translation>Employee pension insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="138" />
        <source>城乡居民养老保险</source>
        <translation>Resident pension insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="139" />
        <source>入户走访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="140" />
        <source>单位走访</source>
        <translation>Workplace visit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="141" />
        <source>电话联系</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="142" />
        <source>视频联系</source>
        <translation>Video call</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="143" />
        <source>来访接待</source>
        <translation>Office visit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="144" />
        <source>在岗</source>
        <translation>Employed</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="145" />
        <source>下岗</source>
        <translation>Laid off</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="146" />
        <source>失业</source>
        <translation>Unemployed</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="147" />
        <source>退休</source>
        <translation>Retired (pension)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="148" />
        <source>病休</source>
        <translation>On sick leave</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="149" />
        <source>务农</source>
        <translation>Farming</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="150" />
        <source>学龄前</source>
        <translation>Pre-school</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="152" />
        <source>外出务工常识和专项职业技能培训</source>
        <translation>Training for working away from home and special vocational skills</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="153" />
        <source>返乡创业培训</source>
        <translation>Training for starting a business back home</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="154" />
        <source>农业产业化培训（规模养殖户、科技示范户）</source>
        <translation>Agricultural industry training (large-scale breeders, demonstration households)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="155" />
        <source>推荐就业岗位（春风行动、就业援助月）</source>
        <translation>Job recommendations (Spring Breeze campaign, employment assistance month)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="156" />
        <source>职业技能提升</source>
        <translation>Vocational skills upgrading</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="157" />
        <source>学历提升计划</source>
        <translation>Education upgrading programme</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="158" />
        <source>困难家庭高校毕业生就业援助</source>
        <translation>Job assistance for graduates from families in hardship</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="159" />
        <source>欠薪报告与追讨</source>
        <translation>Reporting and recovering unpaid wages</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="160" />
        <source>指导签订劳动合同</source>
        <translation>Help with signing a labour contract</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="161" />
        <source>社会保险和住房公积金</source>
        <translation>Social insurance and housing fund</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="162" />
        <source>工伤认定与工伤保险</source>
        <translation>Work injury recognition and insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="163" />
        <source>工会法律援助（绿色通道）</source>
        <translation>Union legal aid (fast track)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="164" />
        <source>劳动争议调解</source>
        <translation>Labour dispute mediation</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="165" />
        <source>跨区域双向维权协作</source>
        <translation>Cross-region rights protection cooperation</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="166" />
        <source>职业病防治（尘肺病优先）</source>
        <translation>Occupational disease prevention (pneumoconiosis first)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="167" />
        <source>女职工“四期”特殊保护</source>
        <translation>Special protection of women workers in the "four periods"</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="168" />
        <source>纳入困难职工帮扶体系、专项生活救助</source>
        <translation>Inclusion in the hardship worker support system, special living relief</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="169" />
        <source>帮扶送教育（子女上学资助）</source>
        <translation>Education support (children's schooling aid)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="170" />
        <source>“金秋助学”</source>
        <translation>"Golden Autumn" student aid</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="171" />
        <source>“送温暖”慰问</source>
        <translation>"Sending warmth" visits</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="173" />
        <source>“农民工平安返乡”</source>
        <translation>"Migrant workers' safe journey home"</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="174" />
        <source>申请最低生活保障（低保）</source>
        <translation>Applying for minimum living allowance (dibao)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="175" />
        <source>职工书屋与文化活动</source>
        <translation>Workers' libraries and cultural activities</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="176" />
        <source>社区学校网上学习</source>
        <translation>Community school online learning</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="177" />
        <source>加入工会（源头入会、凭证接转）</source>
        <translation>Joining the union (at source, membership transfer)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="178" />
        <source>心理健康指导</source>
        <translation>Mental health guidance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="179" />
        <source>人均月收入低于低保标准</source>
        <translation>income per head below the dibao standard</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="180" />
        <source>人均月收入低于低保标准的2倍</source>
        <translation>income per head below twice the dibao standard</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="181" />
        <source>因自然灾害或意外事故致困</source>
        <translation>hardship caused by a natural disaster or accident</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="182" />
        <source>年度致困支出超过家庭收入的80%</source>
        <translation>hardship spending this year above 80% of household income</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="183" />
        <source>人均月收入不低于低保标准的2倍</source>
        <translation>income per head at least twice the dibao standard</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="185" />
        <source>本地务工</source>
        <translation>Working locally</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="186" />
        <source>外出务工</source>
        <translation>Working away from home</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="187" />
        <source>自主创业/个体经营</source>
        <translation>Self-employed / own business</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="188" />
        <source>失业（有劳动能力）</source>
        <translation>Unemployed (able to work)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="189" />
        <source>不工作（无劳动能力等）</source>
        <translation>Not working (unable to work etc.)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="190" />
        <source>职业技能培训</source>
        <translation>Vocational skills training</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="191" />
        <source>创业培训</source>
        <translation>Entrepreneurship training</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="192" />
        <source>安全生产培训</source>
        <translation>Work safety training</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="193" />
        <source>转岗转业培训</source>
        <translation>Job transfer training</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="194" />
        <source>文化素质培训</source>
        <translation>Literacy and general education</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="195" />
        <source>其他培训</source>
        <translation>Other training</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="196" />
        <source>养老保险</source>
        <translation>Pension insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="197" />
        <source>医疗保险</source>
        <translation>Medical insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="198" />
        <source>工伤保险</source>
        <translation>Work injury insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="199" />
        <source>失业保险</source>
        <translation>Unemployment insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="200" />
        <source>生育保险</source>
        <translation>Maternity insurance</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="201" />
        <source>食品</source>
        <translation>Food</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="202" />
        <source>住房</source>
        <translation>Housing</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="203" />
        <source>医疗</source>
        <translation>Medical</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="204" />
        <source>未填</source>
        <translation>not filled in</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="205" />
        <source>元</source>
        <translation> yuan</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="206" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="207" />
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="208" />
        <source>希望：%1，已参加：%2</source>
        <translation>wants: %1, attended: %2</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="209" />
        <source>，证书：%1</source>
        <translation>, certificate: %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="210" />
        <source>家庭年收入 %1</source>
        <translation>household income %1 a year</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="211" />
        <source>月收入 %1</source>
        <translation>income %1 a month</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="212" />
        <source>无欠薪</source>
        <translation>No unpaid wages</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="213" />
        <source>，%1 已反映</source>
        <translation>, reported on %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="214" />
        <source>（已删除的成员）</source>
        <translation>(deleted member)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="215" />
        <source>所在村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="216" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/vocab_text.py" line="217" />
        <source>户主身份证号</source>
        <translation>Head's ID number</translation>
    </message>
</context>
<context>
    <name>VoidVisitDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="507" />
        <source>作废走访记录</source>
        <translation>Void visit</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="510" />
        <source>作废 %1 的走访记录（%2）。记录不会删除：它带着原因同步到市总工会，并记入审计记录。</source>
        <translation>Void the visit of %1 (%2). Nothing is deleted: the record goes to the city federation with its reason, and the audit log records it.</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="518" />
        <source>如：记错了户、重复录入</source>
        <translation>e.g. wrong household, entered twice</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="521" />
        <source>作废原因(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="523" />
        <source>作废(&amp;V)</source>
        <translation>&amp;Void</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="525" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="551" />
        <source>正在作废…</source>
        <translation>Voiding…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="552" />
        <source>未能作废</source>
        <translation>Could not void</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/screenshots_setup.py" line="70" />
        <source>文件：%1</source>
        <translation>File: %1</translation>
    </message>
</context>
</TS>