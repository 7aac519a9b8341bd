"""Storage: SQLAlchemy 2.0 models, the database file, migrations and the outbox."""
