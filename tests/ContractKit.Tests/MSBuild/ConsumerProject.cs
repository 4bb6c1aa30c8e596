using System;
using System.IO;
using System.Linq;
using ContractKit.Tests.Support;

namespace ContractKit.Tests.MSBuild;

/// <summary>
/// A console project as a user would write it: one PackageReference to ContractKit.MSBuild (from a local feed), one
/// ContractKitSpec item, and a spec that <c>$ref</c>s a second file. Its program calls the generated client.
/// </summary>
internal sealed class ConsumerProject
{
    public const string Spec = """
        openapi: 3.0.3
        info:
          title: Pets
          version: 1.0.0
        paths:
          /pets/{petId}:
            get:
              operationId: getPet
              parameters:
                - name: petId
                  in: path
                  required: true
                  schema:
                    type: string
              responses:
                '200':
                  description: The pet.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pet'
        components:
          schemas:
            Pet:
              type: object
              required: [id, name]
              properties:
                id:
                  type: string
                name:
                  type: string
                owner:
                  $ref: 'common/owner.yaml#/Owner'
        """;

    public const string Owner = """
        Owner:
          type: object
          properties:
            name:
              type: string
        """;

    public const string Program = """
        using Acme.Pets;

        var client = new PetsClient(new System.Net.Http.HttpClient(), new PetsClientOptions { BaseAddress = new System.Uri(args[0]) });
        var pet = await client.GetPetAsync("7");
        System.Console.WriteLine($"pet {pet.Id} is {pet.Name}");
        """;

    public ConsumerProject(string root, string feed, string version)
    {
        Root = root;
        Directory.CreateDirectory(Path.Combine(root, "spec", "common"));
        Write("Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ContractKit.MSBuild" Version="{version}" />
                <ContractKitSpec Include="spec/pets.yaml" Namespace="Acme.Pets" ClientName="PetsClient" />
              </ItemGroup>
            </Project>
            """);
        // The local feed first; the machine's own sources (the registry or its mirror) stay for everything else.
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="contractkit-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        Write("Program.cs", Program);
        Write("spec/pets.yaml", Spec);
        Write("spec/common/owner.yaml", Owner);
    }

    public string Root { get; }

    public string SpecPath => Path.Combine(Root, "spec", "pets.yaml");

    public string OwnerPath => Path.Combine(Root, "spec", "common", "owner.yaml");

    /// <summary>obj/Debug/net10.0/ContractKit: the generated folder and the stamp, deps and options files.</summary>
    public string GeneratedRoot => Path.Combine(Root, "obj", "Debug", "net10.0", "ContractKit");

    /// <summary>The generated Pet model (its folder name carries a hash of the spec's path).</summary>
    public string PetModel => Directory.GetFiles(GeneratedRoot, "Pet.g.cs", SearchOption.AllDirectories).Single();

    public string Stamp => Directory.GetFiles(GeneratedRoot, "*.stamp").Single();

    public string Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    /// <summary>The spec with one more property on Pet (<c>age</c>), so regeneration shows in Pet.g.cs.</summary>
    public static string SpecWithAge => Spec.Replace(
        "        owner:\n", "        age:\n          type: integer\n        owner:\n", StringComparison.Ordinal);
}
