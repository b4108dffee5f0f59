"""The server address the desktop may use (app/sync/endpoint.py): what to do instead."""
from __future__ import annotations

ENGLISH = {
    "endpoint.cleartext": "The server address {url} uses http://, which would send your password unencrypted "
                          "over the network. Use {https_url} instead, or ask your administrator for the "
                          "server's https:// address.",
    "endpoint.bad_address": "{url} is not a server address. It must start with https://, for example "
                            "https://casedesk.example.org.",
}
