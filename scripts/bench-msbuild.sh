#!/usr/bin/env bash
# What the ContractKit.MSBuild targets cost, for the threads spec and the whole OpenAI spec (docs/msbuild.md):
#   - a no-op incremental `dotnet build` of a project with ContractKit against the same project without it (the same
#     generated files compiled from its folder), interleaved run by run; plus MSBuild's own per-target times;
#   - a build after the spec was edited (a comment added: the generator runs, the output is unchanged, nothing recompiles);
#   - the generator's cold start (`contractkit --version`, as the targets run it) against `dotnet --version`.
# Usage: scripts/bench-msbuild.sh [runs (default 7)] [specs: threads openai]
# Prints medians. The machine is shared: figures are noisy; compare the columns of one run, not runs with each other.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-7}"; shift || true
specs=("${@:-threads openai}"); specs=(${specs[*]})
corpus="${CONTRACTKIT_CORPUS:-$root/../shared/corpus}"
work="$(mktemp -d "${TMPDIR:-/tmp}/ck-bench-msbuild.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
version=0.0.0-bench

ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; echo $(( ($(date +%s%N) - s) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

echo "packing into $work/feed ..." >&2
for p in ContractKit.Runtime ContractKit.Cli ContractKit.MSBuild; do
  dotnet pack "$root/src/$p/$p.csproj" -c Release -o "$work/feed" -p:Version=$version -v q -nologo >/dev/null
done
cat > "$work/nuget.config" <<XML
<configuration><packageSources><add key="bench" value="$work/feed" /></packageSources></configuration>
XML

project() { # name, package, extra items
  mkdir -p "$work/$1"
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><NoWarn>CS0618</NoWarn></PropertyGroup>
  <ItemGroup><PackageReference Include="$2" Version="$version" />$3</ItemGroup>
</Project>
XML
}

for name in "${specs[@]}"; do
  case "$name" in
    threads) spec="$root/spec/threads.yaml" ;;
    openai) spec="$corpus/openai/openapi.yaml" ;;
    *) spec="$name"; name="$(basename "${name%.*}")" ;;
  esac
  with="with-$name"; without="without-$name"
  project "$with" ContractKit.MSBuild "<ContractKitSpec Include=\"api.yaml\" Namespace=\"Bench.Api\" ClientName=\"ApiClient\" />"
  cp "$spec" "$work/$with/api.yaml"
  echo "$name: first build (restore, generate, compile) ..." >&2
  dotnet build "$work/$with" -v q -nologo >/dev/null
  project "$without" ContractKit.Runtime ""
  cp -r "$work/$with/obj/Debug/net10.0/ContractKit/"api-*/ "$work/$without/Generated"
  dotnet build "$work/$without" -v q -nologo >/dev/null

  a=(); b=()
  for _ in $(seq "$runs"); do
    a+=("$(ms dotnet build "$work/$with" --no-restore -v q -nologo)")
    b+=("$(ms dotnet build "$work/$without" --no-restore -v q -nologo)")
  done
  targets=$(dotnet build "$work/$with" --no-restore -nologo -v q -clp:PerformanceSummary |
    awk '/Target Performance Summary/ {on=1} on && /ContractKit/ {sum += $1} END {print sum + 0}')
  c=()
  for i in $(seq "$runs"); do
    echo "# bench edit $i" >> "$work/$with/api.yaml"
    c+=("$(ms dotnet build "$work/$with" --no-restore -v q -nologo)")
  done
  m_with=$(median "${a[@]}"); m_without=$(median "${b[@]}")
  echo "$name: no-op build with ContractKit $m_with ms, without $m_without ms: +$((m_with - m_without)) ms (ContractKit targets per MSBuild: $targets ms); after a spec edit: $(median "${c[@]}") ms ($runs runs each, medians)"
done

generator="$NUGET_PACKAGES/contractkit.msbuild/$version/tools/generator/ContractKit.Cli.dll"
d=(); g=()
for _ in $(seq "$runs"); do
  d+=("$(ms dotnet --version)")
  g+=("$(ms dotnet exec "$generator" --version)")
done
echo "cold start: contractkit --version $(median "${g[@]}") ms (portable, JIT, as the MSBuild package runs it), dotnet --version $(median "${d[@]}") ms"
