"""Refresh the .ts files from the sources, fill them, and build the .qm files.

    python resources/translations/update.py

zh_CN is the source language (each text translates to itself); English comes from
en_glossary.py. Texts without an English entry stay "unfinished" and show in Chinese.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from en_glossary import EN  # noqa: E402


def main() -> int:
    sources = sorted(
        str(p) for p in (ROOT / "src" / "fieldapp" / "ui").glob("*.py") if p.name != "screenshots.py"
    )
    missing: list[str] = []
    for lang in ("zh_CN", "en"):
        ts = HERE / f"fieldapp_{lang}.ts"
        subprocess.run(
            [
                "pyside6-lupdate",
                *sources,
                "-source-language",
                "zh_CN",
                "-target-language",
                lang,
                "-no-obsolete",
                "-ts",
                str(ts),
            ],
            check=True,
        )
        tree = ET.parse(ts)
        for message in tree.getroot().iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            text = source if lang == "zh_CN" else EN.get(source)
            if text is None:
                missing.append(source)
                continue
            translation.text = text
            translation.attrib.pop("type", None)
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(HERE / f"fieldapp_{lang}.qm")], check=True)
    for text in sorted(set(missing)):
        print("no English yet:", text.replace("\n", "\\n"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
