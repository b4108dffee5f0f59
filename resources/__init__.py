"""CaseDesk's bundled data, shipped as package data: fonts, translations (.ts and the .qm the
build compiles from them), letter templates, risk and pathway rules, holiday files.

Code finds this folder through app.resources.resource_root(), never by a path from a checkout."""
