"""The administrator's dialog: people, organisation tree, desktops, security log, published files."""
