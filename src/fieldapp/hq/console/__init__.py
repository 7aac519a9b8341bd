"""The headquarters console: server-rendered pages for staff (views.py, templates/, static/)."""
