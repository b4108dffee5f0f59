"""Screening: list imports from the regional health platform, and risk assessment.

Qt-free like all of app/: the import dialog (ui/screening/) and `python main.py import`
drive the same ListImport steps, and `rules assess` the same risk rules.
"""
