#!/usr/bin/env bash
# Redmine from Debian's packages, on loopback, for the benchmark's figure (8)
# (README.md#benchmarks, issue 6): cvtrack_bench drives it through its REST
# API with the same workload as cvtrack's HTTP API.
#
#   tests/bench/redmine/setup.sh start [PORT]   install if missing, configure, start; prints
#                                               REDMINE_URL=… and REDMINE_KEY=… (also in $state/env)
#   tests/bench/redmine/setup.sh stop           stops the server this script started
#
# What it does, once: installs `redmine` and `redmine-sqlite` with dbconfig-common
# preseeded for SQLite (the package creates the database and loads the default
# data: trackers, statuses, roles, the admin account); adds `webrick` to the
# bundle (Debian's Gemfile only picks up thin, which bookworm does not ship;
# ruby-webrick is a dependency of the package); enables the REST API and the
# assignment of issues to groups; and prints the admin's API key. Then it runs
# Rails' own server (WEBrick, production, one process) on 127.0.0.1. Needs root
# (apt-get; the server runs as root because Debian's tree under /usr/share/redmine
# is not writable by www-data). Installing takes a few minutes; starting, ~1 min.
set -euo pipefail
action=${1:-start}
port=${2:-3300}
state=/var/tmp/cvtrack-bench-redmine
app=/usr/share/redmine
mkdir -p "$state"

stop() {
  if [ -f "$state/server.pid" ]; then
    pid=$(cat "$state/server.pid")
    kill "$pid" 2>/dev/null && echo "redmine: stopped (pid $pid)" >&2
    rm -f "$state/server.pid"
  fi
}
if [ "$action" = stop ]; then stop; exit 0; fi
[ "$action" = start ] || { echo "usage: $0 start [PORT] | stop" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "redmine: run as root (apt-get, and the server writes under $app)" >&2; exit 1; }

# Bookworm's bundler (2.3.15) counts a gem as deleted when its directory under
# the gem path is missing (Gem::Specification#deleted_gem?), and Debian's ruby-*
# packages keep their files in /usr/lib/ruby/vendor_ruby with only the gemspec
# under /usr/share/rubygems-integration: redmine's postinst (`bundle install
# --local`) then fails with "Could not find rotp-6.2.0.gem for installation"
# (or racc, mail: whichever its threads reach first) and leaves the package
# unconfigured. Loaded into every Ruby this script starts (dpkg passes the
# environment to the postinst), this says such a gem is installed.
cat >"$state/debian_gems.rb" <<'RUBY'
module DebianPackagedGemsAreInstalled
  def deleted_gem?
    return false if loaded_from.to_s.start_with?("/usr/share/rubygems-integration/")
    super
  end
end
Gem::Specification.prepend(DebianPackagedGemsAreInstalled)
RUBY
export RUBYOPT="-r$state/debian_gems.rb${RUBYOPT:+ $RUBYOPT}"

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
# An earlier install that stopped in redmine's postinst: configure it again.
if dpkg-query -W -f='${Status}' redmine 2>/dev/null | grep -q "half-configured\|unpacked"; then
  DEBIAN_FRONTEND=noninteractive dpkg --configure -a >"$state/configure.log" 2>&1 ||
    { tail -30 "$state/configure.log" >&2; exit 1; }
fi
if ! installed redmine || ! installed redmine-sqlite; then
  echo "redmine: installing redmine and redmine-sqlite (a few minutes)" >&2
  debconf-set-selections <<'SEED'
redmine redmine/instances/default/dbconfig-install boolean true
redmine redmine/instances/default/database-type select sqlite3
redmine redmine/instances/default/db/dbname string redmine_default
redmine redmine/instances/default/db/basepath string /var/lib/dbconfig-common/sqlite3/redmine/instances/default
SEED
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends redmine redmine-sqlite \
    >"$state/install.log" 2>&1 || { tail -30 "$state/install.log" >&2; exit 1; }
fi

cd "$app"
if ! grep -qs "webrick" Gemfile.local; then echo "gem 'webrick'" >>Gemfile.local; fi
if ! grep -qs "webrick" Gemfile.lock; then bundle lock --local >"$state/bundle.log" 2>&1 || { cat "$state/bundle.log" >&2; exit 1; }; fi

stop
echo "redmine: settings and the admin's API key (rails runner)" >&2
key=$(RAILS_ENV=production bin/rails runner '
  Setting.rest_api_enabled = "1"
  Setting.issue_group_assignment = "1"
  admin = User.find_by!(login: "admin")
  puts admin.api_key' 2>"$state/runner.log" | tail -1) || { cat "$state/runner.log" >&2; exit 1; }
[[ "$key" =~ ^[0-9a-f]{40}$ ]] || { echo "redmine: no API key from rails runner: $key" >&2; cat "$state/runner.log" >&2; exit 1; }

echo "redmine: starting on 127.0.0.1:$port" >&2
RAILS_ENV=production nohup bin/rails server -u webrick -b 127.0.0.1 -p "$port" -P "$state/server.pid" \
  >"$state/server.log" 2>&1 &
for _ in $(seq 1 180); do
  code=$(curl -s -o /dev/null -w "%{http_code}" -H "X-Redmine-API-Key: $key" "http://127.0.0.1:$port/users/current.json" || true)
  [ "$code" = 200 ] && break
  if ! kill -0 $! 2>/dev/null; then echo "redmine: the server exited:" >&2; tail -20 "$state/server.log" >&2; exit 1; fi
  sleep 1
done
[ "$code" = 200 ] || { echo "redmine: no answer on port $port after 180 s (HTTP $code)" >&2; tail -20 "$state/server.log" >&2; exit 1; }
printf 'REDMINE_URL=http://127.0.0.1:%s\nREDMINE_KEY=%s\n' "$port" "$key" | tee "$state/env"
