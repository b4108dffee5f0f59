"""The 收件箱 area: conflicts, refused changes, incoming referrals and MDT decisions (app/inbox.py)."""
