"""Use cases: the only way the UI and the CLI read and change the ledger.

Each function opens one unit of work on the Database it is given, applies the domain rules
and commits (or raises a DomainError with a Chinese message and changes nothing).
"""
