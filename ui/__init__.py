"""The PySide6 workstation; it talks to app/ only, never to db/. Only main.py imports its Qt
modules. Its wording of problem codes (problem_words, problem_templates) is Qt-free, so the
CLI's commands, which sit above app/ in the layering, print the same words as the window."""
