"""The bundle's reduced ICU data (packaging/slim_icu.py): Qt behaves as with the full 31 MB for
everything Chinese and English it can reach — pinyin collation, GB18030/GBK/Big5 code pages,
locale case mapping, time-zone names — and the library really is the small one."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"
if not sys.platform.startswith("linux"):
    pytest.skip("the ICU data library is cut for the Linux bundle only", allow_module_level=True)

spec = importlib.util.spec_from_file_location("slim_icu", PACKAGING / "slim_icu.py")
assert spec and spec.loader
slim_icu = importlib.util.module_from_spec(spec)
spec.loader.exec_module(slim_icu)

CHECK = r"""
import functools, json
from PySide6.QtCore import QCollator, QLocale, QStringConverter, QStringDecoder, QTimeZone
zh = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
names = ["张三", "阿明", "王五", "李四", "赵六", "白云", "欧阳修", "曾国藩"]
maps = [line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line]
print(json.dumps({
    "pinyin": sorted(names, key=functools.cmp_to_key(QCollator(zh).compare)),
    "upper": [QLocale(QLocale.Language.Turkish).toUpper("i"), QLocale(QLocale.Language.English).toUpper("straße")],
    "codecs": [QStringDecoder(n).isValid() for n in ("GB18030", "GBK", "GB2312", "Big5", "Big5-HKSCS")],
    "zone": QTimeZone(b"Asia/Shanghai").displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, zh),
    "icudata": sorted(set(maps)),
}, ensure_ascii=False))
"""


def _run(preload: Path | None) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if preload is not None:
        env["LD_PRELOAD"] = str(preload)  # same soname: libicuuc takes this one instead of the wheel's
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


def test_qt_with_the_reduced_icu_data_sorts_converts_and_names_as_with_the_full_one(tmp_path: Path) -> None:
    import PySide6

    full_lib = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    small_lib = slim_icu.slim(full_lib, tmp_path)
    assert small_lib.stat().st_size < full_lib.stat().st_size / 5
    full, small = _run(None), _run(small_lib)
    assert small["icudata"] == [str(small_lib)] and full["icudata"] == [str(full_lib)]
    for key in ("pinyin", "upper", "codecs", "zone"):
        assert small[key] == full[key], key
    # ICU reads 曾 céng
    assert small["pinyin"] == ["阿明", "白云", "曾国藩", "李四", "欧阳修", "王五", "张三", "赵六"]  # fmt: skip
    assert small["codecs"] == [True] * 5 and small["zone"] == "中国标准时间"


def test_only_other_languages_legacy_code_pages_and_unused_trees_are_dropped() -> None:
    items = [
        "root.res", "zh.res", "zh_Hans_CN.res", "en_GB.res", "de.res", "pool.res", "supplementalData.res",
        "coll/zh.res", "coll/de.res", "coll/de__PHONEBOOK.res", "coll/ucadata.icu", "zone/zh.res", "zone/fr.res",
        "brkitr/cjdict.dict", "unit/zh.res", "gb18030.cnv", "ibm-37_P100-1995.cnv", "nfkc.nrm", "unames.icu",
    ]  # fmt: skip
    assert slim_icu.dropped(items) == [
        "de.res", "coll/de.res", "coll/de__PHONEBOOK.res", "zone/fr.res", "brkitr/cjdict.dict", "unit/zh.res",
        "ibm-37_P100-1995.cnv", "unames.icu",
    ]  # fmt: skip
