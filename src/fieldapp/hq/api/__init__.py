"""JSON routes of headquarters for staff accounts (thin: they call hq/ledger.py)."""
