using System.CommandLine;
using System.Threading.Tasks;
using ContractKit.Cli.Commands;
using ContractKit.Diagnostics;
using ContractKit.Pipeline;

namespace ContractKit.Cli;

/// <summary>The <c>contractkit</c> command: option parsing and output only; the work is the library's.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        PhaseTrace.Mark("main");
        if (args is ["generate" or "lint" or "diff" or "check", ..])
        {
            // These read specs: the reader's code loads on the other core while the command line is parsed.
            ContractLoader.Prepare();
        }

        // Named "contractkit" whatever the entry assembly is called (ContractKit.Cli.dll, the tool's shim): RootCommand
        // would name itself after the executable, and --help would say "ContractKit.Cli".
        var root = new Command("contractkit", "ContractKit: contract-first OpenAPI toolkit for .NET.") { new System.CommandLine.Help.HelpOption(), new VersionOption() };
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(LintCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(MockCommand.Create());
        var exitCode = await CommandRunner.InvokeAsync(root, args).ConfigureAwait(false);
        PhaseTrace.Mark("done");
        return exitCode;
    }
}
