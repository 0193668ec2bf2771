"""Importing board papers: a parsed pack stored through the normal services
(``quorate import-pack``; see docs/importing.md). A plain package, not a Django app."""
