"""Sync to headquarters: signed, encrypted batches over HTTP or a USB folder (docs/sync-protocol.md)."""
