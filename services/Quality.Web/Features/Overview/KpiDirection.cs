namespace Quality.Web.Features.Overview;

public enum KpiDirection
{
    Unchanged,
    Better,
    Worse,
}
