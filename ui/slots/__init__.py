"""The examination slot pool (号源池): the hospital's page and the community's booking dialog."""
