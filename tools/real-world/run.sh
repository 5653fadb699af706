#!/usr/bin/env bash
# Runs ImbalanceGuard's analyzers (through tools/AnalyzeSources) on the public code listed in corpora.tsv, each
# repository at its recorded commit, and keeps one output file per corpus: every IG diagnostic with its line,
# the compiler errors left, AD0001 (analyzer exceptions, must be 0) and times.
#
#   tools/real-world/run.sh [OUT_DIR] [NAME ...]     (default OUT_DIR: /tmp/real-world-out; default: every corpus)
#
# The repositories are read from bare git mirrors under $MIRRORS (default /work/.mirror/<owner>+<name>/repo, as the
# fetch tool leaves them); submodules named in corpora.tsv from their own mirrors, at the commit the repository pins.
# Only sources and project files (.cs, .csproj, .props, .targets, .projitems) are extracted: nothing is built or run.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$here/../.." && pwd)
out=${1:-/tmp/real-world-out}
shift || true
mirrors=${MIRRORS:-/work/.mirror}
work=$(mktemp -d /tmp/real-world-src.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

dotnet build -c Release "$repo_root/tools/AnalyzeSources" -v q -nologo >/dev/null
status=0
# Extracts the sources (.cs, project files, props/targets/projitems) of <git_dir> at <commit> under <into>.
# A blob the mirror left out (it keeps no file above a size limit) is listed in <missing>, not fatal.
extract() {
  local git_dir=$1 commit=$2 into=$3 missing=$4 list
  shift 4
  list=$(mktemp "$work/list.XXXXXX")
  git -c core.quotepath=off --git-dir="$git_dir" ls-tree -r "$commit" -- "$@" 2>/dev/null |
    grep -E $'\t''.*\.(cs|csproj|props|targets|projitems)$' >"$list" || true
  cut -f1 "$list" | awk '{ print $3 }' | git --git-dir="$git_dir" cat-file --batch-check >"$list.check"
  paste "$list.check" "$list" | awk -F'\t' '$1 ~ / missing$/ { print $3 }' >>"$missing"
  mkdir -p "$into"
  paste "$list.check" "$list" | awk -F'\t' '$1 !~ / missing$/ { printf "%s%c", $3, 0 }' |
    xargs -0 -r git --git-dir="$git_dir" archive "$commit" -- | tar -x -i -C "$into"
}

while IFS=$'\t' read -r name repository commit paths kind submodules; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  if [[ $# -gt 0 ]] && ! printf '%s\n' "$@" | grep -qx "$name"; then continue; fi
  git_dir="$mirrors/${repository/\//+}/repo"
  if ! git --git-dir="$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "$name: $repository@$commit is not in $git_dir (fetch it first)" >&2
    status=1
    continue
  fi
  source="$work/$name"
  mkdir -p "$source"
  : >"$out/$name.missing"
  # shellcheck disable=SC2086 # paths is a space-separated list of pathspecs
  extract "$git_dir" "$commit" "$source" "$out/$name.missing" $paths
  # Submodules (path=owner/name,...) at the commit the repository pins, from their own mirrors.
  for submodule in ${submodules//,/ }; do
    sub_path=${submodule%%=*} sub_repository=${submodule#*=}
    sub_commit=$(git --git-dir="$git_dir" ls-tree "$commit" -- "$sub_path" | awk '$2 == "commit" { print $3 }')
    extract "$mirrors/${sub_repository/\//+}/repo" "$sub_commit" "$source/$sub_path" "$out/$name.missing"
    echo "$name: submodule $sub_path = $sub_repository@$sub_commit"
  done
  target="$source"
  [[ "$paths" != "." && "$paths" != *" "* ]] && target="$source/$paths"
  echo "== $name ($repository@${commit:0:12}, $paths, $kind)"
  start=$(date +%s.%N)
  rc=0
  dotnet run -c Release --no-build --project "$repo_root/tools/AnalyzeSources" -- "$target" >"$out/$name.txt" 2>"$out/$name.err" || rc=$?
  end=$(date +%s.%N)
  printf '%s\t%s\t%s\t%.1f s\texit %s\t%s missing blobs\t%s\n' "$name" "$repository" "$commit" "$(echo "$end - $start" | bc)" "$rc" \
    "$(wc -l <"$out/$name.missing")" "$(tail -n 1 "$out/$name.txt")" | tee -a "$out/summary.tsv"
  [[ $rc -eq 0 ]] || status=1
  rm -rf "$source"
done < "$here/corpora.tsv"
exit $status
