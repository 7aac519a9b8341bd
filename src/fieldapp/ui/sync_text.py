"""What the sync screen says after an upload, an export to a stick or an import of replies, in the
chosen language, built from the report's figures (sync/client.SyncReport) rather than from the
Chinese line the command line prints. What headquarters' reply brought (`details`) and what was
refused (`rejected`) are Chinese phrases of the client and of headquarters: each goes through
ui/domain_text, which knows the client's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from fieldapp.ui import domain_text

if TYPE_CHECKING:
    from fieldapp.sync.client import SyncReport

CONTEXT = "SyncScreen"


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def _fill(template: object, *values: object) -> str:
    out = _tr(template)
    for i, value in enumerate(values, 1):
        out = out.replace(f"%{i}", str(value))
    return out


def _refused(item: str) -> str:
    """ "第 3 批：原因" or "文件名：原因": the part before the first "：" and the reason, each shown
    in the chosen language where it is known."""
    where, colon, why = item.partition("：")
    if not colon:
        return domain_text.message(item)
    return _fill(
        QT_TRANSLATE_NOOP("SyncScreen", "%1：%2"), domain_text.message(where), domain_text.message(why)
    )


def report_text(report: SyncReport) -> str:
    """The result line of a finished sync action (report.message when its kind is unknown)."""
    if report.kind == "upload":
        text = _fill(
            QT_TRANSLATE_NOOP("SyncScreen", "已上传 %1 批，共 %2 条记录"), report.batches, report.changes
        )
        if report.items:
            text += _fill(QT_TRANSLATE_NOOP("SyncScreen", "；收到市总工会更新 %1 条"), report.items)
    elif report.kind == "export":
        return _fill(
            QT_TRANSLATE_NOOP("SyncScreen", "已导出 %1 批，共 %2 条记录到 %3"),
            report.batches,
            report.changes,
            report.folder,
        )
    elif report.kind == "import":
        if not report.files:
            return _tr(QT_TRANSLATE_NOOP("SyncScreen", "U盘里没有本机的回执文件。"))
        text = _fill(
            QT_TRANSLATE_NOOP("SyncScreen", "已确认 %1 批；收到市总工会更新 %2 条"),
            report.acked,
            report.items,
        )
    else:
        return domain_text.message(report.message)
    if report.details:
        text += _fill(
            QT_TRANSLATE_NOOP("SyncScreen", "（%1）"),
            _tr(QT_TRANSLATE_NOOP("SyncScreen", "，")).join(domain_text.message(d) for d in report.details),
        )
    if report.rejected:
        label = (
            QT_TRANSLATE_NOOP("SyncScreen", "；被拒收：")
            if report.kind == "upload"
            else QT_TRANSLATE_NOOP("SyncScreen", "；无法导入：")
        )
        text += _tr(str(label)) + _tr(QT_TRANSLATE_NOOP("SyncScreen", "；")).join(
            _refused(r) for r in report.rejected
        )
    return text
