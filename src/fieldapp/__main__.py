import os
import sys

if sys.platform == "win32":  # pragma: no cover - Windows only (the bundle's fieldapp.exe)
    # The windowed fieldapp.exe has no console: its streams are None, and a stray print or a
    # log line must not crash the app. The console fieldapp-cli.exe writes UTF-8 when its
    # output goes to a pipe or file (else the ANSI code page cannot encode every character).
    for _name in ("stdout", "stderr"):
        _stream = getattr(sys, _name)
        if _stream is None:
            setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
        elif hasattr(_stream, "reconfigure"):
            _stream.reconfigure(encoding="utf-8", errors="replace")

from fieldapp.cli import main

raise SystemExit(main())
