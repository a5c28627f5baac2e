"""The career framework: stages, moves, skills, requirements and credentials.

- ``document``: the framework as a JSON document (the shipped default, a company's own).
- ``edit``: adding, renaming, retiring and removing framework items without code.
- ``items``: the DTOs and shared find/add/rename/remove steps of the editing services.
- ``usage``: which framework items the user's log points at (retired, never deleted).
- ``levels``: what each level 1-5 of a skill means (the framework's words first).
- ``lookup``: finding a framework item by the name or slug a person types.

No imports here: importing the package must not import its modules.
"""
