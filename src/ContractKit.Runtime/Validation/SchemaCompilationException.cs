using System;

namespace ContractKit.Runtime.Validation;

/// <summary>A schema that cannot be compiled: an unresolvable <c>$ref</c>, an invalid pattern, a keyword of the wrong type.</summary>
public sealed class SchemaCompilationException : Exception
{
    /// <summary>Creates the exception for the schema at <paramref name="schemaLocation"/>.</summary>
    public SchemaCompilationException(string schemaLocation, string message, Exception? inner = null)
        : base($"{message} (at {schemaLocation})", inner)
    {
        SchemaLocation = schemaLocation;
    }

    /// <summary>Where in the schema the problem is: document URI and JSON Pointer.</summary>
    public string SchemaLocation { get; }
}
