"""Benchmarks that need Qt (run as `python main.py bench NAME`; registered in app/commands/bench.py)."""
