#!/bin/sh
# Retake the workbench's screenshots (docs/screenshots) as a cadre sees them: an X screen of
# 1366x768 with a window manager (openbox) and a 40-pixel taskbar (tint2), so the app has
# 1366x728 of usable screen, the main window maximised and every dialog placed by the window
# manager. Demo data in a temporary folder; never the user's data.
#
#     sh packaging/screenshots/take.sh [docs/screenshots]
#
# Needs (Debian): xvfb openbox tint2 fonts-wqy-microhei and Qt's xcb libraries (see
# docs/testing.md); run from the repository with its virtual environment in .venv.
set -eu
OUT=${1:-docs/screenshots}
SCREEN=${SCREENSHOT_DISPLAY:-:77}
HERE=$(cd "$(dirname "$0")" && pwd)
PY=${PYTHON:-.venv/bin/python}
for tool in Xvfb openbox tint2; do
    command -v "$tool" >/dev/null || {
        echo "missing $tool: apt-get install xvfb openbox tint2 fonts-wqy-microhei" >&2
        exit 1
    }
done
Xvfb "$SCREEN" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
WM=""
PANEL=""
cleanup() {
    for pid in $PANEL $WM $XVFB; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM
sleep 1
if command -v xsetroot >/dev/null; then  # a plain desktop colour (x11-xserver-utils), not black
    DISPLAY=$SCREEN xsetroot -solid "#3b6e8f"
fi
DISPLAY=$SCREEN openbox >/dev/null 2>&1 &
WM=$!
sleep 1
DISPLAY=$SCREEN tint2 -c "$HERE/tint2rc" >/dev/null 2>&1 &
PANEL=$!
sleep 2
DISPLAY=$SCREEN QT_QPA_PLATFORM=xcb "$PY" -m fieldapp.ui.screenshots --desktop "$OUT"
