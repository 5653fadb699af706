#!/usr/bin/env bash
# Installs the imbalance-guard tool into a folder as a user gets it: packed (the pointer package, the native
# linux-x64 package on Linux x64, this platform's framework-dependent package on Linux arm64 and macOS, the
# framework-dependent 'any' package elsewhere) and installed with
# 'dotnet tool install' from that local folder. Prints the path of the installed command.
# Usage: benchmarks/publish-tool.sh TOOL_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
tools=$(realpath -m "$1")
packages=$(mktemp -d)
trap 'rm -rf "$packages"' EXIT

project=src/ImbalanceGuard.Cli
dotnet pack "$project" -c Release -o "$packages" -v quiet -nologo >/dev/null
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) dotnet pack "$project" -c Release -o "$packages" -r linux-x64 -v quiet -nologo >/dev/null ;;
  Linux-aarch64) rid=linux-arm64 ;;
  Darwin-x86_64) rid=osx-x64 ;;
  Darwin-arm64) rid=osx-arm64 ;;
esac
if [ -n "${rid:-}" ]; then
  dotnet pack "$project" -c Release -o "$packages" -r "$rid" -p:PublishAot=false -p:SelfContained=false -v quiet -nologo >/dev/null
fi
dotnet pack "$project" -c Release -o "$packages" -r any -p:PublishAot=false -v quiet -nologo >/dev/null

rm -rf "$tools"
dotnet tool install --tool-path "$tools" --add-source "$packages" ImbalanceGuard.Cli >/dev/null
echo "$tools/imbalance-guard"
