using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContractKit.AspNetCore;

/// <summary>Registration: <c>services.AddContractValidation("spec/threads.yaml")</c>, then <c>app.UseContractValidation()</c>.</summary>
public static class ContractValidationExtensions
{
    /// <summary>Registers the middleware's services for the contract at <paramref name="specPath"/> (read once, at first use).</summary>
    public static IServiceCollection AddContractValidation(this IServiceCollection services, string specPath, Action<ContractValidationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(specPath);
        return services.AddContractValidation(options =>
        {
            options.SpecPath = specPath;
            configure?.Invoke(options);
        });
    }

    /// <summary>Registers the middleware's services for an already-built contract (no spec is read).</summary>
    public static IServiceCollection AddContractValidation(this IServiceCollection services, ServedContract contract, Action<ContractValidationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return services.AddContractValidation(options =>
        {
            options.Contract = contract;
            configure?.Invoke(options);
        });
    }

    /// <summary>Registers the middleware's services, the contract given through the options.</summary>
    public static IServiceCollection AddContractValidation(this IServiceCollection services, Action<ContractValidationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        services.AddMetrics();
        services.TryAddSingleton<ContractMetrics>();
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ContractValidationOptions>>().Value;
            return options.Contract ?? ServedContract.Load(options.SpecPath ?? throw new InvalidOperationException("ContractValidationOptions needs SpecPath or Contract."));
        });
        return services;
    }

    /// <summary>Adds the middleware: requests matching an operation are checked before the endpoints run.</summary>
    public static IApplicationBuilder UseContractValidation(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<ContractValidationMiddleware>();
    }
}
