"""The place picker of the household form lists the active region's divisions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from fieldapp.domain import divisions as div
from fieldapp.services import region
from fieldapp.storage.db import Database
from fieldapp.ui.household_dialogs import VillagePicker


@pytest.fixture(autouse=True)
def _default_region_after() -> Iterator[None]:
    yield
    div.set_active_region(div.DEFAULT_REGION)


def test_village_picker_follows_the_active_region(qtbot: QtBot, db: Database) -> None:
    linyi = VillagePicker()
    qtbot.addWidget(linyi)
    assert "兰山区" in [linyi.county.itemText(i) for i in range(linyi.county.count())]
    region.set_region(db, "370102")  # 济南市历下区
    picker = VillagePicker()
    qtbot.addWidget(picker)
    assert [picker.county.itemText(i) for i in range(1, picker.county.count())] == ["历下区"]
    picker.set_code("370102001002")
    assert picker.code() == "370102001002"
    assert picker.township.currentText() == "解放路街道"
    assert picker.village.currentText() == "解放桥社区居民委员会"
    picker.set_code("371324001015")  # a Linyi village: not offered in a Jinan region
    assert picker.code() == "370102001002"
