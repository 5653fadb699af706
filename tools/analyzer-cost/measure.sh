#!/usr/bin/env bash
# What the ImbalanceGuard analyzers cost in a normal build of someone else's code: the compiler's own accounting
# (-p:ReportAnalyzer=true) with the compiler server warm, as developers and CI build.
#
#   tools/analyzer-cost/measure.sh <sources-dir> <name> [runs] [define-constants] [lang-version]
#
# Builds the .cs files under <sources-dir> as one net10.0 library (a minimal project: the real project files need
# packages and SDKs this machine does not have) in three configurations, <runs> times each (default 5), after three
# warm-up builds per configuration:
#   none      no ImbalanceGuard analyzer
#   inactive  the analyzers, the code referencing neither ImbalanceGuard nor ML.NET (they decide once per
#             compilation whether there is anything to do)
#   active    the analyzers and references to ImbalanceGuard.dll and ML.NET (every code block is token-scanned)
# and prints, per build, the ImbalanceGuard.Analyzers execution time the compiler reports and the build's elapsed
# time; then the medians. Needs the analyzers and the library built in Release first:
#   dotnet build src/ImbalanceGuard.Analyzers -c Release && dotnet build src/ImbalanceGuard -c Release
# Set FRESH=1 to build without the compiler server (a fresh csc per build: loading and JIT counted every time),
# CONFIGS="active" (for example) to build only some of the configurations, WARMUP=<n> for other than three warm-up
# builds per configuration (the server's JIT keeps optimising the compiler and the analyzers over the first builds),
# PAUSE=<seconds> for other than 10 s before each build (after a build the server spends several seconds of CPU on
# background re-JIT, which builds started at once compete with: a developer's builds are not back to back).
set -euo pipefail
sources=$(realpath "$1"); name=$2; runs=${3:-5}; defines=${4:-}; lang=${5:-latest}
repo=$(cd "$(dirname "$0")/../.." && pwd)
analyzer=$repo/src/ImbalanceGuard.Analyzers/bin/Release/netstandard2.0/ImbalanceGuard.Analyzers.dll
library=$repo/src/ImbalanceGuard/bin/Release/net8.0/ImbalanceGuard.dll
for f in "$analyzer" "$library"; do [[ -f $f ]] || { echo "missing $f (build Release first)" >&2; exit 2; }; done
work=${TMPDIR:-/tmp}/analyzer-cost/$name
server=true; [[ ${FRESH:-0} == 1 ]] && server=false
mkdir -p "$work"

project() { # $1 = configuration
  local dir=$work/$1; mkdir -p "$dir"
  {
    echo '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup>'
    echo '<TargetFramework>net10.0</TargetFramework><OutputType>Library</OutputType><Nullable>enable</Nullable>'
    echo "<LangVersion>$lang</LangVersion><AllowUnsafeBlocks>true</AllowUnsafeBlocks><EnableDefaultCompileItems>false</EnableDefaultCompileItems>"
    echo '<EnableNETAnalyzers>false</EnableNETAnalyzers><TreatWarningsAsErrors>false</TreatWarningsAsErrors><NoWarn>$(NoWarn);CS1591;SYSLIB0011;SYSLIB0050;SYSLIB0051;CS0618;CS8600;CS8601;CS8602;CS8603;CS8604</NoWarn>'
    echo "<DefineConstants>\$(DefineConstants);$defines</DefineConstants><ImplicitUsings>disable</ImplicitUsings>"
    echo "<UseSharedCompilation>$server</UseSharedCompilation><GenerateAssemblyInfo>false</GenerateAssemblyInfo>"
    echo '</PropertyGroup><ItemGroup>'
    echo "<Compile Include=\"$sources/**/*.cs\" />"
    [[ $1 != none ]] && echo "<Analyzer Include=\"$analyzer\" />"
    if [[ $1 == active ]]; then
      echo "<Reference Include=\"$library\" />"
      echo '<PackageReference Include="Microsoft.ML" Version="5.0.1" />'
    fi
    echo '</ItemGroup></Project>'
  } > "$dir/Measured.csproj"
  # A project of its own: no Directory.Build.props or central package management from above.
  echo '<Project />' > "$dir/Directory.Build.props"; echo '<Project />' > "$dir/Directory.Build.targets"
  echo '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' > "$dir/Directory.Packages.props"
  dotnet restore "$dir/Measured.csproj" -v:q >/dev/null
}

build() { # $1 = configuration; prints "<ig seconds> <elapsed seconds>"
  local log=$work/$1.log
  sleep "${PAUSE:-10}" # the server re-JITs the compiler in the background for several seconds after a build
  dotnet build "$work/$1/Measured.csproj" -c Release --no-restore --no-incremental -p:ReportAnalyzer=true -v:d -nologo > "$log" 2>&1 \
    || { grep -m5 'error' "$log" >&2; echo "build failed: $log" >&2; exit 1; }
  local ig elapsed
  ig=$(grep -m1 -E '^\s+[0-9.<]+\s+[0-9]+\s+ImbalanceGuard\.Analyzers' "$log" | awk '{print $1}' || true)
  elapsed=$(grep -m1 'Time Elapsed' "$log" | awk '{split($3,t,":"); print t[1]*3600+t[2]*60+t[3]}')
  echo "${ig:--} $elapsed"
}

median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "-"} else if (NR%2) {print a[(NR+1)/2]} else {print (a[NR/2]+a[NR/2+1])/2}}'; }

for config in ${CONFIGS:-none inactive active}; do
  project "$config"
  for ((w = 1; w <= ${WARMUP:-3}; w++)); do build "$config" > /dev/null; done # warm-up: the server loads and JITs the compiler and the analyzers
  : > "$work/$config.txt"
  for ((i = 1; i <= runs; i++)); do build "$config" | tee -a "$work/$config.txt" | awk -v c="$config" -v i="$i" '{print c " run " i ": analyzers " $1 " s, build " $2 " s"}'; done
done

echo "median (ImbalanceGuard analyzers s, build s, analyzers/build):"
for config in ${CONFIGS:-none inactive active}; do
  ig=$(awk '$1 != "-" {print $1}' "$work/$config.txt" | median)
  el=$(awk '{print $2}' "$work/$config.txt" | median)
  share=$(awk -v a="$ig" -v b="$el" 'BEGIN { if (a == "-") print "-"; else printf "%.2f%%", 100 * a / b }')
  echo "$name $config $ig $el $share"
done
