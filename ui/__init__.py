"""The PySide6 workstation; it talks to app/ only, never to db/. Only main.py imports its Qt
modules. Its wording of codes (problem_words, problem_templates, timeline_words, due_words,
risk_words, sheet_words) is Qt-free, so the CLI's commands, which sit above app/ in the
layering, print the same words as the window."""
