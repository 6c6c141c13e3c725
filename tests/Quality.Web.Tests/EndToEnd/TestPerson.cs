namespace Quality.Web.Tests.EndToEnd;

public sealed record TestPerson(string Name, string Role, string? Team, string? Language, string Password);
