"""Errors a service raises for the caller to show: plain words that name the field."""

from __future__ import annotations

from dataclasses import dataclass

from ..app_errors import AppError


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(AppError, ValueError):
    """Bad input; nothing was written. Holds every field at fault, so a dialog can show
    each message next to its field."""

    def __init__(self, errors: list[FieldError] | FieldError):
        self.errors = tuple(errors) if isinstance(errors, list) else (errors,)
        super().__init__(str(self.errors[0]) if self.errors else "invalid input")

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls(FieldError(field, message))


class NotFoundError(AppError, LookupError):
    """The entry asked for does not exist (any more)."""


class BackupError(AppError):
    """A backup could not be made or verified, or a file is not a usable backup. Nothing
    was replaced. (Here, not in backup.py, so the command line can catch it without
    importing the backup machinery at start-up.)"""
