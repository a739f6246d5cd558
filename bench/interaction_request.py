#!/usr/bin/env python3
"""Writes a wrk script that POSTs one `/notify off` interaction signed
exactly as Discord signs it (Ed25519 over timestamp + body), plus the SQL
that sets up the server it comes from. Prints the public key (hex) the
service must be configured with.

usage: interaction_request.py OUT_DIR
(bench/lambda.py imports `signed()` and `SEED_SQL` from here.)
"""
import json
import os
import sys
import time

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

GUILD = "1100000000000000001"
CHANNEL = "1200000000000000001"
MEMBER = "1500000000000000002"
APP_ID = "1300000000000000001"

KEY = Ed25519PrivateKey.from_private_bytes(bytes([42] * 32))
PUBLIC_KEY = KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()

BODY = json.dumps({
    "id": "1600000000000000001", "application_id": APP_ID, "type": 2,
    "token": "interaction-token-bench", "version": 1,
    "guild_id": GUILD, "guild": {"id": GUILD, "locale": "en-US", "features": []},
    "channel_id": CHANNEL,
    "channel": {"id": CHANNEL, "type": 0, "guild_id": GUILD, "name": "general", "position": 0},
    "member": {
        "user": {"id": MEMBER, "username": "someone", "discriminator": "0", "global_name": "Someone", "avatar": None},
        "roles": [], "permissions": str(0x64C40), "joined_at": "2025-01-01T00:00:00.000000+00:00",
        "deaf": False, "mute": False, "flags": 0, "nick": None, "avatar": None,
        "premium_since": None, "pending": False, "communication_disabled_until": None,
    },
    "app_permissions": str((1 << 10) | (1 << 11) | (1 << 14) | (1 << 17) | (1 << 28)),
    "locale": "en-US", "guild_locale": "en-US", "entitlements": [],
    "authorizing_integration_owners": {"0": GUILD}, "context": 0,
    "attachment_size_limit": 10485760,
    "data": {
        "id": "1700000000000000001", "name": "notify", "type": 1, "guild_id": GUILD,
        "options": [{"name": "off", "type": 1, "options": [{"name": "streamer", "type": 3, "value": "shroud"}]}],
    },
}, separators=(",", ":"))

SEED_SQL = f"""INSERT INTO guilds (guild_id, name, installed_at) VALUES ({GUILD}, 'Bench', 1);
INSERT INTO guild_config (guild_id, channel_id, updated_at) VALUES ({GUILD}, {CHANNEL}, 1);
INSERT INTO streamers (twitch_id, login, display_name, created_at, updated_at) VALUES ('37402112', 'shroud', 'shroud', 1, 1);
INSERT INTO guild_streamers (guild_id, twitch_id, added_at) VALUES ({GUILD}, '37402112', 1);
INSERT INTO routes (guild_id, twitch_id, added_at, updated_at) VALUES ({GUILD}, '37402112', 1, 1);
"""


def signed():
    """(body, timestamp, signature hex) as Discord sends them now."""
    timestamp = str(int(time.time()))
    return BODY, timestamp, KEY.sign((timestamp + BODY).encode()).hex()


if __name__ == "__main__":
    out = sys.argv[1]
    body, timestamp, signature = signed()
    with open(os.path.join(out, "notify_off.lua"), "w") as f:
        f.write(f"""wrk.method = "POST"
wrk.body = [==[{body}]==]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Signature-Ed25519"] = "{signature}"
wrk.headers["X-Signature-Timestamp"] = "{timestamp}"
dofile("{os.path.dirname(os.path.abspath(__file__))}/report.lua")
""")
    with open(os.path.join(out, "seed.sql"), "w") as f:
        f.write(SEED_SQL)
    print(PUBLIC_KEY)
