#!/usr/bin/env bash
# Runs a command with a real Secret Service: a private gnome-keyring inside the current D-Bus session
# (start it under dbus-run-session). Keyring files live in a temporary XDG_DATA_HOME, so tests never
# touch the user's own keychain.
set -euo pipefail
XDG_DATA_HOME="$(mktemp -d)"
export XDG_DATA_HOME
# A non-empty password on stdin makes the daemon create and unlock the "login" collection.
eval "$(printf 'wiredesk-test-keyring' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
export GNOME_KEYRING_CONTROL
exec "$@"
