"""Qt widgets and models. The only package that may import PySide6.QtWidgets."""
