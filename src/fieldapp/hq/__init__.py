"""The headquarters server `fieldapp-hq`: enrolment, batch ingest, replies (docs/sync-protocol.md)."""
