#!/usr/bin/env bash
# Times each sampler here and in imbalanced-learn on the same CSV files and prints the ratio.
#
# Generated data (the default): one make_classification-style file.
#   benchmarks/side-by-side.sh [--rows N] [--features F] [--minority P] [--timeout S] [--out FILE] [method ...]
# Real data: every file in data/ and the real datasets prepared with benchmarks/real-data/prepare.py, each
# sampler run alternately here and in imbalanced-learn, medians of --runs (an imbalanced-learn run of over a
# minute is not repeated; one past --timeout, or failing, stops it for that pair).
#   benchmarks/side-by-side.sh --real [--runs R] [--datasets a,b (in this order)] [--timeout S] [--out FILE] [method ...]
#
# Installs Debian's python3-imblearn (imbalanced-learn 0.10.0, scikit-learn 1.2.1) when it is missing.
# Generated mode caches imbalanced-learn's times next to the generated CSV (delete the *.imblearn-times file
# to re-measure); real mode measures both sides every time, alternating, so both see the same machine.
set -euo pipefail
cd "$(dirname "$0")/.."

rows=200000 features=20 minority=0.05 timeout=1800 out="" real=0 runs=5 datasets=""
methods=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --features) features=$2; shift 2 ;;
    --minority) minority=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --real) real=1; shift ;;
    --runs) runs=$2; shift 2 ;;
    --datasets) datasets=$2; shift 2 ;;
    *) methods+=("$1"); shift ;;
  esac
done
if [ ${#methods[@]} -eq 0 ]; then
  methods=(random-over smote borderline-smote-1 borderline-smote-2 svm-smote adasyn kmeans-smote smote-nc smoten
           random-under tomek-links enn renn allknn near-miss-1 near-miss-2 near-miss-3 cnn oss ncr iht
           cluster-centroids smote-tomek smote-enn)
fi

if ! /usr/bin/python3 -c "import imblearn" 2>/dev/null; then
  echo "installing python3-imblearn with apt" >&2
  apt-get update -qq && apt-get install -y -qq python3-imblearn >/dev/null
fi

# The tool as one installs it on this machine (benchmarks/publish-tool.sh: the linux-x64 package), so its time
# is what a user's fresh process pays, compiling included.
work=benchmarks/.data
mkdir -p "$work"
benchmarks/publish-tool.sh "$work/cli" >/dev/null
dotnet build -c Release benchmarks/ImbalanceGuard.Benchmarks -v quiet -nologo >/dev/null
cli="$work/cli/imbalance-guard"
memory="dotnet benchmarks/ImbalanceGuard.Benchmarks/bin/Release/net10.0/ImbalanceGuard.Benchmarks.dll memory"

json_field() { /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
median() { /usr/bin/python3 -c "import statistics,sys; v=[float(x) for x in sys.argv[1:]]; print(f'{statistics.median(v):.6g}' if v else '')" "$@"; }

# The parameters both sides get beyond the defaults (random_state=0 on both), and the input a sampler reads.
sampler_params() {
  case "$1" in
    smote-nc) echo "--param categorical_features=0" ;;
    # With the default 'auto' threshold no cluster of the generated data qualifies, here or in imbalanced-learn.
    kmeans-smote) echo "--param cluster_balance_threshold=0.01" ;;
    *) echo "" ;;
  esac
}

# Neighbour-based cleaners must be at least 2x faster than imbalanced-learn on real data; other samplers 1x.
speed_target() {
  case "$1" in
    tomek-links|enn|renn|allknn|ncr|oss|cnn) echo 2 ;;
    *) echo 1 ;;
  esac
}

if [ "$real" -eq 1 ]; then
  # The bundled datasets, and the real datasets prepared from their upstream files (benchmarks/real-data).
  realdir="$work/real"
  files=(data/*.csv)
  if compgen -G "$realdir/*.csv" >/dev/null; then
    files+=("$realdir"/*.csv)
  else
    echo "no prepared datasets in $realdir: see benchmarks/real-data/README.md (prepare.py --from DIR)" >&2
  fi
  if [ -n "$datasets" ]; then
    # In the order given, so the datasets that matter most can go first in a long run.
    selected=()
    IFS=',' read -r -a wanted <<< "$datasets"
    for name in "${wanted[@]}"; do
      found=""
      for f in "${files[@]}"; do [ "$(basename "$f" .csv)" = "$name" ] && found=$f; done
      [ -n "$found" ] || { echo "no dataset named '$name' (data/*.csv or $realdir/*.csv)" >&2; exit 2; }
      selected+=("$found")
    done
    files=("${selected[@]}")
  fi

  printf '%-30s %-19s %10s %12s %8s %6s %10s %10s %6s\n' dataset method "ours (s)" "imblearn (s)" speed-up "met" "peak (MB)" "allow (MB)" "met"
  [ -n "$out" ] && echo "dataset,rows,features,method,ours_median_s,ours_runs_s,imblearn_median_s,imblearn_runs_s,speedup,speed_target,speed_met,input_mb,peak_extra_mb,allowance_mb,memory_met,note" > "$out"
  for csv in "${files[@]}"; do
    name=$(basename "$csv" .csv)
    shape=$(/usr/bin/python3 -c "import sys; f=open(sys.argv[1]); h=f.readline(); n=sum(1 for l in f if l.strip()); print(n, h.count(','))" "$csv")
    read -r nrows nfeatures <<< "$shape"
    for method in "${methods[@]}"; do
      read -r -a params <<< "$(sampler_params "$method")"
      ours=() theirs=() note=""
      for ((r = 1; r <= runs; r++)); do
        # Alternate: ours, then imbalanced-learn, so a slow spell of the machine hits both.
        if result=$("$cli" resample "$csv" --pre-split --method "$method" "${params[@]}" --out "$work/out.csv" --json 2>"$work/ours.err"); then
          ours+=("$(echo "$result" | json_field seconds)")
        else
          note="ours: $(tail -n 1 "$work/ours.err" | tr ',' ';')"; break
        fi
        if [ "$note" = "" ] && [ "${theirs_stopped:-}" != "$name/$method" ]; then
          status=0
          reference=$( (ulimit -v 16000000; timeout "$timeout" /usr/bin/python3 benchmarks/imblearn_time.py "$csv" "$method" 2>"$work/imblearn.err") ) || status=$?
          case $status in
            0) theirs+=("$(echo "$reference" | json_field seconds)")
               # A run of over a minute is not repeated: against our seconds, its spread cannot change the verdict.
               /usr/bin/python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) > 60 else 1)" "${theirs[-1]}" && theirs_stopped="$name/$method" ;;
            124) theirs+=(">$timeout"); theirs_stopped="$name/$method" ;;
            *) note="imbalanced-learn: $(tail -n 1 "$work/imblearn.err" | tr ',' ';')"; theirs_stopped="$name/$method" ;;
          esac
        fi
      done
      ours_median=$(median "${ours[@]}")
      numeric_theirs=()
      for t in "${theirs[@]}"; do [[ "$t" != ">"* ]] && numeric_theirs+=("$t"); done
      if [[ " ${theirs[*]} " == *" >"* ]]; then theirs_median=">$timeout"; else theirs_median=$(median "${numeric_theirs[@]}"); fi
      target=$(speed_target "$method")
      speedup="-" met="-"
      if [ -n "$ours_median" ] && [ -n "$theirs_median" ]; then
        if [[ "$theirs_median" == ">"* ]]; then
          speedup=">$(/usr/bin/python3 -c "print(f'{$timeout / $ours_median:.1f}')")"; met=yes
        else
          speedup=$(/usr/bin/python3 -c "print(f'{$theirs_median / $ours_median:.2f}')")
          met=$(/usr/bin/python3 -c "print('yes' if $theirs_median / $ours_median >= $target else 'NO')")
        fi
      fi
      peak="-" allowance="-" input_mb="-" memory_met="-"
      if [ -n "$ours_median" ] && probe=$($memory "$csv" "$method" "${params[@]}" 2>/dev/null); then
        read -r input_mb peak allowance memory_met <<< "$(echo "$probe" | /usr/bin/python3 -c "
import json, sys
p = json.load(sys.stdin)
mb = 1 << 20
allowance = max(2 * p['input_bytes'], p['input_bytes'] + 64 * mb)
print(f\"{p['input_bytes'] / mb:.1f} {p['peak_extra_bytes'] / mb:.1f} {allowance / mb:.1f} {'yes' if p['peak_extra_bytes'] <= allowance else 'NO'}\")")"
      fi
      printf '%-30s %-19s %10s %12s %8s %6s %10s %10s %6s %s\n' "$name" "$method" "${ours_median:--}" "${theirs_median:--}" "$speedup" "$met" "$peak" "$allowance" "$memory_met" "$note"
      [ -n "$out" ] && echo "$name,$nrows,$nfeatures,$method,$ours_median,${ours[*]},$theirs_median,${theirs[*]},$speedup,$target,$met,$input_mb,$peak,$allowance,$memory_met,$note" >> "$out"
    done
  done
  rm -f "$work/out.csv"
  exit 0
fi

csv="$work/make_classification_${rows}x${features}_${minority}.csv"
[ -f "$csv" ] || "$cli" generate --rows "$rows" --features "$features" --minority-fraction "$minority" --seed 0 --out "$csv"
# SMOTEN needs categorical data: the same rows with every feature rounded to an integer.
categorical="$work/rounded_${rows}x${features}_${minority}.csv"
[ -f "$categorical" ] || awk -F, 'NR==1 {print; next} {for (i = 1; i < NF; i++) $i = sprintf("%d", $i); print}' OFS=, "$csv" > "$categorical"

printf '%-20s %12s %16s %9s %14s\n' method "here (s)" "imblearn (s)" ratio "peak / input"
[ -n "$out" ] && printf 'method,here_seconds,imblearn_seconds,ratio,peak_over_input\n' > "$out"
for method in "${methods[@]}"; do
  input="$csv"
  read -r -a params <<< "$(sampler_params "$method")"
  case "$method" in
    smoten|smote-nc) input="$categorical" ;;
  esac
  here=$("$cli" resample "$input" --pre-split --method "$method" "${params[@]}" --out "$work/out.csv" --json | json_field seconds)
  peak=$($memory "$input" "$method" "${params[@]}" | /usr/bin/python3 -c "import json,sys; print(round(json.load(sys.stdin)['peak_over_input'], 2))")
  # imbalanced-learn takes hours over the whole list: its times are kept per input file and reused.
  cache="$input.imblearn-times"
  theirs=$(grep -s "^$method," "$cache" | tail -1 | cut -d, -f2 || true)
  if [ -z "$theirs" ]; then
    status=0
    reference=$(timeout "$timeout" /usr/bin/python3 benchmarks/imblearn_time.py "$input" "$method" 2>"$work/imblearn.err") || status=$?
    case $status in
      0) theirs=$(echo "$reference" | json_field seconds) ;;
      124) theirs=">$timeout" ;;
      *) theirs="failed"; tail -n 1 "$work/imblearn.err" >&2 ;;
    esac
    echo "$method,$theirs" >> "$cache"
  fi
  if [[ "$theirs" == "failed" ]]; then
    ratio="-"
  elif [[ "$theirs" != ">"* ]]; then
    ratio=$(/usr/bin/python3 -c "print(f'{$theirs / $here:.1f}x')")
  else
    ratio=">$(/usr/bin/python3 -c "print(f'{$timeout / $here:.0f}x')")"
  fi
  printf '%-20s %12.2f %16s %9s %14s\n' "$method" "$here" "$theirs" "$ratio" "$peak"
  [ -n "$out" ] && printf '%s,%s,%s,%s,%s\n' "$method" "$here" "$theirs" "$ratio" "$peak" >> "$out"
done
rm -f "$work/out.csv"
