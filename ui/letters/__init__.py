"""The 信函 area (LettersPage) and the patient view's one-letter entry (print_single_letter)."""
from ui.letters.page import LettersPage
from ui.letters.single import print_single_letter

__all__ = ["LettersPage", "print_single_letter"]
