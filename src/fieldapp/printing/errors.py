"""Errors of the printing layer, with a Chinese message saying what happened and what to do."""

from __future__ import annotations

from fieldapp.domain.errors import DomainError


class TemplateError(DomainError):
    """A form template in forms/ is missing, unreadable or refers to data that does not exist."""


class PayloadError(DomainError):
    """A scanned QR payload is not a referral stub of this system, or fails its checksum."""


class PrintError(DomainError):
    """A document could not be produced or saved; the message says why and what to do."""
