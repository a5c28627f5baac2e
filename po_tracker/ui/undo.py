"""Adds, edits and deletes as undoable commands over the services. Each command runs in
its own write transaction through the window's one write path, so an undo is as safe as
the change it reverses, and every page hears of it as of the change itself."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..services.changes import Changes
from ..services.errors import NotFoundError, ValidationError
from ..services.logbook import log_kinds


def run_and_record(context, command: _EntryCommand) -> None:
    """Do ``command`` now and put it on the undo stack only once it is done. Input the
    services refuse raises ``ValidationError`` here, to the form that sent it, and is
    checked once, by the service inside the write: the form does not check it first."""
    command.do_first()
    context.undo_stack.push(command)


class _EntryCommand(QUndoCommand):
    def __init__(self, context, kind: str, text: str):
        super().__init__(text)
        self.context = context
        self.kind = kind
        self.service = log_kinds.service(kind)
        self._done_already = False

    # -- what each command does and undoes ---------------------------------------------
    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError

    # -- how the undo stack runs them ----------------------------------------------------
    def do_first(self) -> None:
        """The first do, before the command is on the stack; errors reach the caller."""
        with self.context.one_notice():
            self._do()
        self._done_already = True  # the stack's push calls redo: nothing more to do

    def redo(self) -> None:
        if self._done_already:
            self._done_already = False
            return
        self._safely(self._do, "redo")

    def undo(self) -> None:
        self._safely(self._undo, "undo")

    def _safely(self, step, verb: str) -> None:
        """Run an undo or redo step; one the data no longer allows (its skill was
        renamed in the framework since, say) is reported and dropped from the history
        instead of failing half-way."""
        try:
            with self.context.one_notice():
                step()
        except (ValidationError, NotFoundError) as error:
            self.setObsolete(True)
            self.context.status_message.emit(f"Could not {verb} “{self.text()}”: {error}")

    def _changes(self, entry_id: int | None) -> Changes:
        return Changes.entry(self.kind, entry_id)

    def _create(self, data) -> int:
        with self.context.writing(self._changes(None)) as session:
            return self.service.create(session, data).id

    def _update(self, entry_id: int, data) -> None:
        entry_id = self.context.current_id(self.kind, entry_id)
        with self.context.writing(self._changes(entry_id)) as session:
            self.service.update(session, entry_id, data)

    def _snapshot(self, entry_id: int):
        with self.context.reading() as session:
            item = self.service.get(session, self.context.current_id(self.kind, entry_id))
            return log_kinds.as_input(self.kind, item)

    def _delete(self, entry_id: int) -> None:
        entry_id = self.context.current_id(self.kind, entry_id)
        with self.context.writing(self._changes(entry_id)) as session:
            self.service.delete(session, entry_id)


class AddEntry(_EntryCommand):
    def __init__(self, context, kind: str, data, label: str):
        super().__init__(context, kind, f"Add {label}")
        self.data = data
        self.entry_id: int | None = None

    def _do(self) -> None:
        new_id = self._create(self.data)
        if self.entry_id is not None:
            self.context.moved(self.kind, self.entry_id, new_id)
        else:
            self.entry_id = new_id

    def _undo(self) -> None:
        self._delete(self.entry_id)


class EditEntry(_EntryCommand):
    def __init__(self, context, kind: str, entry_id: int, data, label: str):
        super().__init__(context, kind, f"Edit {label}")
        self.entry_id = entry_id
        self.before = self._snapshot(entry_id)
        self.after = data

    def _do(self) -> None:
        self._update(self.entry_id, self.after)

    def _undo(self) -> None:
        self._update(self.entry_id, self.before)


class DeleteEntry(_EntryCommand):
    def __init__(self, context, kind: str, entry_id: int, label: str):
        super().__init__(context, kind, f"Delete {label}")
        self.entry_id = entry_id
        self.before = self._snapshot(entry_id)

    def _do(self) -> None:
        self._delete(self.entry_id)

    def _undo(self) -> None:
        new_id = self._create(self.before)
        self.context.moved(self.kind, self.context.current_id(self.kind, self.entry_id), new_id)


class RenewCertification(_EntryCommand):
    """Log a renewal (the whole group's, for a pooled body); undo restores the expiries
    it moved and removes the history rows it wrote."""

    def __init__(self, context, name: str, on, label: str):
        super().__init__(context, "certification", f"Renew {label}")
        self.name = name
        self.on = on
        self.renewal_ids: list[int] = []
        self.message = ""

    def _do(self) -> None:
        from ..services.logbook import certification_renewal

        with self.context.writing(Changes.of("certification")) as session:
            result = certification_renewal.renew(session, self.name, self.on)
        self.renewal_ids = [record.id for record in result.records]
        self.message = result.message
        self.context.status_message.emit(self.message)

    def _undo(self) -> None:
        from ..services.logbook import certification_renewal

        with self.context.writing(Changes.of("certification")) as session:
            certification_renewal.undo(session, self.renewal_ids)
