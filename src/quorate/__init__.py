"""Quorate: governance and performance assurance for health and care partnership boards."""

__version__ = "0.1.0"
