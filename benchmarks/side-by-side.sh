#!/usr/bin/env bash
# Times each sampler here and in imbalanced-learn on the same generated CSV and prints the ratio.
# Usage: benchmarks/side-by-side.sh [--rows N] [--features F] [--minority P] [--timeout S] [--out FILE] [method ...]
# Installs Debian's python3-imblearn (imbalanced-learn 0.10.0, scikit-learn 1.2.1) when it is missing.
# imbalanced-learn's times are cached next to the generated CSV (delete the *.imblearn-times file to re-measure).
set -euo pipefail
cd "$(dirname "$0")/.."

rows=200000 features=20 minority=0.05 timeout=1800 out=""
methods=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --features) features=$2; shift 2 ;;
    --minority) minority=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
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

# The tool as one deploys it: published ReadyToRun, so its time is the resampling, not the JIT compiling it.
work=benchmarks/.data
mkdir -p "$work"
dotnet publish src/ImbalanceGuard.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$work/cli" -v quiet -nologo >/dev/null
dotnet build -c Release benchmarks/ImbalanceGuard.Benchmarks -v quiet -nologo >/dev/null
cli="dotnet $work/cli/imbalance-guard.dll"
memory="dotnet benchmarks/ImbalanceGuard.Benchmarks/bin/Release/net10.0/ImbalanceGuard.Benchmarks.dll memory"

csv="$work/make_classification_${rows}x${features}_${minority}.csv"
[ -f "$csv" ] || $cli generate --rows "$rows" --features "$features" --minority-fraction "$minority" --seed 0 --out "$csv"
# SMOTEN needs categorical data: the same rows with every feature rounded to an integer.
categorical="$work/rounded_${rows}x${features}_${minority}.csv"
[ -f "$categorical" ] || awk -F, 'NR==1 {print; next} {for (i = 1; i < NF; i++) $i = sprintf("%d", $i); print}' OFS=, "$csv" > "$categorical"

printf '%-20s %12s %16s %9s %14s\n' method "here (s)" "imblearn (s)" ratio "peak / input"
[ -n "$out" ] && printf 'method,here_seconds,imblearn_seconds,ratio,peak_over_input\n' > "$out"
for method in "${methods[@]}"; do
  input="$csv"; params=()
  case "$method" in
    smoten) input="$categorical" ;;
    smote-nc) params=(--param categorical_features=0); input="$categorical" ;;
    # With the default 'auto' threshold no cluster of this data qualifies, here or in imbalanced-learn.
    kmeans-smote) params=(--param cluster_balance_threshold=0.01) ;;
  esac
  here=$($cli resample "$input" --method "$method" "${params[@]}" --out "$work/out.csv" --json | /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)['seconds'])")
  peak=$($memory "$input" "$method" "${params[@]}" | /usr/bin/python3 -c "import json,sys; print(round(json.load(sys.stdin)['peak_over_input'], 2))")
  # imbalanced-learn takes hours over the whole list: its times are kept per input file and reused.
  cache="$input.imblearn-times"
  theirs=$(grep -s "^$method," "$cache" | tail -1 | cut -d, -f2 || true)
  if [ -z "$theirs" ]; then
    status=0
    reference=$(timeout "$timeout" /usr/bin/python3 benchmarks/imblearn_time.py "$input" "$method" 2>"$work/imblearn.err") || status=$?
    case $status in
      0) theirs=$(echo "$reference" | /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)['seconds'])") ;;
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
