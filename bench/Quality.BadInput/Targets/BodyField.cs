namespace Quality.BadInput.Targets;

/// <summary>A property of an operation's JSON body, its JSON type (string, integer, number, boolean, array, object), and whether the body must have it.</summary>
public sealed record BodyField(string Name, string Type, bool Required = false);
