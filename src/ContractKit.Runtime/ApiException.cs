using System;
using System.Collections.Generic;
using System.Net;

namespace ContractKit.Runtime;

/// <summary>Thrown by generated clients when the server answers with a status the operation does not treat as success.</summary>
public class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiException(
        string message,
        HttpStatusCode statusCode,
        string? responseBody,
        IReadOnlyDictionary<string, IEnumerable<string>> headers,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
        Headers = headers;
    }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The raw response body, as text; null when there was none.</summary>
    public string? ResponseBody { get; }

    /// <summary>Response and content headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
}

/// <summary>An <see cref="ApiException"/> whose body was parsed into the error model the spec declares.</summary>
/// <typeparam name="TError">The generated error type.</typeparam>
public sealed class ApiException<TError> : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ApiException(
        string message,
        HttpStatusCode statusCode,
        string? responseBody,
        IReadOnlyDictionary<string, IEnumerable<string>> headers,
        TError error,
        Exception? innerException = null)
        : base(message, statusCode, responseBody, headers, innerException)
    {
        Error = error;
    }

    /// <summary>The parsed error body.</summary>
    public TError Error { get; }
}
