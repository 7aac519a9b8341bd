"""Start the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from fieldapp.domain.errors import DomainError
from fieldapp.services import households
from fieldapp.storage.db import open_database
from fieldapp.ui.fonts import install_app_font
from fieldapp.ui.main_window import MainWindow


def run_app(data_dir: Path, *, demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("fieldapp")
    app.setFont(install_app_font())
    try:
        db = open_database(data_dir)
    except (OSError, DomainError) as e:
        QMessageBox.critical(
            None,
            "无法打开数据",
            f"无法打开数据文件夹 {data_dir}：\n{e}\n\n请检查磁盘空间和文件夹权限后重新启动。",
        )
        return 1
    try:
        if demo and not households.list_households(db):
            from fieldapp.services.demo import fill_demo_data

            fill_demo_data(db)
        window = MainWindow(households.list_households(db), str(db.path))
        window.show()
        return app.exec()
    finally:
        db.close()
