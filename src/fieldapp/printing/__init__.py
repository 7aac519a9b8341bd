"""Printed forms: one ReportLab engine rendering the declarative templates in `forms/`.

No Qt here: the engine turns a template and plain data (dicts of display strings, gathered by
`fieldapp.services.printing`) into PDF bytes; the UI previews and prints those bytes.
"""
