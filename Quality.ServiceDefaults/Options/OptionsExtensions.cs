using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Quality.ServiceDefaults.Options;

public static class OptionsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="sectionName"/>, validates its data annotations at
    /// start and names each failing value by its full configuration key (<c>Auth:SigningKey</c>), so an
    /// operator knows exactly which setting to fix.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string sectionName) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new KeyedDataAnnotationsValidator<T>(sectionName));
        return services.AddOptions<T>().BindConfiguration(sectionName).ValidateOnStart();
    }
}
