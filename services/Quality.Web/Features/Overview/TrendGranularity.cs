namespace Quality.Web.Features.Overview;

public enum TrendGranularity
{
    Hour,
    Day,
    Week,
}
