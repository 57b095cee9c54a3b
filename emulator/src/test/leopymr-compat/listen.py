#!/usr/bin/env python3
"""Our re-statement of leopymr's listen.py: iterate sseclient.SSEClient over /subscribe and print each
message. leopymr's script has the URL http://localhost:8089/subscribe built in; ours takes the gateway
as its one argument (default the same). Which sseclient it gets is up to PYTHONPATH."""
import sys

import sseclient

base = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8089"
for message in sseclient.SSEClient(base + "/subscribe"):
    print(message)
