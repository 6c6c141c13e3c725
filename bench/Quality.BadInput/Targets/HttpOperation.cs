namespace Quality.BadInput.Targets;

/// <summary>
/// One HTTP operation of a service, found in its OpenAPI document or as a gRPC method's transcoded route.
/// </summary>
/// <param name="Route">The template, e.g. <c>/api/cases/{case_id}</c>.</param>
/// <param name="BodyFields">The JSON body's properties, when the operation takes a JSON body.</param>
/// <param name="BodyDescribed">The body's shape is known (a schema or a message), so an empty list means it has no fields.</param>
public sealed record HttpOperation(
    string Service,
    HttpMethod Method,
    string Route,
    IReadOnlyList<string> QueryParameters,
    IReadOnlyList<BodyField> BodyFields,
    bool TakesBody,
    bool BodyDescribed,
    bool Streams = false)
{
    public string Name => $"{Service} {Method} {Route}";

    public bool IsRead => Method == HttpMethod.Get || Method == HttpMethod.Head;

    public IReadOnlyList<string> PathParameters { get; } = RouteTemplate.Parameters(Route);
}
