#!/usr/bin/env bash
# Prepares what the executed tests (tests/executed.rs) need, idempotently:
#   - Java 17 (installed with apt-get when missing and running as root);
#   - a Python virtual environment in <repo>/.venv with pyspark 4.1.4 (and ruff, for
#     the PySpark output checks to come).
# Safe to run again: every step is skipped when already done.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$repo/.venv"
pyspark_version="4.1.4"

if ! command -v java >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "setup-spark: installing Java 17 (openjdk-17-jre-headless)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq openjdk-17-jre-headless >/dev/null
  else
    echo "setup-spark: java is missing; install a Java 17 runtime (for example openjdk-17-jre-headless)" >&2
    exit 1
  fi
fi

if [ ! -x "$venv/bin/python" ]; then
  echo "setup-spark: creating $venv"
  if ! python3 -m venv "$venv" 2>/dev/null; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      # Debian splits venv support into its own package.
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq python3-venv >/dev/null
      rm -rf "$venv"
      python3 -m venv "$venv"
    else
      echo "setup-spark: python3 -m venv failed; install python3-venv" >&2
      exit 1
    fi
  fi
fi

if ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(0 if pyspark.__version__ == '$pyspark_version' else 1)" 2>/dev/null; then
  echo "setup-spark: installing pyspark==$pyspark_version into $venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pyspark==$pyspark_version"
fi

if [ ! -x "$venv/bin/ruff" ]; then
  echo "setup-spark: installing ruff into $venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check ruff
fi

echo "setup-spark: ready ($("$venv/bin/python" -c 'import pyspark; print("pyspark", pyspark.__version__)'), $(java -version 2>&1 | head -n 1))"
