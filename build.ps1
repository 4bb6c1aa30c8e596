# Windows wrapper over the same dotnet commands as README.md (no logic of its own).
#   ./build.ps1 generate   regenerate generated/ from the specs in contractkit.json
#   ./build.ps1 test       run the tests
#   ./build.ps1 pack       every package into artifacts/
param(
    [ValidateSet('generate', 'test', 'build', 'pack')]
    [string] $Task = 'test'
)
$ErrorActionPreference = 'Stop'
switch ($Task) {
    'generate' { dotnet run --project src/ContractKit.Cli -- generate }
    'test'     { dotnet test }
    'build'    { dotnet build }
    'pack'     { dotnet pack }
}
exit $LASTEXITCODE
