#!/usr/bin/env bash
# CaseDesk developer entry point; both commands set up what is missing first.
#   ./dev.sh run  [ARGS]        open the workstation (default: the local demo profile)
#   ./dev.sh test [PYTEST ARGS] run the whole test suite with real PostgreSQL and keyring
set -euo pipefail
cd "$(dirname "$0")"

APT_RUN="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3"
APT_TEST="xvfb xauth dbus gnome-keyring poppler-utils fonts-wqy-microhei postgresql-client zbar-tools"
PY=${PYTHON:-python3}

apt_install() {  # install the Debian packages that are missing, if we may
    local missing=()
    for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
    echo "installing system packages: ${missing[*]}" >&2
    if ! $sudo true 2>/dev/null; then
        echo "please install: sudo apt-get install ${missing[*]}" >&2; return 1
    fi
    [ -n "${CASEDESK_APT_UPDATED:-}" ] || $sudo apt-get -o DPkg::Lock::Timeout=300 update -q
    export CASEDESK_APT_UPDATED=1
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -q "${missing[@]}"
}

python_env() {  # .venv with the project and its test extra; reinstalls when pyproject changes
    [ -x .venv/bin/python ] || "$PY" -m venv .venv
    if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ]; then
        .venv/bin/python -m pip install -q --upgrade pip
        .venv/bin/python -m pip install -q -e '.[test]'
        touch .venv/.installed
    fi
}

postgres_up() {  # the tests use the real server on 127.0.0.1:5432
    pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && return 0
    if command -v pg_ctlcluster >/dev/null; then
        local version
        version=$(ls /etc/postgresql | sort -V | tail -n 1)
        pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster "$version" main start
    fi
    for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return 0; sleep 1; done
    echo "PostgreSQL is not answering on 127.0.0.1:5432" >&2; return 1
}

case "${1:-run}" in
    run)
        shift || true
        apt_install $APT_RUN || true   # a desktop that already has these needs no root
        python_env
        exec .venv/bin/python main.py "$@"
        ;;
    test)
        shift
        apt_install $APT_RUN $APT_TEST
        python_env
        postgres_up
        # One pytest worker per core (CASEDESK_TEST_WORKERS=0: all in this process). Not
        # --dist loadgroup: pytest-xdist 3.8 hangs there when it replaces a crashed worker.
        WORKERS="-n ${CASEDESK_TEST_WORKERS:-auto} --dist load"
        [ "${CASEDESK_TEST_WORKERS:-auto}" = "0" ] && WORKERS="-p no:xdist"
        keyring_home=$(mktemp -d)
        trap 'rm -rf "$keyring_home"' EXIT
        set +e
        # A real SecretService: gnome-keyring, unlocked, on a private session bus.
        XDG_DATA_HOME="$keyring_home" dbus-run-session -- sh -c '
            echo -n casedesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
            exec .venv/bin/python -m pytest "$@"' pytest $WORKERS "$@"
        code=$?
        set -e
        if [ "$code" -eq 5 ]; then echo "pytest collected no tests: failing" >&2; exit 1; fi
        exit "$code"
        ;;
    *)
        echo "usage: ./dev.sh run [ARGS] | ./dev.sh test [PYTEST ARGS]" >&2; exit 2 ;;
esac
