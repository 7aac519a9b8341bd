"""fieldapp: offline-first ledger for union cadres paired with hardship migrant-worker households."""

__version__ = "0.1.0"
