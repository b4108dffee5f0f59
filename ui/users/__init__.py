"""A shared clinic desktop: choosing who works at it, and switching user."""
