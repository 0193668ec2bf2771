"""Adapters: the only modules that import heavy third-party I/O libraries."""
