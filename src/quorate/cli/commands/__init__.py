"""One module per ``quorate`` sub-command; discovered by ``quorate.cli``."""
