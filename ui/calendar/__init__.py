"""The follow-up calendar area (随访日历) of the main window."""
from ui.calendar.page import CalendarPage

__all__ = ["CalendarPage"]
