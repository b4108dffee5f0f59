"""Demo stays demo (app/sync/demo_guard.py): a demo profile does not sign in to a real network,
and what the person is told when a new, empty profile is made for that network instead."""
from __future__ import annotations

ENGLISH = {
    "demo.not_empty": "The database already has {holds}: demo data is only generated into an empty profile. "
                      "Choose a new directory with --profile.",
    "demo.server_not_empty": "The server database already holds an organisation tree or patients: demo data goes "
                             "only into an empty database. Create a new database and pass it with --db.",
    "demo.real_server": "This is a demo profile: its patients are invented, so it does not sign in to {server}, "
                        "a real network's server. Nothing was sent. To work on the real network, use a new, empty "
                        "profile: the sign-in window offers to make one, or run "
                        "python main.py sync --profile NEW_DIR --server {server} --login USER",
    # the sign-in window's words for the same refusal: its offer is the button below them
    "demo.real_server_offer": "This is a demo profile: its patients are invented, so it does not sign in to {server}, "
                              "a real network's server. Nothing was sent. To work on the real network, start a new, "
                              "empty profile for this server; the demo profile stays as it is.",
    "demo.new_profile_ready": "A new, empty profile for {server} is ready in {path}. CaseDesk now starts again on "
                              "it; sign in there. The demo profile stays as it was.",
    "demo.new_profile_start_by_hand": "A new, empty profile for {server} is ready in {path}, but CaseDesk could not "
                                      "start on it by itself. Start it with: python main.py --profile {path}",
}

TERM_PARAMS = {"demo:holds": "demo_holds"}

TERMS = {
    "demo_holds.patients": "patients",
    "demo_holds.network": "an organisation network",
}
