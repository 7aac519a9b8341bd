<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>AssessmentForm</name>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="63" />
        <source>次要致困原因（最多3项）</source>
        <translation>次要致困原因（最多3项）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="70" />
        <source>本年遭受自然灾害或重大意外</source>
        <translation>本年遭受自然灾害或重大意外</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="87" />
        <source>家庭人口(&amp;Z)</source>
        <translation>家庭人口(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="88" />
        <source>家庭年收入(&amp;Y)</source>
        <translation>家庭年收入(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="89" />
        <source>刚性支出（医疗、上学等，年）</source>
        <translation>刚性支出（医疗、上学等，年）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="90" />
        <source>主要致困原因(&amp;C)</source>
        <translation>主要致困原因(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="92" />
        <source>评定日期</source>
        <translation>评定日期</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="103" />
        <source>记录本次评定</source>
        <translation>记录本次评定</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="132" />
        <source>上次评定：%1，%2（人均月收入 %3 元，当时低保标准 %4 元/月）</source>
        <translation>上次评定：%1，%2（人均月收入 %3 元，当时低保标准 %4 元/月）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="140" />
        <source>尚未评定。</source>
        <translation>尚未评定。</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="167" />
        <source>按现填数字评定为：%1（人均月收入 %2 元；%3）</source>
        <translation>按现填数字评定为：%1（人均月收入 %2 元；%3）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/assessment_form.py" line="187" />
        <source>评定未能保存</source>
        <translation>评定未能保存</translation>
    </message>
</context>
<context>
    <name>CadrePage</name>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="44" />
        <source>这台电脑上的走访、评定和转介都记在这位干部名下；打印的联系卡也用这些信息。</source>
        <translation>这台电脑上的走访、评定和转介都记在这位干部名下；打印的联系卡也用这些信息。</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="109" />
        <source>登记个人信息处理同意</source>
        <translation>登记个人信息处理同意</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="112" />
        <source>同意（不勾选即记录为撤回同意）</source>
        <translation>同意（不勾选即记录为撤回同意）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="118" />
        <source>未满14周岁须由监护人同意</source>
        <translation>未满14周岁须由监护人同意</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="121" />
        <source>同意事项(&amp;P)</source>
        <translation>同意事项(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="122" />
        <source>本人</source>
        <translation>本人</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="124" />
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="125" />
        <source>告知书版本</source>
        <translation>告知书版本</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="126" />
        <source>监护人</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="127" />
        <source>监护人关系</source>
        <translation>监护人关系</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="132" />
        <source>保存(&amp;S)</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="158" />
        <source>未能保存</source>
        <translation>未能保存</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="48" />
        <source>结对情况（每名干部2–4户）</source>
        <translation>结对情况（每名干部2–4户）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="61" />
        <source>再摸底进度</source>
        <translation>再摸底进度</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="71" />
        <source>待办</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="87" />
        <source>走访期：%1 至 %2</source>
        <translation>走访期：%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="92" />
        <source>已入户走访 %1 户，待走访 %2 户</source>
        <translation>已入户走访 %1 户，待走访 %2 户</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="99" />
        <source>我（%1）已结对 %2 户</source>
        <translation>我（%1）已结对 %2 户</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="102" />
        <source>符合要求</source>
        <translation>符合要求</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="106" />
        <source>尚未设置“我是哪位干部”：在 设置 → 干部信息 中填写姓名。</source>
        <translation>尚未设置“我是哪位干部”：在 设置 → 干部信息 中填写姓名。</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="113" />
        <source>户</source>
        <translation>户</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="124" />
        <source>待办（%1 项，其中逾期 %2 项）</source>
        <translation>待办（%1 项，其中逾期 %2 项）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="129" />
        <source>没有到期的走访和转介跟进。</source>
        <translation>没有到期的走访和转介跟进。</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="132" />
        <source>走访</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="132" />
        <source>跟进</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="134" />
        <source>逾期 %1 天</source>
        <translation>逾期 %1 天</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="137" />
        <source>今天到期</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/dashboard.py" line="140" />
        <source>%1 天后到期</source>
        <translation>%1 天后到期</translation>
    </message>
</context>
<context>
    <name>DibaoPage</name>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="78" />
        <source>如 900</source>
        <translation>如 900</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="80" />
        <source>本地低保标准（元/月）</source>
        <translation>本地低保标准（元/月）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="82" />
        <source>每年按当地民政部门公布的标准更新。困难类别按此标准计算；已记录的评定保留当时的标准。</source>
        <translation>每年按当地民政部门公布的标准更新。困难类别按此标准计算；已记录的评定保留当时的标准。</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="152" />
        <source>语言在重新启动后生效。再摸底为期一个月（30天），从开始日期算起。</source>
        <translation>语言在重新启动后生效。再摸底为期一个月（30天），从开始日期算起。</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="99" />
        <source>新建困难户</source>
        <translation>新建困难户</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="106" />
        <source>18位，出生日期和性别自动识别</source>
        <translation>18位，出生日期和性别自动识别</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="109" />
        <source>11位手机号</source>
        <translation>11位手机号</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="117" />
        <source>如：3组12号</source>
        <translation>如：3组12号</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="118" />
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="119" />
        <source>（未填）</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="121" />
        <source>户主姓名(&amp;N)</source>
        <translation>户主姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="122" />
        <source>户主身份证号(&amp;I)</source>
        <translation>户主身份证号(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="123" />
        <source>联系电话(&amp;P)</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="124" />
        <source>结对方式</source>
        <translation>结对方式</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="125" />
        <source>所在单位</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="126" />
        <source>所在村（社区）</source>
        <translation>所在村（社区）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="127" />
        <source>详细地址</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="128" />
        <source>户口性质</source>
        <translation>户口性质</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="129" />
        <source>住房情况</source>
        <translation>住房情况</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="143" />
        <source>村、电话、身份证号暂时不知道可以先空着，资料不全的户会标出来，走访时补齐。</source>
        <translation>村、电话、身份证号暂时不知道可以先空着，资料不全的户会标出来，走访时补齐。</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="148" />
        <source>保存(&amp;S)</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="153" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="185" />
        <source>未能保存</source>
        <translation>未能保存</translation>
    </message>
</context>
<context>
    <name>HouseholdListPanel</name>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="247" />
        <source>搜索：姓名、拼音首字母（如 zhs）、身份证号后几位、电话、村名</source>
        <translation>搜索：姓名、拼音首字母（如 zhs）、身份证号后几位、电话、村名</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="252" />
        <source>全部类别</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="255" />
        <source>未评定</source>
        <translation>未评定</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="258" />
        <source>全部致困原因</source>
        <translation>全部致困原因</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="261" />
        <source>只看我结对的</source>
        <translation>只看我结对的</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="343" />
        <source>显示 %1 户，共 %2 户</source>
        <translation>显示 %1 户，共 %2 户</translation>
    </message>
</context>
<context>
    <name>HouseholdProfile</name>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="109" />
        <source>记录走访</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="111" />
        <location filename="../../src/fieldapp/ui/profile.py" line="216" />
        <source>新建转介</source>
        <translation>新建转介</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="124" />
        <source>基本信息与成员</source>
        <translation>基本信息与成员</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="127" />
        <source>困难评定</source>
        <translation>困难评定</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="128" />
        <source>走访记录</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="129" />
        <source>转介</source>
        <translation>转介</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="130" />
        <source>救助与同意</source>
        <translation>救助与同意</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="131" />
        <source>附件</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="144" />
        <source>所在村（社区）</source>
        <translation>所在村（社区）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="145" />
        <source>详细地址</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="146" />
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="147" />
        <source>结对方式</source>
        <translation>结对方式</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="148" />
        <source>结对干部</source>
        <translation>结对干部</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="149" />
        <source>户口 / 住房</source>
        <translation>户口 / 住房</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="150" />
        <source>待补充</source>
        <translation>待补充</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="160" />
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="161" />
        <source>关系</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="162" />
        <source>性别</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="163" />
        <source>出生日期</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="164" />
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="165" />
        <source>健康</source>
        <translation>健康</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="166" />
        <source>就业/身份</source>
        <translation>就业/身份</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="167" />
        <source>月收入（元）</source>
        <translation>月收入（元）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="171" />
        <source>添加成员</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="173" />
        <source>修改</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="175" />
        <source>删除</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="182" />
        <source>家庭成员</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="204" />
        <source>转介事项</source>
        <translation>转介事项</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="205" />
        <source>接收单位</source>
        <translation>接收单位</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="206" />
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="207" />
        <source>转介日期</source>
        <translation>转介日期</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="208" />
        <source>跟进日期</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="217" />
        <source>变更状态…</source>
        <translation>变更状态…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="232" />
        <source>状态记录</source>
        <translation>状态记录</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="244" />
        <source>项目</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="244" />
        <source>金额（元）</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="244" />
        <source>发放日期</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="244" />
        <location filename="../../src/fieldapp/ui/profile.py" line="283" />
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="250" />
        <source>同意事项</source>
        <translation>同意事项</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="251" />
        <source>是否同意</source>
        <translation>是否同意</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="252" />
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="253" />
        <source>告知书版本</source>
        <translation>告知书版本</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="254" />
        <source>监护人</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="258" />
        <source>登记救助…</source>
        <translation>登记救助…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="260" />
        <source>登记同意…</source>
        <translation>登记同意…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="265" />
        <source>救助发放</source>
        <translation>救助发放</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="269" />
        <source>个人信息处理同意（《个人信息保护法》第29条等）</source>
        <translation>个人信息处理同意（《个人信息保护法》第29条等）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="283" />
        <location filename="../../src/fieldapp/ui/profile.py" line="294" />
        <source>材料类别</source>
        <translation>材料类别</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="283" />
        <source>文件名</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="283" />
        <source>大小</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="283" />
        <source>添加时间</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="290" />
        <source>从电脑选择照片或文件…</source>
        <translation>从电脑选择照片或文件…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="308" />
        <source>（无户主）</source>
        <translation>（无户主）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="309" />
        <source>未评定</source>
        <translation>未评定</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="326" />
        <location filename="../../src/fieldapp/ui/profile.py" line="328" />
        <source>（待补充）</source>
        <translation>（待补充）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="330" />
        <source>未结对</source>
        <translation>未结对</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="340" />
        <source>资料齐全</source>
        <translation>资料齐全</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="393" />
        <source>同意</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="393" />
        <source>撤回</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="416" />
        <source>走访记录（%1）</source>
        <translation>走访记录（%1）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="417" />
        <source>转介（%1）</source>
        <translation>转介（%1）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="418" />
        <source>附件（%1）</source>
        <translation>附件（%1）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="432" />
        <source>见到</source>
        <translation>见到</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="433" />
        <source>生活状况</source>
        <translation>生活状况</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="434" />
        <source>利益诉求</source>
        <translation>利益诉求</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="435" />
        <source>备注</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="487" />
        <source>删除家庭成员</source>
        <translation>删除家庭成员</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="488" />
        <source>确定删除“%1”吗？记录会保留在历史中，可由市总工会恢复。</source>
        <translation>确定删除“%1”吗？记录会保留在历史中，可由市总工会恢复。</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="496" />
        <source>未能删除</source>
        <translation>未能删除</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="508" />
        <source>选择材料照片或文件</source>
        <translation>选择材料照片或文件</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="510" />
        <source>图片和PDF (*.jpg *.jpeg *.png *.pdf);;所有文件 (*)</source>
        <translation>图片和PDF (*.jpg *.jpeg *.png *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="529" />
        <source>附件未能添加</source>
        <translation>附件未能添加</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/profile.py" line="531" />
        <source>正在复制附件…</source>
        <translation>正在复制附件…</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="77" />
        <source>户主</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="78" />
        <source>身份证号</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="79" />
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="80" />
        <source>所在村（社区）</source>
        <translation>所在村（社区）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="81" />
        <source>困难类别</source>
        <translation>困难类别</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="82" />
        <source>主要致困原因</source>
        <translation>主要致困原因</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="83" />
        <source>结对干部</source>
        <translation>结对干部</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="84" />
        <source>人口</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="200" />
        <location filename="../../src/fieldapp/ui/household_list.py" line="202" />
        <location filename="../../src/fieldapp/ui/household_list.py" line="204" />
        <source>（待补充）</source>
        <translation>（待补充）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="206" />
        <source>未评定</source>
        <translation>未评定</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_list.py" line="210" />
        <source>未结对</source>
        <translation>未结对</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="75" />
        <source>工会结对帮扶台账</source>
        <translation>工会结对帮扶台账</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="90" />
        <source>工作台</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="135" />
        <source>新建困难户(&amp;N)…</source>
        <translation>新建困难户(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="139" />
        <source>登记一户新的结对困难户</source>
        <translation>登记一户新的结对困难户</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="142" />
        <source>记录走访(&amp;V)…</source>
        <translation>记录走访(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="146" />
        <source>为选中的困难户记录一次走访</source>
        <translation>为选中的困难户记录一次走访</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="149" />
        <source>新建转介(&amp;R)…</source>
        <translation>新建转介(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="153" />
        <source>把选中的困难户转介给相关单位</source>
        <translation>把选中的困难户转介给相关单位</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="155" />
        <source>刷新(&amp;F)</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="157" />
        <source>设置(&amp;S)…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="159" />
        <source>查找困难户(&amp;F)</source>
        <translation>查找困难户(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="161" />
        <source>回到工作台(&amp;H)</source>
        <translation>回到工作台(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="164" />
        <source>关闭当前档案(&amp;W)</source>
        <translation>关闭当前档案(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="166" />
        <source>退出(&amp;X)</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="167" />
        <source>使用说明(&amp;H)</source>
        <translation>使用说明(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="168" />
        <source>关于(&amp;A)</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="172" />
        <source>文件(&amp;F)</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="179" />
        <source>记录(&amp;R)</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="182" />
        <source>查看(&amp;V)</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="188" />
        <source>同步(&amp;Y)</source>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="189" />
        <source>与市总工会同步（本版本尚未接通）</source>
        <translation>与市总工会同步（本版本尚未接通）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="192" />
        <source>帮助(&amp;H)</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="196" />
        <source>常用</source>
        <translation>常用</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="211" />
        <source>打印(&amp;P)…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="265" />
        <source>正在打开台账…</source>
        <translation>正在打开台账…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="294" />
        <source>正在读取台账…</source>
        <translation>正在读取台账…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="300" />
        <source>无法打开台账</source>
        <translation>无法打开台账</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="303" />
        <source>读取台账失败</source>
        <translation>读取台账失败</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="320" />
        <source>当前干部：%1</source>
        <translation>当前干部：%1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="322" />
        <source>当前干部：未设置</source>
        <translation>当前干部：未设置</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="325" />
        <source>已读取 %1 户</source>
        <translation>已读取 %1 户</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="347" />
        <location filename="../../src/fieldapp/ui/main_window.py" line="361" />
        <source>档案</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="365" />
        <source>正在打开档案…</source>
        <translation>正在打开档案…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="366" />
        <source>打开档案失败</source>
        <translation>打开档案失败</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="393" />
        <source>请先选择一户</source>
        <translation>请先选择一户</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="394" />
        <source>请先在困难户列表中选中一户（可用 Ctrl+F 查找），再进行此操作。</source>
        <translation>请先在困难户列表中选中一户（可用 Ctrl+F 查找），再进行此操作。</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="507" />
        <source>无法打开打印预览</source>
        <translation>无法打开打印预览</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="520" />
        <source>使用说明</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="522" />
        <source>1. 查找困难户：在左上角搜索框输入姓名、拼音首字母（如 zhs）、身份证号后几位、电话或村名。
2. 打开档案：双击列表中的一户，或选中后按回车。
3. 记录走访：选中一户后按 Ctrl+E，用 Tab 填写，回车保存。草稿自动保存。
4. 新建转介：按 Ctrl+R，选择转介事项和接收单位；在档案的“转介”页变更状态。
5. 待办：右侧列出到期和逾期的走访与转介跟进，双击打开。</source>
        <translation>1. 查找困难户：在左上角搜索框输入姓名、拼音首字母（如 zhs）、身份证号后几位、电话或村名。
2. 打开档案：双击列表中的一户，或选中后按回车。
3. 记录走访：选中一户后按 Ctrl+E，用 Tab 填写，回车保存。草稿自动保存。
4. 新建转介：按 Ctrl+R，选择转介事项和接收单位；在档案的“转介”页变更状态。
5. 待办：右侧列出到期和逾期的走访与转介跟进，双击打开。</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="535" />
        <source>关于</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/main_window.py" line="536" />
        <source>工会结对帮扶台账 %1
依据临会发〔2014〕20号、总工发〔2015〕14号。
数据文件：%2</source>
        <translation>工会结对帮扶台账 %1
依据临会发〔2014〕20号、总工发〔2015〕14号。
数据文件：%2</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="206" />
        <source>编辑家庭成员</source>
        <translation>编辑家庭成员</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="206" />
        <source>添加家庭成员</source>
        <translation>添加家庭成员</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="222" />
        <source>如：尿毒症</source>
        <translation>如：尿毒症</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="223" />
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="224" />
        <source>（无）</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="225" />
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="226" />
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="233" />
        <source>（未填）</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="232" />
        <source> 元/月</source>
        <translation> 元/月</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="235" />
        <source>姓名(&amp;N)</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="236" />
        <source>与户主关系(&amp;R)</source>
        <translation>与户主关系(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="237" />
        <source>身份证号(&amp;I)</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="238" />
        <source>本人电话</source>
        <translation>本人电话</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="239" />
        <source>健康状况</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="240" />
        <source>疾病名称</source>
        <translation>疾病名称</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="241" />
        <source>残疾类别/等级</source>
        <translation>残疾类别/等级</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="242" />
        <source>就业状况/身份</source>
        <translation>就业状况/身份</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="243" />
        <source>单位或学校</source>
        <translation>单位或学校</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="244" />
        <source>月收入</source>
        <translation>月收入</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="245" />
        <source>医疗保险</source>
        <translation>医疗保险</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="260" />
        <source>保存(&amp;S)</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="265" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="328" />
        <source>未能保存</source>
        <translation>未能保存</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="25" />
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="28" />
        <source>放弃修改</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="31" />
        <source>继续编辑</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="62" />
        <source>以下内容需要修改，尚未保存：</source>
        <translation>以下内容需要修改，尚未保存：</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="66" />
        <source>请刷新（F5）后再试。</source>
        <translation>请刷新（F5）后再试。</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="71" />
        <source>读写文件失败：</source>
        <translation>读写文件失败：</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="73" />
        <source>请检查磁盘空间和文件夹权限。您输入的内容已保存为草稿。</source>
        <translation>请检查磁盘空间和文件夹权限。您输入的内容已保存为草稿。</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="76" />
        <source>发生了意外错误：</source>
        <translation>发生了意外错误：</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="78" />
        <source>您输入的内容已保存为草稿，请重新启动程序后再试。</source>
        <translation>您输入的内容已保存为草稿，请重新启动程序后再试。</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="83" />
        <source>未能完成</source>
        <translation>未能完成</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="94" />
        <source>有未保存的修改</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/messages.py" line="95" />
        <source>“%1”还有未保存的修改。
保存、放弃修改，还是继续编辑？</source>
        <translation>“%1”还有未保存的修改。
保存、放弃修改，还是继续编辑？</translation>
    </message>
</context>
<context>
    <name>PrintChooser</name>
    <message>
        <location filename="../../src/fieldapp/ui/print_action.py" line="32" />
        <source>打印 — %1</source>
        <translation>打印 — %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_action.py" line="40" />
        <source>表格(&amp;F)</source>
        <translation>表格(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_action.py" line="41" />
        <source>先预览，再打印或另存为PDF；每次输出都会记录。</source>
        <translation>先预览，再打印或另存为PDF；每次输出都会记录。</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_action.py" line="46" />
        <source>预览(&amp;P)</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_action.py" line="47" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_action.py" line="71" />
        <source>正在生成表格…</source>
        <translation>正在生成表格…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/print_action.py" line="72" />
        <source>表格未能生成</source>
        <translation>表格未能生成</translation>
    </message>
</context>
<context>
    <name>PrintingPage</name>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="114" />
        <source>（系统默认打印机）</source>
        <translation>（系统默认打印机）</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="53" />
        <source>新建转介 — %1</source>
        <translation>新建转介 — %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="67" />
        <source>（全户）</source>
        <translation>（全户）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="74" />
        <source>为什么转介、希望对方做什么</source>
        <translation>为什么转介、希望对方做什么</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="81" />
        <source>转介事项(&amp;K)</source>
        <translation>转介事项(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="82" />
        <source>接收单位(&amp;B)</source>
        <translation>接收单位(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="83" />
        <source>涉及成员</source>
        <translation>涉及成员</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="84" />
        <source>转介原因(&amp;E)</source>
        <translation>转介原因(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="85" />
        <source>转介日期</source>
        <translation>转介日期</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="97" />
        <source>保存转介(&amp;S)</source>
        <translation>保存转介(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="102" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="107" />
        <source>来自本次走访</source>
        <translation>来自本次走访</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="121" />
        <source>转出后每 %1 天跟进一次，到期会列入待办。</source>
        <translation>转出后每 %1 天跟进一次，到期会列入待办。</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="147" />
        <source>转介未能保存</source>
        <translation>转介未能保存</translation>
    </message>
</context>
<context>
    <name>ReliefDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="32" />
        <source>（全户）</source>
        <translation>（全户）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="55" />
        <source>登记救助发放</source>
        <translation>登记救助发放</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="61" />
        <source> 元</source>
        <translation> 元</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="66" />
        <source>救助项目(&amp;G)</source>
        <translation>救助项目(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="67" />
        <source>金额(&amp;A)</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="68" />
        <source>发放日期</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="69" />
        <source>发给</source>
        <translation>发给</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="70" />
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="72" />
        <source>保存(&amp;S)</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="96" />
        <source>未能保存</source>
        <translation>未能保存</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="36" />
        <source>干部姓名</source>
        <translation>干部姓名</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="37" />
        <source>所在单位</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="38" />
        <source>联系电话</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="39" />
        <source>默认打印机</source>
        <translation>默认打印机</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="40" />
        <source>打印份数（一式几份）</source>
        <translation>打印份数（一式几份）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="41" />
        <source>双面打印</source>
        <translation>双面打印</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="42" />
        <source>界面语言</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="43" />
        <source>只显示我结对的困难户</source>
        <translation>只显示我结对的困难户</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="44" />
        <source>再摸底开始日期</source>
        <translation>再摸底开始日期</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="45" />
        <source>窗口位置</source>
        <translation>窗口位置</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="46" />
        <source>工具栏布局</source>
        <translation>工具栏布局</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings.py" line="47" />
        <source>分栏宽度</source>
        <translation>分栏宽度</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="173" />
        <source>设置</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="181" />
        <source>干部信息</source>
        <translation>干部信息</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="182" />
        <source>低保标准</source>
        <translation>低保标准</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="183" />
        <source>打印</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="184" />
        <source>界面与再摸底</source>
        <translation>界面与再摸底</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="196" />
        <source>确定</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/settings_dialog.py" line="198" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="168" />
        <source>转介状态变更</source>
        <translation>转介状态变更</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="180" />
        <source>办理情况；退回或撤销须写明原因</source>
        <translation>办理情况；退回或撤销须写明原因</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="182" />
        <source>转介事项</source>
        <translation>转介事项</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="183" />
        <source>当前状态</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="184" />
        <source>变更为(&amp;T)</source>
        <translation>变更为(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="185" />
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="186" />
        <source>说明(&amp;N)</source>
        <translation>说明(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="191" />
        <source>确定(&amp;S)</source>
        <translation>确定(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="196" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="205" />
        <source>该转介已结束，不能再变更状态。</source>
        <translation>该转介已结束，不能再变更状态。</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/referral_dialogs.py" line="230" />
        <source>状态未能保存</source>
        <translation>状态未能保存</translation>
    </message>
</context>
<context>
    <name>VillagePicker</name>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="50" />
        <source>（县区）</source>
        <translation>（县区）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="59" />
        <source>（乡镇街道）</source>
        <translation>（乡镇街道）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/household_dialogs.py" line="67" />
        <source>（村、社区）</source>
        <translation>（村、社区）</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="69" />
        <source>记录走访 — %1</source>
        <translation>记录走访 — %1</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="85" />
        <source>如：家中、务工单位</source>
        <translation>如：家中、务工单位</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="88" />
        <source>见到的家庭成员</source>
        <translation>见到的家庭成员</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="89" />
        <source>住房、收入、健康、子女上学等</source>
        <translation>住房、收入、健康、子女上学等</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="91" />
        <source>希望得到的帮助（利益诉求）</source>
        <translation>希望得到的帮助（利益诉求）</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="93" />
        <source>其他情况</source>
        <translation>其他情况</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="100" />
        <source>走访日期(&amp;D)</source>
        <translation>走访日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="101" />
        <source>走访方式(&amp;M)</source>
        <translation>走访方式(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="102" />
        <source>走访地点(&amp;P)</source>
        <translation>走访地点(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="103" />
        <source>见到的人</source>
        <translation>见到的人</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="104" />
        <source>生活状况</source>
        <translation>生活状况</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="105" />
        <source>利益诉求</source>
        <translation>利益诉求</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="106" />
        <source>备注</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="107" />
        <source>下次走访(&amp;N)</source>
        <translation>下次走访(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="117" />
        <source>保存(&amp;S)</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="120" />
        <source>保存并转介(&amp;R)…</source>
        <translation>保存并转介(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="122" />
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="132" />
        <source>提示：Tab 到下一项，回车保存；文字框内 Ctrl+回车 保存。草稿自动保存。</source>
        <translation>提示：Tab 到下一项，回车保存；文字框内 Ctrl+回车 保存。草稿自动保存。</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="153" />
        <source>家中</source>
        <translation>家中</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="188" />
        <source>已恢复 %1 自动保存的草稿，核对后保存即可。</source>
        <translation>已恢复 %1 自动保存的草稿，核对后保存即可。</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="199" />
        <source>草稿未能保存</source>
        <translation>草稿未能保存</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="247" />
        <source>走访未能保存</source>
        <translation>走访未能保存</translation>
    </message>
    <message>
        <location filename="../../src/fieldapp/ui/visit_form.py" line="263" />
        <source>走访记录</source>
        <translation>走访记录</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../src/fieldapp/ui/records_dialogs.py" line="43" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
</TS>