# Sourced by tests/run.sh and the README's commands: puts Node >= 24 first on PATH.
# When the system Node is older, Node 24 comes from the npm registry package node-linux-<arch>@24
# (no other download site is needed) and is unpacked into .tools/node24 inside the repository.
wiredesk_ensure_node() {
  local root major arch
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  if [ -x "$root/.tools/node24/bin/node" ]; then
    export PATH="$root/.tools/node24/bin:$PATH"
  fi
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$major" -ge 24 ]; then return 0; fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "== npm is missing: installing Debian's nodejs and npm to bootstrap Node 24"
    apt_install nodejs npm
  fi
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "Unsupported CPU architecture $(uname -m) for node-linux-*@24" >&2; return 1 ;;
  esac
  echo "== Node $(node --version 2>/dev/null || echo none) is older than 24: fetching node-linux-$arch@24 from the npm registry"
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack "node-linux-$arch@24" --silent >/dev/null)
  rm -rf "$root/.tools/node24"
  mkdir -p "$root/.tools/node24"
  tar xzf "$tmp"/node-linux-"$arch"-*.tgz -C "$root/.tools/node24" --strip-components=1
  rm -rf "$tmp"
  export PATH="$root/.tools/node24/bin:$PATH"
  echo "== using Node $(node --version)"
}

apt_install() {
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ -z "${WIREDESK_APT_UPDATED:-}" ]; then
    $sudo apt-get update -qq
    export WIREDESK_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
