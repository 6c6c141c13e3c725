namespace Quality.Gateway.Routing;

/// <summary>Who may pass the gateway on a route; the service behind it still decides who may do what.</summary>
public enum RouteAccess
{
    /// <summary>A service API: the request must carry a person's bearer token or a channel's API key.</summary>
    Credentials,

    /// <summary>Deliberately anonymous in the service (the signed survey-answer link): passes without credentials.</summary>
    Anonymous,

    /// <summary>The dashboard: its own sign-in (a cookie) is checked by the web app.</summary>
    Dashboard,
}
