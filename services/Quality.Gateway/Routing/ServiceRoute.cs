namespace Quality.Gateway.Routing;

/// <summary>One public path pattern and the service that answers it.</summary>
/// <param name="Id">The route id: YARP's route id and the key of a body-limit override (<c>Gateway:BodyLimits:Routes:&lt;id&gt;</c>).</param>
/// <param name="Path">An ASP.NET Core route pattern; a <c>{**rest}</c> catch-all also matches the prefix itself.</param>
/// <param name="Service">The service-discovery name of the destination (<c>services:&lt;name&gt;:http:0</c>).</param>
public sealed record ServiceRoute(string Id, string Path, string Service, RouteAccess Access = RouteAccess.Credentials);
