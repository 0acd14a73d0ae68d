#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# The hostile-input harness (tests/hostile/README.md): every case that
# make-inputs.py writes is run through the hongtou command line, under a
# per-case timeout, and checked:
#   - no crash: no exit of 128 or more (a signal), no 124 (the timeout);
#   - the exit status is one the case allows (an input problem is 2, never 3
#     and never 4, an internal error; a wrong command line 64; an output
#     problem 3), and a failure prints a message;
#   - no output is left after a non-zero exit (a file already at the output
#     path is unchanged), and an exit of 0 leaves a non-empty PDF or trace;
#   - no temporary file (*.tmp-*) is left, and nothing outside the case's own
#     folder changed (OUTDIR/outside/ holds the targets of planted links).
# It prints a Markdown table, one row a case, and exits 1 when a verdict is
# FAIL.
#
#   run.sh [--quick] [--keep] [--timeout S] [--work DIR] [BINARY]
#
# --quick: only the quick cases (skips the huge ones), timeout 10 s by default;
# --keep: leave the scratch folder (its path is printed); --work DIR: use DIR
# as the scratch folder (emptied first); BINARY: default build/bin/hongtou of
# this checkout. HOSTILE_VMEM_KB caps each run's virtual memory (ulimit -v;
# default 4 GiB, "unlimited" for sanitizer builds).
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

quick=0
keep=0
timeout_s=""
work=""
bin="$root/build/bin/hongtou"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --keep) keep=1 ;;
    --timeout) timeout_s=$2; shift ;;
    --work) work=$2; shift ;;
    -h | --help) sed -n '3,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 64 ;;
    *) bin=$1 ;;
  esac
  shift
done
[ -n "$timeout_s" ] || { [ $quick = 1 ] && timeout_s=10 || timeout_s=60; }
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
[ -x "$bin" ] || { echo "run.sh: no binary $bin" >&2; exit 2; }
vmem=${HOSTILE_VMEM_KB:-4194304}

if [ -n "$work" ]; then
  mkdir -p "$work" && scratch=$(cd "$work" && pwd)
  chmod -R u+rwx "$scratch" 2>/dev/null
  rm -rf "${scratch:?}"/*
else
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/hongtou-hostile.XXXXXX")
fi
cleanup() {
  if [ $keep = 1 ] || [ -n "$work" ]; then
    echo "run.sh: inputs and results kept in $scratch" >&2
  else
    chmod -R u+rwx "$scratch" 2>/dev/null
    rm -rf "$scratch"
  fi
}
trap cleanup EXIT

gen_opts=()
[ $quick = 1 ] && gen_opts+=(--quick)
python3 "$here/make-inputs.py" "${gen_opts[@]}" "$scratch" >&2 || exit 2
results="$scratch/results"
mkdir -p "$results"

# Wall time and peak RSS: GNU time when installed, else a Python wrapper.
if [ -x /usr/bin/time ]; then
  timed() { /usr/bin/time -f '%e %M' -o "$1" "${@:2}"; }
else
  # The script goes in -c, not on standard input: the command under test
  # inherits this wrapper's standard input (a case's stdin file).
  timed_py='
import resource, subprocess, sys, time
start = time.monotonic()
rc = subprocess.call(sys.argv[2:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as f:
    f.write("%.2f %d\n" % (time.monotonic() - start, usage.ru_maxrss))
sys.exit(rc if rc >= 0 else 128 - rc)
'
  timed() { python3 -c "$timed_py" "$@"; }
fi

# The state of a path, for before/after comparisons: its kind (following a
# link, and whether it is one) and, for a regular file, its contents' hash.
state() {
  local p=$1 s=""
  [ -L "$p" ] && s="link->$(readlink "$p") "
  if [ -f "$p" ]; then s+="file $(sha256sum <"$p" | cut -c1-16)"
  elif [ -d "$p" ]; then s+="dir"
  elif [ -p "$p" ]; then s+="fifo"
  elif [ -c "$p" ]; then s+="chardev"
  elif [ -e "$p" ]; then s+="other"
  else s+="absent"; fi
  printf '%s' "$s"
}
# Everything no case may touch: OUTDIR/outside/, the scratch folder's top
# level, and the inputs of the checkout the cases read.
snapshot() {
  (cd "$scratch/outside" && find . -printf '%p %y %s %l\n' | sort && find . -type f -exec sha256sum {} + | sort)
  ls -A "$scratch"
  (cd "$root" && find tests/fonts samples/seals layouts -printf '%p %y %s %T@\n' 2>/dev/null | sort)
}
snapshot >"$results/outside.before"

md() { sed -e 's/|/\\|/g' -e 's/`/'"'"'/g'; }

echo "| # | input | description | exit | time s | peak MiB | first line of the message | verdict |"
echo "|---|---|---|---|---|---|---|---|"
total=0
failed=0
failed_list=""
while IFS=$'\t' read -r num name speed expect stdin absent desc; do
  dir="$scratch/cases/$num-$name"
  mapfile -d '' -t args <"$scratch/args/$num"
  # The output path: the argument after -o (of render; merge's is a folder).
  out=""
  command=""
  for a in "${args[@]}"; do
    case "$a" in render | merge | fonts) command=$a; break ;; esac
  done
  for ((i = 0; i < ${#args[@]}; i++)); do
    [ "$command" = render ] || break
    if [ "${args[$i]}" = "-o" ] && [ $((i + 1)) -lt ${#args[@]} ]; then out=${args[$((i + 1))]}; fi
  done
  outpath=""
  if [ -n "$out" ] && [ "$out" != "-" ]; then
    case "$out" in /*) outpath=$out ;; *) outpath="$dir/$out" ;; esac
  fi
  before=""
  [ -n "$outpath" ] && before=$(state "$outpath")
  [ "$stdin" = "-" ] && in=/dev/null || { case "$stdin" in /*) in=$stdin ;; *) in="$dir/$stdin" ;; esac; }

  (
    cd "$dir" || exit 99
    [ "$vmem" = unlimited ] || ulimit -v "$vmem"
    timed "$results/$num.time" nice -n 10 timeout -k 5 "$timeout_s" "$bin" "${args[@]}" \
      <"$in" >"$results/$num.stdout" 2>"$results/$num.stderr"
  )
  rc=$?

  read -r secs kib < <(tail -n 1 "$results/$num.time" 2>/dev/null)
  case "$kib" in '' | *[!0-9]*) mib="?" ;; *) mib=$(awk -v k="$kib" 'BEGIN { printf "%.0f", k / 1024 }') ;; esac
  secs=${secs:-?}
  # The first line of the message; after a failure, its first error.
  msg=""
  [ $rc -ne 0 ] && msg=$(grep -m 1 -e 'error' "$results/$num.stderr")
  [ -n "$msg" ] || msg=$(head -n 1 "$results/$num.stderr")
  msg=$(printf '%s' "$msg" | cut -c1-160)

  reasons=()
  if [ $rc -eq 124 ]; then reasons+=("timeout after ${timeout_s} s")
  elif [ $rc -ge 128 ]; then reasons+=("killed by signal $((rc - 128))")
  fi
  if [ $rc -ne 124 ] && [ $rc -lt 128 ] && ! [[ "|$expect|" == *"|$rc|"* ]]; then
    if [ $rc -eq 3 ]; then reasons+=("exit 3 (output error) for an input problem; expected $expect")
    elif [ $rc -eq 4 ]; then reasons+=("exit 4 (internal error); expected $expect")
    else reasons+=("exit $rc; expected $expect"); fi
  fi
  if [ $rc -ne 0 ] && [ -z "$msg" ]; then reasons+=("no message on stderr"); fi
  if [ -n "$outpath" ]; then
    after=$(state "$outpath")
    if [ $rc -ne 0 ]; then
      if [ "$after" != "$before" ]; then
        reasons+=("output changed by a failed run ($before -> $after)")
      fi
    elif [ "$before" != chardev ] && [ "$before" != fifo ]; then
      if [ ! -f "$outpath" ] || [ ! -s "$outpath" ]; then reasons+=("exit 0 but no output file")
      elif [[ "$outpath" != *.trace ]] && [ "$(head -c 5 "$outpath")" != "%PDF-" ]; then
        reasons+=("exit 0 but the output is not a PDF")
      fi
      # A link to an existing file is written through and kept (README.md).
      if [[ "$before" == link-\>*file* ]] && [ ! -L "$outpath" ]; then reasons+=("the link at the output was replaced"); fi
    fi
  fi
  leftovers=$(find "$dir" "$scratch/outside" -name '*.tmp-*' 2>/dev/null | head -n 3)
  [ -n "$leftovers" ] && reasons+=("temporary file left: ${leftovers//$scratch\//}")
  if [ "$absent" != "-" ]; then
    IFS='|' read -ra must_not <<<"$absent"
    for p in "${must_not[@]}"; do
      { [ -e "$dir/$p" ] || [ -L "$dir/$p" ]; } && reasons+=("$p was created")
    done
  fi
  snapshot >"$results/outside.after"
  if ! cmp -s "$results/outside.before" "$results/outside.after"; then
    changed=$(diff "$results/outside.before" "$results/outside.after" | grep '^[<>]' | head -n 2 | tr '\n' ' ')
    reasons+=("changed outside its folder: $changed")
    cp "$results/outside.after" "$results/outside.before"
  fi

  total=$((total + 1))
  if [ ${#reasons[@]} -eq 0 ]; then
    verdict="PASS"
  else
    verdict="FAIL: ${reasons[0]}"
    for r in "${reasons[@]:1}"; do verdict+="; $r"; done
    failed=$((failed + 1))
    failed_list+=" $name"
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$num" "$name" "$(md <<<"$desc")" "$rc" "$secs" "$mib" \
    "$(printf '%s' "${msg//$scratch\//}" | md)" "$(md <<<"$verdict")"
done <"$scratch/manifest.tsv"

echo
echo "$total cases, $((total - failed)) passed, $failed failed.${failed_list:+ Failed:$failed_list}"
[ $failed -eq 0 ]
