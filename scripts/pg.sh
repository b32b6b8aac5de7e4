#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback for the tests.
#   scripts/pg.sh start DIR   -> prints the admin URL (postgres://postgres@127.0.0.1:PORT/postgres)
#   scripts/pg.sh stop DIR
set -euo pipefail

action="${1:?usage: pg.sh start|stop DIR}"
dir="${2:?usage: pg.sh start|stop DIR}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

# PostgreSQL refuses to run as root: use the postgres account then.
run() {
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; else "$@"; fi
}

case "$action" in
    start)
        mkdir -p "$dir"
        [ "$(id -u)" = 0 ] && chown postgres "$dir"
        port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
        run "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
        run "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c max_wal_size=128MB" \
            start >/dev/null
        echo "postgres://postgres@127.0.0.1:$port/postgres"
        ;;
    stop)
        [ -d "$dir/data" ] && run "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
        rm -rf "$dir"
        ;;
    *)
        echo "usage: pg.sh start|stop DIR" >&2
        exit 2
        ;;
esac
