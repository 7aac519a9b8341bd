"""Errors that carry the field they concern and a message a cadre can act on (in Chinese)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldProblem:
    """One problem with one field: `field` is the attribute name, `label` its Chinese name."""

    field: str
    label: str
    message: str

    def __str__(self) -> str:
        return f"{self.label}：{self.message}"


class DomainError(Exception):
    """Base of every refusal by a domain rule; `str()` is the Chinese message for the user."""


class ValidationError(DomainError):
    """One or more fields are wrong; nothing was saved."""

    def __init__(self, problems: list[FieldProblem] | FieldProblem) -> None:
        self.problems = [problems] if isinstance(problems, FieldProblem) else list(problems)
        super().__init__("；".join(str(p) for p in self.problems))

    @property
    def fields(self) -> list[str]:
        return [p.field for p in self.problems]

    @classmethod
    def single(cls, field: str, label: str, message: str) -> ValidationError:
        return cls(FieldProblem(field, label, message))


class RuleViolation(DomainError):
    """A business rule forbids the action (a fifth household without reason, a status jump)."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


class NotFound(DomainError):
    """A record that the caller named does not exist (or was deleted)."""
