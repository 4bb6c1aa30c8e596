using System.CommandLine;
using System.Threading.Tasks;
using ContractKit.Cli.Commands;

namespace ContractKit.Cli;

/// <summary>The <c>contractkit</c> command: option parsing and output only; the work is the library's.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("ContractKit: contract-first OpenAPI toolkit for .NET.");
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(LintCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        return await CommandRunner.InvokeAsync(root, args).ConfigureAwait(false);
    }
}
