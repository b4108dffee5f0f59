"""MDT requests (多学科会诊), Qt-free: readiness, session slots with capacity, decisions that
set the case's next action."""
from app.mdt.plans import CHECKLIST
from app.mdt.plans import PLANS
from app.mdt.plans import SPECIALTIES
from app.mdt.service import MdtService
from app.mdt.service import MdtView
from app.mdt.sessions import Slot

__all__ = ["CHECKLIST", "MdtService", "MdtView", "PLANS", "SPECIALTIES", "Slot"]
