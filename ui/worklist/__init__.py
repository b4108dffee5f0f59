"""The worklist page (工作清单)."""
