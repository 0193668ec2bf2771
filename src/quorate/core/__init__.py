"""The pure core: Quorate's hard rules as plain typed Python.

Nothing under ``quorate.core`` may import Django, touch a database, the network, the
file system or the clock. Inputs (including "today" and bank holidays) are passed in;
outputs are frozen dataclasses. ``tests/core/test_purity.py`` enforces this.
"""
