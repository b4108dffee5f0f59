"""The settings dialog: one page per settings group."""
