#!/usr/bin/env bash
# Installs the external solvers that ermbit's external-process backends (ext-cadical, ext-z3,
# ext-cvc5, ext-cbc) and docs/EXPORT.md use, from Debian packages with apt-get.
#
#   scripts/install-external-solvers.sh          install (idempotent; already installed = no-op)
#   scripts/install-external-solvers.sh --check  only report which binaries are present
#
# Each package is installed on its own, best-effort: a package that is missing from the
# distribution or fails to install is reported and the rest still go ahead. Runs apt-get
# non-interactively, as root directly or through sudo when not root. Exit code 0 unless apt-get
# itself cannot be run at all.
set -u

PACKAGES=(cadical minisat picosat z3 cvc5 coinor-cbc glpk-utils)
BINARIES=(cadical minisat picosat z3 cvc5 cbc glpsol)

report() {
    echo "external solvers:"
    for b in "${BINARIES[@]}"; do
        if p=$(command -v "$b" 2>/dev/null); then
            printf '  %-8s %s\n' "$b" "$p"
        else
            printf '  %-8s not installed\n' "$b"
        fi
    done
}

if [ "${1:-}" = "--check" ]; then
    report
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-external-solvers: apt-get not found (this script supports Debian/Ubuntu only)" >&2
    report
    exit 1
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo -n)
    else
        echo "install-external-solvers: not root and sudo is not available" >&2
        report
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
missing=()
for p in "${PACKAGES[@]}"; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        echo "already installed: $p"
    else
        missing+=("$p")
    fi
done

if [ "${#missing[@]}" -gt 0 ]; then
    echo "updating package lists"
    "${SUDO[@]}" apt-get update -qq || echo "warning: apt-get update failed; trying with the current lists" >&2
    for p in "${missing[@]}"; do
        echo "installing: $p"
        if "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$p" >/dev/null; then
            echo "installed: $p"
        else
            echo "warning: could not install $p (continuing)" >&2
        fi
    done
fi

report
exit 0
