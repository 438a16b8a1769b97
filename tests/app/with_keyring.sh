#!/bin/sh
# Runs a test inside a private D-Bus session with an unlocked gnome-keyring, so QtKeychain
# has a real secret service (see PLATFORM-NOTES). Usage: with_keyring.sh TEST [ARGS…]
set -eu
command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null || {
    echo "with_keyring.sh: dbus-run-session or gnome-keyring-daemon missing" >&2
    exit 1
}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run" KEEL_TEST_KEYRING=1
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
exec dbus-run-session -- sh -c \
    'printf keel | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' \
    sh "$@"
