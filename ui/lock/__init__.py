"""Idle lock: after N idle minutes every patient detail is hidden until the user unlocks."""
