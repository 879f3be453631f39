"""Engines map the same `Pipeline` over a corpus; they add no coding logic of their own.

`local` runs on the cores of this machine (one process per core, one pipeline per process).
"""
