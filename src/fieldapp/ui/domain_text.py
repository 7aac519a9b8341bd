"""The domain's validation messages in the user's language.

The domain speaks Chinese (`domain/errors.FieldProblem`: a field's label and a message, some with
a value in them, e.g. "校验位错误（最后一位应为 7，请核对号码）"). Rather than rewrite the domain,
the messages a cadre meets most are listed here as templates, "%1" standing for the value; a
message is matched against them and its template translated (context "Domain"), the values put
back. A message that matches no template is shown as the domain wrote it (Chinese), so a new
domain message is never lost, only untranslated until it is listed here.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from fieldapp.domain.errors import FieldProblem
from fieldapp.ui import vocab_text

CONTEXT = "Domain"

TEMPLATES = (
    # required fields, dates, amounts (domain/money, services/records, visits, households)
    QT_TRANSLATE_NOOP("Domain", "不能为空"),
    QT_TRANSLATE_NOOP("Domain", "晚于今天"),
    QT_TRANSLATE_NOOP("Domain", "不能晚于今天"),
    QT_TRANSLATE_NOOP("Domain", "不能为负数"),
    QT_TRANSLATE_NOOP("Domain", "应大于0"),
    QT_TRANSLATE_NOOP("Domain", "“%1”不是金额"),
    QT_TRANSLATE_NOOP("Domain", "不能为负数（%1）"),
    QT_TRANSLATE_NOOP("Domain", "最多精确到分（%1）"),
    QT_TRANSLATE_NOOP("Domain", "请填写整数金额（元），不填表示未填"),
    QT_TRANSLATE_NOOP("Domain", "应为整数金额（元）"),
    QT_TRANSLATE_NOOP("Domain", "不应超过%1元，请核对是否多输了0"),
    # ID numbers (domain/idcard, domain/people)
    QT_TRANSLATE_NOOP("Domain", "校验位错误（最后一位应为 %1，请核对号码）"),
    QT_TRANSLATE_NOOP("Domain", "应为18位（现为%1位）"),
    QT_TRANSLATE_NOOP("Domain", "前17位应为数字，最后一位为数字或X"),
    QT_TRANSLATE_NOOP("Domain", "15位旧身份证号应全部为数字"),
    QT_TRANSLATE_NOOP("Domain", "出生日期 %1 不存在"),
    QT_TRANSLATE_NOOP("Domain", "出生日期 %1 晚于今天"),
    QT_TRANSLATE_NOOP("Domain", "与身份证号中的出生日期 %1 不一致"),
    QT_TRANSLATE_NOOP("Domain", "与身份证号不一致（号码显示为%1）"),
    # phone numbers (domain/phone)
    QT_TRANSLATE_NOOP("Domain", "手机号 %1 的第二位应为 3–9"),
    QT_TRANSLATE_NOOP("Domain", "%1 不是电话号码"),
    QT_TRANSLATE_NOOP("Domain", "%1 不是有效的中国大陆电话号码（手机号为11位，以13–19开头）"),
    # people, relief, consents, corrections
    QT_TRANSLATE_NOOP("Domain", "过长（最多50字）"),
    QT_TRANSLATE_NOOP("Domain", "健康状况为残疾时必须选择"),
    QT_TRANSLATE_NOOP("Domain", "健康状况不是残疾时不应填写"),
    QT_TRANSLATE_NOOP("Domain", "本单位农民工须填写单位名称"),
    QT_TRANSLATE_NOOP("Domain", "%1未满14周岁，须由监护人同意"),
    QT_TRANSLATE_NOOP("Domain", "必填：说明为什么修改这条记录，如“金额录错”"),
    QT_TRANSLATE_NOOP("Domain", "至少为1人"),
    QT_TRANSLATE_NOOP("Domain", "不超过%1字"),
    QT_TRANSLATE_NOOP("Domain", "必填：说明为什么作废这条走访记录"),
    QT_TRANSLATE_NOOP("Domain", "没有改动任何内容，无需保存修改"),
    QT_TRANSLATE_NOOP("Domain", "身份证号 %1 已登记为“%2”（另一户或同一户），不能重复登记"),
    QT_TRANSLATE_NOOP("Domain", "“%1”须说明原因"),
    QT_TRANSLATE_NOOP("Domain", "编号 %1 对应多条记录，请改用完整的记录编号"),
    # refusals by a rule (RuleViolation) and records not found (NotFound): shown in a message box
    QT_TRANSLATE_NOOP("Domain", "该干部已结对%1户（规定为%2–%3户），再增加需填写原因"),
    QT_TRANSLATE_NOOP("Domain", "转介状态不能从“%1”直接变为“%2”；可变为：%3"),
    QT_TRANSLATE_NOOP("Domain", "无（已结束）"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "档案状态不能从“%1”直接改为“%2”：销档须先改为“拟销档”（经集体研究并公示），县总工会批准后再改为“已销档”。",
    ),
    QT_TRANSLATE_NOOP("Domain", "找不到该%1（编号 %2），可能已被删除"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "该户已由市总工会移交给其他干部的设备，本机只能查看，不能再修改。"
        "如需补充情况，请联系现在负责该户的干部或市总工会。",
    ),
    QT_TRANSLATE_NOOP("Domain", "新建户时第一位成员应为户主"),
    QT_TRANSLATE_NOOP("Domain", "这户已有户主“%1”"),
    QT_TRANSLATE_NOOP("Domain", "不能删除户主；请先把另一位成员设为户主"),
    QT_TRANSLATE_NOOP("Domain", "附件文件 %1… 不在本机"),
    QT_TRANSLATE_NOOP("Domain", "找不到区划代码 %1，请核对（可用县区、乡镇或村的代码）"),
    QT_TRANSLATE_NOOP("Domain", "找不到编号为 %1 的记录。请核对纸面上的编号（字母和数字）。"),
    QT_TRANSLATE_NOOP("Domain", "状态日期不能早于上一次状态变化（%1）"),
    QT_TRANSLATE_NOOP("Domain", "该干部已与这户结对"),
    QT_TRANSLATE_NOOP("Domain", "该结对关系已经结束"),
    QT_TRANSLATE_NOOP("Domain", "该户还没有登记过%1情况，不能确认“无变化”，请直接填写。"),
    QT_TRANSLATE_NOOP("Domain", "自动备份的间隔应为 1 到 168 小时。"),
    QT_TRANSLATE_NOOP("Domain", "保留的备份份数应为 1 到 100。"),
    QT_TRANSLATE_NOOP("Domain", "备份位置不能在数据文件夹里面：请选另一个文件夹或U盘。"),
    # further field messages (divisions, hardship, item 19, printing, attachments, visits)
    QT_TRANSLATE_NOOP("Domain", "应为12位数字（现为“%1”）"),
    QT_TRANSLATE_NOOP("Domain", "%1 不属于临沂市（应以3713开头）"),
    QT_TRANSLATE_NOOP("Domain", "%1 不是临沂市的村（社区）代码（%2年统计用区划代码中没有）"),
    QT_TRANSLATE_NOOP("Domain", "应大于0，请在设置中填写本地低保标准"),
    QT_TRANSLATE_NOOP("Domain", "最多选择3项"),
    QT_TRANSLATE_NOOP("Domain", "不能与主要致困原因重复"),
    QT_TRANSLATE_NOOP("Domain", "有重复项"),
    QT_TRANSLATE_NOOP("Domain", "“%1”不是可选的就业状况"),
    QT_TRANSLATE_NOOP("Domain", "“%1”不是可选的培训类别"),
    QT_TRANSLATE_NOOP("Domain", "含有不认识的险种"),
    QT_TRANSLATE_NOOP("Domain", "险种重复"),
    QT_TRANSLATE_NOOP("Domain", "目录中没有“%1”"),
    QT_TRANSLATE_NOOP("Domain", "不认识的项目：%1"),
    QT_TRANSLATE_NOOP("Domain", "不是该户的成员"),
    QT_TRANSLATE_NOOP("Domain", "重复登记"),
    QT_TRANSLATE_NOOP("Domain", "“%1”要用%2，%3 不是"),
    QT_TRANSLATE_NOOP("Domain", "应为 all 或临沂市的区划代码（如 371324）"),
    QT_TRANSLATE_NOOP("Domain", "只能是 pdf 或 printer"),
    QT_TRANSLATE_NOOP("Domain", "至少为1份"),
    QT_TRANSLATE_NOOP("Domain", "%1 不是按户打印的表单"),
    QT_TRANSLATE_NOOP("Domain", "找不到文件 %1"),
    QT_TRANSLATE_NOOP("Domain", "超过20MB，请压缩照片后再添加"),
    QT_TRANSLATE_NOOP("Domain", "应在0到30年之间"),
    QT_TRANSLATE_NOOP("Domain", "应晚于本次走访日期"),
    QT_TRANSLATE_NOOP("Domain", "两次走访间隔不应超过6个月"),
    QT_TRANSLATE_NOOP("Domain", "应为2位（省）、4位（市）或6位（县区）区划代码（现为“%1”）"),
    QT_TRANSLATE_NOOP("Domain", "%1 不是%2年统计用区划代码中的省、市或县区"),
    QT_TRANSLATE_NOOP("Domain", "%1 不属于%2（本机的工作地区）%3"),
    QT_TRANSLATE_NOOP("Domain", "，它是%1的代码"),
    QT_TRANSLATE_NOOP("Domain", "（%1年统计用区划代码中也没有）"),
    QT_TRANSLATE_NOOP("Domain", "%1 不是%2的村（社区）代码（%3年统计用区划代码中没有）"),
    # the household-list import (services/importer*.py, import_files.py, import_places.py): whole
    # files refused, and the reasons of rows not imported
    QT_TRANSLATE_NOOP(
        "Domain", "“%1”是网页格式的表格，但无法识别其编码；请在Excel中打开后另存为 .xlsx 再导入"
    ),
    QT_TRANSLATE_NOOP("Domain", "“%1”实际是网页文件，其中没有表格；请在Excel中打开后另存为 .xlsx 再导入"),
    QT_TRANSLATE_NOOP(
        "Domain", "无法读取“%1”，文件不是有效的 .xls 表格（%2）；请在Excel或WPS中打开后另存为 .xlsx 再导入"
    ),
    QT_TRANSLATE_NOOP("Domain", "只能导入 .xlsx、.xls 或 .csv 文件（现为“%1”）"),
    QT_TRANSLATE_NOOP("Domain", "在前%1行中找不到表头行（应有“户主姓名”“身份证号”等列名）"),
    QT_TRANSLATE_NOOP(
        "Domain", "无法识别文件编码（应为 UTF-8 或 GBK），请在Excel中另存为“CSV UTF-8”后再导入"
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "在表格中被存成了数字（显示为 %1），后几位已丢失无法恢复；"
        "请把身份证号一列设为“文本”格式，重新录入号码后再导入",
    ),
    QT_TRANSLATE_NOOP("Domain", "第%1行表头中缺少“%2”列（可用的列名：%3）"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "文件过大（%1 MB），名单文件最大 %2 MB；请删除无关的工作表、图片，或把名单拆成几个文件后再导入",
    ),
    QT_TRANSLATE_NOOP("Domain", "无法读取“%1”，文件不是有效的 .xlsx 表格（%2）"),
    QT_TRANSLATE_NOOP("Domain", "第%1行 CSV 格式有误：%2"),
    QT_TRANSLATE_NOOP("Domain", "“%1”无法识别（可填：户主、配偶、子、女、父亲、母亲、孙子女、其他等）"),
    QT_TRANSLATE_NOOP("Domain", "“%1”无法识别（可填：配偶、子、女、父亲、母亲、孙子女、其他等）"),
    QT_TRANSLATE_NOOP(
        "Domain", "没有填写户编号或户主身份证号，不知道本人属于%1中的哪一户；请填写其中一项后重新导入"
    ),
    QT_TRANSLATE_NOOP("Domain", "所属户的户主（%1第%2行）未导入，请先改正户主行"),
    QT_TRANSLATE_NOOP("Domain", "所属户的户主（第%1行）未导入，请先改正户主行"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "找不到本人所属的户：表中没有对应的户主行（请填写户编号或户主身份证号，或把成员行放在户主行之下）",
    ),
    QT_TRANSLATE_NOOP("Domain", "户编号“%1”在%2中不存在（成员所属的户找不到）"),
    QT_TRANSLATE_NOOP(
        "Domain", "户编号“%1”与户主身份证号不一致：%2第%3行户编号“%4”的户主身份证号不是 %5；请核对后重新导入"
    ),
    QT_TRANSLATE_NOOP("Domain", "户主身份证号 %1 在%2中找不到，本机也没有登记此人"),
    QT_TRANSLATE_NOOP("Domain", "与户主关系填写为“%1”，但身份证号与%2中该户户主的不同；请核对后重新导入"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "“%1”有%2个同名的村（社区）：%3；无法确定是哪一个，本行未导入。"
        "请在“乡镇”列填写所在乡镇（或在村名前写上乡镇）后重新导入",
    ),
    QT_TRANSLATE_NOOP("Domain", "“%1”不在本机的工作地区（%2）内：它是%3"),
    QT_TRANSLATE_NOOP("Domain", "代码 %1 是%2的村，不属于%3"),
    QT_TRANSLATE_NOOP("Domain", "代码 %1 不属于%2"),
    QT_TRANSLATE_NOOP("Domain", "%1没有“%2”"),
    QT_TRANSLATE_NOOP("Domain", "“%1”表"),  # a sheet of the workbook, named in a reason
    # batch printing (services/batch_print.py): why one household's file was not written
    QT_TRANSLATE_NOOP("Domain", "%1 是一个已有的文件夹，未生成文件。请把这个文件夹改名或移走后再批量打印。"),
    QT_TRANSLATE_NOOP("Domain", "无法保存到 %1：%2，未生成文件。%3。"),
    QT_TRANSLATE_NOOP("Domain", "无法在 %1 保存文件：%2，未生成文件。%3。"),
    # sync and attachments: what the sync client, the protocol and the photo store raise
    QT_TRANSLATE_NOOP("Domain", "转介办理结果 %1 条"),
    QT_TRANSLATE_NOOP("Domain", "移交给本机的困难户 %1 户"),
    QT_TRANSLATE_NOOP("Domain", "已移交给其他干部的困难户 %1 户（本机只读）"),
    QT_TRANSLATE_NOOP("Domain", "低保标准已更新"),
    QT_TRANSLATE_NOOP("Domain", "接收单位目录已更新"),
    QT_TRANSLATE_NOOP("Domain", "再摸底安排：%1"),
    QT_TRANSLATE_NOOP("Domain", "表单模板已更新：%1"),
    QT_TRANSLATE_NOOP("Domain", "未能应用 %1 条：%2"),
    QT_TRANSLATE_NOOP("Domain", "第 %1 批"),
    QT_TRANSLATE_NOOP("Domain", "取回执"),
    QT_TRANSLATE_NOOP("Domain", "设备登记成功：%1"),
    QT_TRANSLATE_NOOP("Domain", "%1 已加密，需要先登录"),
    QT_TRANSLATE_NOOP("Domain", "文件 %1 已损坏或被替换，无法解密"),
    QT_TRANSLATE_NOOP("Domain", "登记文件已损坏或不完整，请向市总工会重新申请登记文件。"),
    QT_TRANSLATE_NOOP(
        "Domain", "多次重试后仍连不上市总工会服务器：%1。数据都还在本机，请稍后再试或改用U盘导出。"
    ),
    QT_TRANSLATE_NOOP(
        "Domain", "多次重试后仍连不上市总工会服务器。数据都还在本机，请稍后再试或改用U盘导出。"
    ),
    QT_TRANSLATE_NOOP(
        "Domain", "联网登记需要输入登记信上的“市总工会公钥指纹”，用来确认连到的是真正的市总工会服务器。"
    ),
    QT_TRANSLATE_NOOP("Domain", "这不是市总工会发出的设备登记文件。"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "市总工会服务器的HTTPS证书不受本机信任（可能是自签证书，或连到了假冒的服务器），已停止，未发送任何数据。请用市总工会提供的CA证书（--ca-file）后重试。",
    ),
    QT_TRANSLATE_NOOP("Domain", "登记文件里没有服务器地址；请用U盘方式登记（--request-out）。"),
    QT_TRANSLATE_NOOP("Domain", "没有市总工会服务器地址。请用 --server 指定，或改用U盘导出。"),
    QT_TRANSLATE_NOOP("Domain", "写入U盘后读回的内容不一致：%1。请换一个U盘重试。"),
    QT_TRANSLATE_NOOP("Domain", "这个回执不是发给本机的。"),
    QT_TRANSLATE_NOOP("Domain", "连不上市总工会服务器。请检查网络，或改用登记文件。"),
    QT_TRANSLATE_NOOP("Domain", "无法读取登记文件 %1：%2"),
    QT_TRANSLATE_NOOP("Domain", "登记文件 %1 已损坏或不是登记文件，请向市总工会重新索取。"),
    QT_TRANSLATE_NOOP("Domain", "无法读取证书文件 %1：%2"),
    QT_TRANSLATE_NOOP("Domain", "连不上市总工会服务器。请检查网络，或改用U盘方式登记。"),
    QT_TRANSLATE_NOOP("Domain", "服务器出错（%1）"),
    QT_TRANSLATE_NOOP("Domain", "写入U盘失败（%1）。本机数据没有丢失，请检查U盘后重新导出。"),
    QT_TRANSLATE_NOOP(
        "Domain", "回执解压后超过 %1 MB（压缩比异常），未展开、未导入。本机数据没有改动，请联系市总工会。"
    ),
    QT_TRANSLATE_NOOP("Domain", "回执文件超过 %1 MB，不是市总工会的回执，未读取"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "登记申请在传送途中被改动过或已损坏（签名与登记码校验不符），已拒收，没有登记任何内容。登记码仍然有效：请在本机重新生成登记申请（再次选择登记文件写到U盘）后重新导入。",
    ),
    QT_TRANSLATE_NOOP("Domain", "登记文件里市总工会的公钥已损坏。请向市总工会重新申请。"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "服务器给出的市总工会公钥（指纹 %1）与您输入的指纹 %2 不符：可能连到了假冒的服务器，或网络被人截改。本机没有保存任何内容。请核对登记信上的指纹和服务器地址后重试，或改用登记文件。",
    ),
    QT_TRANSLATE_NOOP(
        "Domain", "登记文件里的公钥与其中写明的指纹不符：文件已损坏或被改动。请向市总工会重新申请。"
    ),
    QT_TRANSLATE_NOOP("Domain", "文件不完整（可能在写入时拔出了U盘）。请重新导出后再导入。"),
    QT_TRANSLATE_NOOP("Domain", "这不是 fieldapp 的同步文件。"),
    QT_TRANSLATE_NOOP("Domain", "同步文件格式版本 %1 比本程序支持的版本 %2 新。请先升级程序再导入。"),
    QT_TRANSLATE_NOOP("Domain", "同步文件的文件头已损坏。请重新导出。"),
    QT_TRANSLATE_NOOP("Domain", "同步文件末尾有多余的数据，已损坏。请重新导出。"),
    QT_TRANSLATE_NOOP("Domain", "这个文件不是发给本机（或本总工会服务器）的，无法解密。"),
    QT_TRANSLATE_NOOP("Domain", "内容校验值不符，文件已损坏。请重新导出。"),
    QT_TRANSLATE_NOOP("Domain", "批次内容解压后超过 %1 MB（压缩比异常），已拒收，未展开。请联系技术人员。"),
    QT_TRANSLATE_NOOP("Domain", "签名不符：文件已被改动或损坏，或不是该设备发出的。请重新导出。"),
    QT_TRANSLATE_NOOP("Domain", "无法解密：密钥不符或文件损坏。"),
    QT_TRANSLATE_NOOP("Domain", "同步文件的内容不是有效的JSON。"),
    QT_TRANSLATE_NOOP(
        "Domain", "这份恢复登记文件是给设备“%1”（编号 %2…）的，不是本机。请核对后向市总工会索取正确的文件。"
    ),
    # what went wrong with a file or the network, and what to do (storage/os_errors.explain)
    QT_TRANSLATE_NOOP("Domain", "磁盘（或U盘）空间不足"),
    QT_TRANSLATE_NOOP("Domain", "请删除不需要的文件、清空回收站或换一个位置后重试"),
    QT_TRANSLATE_NOOP("Domain", "这个位置只能读不能写（U盘可能处于写保护状态）"),
    QT_TRANSLATE_NOOP("Domain", "请拨开U盘的写保护开关，或换一个文件夹"),
    QT_TRANSLATE_NOOP("Domain", "没有权限读写“%1”"),
    QT_TRANSLATE_NOOP("Domain", "没有权限读写"),
    QT_TRANSLATE_NOOP("Domain", "请换一个文件夹（例如“文档”），或请电脑管理员开放权限"),
    QT_TRANSLATE_NOOP("Domain", "设备读写出错，U盘或移动硬盘可能已被拔出"),
    QT_TRANSLATE_NOOP("Domain", "请重新插好U盘，等电脑认出后再试；未完成的文件不会留下"),
    QT_TRANSLATE_NOOP("Domain", "“%1”是一个文件夹，不是文件"),
    QT_TRANSLATE_NOOP("Domain", "请在文件夹后面加上文件名"),
    QT_TRANSLATE_NOOP("Domain", "“%1”的上一级不是文件夹"),
    QT_TRANSLATE_NOOP("Domain", "请检查路径是否写对"),
    QT_TRANSLATE_NOOP("Domain", "找不到“%1”"),
    QT_TRANSLATE_NOOP("Domain", "找不到文件或文件夹"),
    QT_TRANSLATE_NOOP("Domain", "请检查路径是否写对，或先插好U盘"),
    QT_TRANSLATE_NOOP("Domain", "“%1”已经存在"),
    QT_TRANSLATE_NOOP("Domain", "同名文件已经存在"),
    QT_TRANSLATE_NOOP("Domain", "请换一个名字"),
    QT_TRANSLATE_NOOP("Domain", "连不上服务器（网络不通或服务器没有开）"),
    QT_TRANSLATE_NOOP("Domain", "请检查网络后重试；数据都在本机，不会丢失，也可以改用U盘交换"),
    QT_TRANSLATE_NOOP("Domain", "文件名或路径太长"),
    QT_TRANSLATE_NOOP("Domain", "请换一个短一些的名字或文件夹"),
    QT_TRANSLATE_NOOP("Domain", "同时打开的文件太多"),
    QT_TRANSLATE_NOOP("Domain", "请关闭其他程序后重试"),
    QT_TRANSLATE_NOOP("Domain", "读写文件时出错"),
    QT_TRANSLATE_NOOP("Domain", "请检查磁盘空间、U盘和文件夹权限后重试"),
    QT_TRANSLATE_NOOP("Domain", "这是一个文件，不是文件夹"),
    QT_TRANSLATE_NOOP("Domain", "请另选一个文件夹"),
)

# values put into the messages above that are themselves words: what was not found, the
# separator of a list ("、")
VALUES = (
    QT_TRANSLATE_NOOP("Domain", "、"),
    QT_TRANSLATE_NOOP("Domain", "记录"),
    QT_TRANSLATE_NOOP("Domain", "户表"),  # the households' sheet of a list, when it has no name
    QT_TRANSLATE_NOOP("Domain", "干部"),
    QT_TRANSLATE_NOOP("Domain", "困难户"),
    QT_TRANSLATE_NOOP("Domain", "家庭成员"),
    QT_TRANSLATE_NOOP("Domain", "结对关系"),
    QT_TRANSLATE_NOOP("Domain", "走访记录"),
    QT_TRANSLATE_NOOP("Domain", "困难评定"),
    QT_TRANSLATE_NOOP("Domain", "转介"),
    QT_TRANSLATE_NOOP("Domain", "救助记录"),
    QT_TRANSLATE_NOOP("Domain", "同意记录"),
    QT_TRANSLATE_NOOP("Domain", "附件"),
    QT_TRANSLATE_NOOP("Domain", "收入与支出记录"),
    QT_TRANSLATE_NOOP("Domain", "就业与社保记录"),
)

LABELS = (
    QT_TRANSLATE_NOOP("Domain", "身份证号"),
    QT_TRANSLATE_NOOP("Domain", "联系电话"),
    QT_TRANSLATE_NOOP("Domain", "本人电话"),
    QT_TRANSLATE_NOOP("Domain", "干部电话"),
    QT_TRANSLATE_NOOP("Domain", "姓名"),
    QT_TRANSLATE_NOOP("Domain", "性别"),
    QT_TRANSLATE_NOOP("Domain", "出生日期"),
    QT_TRANSLATE_NOOP("Domain", "月收入"),
    QT_TRANSLATE_NOOP("Domain", "残疾类别"),
    QT_TRANSLATE_NOOP("Domain", "所在单位"),
    QT_TRANSLATE_NOOP("Domain", "走访日期"),
    QT_TRANSLATE_NOOP("Domain", "救助金额"),
    QT_TRANSLATE_NOOP("Domain", "发放日期"),
    QT_TRANSLATE_NOOP("Domain", "同意日期"),
    QT_TRANSLATE_NOOP("Domain", "告知书版本"),
    QT_TRANSLATE_NOOP("Domain", "监护人"),
    QT_TRANSLATE_NOOP("Domain", "家庭年收入"),
    QT_TRANSLATE_NOOP("Domain", "家庭人口"),
    QT_TRANSLATE_NOOP("Domain", "修改原因"),
    QT_TRANSLATE_NOOP("Domain", "销档日期"),
    QT_TRANSLATE_NOOP("Domain", "作废原因"),
    QT_TRANSLATE_NOOP("Domain", "修改"),
    QT_TRANSLATE_NOOP("Domain", "编号"),
    QT_TRANSLATE_NOOP("Domain", "说明"),
    QT_TRANSLATE_NOOP("Domain", "低保标准"),
    QT_TRANSLATE_NOOP("Domain", "刚性支出"),
    QT_TRANSLATE_NOOP("Domain", "次要致困原因"),
    QT_TRANSLATE_NOOP("Domain", "转介事项"),
    QT_TRANSLATE_NOOP("Domain", "评定日期"),
    QT_TRANSLATE_NOOP("Domain", "干部姓名"),
    QT_TRANSLATE_NOOP("Domain", "结束原因"),
    QT_TRANSLATE_NOOP("Domain", "接收单位"),
    QT_TRANSLATE_NOOP("Domain", "转介原因"),
    QT_TRANSLATE_NOOP("Domain", "转介日期"),
    QT_TRANSLATE_NOOP("Domain", "登记日期"),
    QT_TRANSLATE_NOOP("Domain", "第十九条项目"),
    QT_TRANSLATE_NOOP("Domain", "公示范围"),
    QT_TRANSLATE_NOOP("Domain", "输出方式"),
    QT_TRANSLATE_NOOP("Domain", "份数"),
    QT_TRANSLATE_NOOP("Domain", "表单"),
    QT_TRANSLATE_NOOP("Domain", "附件文件"),
    QT_TRANSLATE_NOOP("Domain", "状态日期"),
    QT_TRANSLATE_NOOP("Domain", "保存期限"),
    QT_TRANSLATE_NOOP("Domain", "低保标准（元/月）"),
    QT_TRANSLATE_NOOP("Domain", "下次走访日期"),
    QT_TRANSLATE_NOOP("Domain", "食品支出"),
    QT_TRANSLATE_NOOP("Domain", "住房支出"),
    QT_TRANSLATE_NOOP("Domain", "医疗支出"),
    QT_TRANSLATE_NOOP("Domain", "子女上学支出"),
    QT_TRANSLATE_NOOP("Domain", "其他支出"),
    QT_TRANSLATE_NOOP("Domain", "被拖欠工资"),
    QT_TRANSLATE_NOOP("Domain", "欠薪单位"),
    QT_TRANSLATE_NOOP("Domain", "欠薪反映日期"),
    QT_TRANSLATE_NOOP("Domain", "就业状况"),
    QT_TRANSLATE_NOOP("Domain", "工作单位"),
    QT_TRANSLATE_NOOP("Domain", "希望参加的培训"),
    QT_TRANSLATE_NOOP("Domain", "已参加的培训"),
    QT_TRANSLATE_NOOP("Domain", "所获证书"),
    QT_TRANSLATE_NOOP("Domain", "参加的社会保险"),
    QT_TRANSLATE_NOOP("Domain", "工作地区"),
    QT_TRANSLATE_NOOP("Domain", "名单文件"),
    QT_TRANSLATE_NOOP("Domain", "表头"),
    QT_TRANSLATE_NOOP("Domain", "村（社区）"),
    QT_TRANSLATE_NOOP("Domain", "县区"),
    QT_TRANSLATE_NOOP("Domain", "乡镇（街道）"),
    QT_TRANSLATE_NOOP("Domain", "与户主关系"),
    QT_TRANSLATE_NOOP("Domain", "%1的%2"),  # a member's field: 张三的月收入
)


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]:
    """(pattern, template, placeholders in the order they appear) of every template."""
    out = []
    for t in (str(t) for t in TEMPLATES):  # QT_TRANSLATE_NOOP is typed as returning object
        marks = tuple(re.findall(r"%[1-9]", t))
        pattern = re.escape(t)
        for mark in marks:
            pattern = pattern.replace(re.escape(mark), "(.+?)", 1)
        out.append((re.compile(pattern, re.S), t, marks))
    return tuple(out)


def _value(text: str) -> str:
    """A value put into a message: a word of the domain (a status, what was not found, a list of
    them joined by 、) in the chosen language; a name or a number as it is."""
    whole = message(text)  # a whole phrase first: "请删除不需要的文件、清空回收站…" is one message
    if whole != text:
        return whole
    parts = text.split("、")
    shown = []
    for part in parts:
        translated = message(part)  # a value may itself be a message ("，它是…的代码")
        if translated == part:
            translated = QCoreApplication.translate(CONTEXT, part)
        shown.append(translated if translated != part else vocab_text.shown(part))
    return QCoreApplication.translate(CONTEXT, "、").join(shown) if len(parts) > 1 else shown[0]


def message(text: str) -> str:
    """A domain message in the chosen language (as written when it matches no template)."""
    for pattern, template, marks in _patterns():
        if m := pattern.fullmatch(text):
            out = QCoreApplication.translate(CONTEXT, template)
            for mark, value in zip(marks, m.groups(), strict=True):
                out = out.replace(mark, _value(value))
            return out
    return text


def label(text: str) -> str:
    """A field's name in the chosen language; "张三的月收入" (a member's field) as "%1的%2"."""
    if text in _labels():
        return QCoreApplication.translate(CONTEXT, text)
    owner, of, field = text.partition("的")
    if of and field in _labels():
        return (
            QCoreApplication.translate(CONTEXT, "%1的%2")
            .replace("%1", owner)
            .replace("%2", QCoreApplication.translate(CONTEXT, field))
        )
    return QCoreApplication.translate(CONTEXT, text)


@cache
def _labels() -> frozenset[str]:
    return frozenset(str(t) for t in LABELS)


def problem(p: FieldProblem) -> str:
    """'label：message' of one field's problem, in the chosen language."""
    return (
        QCoreApplication.translate("Domain", "%1：%2")
        .replace("%1", label(p.label))
        .replace("%2", message(p.message))
    )
