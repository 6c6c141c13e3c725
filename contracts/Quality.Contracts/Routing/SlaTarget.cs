namespace Quality.Contracts.Routing;

public enum SlaTarget
{
    FirstResponse = 1,
    NextResponse = 2,
    Resolution = 3,
}
