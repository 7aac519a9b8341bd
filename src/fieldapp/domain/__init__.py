"""Domain rules: vocabularies, validators and computations.

Nothing here imports Qt or SQLAlchemy; every rule the GUI, CLI, importer and sync rely on
lives in this package, once.
"""
