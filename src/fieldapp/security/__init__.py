"""Keys and sign-in: the password-wrapped key of the encrypted ledger (see docs/security.md)."""
